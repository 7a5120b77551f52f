"""teasers: related-article teasers, a headline over a summary cut short.

Removes a headline-like line (a few words, no closing punctuation, not a
question) followed by a summary line that was cut by a length limit: it ends
in "…" or "..." right after a letter, digit or comma ("... drone vulner…"),
and the sentence it cuts has at least four words. Both lines go as one edit;
a run of such pairs (only blank lines between them) goes as one edit too, and
inside a run a cut marked by a spaced ellipsis ("... the …") is accepted.
Truncated lines right after a teaser belong to it; three or more truncated
lines in a row with no headline are a teaser list (rule
`teasers.truncated-list`).

A teaser list can also give its summaries whole: three or more pairs of a
headline over a one- or two-sentence summary, one pair after another inside
one block of lines (no blank line between them, as a page dump lays out a
list of links), go as one edit (rule `teasers.headline-summary-list`). An
article's own sections are kept: a numbered heading ("1. Ann Lee") starts a
ranked list, not a teaser, and the rule needs blank lines elsewhere in the
document (where every line is its own paragraph, a block says nothing), and
leaves text already extracted from HTML alone (its paragraphs are one block).

A truncated line under its own label ("RELATED: Are rolling blackouts
coming? What the…") is a teaser by itself, for the rules: the line above it is
not taken as its headline (it may be the last item of the article's list).

Keeps: an ellipsis used for style ("and then... nothing.", "Here's the thing
…", "Sigh..."), a paragraph after a question ("Why does this matter?" /
"Because once you see it …"), a summary that ends in a full stop before
the dots ("... said...."), a paragraph longer than a teaser, and one or
two truncated lines with no headline above them. Relies on lines separated by
"\\n"; blank lines between the headline and the summary are allowed.
"""
from __future__ import annotations

import re

from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult
from cleaner.steps.lines import is_headline, split_lines

# The dots, then optional closing brackets: "vulner…", "the ...", "[…]".
# Four dots are a full stop and an ellipsis: the sentence ended, nothing was cut.
ELLIPSIS = re.compile(r"(?:\s?\[\s?(?:…|\.{3})\s?\]|…|(?<!\.)\.{3})\s*$")
# The character before a length cut: a word character, or a comma or dash left hanging.
CUT = re.compile(r"[^\W_][\"'”’)]?$|[,–—-]$")
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")

MAX_HEADLINE_WORDS = 16  # longer lines are paragraphs or list items, not headlines
# A teaser's summary is one or two sentences, cut at a fixed length; an
# ellipsis after a longer line ends an article paragraph.
MAX_SUMMARY_WORDS = 70
# A cut sentence has words before the cut: "Sigh..." after a full sentence is
# style, and "More news..." or "Take me to..." is a link label.
MIN_CUT_WORDS = 4
# Truncated lines with no headline: three in a row are a list of teasers,
# one or two can be an article's own trailing-off sentences.
MIN_LIST_LINES = 3
RUN_MIN_PAIRS = 2  # from two pairs on, a spaced ellipsis ("the …") also counts as a cut
# Whole summaries: a sentence or two of this many words, three pairs in a row at least.
# On the development pages such runs were debris 259 lines out of 285; the gold ones
# were ranked lists ("1. Name" over a line about it) and two-pair runs (a byline over
# the lead paragraph).
LISTED_SUMMARY_WORDS = (8, 60)
LISTED_MAX_SENTENCES = 2
LISTED_MIN_PAIRS = 3
# A teaser's own label: "Related: ...", "ALSO READ - ...", "See also: ...".
LABELLED = re.compile(r"(?:related(?: \w+)?|also read|read also|read more|see also|read next|more|watch|"
                      r"listen|also on [\w ]{1,30})\s?[:|–—-]\s", re.IGNORECASE)
# A box's label over a teaser, between two parts of the article (`_label_above`).
LABEL_WORDS = 4
LABEL_PARAGRAPH_WORDS = 10
NUMBERED = re.compile(r"^(?:\d{1,3}[.):]|#\d|No\.\s?\d)")
SUMMARY_LAST = frozenset(".!?\"'”’)")
WHOLE_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _is_headline(line: str) -> bool:
    return is_headline(line, max_words=MAX_HEADLINE_WORDS) and not ELLIPSIS.search(line)


def _is_listed_headline(line: str) -> bool:
    return _is_headline(line) and not NUMBERED.match(line) and line[-1] not in "\"'”’)"


def _is_whole_summary(line: str) -> bool:
    words = len(line.split())
    return (LISTED_SUMMARY_WORDS[0] <= words <= LISTED_SUMMARY_WORDS[1]
            and bool(WHOLE_SENTENCE_END.search(line)) and not ELLIPSIS.search(line)
            and len(SENTENCE_END.findall(line)) < LISTED_MAX_SENTENCES)


def _listed_teasers(lines: list[str], starts: list[int], text: str) -> list[Edit]:
    """Runs of whole headline-and-summary pairs inside one block of lines."""
    # the summaries first: few lines end like a sentence, and without three there is no list
    ends = [i for i in range(1, len(lines)) if lines[i].rstrip()[-1:] in SUMMARY_LAST]
    if len(ends) < LISTED_MIN_PAIRS:
        return []
    pairs = {i - 1 for i in ends if _is_whole_summary(lines[i].strip())
             and _is_listed_headline(lines[i - 1].strip())}
    edits = []
    for first in sorted(pairs):
        if first - 2 in pairs:
            continue  # inside a run already counted
        last = first
        while last + 2 in pairs:
            last += 2
        if _resumes_article(lines, last + 2):
            last -= 2  # the last "pair" is the article's subheading over its next paragraph
        count = (last - first) // 2 + 1
        if count >= LISTED_MIN_PAIRS:
            stop = min(starts[last + 1] + len(lines[last + 1]) + 1, len(text))
            edits.append(Edit(starts[first], stop, "", "teasers.headline-summary-list",
                              f"list of {count} related-article headlines with their summaries"))
    return edits


def _resumes_article(lines: list[str], index: int) -> bool:
    """The line at `index`, right under a run of pairs with no blank line between, is a
    sentence with no headline over it: the list's rhythm is broken, and its last pair is
    the article's subheading over a paragraph, the article going on under it."""
    if index >= len(lines):
        return False
    line = lines[index].strip()
    return len(line.split()) >= LISTED_SUMMARY_WORDS[0] and bool(WHOLE_SENTENCE_END.search(line))


def _cut(line: str) -> str | None:
    """"tight" for "...vulner…", "spaced" for "...the …" or "...need?…" (a cut only
    next to other teasers), None when no length cut shows."""
    if "…" not in line and "..." not in line:
        return None  # no ellipsis (ELLIPSIS needs one of the two): most lines
    match = ELLIPSIS.search(line)
    if not match or len(line.split()) > MAX_SUMMARY_WORDS:
        return None
    body = line[:match.start()]
    last_sentence = SENTENCE_END.split(body)[-1]
    if sum(any(c.isalpha() for c in word) for word in last_sentence.split()) < MIN_CUT_WORDS:
        return None
    if CUT.search(body):
        return "tight"
    # a spaced cut, or a question or exclamation headline with the list's dots after it
    return "spaced" if CUT.search(body.rstrip()) or body.rstrip()[-1:] in "?!" else None


class StripRelatedTeasers:
    """Remove related-article teasers: a headline and a truncated summary."""

    name = "teasers"
    reads = ("extractor",)
    description = "related-article teasers: a headline over a summary cut with an ellipsis"

    def run(self, text: str, context: Context) -> StepResult:
        lines, starts = split_lines(text)
        rows = [i for i, line in enumerate(lines) if line.strip()]
        pairs = []  # (headline row index, last summary row index, cut kind)
        lists = []  # (first, last) row index of truncated lines with no headline
        k = 0
        cuts = [_cut(lines[i].strip()) for i in rows]
        while k + 1 < len(rows):
            # a summary under its own label ("RELATED: ...…") is a teaser alone: the line
            # above it is no headline of it (an article's list item, a subheading)
            paired = (cuts[k + 1] and _is_headline(lines[rows[k]].strip())
                      and not LABELLED.match(lines[rows[k + 1]].strip()))
            if not paired and not cuts[k]:
                k += 1
                continue
            # Truncated lines right after a teaser are more of it (headline and
            # summary on one line); taking them all also keeps the step idempotent.
            last = k + 1 if paired else k
            while last + 1 < len(rows) and cuts[last + 1]:
                last += 1
            if paired:
                pairs.append((k, last, cuts[k + 1]))
            elif last - k + 1 >= MIN_LIST_LINES:
                lists.append((k, last))
            k = last + 1
        edits = []
        for run in _runs(pairs):
            if len(run) < RUN_MIN_PAIRS and run[0][2] != "tight":
                continue
            first, last = rows[_label_above(lines, rows, run[0][0])], rows[run[-1][1]]
            end = min(starts[last] + len(lines[last]) + 1, len(text))
            reason = "related-article teaser (headline and truncated summary)"
            if len(run) > 1:
                reason = f"related-article teasers ({len(run)} headlines and truncated summaries)"
            edits.append(Edit(starts[first], end, "", "teasers.truncated-summary", reason))
        for first, last in lists:
            end = min(starts[rows[last]] + len(lines[rows[last]]) + 1, len(text))
            edits.append(Edit(starts[rows[first]], end, "", "teasers.truncated-list",
                              f"list of {last - first + 1} truncated teaser lines"))
        if context.metadata.get("extractor") != "trafilatura" and "\n\n" in text.strip():
            taken = [(edit.start, edit.end) for edit in edits]
            edits += [edit for edit in _listed_teasers(lines, starts, text)
                      if not any(edit.start < end and start < edit.end for start, end in taken)]
        return StepResult(edits=tuple(sorted(edits, key=lambda edit: edit.start)))


def _label_above(lines: list[str], rows: list[int], k: int) -> int:
    """Row index `k` of a teaser's headline, or the one above it: the box's label ("Read
    also", "À lire aussi", "Mehr zum Thema"), a line of at most LABEL_WORDS words with no
    stop, no digit and a capital first, between a paragraph of the article and the
    teaser. Left behind alone, the label would head whatever comes next (the article's
    next subheading) as its list."""
    if k < 2:
        return k
    label, above = lines[rows[k - 1]].strip(), lines[rows[k - 2]].strip()
    if (len(label.split()) <= LABEL_WORDS and label[-1] not in ".!?:;,…" and label[0].isupper()
            and not any(c.isdigit() for c in label) and len(above.split()) >= LABEL_PARAGRAPH_WORDS
            and above.rstrip(" \"'”’»)").endswith((".", "!", "?"))):
        return k - 1
    return k


def _runs(pairs: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Group pairs that follow each other directly (only blank lines between)."""
    runs: list[list[tuple[int, int, str]]] = []
    for pair in pairs:
        if runs and runs[-1][-1][1] + 1 == pair[0]:
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return runs
