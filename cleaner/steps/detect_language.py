"""detect-language: name the document's language, note foreign paragraphs, drop unwanted languages.

langdetect (seeded, so the same text always gets the same answer) judges
where there is doubt. It costs milliseconds a call and misjudges short lines
("Subscribe" comes out Latin), so it only ever sees paragraphs of at least
`JUDGE_MIN_CHARS`, one bounded sample per document (`SAMPLE_CHARS`), and at
most `MAX_PARAGRAPH_CHECKS` doubtful paragraphs. A cheap test answers first
where the answer is not in doubt: prose whose words are 15 % or more English
function words, with almost no German, French, Spanish, Italian, Portuguese,
Dutch, Indonesian or Swedish ones, is English; a paragraph with no function
word of any language and few lowercase words (names, menus, markup) is not
prose and is not judged.

Records `language` (a langdetect code, or "und" when too little prose is
there to judge), `language_probability` (langdetect's, or None when the
cheap test decided), `language_method`, and `foreign_paragraphs`: paragraphs
in another language, with offsets into this step's input and an excerpt.

Deliberately keeps every paragraph: a foreign quotation inside an article is
content. Drops the document only when the `keep` option names languages and
the document's is judged to be none of them (an undetermined one is kept).
Relies on earlier steps having removed page debris, which is short, often
foreign-looking and would only confuse the judge.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Iterable, Sequence

from cleaner.steps.base import Context, StepResult

# langdetect is unreliable below about 40 characters; a paragraph is judged from here on.
JUDGE_MIN_CHARS = 60
# A paragraph is called foreign from here on: shorter ones are mostly names and bylines.
FOREIGN_MIN_CHARS = 100
# One sample of the document's longest paragraphs, this many characters at most.
SAMPLE_CHARS = 1200
# Doubtful paragraphs sent to langdetect per document; the rest are counted, not judged.
MAX_PARAGRAPH_CHECKS = 4
# Below this probability langdetect's verdict on a paragraph is not recorded.
PARAGRAPH_MIN_PROBABILITY = 0.9
UNDETERMINED = "und"

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Tokens of markup and addresses, which say nothing about the language.
NOT_TEXT = re.compile(r"https?:|www\.|\.com|\.html?|[<>=/{};]")
# Frequent English function words that are not also frequent words of the languages below.
ENGLISH_MARKERS = frozenset("""
the of and to that for with on are be by this have from or at but not they his her he she
we you has had were which their been would there said who its more can about than into after
also when up out all one new them what our your these those other some could should because
just how over only any most such may made being while where did does do very before between
""".split())
# Frequent function words of other Latin-script languages that are not English words.
FOREIGN_MARKERS = frozenset("""
und der das ist nicht mit sich auf für ein eine dem zu auch wird werden sind oder dass noch
dieser diese sollen wurde haben nach bei wie aber ohne über
les des est une dans pour qui pas sur avec aux du au ce sont mais cette leur été le la que
selon ont avait sera également très
los las del por una para como pero más está muy sus ella fue
il della che di sono gli anche nel alla più questo
não uma das na ao pelo pela mais foi também
het een niet zijn voor dat deze ook aan wordt naar
yang dan dengan untuk ini itu dari tidak dalam akan pada juga
och att är det som på för inte med
""".split()) - ENGLISH_MARKERS
# The cheap tests. On the development pages English samples have 15-50 % English
# function words and other languages' samples at most 2 %; a paragraph inside an
# English document needs fewer (lists of names and figures have few), as long as
# foreign function words stay rare.
DOCUMENT_ENGLISH_SHARE = 0.15
PARAGRAPH_ENGLISH_SHARE = 0.08
FOREIGN_MAX_SHARE = 0.02
CHEAP_MIN_WORDS = 8
# Prose in any alphabet with case has many lowercase words; names, menus and credits do not.
NOT_PROSE_LOWERCASE_SHARE = 0.3


def marker_counts(text: str) -> tuple[list[str], int, int]:
    """The words, and how many are English markers and foreign markers (as written: lowercase).

    Splits on white space, not with a regex: this runs on every long paragraph,
    and a marker with punctuation glued on ("the,") is rare enough to miss.
    """
    words = text.split()
    english = sum(map(ENGLISH_MARKERS.__contains__, text.lower().split()))
    return words, english, sum(map(FOREIGN_MARKERS.__contains__, words))


def looks_english(text: str) -> bool:
    """True when `text` is plainly English prose; False means "in doubt", not "foreign"."""
    words, english, foreign = marker_counts(text)
    return (len(words) >= CHEAP_MIN_WORDS and english >= DOCUMENT_ENGLISH_SHARE * len(words)
            and foreign <= FOREIGN_MAX_SHARE * len(words))


def looks_foreign(text: str) -> bool:
    """True when `text` has at least as many foreign function words as English ones (two or more)."""
    _, english, foreign = marker_counts(text)
    return foreign >= 2 and foreign >= english


def paragraph_kind(text: str) -> str:
    """"english", "not prose" (names, menus, markup: few lowercase words), or "doubtful"."""
    words, english, foreign = marker_counts(text)
    if len(words) >= CHEAP_MIN_WORDS and english >= PARAGRAPH_ENGLISH_SHARE * len(words) \
            and foreign <= FOREIGN_MAX_SHARE * len(words):
        return "english"
    if english == foreign == 0:
        words = WORD.findall(" ".join(w for w in words if not NOT_TEXT.search(w)))
        if len(words) < CHEAP_MIN_WORDS or sum(not w[0].isupper() for w in words) \
                < NOT_PROSE_LOWERCASE_SHARE * len(words):
            return "not prose"
    return "doubtful"


@functools.cache
def _factory():
    """langdetect's profiles, loaded once per process, with a fixed seed."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return factory


def langdetect(text: str) -> tuple[str, float] | None:
    """langdetect's best language and its probability, or None when it finds no features."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text[:SAMPLE_CHARS])
    try:
        best = detector.get_probabilities()
    except LangDetectException:
        return None
    return (best[0].lang, round(best[0].prob, 4)) if best else None


def paragraphs(text: str, min_chars: int = JUDGE_MIN_CHARS) -> list[tuple[int, int]]:
    """(start, end) of every line long enough to judge, without its newline."""
    spans, offset = [], 0
    for line in text.split("\n"):
        if len(line.strip()) >= min_chars:
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def sample(text: str, spans: Sequence[tuple[int, int]], limit: int = SAMPLE_CHARS) -> str:
    """The longest paragraphs, up to `limit` characters, in document order."""
    chosen, total = [], 0
    for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if total >= limit:
            break
        chosen.append((start, min(end, start + limit - total)))
        total += chosen[-1][1] - start
    return "\n".join(text[s:e] for s, e in sorted(chosen))


class DetectLanguage:
    """Record the document's language and its foreign paragraphs; drop languages not kept."""

    name = "detect-language"
    description = "detect the language (langdetect, seeded), note foreign paragraphs, --lang filter"

    def __init__(self, keep: Iterable[str] | None = None,
                 max_paragraph_checks: int = MAX_PARAGRAPH_CHECKS) -> None:
        self.keep = tuple(sorted({code.strip().lower() for code in keep or () if code.strip()}))
        self.max_paragraph_checks = max_paragraph_checks

    def prepare(self) -> None:
        _factory()

    def run(self, text: str, context: Context) -> StepResult:
        spans = paragraphs(text)
        language, probability, method = self._document_language(text, spans)
        metadata: dict[str, Any] = {"language": language, "language_probability": probability,
                                    "language_method": method}
        if self.keep and language != UNDETERMINED and language not in self.keep:
            return StepResult(metadata=metadata,
                              drop=f"language {language} not in {','.join(self.keep)}")
        foreign, unchecked = self._foreign_paragraphs(text, spans, language)
        metadata["foreign_paragraphs"] = foreign
        if unchecked:
            metadata["paragraphs_not_judged"] = unchecked
        return StepResult(metadata=metadata)

    def _document_language(self, text: str, spans) -> tuple[str, float | None, str]:
        prose = sample(text, spans)
        if not prose:
            return UNDETERMINED, None, "too little prose to judge"
        if looks_english(prose):
            return "en", None, "english function words"
        verdict = langdetect(prose)
        if verdict is None:
            return UNDETERMINED, None, "langdetect found no features"
        return verdict[0], verdict[1], "langdetect"

    def _foreign_paragraphs(self, text: str, spans, language: str) -> tuple[list[dict], int]:
        """Paragraphs langdetect judges to be in another language than the document's.

        In an English document the doubtful paragraphs are those the cheap test
        cannot call English or "not prose"; in another language's document, the
        ones that look English (we know no other language's prose cheaply).
        """
        if language == UNDETERMINED:
            return [], 0
        kinds = [(s, e, paragraph_kind(text[s:e])) for s, e in spans if e - s >= FOREIGN_MIN_CHARS]
        if language == "en":
            doubtful = [(s, e) for s, e, kind in kinds if kind == "doubtful"]
        else:
            doubtful = [(s, e) for s, e, kind in kinds if kind == "english"]
        foreign = []
        for start, end in doubtful[:self.max_paragraph_checks]:
            verdict = langdetect(text[start:end])
            if verdict and verdict[0] != language and verdict[1] >= PARAGRAPH_MIN_PROBABILITY:
                foreign.append({"start": start, "end": end, "language": verdict[0],
                                "probability": verdict[1], "excerpt": text[start:end][:80]})
        return foreign, max(0, len(doubtful) - self.max_paragraph_checks)
