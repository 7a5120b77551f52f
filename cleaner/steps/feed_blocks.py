"""feed-blocks: news-feed and sidebar blocks, a run of timestamped items.

Removes, as one edit, a block such as a "Latest news" sidebar: an optional
header line from a short list ("News feed", "Most read", "Trending"...), then
a run of items, each led by a timestamp line ("5:19 AM", "18:04",
"3 hours ago", "Yesterday", "Dec. 22, 2024 10:15") or a timestamp prefixed to
a headline ("2h ago - Headline") or following it ("Headline – 3 hours ago"), each followed by at most a short headline
and a one-line summary, and an optional footer ("More news", "See all").
All timestamps of a run share one format, as a feed's do (relative times,
"2h ago" or "Yesterday", count as one).

Keeps: times mentioned in prose ("At 5:19 AM the quake struck"), timelines
and schedules in chronological order (a feed lists the newest first), items
of three or more paragraphs (a live blog, not a sidebar), a time alone on its
line (a bare clock time, no date: a comment's stamp has one) over an entry of
two sentences or more in 15 words or more (a live blog's entry; a feed's item
is a headline of one sentence at most, a summary under it),
and any block that would hold most of the document (then the "feed" is the article). Where the
block starts and ends is read from its header: without one, lines before the
first timestamp and after the last are taken only when they cannot be an
item's headline. Relies on lines separated by "\\n"; blank lines and
surrounding spaces may occur anywhere.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple

from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult
from cleaner.steps.lines import split_lines

_CLOCK = (r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?\s?m\.?)?|\d{1,2}\s?[ap]\.?\s?m\.?)"
          r"(?:\s(?-i:[A-Z]{2,4}))?")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s)?"
_DATE = (_WEEKDAY + rf"(?:{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s\d{{4}})?"
         rf"|\d{{1,2}}\.?\s{_MONTH},?(?:\s\d{{4}})?"
         r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})")
_RELATIVE = (r"(?:(?:\d{1,3}\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?"
             r"|w|wks?|weeks?|mos?|months?)|an?\s(?:minute|hour|day|week|month))\sago"
             r"|just\snow|yesterday|today)")
# A date alone is left out on purpose: a list of dates is as often a timeline as a feed.
_TIMESTAMP = (rf"(?:(?P<relative>{_RELATIVE})(?:,?\s(?:at\s)?{_CLOCK})?"
              rf"|{_DATE},?\s(?:at\s|-\s|\|\s)?{_CLOCK}"
              rf"|(?P<clock>{_CLOCK})(?P<date>,?\s(?:on\s)?{_DATE})?)")
TIMESTAMP_LINE = re.compile(rf"(?P<ts>{_TIMESTAMP})\s?[|·•\-–—]?", re.I)
# A timestamp glued to a headline: "3h ago - Headline", "18:04 | Headline", "2h ago Headline".
TIMESTAMP_PREFIX = re.compile(
    rf"(?P<ts>{_TIMESTAMP})\s?(?P<sep>[|·•:\-–—]\s?|\s)(?![ap]\.?\s?m\b)"
    r"(?=[\"'“‘(]?(?-i:[A-Z0-9]))", re.I)
# A headline with its timestamp after it: "Headline – 2 hours ago", "Headline 3h ago",
# "Headline | 14:32". A clock time needs the separator ("Doors open 19:30" is a schedule).
# The last item of a feed of clock times, a day older: "Yesterday 18:40 Headline".
DAY_ITEM = re.compile(rf"(?:yesterday|earlier)(?:,?\s(?:at\s)?{_CLOCK})?(?:\s?[|·•:\-–—]\s?|\s)"
                      r"(?=[\"'“‘(]?(?-i:[A-Z0-9]))", re.I)
TIMESTAMP_SUFFIX = re.compile(rf"(?:[ \t]?(?P<sep>[|·•\-–—])[ \t]?|[ \t])(?P<ts>{_TIMESTAMP})", re.I)
# A comment's signature ("Posted by: Ann | May 4, 2021 5:23 PM") is the comments step's:
# taking it here would break the thread that step removes whole into pieces.
COMMENT_SIGNATURE = re.compile(r"(?:posted|submitted|commented)\s+by\b", re.I)
CLOCK_PARTS = re.compile(r"(\d{1,2})(?::(\d{2}))?\s?([ap])?", re.I)
LETTERS = re.compile(r"[^\W\d_]+")
DIGITS = re.compile(r"\d+")

HEADERS = frozenset({
    "news feed", "newsfeed", "latest", "latest news", "latest stories", "latest headlines",
    "latest updates", "most read", "most popular", "most viewed", "most shared", "trending",
    "trending now", "top stories", "top news", "live updates", "just in", "breaking news",
    "recent news", "recent posts", "recent stories", "news", "headlines"})
FOOTERS = frozenset({
    "more news", "more stories", "more headlines", "see all", "see more", "view all", "view more",
    "load more", "show more", "all news", "more"})

# A headline is short; a "one-line" summary can be a long sentence, but a line
# above MAX_SUMMARY_WORDS is an article paragraph, not the teaser of one.
MAX_HEADLINE_WORDS = 25
MAX_SUMMARY_WORDS = 120
# How a timestamp can end: a digit, "ago", "now", "today", "yesterday", "a.m.", a zone.
STAMP_END = re.compile(r"(?:\d|ago|now|day|[ap]\.?m\.?|(?-i:[A-Z]{2,4}))$", re.IGNORECASE)
# A timestamp is at most this long ("Wednesday, September 17, 2025 at 10:15 AM EST").
STAMP_WORDS, STAMP_CHARS = 8, 50
MAX_ITEM_LINES = 2  # after a timestamp line: a headline and a summary
# A line of this many bars or more is a table's row copied as a line ("Bus 4 | every 15 min |
# every 12 min | 23:20"), its last cell a time: no headline with its stamp.
TABLE_ROW_BARS = 3
# Two items under a feed header; without one, a dateline and an update note
# in an article can look like two items, so three are needed.
MIN_ITEMS_WITH_HEADER = 2
MIN_ITEMS = 3
# A "feed" holding more than this share of the document's text is the content (a live blog).
MAX_SHARE = 0.5


class Stamp(NamedTuple):
    kind: str  # "line": the timestamp is the whole line; "prefix": a headline follows it
    shape: str  # the format, e.g. "0:0a" for "5:19 AM": a feed's items all share one
    minutes: int | None  # minute of the day, for a bare clock time


@functools.lru_cache(maxsize=1 << 16)  # a later pass, and the next page's chrome, repeat lines
def _timestamp(line: str) -> Stamp | None:
    s = line.strip()
    match, kind = TIMESTAMP_LINE.fullmatch(s), "line"
    if not match:
        match, kind = TIMESTAMP_PREFIX.match(s), "prefix"
        if match is None:
            match, kind = _suffix(s), "suffix"
            if match is None:
                return None
        elif (not _is_headline(s[match.end():]) or s[-1] in ".!?"
              # "Today in pictures" is a menu entry: a word-only timestamp needs a separator
              or match.group("sep").isspace() and not any(c.isdigit() for c in match.group("ts"))):
            return None
    shape = DIGITS.sub("0", LETTERS.sub("a", match.group("ts"))).replace(" ", "")
    if match.group("relative"):
        shape = "relative"  # "2h ago", "3 days ago", "Yesterday": one format family in a feed
    clock = match.group("clock")
    if clock is None or match.group("date"):
        return Stamp(kind, shape, None)
    hour, minute, half = CLOCK_PARTS.match(clock).groups()
    minutes = (int(hour) % 12 + (12 if half.lower() == "p" else 0) if half else int(hour)) * 60
    return Stamp(kind, shape, minutes + int(minute or 0))


def _suffix(line: str) -> re.Match | None:
    """The timestamp ending a headline ("Headline – 2 hours ago"), or None."""
    if not STAMP_END.search(line[-4:]) or len(line.split()) > MAX_HEADLINE_WORDS + STAMP_WORDS \
            or line.count("|") >= TABLE_ROW_BARS:
        return None
    for match in TIMESTAMP_SUFFIX.finditer(line, max(0, len(line) - STAMP_CHARS)):
        if match.end() != len(line):
            continue
        head = line[:match.start()]
        if (head and head[-1] not in ".,;:" and _is_headline(head) and not COMMENT_SIGNATURE.match(head)
                and (match.group("sep") or match.group("relative"))):
            return match
    return None


def _label(line: str) -> str:
    return line.strip().strip(":»›>|-–— ").lower()


def _is_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= MAX_HEADLINE_WORDS and not line.rstrip().endswith((",", ";", ":"))


def _chronological(minutes: list[int | None]) -> bool:
    """Bare clock times that mostly go up: a timeline or a schedule, not a newest-first feed."""
    if None in minutes:
        return False
    ups = sum(b > a for a, b in zip(minutes, minutes[1:]))
    downs = sum(b < a for a, b in zip(minutes, minutes[1:]))
    return ups > downs


class StripFeedBlocks:
    """Remove news-feed and sidebar blocks made of timestamped items."""

    name = "feed-blocks"
    description = "news-feed and sidebar blocks: timestamped headlines and summaries"

    def run(self, text: str, context: Context) -> StepResult:
        lines, starts = split_lines(text)
        where = [i for i, line in enumerate(lines) if line.strip()]
        rows = [lines[i].strip() for i in where]
        stamps = [_timestamp(row) for row in rows]
        total = sum(map(len, rows)) or 1
        edits, k = [], 0
        while k < len(rows):
            block = _block(rows, stamps, k) if stamps[k] else None
            if block is None:
                k += 1
                continue
            first, last = block
            if sum(map(len, rows[first:last + 1])) <= MAX_SHARE * total:
                end = min(starts[where[last]] + len(lines[where[last]]) + 1, len(text))
                edits.append(Edit(starts[where[first]], end, "", "feed-blocks.timestamped-run",
                                  "news-feed sidebar (timestamps and headlines)"))
            k = last + 1
        return StepResult(edits=tuple(edits))


def _block(rows: list[str], stamps: list[Stamp | None], k: int) -> tuple[int, int] | None:
    """First and last row of the feed whose first timestamp is row k, or None."""
    items, gaps, j = [k], [], k
    while True:
        limit = MAX_ITEM_LINES if stamps[j].kind == "line" else MAX_ITEM_LINES - 1
        n = 1
        while j + n < len(rows) and not stamps[j + n] and n <= limit:
            n += 1
        follows = stamps[j + n] if j + n < len(rows) else None
        if not follows or follows[:2] != stamps[k][:2] or not _fits(rows, stamps, j, n - 1):
            break
        gaps.append(n - 1)
        j += n
        items.append(j)
    before = rows[k - 1] if k > 0 else ""
    header = _label(before) in HEADERS
    if len(items) < (MIN_ITEMS_WITH_HEADER if header else MIN_ITEMS):
        return None
    if _chronological([stamps[i].minutes for i in items]):
        return None
    first, last = k, j
    if header:
        first, last = k - 1, j + _tail(rows, stamps, j, max(gaps))
    elif _could_lead(before, rows, items) and k > 1 and _label(rows[k - 2]) in HEADERS:
        # Header, then the first headline above its timestamp: each headline leads its item.
        first, last = k - 2, j + _tail(rows, stamps, j, max(gaps) - 1)
    elif not _could_lead(before, rows, items):
        last = j + _tail(rows, stamps, j, max(gaps))
    if last == j and stamps[k].kind == "prefix" and not any(gaps) and last + 1 < len(rows) \
            and _day_item(rows[last + 1]):
        last += 1
    if last + 1 < len(rows) and _label(rows[last + 1]) in FOOTERS:
        last += 1
    return first, last


def _day_item(row: str) -> bool:
    """A headline stamped with a day's name ("Yesterday 18:40 Headline", "Yesterday
    Headline"): the oldest item of a feed whose items carry clock times."""
    match = DAY_ITEM.match(row)
    return bool(match) and _is_headline(row[match.end():]) and row[-1] not in ".!?"


def _could_lead(line: str, rows: list[str], items: list[int]) -> bool:
    """Whether the line above the first timestamp can be the first item's headline.

    It must look like a headline, and end in a full stop only if the feed's do."""
    if not _is_headline(line):
        return False
    periods = any(rows[i + 1].endswith(".") for i in items[:-1])
    return periods or not line.endswith(".")


def _fits(rows: list[str], stamps: list[Stamp | None], j: int, n: int) -> bool:
    """Whether the n rows after timestamp row j can be an item's headline and summary."""
    if n == 0:
        return stamps[j].kind != "line"  # a bare timestamp line needs a headline
    if n == 2 and not _is_headline(rows[j + 1]):
        return False
    if stamps[j].kind == "line" and stamps[j].minutes is not None and _entry(rows[j + 1]):
        return False
    return all(len(rows[j + m].split()) <= MAX_SUMMARY_WORDS for m in range(1, n + 1))


# A live blog's entry under its time: sentences, one ending and another opening, in
# ENTRY_MIN_WORDS words or more ("90+3 min: Yellow card for Rourke. He doesn't care.").
# A feed's headline is one sentence at most; its summary comes under the headline.
SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?(?-i:[A-Z0-9])")
ENTRY_MIN_WORDS = 15


def _entry(row: str) -> bool:
    """Whether a row under a bare time is a live blog's entry: two sentences or more."""
    return len(row.split()) >= ENTRY_MIN_WORDS and row.endswith((".", "!", "?", "\"", "”", "’")) \
        and SENTENCE_BREAK.search(row) is not None


def _tail(rows: list[str], stamps: list[Stamp | None], j: int, want: int) -> int:
    """How many rows after the last timestamp belong to its item: as many as the others had."""
    available = 0
    while available < want and j + available + 1 < len(rows) and not stamps[j + available + 1]:
        available += 1
    return next((n for n in range(available, 0, -1) if _fits(rows, stamps, j, n)), 0)
