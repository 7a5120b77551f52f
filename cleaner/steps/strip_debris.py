"""strip-debris: apply the declarative rules of `rules/` (and `--rules DIR`).

Removes what the rules describe: whole lines (navigation, share bars,
newsletter prompts, bylines, captions...), lines only before the first or
after the last prose paragraph (head/tail scopes), multi-line blocks, and
inline spans (glued "Also read" teasers, outlet names left at sentence ends).
Bylines and datelines give their author and date to the metadata.

A heading of a box of links (a rule with `takes_list`: "Related stories",
"More from Sport") takes the headlines listed right under it: lines of 3-16
words that do not end like a sentence (a question may, with another headline
right under it: "Which pays more?"). The list ends at the first other line,
and before a line of four words or fewer, or a quotation alone on its line,
with a paragraph of the article right under it (ten words or more ending a
sentence or introducing a list): that is the article's subheading
("Orthopaedics worst hit"), not a box's headline.

A newsletter box's pitch and heading go with the sign-up form under them
(`strip-debris.newsletter-pitch`, `strip-debris.newsletter-heading`): the line
right above a form line a newsletter rule took (its e-mail field, button,
"* indicates required" or consent line), when it is at most 40 words, names a
newsletter, an inbox or a cadence ("every Saturday", "once a fortnight") and
is neither a quote nor a report ("said"); then a heading of six words or fewer
with no final stop right above that pitch, or right above a pitch a rule took.
The pitch's wording varies without end; the form under it is the evidence.

A label of paid content ("Sponsored", "Partner content"; not an ad slot's
"Advertisement") takes the item right under it (`strip-debris.sponsored-item`):
a headline of 20 words or fewer with no paragraph under it, or a sentence of 30
words or fewer that pitches (a price, an offer, "Shop now", "free trial"). A label
under an ad that has an ad label above it closes the ad: the line between the two goes,
and the line under the closing label stays.

A line rule also takes debris joined to other text where extraction lost a line
break: the part after a stop with no space ("...on the website.Got club news?
Email ...") when the rule takes that part whole, and a line of parts split by " | "
when rules take every part ("Follow us on Google News | Join our WhatsApp channel").

Keeps every line longer than a rule's `max_words`, so a prose sentence that
happens to contain a debris phrase stays. Where two rules claim overlapping
text, the one that starts first (then the longer) wins; the other is dropped.
Relies on normalize-newlines: lines are separated by `\\n`.
"""
from __future__ import annotations

import re
from typing import Any

from cleaner.dates import to_iso
from cleaner.edits import Edit
from cleaner.prefilter import LiteralIndex, required_literals
from cleaner.rules import Rule, Rulebook
from cleaner.steps.base import Context, StepResult
from cleaner.steps.lines import (LIST_BULLET, MARKDOWN_HINT, is_headline, lines_backwards, markdown_view,
                                 nonblank_lines, opens_sentence, unspaced_paragraph, word_count)

PROSE_END = re.compile(r"[.!?…:;][\"'”’)\]]*[ \t]*$")
PROSE_MIN_WORDS = 10


def is_prose(line: str) -> bool:
    """A paragraph that reads like running text: 10+ words, ending like a sentence."""
    return len(line.split()) >= PROSE_MIN_WORDS and bool(PROSE_END.search(line))


def prose_bounds(text: str) -> tuple[int, int]:
    """Offsets of the start of the first and the end of the last prose line (or (len, 0))."""
    first, last, offset = len(text), 0, 0
    for line in text.split("\n"):
        if is_prose(line):
            first = min(first, offset)
            last = offset + len(line)
        offset += len(line) + 1
    return first, last


def _joined(line: str, part: str) -> bool:
    """Whether `part` is one of the parts of `line` split by " | " (and not the whole line)."""
    parts = [p.strip() for p in line.split(" | ")]
    return len(parts) > 1 and part in parts


def _whole_lines(text: str, start: int, end: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, start) + 1
    newline = text.find("\n", max(end - 1, start))
    return start, len(text) if newline < 0 else newline + 1


LINE_SCOPES = ("line", "head", "tail")
# A stop with no space after it, between a lower-case word and a capitalized one ("...on the
# website.Got club news? Email ..."): where extraction joined a debris line to the paragraph
# above. What follows it is tried as a line of its own, after a paragraph of this many words.
GLUED_STOP = re.compile(r"(?:(?<=[a-z][a-z][.!?])|(?<=[a-z][.!?][\"”’]))(?=[A-Z][a-z])")
GLUED_MIN_WORDS = 4
# A line of prompts joined by " | " goes when a rule takes each of its parts, up to this many.
MAX_JOINED_PARTS = 4
NAMED_GROUP = re.compile(r"\(\?P<(?:author|date|source|title)>")
LOOKAROUND = re.compile(r"\(\?<?[=!]")


SEEN_LINES = 200_000  # answers remembered per process before the memory is cleared
# A heading rule with `takes_list` takes the headlines under it (`lines.is_headline`): lines
# of this many words (a headline, not a menu entry or a paragraph), at most `MAX_LISTED`.
LISTED_WORDS = (3, 16)
MAX_LISTED = 30
TRUNCATED_LISTED_WORDS = 30
# Under a box's headline: another headline, a list mark or nothing. A line of this many words
# or more that ends a sentence (or introduces a list) is the article's paragraph, and the
# line above it the article's subheading: the list ends before it.
SUBHEAD_PARAGRAPH_WORDS = 10
# ... when the headline is as short as a subheading ("The new schedule"): a box's last
# headline over the paragraph the box interrupts is a headline's length.
SUBHEAD_MAX_WORDS = 4
# ... or when it is at most two thirds as long as every headline above it in the box, no
# longer than this and carries no list mark ("Grape pips in the drain" under "Villagers
# find a Roman cellar under the square of their church"): the box's headlines are of a
# size, the subheading is not (a box's last headline taken for one costs as many words as
# a subheading lost, and a sentence of the article comes first).
SUBHEAD_SHORTER_WORDS = 7
# A shorter sentence that introduces a list ("The study compares three models:") is the
# article's too; a box's headline does not end in a colon.
LIST_INTRO_WORDS = 4
PARAGRAPH_END = re.compile(r"[.!?:。！？：][\"'”’“»)」』]*$")  # a quotation may close it: ”, », and German “
# ... and so is a quotation alone on its line over a paragraph ("«We pay for the chalets»"):
# a box's headline says who speaks.
QUOTE_LINE = re.compile(r"[«\"“„‘][^«»\"“”„\n]{3,200}[»\"”“’]")
# A screen reader's marks around a list ("list of 4 items", "list 2 of 4", "end of list"):
# part of the list, not the line that ends it.
LIST_MARK = re.compile(r"list(?: of \d{1,3} items?| \d{1,3} of \d{1,3})|end of list", re.IGNORECASE)
# A box's item with its mark ("1. ", "• "): when every item so far has one, a line without
# one after a blank line is not the box's ("Most read / 1. ... / 3. ... / (blank) /
# Subheading of the article").
MARKED_ITEM = re.compile(r"(?:\d{1,2}[.)]|[•·▪●◦‣■►▸*]|[-–—](?=\s))\s*")


# What lets a lookaround see past its own line: a line break, a class that takes one
# (\s, \W, \D, a negated set that does not exclude it), or any character under DOTALL.
CROSSES_LINES = re.compile(r"\\[nsWD]|\[\^")
LINE_BOUND_SET = re.compile(r"\[\^(?:[^\]\\]|\\.)*?\\n(?:[^\]\\]|\\.)*\]")  # [^...\n...]


def _lookarounds(pattern: str):
    """The text of each lookaround group in `pattern`, nested ones included."""
    for found in LOOKAROUND.finditer(pattern):
        depth, i, in_set = 0, found.start(), False
        while i < len(pattern):
            char = pattern[i]
            if char == "\\":
                i += 2
                continue
            if in_set:
                in_set = char != "]"
            elif char == "[":
                in_set = True
                if pattern.startswith("[^", i) or pattern.startswith("[]", i):
                    i += 1
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        yield pattern[found.start():i + 1]


def _looks_across_lines(rule: Rule) -> bool:
    """A rule with a lookaround that can reach past its line reads the lines around its
    line, so its answer is not the line's alone."""
    pattern = rule.regex.pattern
    if rule.regex.flags & re.DOTALL:
        return bool(LOOKAROUND.search(pattern))
    return any(CROSSES_LINES.search(LINE_BOUND_SET.sub("", look)) for look in _lookarounds(pattern))


class StripDebris:
    """Apply a rulebook: every match becomes an edit with the rule's id and reason."""

    name = "strip-debris"
    description = "remove debris described by the rules in rules/ (navigation, forms, bylines...)"
    reads = ("author",)  # the byline's author: the bio under the article names them

    def __init__(self, rulebook: Rulebook):
        self.rules = rulebook.rules
        self.text_rules = [r for r in self.rules if r.scope not in LINE_SCOPES]
        self.line_rules = [r for r in self.rules if r.scope in LINE_SCOPES]
        self.longest = max((r.max_words for r in self.line_rules), default=0)
        self._index: LiteralIndex | None = None
        self._local: list[bool] = []
        self._seen: dict[str, tuple[int, ...]] = {}

    def _candidates(self, line: str) -> tuple[int, ...]:
        """The line rules (by index, in rulebook order) that may take `line`.

        A rule is left out when the line lacks every string it requires (`prefilter`)
        or has more words than the rule's `max_words`; a line-local rule (no lookaround
        past its line) also when it does not match the line on its own: in the text it
        could only match less (no `\\A` or `\\Z` there). Remembered by line, since page
        chrome repeats from page to page; the rules that read the lines around are tried
        in the text each time."""
        found = self._seen.get(line)
        if found is None:
            if self._index is None:
                self._local = [not _looks_across_lines(r) for r in self.line_rules]
                self._index = LiteralIndex([required_literals(r.regex, lookahead=local)
                                            for r, local in zip(self.line_rules, self._local)])
            if len(self._seen) >= SEEN_LINES:
                self._seen.clear()
            words = len(line.split())
            found = self._seen[line] = tuple(
                i for i in self._index.candidates(line) if self.line_rules[i].max_words >= words
                and (not self._local[i] or takes_whole_line(self.line_rules[i], line)))
        return found

    def prepare(self) -> None:
        self._candidates("")

    def run(self, text: str, context: Context) -> StepResult:
        head_end, tail_start = prose_bounds(text)
        candidates = list(self._line_candidates(text, head_end, tail_start)) if self.line_rules else []
        for rule in self.text_rules:
            for match in rule.regex.finditer(text):
                if match.start() != match.end():
                    span = (match.start(), match.end()) if rule.scope == "inline" else \
                        _whole_lines(text, match.start(), match.end())
                    candidates.append((span[0], span[1], rule, match))
        candidates.sort(key=lambda c: (c[0], -c[1]))
        own = frozenset(c[0] for c in candidates)  # lines a rule takes: a box's list ends at one
        edits, metadata, last_end = [], {}, -1
        for start, end, rule, match in candidates:
            if start < last_end or (start == last_end == end):
                continue
            reason = rule.reason
            if rule.scope in LINE_SCOPES and start and text[start - 1] != "\n":
                reason = f"{rule.reason}, run onto the paragraph's end with no space"
            elif rule.scope in LINE_SCOPES and match.string is not text and _joined(text[start:end], match.string):
                reason = f"{rule.reason}, joined by \" | \" to more lines of debris"
            if rule.takes_list:
                end, count = _listed_headlines(text, end, own)
                if count < rule.min_listed:
                    continue  # a word that heads a box only when the box is there
                if count:
                    reason = f"{rule.reason} and the {count} headlines listed under it"
            edits.append(Edit(start, end, rule.replacement if rule.kind == "replace" else "",
                              rule.id, reason))
            _lift(match, metadata)
            last_end = end
        boxes = _newsletter_boxes(text, edits)
        if boxes:
            edits = sorted(edits + boxes, key=lambda e: e.start)
        edits = _box_inner_lines(text, edits)
        edits = _sponsored_items(text, _player_times(text, _after_end_mark(text, edits)))
        edits = _advertiser_teasers(text, edits)
        edits = _sponsor_messages(text, edits)
        author = context.metadata.get("author") or metadata.get("author")
        if isinstance(author, str):
            edits = _author_bio(text, author, edits)
        return StepResult(edits=tuple(edits), metadata=metadata)

    def _line_candidates(self, text: str, head_end: int, tail_start: int):
        offset = 0
        for line in text.split("\n"):
            start, offset = offset, offset + len(line) + 1
            words = len(line.split())
            found = self._whole_line(text, start, line, head_end, tail_start) if 0 < words <= self.longest else None
            if found:
                rule, match = found
                yield start, min(start + len(line) + 1, len(text)), rule, match
            elif words > GLUED_MIN_WORDS and (glued := self._glued_tail(line, start, head_end, tail_start)):
                yield glued

    def _whole_line(self, text: str, start: int, line: str, head_end: int, tail_start: int):
        """The rule and match that take the whole line: as written, as a Markdown line's
        view, or part by part when " | " splits it."""
        found = self._match_line(text, start, start + len(line), line, head_end, tail_start)
        if not found and MARKDOWN_HINT.search(line):
            found = self._match_view(markdown_view(line), line, start, head_end, tail_start)
        if not found and " | " in line:
            found = self._joined_parts(line, start, head_end, tail_start)
        return found

    def _joined_parts(self, line: str, start: int, head_end: int, tail_start: int):
        """The first part's rule and match when every part of a line split by " | " is a
        line a rule takes whole ("Follow us on Google News | Join our WhatsApp channel"):
        a bar of prompts, each debris on its own."""
        parts = [part.strip() for part in line.split(" | ")]
        if not 2 <= len(parts) <= MAX_JOINED_PARTS:
            return None
        first = None
        for part in parts:
            found = self._match_view(part, line, start, head_end, tail_start) if part else None
            if found is None or found[0].takes_list or found[0].kind == "replace":
                return None
            first = first or found
        return first

    def _glued_tail(self, line: str, start: int, head_end: int, tail_start: int):
        """The debris run onto the end of `line` after a stop with no space (`GLUED_STOP`), as
        a candidate: the part from the stop on, when a line rule takes the whole of it as
        it would take a line of its own."""
        for glue in GLUED_STOP.finditer(line):
            if len(line[:glue.start()].split()) < GLUED_MIN_WORDS:
                continue
            tail = line[glue.start():].rstrip()
            for i in self._candidates(tail):
                rule = self.line_rules[i]
                if rule.takes_list or rule.kind == "replace":
                    continue
                match = rule.regex.match(tail)
                if match and match.end() == len(tail) and \
                        self._fits(rule, match, start + glue.start(), head_end, tail_start, len(tail)):
                    return start + glue.start(), start + glue.start() + len(tail), rule, match
        return None

    def _match_line(self, text: str, start: int, end: int, line: str, head_end: int, tail_start: int):
        """The first line rule (in rulebook order) that takes the whole line [start, end), with its match;
        but a later heading rule that takes a list, when headlines are listed right under the line
        ("READ MORE" is a cookie banner's button too, and a box's heading over its headlines). A
        heading rule that needs `min_listed` headlines and finds fewer under the line leaves it
        to the rules after it ("More Local News" over two headlines is no "More NAME" sidebar
        heading, but it is a related-stories heading)."""
        first = None
        for i in self._candidates(line):
            rule = self.line_rules[i]
            if first is not None and not rule.takes_list:
                continue
            match = rule.regex.match(text, start)
            if match and match.end() == end and self._fits(rule, match, start, head_end, tail_start, end - start):
                if first is None and not rule.takes_list:
                    first = rule, match
                elif first is None:
                    if not rule.min_listed or _listed_headlines(text, min(end + 1, len(text)))[1] >= rule.min_listed:
                        return rule, match
                elif self._heads_list(text, end, rule):
                    return rule, match
        return first

    def _match_view(self, view: str, line: str, start: int, head_end: int, tail_start: int):
        """The first line rule that takes the whole of a Markdown line's view (see
        `markdown_view`): read alone, not in the text, so a rule that looks at the lines
        around may miss it; the whole line goes."""
        if not view or view == line.strip():
            return None
        for i in self._candidates(view):
            rule = self.line_rules[i]
            match = rule.regex.match(view)
            if match and match.end() == len(view) and self._fits(rule, match, start, head_end, tail_start, len(line)):
                return rule, match
        return None

    @staticmethod
    def _heads_list(text: str, end: int, rule: Rule) -> bool:
        below = min(end + 1, len(text))
        return bool(_line_at(text, below)[0]) and _listed_headlines(text, below)[1] >= max(rule.min_listed, 1)

    @staticmethod
    def _fits(rule: Rule, match: re.Match, start: int, head_end: int, tail_start: int, length: int) -> bool:
        if len(match.group().split()) > rule.max_words:
            return False
        if rule.scope == "head" and start + length > head_end:
            return False
        return not (rule.scope == "tail" and start < tail_start)


# One StripDebris per rulebook in a process, by digest: its index of the rules' required
# strings takes a quarter of a second to build, and its remembered line answers grow with use.
_SHARED: dict[tuple[str, bool], StripDebris] = {}


def shared_stripper(rulebook: Rulebook, lifting: bool = False) -> StripDebris:
    """The process's StripDebris for `rulebook` (built on first use); with `lifting`, for
    its rules that lift metadata (bylines, datelines, source lines) only."""
    key = (rulebook.digest, lifting)
    stripper = _SHARED.get(key)
    if stripper is None:
        if len(_SHARED) >= 8:
            _SHARED.clear()
        if lifting:
            rulebook = Rulebook(tuple(r for r in rulebook.rules if NAMED_GROUP.search(r.regex.pattern)),
                                rulebook.digest)
        stripper = _SHARED[key] = StripDebris(rulebook)
    return stripper


# A newsletter box: a heading ("The Saturday Read") and a pitch ("Our editors' picks, in
# your inbox every Saturday.") over the sign-up form the rules take (its e-mail field,
# button, "* indicates required" or consent line). The pitch names a newsletter, an inbox
# or a cadence, or how little signing up takes ("It only takes a moment."); the words vary
# without end, the form under them is the evidence.
FORM_RULES = frozenset(f"newsletter.{part}" for part in (
    "form-field", "subscribe-button", "form-block", "form-error", "confirmation", "privacy-notice",
    "privacy-note", "signup-prompt", "signup-pitch"))
PITCH_RULES = frozenset(("newsletter.signup-prompt", "newsletter.signup-pitch"))
BOX_PITCH_WORDS = 40
BOX_PITCH_LINES = 2  # the pitch, and one more above the form's e-mail field
FIELD_LABEL = re.compile(r"(?:your |enter (?:your )?)?(?:e-?mail(?: address)?|name|first name|full name)[ \t]?\*?:?",
                         re.IGNORECASE)
FORM_LABEL_LINES = 2
FORM_LABEL_WORDS = 3
BOX_HEADING_WORDS = 6
BOX_CUE = re.compile(
    r"\b(?:inbox|newsletters?|e-?mails?|e-?news|bulletin|briefing|digest|dispatch(?:es)?|round-?up|sign(?:ing)? up"
    r"|subscribe|delivered|weekly|daily|fortnightly|monthly|(?:every|each|once a|twice a) (?:other )?\w+"
    r"|takes? (?:just |only )?(?:a|one|a few|\d+) (?:seconds?|minutes?|moments?|clicks?)"
    r"|start (?:your|the|each) (?:day|morning|week|weekend)|skrzynk[aęi]\w*|indbakke\w*|innboks\w*|inkorg\w*"
    r"|nieuwsbrief|infolettre|bolet[ií]n|nyhetsbrev|postfach|(?:chaque|cada|ogni|jeden|jede|elke|varje) \w+)\b",
    re.IGNORECASE)
# A second pitch line over the first ("Our climate newsletter explains the science ..." over
# "It arrives every Tuesday."): it must name the newsletter itself, not only a cadence, as
# an article's paragraph may ("The clinic opens daily.").
BOX_STRONG_CUE = re.compile(
    r"\b(?:inbox|newsletters?|e-?news|sign(?:ing)? up|subscribe|nieuwsbrief|infolettre|bolet[ií]n|nyhetsbrev"
    r"|postfach)\b", re.IGNORECASE)
# A box's heading may be a slogan with a stop ("Never miss a count.", "Stay in the know."):
# taken over a pitch only, where an article's short sentence would need these very words.
BOX_SLOGAN = re.compile(r"(?:never|don.t) miss (?:a|an|another|out)\b[^\n.!?]{0,30}[.!]"
                        r"|stay (?:informed|in the know|ahead|up to date|connected|in touch)\b[^\n.!?]{0,30}[.!]",
                        re.IGNORECASE)
BOX_NOT = re.compile(r"\b(?:said|says|told)\b|^[\"“‘'«„]", re.IGNORECASE)
# The consent line under a form ("Your details stay with us. See our Privacy Policy."): it
# names the site's privacy policy or terms, or unsubscribing, or the reader's details
# together with what "we" do with them.
CONSENT_CUE = re.compile(
    r"\b(?:privacy (?:policy|notice|statement)|terms of (?:use|service)|unsubscribe)\b"
    r"|^(?=.*\byour (?:details|data|information|e-?mail(?: address)?)\b).*\b(?:we|us|our)\b", re.IGNORECASE)
FORM_END_LINES = 4  # lines other rules took (a button, a field) between the form's line and its consent line


def _newsletter_boxes(text: str, edits: list[Edit]) -> list[Edit]:
    """The pitch and heading right above each sign-up form the rules took (see BOX_CUE),
    and the consent line right under it (see CONSENT_CUE). A line between a sign-up prompt
    and the form's field is the pitch whatever its words ("Sign up to Reel Talk" / "Our
    critics pick the week's best new releases" / "Enter your email address").
    A second pitch line over the first goes when it names the newsletter itself
    (`BOX_STRONG_CUE`), with the heading over it; a heading may be a slogan with a stop
    (`BOX_SLOGAN`), or a heading that names a newsletter (`BOX_CUE`: "The Harbour Daily") over
    a tagline of `BOX_HEADING_WORDS` words or fewer ("News that matters, first."): both go. A
    pitch-like line right under the form's e-mail field (a consent line between the field and
    the button) does not end the box: the pitch may stand above the field.
    Over a pitch or prompt a rule took ("Sign up to Wild Mail") only a heading is
    looked for: the line above it is the article's, whatever its cue ("weekly")."""
    spans = [(edit.start, edit.end) for edit in edits]
    prompts = [(edit.start, edit.end) for edit in edits if edit.rule in PITCH_RULES]
    found: list[Edit] = []

    def take(span: tuple[int, int], rule: str, reason: str) -> None:
        found.append(Edit(*span, "", rule, reason))
        spans.append(span)

    for edit in edits:
        if edit.rule not in FORM_RULES:
            continue
        consent = None if edit.rule in PITCH_RULES else _consent_line(text, edit.end, spans)
        if consent is not None:
            take(consent, "strip-debris.newsletter-consent", "newsletter box: the consent line under its sign-up form")
        top, pitched = _form_top(text, edit.start, spans), edit.rule in PITCH_RULES
        for _ in range(BOX_PITCH_LINES):
            above = _line_above(text, top, spans)
            if above is None:
                break
            start, line = above
            if edit.rule not in PITCH_RULES \
                    and _pitch_shaped(line, bool(BOX_CUE.search(line)) or _right_under(text, start, prompts)):
                take(_whole_lines(text, start, start + 1), "strip-debris.newsletter-pitch", PITCH_REASON)
                pitched, top = True, _form_top(text, start, spans)
                if top != start and FIELD_LABEL.fullmatch(text[top:start].split("\n", 1)[0].strip()):
                    continue  # an e-mail field above it: the line was the form's, the pitch may be higher
                above = _line_above(text, start, spans)
                if above is None:
                    break
                start, line = above
                if _pitch_shaped(line, bool(BOX_STRONG_CUE.search(line))):  # the pitch's second line
                    take(_whole_lines(text, start, start + 1), "strip-debris.newsletter-pitch", PITCH_REASON)
                    above = _line_above(text, start, spans)
                    if above is None:
                        break
                    start, line = above
            if pitched and _box_heading(line):
                take(_whole_lines(text, start, start + 1), "strip-debris.newsletter-heading",
                     "newsletter box: the heading over its pitch")
            elif pitched and len(line.split()) <= BOX_HEADING_WORDS and not BOX_NOT.search(line):
                named = _line_above(text, start, spans)  # a tagline under the newsletter's name
                if named is not None and _box_heading(named[1]) and BOX_CUE.search(named[1]):
                    take(_whole_lines(text, named[0], start + 1), "strip-debris.newsletter-heading",
                         "newsletter box: the newsletter's name and tagline over its pitch")
            break
    return found


# A short line inside a sign-up or subscription box, between two of the box's lines the
# rules took: a form's choices ("Choose your newsletters" / "Morning Edition (weekdays)" /
# "Breaking news alerts" / "Email address *"), an offer's benefits ("- Unlimited articles on
# any device" over "Subscribe now"), its heading between two of its lines. Up to
# BOX_INNER_LINES lines of BOX_INNER_WORDS words or fewer, with no sentence end.
BOX_LINE_RULES = FORM_RULES | {"newsletter.subscription-offer"}
BOX_INNER_LINES = 6
BOX_INNER_WORDS = 6
INNER_NOT_END = tuple(".!?:;,")


def _box_inner_lines(text: str, edits: list[Edit]) -> list[Edit]:
    """`edits`, with the short lines inside each sign-up or subscription box taken: the
    lines between a line a box rule took (`BOX_LINE_RULES`) and the box's next line, which
    a box rule took too or which is an e-mail field's label (`FIELD_LABEL`, whatever rule
    took it); whole lines other rules took may stand between. Each line between is short
    (`BOX_INNER_WORDS` words or fewer), ends with no stop, and reports nobody's words: an
    article's subheading under a box has a paragraph under it, and stays."""
    taken = {e.start: e for e in edits}
    spans = [(e.start, e.end) for e in edits]
    found = []
    for edit in edits:
        if edit.rule not in BOX_LINE_RULES or not text.endswith("\n", 0, edit.end):
            continue
        inner, offset, passed = [], edit.end, 0
        while len(inner) + passed <= BOX_INNER_LINES:
            start = _nonblank_line_from(text, offset)
            if start is None:
                inner = []
                break
            line, offset = _line_at(text, start)
            below = taken.get(start)
            if FIELD_LABEL.fullmatch(line) or below is not None and below.rule in BOX_LINE_RULES:
                break
            if below is not None and text.endswith("\n", 0, below.end):
                offset, passed = below.end, passed + 1  # a line another rule took inside the box
                continue
            words = sum(any(c.isalnum() for c in word) for word in line.split())  # a list mark is none
            if words > BOX_INNER_WORDS or line.endswith(INNER_NOT_END) or BOX_NOT.search(line) \
                    or _touched(spans, start, offset):  # part of it taken inline
                inner = []
                break
            inner.append((start, offset))
        if len(inner) + passed > BOX_INNER_LINES:
            continue
        found += [Edit(a, b, "", "strip-debris.newsletter-box-line",
                       "newsletter or subscription box: a short line between two of its lines "
                       "(a choice, a benefit, its heading)") for a, b in inner]
    return sorted(edits + found, key=lambda e: e.start) if found else edits


# A press release ends its text with a mark ("ENDS", "###", "-30-"); what follows it is
# for editors (notes, the sender's boilerplate, media contacts), not for readers. The mark
# counts only under END_MIN_WORDS of text, with at most END_NOTES_WORDS after it.
END_MARK_RULE = "footer.end-mark"
END_MIN_WORDS = 100
END_NOTES_WORDS = 400
# A heading of notes for editors: an end mark by its place only (see `_after_end_mark`).
NOTES_HEADING = re.compile(r"notes? (?:to|for) editors:?", re.IGNORECASE)


def _after_end_mark(text: str, edits: list[Edit]) -> list[Edit]:
    """`edits`, with everything after a press release's end mark taken (see END_MARK_RULE).
    A heading of notes for editors that ends no release (too little text above it, too much
    under it) stays, with its notes."""
    headings = []
    for i, edit in enumerate(edits):
        if edit.rule != END_MARK_RULE or (edit.start and text[edit.start - 1] != "\n"):
            continue
        rest = text[edit.end:]
        if not rest.strip() or len(rest.split()) > END_NOTES_WORDS \
                or len(text[:edit.start].split()) < END_MIN_WORDS:
            if NOTES_HEADING.fullmatch(text[edit.start:edit.end].strip()):
                headings.append(edit)
            continue
        notes = Edit(edit.end, len(text), "", "strip-debris.after-end-mark",
                     "press release: the notes for editors after its end mark")
        return [e for e in edits[:i + 1] if e not in headings] + [notes]
    return [e for e in edits if e not in headings] if headings else edits


def _covered(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether an edit's span [a, b) among `spans` holds `offset`."""
    return any(a <= offset < b for a, b in spans)


def _touched(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether an edit's span [a, b) among `spans` takes some of [start, end)."""
    return any(a < end and b > start for a, b in spans)


# A recommendation widget's paid teasers whose label the extraction dropped: two or more in
# a row, each a headline of TEASER_MIN_WORDS words or more with its advertiser's name (one to
# three words, no stop) on the line under it, or after a dash on its own line ("Compare the
# top 10 savings rates right now – RateFinder"). A list of titles with their authors has
# short titles; a sponsored headline runs long.
TEASER_MIN_WORDS = 6
ADVERTISER = re.compile(r"(?:[A-Z0-9][\w’'&.-]*|of|the|and|&)(?: (?:[A-Z0-9][\w’'&.-]*|of|the|and|&)){0,2}")
DASHES = re.compile(r" [–—|] ")
DASHED_TEASER = re.compile(r"(?P<headline>[^–—|]+?) [–—|] (?P<source>[^–—|]+)")  # one dash: not a listing's


def _advertiser_teasers(text: str, edits: list[Edit]) -> list[Edit]:
    """`edits`, with each run of paid teasers (see TEASER_MIN_WORDS) taken."""
    spans = [(e.start, e.end) for e in edits]
    rows = list(_untaken_lines(text, spans))
    found: list[Edit] = []
    k = 0
    while k < len(rows):
        run, j = [], k
        while j < len(rows):
            if j + 1 < len(rows) and _advertiser(rows[j + 1][2]) and _teaser_headline(rows[j][2]) \
                    and _adjacent(text, rows[j][1], rows[j + 1][0]):
                run.append((rows[j][0], rows[j + 1][1]))
                j += 2
            elif DASHES.search(rows[j][2]) and (match := DASHED_TEASER.fullmatch(rows[j][2])) \
                    and _advertiser(match["source"]) and _teaser_headline(match["headline"]):
                run.append((rows[j][0], rows[j][1]))
                j += 1
            else:
                break
            if j < len(rows) and not _adjacent(text, run[-1][1], rows[j][0]):
                break
        if len(run) >= 2:
            found += [Edit(a, b, "", "strip-debris.advertiser-teaser",
                           "paid teaser: a headline with its advertiser's name") for a, b in run]
            k = j
        else:
            k += 1
    return sorted(edits + found, key=lambda e: e.start) if found else edits


def _untaken_lines(text: str, spans: list[tuple[int, int]]):
    """The non-blank lines no edit touches (see `nonblank_lines`)."""
    spans, first = sorted(spans), 0
    for start, end, line in nonblank_lines(text):
        while first < len(spans) and spans[first][1] <= start:
            first += 1  # spans ending before the line, in order of their starts
        if not (first < len(spans) and spans[first][0] < end - text.endswith("\n", 0, end)):
            yield start, end, line


def _adjacent(text: str, end: int, start: int) -> bool:
    """Whether only blank lines (one at most) stand between offset `end` and line `start`."""
    return text.count("\n", end, start) <= 1 and not text[end:start].strip()


def _teaser_headline(line: str) -> bool:
    """A paid teaser's headline: TEASER_MIN_WORDS to 20 words shaped as a headline, or as a
    question ("Retire early? This calculator shows if you can afford it")."""
    return is_headline(line, TEASER_MIN_WORDS, 20) \
        or line.endswith("?") and TEASER_MIN_WORDS <= word_count(line) <= 20 and opens_sentence(line)


def _advertiser(line: str) -> bool:
    """An advertiser's name: one to three words, capitalized (small words aside), no stop."""
    return line.count(" ") < 3 and bool(ADVERTISER.fullmatch(line.strip())) and not SENTENCE_END.search(line)


# A lone running time ("3:52", "0:00 / 5:12") on the line right above or below a line a
# media rule took ("Listen to this article", "Read by a synthetic voice"): the player's own.
PLAYER_TIME_LINE = re.compile(r"[ \t]*\d{1,2}:\d\d(?::\d\d)?(?:[ \t]?/[ \t]?\d{1,2}:\d\d(?::\d\d)?)?[ \t]*")
MEDIA_RULES = "media."


def _player_times(text: str, edits: list[Edit]) -> list[Edit]:
    """`edits`, with each player's running time next to a media widget's line taken (a
    blank line may stand between them, as in a page that separates its blocks)."""
    media = [e for e in edits if e.rule.startswith(MEDIA_RULES)]
    if not media:
        return edits
    spans = [(e.start, e.end) for e in edits]
    starts = {e.start for e in edits}
    found = []

    def taken(offset: int) -> bool:
        return offset in starts or _covered(spans, offset)

    def take(line_start: int) -> Edit | None:
        newline = text.find("\n", line_start)
        line_end = len(text) if newline < 0 else newline
        if taken(line_start) or not PLAYER_TIME_LINE.fullmatch(text, line_start, line_end):
            return None
        edit = Edit(line_start, min(line_end + 1, len(text)), "", "strip-debris.player-time",
                    "a media player's running time, next to its widget")
        found.append(edit)
        starts.add(line_start)
        return edit

    def around(edit: Edit) -> None:
        """Take the times above and below `edit`, and the times next to those ("00:00" over
        "06:48": the player's position and its length)."""
        if edit.start and text[edit.start - 1] == "\n":
            above = _nonblank_line_before(text, edit.start)
            time = take(above) if above is not None else None
            if time is not None:
                around_one(time, up=True)
        if edit.end and text[edit.end - 1] == "\n":
            below = _nonblank_line_from(text, edit.end)
            time = take(below) if below is not None else None
            if time is not None:
                around_one(time, up=False)

    def around_one(time: Edit, up: bool) -> None:
        while time is not None:
            if up:
                line = _nonblank_line_before(text, time.start) if time.start else None
            else:
                line = _nonblank_line_from(text, time.end) if text[time.end - 1] == "\n" else None
            time = take(line) if line is not None else None

    for edit in media:
        around(edit)
    return sorted(edits + found, key=lambda e: e.start) if found else edits


PLAYER_BLANK_LINES = 1  # blank lines that may stand between a player's label and its time


def _nonblank_line_before(text: str, line_start: int) -> int | None:
    """The start of the nearest non-blank line ending before `line_start` (a line start),
    past at most PLAYER_BLANK_LINES blank lines; None at the text's start or past them."""
    for _ in range(PLAYER_BLANK_LINES + 1):
        if line_start == 0:
            return None
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if text[previous:line_start].strip():
            return previous
        line_start = previous
    return None


def _nonblank_line_from(text: str, line_start: int) -> int | None:
    """The start of the first non-blank line from `line_start` (a line start) on, past at
    most PLAYER_BLANK_LINES blank lines; None at the text's end or past them."""
    for _ in range(PLAYER_BLANK_LINES + 1):
        line, line_end = _line_at(text, line_start)
        if line:
            return line_start
        if line_end == line_start or line_end >= len(text):
            return None
        line_start = line_end
    return None


# A label of paid content ("Sponsored", "Partner content") labels the item right under it,
# unlike an ad slot's "Advertisement", which stands where a picture was: the line under
# such a label (past a blank line) goes with it when it reads as an ad. A headline (no closing stop, up to
# SPONSORED_HEADLINE_WORDS words) goes when no paragraph follows it (an ad's headline has
# its button or source under it; an article's subheading has its paragraph); a sentence
# goes when it pitches (a price, an offer, a call to buy, try or download), or when the
# ad's button is right under it: a short line another rule took ("Download the white
# paper"), which an article's paragraph does not have under it. A headline's one-sentence
# summary in the same block goes with it (see `_summary_under`). A short call right under
# the item that no rule took ("Read the guide") is its button and goes with it. German's
# "Anzeige" labels both; the calls that make its line a pitch are imperatives of buying
# ("bestellen", "anfordern"), not "jetzt" or "Angebot", which a report uses as well.
# A label can close an ad as well as open one: a line between an ad label above it and
# a paid-content label under it ("Advertisement", the ad, "Sponsored") is the ad, and the
# line under the closing label is the article's again (see `_item_between_labels`).
SPONSOR_LABEL_RULE = "ads.marker"
ADVERTISER_RULE = "ads.sponsor-label"
ADVERTISER_LINE = re.compile(r"[^\n|·•]{1,40}[ \t]?[|·•][ \t]?(?:sponsored|promoted|paid content|ad)[ \t]*\n?",
                             re.IGNORECASE)
SPONSOR_LABEL = re.compile(
    r"[\W_]*(?:sponsored(?: (?:content|post|story|article|feature))?|partner (?:content|offers?)"
    r"|paid (?:content|post|partnership)|promoted(?: (?:content|story|post))?|advertiser content"
    r"|brand(?:ed)? content|advertorial|anzeige|gesponsert|contenido patrocinado|patrocinado|contenu sponsoris[ée]"
    r"|sponsoris[ée]|contenuto sponsorizzato|sponsorizzato|conte[úu]do patrocinado|gesponsord|sponsrad|sponsoreret"
    r"|sponsorowane|sponzorov[áa]no|reklamní sdělení|publireportage|publirreportaje|محتوى مدعوم|محتوى ممول"
    r"|תוכן ממומן|תוכן שיווקי|محتوای حمایت‌شده|प्रायोजित|প্রায়োজিত|赞助内容|推广|スポンサーリンク|nội dung tài trợ)[\W_]*",
    re.IGNORECASE)
SPONSORED_HEADLINE_WORDS = 20
SPONSORED_PITCH_WORDS = 30
SPONSORED_BUTTON_WORDS = 6
PARAGRAPH_WORDS = 20
PITCH = re.compile(r"\b(?:shop (?:now|the)|buy now|order now|free trial|start your|sign up|download|learn more"
                   r"|find out more|get started|try (?:it )?(?:free|now|today)|book now|\d+ ?% off|discount|offer"
                   # the same calls in the languages the sponsored labels above are in
                   r"|anfordern|bestellen|buchen|solicite|solicita|pida|compre|descubra|desc[úu]bralo|réservez"
                   r"|demandez|commandez|découvrez|richiedi|prenota|acquista|scopri|bestel|boek|vraag|beställ|boka"
                   r"|zamów|sprawdź|objednejte)\b"
                   r"|[£$€]\d", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")
# The call a paid item's button opens with.
BUTTON_CALL = re.compile(r"(?:read|download|get|see|view|watch|learn|find out|discover|explore|try|register"
                         r"|sign up|book|shop|order|request|claim|join|apply|visit)\b", re.IGNORECASE)


def _sponsored_items(text: str, edits: list[Edit]) -> list[Edit]:
    """`edits`, with the item under each label of paid content taken (see SPONSOR_LABEL)."""
    labels = [e for e in edits
              if e.rule == SPONSOR_LABEL_RULE and SPONSOR_LABEL.fullmatch(text, e.start, e.end)]
    # an advertiser's line under its ad ("Quayside Wealth | Sponsored") closes the ad above it only
    sources = [e for e in edits
               if e.rule == ADVERTISER_RULE and ADVERTISER_LINE.fullmatch(text, e.start, e.end)]
    if not labels and not sources:
        return edits
    spans = [(e.start, e.end) for e in edits]
    markers = {e.start for e in edits if e.rule == SPONSOR_LABEL_RULE}
    found = [item for item in (_item_between_labels(text, e.start, markers, spans) for e in sources) if item]
    for label in labels:
        if not label.end or text[label.end - 1] != "\n":
            continue
        between = _item_between_labels(text, label.start, markers, spans)
        if between is not None:
            found.append(between)
            continue
        start = _nonblank_line_from(text, label.end)  # past a blank line, on a page that spaces its blocks
        if start is None or _covered(spans, start):
            continue
        line, line_end = _line_at(text, start)  # not blank: _nonblank_line_from found it
        words = word_count(line)
        if SENTENCE_END.search(line):
            ad = words <= SPONSORED_PITCH_WORDS and (bool(PITCH.search(line)) or _button_under(text, line_end, edits))
        else:
            below = _next_line(text, line_end)
            ad = words <= SPONSORED_HEADLINE_WORDS and (_covered(spans, line_end)
                                                          or word_count(below) < PARAGRAPH_WORDS)
            if ad:
                line_end = _summary_under(text, label.start, line_end, spans)
        if ad:
            found.append(Edit(start, _past_button(text, line_end, spans), "", "strip-debris.sponsored-item",
                              "the paid item under a sponsored label"))
    return sorted(edits + found, key=lambda e: e.start) if found else edits


# A sponsor's message set into a newsletter or a page under its own heading ("A message
# from our sponsor", "A word from today's sponsor"): the heading says that what follows is
# paid for, and the ad's copy runs down to its button or small print, which the rules take
# ("Find out more", "Start building free →", "Capital at risk. Terms apply."). The lines
# between go, SPONSOR_MESSAGE_LINES at most; with no such closing line that near, only the
# heading goes, since where the copy ends is not known.
SPONSOR_MESSAGE = re.compile(r"[\W_]*an? (?:message|word|note) from (?:our|today.s|this (?:week|issue|edition).s|the) "
                             r"(?:sponsors?|partners?|advertisers?)[\W_]*", re.IGNORECASE)
SPONSOR_MESSAGE_LINES = 3


def _sponsor_messages(text: str, edits: list[Edit]) -> list[Edit]:
    """`edits`, with the copy under each sponsor's-message heading taken (see SPONSOR_MESSAGE)."""
    heads = [e for e in edits if e.rule == ADVERTISER_RULE and SPONSOR_MESSAGE.fullmatch(text, e.start, e.end)]
    if not heads:
        return edits
    taken = {e.start for e in edits}
    spans = [(e.start, e.end) for e in edits]
    found = []
    for head in heads:
        if not head.end or text[head.end - 1] != "\n":
            continue
        copy, offset = [], head.end
        while True:
            start = _nonblank_line_from(text, offset)
            if start is None:
                copy = []
                break
            if start in taken:
                break  # the button or small print under the copy
            line, offset = _line_at(text, start)
            if len(copy) == SPONSOR_MESSAGE_LINES or BOX_NOT.search(line) or _touched(spans, start, offset):
                copy = []  # too long to know its end, someone's words, or part of it taken inline
                break
            copy.append((start, offset))
        found += [Edit(a, b, "", "strip-debris.sponsor-message",
                       "a sponsor's message: the copy between its heading and its button or small print")
                  for a, b in copy]
    return sorted(edits + found, key=lambda e: e.start) if found else edits


def _item_between_labels(text: str, label_start: int, markers: set[int],
                         spans: list[tuple[int, int]]) -> Edit | None:
    """The ad between an ad label and the paid-content label at `label_start` under it: the
    line right above the label (past a blank line), which no edit took, with a line an ad
    label took right above it, when it reads as an ad: a headline of SPONSORED_HEADLINE_WORDS
    words or fewer, or a sentence of SPONSORED_PITCH_WORDS words or fewer that pitches. None
    when the label does not close an ad. An article's paragraph under an empty ad slot ends
    like a sentence and sells nothing."""
    item = _nonblank_line_before(text, label_start)
    if item is None or _covered(spans, item):
        return None
    above = _nonblank_line_before(text, item)
    if above not in markers:
        return None
    line, end = _line_at(text, item)
    words = len(line.split())
    if SENTENCE_END.search(line) and not line.endswith("?"):  # a question is an ad's headline here
        ad = words <= SPONSORED_PITCH_WORDS and bool(PITCH.search(line))
    else:
        ad = words <= SPONSORED_HEADLINE_WORDS
    if not ad:
        return None
    return Edit(item, end, "", "strip-debris.sponsored-item", "the paid item between two ad labels")


def _summary_under(text: str, label_start: int, line_end: int, spans: list[tuple[int, int]]) -> int:
    """`line_end`, or the end of the paid headline's summary right under it: on a page that
    sets a blank line between its blocks (one above the label), a sentence of
    SPONSORED_PITCH_WORDS words or fewer in the headline's block (no blank line between),
    with a blank line or the text's end under it. An article's paragraph under an ad starts
    a block of its own."""
    if not text.endswith("\n\n", 0, label_start) or line_end >= len(text):
        return line_end
    line, end = _line_at(text, line_end)
    if (not line or not SENTENCE_END.search(line) or len(line.split()) > SPONSORED_PITCH_WORDS
            or _touched(spans, line_end, end) or _line_at(text, end)[0]):
        return line_end
    return end


def _past_button(text: str, line_end: int, spans: list[tuple[int, int]]) -> int:
    """`line_end`, or the end of the paid item's button right under it that no edit took: a
    short call with no stop ("Read the guide", "Download the report"). An article's line
    under an ad is a paragraph or a subheading, which does not open with such a call."""
    if _nonblank_line_from(text, line_end) != line_end:  # the text's end, or a blank line between
        return line_end
    line, end = _line_at(text, line_end)
    if (len(line.split()) <= SPONSORED_BUTTON_WORDS and BUTTON_CALL.match(line) and not SENTENCE_END.search(line)
            and not _touched(spans, line_end, end)):  # an edit inside it ("(opens in new tab)") stays alone
        return end
    return line_end


def _button_under(text: str, line_end: int, edits: list[Edit]) -> bool:
    """Whether the next non-blank line from `line_end` is a short one (a button, up to
    SPONSORED_BUTTON_WORDS words) that a rule other than the paid-content label took whole."""
    below = _nonblank_line_from(text, line_end)
    if below is None:
        return False
    line, end = _line_at(text, below)
    return len(line.split()) <= SPONSORED_BUTTON_WORDS and any(
        e.start == below and e.end >= end - 1 and e.rule != SPONSOR_LABEL_RULE for e in edits)


# The byline's author (two to four capitalized words, not a desk: "Staff Reports") at the
# start of one of the page's last `BIO_TAIL_LINES` lines no edit took, with a verb of a
# bio after the name ("Ann Lee has written about housing for 12 years ...", "Ann is a
# senior editor at ..."): the author's bio under the article. A writer does not name
# herself in the third person in her own article; a sentence that reports speech does.
BIO_TAIL_LINES = 3
BIO_MIN_WORDS = 8
AUTHOR_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w’'.-]*"
                         r"(?: (?:[A-ZÀ-ÖØ-Þ][\w’'.-]*|de|van|von|der|da|del|di|la|le)){1,3}")
NOT_AUTHOR = re.compile(r"\b(?:staff|reports?|team|desk|editors?|editorial|news|agency|agencies|wire|press|newsroom"
                        r"|contributors?|correspondents?|reporters?|writers?)\b", re.IGNORECASE)
BIO_VERB = (r" (?:is|was|has|had|spent|worked|works|writes|wrote|covers|covered|reports|lives|joined|leads|runs"
            r"|edits|teaches|previously|formerly)\b")
JOB_TITLE = re.compile(r"[A-Z][\w&’'-]*(?: (?:[A-Z][\w&’'-]*|of|and|&|for|at)){0,5}")  # "Senior Audio Editor"
REPORTED_SPEECH = re.compile(r"\b(?:said|says|told|added|explained)\b")


def _author_bio(text: str, author: str, edits: list[Edit]) -> list[Edit]:
    """`edits`, with the byline author's bio among the page's last lines taken (BIO_TAIL_LINES),
    and the author's box there: the name alone on its line, with a job's title under it
    ("Senior Audio Editor"), unless the line above ends in a comma (a letter's "Sincerely,")."""
    author = " ".join(author.split())
    if not AUTHOR_NAME.fullmatch(author) or NOT_AUTHOR.search(author):
        return edits
    first = author.split()[0]
    names = [re.escape(author)] + ([re.escape(first)] if len(first) > 2 and first[-1] != "." else [])
    bio = re.compile(rf"(?:{'|'.join(names)}){BIO_VERB}")
    spans = [(e.start, e.end) for e in edits]
    tail: list[tuple[int, int, str]] = []  # the last lines no edit took (with their "\n"), last first
    for start, end in lines_backwards(text, len(text)):
        line, end = text[start:end].strip(), min(end + 1, len(text))
        if line and not _touched(spans, start, end):
            tail.append((start, end, line))
            if len(tail) == BIO_TAIL_LINES:
                break
    found = []
    for k, (start, end, line) in enumerate(tail):
        if bio.match(line) and len(line.split()) >= BIO_MIN_WORDS and not REPORTED_SPEECH.search(line):
            found.append(Edit(start, end, "", "strip-debris.author-bio", "the byline author's bio under the article"))
        elif line == author and not text[:start].rstrip().endswith(","):
            found.append(Edit(start, end, "", "strip-debris.author-bio", "the byline author's name under the article"))
            below = tail[k - 1] if k else None  # the line under the name
            if below and JOB_TITLE.fullmatch(below[2]) and not text[end:below[0]].strip():
                found.append(Edit(below[0], below[1], "", "strip-debris.author-bio",
                                  "the byline author's job title under the article"))
    return sorted(edits + found, key=lambda e: e.start) if found else edits


def _form_top(text: str, start: int, spans: list[tuple[int, int]]) -> int:
    """Where the form that starts at `start` begins: above it may stand field labels that
    other rules took for their own reasons ("Email*" is a comment form's field as well),
    up to FORM_LABEL_LINES of FORM_LABEL_WORDS words or fewer, each taken whole."""
    for _ in range(FORM_LABEL_LINES):
        if start < 2 or text[start - 1] != "\n":
            break
        line_start = text.rfind("\n", 0, start - 1) + 1
        line = text[line_start:start - 1]
        if not line.strip() or len(line.split()) > FORM_LABEL_WORDS \
                or not any(a <= line_start and b >= start - 1 for a, b in spans):
            break
        start = line_start
    return start


PITCH_REASON = "newsletter box: the pitch over its sign-up form"


def _pitch_shaped(line: str, cued: bool) -> bool:
    """Whether `line`, with its cue (`cued`), reads as a box's pitch: 40 words or fewer, no
    quote or report, and no heading's shape."""
    return cued and len(line.split()) <= BOX_PITCH_WORDS and not BOX_NOT.search(line) and not _heading_shaped(line)


def _box_heading(line: str) -> bool:
    """Whether `line` reads as a box's heading over its pitch: heading-shaped, or a slogan with
    a stop (`BOX_SLOGAN`) of as few words, opening with a capital, and no quote or report."""
    shaped = _heading_shaped(line) or (bool(BOX_SLOGAN.fullmatch(line)) and len(line.split()) <= BOX_HEADING_WORDS)
    return shaped and line[:1].isupper() and not BOX_NOT.search(line)


def _consent_line(text: str, end: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span of the consent line right under the form line that ends at `end`: the
    first line no edit took, past the form's other lines (a button, a field) that edits
    took and blank lines, when it reads as consent (`CONSENT_CUE`) in `BOX_PITCH_WORDS`
    words or fewer and reports nobody's words."""
    offset = end
    for _ in range(FORM_END_LINES + 1):
        if offset >= len(text) or (offset and text[offset - 1] != "\n"):
            return None
        line, line_end = _line_at(text, offset)
        if not line or _covered(spans, offset):
            offset = line_end
            continue
        # not covered at its start, so an edit touching it is an inline one: the line is not free
        if not _touched(spans, offset, line_end) and len(line.split()) <= BOX_PITCH_WORDS and CONSENT_CUE.search(line) \
                and not BOX_NOT.search(line):
            return offset, line_end
        return None
    return None


def _right_under(text: str, start: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the line right above offset `start` (one blank line between allowed) is one
    that an edit in `spans` took whole: a line between a sign-up prompt and the form's
    field is the box's pitch, whatever its words."""
    bounds = _bounds_above(text, start)
    return bounds is not None and any(a <= bounds[0] and b >= bounds[1] for a, b in spans)


def _heading_shaped(line: str) -> bool:
    """A box's title: a few words with no final stop (a pitch is longer, or a sentence)."""
    return len(line.split()) <= BOX_HEADING_WORDS and not PROSE_END.search(line)


def _bounds_above(text: str, start: int) -> tuple[int, int] | None:
    """Start and end of the line right above offset `start`, over one blank line at most."""
    end = start - 1
    if end <= 0:
        return None
    line_start = text.rfind("\n", 0, end) + 1
    if not text[line_start:end].strip() and line_start > 0:
        end = line_start - 1
        line_start = text.rfind("\n", 0, end) + 1
    return line_start, end


def _line_above(text: str, start: int, spans: list[tuple[int, int]]) -> tuple[int, str] | None:
    """The line right above offset `start` (one blank line between allowed), with its
    start, unless an edit in `spans` already takes some of it."""
    if start and text[start - 1] != "\n":
        return None  # an inline edit: no form line of its own
    bounds = _bounds_above(text, start)
    if bounds is None:
        return None
    line_start, end = bounds
    line = text[line_start:end].strip()
    if not line or _touched(spans, line_start, end + 1):
        return None
    return line_start, line


def takes_whole_line(rule: Rule, line: str) -> bool:
    """Whether `rule` matches the whole of `line` (its line-local answer, the text aside)."""
    match = rule.regex.match(line)
    return bool(match) and match.end() == len(line)


def _listed_headlines(text: str, end: int, own: frozenset[int] = frozenset()) -> tuple[int, int]:
    """The end of the headlines listed from `end` on (blank lines between allowed), and
    how many there are; `end` itself and 0 when the next line is not one. A headline
    after a blank line with a paragraph right under it is the article's subheading
    over that paragraph: the list ends before it. So does a line after a blank line that
    starts at an offset in `own`, which a rule takes on its own ("À lire aussi : ...",
    another box's heading): what follows it is not this box's. So does an unmarked line
    after a blank line when the items so far all carry a mark (`MARKED_ITEM`)."""
    count, stop, offset, after_blank, marked, shortest = 0, end, end, False, True, LISTED_WORDS[1]
    while offset < len(text) and count < MAX_LISTED:
        line, line_end = _line_at(text, offset)
        if LIST_MARK.fullmatch(line):
            stop = line_end
        elif offset in own and after_blank:
            break
        elif line:
            if not _is_listed(line) or after_blank and count >= 2 and marked and not MARKED_ITEM.match(line):
                break
            marked = marked and bool(MARKED_ITEM.match(line))
            below = _line_at(text, line_end)[0] if line_end < len(text) else ""
            if after_blank and below and not _is_listed(below):
                break
            if line.endswith("?") and not (below and _is_listed(below)):
                break  # a question is a box's headline only with another right under it
            words = word_count(line)
            if (words <= SUBHEAD_MAX_WORDS or QUOTE_LINE.fullmatch(line)
                    or count and words <= SUBHEAD_SHORTER_WORDS and 3 * words <= 2 * shortest
                    and not MARKED_ITEM.match(line)) \
                    and _paragraph_under(below or _next_line(text, line_end)):
                break  # a subheading over the article's next paragraph (a blank line between allowed)
            count, stop, shortest = count + 1, line_end, min(shortest, words)
        after_blank = not line
        offset = line_end
    return stop, count


def _next_line(text: str, offset: int) -> str:
    """The first line from `offset` on that is not blank, stripped ("" at the end)."""
    while offset < len(text):
        line, offset = _line_at(text, offset)
        if line:
            return line
    return ""


def _is_listed(line: str) -> bool:
    """A headline as a box lists it, with or without a list mark, or a question ("Cash or
    shares: which pays more?"), which the list takes only with a headline right under it;
    a headline cut with an ellipsis may run to `TRUNCATED_LISTED_WORDS` words."""
    core = LIST_BULLET.sub("", line, count=1).lstrip().removesuffix("?")
    if core.endswith(("…", "...")):  # a teaser's headline cut short runs longer than a whole one
        return is_headline(core.rstrip(".… "), LISTED_WORDS[0], TRUNCATED_LISTED_WORDS)
    return is_headline(core, *LISTED_WORDS)


def _paragraph_under(line: str) -> bool:
    """A paragraph of the article: a sentence of `SUBHEAD_PARAGRAPH_WORDS` words or more, or
    one that introduces a list (ending in a colon), or a paragraph in a script that may mark
    no sentence's end (Thai). A box's headline has a headline, a list mark or nothing under it."""
    words = word_count(line)
    return opens_sentence(line) and (words >= SUBHEAD_PARAGRAPH_WORDS and bool(PARAGRAPH_END.search(line))
                                     or words >= LIST_INTRO_WORDS and line.endswith((":", "："))
                                     or unspaced_paragraph(line))


def _line_at(text: str, offset: int) -> tuple[str, int]:
    """The stripped line starting at `offset`, and the offset after its newline."""
    newline = text.find("\n", offset)
    line_end = len(text) if newline < 0 else newline + 1
    return text[offset:line_end].strip(), line_end


def _lift(match: re.Match, metadata: dict[str, Any]) -> None:
    for key, value in match.groupdict().items():
        if value and value.strip() and key not in metadata:
            metadata[key] = to_iso(value) if key == "date" else " ".join(value.split())
