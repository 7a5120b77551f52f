"""main-text: keep the article's main text region, remove the page chrome around it.

A whole-page text dump (one block per line) starts with navigation, menus and
headers and ends with share bars, related links, comments and footers. This
step finds the article as the run of lines with the largest total score (the
maximum-sum subarray of Body Text Extraction, applied to lines instead of
HTML tokens) and removes whole lines before and after that run.

Line score: every line costs a fixed amount and earns points per word (less
for Capitalised words, more when it ends like a sentence), so menus, link
lists and bylines score below zero and paragraphs above it. Short lines with
a time stamp (comment headers, teaser dates; not a race time or gap, "4:38:12", "+0:14") cost extra, so does each gap
between two runs of prose (teaser lists and comment threads are many short
runs, an article a few long ones), more so a gap holding many menu-sized
lines (a footer's link lists before its legal notices), and a line repeated
on the page shares its points among its copies. A run of chrome between two
prose blocks is only crossed when enough prose lies beyond it.

Some lines are judged by their neighbours: the lines of a hard-wrapped paragraph
(see `cleaner.steps.lines.wrapped_paragraphs`) share their worth, so its short last line
costs no gap and its lines are no list of headlines; a line that repeats several other
lines of the page run together (the article body again, as one block of
metadata) is chrome; a block of lines with no blank line between them that
mostly do not end like sentences is a list of headlines, worth nothing; the
signature under an embedded post ("— Ann (@ann) May 4, 2021") and the name
under a quotation ("– Ann K.") are part of the text and worth a little, and an
interviewer's short question ("Q: What is next?") costs nothing; so
is each line of a list of records in one template (product cards with the same "Buy now" and
price lines, a recipe collection's dishes with the same "Ingredients" and "Method"), whose
repeated lines would otherwise make it look like chrome. A list of fields ("Weight: 1.2 kg",
"Referee: A. Name", three or more with different labels) is worth nothing either way, so a
review's specifications do not cut the article in two (nor does the list's short heading,
between a paragraph and the list, with a paragraph under it); so is a review's verdict box ("Pros"
and "Cons" labels over short items, then "Verdict"), so the verdict under it stays; and so is
each item of a list a sentence of the article introduces with a colon ("The nine stops are:"),
so a list of names between the lead and the body does not cut the lead off.

Removes:
- lines before the main text region (`main-text.before-article`), giving the
  author, date and source its bylines and datelines name to the metadata (the
  rules' own lifting patterns, which would otherwise never see them), and the
  title when the page's first line (its `<title>`) repeats one of its lines;
- lines after it (`main-text.after-article`); when the first of them opens with a
  sentence of five words or more with a headline glued to its stop, the sentence stays
  (the article's last paragraph) and the cut starts after it.

Keeps:
- the article's paragraphs on both sides of an ad slot's label ("Advertisement",
  "REKLAMA", "Anzeige" alone on a line between two lines of prose): the label
  is worth nothing there, so it costs no gap (the rules remove it later);
- a podcast's or video's chapter list ("02:10 – How she started", three or
  more lines whose offsets rise), or a day's timeline ("6:14 a.m. – Liftoff",
  its clock times rising): its marks are worth nothing, not a stamp's cost,
  so the show notes or text around it stay (a feed's clock times fall, latest
  first, and keep their cost);
- everything inside the region, including short lines between paragraphs
  (subheadings, captions, share bars inside the article are other steps'
  business);
- a list right after the region whose items share a shape that chrome does
  not have: a schedule (dated items in calendar order, "June 9 – Tampa, FL"),
  a roster (names with distinct affiliations, "Ann Lee (Duke University)")
  or a list of fields (a match report's line-ups, referee and attendance),
  or any list a sentence of the article introduces with a colon ("The five
  landing stages are:") up to a long or chrome-like line;
- the article's lead above the region when a one-line paragraph ("Then
  the rain came.") sits between them: a short line costs the gap of two runs
  of prose, which a lead paragraph alone may not outweigh;
- up to two short sentences right after the region ("Use them.", "It did
  not."), which close the article but are too short to pay for the gap
  before a bio or disclaimer that reads as prose; not a call to act ("Read
  more.", "Like this article?"), a stamp, a link or a contributor credit;
- agency and newsroom credits right after the region ("(Reporting by ...;
  Editing by ...)"), and the notes a wire or a science desk closes an article
  with: a currency rate ("($1 = 0.92 euros)") and a journal reference
  ("Journal reference: Nature, DOI: ...");
- a few lines around the region (title, byline, a short share bar): a side
  is only cut when it holds at least `min_chrome_lines` non-blank lines;
- text that is already just an article, which usually scores as one run.
  Running the step on its own output changes nothing in practice: when a
  cut line has a copy among the kept lines, the kept lines are judged again
  as the step would judge its own output (the copy is worth more once alone),
  until a judgement cuts nothing. On the dev pages and 60 new documents, one
  page in a hundred is cut further on its own output; all but one of those
  through such a copy. The chain's next pass runs the step on its own output,
  so the chain's result is a fixpoint either way.

Relies on: one block of the page per line, lines separated by "\\n"
(normalize-newlines runs first); list items and menu entries on lines with
no blank line between them, paragraphs separated by blank lines, as page
dumps lay them out. Does nothing on text trafilatura extracted from HTML
(metadata `extractor`): that text is already the main text. It uses no word
lists (beyond a few English time units and month names in the time-stamp and
schedule patterns), only the shape of the text: word counts, capitalisation,
sentence punctuation, time stamps and blank lines. Scripts written without
spaces (Chinese, Japanese, Thai) are counted by characters.

Known limits: other lists, tables or runs of short lines at the very end
(or start) of an article (one without a repeated template, or whose items are
Title Case names) look like chrome and can be cut with it, even in an article
without chrome; a list of records is worth little per line, so a long footer
of legal notices beyond it can still be taken with it; a long comment
thread or teaser list right after a short article can be kept, or win over it.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from cleaner.edits import Edit
from cleaner.rules import Rulebook
from cleaner.steps.base import Context, StepResult
from cleaner.steps.lines import (CREDIT, LIST_BULLET, QUOTE_SIGNATURE, UNSPACED, Line, nonblank_lines,
                                 unspaced_paragraph, word_count, wrapped_paragraphs)
from cleaner.steps.strip_debris import LINE_SCOPES, MEDIA_RULES, PLAYER_TIME_LINE, shared_stripper, takes_whole_line
from cleaner.steps.title import looks_like_headline, same_title, without_site_suffix

SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")
TRUNCATION = ("...", "…")  # teasers cut short are not sentences
CLOSING_QUOTES = "'\"’”)]"
# A clock time, a year or "3 hours ago": the mark of comment headers, teaser
# dates and bylines when the line is short. A short line whose only mark is a year
# is prose when it reads as a sentence (`_dated_sentence`). A time gap or a race time
# ("+0:14", "4:38:12", a lap's "1:26.417") in a results table is no stamp.
CLOCK_OR_AGO = r"(?<![+:])\b\d{1,2}:\d\d\b(?![:.,]\d)|\b\d+\s*(?:min|mins|minutes?|hours?|hrs?|days?|weeks?|[mhd])\s+ago\b"
TIMESTAMP = re.compile(CLOCK_OR_AGO + r"|\b(?:19|20)\d\d\b", re.IGNORECASE)
# A table's row copied as a line ("Digital subscribers, end of 2018: 640", "Share of
# revenue, 2024: 58%"): its year labels a figure after a colon. A stamp's colon comes
# before its date or time ("Updated: 10:45", "Published: 3 March 2024").
DATA_ROW = re.compile(r"(?<!\b\d:)(?<!\b\d\d):\s?[$€£¥]?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s?(?:%|percent|per cent)?$")
# A line of more words than this is no stamp, whatever time it names.
STAMP_MAX_WORDS = 10
# A line of this many words that ends a sentence is a paragraph of prose: on text trafilatura
# extracted, main-text leaves a side that holds one (see _confirmed_cuts).
PARAGRAPH_WORDS = 16
# A media player's position and length ("0:00 / 7:31"): a widget's line, not a feed's time stamp.
PLAYER_TIME = re.compile(r"\d{1,2}:\d\d(?::\d\d)? ?/ ?\d{1,2}:\d\d(?::\d\d)?$")

MAX_ROUNDS = 4  # judgements of the kept lines, each after a cut of a copy of one of them


class StripOutsideMainText:
    """Remove the lines outside the highest-scoring run of prose lines."""

    name = "main-text"
    # and, for the header it cuts, what is already known; on text trafilatura extracted,
    # what the debris rules that confirm a cut read (the author a bio names)
    reads = ("extractor", "author")
    description = "remove page chrome outside the article's main text region"

    def __init__(self, *, line_cost: float = 6.0, capital_weight: float = 0.5,
                 sentence_bonus: float = 1.5, gap_cost: float = 20.0,
                 stamp_factor: float = 4.0, stamp_max_words: int = STAMP_MAX_WORDS,
                 long_gap_lines: int = 6, long_gap_cost: float = 40.0, menu_words: int = 3,
                 min_chrome_lines: int = 4, header_rules: Rulebook | None = None):
        # Every line costs `line_cost` word-points: a menu item (1-3 words) is
        # clearly negative, a one-sentence paragraph (10+ words) positive.
        self.line_cost = line_cost
        # Capitalised and numeric words count less: menus and headline lists
        # are Title Case, prose is mostly lower case.
        self.capital_weight = capital_weight
        # A line that ends like a sentence is worth more.
        self.sentence_bonus = sentence_bonus
        # Crossing from one run of prose lines to the next costs this much on
        # top of the lines between: teaser lists and comment threads are many
        # short prose runs, an article is a few long ones.
        self.gap_cost = gap_cost
        # Each menu-sized line (up to `menu_words` words) past the first
        # `long_gap_lines` of a gap costs `long_gap_cost` more: a footer's link
        # lists and share bars are many such lines, a gallery or an inline box
        # inside an article a few (captions are longer).
        self.long_gap_lines = long_gap_lines
        self.long_gap_cost = long_gap_cost
        self.menu_words = menu_words
        # A short line with a time stamp costs `stamp_factor` lines.
        self.stamp_factor = stamp_factor
        self.stamp_max_words = stamp_max_words
        # A side is only removed when it holds this many non-blank lines: a
        # title and a byline above a clean article stay.
        self.min_chrome_lines = min_chrome_lines
        # The rules whose bylines and datelines give an author and a date: read in the
        # header this step removes, which the rules would otherwise never see.
        self.header_rules = header_rules
        # The media rules' widget labels ("Listen to this article"): a lone running time
        # next to one is the player's, not a feed's time stamp.
        self.media_rules = tuple(r for r in header_rules.rules if r.id.startswith(MEDIA_RULES)
                                 and r.scope in LINE_SCOPES) if header_rules is not None else ()
        # ... and a share bar's buttons ("Share", "Copy link", "Gift this article"): the other
        # controls a page sets between the article's paragraphs.
        self.share_rules = tuple(r for r in header_rules.rules
                                 if r.id in SHARE_BUTTON_RULES) if header_rules is not None else ()
        # ... and the label of a related-stories insert ("Also read:", "Baca juga:").
        self.insert_rules = tuple(r for r in header_rules.rules
                                  if r.id in INSERT_LABEL_RULES) if header_rules is not None else ()
        # ... and a transcript's time code alone on its line ("[00:01:08]").
        self.time_code_rules = tuple(r for r in header_rules.rules
                                     if r.id in TIME_CODE_RULES) if header_rules is not None else ()

    def prepare(self) -> None:
        if self.header_rules is not None:
            shared_stripper(self.header_rules, lifting=True).prepare()
            shared_stripper(self.header_rules).prepare()

    def run(self, text: str, context: Context) -> StepResult:
        lines = nonblank_lines(text)
        first, last = 0, len(lines) - 1
        # When a cut line has a copy among the kept lines, the kept lines are judged again,
        # as the step would judge its own output: the copy is worth more once alone, and
        # may move the region. (Other changes a cut makes are rarer; the chain's next pass
        # runs the step on its own output anyway.)
        for _ in range(MAX_ROUNDS):
            window = lines[first:last + 1]
            region = self._article(window)
            if region is None:
                break
            start, end = region
            cut_before = start >= self.min_chrome_lines
            cut_after = len(window) - 1 - end >= self.min_chrome_lines
            if not (cut_before or cut_after):
                break
            first, last = first + (start if cut_before else 0), first + (end if cut_after else len(window) - 1)
            cut = {line for _, _, line in window[:start if cut_before else 0]}
            cut.update(line for _, _, line in window[end + 1 if cut_after else len(window):])
            if not any(line in cut for _, _, line in lines[first:last + 1]):
                break
        if context.metadata.get("extractor") == "trafilatura":
            first, last = self._confirmed_cuts(text, lines, first, last, context)
        edits, metadata = [], {}
        if first:
            edits.append(Edit(0, lines[first][0], "", "main-text.before-article",
                              "page navigation and headers before the article"))
            metadata = self._header_metadata(text, lines[:first], context)
        if last < len(lines) - 1:
            edits.append(Edit(_past_glued_sentence(text, lines[last], lines[last + 1]), len(text), "",
                              "main-text.after-article", "page footer, links and comments after the article"))
        return StepResult(edits=tuple(edits), metadata=metadata)

    def _confirmed_cuts(self, text: str, lines: list[Line], first: int, last: int,
                        context: Context) -> tuple[int, int]:
        """The region's bounds on text trafilatura extracted, where a cut must be confirmed.
        trafilatura has already chosen the article, so what it kept is article unless it
        shows otherwise. On each side the cut reaches only as far in as the innermost line
        the debris rules take whole (a "Related stories" heading, a copyright line): that
        line is the page's, and so is what lies beyond it; the lines between it and the
        region stay (an article's "On the Net:" links above the wire's copyright line).
        Nothing is cut when the region keeps less than half the text: list-heavy articles
        and hard-wrapped prose score low, but trafilatura chose them."""
        whole = 0, len(lines) - 1
        if self.header_rules is None:
            return whole
        kept = sum(len(line) for _, _, line in lines[first:last + 1])
        if kept * 2 < sum(len(line) for _, _, line in lines):
            return whole
        if first:
            taken = self._taken_whole(text, lines[:first], context)
            barrier = max(taken, default=0)
            first = barrier if not _holds_paragraph(lines[:barrier], taken) else 0
        if last < whole[1]:
            side = lines[last + 1:]
            taken = self._taken_whole(text, side, context)
            barrier = min(taken, default=len(side) - 1)
            last = last + 1 + barrier if not _holds_paragraph(side, taken, barrier) else whole[1]
        return first, last

    def _taken_whole(self, text: str, side: list[Line], context: Context) -> list[int]:
        """The indexes in `side` of the lines the debris rules remove whole."""
        start = side[0][0]
        found = shared_stripper(self.header_rules).run(text[start:side[-1][1]], context)
        spans = [(edit.start + start, edit.end + start) for edit in found.edits if not edit.replacement]
        taken = []
        for index, (line_start, _, line) in enumerate(side):
            at = text.index(line, line_start)
            if any(a <= at and at + len(line) <= b for a, b in spans):
                taken.append(index)
        return taken

    def _article(self, lines: list[Line]) -> tuple[int, int] | None:
        """The first and last line of the article among `lines`, or None."""
        sizes = [word_count(line) for _, _, line in lines]
        fields = _field_list_lines(lines, sizes)
        wrapped = wrapped_paragraphs(lines)
        in_wrapped = {i for a, b in wrapped for i in range(a, b + 1)}
        region = self._region(lines, sizes, fields, wrapped, in_wrapped)
        if region is None:
            return None
        first, last = region
        first = _after_leading_headlines(lines, first, last, in_wrapped)
        first = _salutation(lines, self._opening_paragraphs(lines, first))
        last = _closing_sentences(lines, _list_end(lines, last, set(fields)))
        last = _credit_lines(lines, _score_lines(lines, last))
        return first, _letters_signature(lines, first, _sign_off(lines, last))

    def _opening_paragraphs(self, lines: list[Line], first: int) -> int:
        """The region's first line, or an earlier one: the article's lead and a one-line
        paragraph under it ("Then the rain came.") cost the gap a short line makes
        between two runs of prose, which the lead alone may not outweigh. Each pair
        above the region, a prose line that ends a sentence and a short sentence,
        opens the article; chrome above it (a byline, a caption, a stamp) is neither."""
        while (first >= 2 and _short_sentence(lines[first - 1][2]) and _ends_sentence(lines[first - 2][2])
               and self._line_score(lines[first - 2][2]) > 0):
            first -= 2
        return first

    def _header_metadata(self, text: str, header: list[Line], context: Context) -> dict[str, Any]:
        """The author, date and source the rules' bylines and datelines give in the removed
        header, and its headline when the page's first line (its title, "Headline | Site")
        repeats it; nothing already known is replaced. The headline is not guessed from
        position: on the dev pages the line above a byline was a breadcrumb, a share
        button or a standfirst one time in five."""
        metadata: dict[str, Any] = {}
        if self.header_rules is not None:
            near = text[header[max(0, len(header) - BYLINE_LOOKBACK)][0]:header[-1][1]]
            found = shared_stripper(self.header_rules, lifting=True).run(near, context)
            metadata = {key: value for key, value in found.metadata.items() if key not in context.metadata}
        if "title" not in context.metadata and "title" not in metadata:
            title = _repeated_title(header)
            if title:
                metadata["title"], metadata["title_from"] = title, "page header"
        return metadata

    def _region(self, lines: list[Line], sizes: list[int], fields: list[int],
                wrapped: list[tuple[int, int]], in_wrapped: set[int]) -> tuple[int, int] | None:
        # A line repeated on the page (a teaser of the lead, a cookie notice,
        # a doubled article) shares its value among its copies.
        copies = Counter(line for _, _, line in lines)
        scores = [self._line_score(line, copies[line]) for _, _, line in lines]
        for first, last in wrapped:
            # a hard-wrapped paragraph's lines share their worth: its short last line
            # costs no gap of its own, and its lines are no list of headlines
            share = sum(scores[first:last + 1]) / (last + 1 - first)
            scores[first:last + 1] = [share] * (last + 1 - first)
        for i in _headline_list_lines(lines):
            if i not in in_wrapped:
                scores[i] = min(scores[i], 0.0)
        for i in _entry_stamps(lines, sizes) + _chapter_lines(lines):
            scores[i] = max(scores[i], 0.0)
        for i in _signature_lines(lines):
            scores[i] = max(scores[i], SIGNATURE_SCORE)
        for i in range(1, len(lines) - 1):
            # an ad slot between two paragraphs splits no article
            if scores[i - 1] > 0 and scores[i + 1] > 0 and AD_SLOT.match(lines[i][2]):
                scores[i] = 0.0
        for i in _ad_box_lines(lines, sizes):
            scores[i] = 0.0
        for i, (_, _, line) in enumerate(lines):
            if INTERVIEW_QUESTION.match(line):  # "Q: What is next?" leads its answer
                scores[i] = max(scores[i], 0.0)
        for i in self._player_time_lines(lines) + self._player_block_lines(lines, scores) \
                + self._insert_lines(lines, sizes) + self._time_code_lines(lines):
            scores[i] = max(scores[i], 0.0)
        for i in _digest_lines([line for _, _, line in lines]):
            scores[i] = -self.line_cost
        for i in _record_lines(lines, sizes, copies, self.stamp_max_words):
            scores[i] = max(scores[i], RECORD_SCORE)
        menus = [size <= self.menu_words for size in sizes]
        for i in fields + _verdict_lines(lines, sizes) + _introduced_list_lines(lines) \
                + _field_headings(lines, fields, scores) + _figure_block_lines(lines, sizes):
            scores[i], menus[i] = max(scores[i], 0.0), False
        return self._best_run(self._with_gaps(scores, menus))

    def _player_time_lines(self, lines: list[Line]) -> list[int]:
        """Lone running times ("3:42") right above or below a media widget's label that a
        media rule takes, or next to such a time ("00:00" over "06:48"): the player's
        position and length, which strip-debris removes with its label, so they cost no
        more than the label (a time stamp costs four lines)."""
        times = [i for i, (_, _, line) in enumerate(lines) if PLAYER_TIME_LINE.fullmatch(line)]
        found: set[int] = set()
        for i in times:  # in order, so a time under a time already found joins it
            if any(j in found or (0 <= j < len(lines) and j not in times and self._taken_by_media(lines[j][2]))
                   for j in (i - 1, i + 1)):
                found.add(i)
        for i in reversed(times):  # and a time above one found later ("00:00" over "06:48" over the label)
            if i + 1 in found:
                found.add(i)
        return sorted(found)

    def _player_block_lines(self, lines: list[Line], scores: list[float]) -> list[int]:
        """Runs of short lines a media rule takes whole ("Play Video", "Unmute", "Current Time
        0:00", a lone "/" or time among them) with prose right above and prose within
        `PLAYER_BLOCK_AFTER` lines below: a player inside the article, which strip-debris
        removes. It costs nothing, so it does not cut the lead above it from the rest. So
        does a share bar ("Share", "Copy link", "Gift this article") under the article's lead,
        at most `SHARE_BAR_LEAD_LINES` prose lines into the page; a share bar further down is
        most often the article's end, with comments or a repeated teaser below it. Only a
        line right under prose is tried first, so few lines meet the rules."""
        found: list[int] = []
        i, prose_above = 1, int(bool(scores) and scores[0] > 0)
        while i < len(lines):
            kind = self._control_kind(lines[i][2]) if scores[i - 1] > 0 else None
            if kind is None:
                prose_above += scores[i] > 0
                i += 1
                continue
            kinds, j = {kind}, i + 1
            while j < len(lines):
                kind = "media" if PLAYER_FILLER.fullmatch(lines[j][2]) else self._control_kind(lines[j][2])
                if kind is None:
                    break
                kinds.add(kind)
                j += 1
            if any(s > 0 for s in scores[j:j + PLAYER_BLOCK_AFTER]) and (
                    prose_above <= SHARE_BAR_LEAD_LINES or kinds == {"media"}):
                found += range(i, j)
            i = j
        return found

    def _insert_lines(self, lines: list[Line], sizes: list[int]) -> list[int]:
        """A related-stories insert between two paragraphs: a label a teaser rule takes whole
        ("Also read:", "Baca juga:") right under a paragraph, its one or two headlines, and a
        sentence (or a list's introduction, ending with a colon) within `PLAYER_BLOCK_AFTER`
        lines under them. strip-debris removes the label and its headlines; they cost
        nothing, so they do not cut the article in two."""
        found: list[int] = []
        for i in range(1, len(lines) - 1):
            if not _paragraph(lines[i - 1][2], sizes[i - 1]) or sizes[i] > INSERT_LABEL_WORDS \
                    or not any(takes_whole_line(rule, lines[i][2]) for rule in self.insert_rules):
                continue
            j = i + 1
            while j < len(lines) and j - i <= INSERT_HEADLINES and looks_like_headline(lines[j][2]):
                j += 1
            if j > i + 1 and any(_paragraph(lines[k][2], sizes[k], INTRO_MIN_WORDS) or
                                 (sizes[k] >= INTRO_MIN_WORDS and lines[k][2].endswith(":"))
                                 for k in range(j, min(j + PLAYER_BLOCK_AFTER, len(lines)))):
                found += range(i, j)
        return found

    def _time_code_lines(self, lines: list[Line]) -> list[int]:
        """A transcript's time codes, each alone on its line ("[00:01:08]"), which a time-code
        rule takes: the recording's, between the lines of one text, so they cost nothing
        (a time stamp costs four lines): they neither split a transcript nor pull its first
        and last lines out. Only a line in brackets is tried."""
        return [i for i, (_, _, line) in enumerate(lines) if line[:1] in "[("
                and any(takes_whole_line(rule, line) for rule in self.time_code_rules)]

    def _control_kind(self, line: str) -> str | None:
        """The control a short line is: "media" for a player's label a media rule takes whole,
        "share" for a share bar's button a share rule takes whole, None for any other line."""
        if len(line.split()) > PLAYER_LABEL_WORDS:
            return None
        if self._taken_by_media(line):
            return "media"
        return "share" if any(takes_whole_line(rule, line) for rule in self.share_rules) else None

    def _taken_by_media(self, line: str) -> bool:
        """Whether a media rule takes the whole line (a player's or widget's label)."""
        return any(takes_whole_line(rule, line) for rule in self.media_rules)

    def _with_gaps(self, scores: list[float], menus: list[bool]) -> list[float]:
        scores = list(scores)
        # Charge the gap cost to the last negative line before each prose run.
        previous = None
        menu_lines = 0  # menu-sized lines since the last prose line
        for i, score in enumerate(scores):
            if score > 0 and previous is not None and scores[previous] < 0:
                scores[previous] -= (self.gap_cost
                                     + self.long_gap_cost * max(0, menu_lines - self.long_gap_lines))
            if score != 0:
                previous = i
            menu_lines = 0 if score > 0 else menu_lines + menus[i]
        return scores

    def _line_score(self, line: str, copies: int = 1) -> float:
        words = capital = 0
        tokens = line.split()
        for token in tokens:
            first = token[0]
            if not first.isalnum():  # "(Reuters", "“Quote", or a lone "|"
                if len(token) == 1 or not token[1].isalnum():
                    continue
                first = token[1]
            words += 1
            capital += first.isupper() or first.isdigit()
        # Scripts without spaces give few, long tokens: count their characters.
        unspaced = 0
        if not line.isascii() and len(line) > 12 * len(tokens):
            unspaced = len(UNSPACED.findall(line))
        if not words:
            return 0.0  # punctuation or symbols only: neutral
        value = words - capital + self.capital_weight * capital + unspaced / 2
        if _ends_sentence(line):
            value *= self.sentence_bonus
        score = value / copies - self.line_cost
        if words <= self.stamp_max_words and not unspaced and TIMESTAMP.search(line) \
                and not _dated_sentence(line, words, capital) and not PLAYER_TIME.match(line) \
                and not DATA_ROW.search(line):
            score = min(score, -self.stamp_factor * self.line_cost)
        return score

    @staticmethod
    def _best_run(scores: list[float]) -> tuple[int, int] | None:
        """Kadane's maximum-sum subarray; the earliest best run wins ties."""
        best, best_run, total, start = 0.0, None, 0.0, 0
        for i, score in enumerate(scores):
            if total <= 0:
                total, start = 0.0, i
            total += score
            if total > best:
                best, best_run = total, (start, i)
        return best_run


# A digest is a long line made of other lines of the page run together (an
# article body repeated as one block in a page's metadata or print copy): it
# holds at least this many of them, covering at least this share of it.
DIGEST_MIN_PARTS = 2
DIGEST_MIN_COVER = 0.5
DIGEST_PART_WORDS = 8
DIGEST_KEY_WORDS, DIGEST_MAX_CANDIDATES = 3, 8
WORD = re.compile(r"\S+")
# The name under a quotation ("– Ann K.") or an embedded post ("— Ann Lee
# (@annlee) May 4, 2021") belongs to what it signs, though short and dated: it
# is worth a little, so that a region ending with a quotation keeps its name.
SIGNATURE_SCORE = 1.0
EMBED_SIGNATURE = re.compile(r"^[—–-]\s?[^()]{1,60}\(@\w{1,30}\)[^()]{0,40}$")
QUOTE_END = re.compile(r"[”\"»][.!?]?$")
# A headline, a menu entry or a list item: up to this many words.
HEADLINE_WORDS = 15
# A lower-case word's stop with a capitalized word glued to it, no space between.
GLUED_STOP = re.compile(r"(?<![^\W\d_])[a-zß-öø-ÿ]{2,}[.!?][\"”’»]?(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
GLUED_SENTENCE_WORDS = 4
# A player's controls inside an article: labels of this many words at most, with lone
# slashes and times among them; prose within this many lines under the run.
PLAYER_LABEL_WORDS = 8
PLAYER_FILLER = re.compile(r"/|-?\d{1,2}:\d\d(?::\d\d)?")
PLAYER_BLOCK_AFTER = 2
SHARE_BUTTON_RULES = ("share.button-line", "share.prompt")
SHARE_BAR_LEAD_LINES = 4
INSERT_LABEL_RULES = ("teasers.heading",)
TIME_CODE_RULES = ("media.time-code",)
INSERT_LABEL_WORDS = 4
INSERT_HEADLINES = 2
# A schedule item: a day and month (no year: a feed's dates have one), then what
# happens ("June 9 – Tampa, FL @ Arena"). A roster item: a name and what it belongs
# to ("Ann Lee (Duke University)"), no digits (dates of teasers) or link bars.
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A date ("June 2018", "Mar 11, 2025") or a clock time: marks of a stamp even in a sentence.
DATE_OR_CLOCK = re.compile(rf"\b(?:{'|'.join(MONTHS)})[a-z]{{0,6}}\.?\s(?:\d{{1,2}},?\s)?(?:19|20)\d\d\b|{CLOCK_OR_AGO}",
                           re.IGNORECASE)
SCHEDULE_ITEM = re.compile(rf"^({'|'.join(MONTHS)})[a-z]{{0,6}}\.?\s(\d{{1,2}})\b(?!,?\s\d{{4}})",
                           re.IGNORECASE)
ROSTER_ITEM = re.compile(r"^[^()|\d]{3,60}\(([^()|\d]{2,60})\)$")
# A match's result over its line-ups: a side and its score, with its scorers in brackets
# ("Harbour Town 2 (Okafor 23, Lee 78 pen)"), or both sides ("Harbour Town 2-1 Rovers").
RESULT_LINE = re.compile(r"^[A-Z][^\d()|:\n]{1,40}? \d{1,3}(?: \([^()\n]{1,160}\))?$"
                         r"|^[A-Z][^\d()|:\n]{1,40}? \d{1,3} ?[-–] ?\d{1,3} [A-Z][^\d()|:\n]{1,40}$")
# An interviewer's question in a transcript ("Q: What is next?"): short, but not chrome.
INTERVIEW_QUESTION = re.compile(r"^(?:Q|Question)\s?[:.]\s?\S.{0,300}\?[\"”’)]*$")
# The header's last lines read for bylines and datelines (they sit just above the
# article; a long menu above them says nothing and costs time).
BYLINE_LOOKBACK = 40
# A site's name before a page title: "Daily Courier | Harbor bridge reopens".
SITE_PREFIX = re.compile(r"^(?P<site>[^|–—]{1,60}?)\s+[|–—]\s+")
# A field: a label of one to three words, a colon, a value ("Battery life: 17 hours").
# A capital may be accented ("Árbitro: ...", "Łódź: ...").
FIELD = re.compile(r"^([A-ZÀ-ÖØ-ÞĄĆČĎĘĚŁŃŇŐŘŚŠŤŮŰŹŻŽ][\w’'&/().-]*(?: [\w’'&/().-]+){0,2}):\s\S")
FIELD_MAX_WORDS = 15
NAME_LIST_MAX_WORDS = 45
NAME_LIST_WORDS = 3
LINE_UP_WORDS = 8  # a team's line-up: a field whose value lists names, this many words at least
NAME_SEPARATOR = re.compile(r"[,;]")
CLOCK_MARK = re.compile(CLOCK_OR_AGO, re.IGNORECASE)
# Labels of a field whose value is a time of day by its nature: an event's or a schedule's.
TIME_LABEL = re.compile(r"(?:when|time|times|hours|opening hours|doors|kick-?off|starts?|show ?times?)", re.IGNORECASE)
LIST_MIN_ITEMS = 3
FIELD_HEADING_WORDS = 6  # a list's heading: "Harvest at a glance", "Key specifications"
# A sentence that introduces a list with a colon: this many words at least, and none of
# the words of a teaser box's label. The list it introduces runs this many lines at most.
INTRO_MIN_WORDS = 4
SUBHEADING_WORDS = 8  # a subheading over the sentence that introduces a list
# A label of fewer words ("Tracklist:", "The route:") introduces only items numbered
# 1, 2, 3 ... in order, each this short; a box's label names the box and leads nothing.
NUMBERED_ITEM = re.compile(r"(\d{1,2})[.)] \S")
NUMBERED_ITEM_WORDS = 8
RANKED_FIGURE = re.compile(r"\d|[()]")
BOX_LABEL_WORDS = re.compile(r"\b(?:most|read|watch(?:ed)?|viewed|shared|clicked|see|follow|share|listen)\b",
                             re.IGNORECASE)
INTRO_MAX_ITEMS = 30
TEASER_INTRO = re.compile(r"\b(?:also|more|related|recommended|popular|trending|latest|top|stories|headlines|news"
                          r"|articles|posts|videos|links|coverage)\b", re.IGNORECASE)
# A review's verdict box: the labels of its good and bad points, and of its verdict.
PROS_LABEL = re.compile(r"(?:pros|the good|likes|what (?:we|i) liked|we liked|(?:what's|what is) good)\s?:?",
                        re.IGNORECASE)
CONS_LABEL = re.compile(r"(?:cons|the bad|dislikes|what (?:we|i) (?:didn['’]t|did not) like"
                        r"|(?:what's|what is) (?:bad|not so good))\s?:?", re.IGNORECASE)
VERDICT_LABEL = re.compile(r"(?:(?:our|the|final) )?verdict|(?:the )?bottom line\s?:?", re.IGNORECASE)
# A review's scores right under its last line ("Score: 8/10", "Food 8/10 | Service 9/10",
# "Verdict: ★★★★☆"): the critic's, not a reader's ("Reader score", "Your rating").
SCORE = (r"(?:[A-Z][\w’'&-]*(?: [\w’'&-]+){0,2}:? )?(?:\d{1,2}(?:[.,]\d)? ?/ ?(?:5|10|20|100)"
         r"|\d(?:[.,]\d)? out of (?:5|10)|[★☆]{3,5})(?: stars?)?")
SCORE_LINE = re.compile(rf"^{SCORE}(?:\s?[|·•,;]?\s{SCORE}){{0,5}}\.?$")
SCORE_NOT = re.compile(r"\b(?:readers?|your|users?|average|visitors?|guests?|votes?|rate (?:it|this))\b",
                       re.IGNORECASE)
SCORE_FRACTION = re.compile(r"(\d{1,2}(?:[.,]\d)?) ?/ ?(\d{1,3})")
SCORE_MAX_LINES = 3
# Short sentences that close an article after its last paragraph: up to this many lines
# of this many words, opening like a sentence and ending in a full stop (calls to act
# end in "!" or "?": "Like this article?"), with no stamp, link, separator, click or
# contributor credit, and not opening with the verb of a call to act ("Read more.").
CLOSING_MAX_LINES, CLOSING_MAX_WORDS = 2, 12
CLOSING_START = re.compile(r"^[\"“‘'«„‚]?[A-Z][a-z’']*(?:\s|$)")
CALL_OR_LINK = (r"[|@©]|https?:|www\.|\.com\b|\b(?:click|tap|contributed)\b"
                r"|^\W*(?:read|share|subscribe|sign|follow|like|download|watch|listen|join|see|view|visit"
                r"|continue|print|e-?mail|comment|leave|post|add|register|log|get|support|donate)\b")
# A stamp here is a clock time, "3 hours ago" or a date; a year alone is a sentence's
# ("That was in 2019.").
CLOSING_NOT = re.compile(DATE_OR_CLOCK.pattern + r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|" + CALL_OR_LINK,
                         re.IGNORECASE)
CALL_OR_LINK_LINE = re.compile(CALL_OR_LINK, re.IGNORECASE)
# The same for a list's item, which may hold a year ("1990-1994", "Founded 2006").
ITEM_NOT = re.compile(CLOCK_OR_AGO + "|" + CALL_OR_LINK, re.IGNORECASE)
CALL_ITEM_WORDS = 5
CALL_WORDS_ANYWHERE = ("click", "tap", "contributed")


# A list of records in one template (product cards: name, features, price,
# "Buy now"; recipes: dish, "Ingredients", its list, "Method", its steps) is
# article content though its lines repeat: short lines that recur at least
# `TEMPLATE_COPIES` times on the page make the template, and a run of them with at
# most `RECORD_GAP` other lines between two is a list when at least two of its
# template lines recur `RECORD_MIN` times in it and its records have
# `RECORD_OWN_LINES` lines of their own on average (a teaser's headline and summary
# are two). Each line of such a list is worth `RECORD_SCORE`: four records of a few
# lines outweigh the gap before them.
RECORD_SCORE = 2.0
TEMPLATE_WORDS = 8
TEMPLATE_COPIES = 3
RECORD_GAP = 12
RECORD_MIN = 4
RECORD_OWN_LINES = 3


def _record_lines(lines: list[Line], sizes: list[int], copies: Counter, stamp_words: int) -> list[int]:
    """The lines of lists of records written in one template.

    Chrome repeats lines too, so a run is only a list of records when the template
    has two or more lines that recur in it (a section label over each teaser is one),
    its records have three or more lines of their own (a name and its details; a
    teaser has a headline and a summary above its "Read more" and "Share"), a
    quarter or more of its lines are the records' own, mostly distinct (a menu
    printed three times is all template), it has no short dated line (comment
    threads and news feeds) and the records' own words are mostly lower case (the
    Title Case of link lists).
    """
    template = [copies[line] >= TEMPLATE_COPIES and size <= TEMPLATE_WORDS for (_, _, line), size in zip(lines, sizes)]
    groups: list[list[int]] = []
    for i in (i for i, is_template in enumerate(template) if is_template):
        if groups and i - groups[-1][-1] - 1 <= RECORD_GAP:
            groups[-1].append(i)
        else:
            groups.append([i])
    found = []
    for group in groups:
        counts = Counter(lines[i][2] for i in group)
        frequent = {line for line, n in counts.items() if n >= RECORD_MIN}
        if len(frequent) < 2:
            continue
        span = [i for i in group if lines[i][2] in frequent]
        run = range(span[0], span[-1] + 1)
        own = [lines[i][2] for i in run if not template[i]]
        if 4 * len(own) < len(run) or 2 * len(set(own)) < len(own):
            continue
        if len(own) < RECORD_OWN_LINES * max(counts[line] for line in frequent):
            continue
        if any(sizes[i] <= stamp_words and TIMESTAMP.search(lines[i][2]) for i in run):
            continue
        words = [word for line in own for word in line.split() if word[0].isalpha()]
        if 2 * sum(word[0].islower() for word in words) < len(words):
            continue
        # the first record's own lines come before its first template line: as
        # many as the second record has between the two
        second = next(k for k in range(1, len(span)) if lines[span[k]][2] == lines[span[0]][2])
        found.extend(range(max(0, span[0] - (span[second] - span[second - 1] - 1)), span[-1] + 1))
    return found


def _digest_lines(lines: list[str]) -> list[int]:
    """Indexes of the lines that are other lines of the page joined together."""
    # Parts are found where a word starts, by their first words: linear in the text.
    parts: dict[tuple[str, ...], list[str]] = {}
    for line in dict.fromkeys(lines):
        words = line.split()
        if len(words) >= DIGEST_PART_WORDS:
            candidates = parts.setdefault(tuple(words[:DIGEST_KEY_WORDS]), [])
            if len(candidates) < DIGEST_MAX_CANDIDATES:
                candidates.append(line)
    if not parts:
        return []
    firsts = {key[0] for key in parts}
    found = []
    for i, line in enumerate(lines):
        words = line.split()
        if len(words) < DIGEST_MIN_PARTS * DIGEST_PART_WORDS or sum(w in firsts for w in words) < DIGEST_MIN_PARTS:
            continue
        inside = set()
        for k, match in enumerate(WORD.finditer(line)):
            if words[k] in firsts:
                key = tuple(words[k:k + DIGEST_KEY_WORDS])
                inside.update(part for part in parts.get(key, ())
                              if len(part) < len(line) and line.startswith(part, match.start()))
        if len(inside) >= DIGEST_MIN_PARTS and sum(map(len, inside)) >= DIGEST_MIN_COVER * len(line):
            found.append(i)
    return found


def _signature_lines(lines: list[Line]) -> list[int]:
    """An embedded post's signature, or a short dash-led name right under a quotation."""
    return [i for i, (_, _, line) in enumerate(lines)
            if EMBED_SIGNATURE.match(line)
            or (i and QUOTE_SIGNATURE.match(line) and QUOTE_END.search(lines[i - 1][2]))]


def _dated_sentence(line: str, words: int, capital: int) -> bool:
    """A short sentence that names a year ("Work begins in the spring of 2026."), not a
    stamp: it ends like a sentence, most of its words are lower case, and its only
    time mark is a year on its own (no date, no clock time, no "3 hours ago")."""
    return (2 * capital < words and _ends_sentence(line)
            and not DATE_OR_CLOCK.search(line))


# A live blog's entry: a bare clock time ("7:42 p.m.", "14:32 BST"; or "Posted at 21:53"),
# then within a few lines (its writer, its heading, the bare time under "Posted at") a
# paragraph of this many words or more; a blog has at least `MIN_ENTRIES` of them. A feed's
# entry has a headline under its time, or a one-sentence summary shorter than an entry's
# report; a byline's stamp carries a date and stands once.
ENTRY_STAMP = re.compile(r"(?:(?:posted|updated|published|added)(?: at)? )?"
                         r"\d{1,2}[:.]\d\d(?:\s?(?:[ap]\.?m\.?|h))?(?:\s[A-Z]{2,4})?", re.IGNORECASE)
ENTRY_PARAGRAPH_WORDS = 10
ENTRY_LOOKAHEAD = 3
MIN_ENTRIES = 3


def _entry_stamps(lines: list[Line], sizes: list[int]) -> list[int]:
    """The time stamps that open a live blog's entries: worth nothing, not a stamp's cost."""
    found = []
    for i, (_, _, line) in enumerate(lines):
        if not ENTRY_STAMP.fullmatch(line):
            continue
        below = range(i + 1, min(i + 1 + ENTRY_LOOKAHEAD, len(lines)))
        if any(_paragraph(lines[j][2], sizes[j], ENTRY_PARAGRAPH_WORDS) for j in below):
            found.append(i)
    return found if len(found) >= MIN_ENTRIES else []


# The label of an ad slot, which templates put between an article's paragraphs: between
# two lines of prose it is worth nothing, so it costs no gap between them.
AD_SLOT = re.compile(r"^[-–—*\[(]?\s?(?:advertisement|advert|ad|ads|sponsored|anzeige|werbung|reklama|reklame"
                     r"|publicidad|publicidade|pubblicità|publicité|annonse|annons|mainos|advertentie|hirdetés"
                     r"|inzerce|reclamă|sponsorizzato|gesponsert)\s?[-–—*\])]?$", re.IGNORECASE)
# A podcast's or video's chapter list: "02:10 – How she started", each line an offset into
# the recording and a topic, the offsets rising; or a timeline or programme in clock times
# ("6:14 a.m. – Liftoff", "9:30 – Keynote"), the times rising through the day. A feed's
# stamps are clock times too, but latest first, and rarely joined to their headline by a dash.
CHAPTER = re.compile(r"^[(\[]?(?:(\d{1,2}):)?(\d{1,2}):(\d\d)(?:\s?([ap])\.?m\.?)?[)\]]?\s?[–—-]\s?\S",
                     re.IGNORECASE)


# A labelled ad box between an article's paragraphs: a heading over the label
# ("Compare savings accounts" / "Sponsored"), then the box's short lines (its cards, prices,
# buttons, its small print), then the article's next paragraph, which calls for nothing. More
# than `AD_BOX_MIN_LINES` and up to `AD_BOX_LINES` lines of `AD_BOX_WORDS` words or fewer, right
# under a paragraph: a lone label between paragraphs is `AD_SLOT`'s.
AD_BOX_LINES = 24
AD_BOX_MIN_LINES = 3
AD_BOX_WORDS = 10
# A table or a calculator set one cell to a line between paragraphs: this many short lines
# at least, of this many words at most, a paragraph within this many lines under them.
FIGURE_BLOCK_MIN_LINES = 6
FIGURE_BLOCK_WORDS = 6
FIGURE_BLOCK_AFTER = 3


def _ad_box_lines(lines: list[Line], sizes: list[int]) -> list[int]:
    """The lines of each labelled ad box between two paragraphs: worth nothing, so the box
    does not cut the article's lead from its body; strip-debris judges its lines."""
    found: list[int] = []
    for i in range(1, len(lines) - 1):
        if not AD_SLOT.match(lines[i][2]):
            continue
        start = i - 1 if sizes[i - 1] <= AD_BOX_WORDS and not _ends_sentence(lines[i - 1][2]) else i
        if start < 1 or not _paragraph(lines[start - 1][2], sizes[start - 1], INTRO_MIN_WORDS):
            continue
        for j in range(i + 1, min(i + 1 + AD_BOX_LINES, len(lines))):
            if _paragraph(lines[j][2], sizes[j]):
                if j - i > AD_BOX_MIN_LINES and not CALL_OR_LINK_LINE.search(lines[j][2]):
                    found += range(start, j)
                break
            if sizes[j] > AD_BOX_WORDS:
                break
    return found


def _figure_block_lines(lines: list[Line], sizes: list[int]) -> list[int]:
    """The lines of each block of figures between two paragraphs: a table or a calculator
    set one cell to a line ("Clearance rate" / "Sydney" / "71.4%" / "812", "Loan amount" /
    "₹ 50,00,000"), `FIGURE_BLOCK_MIN_LINES` or more lines of `FIGURE_BLOCK_WORDS` words
    or fewer, a third of them figures, with a paragraph right above and one within
    `FIGURE_BLOCK_AFTER` lines below (a source note or a button between). Worth nothing
    either way, like a list of fields: such a block inside an article had cut it in two,
    and menus and footers have words, not figures."""
    found: list[int] = []
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and sizes[end] <= FIGURE_BLOCK_WORDS:
            end += 1
        figures = sum(_figure_line(line) for _, _, line in lines[start:end])
        if (end - start >= FIGURE_BLOCK_MIN_LINES and 3 * figures >= end - start and figures >= 3
                and start > 0 and _paragraph(lines[start - 1][2], sizes[start - 1])):
            after = next((j for j in range(end, min(end + FIGURE_BLOCK_AFTER + 1, len(lines)))
                          if _paragraph(lines[j][2], sizes[j])), None)
            if after is not None:
                found += range(start, after)
        start = max(end, start + 1)
    return found


def _figure_line(line: str) -> bool:
    """A table's or a calculator's figure: more digits than letters ("71.4%", "1,104",
    "₹ 44,986", "20 Years")."""
    digits = sum(c.isdigit() for c in line)
    return digits > 0 and digits >= sum(c.isalpha() for c in line)


def _chapter_lines(lines: list[Line]) -> list[int]:
    """The lines of runs of `MIN_ENTRIES` or more chapter marks in rising order: worth
    nothing, not a stamp's cost."""
    found: list[int] = []
    run: list[int] = []
    last = -1
    for i, (_, _, line) in enumerate(lines):
        match = CHAPTER.match(line)
        offset = None
        if match:
            hours, minutes, seconds = (int(part or 0) for part in match.groups()[:3])
            if match.group(4):  # a 12-hour clock: "6:14 p.m." is 18:14, "10:05:30 a.m." 10:05:30
                afternoon = 12 if match.group(4).lower() == "p" else 0
                if match.group(1):
                    hours = hours % 12 + afternoon
                else:  # the first number is the hour here, read as minutes: the order is the same
                    minutes = minutes % 12 + afternoon
            offset = hours * 3600 + minutes * 60 + seconds
        if offset is None or not run or offset <= last or i != run[-1] + 1:
            if len(run) >= MIN_ENTRIES:
                found += run
            run = []
        if offset is not None:
            run.append(i)
            last = offset
    return found + (run if len(run) >= MIN_ENTRIES else [])


def _paragraph(line: str, words: int, least: int = PARAGRAPH_WORDS) -> bool:
    """A line of `least` words or more that ends like a sentence."""
    return words >= least and _ends_sentence(line)


def _holds_paragraph(lines: list[Line], taken: list[int], start: int = 0) -> bool:
    """Whether `lines[start:]` hold a paragraph of prose no rule took (`taken`: indexes
    into `lines`): a long line that ends a sentence."""
    return any(_paragraph(line, len(line.split()))
               for index, (_, _, line) in enumerate(lines[start:], start) if index not in taken)


def _ends_sentence(line: str) -> bool:
    """A line ending with a sentence's stop, or a paragraph in a script that marks no
    sentence's end (Thai), which ends a sentence where it ends."""
    ending = line.rstrip(CLOSING_QUOTES)
    if ending.endswith(TRUNCATION):
        return False
    return ending.endswith(SENTENCE_ENDS) or unspaced_paragraph(line)


def _glued_after_sentence(line: str) -> bool:
    """A sentence of `GLUED_SENTENCE_WORDS` words or more that ends in a lower-case word,
    with a capitalized word glued to its stop ("...," he said.Feedlot operators
    brace..."): the article's last paragraph with a headline glued on, not a headline."""
    return any(len(line[:glue.start()].split()) >= GLUED_SENTENCE_WORDS for glue in GLUED_STOP.finditer(line))


def _past_glued_sentence(text: str, last: Line, after: Line) -> int:
    """Where the cut after the article starts: the end of `last`, or, when the line right
    under it (no blank line between) opens with a sentence of GLUED_SENTENCE_WORDS words or
    more that has a capitalized word glued to its stop (`GLUED_STOP`), the end of that
    sentence. The article's last paragraph ("Keep the ferry. That is all we ask.") stays;
    the headline glued to it goes with the lines the cut takes."""
    if after[0] != last[1] or not _ends_sentence(last[2]):
        return last[1]
    line = text[after[0]:after[1]]
    for glue in GLUED_STOP.finditer(line):
        if len(line[:glue.end()].split()) >= GLUED_SENTENCE_WORDS:
            return after[0] + glue.end()
    return last[1]


def _headline_list_lines(lines: list[Line]) -> list[int]:
    """The open-ended lines of blocks that read as lists of headlines.

    A block is three or more lines with no blank line between them (a list
    or a menu in the page). When none of them ends like a sentence, all are
    taken; otherwise only the short open-ended ones, if they are most of the
    block: paragraphs run together without blank lines stay prose. A sentence
    with a headline glued to its stop ends like a sentence.
    """
    found, block = [], [0] if lines else []
    for i in range(1, len(lines) + 1):
        if i < len(lines) and lines[i][0] == lines[i - 1][1]:
            block.append(i)
            continue
        if len(block) >= 3:
            open_ended = [j for j in block if not _ends_sentence(lines[j][2])
                          and not _glued_after_sentence(lines[j][2])]
            short = [j for j in open_ended if len(lines[j][2].split()) <= HEADLINE_WORDS]
            if len(open_ended) == len(block):
                found += open_ended
            elif 2 * len(short) > len(block):
                found += short
        block = [i]
    return found


def _field_size_fits(value: str, size: int) -> bool:
    """A field's value is short, or a list of names ("Mallory; Quist, Adeyemi, ...": a
    line-up, a cast) with a comma or semicolon for every `NAME_LIST_WORDS` words."""
    if size <= FIELD_MAX_WORDS:
        return True
    return size <= NAME_LIST_MAX_WORDS and NAME_LIST_WORDS * (value.count(",") + value.count(";")) >= size


def _field_list_lines(lines: list[Line], sizes: list[int]) -> list[int]:
    """Lines of a list of fields ("Weight: 1.2 kg", "Referee: A. Name"): `LIST_MIN_ITEMS`
    or more in a row, each a short label and a short value, the labels mostly different,
    no value cut short ("Leo: Excellent vibrations..." teases a page) and no clock time
    among them but under a label that asks for one (a feed's "Posted: 5:19 PM" is a
    stamp, an event's "When: 6:30 p.m." a field). Such a list is worth nothing either
    way: it is not chrome to cross, so an article's specifications, line-ups or event
    details do not cut it in two."""
    found, run = [], []
    for i, (_, _, line) in enumerate(lines + [(0, 0, "")]):
        field = FIELD.match(line)
        if (field and _field_size_fits(line[field.end(1):], sizes[i]) and not line.endswith(TRUNCATION)
                and (not CLOCK_MARK.search(line) or TIME_LABEL.fullmatch(field.group(1)))):
            run.append((i, field.group(1).lower()))
            continue
        if len(run) >= LIST_MIN_ITEMS and 2 * len({label for _, label in run}) > len(run):
            found += [i for i, _ in run]
        run = []
    return found


def _field_headings(lines: list[Line], fields: list[int], scores: list[float]) -> list[int]:
    """The heading of each list of fields that stands between two paragraphs of the
    article ("... a cut of a third." / "Harvest at a glance" / "Total crush: 3,150 t" ... /
    "The association will publish ..."): a short line that ends no sentence and names no
    box, with prose above it and below the list. Such a heading is the list's,
    so it does not cut the article in two either; a box of fields after the article (a
    contact box over an address) has no paragraph below it."""
    found, members = [], set(fields)
    for start in fields:
        if start - 1 in members or start < 2:
            continue
        end = _run_end(members, start)
        heading = lines[start - 1][2]
        if (end + 1 < len(lines) and scores[start - 2] > 0 and scores[end + 1] > 0
                and not _ends_sentence(heading)
                and len(heading.split()) <= FIELD_HEADING_WORDS and not TEASER_INTRO.search(heading)
                and not BOX_LABEL_WORDS.search(heading)):
            found.append(start - 1)
    return found


def _verdict_lines(lines: list[Line], sizes: list[int]) -> list[int]:
    """Lines of a review's verdict box: a label for the good points ("Pros", "What we
    liked") over short items, one for the bad points over theirs, then an optional
    "Verdict" label. Both lists must be there (a single "Pros" heading proves little).
    Such a box is worth nothing either way, like a list of fields: it is not chrome
    to cross, so the verdict under it stays with the review."""
    found: list[int] = []
    i = 0
    while i < len(lines):
        side = _box_side(lines[i][2])
        if side is None:
            i += 1
            continue
        box, sides, j = [i], {side}, i + 1
        while j < len(lines):
            line = lines[j][2]
            side = _box_side(line)
            if side is not None:
                sides.add(side)
            elif VERDICT_LABEL.fullmatch(line):
                box.append(j)
                break
            elif sizes[j] > HEADLINE_WORDS or line.endswith(TRUNCATION) or CLOCK_MARK.search(line):
                break
            box.append(j)
            j += 1
        if sides == {True, False}:
            found += box
        i = max(j, i + 1)
    return found


def _box_side(line: str) -> bool | None:
    """True for a verdict box's label of good points, False for one of bad points."""
    if PROS_LABEL.fullmatch(line):
        return True
    return False if CONS_LABEL.fullmatch(line) else None


def _repeated_title(lines: list[Line]) -> str | None:
    """The header line that the page's first line repeats, less its site names before
    or after it ("Harbor bridge reopens | Local | Daily Courier", "Daily Courier |
    Harbor bridge reopens" over "Harbor bridge reopens")."""
    if len(lines) < 2:
        return None
    first = lines[0][2]
    while (shorter := without_site_suffix(first)) != first:
        first = shorter
    prefix = SITE_PREFIX.match(first)
    site = prefix.group("site").split() if prefix else []
    if site and len(site) <= 4 and all(w[0].isupper() or w[0].isdigit() for w in site) \
            and len(first[prefix.end():].split()) >= 4:
        first = first[prefix.end():]
    words = first.split()
    opening = words[0].casefold() if words else ""
    for _, _, line in lines[1:]:
        if (line[:len(opening)].casefold() == opening and looks_like_headline(line)
                and same_title(line, first) and len(line.split()) >= len(words) - 1):
            return line
    return None


def _after_leading_headlines(lines: list[Line], first: int, last: int, wrapped: set[int]) -> int:
    """The region's first line, or the first after a run of `LIST_MIN_ITEMS` or more
    headline-sized lines that open it (teasers listed above the article); the lines of a
    hard-wrapped paragraph (`wrapped`) are no headlines."""
    start = first
    while start < last and start not in wrapped and not _ends_sentence(lines[start][2]) \
            and len(lines[start][2].split()) <= HEADLINE_WORDS:
        start += 1
    return start if start - first >= LIST_MIN_ITEMS else first


def _closing_sentences(lines: list[Line], last: int) -> int:
    """The region's last line, or the short sentences right after it that close the
    article ("Use them.", "It did not."): too short to outweigh the gap before a
    bio or disclaimer line that reads as prose, but sentences like the article's,
    which chrome's links and labels are not. The region must end in a sentence."""
    if not _ends_sentence(lines[last][2]):
        return last
    for i in range(last + 1, min(last + 1 + CLOSING_MAX_LINES, len(lines))):
        if not _short_sentence(lines[i][2]):
            break
        last = i
    return last


def _score_lines(lines: list[Line], last: int) -> int:
    """The region's last line, or a review's scores right under it (`SCORE_LINE`): the
    critic's verdict in figures or stars, which reads as a short label line of chrome."""
    for i in range(last + 1, min(last + 1 + SCORE_MAX_LINES, len(lines))):
        line = lines[i][2]
        if not SCORE_LINE.match(line) or SCORE_NOT.search(line) or not all(
                float(n.replace(",", ".")) <= float(d) and not n.startswith("0")
                for n, d in SCORE_FRACTION.findall(line)):  # odds ("13/5") and dates ("01/10") are no scores
            break
        last = i
    return last


CREDIT_MAX_WORDS = 40  # a credit line names a few people and places
# A note a wire or a science desk closes its article with, among its credits: the rate a
# sum was converted at ("($1 = 0.7524 pounds)", "(€1 = $1.08)") and the paper reported on.
CLOSING_NOTE = re.compile(r"\((?:[A-Z]{0,2}[$€£¥]|[a-z]+ )?1(?: [a-z]+)? = [$€£¥]?[\d.,]+(?: [a-z]+(?: [a-z]+)?)?\)"
                          r"|journal references?: .+", re.IGNORECASE)
# A letter's opening and closing are the article's: "Dear families," right above its first
# paragraph, and "Sincerely," right under its last, with the signer's name and title.
SALUTATION = re.compile(r"^(?:dear|hello|hi|to) [^\n.!?]{1,60}[,:]$", re.IGNORECASE)
VALEDICTION = re.compile(r"^(?:(?:yours )?(?:sincerely|faithfully|truly)|(?:kind|best|warm|warmest|with best) "
                         r"(?:regards|wishes)|regards|respectfully|with (?:thanks|gratitude)|thank you)"
                         r"(?: yours)?,$", re.IGNORECASE)
# A person's name as a letter is signed with: an optional title, two to four capitalized words.
PERSON_NAME = r"(?:(?:Dr|Prof|Mr|Mrs|Ms|Rev)\.? )?[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){1,3}"
SIGNER = re.compile(rf"^{PERSON_NAME}$")
SIGNER_TITLE_WORDS = 6


def _salutation(lines: list[Line], first: int) -> int:
    """The region's first line, or the letter's salutation right above it."""
    if first and SALUTATION.match(lines[first - 1][2]) and len(lines[first - 1][2].split()) <= 8:
        return first - 1
    return first


def _sign_off(lines: list[Line], last: int) -> int:
    """The region's last line, or a letter's close right under it: the valediction, the
    signer's name, and one line of title under the name, unless that line is a call to
    act or a link ("Share this article"). Only one: a heading of the page's chrome may
    come next, and reads no differently from a title."""
    if last + 2 >= len(lines) or not VALEDICTION.match(lines[last + 1][2]) or not SIGNER.match(lines[last + 2][2]):
        return last
    last += 2
    below = lines[last + 1][2] if last + 1 < len(lines) else ""
    if (below and len(below.split()) <= SIGNER_TITLE_WORDS and not _ends_sentence(below)
            and not any(c.isdigit() for c in below) and not CLOSING_NOT.search(below)):
        last += 1
    return last


# A letters page signs each letter with its writer's name and town or role: "Ann Lee,
# Ashby", "Tom Hay, stallholder, Ashby market". The last letter's signature, right under
# the region, reads like the chrome after it; the others' inside the region show what it is.
LETTER_SIGNATURE = re.compile(rf"{PERSON_NAME}(?:, [\w’'-]+(?: [\w’'-]+){{0,4}}){{1,2}}")
LETTER_SIGNATURES = 2


def _letters_signature(lines: list[Line], first: int, last: int) -> int:
    """The region's last line, or the signature right under it when the region holds
    `LETTER_SIGNATURES` or more lines of the same shape: the page's letters' signatures."""
    if last + 1 >= len(lines) or not LETTER_SIGNATURE.fullmatch(lines[last + 1][2]):
        return last
    signed = sum(1 for i in range(first, last + 1) if LETTER_SIGNATURE.fullmatch(lines[i][2]))
    return last + 1 if signed >= LETTER_SIGNATURES else last


def _credit_lines(lines: list[Line], last: int) -> int:
    """The region's last line, or the agency or newsroom credits right after it
    ("(Reporting by ...; Editing by ...)", "With files from ...") and the closing notes
    among them (`CLOSING_NOTE`): the article's own."""
    while last + 1 < len(lines):
        line = lines[last + 1][2]
        if not (CREDIT.search(line) or CLOSING_NOTE.fullmatch(line)) or len(line.split()) > CREDIT_MAX_WORDS:
            break
        last += 1
    return last


def _short_sentence(line: str) -> bool:
    """A short line that reads as a sentence of prose ("Then the rain came."): not a
    call to act, a stamp, a link or a credit."""
    words = line.split()
    return (len(words) <= CLOSING_MAX_WORDS and line.rstrip(CLOSING_QUOTES).endswith(".")
            and not line.endswith("..") and _opens_like_prose(line, words, 1))


def _opens_like_prose(line: str, words: list[str], lower_words: int, intro: bool = False) -> bool:
    """Opens like a sentence, with at least `lower_words` lower-case words after its
    first, and is no call to act, stamp, link or credit. An `intro` (a sentence that
    introduces a list with a colon) may name a date ("Annual change by region, year to
    May 2024:"), and when longer than a stamp a time too ("... the first bell is at
    18:00. All ten fighters made weight:")."""
    if intro:
        found = (CALL_OR_LINK_LINE if len(words) > STAMP_MAX_WORDS else ITEM_NOT).search(line)
    else:
        found = CLOSING_NOT.search(line)
    return bool(CLOSING_START.match(line)) and sum(w[0].islower() for w in words[1:]) >= lower_words and not found


def _list_end(lines: list[Line], last: int, fields: set[int]) -> int:
    """The region's last line, or the end of the lists right after it, one after another
    (see `_next_list_end`)."""
    end = _next_list_end(lines, last, fields)
    while end > last:
        last, end = end, _next_list_end(lines, end, fields)
    return last


def _next_list_end(lines: list[Line], last: int, fields: set[int]) -> int:
    """`last`, or the end of a schedule, roster or list of fields (`fields`: their lines)
    right after it (after at most one line: its heading, or a match's result in one or
    two lines over its line-ups: "Town 2 (Okafor 23)"), or of two teams' line-ups, or of
    a table of results under its heading, or of a list a sentence of the article
    introduces (whose first item may end the region), with a subheading over that
    sentence ("What's out?" / "Our panel agreed on a few things:" / the items)."""
    end = _introduced_list_end(lines, last)  # the region ends in the list's first item
    if end - last + 1 >= LIST_MIN_ITEMS:
        return end
    results = last + 1
    while results < min(len(lines), last + 3) and RESULT_LINE.match(lines[results][2]):
        results += 1
    for start in (last + 1, last + 2) + ((results,) if results > last + 2 else ()):
        end = max(_schedule_end(lines, start), _roster_end(lines, start), _run_end(fields, start),
                  _introduced_list_end(lines, start), _ranking_end(lines, start))
        if end - start + 1 >= LIST_MIN_ITEMS:
            return end
        end = _line_ups_end(lines, start)
        if end > start:
            return end
    start = last + 3
    if start < len(lines) and len(lines[last + 1][2].split()) <= SUBHEADING_WORDS:
        end = _introduced_list_end(lines, start)
        if end - start + 1 >= LIST_MIN_ITEMS:
            return end
    return last


def _line_ups_end(lines: list[Line], start: int) -> int:
    """The last of two or more line-ups from `start` on, or `start - 1`: fields whose value
    is a list of names of `LINE_UP_WORDS` words or more, four in five capitalized ("Town:
    Kane (c), Obi, Marsh, ...": not a list of tags or a stamp's date and time). A match's
    two teams make a list of two, which a list of fields is not."""
    end = start - 1
    while end + 1 < len(lines):
        line = lines[end + 1][2]
        field = FIELD.match(line)
        value = line[field.end(1):] if field else ""
        size = len(value.split())
        names = [item.strip() for item in NAME_SEPARATOR.split(value)]
        if not (field and LINE_UP_WORDS <= size <= NAME_LIST_MAX_WORDS
                and NAME_LIST_WORDS * (len(names) - 1) >= size
                and 5 * sum(name[:1].isupper() for name in names) >= 4 * len(names)):
            break
        end += 1
    return end if end > start else start - 1


def _introduced_list_end(lines: list[Line], start: int) -> int:
    """Last line of the list a sentence of the article introduces with a colon ("The
    twelve drop-off points are:"), from `start` on: its short lines, up to the first
    one that is long, truncated, or reads as chrome (a call to act, a time stamp, a
    link, a teaser box's label). Teaser boxes introduce their headlines with labels
    ("Related:", "You might also like:"), which are no such sentence."""
    intro = lines[start - 1][2] if 0 < start <= len(lines) else ""
    words = intro.split()
    if intro.endswith(":") and len(words) < INTRO_MIN_WORDS and not TEASER_INTRO.search(intro) \
            and not BOX_LABEL_WORDS.search(intro):
        return _numbered_end(lines, start)  # "Tracklist:" over "1. ...", "2. ...": a label may do
    if not (intro.endswith(":") and len(words) >= INTRO_MIN_WORDS
            and _opens_like_prose(intro, words, 2, intro=True)
            and not TEASER_INTRO.search(intro)):
        return start - 1
    end = start - 1
    for i in range(start, min(len(lines), start + INTRO_MAX_ITEMS)):
        item = lines[i][2]
        if (len(item.split()) > HEADLINE_WORDS or item.rstrip(CLOSING_QUOTES).endswith(TRUNCATION)
                or _chrome_item(item) or TEASER_INTRO.search(item)):
            break
        end = i
    return end


def _chrome_item(item: str) -> bool:
    """A list's item that reads as chrome: a time stamp or a link, or a call to act of
    `CALL_ITEM_WORDS` words or fewer ("Leave a comment", "Download the app"). A longer
    line that only opens with such a verb is the list's ("Leave the field a little
    better", a verse's line)."""
    short = len(item.split()) <= CALL_ITEM_WORDS
    for found in ITEM_NOT.finditer(item):
        word = found.group().strip(" \t*-•").lower()
        if short or found.start() > 0 or not word.isalpha() or word in CALL_WORDS_ANYWHERE:
            return True
    return False


def _numbered_end(lines: list[Line], start: int) -> int:
    """Last line of the items numbered 1, 2, 3 ... in order from `start` on, each short (a
    track list, the stages of a route); start - 1 when fewer than `LIST_MIN_ITEMS`. A box
    of numbered headlines has a label that names it ("Most read:"), which does not lead here."""
    end = start - 1
    for i in range(start, min(len(lines), start + INTRO_MAX_ITEMS)):
        item = lines[i][2]
        found = NUMBERED_ITEM.match(item)
        if not found or int(found.group(1)) != i - start + 1 or len(item.split()) > NUMBERED_ITEM_WORDS \
                or ITEM_NOT.search(item):
            break
        end = i
    return end if end - start + 1 >= LIST_MIN_ITEMS else start - 1


def _ranking_end(lines: list[Line], start: int) -> int:
    """Last line of a table of results under its heading, from the heading at `start` on
    ("Stage 4 classification" / "1. Ann Lee (GBR) 4h12'35\"" / "2. ..."): a short heading that
    ends no sentence and names no box, over items numbered 1, 2, 3 ... in order (see
    `_numbered_end`), each with a figure or a bracket after its number (a time, a score, a
    share, a country). A box's numbered headlines rarely all hold one, and its label names it."""
    heading = lines[start][2] if start < len(lines) else ""
    if (not heading or len(heading.split()) > FIELD_HEADING_WORDS or _ends_sentence(heading)
            or heading.endswith(":") or TEASER_INTRO.search(heading) or BOX_LABEL_WORDS.search(heading)):
        return start - 1
    end = _numbered_end(lines, start + 1)
    if end < start + 1 or not all(RANKED_FIGURE.search(NUMBERED_ITEM.sub("", lines[i][2], count=1))
                                  for i in range(start + 1, end + 1)):
        return start - 1
    return end


def _introduced_list_lines(lines: list[Line]) -> list[int]:
    """The items of every list a sentence of the article introduces with a colon, of
    `LIST_MIN_ITEMS` items or more: a list of stations, names or steps inside the
    article is worth nothing either way, so it does not cut the article in two."""
    found: list[int] = []
    for start in range(1, len(lines)):
        if lines[start - 1][2].endswith(":"):
            end = _introduced_list_end(lines, start)
            if end - start + 1 >= LIST_MIN_ITEMS:
                found.extend(range(start, end + 1))
    return found


def _run_end(members: set[int], start: int) -> int:
    """Last index of the run of `members` from `start` on (start - 1 when none)."""
    end = start - 1
    while end + 1 in members:
        end += 1
    return end


def _schedule_end(lines: list[Line], start: int) -> int:
    """Last line of the dated items from `start` on, in calendar order."""
    end, previous = start - 1, (-1, 0)
    for i in range(start, len(lines)):
        found = SCHEDULE_ITEM.match(LIST_BULLET.sub("", lines[i][2]))
        if not found:
            break
        day = (MONTHS.index(found.group(1).lower()), int(found.group(2)))
        if day <= previous:  # a feed lists the newest first, or one day over and over
            break
        end, previous = i, day
    return end


def _roster_end(lines: list[Line], start: int) -> int:
    """Last line of the names with affiliations from `start` on."""
    end, seen = start - 1, []
    for i in range(start, len(lines)):
        found = ROSTER_ITEM.match(LIST_BULLET.sub("", lines[i][2]))
        if not found:
            break
        end = i
        seen.append(found.group(1).strip().lower())
    # the same bracket on most lines is a button's label ("Share (Opens in new window)")
    return end if 2 * len(set(seen)) > len(seen) else start - 1
