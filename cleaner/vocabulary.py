"""What word was meant: an English vocabulary with frequencies, and the choice of a correction.

Frequencies come from wordfreq's "large" English list (321k words, shipped
inside the package: no download). It was chosen by measurement on the gold
bodies of the development benchmark: it leaves 36 lowercase tokens per 10,000
words unknown (mostly German, Indonesian and Portuguese quotations), against
147 for pyspellchecker and 262 for symspellpy's 82k list, and it knows news
names (Kyiv, Yonhap, Zelensky) and British spellings ("mechanised").

`Vocabulary.suggest` picks a correction the way a noisy-channel spell checker
does: candidates are common words within optimal-string-alignment distance 2
(a transposition counts as one). Each candidate at distance 1 is weighed by
how likely the writer meant it (its frequency in English, mixed with how often
the page itself uses it, alone and beside the same neighbours: `PageWords`)
times the chance that one slip of the fingers turns it into what is written
(`channel`). The word as written competes too: a rare listed word (more so
when the page uses it in another form, "deportees" for "deportee"), a common
word of another language, or a known word with a prefix or suffix (a
coinage). A correction is returned only when its weight is most of the total
(`MIN_POSTERIOR`). Distance-2 candidates are weighed by frequency alone and
must dominate by far, and only toward a word the page uses elsewhere.

Candidates are found through a delete index (SymSpell's idea): the index holds
each common word and its one-letter deletions; a query looks up the word and
its deletions of up to two letters, then measures the true distance. That
finds every candidate at distance 1, and those at distance 2 where the typo
has at least one extra, wrong or swapped letter (two letters missing, or two
wrong, are left to the curated list of `rules/typos.txt`).
"""
from __future__ import annotations

import bisect
import collections
import functools
import math
import re
from dataclasses import dataclass
from typing import Mapping

# Zipf scale: log10 of frequency per billion words; 3.0 is once per million words.
# A correction must be at least this common: rarer words are too often the
# intended word's less common neighbour, and the index stays small (28k words).
TARGET_ZIPF = 3.0
# Words rarer than this (once in 100 million words) are suspects too: wordfreq's
# web sources leave typos in its long tail ("iwth", "loooking").
RARE_ZIPF = 2.0
# The word as written, when listed, weighs its frequency times this against each
# candidate's frequency times the chance of the slip (`channel`): a slip on a given
# letter is taken as some hundreds of times rarer than the word meant as written. On the
# development pages, rare words ("gibe", "caner", "smarm") stay, and would at three
# quarters of this weight, while the slips in the web's long tail ("anwser", "especialy")
# are fixed.
SELF_WEIGHT = 200.0
# A distance-1 correction needs this share of the weight of all readings of the word
# (the word as written and every candidate): the chance that it is the word meant.
MIN_POSTERIOR = 0.7
# A distance-2 correction (never of a listed word, a foreign one or a coinage) must weigh
# this many times the next candidate; one the page uses elsewhere weighs this many times
# its frequency.
DOMINANCE_DISTANCE_2 = 100.0
SEEN_BOOST = 10.0
# Shorter words (one or two letters) have too many neighbours to pick one safely; a longer
# one than MAX_LENGTH is no word (and its candidates would cost time cubic in its length).
MIN_LENGTH = 3
MAX_LENGTH = 30
# Distance-2 corrections only for longer words (short ones have too many neighbours there),
# and only to a word the document uses elsewhere: on the development pages, three of the
# four distance-2 corrections without that evidence were wrong ("natsfan" -> "nathan").
MIN_LENGTH_DISTANCE_2 = 7
# Document-local evidence, as in a cache language model (Kuhn and De Mori, 1990): a
# word's prior mixes its frequency in English with its share of the page's words, and
# with how often the page puts it beside the same neighbours. Writers repeat their
# topic's words, so "missile" used elsewhere makes "missle" far likelier to be it, while
# a word as common as "the" gains little.
PAGE_SHARE = 0.1
NEIGHBOUR_SHARE = 0.1
# How one slip of the fingers turns a word into a typo (`channel`). The four slips are
# taken as equally likely on any one letter; a wrong key is almost always a neighbour of
# the right one, and an extra key is the same key struck twice or a neighbour struck with
# it. A key far from the right one weighs this much of a neighbour's share, more when both
# are vowels: the letters spellers confuse most ("seperate", "definately").
SLIP = 0.25
FAR_KEY = 0.01
FAR_VOWEL = 0.1
VOWELS = frozenset("aeiou")
# Misspellings rarely touch the first letter: 7.8 % of them in Pollock and Zamora's
# collection (1983, "Collection and characterization of spelling errors in scientific and
# scholarly text"), about half of what an even spread over the letters would give.
FIRST_LETTER = 0.5
KEYBOARD_NEIGHBOURS = {
    "q": "wa", "w": "qesa", "e": "wrds", "r": "etfd", "t": "rygf", "y": "tuhg", "u": "yijh",
    "i": "uokj", "o": "iplk", "p": "ol", "a": "qwsz", "s": "weadzx", "d": "erfsxc", "f": "rtgdcv",
    "g": "tyhfvb", "h": "yujgbn", "j": "uikhnm", "k": "iojlm", "l": "opk", "z": "asx",
    "x": "zsdc", "c": "xdfv", "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk"}
# Two words joined are a compound ("eartips", "backglass") when both are this common.
COMPOUND_ZIPF = 3.5
# An unknown English word that is a common word (wordfreq's "small" list) of one of these
# languages may be a foreign word quoted: English text quotes them most. That reading
# weighs as the rarest listed English word would.
OTHER_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "id")
# A common word with one of these may be a coinage ("unfollowed", "defensing"). That
# reading weighs the common word's frequency times COINAGE_WEIGHT: a new derivation is
# taken as 2,000 times rarer than the word itself (SELF_WEIGHT / COINAGE_WEIGHT).
# Distance-2 candidates never beat it.
PREFIXES = ("anti", "counter", "cyber", "de", "dis", "hyper", "inter", "mega", "micro", "mini", "mis",
            "multi", "non", "out", "over", "post", "pre", "re", "semi", "sub", "super", "ultra", "un",
            "under")
SUFFIXES = ("ing", "ings", "ed", "er", "ers", "est", "ly", "ness", "less", "ful", "ism", "ist",
            "ists", "ize", "ise", "ized", "ised", "able", "ship", "like", "wise")
# "-y" makes an adjective of a word of this many letters or more ("crashy", "glitchy"; "thery"
# is no form of "there"), but not of one whose "-ly" form is listed: "finaly" is "finally"
# short of an "l", not "final" made an adjective.
Y_STEM_LENGTH = 5
COINAGE_WEIGHT = 0.1
# A listed word of this many letters and this frequency behind a prefix ("retiling": a
# roof tiled again) is a derivation and is taken as meant: one slip from a commoner word
# ("retailing") is no evidence against it. Shorter stems are left to the weighing ("reson"
# is "reason" mistyped, not "son" with a prefix).
PREFIXED_STEM_LENGTH, PREFIXED_STEM_ZIPF = 4, 2.3
# An unlisted word that adds "s" or "es" to a listed word of this many letters and this
# frequency may be its plural ("neaps": wordfreq lists "neap" only). Below it, wordfreq's
# tail holds typos of its own ("breal", "enf"), whose plurals are typos too; a common
# word's plural is listed, so "helpeds" is no plural of "helped". Some typos of the tail
# stay ("standars": "standar" is listed): on the typo benchmark, 2 of about 1,400 typos in
# four seeds.
PLURAL_STEM_LENGTH, PLURAL_STEM_ZIPF = 4, 1.5
# An unlisted word whose -ing, -ed or -s form wordfreq lists at this frequency or more is a rare
# verb or noun as written ("rewet": "rewetting" is listed; "sledder": "sledders" is), not a
# slip: a typo's -ing or plural form is no word.
# Words of this many letters or more only.
LISTED_STEM_ZIPF, LISTED_STEM_LENGTH = 1.0, 5
VOWELS = frozenset("aeiou")
# Endings that make another form of the same word ("deportees").
INFLECTIONS = ("s", "es", "d", "ed", "ing")
# The page's words, as `PageWords` counts them; a neighbour is looked for this many
# characters away at most.
WORD = re.compile(r"[a-z]+")
NEIGHBOUR_REACH = 30


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


def _key_share(intended: str, struck: str) -> float:
    """The chance that a slip on the key `intended` strikes `struck`."""
    near = KEYBOARD_NEIGHBOURS.get(intended, "")
    if struck in near:
        return 1 / len(near)
    return (FAR_VOWEL if intended in VOWELS and struck in VOWELS else FAR_KEY) / max(len(near), 1)


def _extra_share(typo: str, j: int) -> float:
    """The chance of the extra letter typo[j] among the slips that add a key beside a letter."""
    extra, before, after = typo[j], typo[j - 1:j], typo[j + 1:j + 2]
    if extra == before:
        return 0.5  # a key struck twice
    if extra == after:
        return 0.0  # the same slip, counted at the next letter
    beside = [c for c in before + after if extra in KEYBOARD_NEIGHBOURS.get(c, "")]
    return 0.5 * _key_share((beside or [before or after])[0], extra)


def channel(typo: str, word: str) -> float:
    """The chance that a slip on one letter turns `word` into `typo` (at distance 1).

    A neighbouring key struck instead, a letter left out (a doubled one in either
    of its two places), a key struck twice or a neighbour struck with it, and two
    letters swapped; a wrong key far from the right one is rare, and so is a slip
    on the first letter.
    """
    def slip_at(i: int) -> float:
        return SLIP * (FIRST_LETTER if i == 0 else 1.0)

    if len(typo) == len(word):
        wrong = [i for i in range(len(word)) if typo[i] != word[i]]
        if len(wrong) == 2:  # two letters swapped
            return slip_at(wrong[0])
        return sum(slip_at(i) * _key_share(word[i], typo[i]) for i in wrong[:1])
    if len(typo) == len(word) + 1:  # a key slipped in
        return sum(slip_at(j) * _extra_share(typo, j) for j in range(len(typo))
                   if typo[:j] + typo[j + 1:] == word)
    return sum(slip_at(i) for i in range(len(word)) if word[:i] + word[i + 1:] == typo)


def _prior(frequency: float, on_page: float = 0.0, beside: float = 0.0) -> float:
    """How likely a word is meant: its frequency in English mixed with the page's evidence."""
    return (1 - PAGE_SHARE - NEIGHBOUR_SHARE) * frequency + PAGE_SHARE * on_page + NEIGHBOUR_SHARE * beside


def _inflected(word: str) -> set[str]:
    """`word` with an inflection added: "deportees" for "deportee".

    Never the other way round: a typo is often a common word with a letter added
    ("saids"), so the shorter form on the page says nothing for it.
    """
    stem = word[:-1] if word.endswith("e") else word
    return {word + ending for ending in INFLECTIONS} | {stem + "ing", stem + "ed"}


def _other_form(word: str, other: str) -> bool:
    """Whether one of the two words is the other with a plural or past ending added
    ("marrows", "marrow"; "filed", "file"; not "fild", "fil")."""
    short, long = sorted((word, other), key=len)
    ending = long[len(short):]
    return long.startswith(short) and (ending in ("s", "es", "ed", "ing") or ending == "d" and short.endswith("e"))


def _begins_one_of(in_order: list[str], start: str) -> bool:
    i = bisect.bisect_right(in_order, start)
    return i < len(in_order) and in_order[i].startswith(start)


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


class PageWords:
    """What one page says about the words it uses: how often, and beside which neighbours."""

    def __init__(self, text: str = ""):
        self.text = text
        self.tokens = WORD.findall(text.lower())
        self.counts = collections.Counter(self.tokens)
        self._beside: dict[tuple[str, int], collections.Counter[str]] = {}

    def neighbours(self, start: int, end: int) -> tuple[str | None, str | None]:
        """The words right before and right after the span [start, end) of the text."""
        before = WORD.findall(self.text[max(start - NEIGHBOUR_REACH, 0):start].lower())
        after = WORD.findall(self.text[end:end + NEIGHBOUR_REACH].lower())
        return (before[-1] if before else None), (after[0] if after else None)

    def share(self, word: str) -> float:
        """The share of the page's words that are `word`."""
        return self.counts.get(word, 0) / max(len(self.tokens), 1)

    def share_beside(self, word: str, before: str | None, after: str | None) -> float:
        """How often the page has `word` right after `before` and right before `after`.

        Each as a share of that neighbour's uses, averaged over the two: 0.5 when the
        page says "they said" the one time it says "they", and "said" is the candidate
        for "they saids".
        """
        if not self.counts.get(word):
            return 0.0
        shares = [self._next_to(neighbour, step)[word] / self.counts[neighbour]
                  for neighbour, step in ((before, 1), (after, -1)) if neighbour in self.counts]
        return sum(shares) / 2

    def _next_to(self, word: str, step: int) -> collections.Counter[str]:
        """The words right after (`step` 1) or right before (-1) each use of `word`."""
        if (word, step) not in self._beside:
            tokens, found, i = self.tokens, collections.Counter[str](), -1
            for _ in range(self.counts[word]):
                i = tokens.index(word, i + 1)
                if 0 <= i + step < len(tokens):
                    found[tokens[i + step]] += 1
            self._beside[word, step] = found
        return self._beside[word, step]


class Vocabulary:
    """Word frequencies of one language, and corrections for words that look misspelt."""

    def __init__(self, language: str, frequencies: Mapping[str, float],
                 foreign: frozenset[str] = frozenset(), rare_zipf: float = RARE_ZIPF):
        self.language = language
        self.frequencies = frequencies
        self.foreign = foreign
        floor = 10 ** (rare_zipf - 9)
        self.rare = frozenset(w for w, f in frequencies.items() if f < floor)
        self.floor = min(frequencies.values(), default=0.0)
        self._index: dict[str, list[str]] = {}
        for word, frequency in frequencies.items():
            if zipf(frequency) >= TARGET_ZIPF and word.isascii() and word.isalpha() and word.islower():
                for key in {word} | _deletions(word):
                    self._index.setdefault(key, []).append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.frequencies

    @functools.cached_property
    def _in_order(self) -> list[str]:
        return sorted(self.frequencies)

    @functools.cached_property
    def _backwards_in_order(self) -> list[str]:
        return sorted(word[::-1] for word in self.frequencies)

    def prepare(self) -> None:
        """Build the sorted word lists the prefix and suffix tests search."""
        _ = self._in_order, self._backwards_in_order

    def begins_a_word(self, start: str) -> bool:
        """Whether `start` is the beginning of a longer listed word (it may be one cut short)."""
        return _begins_one_of(self._in_order, start)

    def ends_a_word(self, end: str) -> bool:
        """Whether `end` is the end of a longer listed word (it may be one with its start cut off)."""
        return _begins_one_of(self._backwards_in_order, end[::-1])

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

    def suggest(self, word: str, page: PageWords | None = None,
                before: str | None = None, after: str | None = None) -> Suggestion:
        """The correction, if one is likely enough, of a suspect lowercase word on `page`.

        `before` and `after` are the words beside it there.
        """
        page = PageWords() if page is None else page
        if len(word) < MIN_LENGTH:
            return Suggestion(None, "too short to judge")
        if len(word) > MAX_LENGTH:
            return Suggestion(None, "too long to be a word")
        if page.counts.get(word, 0) > 1:
            return Suggestion(None, "used more than once in the document")
        if word not in self.frequencies and any(page.counts.get(form) for form in self._unknown_forms(word)):
            # the writer uses it in another form too ("pleacher" beside "pleachers"): a word of
            # the trade, not a slip; a known shorter form says nothing ("saids" beside "said")
            return Suggestion(None, "used in another form in the document")
        if word not in self.frequencies and self._listed_stem(word):
            return Suggestion(None, "its -ing, -ed or -s form is a listed word")
        candidates = self.candidates(word)
        near = [c for c in candidates if c.distance == 1]
        if word in self.frequencies and any(_other_form(word, c.word) for c in near):
            # a listed word one ending away from a candidate is that word's other form, meant
            # as written ("marrows" on a page about one marrow), not the candidate mistyped
            return Suggestion(None, "another form of a candidate", tuple(near))
        if near and self._prefixed(word):
            return Suggestion(None, "a known word with a prefix", tuple(near))
        as_written = self._as_written(word, page)
        if not near:
            far = [c for c in candidates if c.distance == 2]
            return self._distant(word, far, page, as_written) if far else Suggestion(None, "no candidate")
        weight = {c.word: _prior(c.frequency, page.share(c.word), page.share_beside(c.word, before, after))
                  * channel(word, c.word) for c in near}
        near.sort(key=lambda c: (-weight[c.word], c.word))
        best = weight[near[0].word]
        if best >= MIN_POSTERIOR * (sum(weight.values()) + sum(w for w, _ in as_written)):
            return Suggestion(near[0].word, "", tuple(near))
        strongest, why = max(as_written, default=(0.0, ""))
        return Suggestion(None, why if strongest > best else "no dominant candidate", tuple(near))

    def _unknown_forms(self, word: str) -> set[str]:
        """`word` inflected, and the unlisted words it inflects ("pleacher" for "pleachers")."""
        shorter = {word[:-len(ending)] for ending in INFLECTIONS
                   if word.endswith(ending) and len(word) - len(ending) >= MIN_LENGTH}
        return _inflected(word) | {form for form in shorter if form not in self.frequencies}

    def _as_written(self, word: str, page: PageWords) -> list[tuple[float, str]]:
        """The weights of the readings of `word` as meant, each with a name."""
        readings = []
        if word in self.frequencies:
            # the page using it in another form ("deportees") shows the writer knows the word
            forms = sum(page.share(form) for form in _inflected(word))
            readings.append((_prior(self.frequencies[word], forms) * SELF_WEIGHT, "a rare word"))
        elif word in self.foreign:
            readings.append((_prior(self.floor) * SELF_WEIGHT, "a common word of another language"))
        else:
            singular = self._singular(word)
            if singular:  # a rare word's plural is rarer still, often unlisted ("neaps")
                readings.append((_prior(self.frequencies[singular]) * SELF_WEIGHT, "a listed word's plural"))
        stem = self._stem_frequency(word)
        if stem:
            readings.append((stem * COINAGE_WEIGHT, "a known word with a prefix or suffix"))
        return readings

    def _listed_stem(self, word: str) -> bool:
        """Whether wordfreq lists `word` with -ing, -ed or -s added ("rewetting", "rewetted" for
        "rewet"; a final consonant after a single vowel doubles; "sledders" for "sledder"), at
        LISTED_STEM_ZIPF or more.
        Not for a word ending in "e", whose -ing form drops it: a word with an "e" struck after
        it ("crashe") would pass as the stem of "crashing"."""
        if len(word) < LISTED_STEM_LENGTH or word.endswith("e"):
            return False
        forms = [word + "ing", word + "ed"]
        if word[-1] not in "sxz" and not word.endswith("ing"):
            forms.append(word + "s")
        if word[-1] not in VOWELS | {"w", "x", "y"} and word[-2] in VOWELS and word[-3] not in VOWELS:
            forms += [word + word[-1] + "ing", word + word[-1] + "ed"]
        return any(self.zipf(form) >= LISTED_STEM_ZIPF for form in forms)

    def _singular(self, word: str) -> str | None:
        """The listed word that `word` is the plural of ("neap" for "neaps"), if any."""
        if not word.endswith("s") or word.endswith("ss") or len(word) <= MIN_LENGTH:
            return None
        for singular in [word[:-1]] + ([word[:-2]] if word.endswith("es") else []):
            if len(singular) >= PLURAL_STEM_LENGTH and PLURAL_STEM_ZIPF <= self.zipf(singular) < TARGET_ZIPF:
                return singular
        return None

    def _distant(self, word: str, far: list[Candidate], page: PageWords,
                 as_written: list[tuple[float, str]]) -> Suggestion:
        """A correction at distance 2: only for a long word, toward a word the page uses elsewhere."""
        if len(word) < MIN_LENGTH_DISTANCE_2:
            return Suggestion(None, "only distant candidates for a short word", tuple(far))
        if self._compound(word):
            return Suggestion(None, "two known words joined", tuple(far))
        if any(word.startswith(c.word) or word.endswith(c.word) for c in far):
            # two letters added at one edge of a whole word make a derivation ("upzoning"), not a slip
            return Suggestion(None, "a known word with two letters added at an edge", tuple(far))
        if as_written:  # a listed word is likelier meant than two slips away from a common one
            return Suggestion(None, as_written[0][1], tuple(far))
        if not any(page.counts.get(c.word) for c in far):
            return Suggestion(None, "only distant candidates, none used in the document", tuple(far))
        weight = {c.word: c.frequency * (SEEN_BOOST if page.counts.get(c.word) else 1.0) for c in far}
        far.sort(key=lambda c: (-weight[c.word], c.word))
        runner_up = max(weight[c.word] for c in far[1:]) if len(far) > 1 else 0.0
        if weight[far[0].word] < DOMINANCE_DISTANCE_2 * runner_up:
            return Suggestion(None, "no dominant candidate", tuple(far))
        return Suggestion(far[0].word, "", tuple(far))

    def _common(self, word: str, min_zipf: float = TARGET_ZIPF) -> bool:
        return len(word) >= 3 and self.zipf(word) >= min_zipf

    def _stem_frequency(self, word: str) -> float:
        """The frequency of the commonest word that `word` adds a prefix or suffix to (0.0 if none)."""
        stems = [word[len(p):] for p in PREFIXES if word.startswith(p) and len(word) - len(p) >= 4]
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                stem = word[:-len(suffix)]
                stems += [stem, stem + "e"]
                if stem.endswith("i"):  # a word in "-y" turns it to "i" ("applier": one who applies)
                    stems.append(stem[:-1] + "y")
        # a one-syllable adjective in "-y" keeps it before -er and -est ("slyer", "wryest")
        stems += [word[:-len(suffix)] for suffix in ("er", "est")
                  if word.endswith(suffix) and len(word) - len(suffix) == 3 and word[-len(suffix) - 1] == "y"]
        if (word.endswith("y") and len(word) > Y_STEM_LENGTH and word[-2] != "y"
                and word[:-1] + "ly" not in self.frequencies):
            stems += [word[:-1], word[:-1] + "e"]
        return max([self.frequency(s) for s in stems if self._common(s)], default=0.0)

    def _prefixed(self, word: str) -> bool:
        """A prefix before a listed word ("re" + "tiling")."""
        return any(word.startswith(p) and len(word) - len(p) >= PREFIXED_STEM_LENGTH
                   and self.zipf(word[len(p):]) >= PREFIXED_STEM_ZIPF for p in PREFIXES)

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
