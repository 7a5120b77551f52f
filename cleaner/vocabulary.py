"""What word was meant: an English vocabulary with frequencies, and the choice of a correction.

Frequencies come from wordfreq's "large" English list (321k words, shipped
inside the package: no download). It was chosen by measurement on the gold
bodies of the development benchmark: it leaves 36 lowercase tokens per 10,000
words unknown (mostly German, Indonesian and Portuguese quotations), against
147 for pyspellchecker and 262 for symspellpy's 82k list, and it knows news
names (Kyiv, Yonhap, Zelensky) and British spellings ("mechanised").

`Vocabulary.suggest` picks a correction the way a noisy-channel spell checker
does: candidates are common words within optimal-string-alignment distance 2
(a transposition counts as one), weighed by their frequency, by how easily the
fingers make that slip (`channel`), and by whether the document uses them
elsewhere. A correction is returned only when one candidate dominates all the
others and the word itself; common words of other languages (wordfreq's
"small" lists) are never corrected. Candidates are found through a delete index
(SymSpell's idea): the index holds each common word and its one-letter
deletions; a query looks up the word and its deletions of up to two letters,
then measures the true distance. That finds every candidate at distance 1,
and those at distance 2 where the typo has at least one extra, wrong or
swapped letter (two letters missing, or two wrong, are left to the curated
list of `rules/typos.txt`).
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Mapping

# Zipf scale: log10 of frequency per billion words; 3.0 is once per million words.
# A correction must be at least this common: rarer words are too often the
# intended word's less common neighbour, and the index stays small (28k words).
TARGET_ZIPF = 3.0
# Words rarer than this (once in 100 million words) are suspects too: wordfreq's
# web sources leave typos in its long tail ("iwth", "loooking").
RARE_ZIPF = 2.0
# A known (rare) word competes as its own candidate with its frequency times this:
# a word on the page is far more likely meant than mistyped.
SELF_WEIGHT = 1000.0
# The best candidate must weigh this many times the next one (and the word itself).
DOMINANCE = {1: 10.0, 2: 100.0}
# Below this length a word has too many neighbours to pick one safely; above the
# other, it is no word (and its candidates would cost time cubic in its length).
MIN_LENGTH = 4
MAX_LENGTH = 30
# Distance-2 corrections only for longer words (short ones have too many neighbours there),
# and only to a word the document uses elsewhere: on the development pages, three of the
# four distance-2 corrections without that evidence were wrong ("natsfan" -> "nathan").
MIN_LENGTH_DISTANCE_2 = 7
# A candidate the document uses elsewhere is this much likelier: writers repeat their topic's words.
SEEN_BOOST = 10.0
# Weight of a letter struck or slipped in that is not next to its neighbours on the keyboard.
FAR_KEY = 0.1
KEYBOARD_NEIGHBOURS = {
    "q": "wa", "w": "qesa", "e": "wrds", "r": "etfd", "t": "rygf", "y": "tuhg", "u": "yijh",
    "i": "uokj", "o": "iplk", "p": "ol", "a": "qwsz", "s": "weadzx", "d": "erfsxc", "f": "rtgdcv",
    "g": "tyhfvb", "h": "yujgbn", "j": "uikhnm", "k": "iojlm", "l": "opk", "z": "asx",
    "x": "zsdc", "c": "xdfv", "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk"}
# Two words joined are a compound ("eartips", "backglass") when both are this common.
COMPOUND_ZIPF = 3.5
# An unknown English word that is a common word (wordfreq's "small" list) of one of these
# languages is a foreign word, not a typo: English text quotes them most.
OTHER_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "id")
# A common word with one of these is a coinage, not a typo ("unfollowed", "defensing").
PREFIXES = ("anti", "counter", "cyber", "dis", "hyper", "inter", "mega", "micro", "mini", "mis",
            "multi", "non", "out", "over", "post", "pre", "re", "semi", "sub", "super", "ultra", "un",
            "under")
SUFFIXES = ("ing", "ings", "ed", "er", "ers", "est", "ly", "ness", "less", "ful", "ism", "ist",
            "ists", "ize", "ise", "ized", "ised", "able", "ship", "like", "wise")


def zipf(frequency: float) -> float:
    """wordfreq's Zipf value of a frequency (0.0 for an unknown word)."""
    return math.log10(frequency) + 9 if frequency > 0 else 0.0


def osa_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance, or `limit + 1` once it is known to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[len(b)], limit + 1)


def channel(typo: str, word: str) -> float:
    """How easily the fingers turn `word` into `typo` (both at distance 1), from 0 to 1.

    A key struck instead of its neighbour, a doubled letter, a neighbour key
    slipped in, a letter left out and two letters swapped are all common; a
    wrong letter far from the right key is not.
    """
    if len(typo) == len(word):
        wrong = [i for i in range(len(word)) if typo[i] != word[i]]
        if len(wrong) == 1 and typo[wrong[0]] not in KEYBOARD_NEIGHBOURS.get(word[wrong[0]], ""):
            return FAR_KEY
        return 1.0
    if len(typo) == len(word) + 1:
        i = next((i for i in range(len(word)) if typo[i] != word[i]), len(word))
        extra, around = typo[i], typo[max(i - 1, 0):i] + typo[i + 1:i + 2]
        if any(extra == c or extra in KEYBOARD_NEIGHBOURS.get(c, "") for c in around):
            return 1.0
        return FAR_KEY
    return 1.0


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@dataclass(frozen=True)
class Candidate:
    word: str
    distance: int
    frequency: float


@dataclass(frozen=True)
class Suggestion:
    """The correction (or None), why there is none, and the candidates considered, best first."""

    word: str | None
    why: str
    candidates: tuple[Candidate, ...] = ()


class Vocabulary:
    """Word frequencies of one language, and corrections for words that look misspelt."""

    def __init__(self, language: str, frequencies: Mapping[str, float],
                 foreign: frozenset[str] = frozenset(), rare_zipf: float = RARE_ZIPF):
        self.language = language
        self.frequencies = frequencies
        self.foreign = foreign
        floor = 10 ** (rare_zipf - 9)
        self.rare = frozenset(w for w, f in frequencies.items() if f < floor)
        self._index: dict[str, list[str]] = {}
        for word, frequency in frequencies.items():
            if zipf(frequency) >= TARGET_ZIPF and word.isascii() and word.isalpha() and word.islower():
                for key in {word} | _deletions(word):
                    self._index.setdefault(key, []).append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.frequencies

    def frequency(self, word: str) -> float:
        return self.frequencies.get(word, 0.0)

    def zipf(self, word: str) -> float:
        return zipf(self.frequencies.get(word, 0.0))

    @functools.lru_cache(maxsize=65536)
    def candidates(self, word: str) -> tuple[Candidate, ...]:
        """Common words within distance 2 of `word`, nearest then most frequent first."""
        keys = {word} | _deletions(word)
        for key in list(keys):
            keys |= _deletions(key)
        found = {c for key in keys for c in self._index.get(key, ())}
        scored = []
        for other in found:
            distance = osa_distance(word, other)
            if 0 < distance <= 2:
                scored.append(Candidate(other, distance, self.frequencies[other]))
        return tuple(sorted(scored, key=lambda c: (c.distance, -c.frequency, c.word)))

    def suggest(self, word: str, seen: Mapping[str, int]) -> Suggestion:
        """The one dominant correction for a suspect lowercase word; `seen` counts the document's words."""
        if len(word) < MIN_LENGTH:
            return Suggestion(None, "too short to judge")
        if len(word) > MAX_LENGTH:
            return Suggestion(None, "too long to be a word")
        if seen.get(word, 0) > 1:
            return Suggestion(None, "used more than once in the document")
        if word in self.foreign and word not in self.frequencies:
            return Suggestion(None, "a common word of another language")
        if self._affixed(word):
            return Suggestion(None, "a known word with a prefix or suffix")
        own = self.frequency(word) * SELF_WEIGHT
        candidates = self.candidates(word)
        for distance in (1, 2):
            near = [c for c in candidates if c.distance == distance]
            if not near:
                continue
            if distance == 2 and len(word) < MIN_LENGTH_DISTANCE_2:
                return Suggestion(None, "only distant candidates for a short word", tuple(near))
            if distance == 2 and self._compound(word):
                return Suggestion(None, "two known words joined", tuple(near))
            if distance == 2 and not any(seen.get(c.word) for c in near):
                return Suggestion(None, "only distant candidates, none used in the document", tuple(near))
            weight = {c.word: c.frequency * (channel(word, c.word) if distance == 1 else 1.0)
                      * (SEEN_BOOST if seen.get(c.word) else 1.0) for c in near}
            near.sort(key=lambda c: (-weight[c.word], c.word))
            runner_up = max([weight[c.word] for c in near[1:]] + [own])
            if weight[near[0].word] < DOMINANCE[distance] * runner_up:
                return Suggestion(None, "no dominant candidate", tuple(near))
            return Suggestion(near[0].word, "", tuple(near))
        return Suggestion(None, "no candidate")

    def _common(self, word: str, min_zipf: float = TARGET_ZIPF) -> bool:
        return len(word) >= 3 and self.zipf(word) >= min_zipf

    def _affixed(self, word: str) -> bool:
        """A common word with a prefix or suffix: new, not misspelt ("unfollowed", "defensing")."""
        if any(word.startswith(p) and len(word) - len(p) >= 4 and self._common(word[len(p):])
               for p in PREFIXES):
            return True
        return any(word.endswith(s) and len(word) - len(s) >= 4
                   and (self._common(word[:-len(s)]) or self._common(word[:-len(s)] + "e"))
                   for s in SUFFIXES)

    def _compound(self, word: str) -> bool:
        """Two common words joined ("eartips", "backglass"): a compound, not two typos."""
        return any(self._common(word[:i], COMPOUND_ZIPF) and self._common(word[i:], COMPOUND_ZIPF)
                   for i in range(3, len(word) - 2))


@functools.cache
def english() -> Vocabulary:
    """The English vocabulary, loaded once per process (about 0.8 s)."""
    import wordfreq  # imported here: only the typo step needs it

    foreign = frozenset(word for language in OTHER_LANGUAGES
                        for word in wordfreq.get_frequency_dict(language, wordlist="small")
                        if word.isascii() and word.isalpha())
    return Vocabulary("en", wordfreq.get_frequency_dict("en", wordlist="large"), foreign)


VOCABULARIES = {"en": english}


def for_language(language: str | None) -> Vocabulary | None:
    """The shipped vocabulary for `language`, or None when we ship none."""
    loader = VOCABULARIES.get(language or "")
    return loader() if loader else None
