"""comments: a reader-comment thread at the end of the page.

A thread is recognised by its entries, not by its words: lines that name a
commenter and end with "says:", "said:" or "wrote:", that stamp a comment
with its date and time ("Jane on May 4, 2021 at 5:23 pm said:", "November 19,
2019 at 12:05 pm"), or that carry a comment's score or controls ("Rating: 12
Votes", "4 likes", "Reply", "Report"). From the first such entry (or the comments header just
above it: "12 comments", "Leave a Reply", "Top Rated Comments") to the end of
the page, everything goes as one edit, when at least `min_entries` entries
follow and the thread starts after the article's first half.

Keeps: an article that quotes someone ("the minister said:") once or twice,
interviews in question-and-answer form (no dates), and anything before the
thread. Relies on normalize-newlines; runs before main-text, which otherwise
may take a long thread for the article.
"""
from __future__ import annotations

import re

from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})"
_TIME = r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
_VERB = r"(?:says|said|wrote|writes|replied)"
ENTRY = re.compile(
    rf"^(?:.{{1,60}}?\s{_VERB}\s*:"                                      # "Jane says:"
    rf"|(?:.{{1,60}}?\s(?:on|at)\s+)?{_DATE}\s*(?:at|,|-|–)?\s*{_TIME}(?:\s+{_VERB}\s*:?)?"  # date and time
    rf"|.{{1,60}}?\s(?:on|at)\s+{_DATE}\s+{_VERB}\s*:?"                 # "Jane on May 4, 2021 said:"
    rf"|{_TIME}\s+(?:on\s+)?{_DATE}"                                      # "5:23 pm on May 4, 2021"
    r"|(?:rating:\s*)?[+-]?\d+\s+(?:votes?|likes?|upvotes?|points?|replies)"  # a comment's score
    r"|reply|report|report abuse|permalink|like\s*[·|]\s*reply)\s*$",       # a comment's controls
    re.IGNORECASE)
HEADER = re.compile(
    r"^(?:\[\s*)?(?:\d[\d,]*\s+)?(?:comments?|responses?|replies|reader comments|top rated comments"
    r"|leave a (?:reply|comment)|join the (?:discussion|conversation)|discussion)(?:\s*\])?\s*:?$",
    re.IGNORECASE)
_COUNT_HEADER = re.compile(r"^\[?\s*\d[\d,]*\s+comments?\s*\]?$|^top rated comments$", re.IGNORECASE)
MAX_ENTRY_WORDS = 14


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
        entries = [i for i, (_, line) in enumerate(lines)
                   if line and len(line.split()) <= MAX_ENTRY_WORDS and ENTRY.match(line)]
        for k, first in enumerate(entries):
            if len(entries) - k < self.min_entries:
                break
            start = lines[first][0]
            if start < self.min_position * len(text):
                continue
            above = [i for i in range(first - 1, max(first - 12, -1), -1) if lines[i][1]][:4]
            headers = [i for i in above if HEADER.match(lines[i][1]) or _COUNT_HEADER.match(lines[i][1])]
            if headers:
                start = lines[min(headers)][0]
            # a commenter line and its date line are one comment
            thread = entries[k:]
            count = sum(1 for j, i in enumerate(thread)
                        if j == 0 or not all(not lines[x][1] for x in range(thread[j - 1] + 1, i)))
            return StepResult(edits=(Edit(start, len(text), "", "comments.thread",
                                          f"reader-comment thread ({count} comments)"),))
        return StepResult()
