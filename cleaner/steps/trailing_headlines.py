"""trailing-headlines: unrelated headlines glued after the article's last sentence.

Pages often end with teasers for other stories, which extraction glues to
the last paragraph ("...next year. Mayor vows to fix the pier.") or leaves
on short lines below it. The step walks back over the last sentences and
stops at the first one that belongs to the article; the off-topic
sentences after it go, with the space or line breaks before them.

A sentence belongs to the article when it shares topic with the text
before it, or when its shape says prose. Topic: its content words
(stopwords dropped, crudely stemmed, matched by prefix) found in the
preceding text score 2 when specific there (a topic word used twice or
more, a proper name, or a long word, rare in English) and 1 otherwise; 2
points make topic, one common shared word does not. Prose: longer than a
headline, a quote, a sentence-case question, past-tense "said" (headlines
say "says"), a lower-case start, a pronoun before any name (it points back
into the article); also a "Label: value" line (a list, a credit). No list
of headlines or phrases is involved. A news agency's or newsroom's credit on
its own line ("(Reporting by Ann Lee; Editing by Tom Hay)", "Ann Lee
contributed to this report.") stays, and the walk goes on above it: a
headline glued before the credit goes too.

It deliberately keeps (precision first: losing a real sentence is worse
than leaving a headline):
- documents with fewer than `min_words` words before the cut;
- a sentence too short to judge (under four content words) right after the
  article's last sentence, and all before it;
- a lone off-topic sentence unless shaped like a headline (Title Case, a
  " | " separator, or no final punctuation); two or more go in any shape (a
  headline glued on with no space, which goes for its glue, does not count);
- a line longer than a headline block (30 words) as a whole; more than
  five sentences.

One shape is read more strictly: a sentence with no final punctuation after
another sentence on its line ("...on Tuesday. Parade route announced for
downtown") is a headline run on by extraction, since a paragraph's own last
sentence ends with a stop. Its topic must rest on four specific shared words
(a related headline from the same section shares two or three: the town, its
council, the reservoir; a name of two words, "Ashby Vale", counts as one, and
a long word the article used once is not specific here), a "Label: value" shape does not make it a
list item (a list's items stand on their own lines), and "you" or "your" is
no pronoun pointing back into the article (headlines address the reader:
"Three reasons your loan is late"). One run on after the article's credit
("... contributed to this report. Headline") goes whatever its topic. A
document of `RUN_ON_MIN_WORDS` words is long enough to judge one.

In a text that is not English (by its share of English stopwords), only
sentences shaped like headlines are cut, and their topic rests on long words
(seven letters or more) the article used, as written: its function words
("nicht", "les") would otherwise pass for shared content. Other languages'
quotation marks count as quotes ("„So“", "«Así».", "» So «").

A sentence glued with no space after the article's stop, then one last
sentence with no stop, is a headline of two sentences ("...jabłka.Burza nad
powiatem. Strażacy wyjeżdżali 40 razy") when the two share no topic with the
article; both go.

A headline glued with no space to the stop that ends one of the last six
lines ("...for a superb tea.Colts evening date confirmed") goes even when a
box under it stops the walk (a review's ticket details, a release's press
contact): two texts run together there, whatever follows.

It relies on earlier steps for one paragraph per line and for removing
debris lines, so that the article's own last sentence is near the end.
Each sentence is judged only against the text before it, so the output is
a fixpoint: its new last sentence was already judged to belong.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from cleaner.edits import Edit
from cleaner.sentences import ABBREVIATIONS, sentence_spans
from cleaner.steps.base import Context, StepResult
from cleaner.steps.lines import CREDIT, lines_backwards

STOPWORDS = frozenset("""
    about above according across after again against all almost also although
    always am among an and another any anyone are around as at away back be
    became because become been before being below between billion both but by
    came can cannot com could day days did do does doing done down during each
    either else end even ever every few first for four from further get gets
    getting give given go goes going gone good got great had has have having he
    her here hers herself him himself his how however html http https if in
    including into is it its itself just last late later least less let like
    made make makes many may me might million month months more most much must
    my myself near need never new next no nor not now of off often on once one
    only or other others our ours out over own part people per percent put
    rather really said same say says see seen several she should since so some
    still such take takes than that the their theirs them themselves then there
    these they thing things think this those though three through thus time
    times to today told too took top toward two under until up upon us use used
    very want was way we week weeks well went were what when where whether
    which while who whom whose why will with within without would www year
    years yet you your
""".split())

# Pronouns that point back into the article: anywhere before a name, or
# (with possessives and demonstratives) as the first word.
PRONOUNS = frozenset("I he him it me my our she they them us we you your".split())
OPENING_PRONOUNS = PRONOUNS | frozenset("her his its that their these this those".split())
NAME_AFTER_I = "-–.0123456789"  # what follows the "I" of "I-94" or "I.D.", never the pronoun's

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
CONTRACTION = re.compile(r"['’](?:s|re|ve|ll|d|m|t)$")
SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("ly", ""), ("s", ""))
OPENING_QUOTE = re.compile(r"""^["'“‘«„‚»]""")  # » opens a German quote (»So«), „ a German or Polish one
# A headline that opens with a quotation and a colon or a dash, and ends in no stop ("“It
# felt like the house shook”: family recalls chimney fire", "'A disgrace' - residents hit
# out over parking"); a quotation in prose ends in one.
QUOTE_HEADLINE = re.compile(r"""^["'“‘«„](?:[^"'“”‘’«»„\n]|(?<=\w)['’](?=\w)){3,150}["'”’»“]"""
                            r"""(?:\s?:\s|\s[-–—]\s)(?=\S[^\n]*[^.!?\s"”’»)]$)""")
LABEL = re.compile(r"^\w+(?: \w+){0,2}: ")
CLOSERS = "\"'”’»)] “«"  # “ closes a German quote („So“), « a German one (»So«)
# A sentence end with no space before a capitalized word: "...on Thursday.Heritage railway
# wins award", a headline glued on by extraction that joined blocks without a space. Only a
# lower-case word (a number may lead it: "7pm"), a number, a day's or month's name ("...on 7
# December.Herons reach final") or a longer name ("...in Chicago.Why is ...") may end the
# sentence ("St.Louis", "U.S.Navy" are no glue); a
# closing quote may stand after the stop ('...a camera."Love Island', '...weiter.“Scheunenbrand')
# or before it ('...vuelva».Newell's'), or after it and a space ('...trois étés. »Marseille').
# The headline may open with a quotation ('...carrying email."'It's not if': Why ...'), a
# two-letter word ('..."a pre-set path".Is now the time to fix?'), a label in capitals
# ("...Friday week.LIVE: Surrey v Kent") or a feed's age ("...mode.2h ago"). In Arabic,
# Hebrew, Persian and Hindi, which have no capitals, a word of the script glued to the stop
# ('...حقيقيا".ارتفاع أسعار', Urdu's and Hindi's own stops too: '...سکتی ہے۔معروف'): their
# sentences are set apart by a space too. Cyrillic and Greek capitals count as Latin ones do,
# a one-letter preposition too ("...переплаты.В Заречном районе").
# A word's letters may carry combining marks (the vowel signs of Hindi and Bengali, Arabic's
# and Hebrew's points), which Python's \w does not count as letters ("जाएगा।IPL नीलामी").
CYRILLIC_UPPER, CYRILLIC_LOWER = "\u0410-\u042f\u0401\u0404\u0406\u0407\u0490", "\u0430-\u045f\u0491"
GREEK_UPPER, GREEK_LOWER = "\u0391-\u03a9\u0386\u0388-\u038f", "\u03ac-\u03ce"
MARKS = "\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963" \
        "\u0981-\u0983\u09bc\u09be-\u09d7\u09e2\u09e3"
GLUED = re.compile(rf"(?<![^\W_{MARKS}])(\d{{0,4}}(?:[^\W\d_][{MARKS}]*){{2,}}|\d+)(?:[\"”’“»)]?[.!?۔।][\"”’“»)]?|[.!?] [»”])"
                   rf"(?=[\"'“‘«]?(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]|[{CYRILLIC_UPPER}](?:[{CYRILLIC_LOWER}]| [\u0400-\u045f])"
                   rf"|[{GREEK_UPPER}][{GREEK_LOWER}])|[A-Z]{{3,}}[:\s▶►]|\d{{1,2}} ?(?:h|hrs?|m|mins?) ago"
                   r"|[\u0590-\u05ff\u0600-\u06ff\u0900-\u09ff]{2})")
# A dotted abbreviation ("p.m.", "U.S.") or a name's or firm's suffix ("Jr.", "Inc.") before
# a capitalized word: where a headline glued with a space may start (see `_after_abbreviation`).
ABBREVIATION_GLUE = re.compile(r"(?<!\S)((?:[^\W\d_]\.){2,}|(?:Jr|Sr|Inc|Ltd|Corp|Co|LLC)\.)"
                               r"\s+(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])")
GLUED_NAME = re.compile(rf"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{{3,}}"  # "Chicago", not "St" or "U.S"; "Москва", "Ιουνίου"
                        rf"|[{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]{{3,}}|[{GREEK_UPPER}][{GREEK_LOWER}]{{3,}}")
MIN_CONTENT_WORDS = 4     # fewer content words give no evidence either way
MIN_PREFIX = 5            # "govern" matches "government"; "art" does not match "article"
LONG_WORD = 7             # long words are rare in English: sharing one is telling
MAX_STEM = 30             # longer "words" are junk; the cap keeps prefix matching cheap
MAX_HEADLINE_WORDS = 20   # teaser headlines run 5 to 15 words; longer is prose
MAX_PARAGRAPH_WORDS = 30  # a longer line is a paragraph, never removed whole
LABEL_VALUE_WORDS = 4     # "Price: $499.", "Photo: Ann Lee": a list's value is short
MAX_RUN = 5               # more trailing sentences than that is no glued teaser
TOPIC = 2                 # shared-word points that make a sentence on topic
RUN_ON_TOPIC = 8          # the same for a run-on sentence: four specific words
RUN_ON_MIN_WORDS = 120    # words before a run-on cut (the shape is evidence enough)
RUN_ON_PRONOUN_WORDS = 3  # a run-on sentence's pronoun points back only among its first words
GLUED_LINES = 6           # lines above the walk's end where a headline glued with no space is cut
GLUE_HINT = re.compile(r"\S[.!?۔।][\"”’»)]?[^\s.!?۔।\"”’»)]")  # a stop with no space after it
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays "
    "saturdays sundays january february april june july august september october november december".split())
# "March" and "May" are verbs too: months only after a day's number ("...by 9 May.Lorry fire ...").
DATED_MONTHS = frozenset(("March", "May"))
DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)? $")
CONTACT = re.compile(r"[\w.+-]@[\w-]+\.\w")  # an e-mail address
WEB_ADDRESS = re.compile(r"\bwww\.\w|\bhttps?://")  # ... or a web address, outside markup
READER_PRONOUNS = frozenset("you your".split())  # a headline's address to its reader
# English prose has a third to a half of its words among STOPWORDS; other languages a few
# in a hundred. Below this share, the topic and prose evidence (English stopwords, stems,
# pronouns, "said") says little, and only sentences shaped like headlines are cut.
ENGLISH_SHARE = 0.2
ENGLISH_SAMPLE = 2000  # characters: a few hundred words tell the language


@lru_cache(maxsize=1 << 16)  # words repeat: a document's are stemmed once per reference
def stem(word: str) -> str:
    """Crude stem: lower case, no possessive, one common suffix, no final e."""
    word = CONTRACTION.sub("", word[:MAX_STEM].lower())
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def is_content(word: str) -> bool:
    return len(word) >= 3 and word.lower() not in STOPWORDS and stem(word) not in STOPWORDS


def content_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if is_content(w)]


class Reference:
    """What the text before a sentence says: stem counts, names, prefixes."""

    def __init__(self, text: str):
        self.counts: dict[str, int] = {}
        self.names: set[str] = set()
        for start, end in sentence_spans(text):
            for i, word in enumerate(WORD.findall(text[start:end])):
                if is_content(word):
                    key = stem(word)
                    self.counts[key] = self.counts.get(key, 0) + 1
                    if i and word[0].isupper():
                        self.names.add(key)
        self.prefixes: dict[str, str] = {}
        for key in self.counts:
            for size in range(MIN_PREFIX, len(key) + 1):
                self.prefixes.setdefault(key[:size], key)

    def match(self, key: str) -> str | None:
        """The reference stem `key` matches: equal, or one a prefix of the other."""
        if key in self.counts:
            return key
        if len(key) >= MIN_PREFIX and key in self.prefixes:
            return self.prefixes[key]
        for size in range(len(key) - 1, MIN_PREFIX - 1, -1):
            if key[:size] in self.counts:
                return key[:size]
        return None

    def overlap(self, sentence: str, run_on: bool = False, english: bool = True) -> int:
        """Weighted shared words: 2 for a specific word, 1 for a common one.

        For a `run_on` sentence only specific words count, a long word is not
        specific by its length alone, and shared names written next to each other
        count once: "Ashby Vale" is one place, one piece of evidence, however many
        words it takes. In a text that is not `english`, the stopwords are no guide
        ("nicht", "les" would be shared content): only long words count, as written.
        """
        score, name_end = 0, None  # name_end: where the last shared name ended
        seen: set[str] = set()
        for found_word in WORD.finditer(sentence):
            word = found_word.group()
            if not is_content(word) or word.lower() in seen or not english and len(word) < LONG_WORD:
                continue
            seen.add(word.lower())
            key = stem(word)
            found = self.match(key) if english else (key if key in self.counts else None)
            if found is None:
                continue
            if run_on and word[0].isupper() and found in self.names:
                same_name = name_end is not None and sentence[name_end:found_word.start()] == " "
                name_end = found_word.end()
                if same_name:
                    continue
            specific = (self.counts[found] >= 2 or found in self.names
                        or (len(word) >= LONG_WORD and not run_on))
            score += 2 if specific else 0 if run_on else 1
        return score


def is_title_case(sentence: str) -> bool:
    """Most words of four letters or more capitalized; a day's or a month's name is capitalized
    in any sentence, so it tells nothing ("Lines are open Monday to Friday.")."""
    words = [w for w in WORD.findall(sentence) if len(w) >= 4 and w.lower() not in CALENDAR_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def unpunctuated(sentence: str) -> bool:
    return sentence.rstrip(CLOSERS)[-1:] not in ".!?…"


def looks_like_headline(sentence: str, run_on: bool = False) -> bool:
    """Title Case, a " | " separator, or no final punctuation; a "Label:
    value" line (image credit, source) is not a headline unless a site's name
    follows it ("Watch: Drivers stranded on I-94 | Channel 6") or it is run on
    after a sentence of its line."""
    if LABEL.match(sentence) and " | " not in sentence and not run_on:
        return False
    return is_title_case(sentence) or " | " in sentence or unpunctuated(sentence)


def kept_by_shape(sentence: str, run_on: bool = False, glued: bool = False) -> bool:
    """Shaped like article prose or a list, whatever its words.

    A contact line (an e-mail or web address: a press release's "Media contact: Ann
    Lee, ann@example.com", "For more information, visit www.example.com") is no
    headline either.

    Prose: long, a quote, a sentence-case question, past-tense attribution
    ("said": headlines say "says"), opening in lower case, or a pronoun
    before any name (it points back into the article). A list: a "Label:
    value" line (specifications, credits) with a short value; a longer value
    is read on its own ("FTC: We use affiliate links." is prose, "Football:
    Town edge past Rovers in cup thriller." a kicker over a headline). A
    `run_on` sentence (see the module's notes) is no list item, its
    "you" or "your" is the reader, not someone in the article, and only a
    pronoun among its first `RUN_ON_PRONOUN_WORDS` words points back ("...
    to ignore them" points into the headline itself). A `glued` sentence (no space
    after the stop before it: two texts run together) that asks a question is no
    prose by that alone: headlines ask questions ("Is spring snow worth the 4 a.m. alarm?").
    """
    words = WORD.findall(sentence)
    quoted = QUOTE_HEADLINE.match(sentence)
    if quoted:  # the quotation is someone's words: the headline's own are after the colon
        return kept_by_shape(sentence[quoted.end():], run_on, glued)
    if not words or sentence[0].islower() or OPENING_QUOTE.match(sentence) or CONTACT.search(sentence) \
            or WEB_ADDRESS.search(sentence) and "<" not in sentence:
        return True
    label = None if run_on else LABEL.match(sentence)
    if label:  # a list's value is short; a longer one is read on its own
        value = sentence[label.end():]
        return len(value.split()) <= LABEL_VALUE_WORDS or kept_by_shape(value)
    if len(sentence.split()) > MAX_HEADLINE_WORDS or "said" in (w.lower() for w in words):
        return True
    if sentence.rstrip(CLOSERS).endswith("?") and not is_title_case(sentence) and not glued:
        return True
    ignored = READER_PRONOUNS if run_on else frozenset()
    first = CONTRACTION.sub("", words[0].lower() if words[0][1:].islower() else words[0])
    if first in OPENING_PRONOUNS and first.lower() not in ignored:
        return True
    for i, found in enumerate(WORD.finditer(sentence)):
        word = found.group()
        # "I" in a road's or a model's name ("I-94", "I.D.") is no pronoun
        after = sentence[found.end():found.end() + 1]
        named = word == "I" and after != "" and after in NAME_AFTER_I
        pronoun = CONTRACTION.sub("", word)
        if pronoun in PRONOUNS and not named and pronoun.lower() not in ignored \
                and (not run_on or i < RUN_ON_PRONOUN_WORDS):
            return True
        if i and word[0].isupper():
            return False
    return False


def _english(text: str) -> bool:
    """Whether the text's end (its last `ENGLISH_SAMPLE` characters, where the walk is) is
    English by its share of STOPWORDS."""
    words = WORD.findall(text, max(0, len(text) - ENGLISH_SAMPLE))
    return sum(word.lower() in STOPWORDS for word in words) >= ENGLISH_SHARE * len(words)


def too_short_to_judge(sentence: str) -> bool:
    return len({stem(w) for w in content_words(sentence)}) < MIN_CONTENT_WORDS


def _credit_apart(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of `line`, a credit in parentheses that opens it made one of its own:
    "(Reporting by Ann Lee) Rice prices to fall" holds no stop for the sentence splitter,
    and the headline glued after the credit, with a space or none ("...Tom Hay)Rice
    prices to fall"), is a sentence apart."""
    close = line.find(")")
    if not line.startswith("(") or close < 0 or not CREDIT.match(line):
        return spans
    after = close + 1 + (line[close + 1:close + 2] == " ")  # the headline's first letter
    if not line[after:after + 1].isupper():
        return spans
    cut = close + 1
    return [part for start, end in spans
            for part in ([(start, cut), (after, end)] if start < cut < end - 1 else [(start, end)])]


def _unglued(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence [start, end) of `line`, cut where a capitalized word (or a word of a script
    with no capitals) is glued to its end."""
    spans = []
    for match in GLUED.finditer(line, start, end):
        word = match.group(1)
        if (word.islower() and word not in ABBREVIATIONS) or word.isdigit() or word.lower() in CALENDAR_WORDS \
                or word.lower() == word.upper() \
                or (GLUED_NAME.fullmatch(word) and word.lower() not in ABBREVIATIONS) \
                or (word in DATED_MONTHS and DAY_BEFORE.search(line, 0, match.start(1))):
            spans.append((start, match.end()))
            start = match.end()
    return spans + [(start, end)]


def _after_abbreviation(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans`, the last sentence of the page cut after a dotted abbreviation or a name's
    suffix ("... at 6 p.m. Storm closes coastal road", "... run by Ann Lee Jr. Harbour
    confirms new event") when the words after it end in no stop: the sentence splitter
    keeps "p.m. Storm" together, as a name may follow, but a sentence ends in a stop and a
    glued headline does not. Only a sentence shaped as prose is cut: one that is a headline
    as a whole ("Ann Lee withdraws from U.S. Open qualifying") is judged whole. The walk
    then judges the words after the abbreviation as any sentence."""
    if not spans:
        return spans
    start, end = spans[-1]
    if not unpunctuated(line[start:end]) or not kept_by_shape(line[start:end]):
        return spans  # a sentence with its stop, or one a headline already ("... from U.S. Open qualifying")
    for found in reversed(list(ABBREVIATION_GLUE.finditer(line, start, end))):
        if len(line[found.end():end].split()) >= MIN_CONTENT_WORDS:
            return spans[:-1] + [(start, found.end(1)), (found.end(), end)]
    return spans


def _asks(sentence: str) -> bool:
    """A question: the shape of many headlines, read as one when glued on with no space."""
    return sentence.rstrip(CLOSERS).endswith("?")


def _opens_headline(sentence: str, run: list[tuple[int, int, bool, bool]]) -> bool:
    """Whether a sentence glued on with no space opens a headline of two sentences ("...jednego
    jabłka.Burza nad powiatem. Strażacy wyjeżdżali 40 razy"): it is of a headline's length,
    and the one sentence after it, the page's last, ends in no stop (a paragraph's last
    sentence ends in one) and was not kept as the article's. The two must also share no
    topic with the article (see `_walk`): a sentence run on with a missing space is the
    article's when it does."""
    return len(sentence.split()) <= MAX_HEADLINE_WORDS and len(run) == 1 and run[0][3]


def _glued_without_space(text: str, start: int) -> bool:
    """Whether the sentence at `start` follows the one before with no space after its stop
    ("...for hire.Anglers' fury as fees double")."""
    return start > 0 and text[start - 1] in ".!?۔।\"”’“»)" and text[start - 2:start - 1].strip() != ""


class StripTrailingHeadlines:
    """Remove off-topic sentences after the article's last on-topic sentence."""

    name = "trailing-headlines"
    description = "unrelated headlines glued after the article's last sentence"

    def __init__(self, min_words: int = 250):
        self.min_words = min_words

    def run(self, text: str, context: Context) -> StepResult:
        edits = self._walk(text)
        first = edits[0].start if edits else len(text)
        return StepResult(edits=self._glued_endings(text, first) + edits)

    def _glued_endings(self, text: str, before: int) -> tuple[Edit, ...]:
        """Headlines glued with no space to the stop that ends one of the last `GLUED_LINES`
        lines above offset `before`, when a box the walk stops at follows them (a
        production's dates under a review, a press contact under a release)."""
        found = []
        for line_start, line_end in reversed(list(islice(lines_backwards(text, before), GLUED_LINES))):
            line = text[line_start:line_end]
            if not GLUE_HINT.search(line):
                continue  # no stop with a word right after it: nothing glued
            spans = [(line_start + a, line_start + b) for span in sentence_spans(line)
                     for a, b in _unglued(line, *span)]
            if len(spans) < 2:
                continue
            start, end = spans[-1]
            sentence = text[start:end]
            if end == line_end and _glued_without_space(text, start) \
                    and looks_like_headline(sentence, True) and not kept_by_shape(sentence, True) \
                    and len(text[:start].split()) >= self.min_words:
                found.append(Edit(start, end, "", "trailing-headlines.glued",
                                  "unrelated headline glued with no space to a paragraph's stop"))
        return tuple(found)

    def _walk(self, text: str) -> tuple[Edit, ...]:
        """Walk back from the last sentence; the edits cutting what is off-topic after the
        article's last sentence."""
        run: list[tuple[int, int, bool, bool]] = []  # (start, end, judged off-topic, run on)
        after_credit: tuple[Edit, ...] = ()  # headlines after a credit line, cut apart
        english = lru_cache(maxsize=1)(lambda: _english(text))  # read once, when needed
        asked: set[int] = set()  # off-topic questions glued with no space: headlines' shape
        glued_on: set[int] = set()  # headlines cut for their glue, whatever their topic
        for start, end in reversed(self._tail_sentences(text)):
            sentence = text[start:end]
            if CREDIT.search(sentence) and text[start - 1:start] in ("", "\n"):
                # the article's credit line stays, and the walk goes on above it
                after_credit = self._cut(text, end, run) + after_credit
                run = []
                continue
            short = too_short_to_judge(sentence)
            before = text[text.rfind("\n", 0, start) + 1:start]
            run_on = unpunctuated(sentence) and bool(before.strip())
            topic = RUN_ON_TOPIC if run_on else TOPIC
            after_credit_on_line = run_on and bool(CREDIT.search(before))  # the article ends at its credit
            glued = _glued_without_space(text, start)
            if glued and _opens_headline(sentence, run) \
                    and Reference(text[:start]).overlap(text[start:run[0][1]], False, english()) < TOPIC:
                # the headline's second sentence goes with it, however short
                run = [(start, end, True, run_on), (*run[0][:2], True, True)]
                glued_on.add(start)
                continue
            if glued and looks_like_headline(sentence, run_on):
                # no space after the stop: two texts run together, not one writer's sentences;
                # a headline there is cut whatever words it shares with the article
                run.insert(0, (start, end, True, run_on))
                glued_on.add(start)
                continue
            if not after_credit_on_line and (kept_by_shape(sentence, run_on, glued) or (not short and (
                    (not looks_like_headline(sentence, run_on) and not english())
                    or Reference(text[:start]).overlap(sentence, run_on, english()) >= topic))):
                return self._cut(text, end, run, asked, glued_on) + after_credit
            run.insert(0, (start, end, not short, run_on))
            if glued and _asks(sentence):
                asked.add(start)
        return after_credit

    @staticmethod
    def _tail_sentences(text: str) -> list[tuple[int, int]]:
        """The last MAX_RUN + 1 sentences: the walk cannot remove more."""
        tail: list[tuple[int, int]] = []
        for line_start, line_end in lines_backwards(text, len(text)):
            line = text[line_start:line_end]
            spans = [part for span in _credit_apart(line, sentence_spans(line)) for part in _unglued(line, *span)]
            if not tail:
                spans = _after_abbreviation(line, spans)
            tail[:0] = [(line_start + a, line_start + b) for a, b in spans]
            if len(tail) > MAX_RUN:
                break
        return tail[-MAX_RUN - 1:]

    def _cut(self, text: str, keep_end: int, run: list[tuple[int, int, bool, bool]],
             asked: set[int] | frozenset[int] = frozenset(),
             glued_on: set[int] | frozenset[int] = frozenset()) -> tuple[Edit, ...]:
        """Remove the run after its leading unjudged sentences, which stay. A lone judged
        sentence goes only when shaped as a headline, or a question glued on with no space
        (its start in `asked`). The sentences before a headline cut for its glue (its start
        in `glued_on`) are judged as if it were not there: a lone one of them stays unless
        shaped as a headline ("...where entries close on Wednesday.Police appeal after ...")."""
        while run and not run[0][2]:
            keep_end = run.pop(0)[1]
        # the first glued-on headline's index; 0 when there is none, as when it comes first:
        # either way no sentence stands before it to judge
        glued_at = next((i for i, (start, *_) in enumerate(run) if start in glued_on), 0)
        judged_before = [(start, text[start:end], run_on) for start, end, off_topic, run_on in run[:glued_at]
                         if off_topic]
        if glued_at and len(judged_before) == 1 and not looks_like_headline(*judged_before[0][1:]) \
                and judged_before[0][0] not in asked:
            keep_end, run = run[glued_at - 1][1], run[glued_at:]
        judged = [(start, text[start:end], run_on) for start, end, off_topic, run_on in run if off_topic]
        run_ons_only = judged and all(run_on for _, _, run_on in judged)
        least = min(RUN_ON_MIN_WORDS, self.min_words) if run_ons_only else self.min_words
        if not run or len(text[:keep_end].split()) < least:
            return ()
        whole_lines = text[keep_end:run[-1][1]].split("\n")[1:]
        if any(len(line.split()) > MAX_PARAGRAPH_WORDS for line in whole_lines):
            return ()
        if len(judged) == 1 and not looks_like_headline(*judged[0][1:]) and judged[0][0] not in asked:
            return ()
        return (Edit(keep_end, run[-1][1], "", "trailing-headlines.off-topic",
                     "unrelated headline glued after the article"),)
