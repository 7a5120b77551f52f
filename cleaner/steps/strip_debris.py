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

import bisect
import re
from dataclasses import dataclass
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


LINE_SCOPES = ("line", "head", "tail")
NAMED_GROUP = re.compile(r"\(\?P<(?:author|date|source|title)>")
GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
LOOKAROUND = re.compile(r"\(\?<?[=!]")
LINE_WRAP = (r"^[ \t]*(?:", r")[ \t]*$")  # how rules.py wraps a line rule's patterns


SEEN_LINES = 200_000  # answers remembered per process before the memory is cleared


def _looks_across_lines(rule: Rule) -> bool:
    """A rule whose lookarounds mention a line break reads the lines around its line."""
    return bool(LOOKAROUND.search(rule.regex.pattern)) and "\\n" in rule.regex.pattern


def _body(rule: Rule) -> str:
    """A line rule's own patterns, without the whole-line anchors."""
    return rule.regex.pattern[len(LINE_WRAP[0]):-len(LINE_WRAP[1])]


@dataclass(frozen=True)
class _Matcher:
    """Many line rules in one alternation, each alternative named `_r<index>`.

    A line is tried against all of them in one call instead of one call per
    rule; a full match backtracks into later alternatives, so the earliest rule
    that takes the whole line wins, as when they are tried one by one.
    Lookaround-free rules run on the stripped line alone, which lets the regex
    engine skip at the first character; rules with lookarounds may look at
    neighbouring lines, so they run in the full text from the line's start.
    """

    regex: re.Pattern
    in_text: bool

    @classmethod
    def build(cls, rules: list[tuple[int, Rule]], in_text: bool, flags: int) -> "_Matcher | None":
        if not rules:
            return None
        parts = [f"(?P<_r{i}>{NAMED_GROUP.sub('(?:', r.regex.pattern if in_text else _body(r))})"
                 for i, r in rules]
        return cls(re.compile("|".join(parts), flags), in_text)

    def first(self, text: str, start: int, end: int, stripped: str) -> int | None:
        """Index of the first rule taking the line; -1 when the answer needs a closer look."""
        if self.in_text:
            match = self.regex.match(text, start)
            if match and match.end() != end:
                return -1
        else:
            match = self.regex.fullmatch(stripped)
        return int(match.lastgroup[2:]) if match else None


class StripDebris:
    """Apply a rulebook: every match becomes an edit with the rule's id and reason."""

    name = "strip-debris"
    description = "remove debris described by the rules in rules/ (navigation, forms, bylines...)"

    def __init__(self, rulebook: Rulebook):
        self.rules = rulebook.rules
        self.text_rules = [r for r in self.rules if r.scope not in LINE_SCOPES]
        self.line_rules = [r for r in self.rules if r.scope in LINE_SCOPES]
        indexed = list(enumerate(self.line_rules))
        self.alone = [(i, r) for i, r in indexed if GLOBAL_FLAGS.search(r.regex.pattern)]
        self.combinable = [(i, r) for i, r in indexed if not GLOBAL_FLAGS.search(r.regex.pattern)]
        # a line of N words only meets the rules that allow N words
        self.limits = sorted({r.max_words for r in self.line_rules})
        self._matchers: dict[int, list[_Matcher]] = {}
        self._seen: dict[tuple[int, str], int | None] = {}

    def _matchers_for(self, limit: int) -> list[_Matcher]:
        """Matchers for lines of up to `limit` words (built on first use)."""
        key = limit
        if key not in self._matchers:
            rules = [(i, r) for i, r in self.combinable if r.max_words >= limit]
            built = []
            for in_text in (False, True):
                group = [(i, r) for i, r in rules if _looks_across_lines(r) == in_text]
                for ignorecase in (True, False):
                    same = [(i, r) for i, r in group if bool(r.regex.flags & re.IGNORECASE) == ignorecase]
                    matcher = _Matcher.build(same, in_text, re.MULTILINE | (re.IGNORECASE if ignorecase else 0))
                    if matcher:
                        built.append(matcher)
            self._matchers[key] = built
        return self._matchers[key]

    def run(self, text: str, context: Context) -> StepResult:
        head_end, tail_start = prose_bounds(text)
        candidates = list(self._line_candidates(text, head_end, tail_start)) if self.line_rules else []
        for rule in self.text_rules:
            for match in rule.regex.finditer(text):
                if match.start() != match.end():
                    span = (match.start(), match.end()) if rule.scope == "inline" else \
                        _whole_lines(text, match.start(), match.end())
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

    def _line_candidates(self, text: str, head_end: int, tail_start: int):
        offset = 0
        for line in text.split("\n"):
            start, offset = offset, offset + len(line) + 1
            stripped = line.strip()
            words = len(stripped.split())
            if not words or words > self.limits[-1]:
                continue
            found = self._match_line(text, start, start + len(line), stripped, words, head_end, tail_start)
            if found:
                rule, match = found
                yield start, min(start + len(line) + 1, len(text)), rule, match

    def _first(self, matcher: _Matcher, limit: int, text: str, start: int, end: int, stripped: str):
        """A matcher's answer for a line; remembered for line-local matchers, whose answer
        depends on the line's text alone (page chrome repeats from page to page)."""
        if matcher.in_text:
            return matcher.first(text, start, end, stripped)
        key = (id(matcher), stripped)
        if key not in self._seen:
            if len(self._seen) >= SEEN_LINES:
                self._seen.clear()
            self._seen[key] = matcher.first(text, start, end, stripped)
        return self._seen[key]

    def _match_line(self, text: str, start: int, end: int, stripped: str, words: int,
                    head_end: int, tail_start: int):
        """The first line rule (in rulebook order) that takes the whole line [start, end), with its match."""
        limit = self.limits[bisect.bisect_left(self.limits, words)]
        firsts = [self._first(m, limit, text, start, end, stripped) for m in self._matchers_for(limit)]
        found = [f for f in firsts if f is not None]
        first = 0 if -1 in found else min(found, default=None)
        tried = [(i, r) for i, r in enumerate(self.line_rules) if first is not None and i >= first]
        tried += [(i, r) for i, r in self.alone if first is None or i < first]
        for _, rule in sorted(tried, key=lambda item: item[0]):
            match = rule.regex.match(text, start)
            if match and match.end() == end and self._fits(rule, match, start, head_end, tail_start, end - start):
                return rule, match
        return None

    @staticmethod
    def _fits(rule: Rule, match: re.Match, start: int, head_end: int, tail_start: int, length: int) -> bool:
        if len(match.group().split()) > rule.max_words:
            return False
        if rule.scope == "head" and start + length > head_end:
            return False
        return not (rule.scope == "tail" and start < tail_start)


def _lift(match: re.Match, metadata: dict[str, Any]) -> None:
    for key, value in match.groupdict().items():
        if value and value.strip() and key not in metadata:
            metadata[key] = to_iso(value) if key == "date" else " ".join(value.split())
