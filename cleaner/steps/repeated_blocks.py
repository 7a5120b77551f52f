"""repeated-blocks: short widget lines that stutter, and what they enclose.

Removes a short non-prose line ("Subscribe", "* indicates required", "Load
more") that recurs at least three times, each occurrence within three lines
of the previous with only short lines between, in a stretch made mostly of
repeats: a form or widget rendered over and over. A group of lines repeated
back to back is caught the same way, line by line. Once a line has shown
itself a widget's this way, its other occurrences in the page go too. A
short line sitting once inside such a stretch (a newsletter name inside the
repeated form) goes as a remnant of the widget.

Keeps: prose (a line ending in a full stop, or longer than a few words, even
a pull quote printed twice), any line repeated only twice, and repeats far
apart or around other content (section headings like "Our verdict" before
each part of a story, "Buy now" under each product of a buying guide, a
label after each item of a short list): a structure that repeats around
content is the article's. Lines of digits or symbols only (score tables,
separators) are left alone. Relies on lines separated by "\\n"; blank lines
between repeats are allowed.

A paragraph printed twice in a row (a scrape or a copy gone wrong: the same
line of prose, `DOUBLED_MIN_WORDS` words or more ending like a sentence, again
as the next non-blank line) loses its second copy
(`repeated-blocks.doubled-paragraph`): the text is still there once, and a pull
quote repeated on purpose stands apart from the paragraph it quotes.

A table of contents (`repeated-blocks.contents-list`): three or more short lines
in a row, none ending in a stop, each printed once more further down as a line
of its own, in the same order, with prose between each copy and the next (the
subheadings, with the article's text between them). The list goes; the
subheadings stay. A menu printed again in the footer has its copies together,
and stays; so do a template's lines, printed three times or more (product
cards, a plan's days).

A pull quote (`repeated-blocks.pull-quote`): a line that is a quotation alone
(`PULL_QUOTE_MIN_WORDS` words or more inside the marks), whose words stand word
for word (in any case when the quotation is set in capitals) inside an earlier,
longer paragraph (`PULL_QUOTE_LOOKBACK` rows up at most) that ends like a
sentence (not after a breadcrumb's separator, where the page's headline stands):
the page repeats, as a display quote, what the article has already said. Its signature
right under it ("— Ann Lee") goes with it. A quotation whose words come only
later stays: a subheading may quote the paragraph it stands over ('I knew
someone was missing these'); but one of two sentences or more, no subheading's shape,
goes when one of the next `PULL_QUOTE_LOOKAHEAD` rows holds it (set beside its
paragraph, the quote comes first in the text). The quotation's sentences may stand
apart in the paragraph, its attribution between them.

There is no separate "form-remnants" step: a step sees only its input, so
once the repeated lines are gone nothing shows where the form was. The
evidence for a remnant is the repetition around it, so remnants are removed
here (rule `repeated-blocks.widget-remnant`), in the same pass.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult
from cleaner.steps.lines import QUOTE_SIGNATURE, split_lines

MAX_WORDS = 8  # a button, prompt or menu entry; longer lines are prose or headlines
MAX_CHARS = 60
# Three occurrences: twice is how content repeats (a pull quote, a heading
# echoed at the end); a widget rendered over and over shows at least three.
MIN_REPEATS = 3
# At most this many rows from one occurrence to the next (three lines between):
# a form re-rendered inline, not a heading that returns after a paragraph.
MAX_GAP = 4
# In a widget zone nearly every line recurs; a list whose items each carry the
# same label ("See it now" under every product) has as many one-off lines as labels.
MAX_ONE_OFF_SHARE = 0.25
SENTENCE_END = re.compile(r"(?<!\.\.)[.!?](?:[\"'”’)]|\s?»)*$")  # French closes a quotation with " »"
LETTER = re.compile(r"[^\W\d_]")
# A doubled paragraph is prose: this many words at least (a caption or a headline shown
# twice is other steps' business).
DOUBLED_MIN_WORDS = 10
REPEATED = "repeated-blocks.repeated-line"
DOUBLED = "repeated-blocks.doubled-paragraph"
CONTENTS = "repeated-blocks.contents-list"
CONTENTS_MIN_ITEMS = 3
# A contents item's section number ("1", "1.2", "3.1.4" before a tab or space) and a wiki
# subheading's edit link ("[edit]", "[edit | edit source]", "[]", "(edit)") at its end.
SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?[\t ]+(?=\D)")
EDIT_LINK = re.compile(r"\s?(?:\[(?:edit(?: \| edit source)?|edit source|)\]|\(edit\))$", re.IGNORECASE)
CONTENTS_ITEM_WORDS = 12  # a subheading
CONTENTS_PROSE_WORDS = 8  # a sentence of the text under a subheading
REMNANT = "repeated-blocks.widget-remnant"
PULL_QUOTE = "repeated-blocks.pull-quote"
PULL_QUOTE_MIN_WORDS = 5
PULL_QUOTE_MAX_WORDS = 60
PULL_QUOTE_LOOKBACK = 60  # rows above a display quote where its paragraph may stand (a page's length)
# A quotation alone on its line: an opening mark, the words, a closing mark, maybe a stop.
QUOTATION = re.compile(r"[\"“‘'«„»‚]\s?(?P<words>[^\n]+?)[.,!?…]?\s?[\"”’'»“«‘]\.?")
MENU_SEPARATORS = ("»", "›", ">", "|", "/", "•", "·")
QUOTED_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# rows under a display quote of sentences where its paragraph may stand: set beside the
# paragraph, the quote comes first in the page's text
PULL_QUOTE_LOOKAHEAD = 2
ATTRIBUTION_MIN_WORDS = 2  # "she said": what a paragraph adds to the sentences it quotes
PLAIN_MARKS = str.maketrans("’‘‚“”„", "'''\"\"\"")  # not « »: a menu separates by », too


def _is_widget_line(line: str) -> bool:
    """Short, with a letter, and no sentence-ending punctuation ("Loading..." is not a sentence)."""
    return (len(line) <= MAX_CHARS and len(line.split()) <= MAX_WORDS
            and bool(LETTER.search(line)) and not SENTENCE_END.search(line))


def _chains(rows: list[str]) -> list[list[int]]:
    """Runs of occurrences of one widget line, each within MAX_GAP rows of the previous
    and with only widget lines between."""
    widget = [_is_widget_line(row) for row in rows]
    seen: dict[str, list[int]] = defaultdict(list)
    for k, row in enumerate(rows):
        if widget[k]:
            seen[row].append(k)
    chains = []
    for places in seen.values():
        if len(places) < MIN_REPEATS:
            continue
        chain = [places[0]]
        for k in places[1:]:
            # A longer line in between is content: a label repeated under each item of a list.
            if k - chain[-1] > MAX_GAP or not all(widget[chain[-1] + 1:k]):
                if len(chain) >= MIN_REPEATS:
                    chains.append(chain)
                chain = []
            chain.append(k)
        if len(chain) >= MIN_REPEATS:
            chains.append(chain)
    return chains


def _contents_lists(rows: list[str]) -> list[int]:
    """The indexes of the rows of each table of contents: `CONTENTS_MIN_ITEMS` or more
    short rows in a row, each found once more after them, the copies in the same order
    with prose between most of them (a paragraph under each subheading, or a section's
    heading over its first subsection's). A line
    found three times or more is a template's (a product card's "Buy now"), not a
    subheading's. An item and its subheading are compared without the item's section
    number ("1.2 Drainage") and the subheading's edit link ("Drainage[edit]"), as a
    wiki prints them."""
    keys = [_contents_key(row) for row in rows]
    places: dict[str, list[int]] = defaultdict(list)
    for k, key in enumerate(keys):
        places[key].append(k)
    found: list[int] = []
    k = 0
    while k < len(rows):
        end = k  # the rows from k on that are items with a copy further down
        while end < len(rows) and _contents_item(rows[end]) and len(places[keys[end]]) == 2 \
                and places[keys[end]][1] > end:
            end += 1
        copies: list[int] = []
        for j in range(k, end):
            copy = places[keys[j]][1]
            if copy < end or (copies and copy < copies[-1]):
                break
            copies.append(copy)
        # prose under most subheadings: a section may open with a subsection's heading; the
        # list's tail printed again together (a footer's menu) is no contents
        while len(copies) >= CONTENTS_MIN_ITEMS and 2 * _gaps_with_prose(rows, copies) < len(copies) - 1:
            copies.pop()
        if len(copies) >= CONTENTS_MIN_ITEMS:
            found += range(k, k + len(copies))
            k += len(copies)
        else:
            k = max(end, k + 1)
    return found


def _gaps_with_prose(rows: list[str], copies: list[int]) -> int:
    """How many of the stretches between consecutive `copies` hold a sentence of prose."""
    return sum(any(_prose(row, CONTENTS_PROSE_WORDS) for row in rows[a + 1:b]) for a, b in zip(copies, copies[1:]))


def _contents_key(row: str) -> str:
    """`row` without a contents item's section number or a wiki subheading's edit link."""
    if row[:1].isdigit():
        row = SECTION_NUMBER.sub("", row)
    return EDIT_LINK.sub("", row) if row.endswith(("]", ")")) else row


def _pull_quotes(rows: list[str]) -> list[int]:
    """The indexes of each display quote repeating an earlier paragraph (or, when it is
    sentences, one of the next `PULL_QUOTE_LOOKAHEAD` rows), and of the signature right under it."""
    found: list[int] = []
    plain: list[str] = []  # the rows with plain quotation marks, made at the first quotation
    for k, row in enumerate(rows):
        if (match := QUOTATION.fullmatch(row)) is None:
            continue
        words = match["words"].strip()
        if not PULL_QUOTE_MIN_WORDS <= len(words.split()) <= PULL_QUOTE_MAX_WORDS:
            continue
        plain = plain or [other.translate(PLAIN_MARKS) for other in rows]
        quotation = Quotation(words.translate(PLAIN_MARKS))
        size = len(row.split())
        around = range(max(0, k - PULL_QUOTE_LOOKBACK), k)
        if quotation.parts:
            around = [*around, *range(k + 1, min(k + 1 + PULL_QUOTE_LOOKAHEAD, len(rows)))]
        if any((kind := quotation.held_by(plain[j])) and _prose(rows[j], size + (
                PULL_QUOTE_MIN_WORDS if kind == "whole" else ATTRIBUTION_MIN_WORDS)) for j in around):
            found.append(k)
            below = rows[k + 1] if k + 1 < len(rows) else ""
            if QUOTE_SIGNATURE.match(below):
                found.append(k + 1)
    return found


class Quotation:
    """A display quote's words (quotation marks and apostrophes plain), and its sentences
    when it has two or more, each of two words or more: a display quote of sentences is no
    subheading's shape, and its sentences may stand apart in the paragraph that says them."""

    def __init__(self, words: str):
        self.words, self.upper = words, words.isupper()
        # a quote cut from inside a sentence is set with a capital: "J'ai eu ..." of "... et j'ai eu ..."
        self.lowered = words[:1].lower() + words[1:] if words[:1].isupper() and not self.upper else ""
        parts = [part.strip(".,!?…") for part in QUOTED_SENTENCE_BREAK.split(words)]
        self.parts = parts if len(parts) >= 2 and all(len(part.split()) >= 2 for part in parts) else []

    def held_by(self, row: str) -> str:
        """How `row` (its quotation marks plain) holds the quotation, not after a breadcrumb's
        or a menu's separator ("Home » News » How many lives can you save?": the page's
        headline): "whole", "parts" (its sentences in order, the attribution between them:
        "We were not good at business," he says. "We were good at steel."), or "" (not at
        all). A quotation set in capitals, as print pages set display quotes, is looked for
        in the row in capitals; one whose first letter is a capital, also with a small one."""
        if self.upper:
            row = row.upper()
        kind, at = "whole", row.find(self.words)
        if at < 0 and self.lowered:
            at = row.find(self.lowered)
        if at < 0:
            if not self.parts:
                return ""
            kind, at = "parts", _find_in_order(row, self.parts)
        return kind if at >= 0 and not row[:at].rstrip().endswith(MENU_SEPARATORS) else ""


def _find_in_order(row: str, parts: list[str]) -> int:
    """Where the first of `parts` stands in `row` with the others after it in order, or -1."""
    first = found = row.find(parts[0])
    for part in parts[1:]:
        if found < 0:
            return -1
        found = row.find(part, found + 1)
    return first if found >= 0 else -1


def _prose(row: str, least: int) -> bool:
    """A row of `least` words or more that ends like a sentence."""
    return len(row.split()) >= least and bool(SENTENCE_END.search(row))


def _contents_item(row: str) -> bool:
    """A subheading's shape: a few words with a letter, and no stop or colon at the end."""
    return len(row.split()) <= CONTENTS_ITEM_WORDS and bool(LETTER.search(row)) \
        and not row.endswith((".", "!", ":", ";", ","))


def _is_widget_zone(rows: list[str], chain: list[int]) -> bool:
    """Whether the lines from the chain's first occurrence to its last are mostly repeats."""
    span = rows[chain[0]:chain[-1] + 1]
    counts = Counter(span)
    return sum(counts[row] == 1 for row in span) <= MAX_ONE_OFF_SHARE * len(span)


class StripRepeatedBlocks:
    """Remove short form and widget lines repeated close together, their remnants, a
    table of contents, the second copy of a paragraph printed twice in a row, and a
    display quote repeating a sentence of the article above it."""

    name = "repeated-blocks"
    description = "short form and widget lines repeated close together in the page"

    def run(self, text: str, context: Context) -> StepResult:
        lines, starts = split_lines(text)
        where = [i for i, line in enumerate(lines) if line.strip()]
        rows = [lines[i].strip() for i in where]
        counts = Counter(rows)
        removed: dict[int, tuple[str, str]] = {
            k: (DOUBLED, "paragraph printed twice in a row; the first copy stays")
            for k in range(1, len(rows)) if rows[k] == rows[k - 1] and _prose(rows[k], DOUBLED_MIN_WORDS)}
        for k in _contents_lists(rows):
            removed[k] = (CONTENTS, "table of contents: each entry is a subheading printed further down")
        for k in _pull_quotes(rows):
            removed.setdefault(k, (PULL_QUOTE, "display quote repeating a sentence of the article above it"))
        if max(counts.values(), default=0) < MIN_REPEATS:
            return self._result(text, lines, starts, where, removed)  # no chain: most pages
        alive = [k for k in range(len(rows)) if k not in removed]
        # Removing one widget's lines can bring another's repeats close together:
        # look again until nothing changes, so that the output has none left.
        while True:
            kept = [rows[k] for k in alive]
            chains = [chain for chain in _chains(kept) if _is_widget_zone(kept, chain)]
            if not chains:
                break
            # A line shown to be a widget's by its stutter is the widget's wherever it appears.
            widget_lines = {kept[chain[0]] for chain in chains}
            for k, row in enumerate(kept):
                if row in widget_lines:
                    removed[alive[k]] = (REPEATED, f"line repeated {counts[row]} times "
                                                   "in the page (form or widget)")
            for chain in chains:
                for k in range(chain[0] + 1, chain[-1]):
                    removed.setdefault(alive[k], (REMNANT, "short line inside a repeated "
                                                           "form or widget"))
            alive = [k for k in alive if k not in removed]
        return self._result(text, lines, starts, where, removed)

    @staticmethod
    def _result(text: str, lines: list[str], starts: list[int], where: list[int],
                removed: dict[int, tuple[str, str]]) -> StepResult:
        edits = []
        for k in sorted(removed):
            i = where[k]
            end = min(starts[i] + len(lines[i]) + 1, len(text))
            edits.append(Edit(starts[i], end, "", *removed[k]))
        return StepResult(edits=tuple(edits))
