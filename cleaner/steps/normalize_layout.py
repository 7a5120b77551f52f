"""normalize-layout: one paragraph per block, one blank line between blocks.

Every line of its input becomes a block, but a hard-wrapped paragraph (prose
broken into lines of about one width with no blank line between them, see
`cleaner.steps.lines.wrapped_paragraphs`) becomes one block: its line breaks
become spaces (`layout.unwrap`), a break after a hyphen too, so that no word is
joined or split. Line endings become `\\n`; runs of spaces and tabs inside a
line become one space; indentation and trailing spaces go; blocks are
separated by exactly one blank line; the text ends with one newline (an empty
text stays empty). It never joins or splits sentences and never removes a
visible character but one: on a page's extracted text, the `- ` that the
extraction writes before each item of a list (`<li>`), a mark of the markup
rather than of the text; the item stays, a paragraph of its own.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult
from cleaner.steps.lines import nonblank_lines, wrapped_paragraphs

# Whitespace that may need an edit: a run starting with anything but a space, or a space
# followed by more whitespace. A lone space between words is already right, and most runs
# are that, so they are not visited (a single space at either end is checked apart).
ODD_WHITESPACE = re.compile(r"[^\S ]\s*| \s+")
LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# trafilatura writes a list's items as lines opening with "- " (repeated for a nested list)
LIST_MARK = re.compile(r"^[ \t]*((?:- )+)(?=\S)", re.MULTILINE)


class NormalizeLayout:
    """Normalize whitespace and paragraph breaks."""

    name = "normalize-layout"
    description = "line endings, whitespace runs, one blank line between paragraphs"
    reads = ("extractor",)

    def run(self, text: str, context: Context) -> StepResult:
        edits = []
        matches = [(m.start(), m.end(), m.group()) for m in ODD_WHITESPACE.finditer(text)]
        if text.startswith(" ") and not (matches and matches[0][0] == 0):
            matches.insert(0, (0, 1, " "))
        if len(text) > 1 and text.endswith(" ") and not text[-2].isspace():
            matches.append((len(text) - 1, len(text), " "))
        lines = nonblank_lines(text)
        # the "\n" that ends each line of a hard-wrapped paragraph but its last
        joins = sorted(lines[i][1] - 1 for first, last in wrapped_paragraphs(lines) for i in range(first, last))
        for start, end, gap in matches:
            at = bisect_left(joins, start)
            if at < len(joins) and joins[at] < end:
                wanted, rule, reason = " ", "layout.unwrap", "a line break inside a hard-wrapped paragraph"
            elif start == 0:
                wanted, rule, reason = "", "layout.leading-space", "blank space before the first paragraph"
            elif end == len(text):
                wanted, rule, reason = "\n", "layout.final-newline", "one newline at the end"
            elif LINE_BREAK.search(gap):
                wanted, rule, reason = "\n\n", "layout.paragraph-break", "one blank line between paragraphs"
            else:
                wanted, rule, reason = " ", "layout.space-run", "one space between words"
            if gap != wanted:
                edits.append(Edit(start, end, wanted, rule, reason))
        if text and not text[-1].isspace():
            edits.append(Edit(len(text), len(text), "\n", "layout.final-newline", "one newline at the end"))
        if context.metadata.get("extractor") == "trafilatura":
            edits.extend(Edit(m.start(1), m.end(1), "", "layout.list-mark",
                              "the mark the page's extraction wrote before a list item")
                         for m in LIST_MARK.finditer(text))
        return StepResult(edits=tuple(edits))


NEWLINE = re.compile(r"\r\n?|[\v\f\x1c-\x1e\x85\u2028\u2029]")


class NormalizeNewlines:
    """Early pass so that every later step sees lines separated by `\\n` only."""

    name = "normalize-newlines"
    description = "line endings (CRLF, CR, Unicode separators) to \\n"

    def run(self, text: str, context: Context) -> StepResult:
        return StepResult(edits=tuple(
            Edit(m.start(), m.end(), "\n", "layout.line-ending", "line ending made \\n")
            for m in NEWLINE.finditer(text) if m.group() != "\n"))
