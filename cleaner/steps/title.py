"""title: a headline on the first line moves from the body to metadata["title"].

Extracted articles often start with their headline. When the first
non-blank line looks like one and prose follows it, this step removes that
line (with its newline) and returns it as `metadata["title"]`, minus a
short " | Site Name" or " - Site Name" suffix.

A headline-like line: 4 to 20 words, one sentence, starts with a capital,
a digit, an amount ("£38m") or a quote; it does not end like a sentence or a dateline (period,
comma, colon, semicolon, dash; "?" or "!" only in Title Case), nor does the
part before a " | Site" suffix (a caption with its credit), nor on a word
that needs a continuation ("of", "the", "between"); it is not a byline
("By Jane Doe") or a link.
Prose after it: the next non-blank line ends like a sentence and has at
least 6 words. Requiring prose next is what makes the step idempotent:
once the title is gone, the new first line is that prose (a dek or the
first paragraph), which ends with a period and so is never lifted. A first
line followed by another headline-like line (a subheading, a section
label) is left alone: which of the two is the title would be a guess.

It deliberately keeps a first line that is a full sentence (it ends with a
period; unless an earlier step found it, word for word, as the page's title),
a short label ("Source: Reuters", under 4 words), and any first
line when an earlier step already found a different title (the line is
removed only if it repeats that title). A title found that shares no word of four letters
or more with the line names the site ("Coast Daily - Local News and Video"): the line
is then lifted and becomes the title; but not a line that opens a chapter of a long read
("Part I: The warnings", "Chapter 2 — The audit"): that is the article's own heading.

The page's title (an earlier step's, matching the line) over a headline-like subtitle over
prose goes too, and so does the subtitle (`title.subtitle`, kept as `metadata["subtitle"]`):
left first, with prose under it, a later cleaning of the body would take it for the title.

A short section label (four words at most, no stop or colon: "Animal news", "HEALTH")
over a line that is the title an earlier step found (the HTML page's), or a headline-like
line that lengthens or closely rewords it,
with prose or a headline-like subtitle over prose under the title, goes with the title
(`title.kicker`), and the subtitle with them.

It relies on earlier steps for one paragraph per line and for removing
navigation and byline lines above the headline ("Skip to content").
"""
from __future__ import annotations

import re
from itertools import islice
from typing import Any

from cleaner.edits import Edit
from cleaner.sentences import sentence_spans
from cleaner.steps.base import Context, StepResult

MIN_WORDS, MAX_WORDS = 4, 20
MAX_CHARS = 300  # no headline is longer; also bounds the regexes below
MIN_PROSE_WORDS = 6
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to vs with".split())
# A headline does not end on a word that needs a continuation.
DANGLING = SMALL_WORDS | frozenset("between her his its my our than that their which who your".split())
CLOSERS = "\"'”’»)]"
CURRENCY = "£$€¥"
# A chapter's label opening a line: "Part I:", "Chapter 2 —", "Part One."
CHAPTER = re.compile(r"(?:part|chapter|book|act)\s(?:\d{1,2}|[ivxlc]{1,6}|one|two|three|four|five|six|seven|eight|"
                     r"nine|ten|first|second|third|fourth|fifth|final)\s?[:.—–-]", re.IGNORECASE)
BYLINE_OR_LINK = re.compile(r"^by\s+[A-Z]|https?://|www\.|@\w", re.IGNORECASE)
# A section's label ("Animal news", "HEALTH"): a few words, no sentence's or label's end.
KICKER = re.compile(r"[^\W_][^\n.!?:;,]{0,40}")
KICKER_MAX_WORDS = 4
SITE_SUFFIX = re.compile(r"\s+(?:\||-|–|—)\s+(?P<site>[^|–—]+)$")


def is_title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in SMALL_WORDS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def looks_like_headline(line: str) -> bool:
    """Short, one sentence, capitalized, without a sentence's final period."""
    words = [w for w in line[:MAX_CHARS + 1].split() if any(c.isalnum() for c in w)]
    if len(line) > MAX_CHARS or not MIN_WORDS <= len(words) <= MAX_WORDS or BYLINE_OR_LINK.search(line):
        return False
    if words[-1].strip(CLOSERS).lower() in DANGLING:
        return False
    core = line.lstrip("\"'“‘«")
    if core[:1] in CURRENCY and core[1:2].isdigit():  # "£38m to repair the locks"
        core = core[1:]
    if not (core[:1].isupper() or core[:1].isdigit()) or len(sentence_spans(line)) != 1:
        return False
    last = line.rstrip(CLOSERS)[-1:]
    if last in ".,;:…-–—":
        return False
    suffix = SITE_SUFFIX.search(line)
    if suffix and line[:suffix.start()].rstrip(CLOSERS)[-1:] in ".,;:…":
        return False  # a sentence with a credit after it: "A photo of the pier. | Photo: Ann Lee"
    return last not in "?!" or is_title_case(line)


def reads_as_prose(line: str) -> bool:
    """Ends like a sentence, is not too short, and is no headline itself."""
    ends_well = line.rstrip(CLOSERS)[-1:] in ".!?…"
    return ends_well and len(line.split()) >= MIN_PROSE_WORDS and not looks_like_headline(line)


def without_site_suffix(title: str) -> str:
    """Drop " | Site Name" when the name is short and capitalized, the rest long."""
    match = SITE_SUFFIX.search(title)
    if not match:
        return title
    site, rest = match.group("site").split(), title[:match.start()]
    short_name = len(site) <= 4 and all(w[0].isupper() or w[0].isdigit() for w in site)
    return rest if short_name and len(rest.split()) >= MIN_WORDS else title


def squeezed(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().casefold()


def long_words(s: str) -> set[str]:
    """The words of four letters or more in `s`, squeezed (see `squeezed`)."""
    return {w for w in squeezed(s).split() if len(w) >= 4}


def shares_a_word(a: str, b: str) -> bool:
    """True when `a` and `b` have a word of four letters or more in common."""
    return bool(long_words(a) & long_words(b))


def same_title(a: str, b: str) -> bool:
    a, b = squeezed(a), squeezed(b)
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


# The page's headline reworded for its meta title ("Town 2-1 Rovers: Okafor header settles
# derby" over "Okafor header settles derby as Town climb into play-offs"): the two share at
# least CLOSE_MIN_WORDS words of four letters or more, at least CLOSE_SHARE of each one's.
CLOSE_MIN_WORDS = 3
CLOSE_SHARE = 0.5


def close_title(a: str, b: str) -> bool:
    """True when `a` and `b` share most of their words of four letters or more (see CLOSE_SHARE)."""
    words_a, words_b = long_words(a), long_words(b)
    shared = len(words_a & words_b)
    return shared >= CLOSE_MIN_WORDS and shared >= CLOSE_SHARE * max(len(words_a), len(words_b))


def _is_known_title(line: str, known: str) -> bool:
    """Whether `line` is the title an earlier step found, word for word, in MIN_WORDS to
    MAX_WORDS words: a headline that is a sentence ("We rebuilt the crane. Then the storm
    came.") is still the page's headline when the page names it its title."""
    return MIN_WORDS <= len(line.split()) <= MAX_WORDS and squeezed(line) == squeezed(known)


class LiftTitle:
    """Move a headline-like first line into metadata["title"]."""

    name = "title"
    reads = ("title", "title_from")
    description = "headline on the first line moved to metadata"

    def run(self, text: str, context: Context) -> StepResult:
        lines = list(islice((m for m in re.finditer(r"[^\n]+", text) if not m.group().isspace()), 4))
        if len(lines) < 2:
            return StepResult()
        first, following = lines[0].group().strip(), lines[1].group().strip()
        known = context.metadata.get("title")
        if known and len(lines) >= 3 and KICKER.fullmatch(first) and len(first.split()) <= KICKER_MAX_WORDS \
                and (squeezed(following) == squeezed(str(known))
                     or looks_like_headline(following)
                     and (same_title(following, str(known)) or close_title(following, str(known)))):
            # a section's label over the title the extraction found ("Animal news")
            subtitle = _subtitle(lines[2:])
            if subtitle is None and not reads_as_prose(lines[2].group().strip()):
                return StepResult()
            edits = [Edit(lines[0].start(), lines[0].end() + 1, "", "title.kicker", "section label over the headline"),
                     _lifted(lines[1], text)]
            return _with_subtitle(edits, subtitle, text, {})
        from_header = context.metadata.get("title_from") == "page header"
        # the page's own title, word for word, is its headline though it ends like a sentence
        headline = looks_like_headline(first) or (bool(known) and not from_header
                                                  and _is_known_title(first, str(known)))
        # the page's title over its subtitle (a dek with no stop) over prose: which of the two
        # is the title is no guess
        subtitle = _subtitle(lines[1:]) if known and not from_header and same_title(first, str(known)) else None
        if not headline or not (subtitle or reads_as_prose(following)):
            return StepResult()
        # a title the extraction found may differ from an article's first line that is
        # content; one read from a page dump's removed header leaves the body as it was, and
        # one sharing no word with the line names the site, not this article; but a line
        # that opens a chapter ("Part I: The warnings") is the article's own heading
        generic = bool(known) and not from_header and not shares_a_word(first, str(known)) \
            and not CHAPTER.match(first)
        if known and not same_title(first, str(known)) and not close_title(first, str(known)) \
                and not from_header and not generic:
            return StepResult()
        metadata: dict[str, Any] = {"title": without_site_suffix(first)} if not known or generic else {}
        return _with_subtitle([_lifted(lines[0], text)], subtitle, text, metadata)


def _lifted(line: re.Match, text: str) -> Edit:
    return Edit(line.start(), min(line.end() + 1, len(text)), "", "title.first-line", "headline moved to metadata")


def _subtitle(lines: list[re.Match]) -> re.Match | None:
    """The first of `lines` when it is a headline-like subtitle with prose under it."""
    if len(lines) >= 2 and looks_like_headline(lines[0].group().strip()) \
            and reads_as_prose(lines[1].group().strip()):
        return lines[0]
    return None


def _with_subtitle(edits: list[Edit], subtitle: re.Match | None, text: str,
                   metadata: dict[str, Any]) -> StepResult:
    if subtitle is not None:
        edits.append(Edit(subtitle.start(), min(subtitle.end() + 1, len(text)), "", "title.subtitle",
                          "subtitle under the headline moved to metadata"))
        metadata["subtitle"] = subtitle.group().strip()
    return StepResult(edits=tuple(edits), metadata=metadata)
