"""print-jumps: a print edition's jump, in text copied from an e-paper or PDF page.

A newspaper story that runs on to another page ends its first part with a jump
line ("Continued on A6", "See PARKING, Page A5", "Please see FLU, Page 8") and
takes up the rest under another ("Continued from A1", "From Page A3", "FROM C1"),
often below the story's one-word slug ("PARKING"). Copied from a replica, the
page furniture between the two (the first page's index and weather boxes, its
footer, the next page's header, a page counter) sits inside the article and
cuts it in two: main-text would keep one part. This step removes the jump, from
the line that sends the reader on to the line that takes them up, both
included, as one edit (`print-jumps.jump`), when the two are at most
`MAX_GAP` lines apart with no paragraph of prose between them (a line of
`PROSE_WORDS` words or more that ends a sentence: two stories, not one).

Keeps: "continued on page 6" inside a sentence (a jump line is the jump alone),
a line that sends the reader on with no line taking them up below it (a page
copied alone; main-text decides what it is), and a line that takes them up
with none above. Relies on normalize-newlines; runs before main-text.
"""
from __future__ import annotations

import re

from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult
from cleaner.steps.lines import split_lines

# A page of a print edition: "A6", "C4", "8", "Page A5", "page 12".
_PAGE = r"(?:page\s+)?[A-Z]?\d{1,3}"
_CONTINUED = r"(?:continued|cont(?:'d|’d|\.)?)"
JUMP_OUT = re.compile(
    rf"[(\[]?(?:{_CONTINUED}\s+on\s+{_PAGE}"
    rf"|(?:please\s+)?see\s+(?-i:[A-Z])[\w'’ -]{{0,30}}?,?\s+(?:on\s+)?{_PAGE}"
    rf"|turn\s+to\s+{_PAGE}|jumps?\s+to\s+{_PAGE})[.)\]]?", re.IGNORECASE)
JUMP_IN = re.compile(rf"[(\[]?(?:{_CONTINUED}\s+)?from\s+{_PAGE}[.)\]]?", re.IGNORECASE)
# Cheap test before the line-by-line read: a page with no line that takes a story up has no jump.
TAKEN_UP = re.compile(rf"^[ \t]*{JUMP_IN.pattern}[ \t]*$", re.IGNORECASE | re.MULTILINE)
MAX_GAP = 30
PROSE_WORDS = 25
SENTENCE_END = re.compile(r"[.!?][\"'”’)]?$")


class StripPrintJumps:
    """Remove a print edition's jump and the page furniture inside it."""

    name = "print-jumps"
    description = "a print edition's jump lines and the page furniture between them"

    def run(self, text: str, context: Context) -> StepResult:
        if not TAKEN_UP.search(text):
            return StepResult()
        lines, starts = split_lines(text)
        edits, i = [], 0
        while i < len(lines):
            if not JUMP_OUT.fullmatch(lines[i].strip()):
                i += 1
                continue
            end = _taken_up(lines, i)
            if end is None:
                i += 1
                continue
            stop = min(starts[end] + len(lines[end]) + 1, len(text))
            edits.append(Edit(starts[i], stop, "", "print-jumps.jump",
                              "print edition's jump: the page furniture between 'continued on' and 'continued from'"))
            i = end + 1
        return StepResult(edits=tuple(edits))


def _taken_up(lines: list[str], out: int) -> int | None:
    """The line within `MAX_GAP` lines below `out` that takes the story up, or None
    (also when a paragraph of prose comes first)."""
    for k in range(out + 1, min(out + 1 + MAX_GAP, len(lines))):
        line = lines[k].strip()
        if JUMP_IN.fullmatch(line):
            return k
        if len(line.split()) >= PROSE_WORDS and SENTENCE_END.search(line):
            return None
    return None
