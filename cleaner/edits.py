"""Edits: the only way a step changes text.

A step returns `Edit`s against its own input; the chain runner checks them
(`check_edits`), applies them in one pass (`apply_edits`) and records them.
Because every edit keeps the text it removed, a step's input can be rebuilt
from its output (`invert_edits`), which is what `cleaner restore` relies on.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterable, Sequence

from cleaner.errors import EditConflictError


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` with `replacement` ("" removes the span)."""

    start: int
    end: int
    replacement: str
    rule: str
    reason: str


def check_edits(edits: Iterable[Edit], length: int, step: str = "") -> tuple[Edit, ...]:
    """Sort edits and reject out-of-range, inverted or overlapping ones.

    Two insertions at the same offset also conflict: their order would be a
    guess. A no-op edit (empty span, empty replacement) is dropped.
    """
    ordered = sorted((e for e in edits if e.start != e.end or e.replacement),
                     key=lambda e: (e.start, e.end))
    previous: Edit | None = None
    for edit in ordered:
        if not 0 <= edit.start <= edit.end <= length:
            raise EditConflictError(
                f"step {step or '?'}: rule {edit.rule} edits [{edit.start}, {edit.end}) "
                f"outside the text (length {length})")
        if previous is not None and (
                edit.start < previous.end
                or (edit.start == previous.end == previous.start == edit.end)):
            raise EditConflictError(
                f"step {step or '?'}: rules {previous.rule} and {edit.rule} overlap at "
                f"[{previous.start}, {previous.end}) and [{edit.start}, {edit.end})")
        previous = edit
    return tuple(ordered)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply checked (sorted, non-overlapping) edits in one pass."""
    parts: list[str] = []
    cursor = 0
    for edit in edits:
        parts.append(text[cursor:edit.start])
        parts.append(edit.replacement)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


def output_spans(edits: Sequence[Edit]) -> list[tuple[int, int]]:
    """Where each edit's replacement sits in the step's output."""
    spans, shift = [], 0
    for edit in edits:
        start = edit.start + shift
        spans.append((start, start + len(edit.replacement)))
        shift += len(edit.replacement) - (edit.end - edit.start)
    return spans


def invert_edits(output: str, edits: Sequence[Edit], removed: Sequence[str]) -> str:
    """Rebuild a step's input from its output, its edits and the removed texts."""
    parts: list[str] = []
    cursor = 0
    for (start, end), old in zip(output_spans(edits), removed):
        parts.append(output[cursor:start])
        parts.append(old)
        cursor = end
    parts.append(output[cursor:])
    return "".join(parts)


class OffsetMap:
    """Maps offsets in a step's output back to offsets in its input.

    Kept text maps exactly. A start offset inside a replacement maps to the
    start of the replaced span; an end offset whose last character lies in a
    replacement maps to the end of the replaced span.
    """

    def __init__(self, edits: Sequence[Edit]):
        self._edits = list(edits)
        self._spans = output_spans(self._edits)
        self._starts = [start for start, _ in self._spans]

    def _char(self, pos: int) -> tuple[int, bool]:
        """Input offset of output character `pos`, and whether it was kept."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos, True
        out_start, out_end = self._spans[i]
        edit = self._edits[i]
        if pos >= out_end:
            return edit.end + (pos - out_end), True
        return edit.start, False

    def to_input(self, offset: int, *, is_end: bool = False) -> int:
        if not is_end:
            return self._char(offset)[0]
        if offset == 0:
            return 0
        pos, kept = self._char(offset - 1)
        if kept:
            return pos + 1
        return self._edits[bisect.bisect_right(self._starts, offset - 1) - 1].end
