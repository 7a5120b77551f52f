"""strip-debris: apply the declarative rules of `rules/` (and `--rules DIR`).

Removes what the rules describe: whole lines (navigation, share bars,
newsletter prompts, bylines, captions...), lines only before the first or
after the last prose paragraph (head/tail scopes), multi-line blocks, and
inline spans (glued "Also read" teasers, outlet names left at sentence ends).
Bylines and datelines give their author and date to the metadata.

Keeps every line longer than a rule's `max_words`, so a prose sentence that
happens to contain a debris phrase stays. Where two rules claim overlapping
text, the one that starts first (then the longer) wins; the other is dropped.
Relies on normalize-newlines: lines are separated by `\\n`.
"""
from __future__ import annotations

import re
from typing import Any

from cleaner.dates import to_iso
from cleaner.edits import Edit
from cleaner.rules import Rule, Rulebook
from cleaner.steps.base import Context, StepResult

PROSE_END = re.compile(r"[.!?…:;][\"'”’)\]]*[ \t]*$")
PROSE_MIN_WORDS = 10


def is_prose(line: str) -> bool:
    """A paragraph that reads like running text: 10+ words, ending like a sentence."""
    return len(line.split()) >= PROSE_MIN_WORDS and bool(PROSE_END.search(line))


def prose_bounds(text: str) -> tuple[int, int]:
    """Offsets of the start of the first and the end of the last prose line (or (len, 0))."""
    first, last, offset = len(text), 0, 0
    for line in text.split("\n"):
        if is_prose(line):
            first = min(first, offset)
            last = offset + len(line)
        offset += len(line) + 1
    return first, last


def _whole_lines(text: str, start: int, end: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, start) + 1
    newline = text.find("\n", max(end - 1, start))
    return start, len(text) if newline < 0 else newline + 1


class StripDebris:
    """Apply a rulebook: every match becomes an edit with the rule's id and reason."""

    name = "strip-debris"
    description = "remove debris described by the rules in rules/ (navigation, forms, bylines...)"

    def __init__(self, rulebook: Rulebook):
        self.rules = rulebook.rules

    def run(self, text: str, context: Context) -> StepResult:
        head_end, tail_start = prose_bounds(text)
        candidates = []
        for rule in self.rules:
            for match in rule.regex.finditer(text):
                span = self._span(rule, match, text, head_end, tail_start)
                if span:
                    candidates.append((span[0], span[1], rule, match))
        candidates.sort(key=lambda c: (c[0], -c[1]))
        edits, metadata, last_end = [], {}, -1
        for start, end, rule, match in candidates:
            if start < last_end or (start == last_end == end):
                continue
            edits.append(Edit(start, end, rule.replacement if rule.kind == "replace" else "",
                              rule.id, rule.reason))
            _lift(match, metadata)
            last_end = end
        return StepResult(edits=tuple(edits), metadata=metadata)

    @staticmethod
    def _span(rule: Rule, match: re.Match, text: str, head_end: int, tail_start: int):
        start, end = match.span()
        if start == end:
            return None
        if rule.scope == "inline":
            return start, end
        if rule.scope == "block":
            return _whole_lines(text, start, end)
        if len(match.group().split()) > rule.max_words:
            return None
        if rule.scope == "head" and end > head_end:
            return None
        if rule.scope == "tail" and start < tail_start:
            return None
        return start, end + 1 if text[end:end + 1] == "\n" else end


def _lift(match: re.Match, metadata: dict[str, Any]) -> None:
    for key, value in match.groupdict().items():
        if value and value.strip() and key not in metadata:
            metadata[key] = to_iso(value) if key == "date" else " ".join(value.split())
