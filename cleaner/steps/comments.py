"""comments: a reader-comment thread at the end of the page.

A thread is recognised by its entries, not by its words: lines that name a
commenter and end with "says:", "said:" or "wrote:", that stamp a comment
with its date and time ("Jane on May 4, 2021 at 5:23 pm said:", "November 19,
2019 at 12:05 pm", "Posted by: Jane | May 4, 2021 05:23 PM", "Posted by: Jane,
Leeds 12:15 Tue 5 Nov", "Dec 30, 2007 7:06 PM | Link to this"),
that number it ("Comment No. 1041"), sign it at its end ("— Posted by Jane"),
or that carry a comment's score or controls ("Rating: 12 Votes", "4 likes",
"Reply", "Report", "[Report this comment]"), or that hold a whole comment on one line
after its commenter, date and time (these only under a header). From the first such entry (or the
comments header above it: "12 comments", "5 comments so far...", "Comments
(5)", "Leave a Reply", "Top Rated Comments") to the end of the page,
everything goes as one edit, when at least `min_entries` entries follow and
the thread starts after the article's first half, or sits under its header
with some prose above (a long thread under a short article starts early).
The header is looked for a few lines above the first entry, or one comment's
length above it where comments are signed at their end.

Keeps: an article that quotes someone ("the minister said:") once or twice,
interviews in question-and-answer form (no dates), and anything before the
thread. Relies on normalize-newlines; runs before main-text, which otherwise
may take a long thread for the article.
"""
from __future__ import annotations

import re
from itertools import islice

from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})"
_TIME = r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
_VERB = r"(?:says|said|wrote|writes|replied)"
# A comment's links after its date: "May 4, 2021 5:23 PM | Link to this | Reply".
_CONTROLS = r"(?:\s*[|·]\s*(?:link to this(?: comment)?|permalink|reply|report(?: abuse)?|quote|flag))*"
ENTRY = re.compile(
    rf"^(?:.{{1,60}}?\s{_VERB}\s*:"                                      # "Jane says:"
    rf"|(?:.{{1,60}}?\s(?:on|at|\|)\s+)?{_DATE}\s*(?:at|,|-|–)?\s*{_TIME}(?:\s+{_VERB}\s*:?)?{_CONTROLS}"  # date and time
    rf"|.{{1,60}}?\s(?:on|at)\s+{_DATE}\s+{_VERB}\s*:?"                 # "Jane on May 4, 2021 said:"
    rf"|{_TIME}\s+(?:on\s+)?{_DATE}"                                      # "5:23 pm on May 4, 2021"
    r"|(?:rating:\s*)?[+-]?\d+\s+(?:votes?|likes?|upvotes?|points?|replies)"  # a comment's score
    r"|comment\s+(?:no\.?|#)\s*\d+"                                        # a comment's number
    r"|[—–-]\s?posted by:?\s.{1,60}"                                       # "— Posted by Tom" under a comment
    rf"|posted by:\s[^|]{{1,60}}?\s{_TIME}(?:\s.{{0,30}})?"                # "Posted by: Ann, Leeds 12:15 Tue 5 Nov"
    r"|reply|report|report abuse|permalink|like\s*[·|]\s*reply"           # a comment's controls
    r"|\[?(?:[^\]]{0,40}?\s)?report this (?:comment|post)\.?\s*\]?)\s*$",
    re.IGNORECASE)
# A whole comment on one line, as a list item of a thread often comes out of a page:
# "- ana_r 12/05/2025 09:14 Finally, after all these years." A live blog's entries open
# the same way, so these count only under a comments header.
INLINE_ENTRY = re.compile(
    rf"^(?:[-•*]\s+)?[^\s\d][^\s]{{0,30}}(?:\s[^\s\d][^\s]{{0,20}}){{0,2}}\s+{_DATE}\s*(?:at|,|-|–)?\s*{_TIME}\s+\S",
    re.IGNORECASE)
# "Comments" in other languages, alone or with a count ("Comentarios (4)").
_COMMENTS_ABROAD = ("comentarios|commentaires|kommentare|commenti|comentários|reacties|kommentarer|komentarze"
                    "|yorumlar|komentar|kommentit")
HEADER = re.compile(
    r"^(?:\[\s*)?(?:\d[\d,]*\s+)?(?:comments?|responses?|replies|reader comments|top rated comments"
    r"|leave a (?:reply|comment)|join the (?:discussion|conversation)|discussion"
    rf"|{_COMMENTS_ABROAD}"
    # a moderation notice over the thread: "Please email us to report offensive comments."
    r"|(?:please\s+)?(?:e-?mail|contact|tell|alert)\s+us\s+to\s+report\s+(?:offensive|abusive|inappropriate)"
    r"\s+(?:comments|posts)\.?|comments\s+(?:are|will\s+be)\s+(?:moderated|reviewed)\b[^.]{0,60}\.?)"
    r"(?:\s*\])?\s*:?$",
    re.IGNORECASE)
_COUNT_HEADER = re.compile(r"^\[?\s*\d[\d,]*\s+(?:comments?|responses?)(?:\s+so far)?\s*\]?\s*(?:\.{3}|…|:)?$"
                           rf"|^(?:comments?|{_COMMENTS_ABROAD})\s*\(\d[\d,]*\)$|^top rated comments$", re.IGNORECASE)
MAX_ENTRY_WORDS = 14
MIN_HEADER_WINDOW, MAX_HEADER_WINDOW = 4, 12
# Some prose above a thread: this many words in lines of `PROSE_LINE_WORDS` or more.
PROSE_WORDS, PROSE_LINE_WORDS = 40, 10


class StripCommentThread:
    """Remove a reader-comment thread from its first entry to the end of the page."""

    name = "comments"
    description = "remove a reader-comment thread (commenter and date lines) at the end of the page"

    def __init__(self, min_entries: int = 3, min_position: float = 0.3):
        # Three entries: an article may quote "X said:" twice; a thread has many.
        self.min_entries = min_entries
        # The thread must start after this share of the text: comments follow the article.
        self.min_position = min_position

    def run(self, text: str, context: Context) -> StepResult:
        lines, offset = [], 0
        for raw in text.split("\n"):
            lines.append((offset, raw.strip()))
            offset += len(raw) + 1
        entries, inline = [], set()
        for i, (_, line) in enumerate(lines):
            if line and len(line.split()) <= MAX_ENTRY_WORDS and ENTRY.match(line):
                entries.append(i)
            elif line and INLINE_ENTRY.match(line):
                entries.append(i)
                inline.add(i)
        window = self._header_window(lines, entries)
        prose = _prose_words_before(lines)
        for k, first in enumerate(entries):
            if len(entries) - k < self.min_entries:
                break
            above = islice((i for i in range(first - 1, -1, -1) if lines[i][1]), window)
            headers = [i for i in above if HEADER.match(lines[i][1]) or _COUNT_HEADER.match(lines[i][1])]
            if first in inline and not headers:
                continue
            start = lines[min(headers)][0] if headers else lines[first][0]
            # Comments follow the article: a thread found early must at least sit under its
            # header, after some prose.
            if (lines[first][0] < self.min_position * len(text)
                    and not (headers and prose[min(headers)] >= PROSE_WORDS)):
                continue
            # a commenter line and its date line are one comment
            thread = entries[k:]
            count = sum(1 for j, i in enumerate(thread)
                        if j == 0 or i in inline or not all(not lines[x][1] for x in range(thread[j - 1] + 1, i)))
            return StepResult(edits=(Edit(start, len(text), "", "comments.thread",
                                          f"reader-comment thread ({count} comments)"),))
        return StepResult()

    @staticmethod
    def _header_window(lines: list[tuple[int, str]], entries: list[int]) -> int:
        """How many lines above an entry its thread's header may be.

        Four, or one comment's length where a thread signs its comments at their end
        ("Posted by: Ann | May 4, 2021 5:23 PM" under the text): the header is then
        above the whole first comment.
        """
        counts = [sum(1 for i in range(a + 1, b) if lines[i][1]) for a, b in zip(entries, entries[1:])]
        counts = sorted(c for c in counts if c)
        return max(MIN_HEADER_WINDOW, min(MAX_HEADER_WINDOW, counts[len(counts) // 2] + 1 if counts else 0))


def _prose_words_before(lines: list[tuple[int, str]]) -> list[int]:
    """For each line, the words above it in lines long enough to be sentences."""
    totals, total = [], 0
    for _, line in lines:
        totals.append(total)
        count = len(line.split())
        total += count if count >= PROSE_LINE_WORDS else 0
    return totals
