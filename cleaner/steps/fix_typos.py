"""fix-typos: correct misspelt lowercase words in English prose, only where the evidence is strong.

Three sources of fixes, each recorded with what it considered:
- `typos.curated`: the common misspellings listed in `rules/typos.txt`
  (`wrong->right`), common enough that the vocabulary counts them as words
  ("recieve", "goverment"); also capitalized as a sentence's first word
  ("Definately" -> "Definitely").
- `typos.listed`: codespell's list of common misspellings (its main
  dictionary, entries with a single correction), for a word of five letters
  or more that English uses rarely or never ("consistant", "beggining"),
  when the correction is a common word.
- `typos.frequency`: a word unknown to the English vocabulary (or in its
  rarest tail) with one candidate that is most likely what was meant
  (`Vocabulary.suggest`): "soldiears" -> "soldiers". The evidence is the
  candidate's frequency in English, how often this document uses it (alone
  and beside the same neighbouring words), and how easily one slip of the
  fingers turns it into the word written. Where no candidate is likely
  enough, an unknown word is noted in `typos_unfixed` ("unknown word, no safe
  fix") and left alone.

Also joins a paragraph's drop capital to its word (`typos.drop-cap`: "T he"
-> "The") when the two make a common English word, on a line of prose.

Deliberately keeps: every word with a capital letter (names, acronyms, sentence
starts; a sentence's first word is checked against the curated list alone), words
of `rules/protect.txt`, words glued to digits, hyphens, apostrophes (a possessive
's excepted), slashes, dots or other letters (compounds, URLs, file names,
accented words), hashtags and mentions, URLs,
e-mail addresses, `code` and <markup>, a word before "[sic]" and quotations
marked [sic], a lowercase word alone on its line (a user name or a label),
opening a paragraph as the end of a longer word could ("ruptions") or closing
one as the start of a longer word could ("eligibl"), following a lone capital
("W hile") or followed by an ellipsis (likely cut off: "vulner…"), words used
twice in the document, paragraphs the language step judged foreign
or that have as many foreign function words as English ones (wordfreq's
English list knows many German and French words: "verlegt" would become
"verlag"), and paragraphs crowded with unknown words (foreign or technical
text). A rare listed word (more so when the document also uses it inflected:
"deportee" beside "deportees"), a common word of another language and a
common word with a prefix or suffix ("defensing"; "applier", its "y" turned to "i") are weighed as meant
against the candidates, and never corrected to a word two letters away;
nor is a word that holds a distance-2 candidate whole at one edge ("upzoning":
"zoning" with a prefix added, not two slips), or a listed word of four letters or more
behind a prefix at all ("retiling", not "retailing"). British and American
spellings are both in the vocabulary, so neither is changed. Never changed either: a
listed word that is a candidate's plural or past form ("marrows" on a page about one
marrow), and an unlisted word the document also uses in another form ("pleacher" beside
"pleachers").

Relies on detect-language, which must come first: the step runs only when
the document's language has a shipped vocabulary (English), and otherwise
notes why in `typos_skipped`.
"""
from __future__ import annotations

import bisect
import collections
import functools
import re
from pathlib import Path
from typing import Any, Iterable, Sequence

from cleaner.edits import Edit
from cleaner.errors import RuleFileError
from cleaner.rules import shipped_rules_dir
from cleaner.steps.base import Context, StepResult
from cleaner.steps.detect_language import looks_foreign
from cleaner.vocabulary import VOCABULARIES, Candidate, PageWords, Vocabulary, for_language

# A run of ASCII lowercase letters not glued to other letters or digits.
LOWER_WORD = re.compile(r"(?<![^\W_])[a-z]+(?![^\W_])")
# A capitalized word opening a paragraph or a sentence (after a stop and a space, or an
# opening quote): checked against the curated list alone ("Definately" -> "Definitely").
SENTENCE_START = re.compile(r"(?:^|(?<=[.!?] ))[\"“‘(]?([A-Z][a-z]+)(?![^\W_])", re.MULTILINE)
NEWLINE = re.compile(r"\n")
LISTED_WORD = re.compile(r"[a-z]+")
# Spans whose words are not prose: URLs, e-mail addresses, `code`, <markup>.
# (Each pattern stops at its own opening character or needs a token start: linear time.)
NOT_PROSE = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|`[^`\n]*`"
                       r"|<[^<>\n]*>")
QUOTATION = re.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|‘[^‘’\n]*’")
SIC = re.compile(r"[\[(]\s*sic\s*[\])]", re.IGNORECASE)
# A word next to one of these is part of something other than running prose.
GLUE_BEFORE = frozenset("@#/\\.-'’&+=~$%^*|_<>")
GLUE_AFTER = frozenset("@/\\-'’+=~$%^*|_<>")
OPEN_QUOTES, CLOSE_QUOTES = frozenset('"“«„'), frozenset('"”»“')  # single quotes glue already
POSSESSIVE = re.compile(r"['’]s(?![^\W_])")
CUT_OFF = ("…", "...")
# A capital standing alone that is no word ("A" and "I" are) right before the word.
LONE_CAPITAL = "[B-HJ-Z]"
DROP_CAP = re.compile(r"(?<![^\W_])" + LONE_CAPITAL + r"[ \t]+\Z")
# The same opening a line, split from the rest of its word by a page's drop-cap styling
# ("T he first thing..."): joined when the two make a common word, on a line of prose.
DROP_CAP_START = re.compile(r"^[\"“‘'(]?(" + LONE_CAPITAL + r") ([a-z]{1,20})(?![^\W_])", re.MULTILINE)
DROP_CAP_ZIPF = 3.0
DROP_CAP_MIN_WORDS = 8
# A paragraph with more unknown lowercase words than this share (and at least
# `CROWDED_MIN`) is foreign or technical text: nothing in it is changed.
CROWDED_SHARE = 0.1
CROWDED_MIN = 3
# Notes kept per document, and words weighed per document (a bound on the cost of
# garbage: real articles have a few dozen unknown words at most).
MAX_NOTES = 50
MAX_SUGGESTIONS = 200
NO_SAFE_FIX = "unknown word, no safe fix"
# codespell's list of common misspellings is taken for a word of this many letters
# or more that English uses rarely or never, fixed to a word it uses often; shorter
# entries ("ded", "cna") are as often abbreviations, names or slang.
LISTED_MIN_LENGTH = 5
LISTED_TARGET_ZIPF = 3.0


def _read_entries(path: Path) -> list[tuple[int, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}: cannot read word list: {exc}") from None
    return [(n, line.strip()) for n, line in enumerate(lines, 1)
            if line.strip() and not line.strip().startswith("#")]


def load_typos(path: Path) -> dict[str, str]:
    """A `wrong->right` list: lowercase, one pair a line, no word both wrong and right."""
    pairs: dict[str, str] = {}
    for number, line in _read_entries(path):
        wrong, sep, right = (part.strip() for part in line.partition("->"))
        if not sep or not re.fullmatch(r"[a-z]+", wrong) or not re.fullmatch(r"[a-z]+( [a-z]+)*", right):
            raise RuleFileError(f"{path}:{number}: expected `wrong->right` in lowercase letters, "
                                f"got {line!r}")
        if wrong in pairs or wrong == right:
            raise RuleFileError(f"{path}:{number}: {wrong!r} is listed twice or fixed to itself")
        pairs[wrong] = right
    clash = sorted(set(pairs) & set(pairs.values()))
    if clash:
        raise RuleFileError(f"{path}: {clash[0]!r} is both a misspelling and a correction")
    return pairs


def load_protected(path: Path) -> frozenset[str]:
    """Words never changed, one a line."""
    return frozenset(word.lower() for _, word in _read_entries(path))


@functools.cache
def codespell_list() -> dict[str, str]:
    """codespell's common misspellings with one correction (its main dictionary; entries
    with several corrections or a reason are the ambiguous ones, and are skipped)."""
    from importlib.resources import files

    try:
        text = (files("codespell_lib") / "data" / "dictionary.txt").read_text(encoding="utf-8")
    except (ImportError, OSError):
        return {}
    pairs = {}
    for line in text.splitlines():
        wrong, _, right = line.partition("->")
        if LISTED_WORD.fullmatch(wrong) and LISTED_WORD.fullmatch(right):
            pairs[wrong] = right
    return pairs


@functools.cache
def word_lists(folders: tuple[Path, ...]) -> tuple[dict[str, str], frozenset[str]]:
    """The curated misspellings and the protected words of `typos.txt` and `protect.txt` in `folders`."""
    typos: dict[str, str] = {}
    protected: set[str] = set()
    for folder in folders:
        if (folder / "typos.txt").is_file():
            typos.update(load_typos(folder / "typos.txt"))
        if (folder / "protect.txt").is_file():
            protected |= load_protected(folder / "protect.txt")
    return typos, frozenset(protected)


class Paragraph:
    """One line of the text, with what every word check in it needs computed once."""

    def __init__(self, line: str):
        self.line = line
        self.first = len(line) - len(line.lstrip())  # where its first word starts
        self.last = len(line.rstrip())  # where its last word ends
        spans = [m.span() for m in NOT_PROSE.finditer(line)]
        if SIC.search(line):
            spans += [m.span() for m in QUOTATION.finditer(line) if SIC.search(m.group())]
        self.masked: list[tuple[int, int]] = []  # sorted, merged
        for start, end in sorted(spans):
            if self.masked and start <= self.masked[-1][1]:
                self.masked[-1] = (self.masked[-1][0], max(end, self.masked[-1][1]))
            else:
                self.masked.append((start, end))
        self._starts = [start for start, _ in self.masked]

    def is_prose_word(self, start: int, end: int, vocabulary: Vocabulary) -> bool:
        """Whether the lowercase word at [start, end) is running prose we may correct."""
        line = self.line
        if start == self.first and end == self.last:
            return False  # alone on its line: a user name, a label or a fragment ("bmurphy")
        if start == self.first and vocabulary.ends_a_word(line[start:end]):
            return False  # opens the paragraph and may be the end of a word cut off: "ruptions"
        if end == self.last and vocabulary.begins_a_word(line[start:end]):
            return False  # closes the paragraph and may be a word cut short: "eligibl"
        if start and line[start - 1] in GLUE_BEFORE:
            return False
        if start and line[start - 1] in OPEN_QUOTES and line[end:end + 1] in CLOSE_QUOTES:
            return False  # a word alone in quotes is named, not used: a made-up or coined word
        if DROP_CAP.search(line, max(start - 12, 0), start):
            return False  # "W hile": the word's first letter stands apart
        after = line[end:end + 3]
        if after[:1] in GLUE_AFTER and not POSSESSIVE.match(line, end):
            return False
        if after[:1] == "." and after[1:2].isalnum():  # example.com, e.g
            return False
        if after.startswith(CUT_OFF) or SIC.match(line[end:end + 24].lstrip()):
            return False
        i = bisect.bisect_right(self._starts, start) - 1
        return i < 0 or start >= self.masked[i][1]


def _note(word: str, offset: int, why: str, candidates: Sequence[Candidate] = ()) -> dict[str, Any]:
    return {"word": word, "offset": offset, "note": NO_SAFE_FIX, "why": why,
            "candidates": [[c.word, float(f"{c.frequency:.3g}")] for c in candidates[:3]]}


class FixTypos:
    """Fix curated misspellings, and unknown words with one dominant candidate, in English text."""

    name = "fix-typos"
    reads = ("language", "foreign_paragraphs")
    description = "fix misspelt lowercase words in English prose (curated list, then word frequency)"

    def __init__(self, rule_dirs: Iterable[Path] = (), protect: Iterable[str] = ()) -> None:
        self.typos, protected = word_lists((shipped_rules_dir(), *(Path(d) for d in rule_dirs)))
        self.protected = protected | {w.lower() for w in protect}

    def prepare(self) -> None:
        for language in VOCABULARIES:
            for_language(language).prepare()
        codespell_list()

    def run(self, text: str, context: Context) -> StepResult:
        language = context.metadata.get("language")
        vocabulary = for_language(language)
        if vocabulary is None:
            why = "no language detected" if language is None else f"no vocabulary for language {language}"
            return StepResult(metadata={"typos_skipped": why})
        joined = _drop_caps(text, vocabulary)
        words = set(LOWER_WORD.findall(text))
        suspects = (words.difference(vocabulary.frequencies) | words.intersection(vocabulary.rare)
                    | words.intersection(self.typos)) - self.protected
        found = [(m.group(), m.start(), m.end()) for m in LOWER_WORD.finditer(text) if m.group() in suspects]
        found += [(m[1], m.start(1), m.end(1)) for m in SENTENCE_START.finditer(text)
                  if m[1].lower() in self.typos and m[1].lower() not in self.protected]
        if not found:
            return StepResult(edits=joined)
        line_starts = [0] + [m.end() for m in NEWLINE.finditer(text)]
        by_line: dict[int, list[tuple[str, int, int]]] = {}
        for word in sorted(found, key=lambda w: w[1]):
            start = line_starts[bisect.bisect_right(line_starts, word[1]) - 1]
            by_line.setdefault(start, []).append(word)
        document = _Document(self, vocabulary, text, context)
        for start, matches in by_line.items():
            end = text.find("\n", start)
            document.fix_line(text[start:end if end >= 0 else len(text)], start, matches)
        metadata: dict[str, Any] = {}
        if document.notes:
            metadata["typos_unfixed"] = document.notes[:MAX_NOTES]
        if len(document.notes) > MAX_NOTES:  # the rest, counted by why
            metadata["typos_unfixed_more"] = dict(collections.Counter(
                note["why"] for note in document.notes[MAX_NOTES:]))
        # the word after a drop capital is never a suspect's fix (DROP_CAP): no edit overlaps a join
        edits = sorted(joined + tuple(document.edits), key=lambda e: e.start)
        return StepResult(edits=tuple(edits), metadata=metadata)


def _drop_caps(text: str, vocabulary: Vocabulary) -> tuple[Edit, ...]:
    """Join a paragraph's drop capital to the rest of its word ("T he" -> "The"): a lone
    capital that is no word, a space, then lower-case letters that make a common word
    with it, at the start of a line of prose."""
    edits = []
    for match in DROP_CAP_START.finditer(text):
        letter, rest = match.group(1), match.group(2)
        line_end = text.find("\n", match.end())
        words = len(text[match.start():line_end if line_end >= 0 else len(text)].split())
        if words >= DROP_CAP_MIN_WORDS and vocabulary.zipf((letter + rest).lower()) >= DROP_CAP_ZIPF:
            edits.append(Edit(match.start(2) - 1, match.start(2), "", "typos.drop-cap",
                              f"drop capital split from its word: {letter} {rest} -> {letter}{rest}"))
    return tuple(edits)


class _Document:
    """One run of the step over one document: its evidence, and the edits and notes so far."""

    def __init__(self, step: FixTypos, vocabulary: Vocabulary, text: str, context: Context):
        self.typos, self.protected, self.vocabulary = step.typos, step.protected, vocabulary
        self.page = PageWords(text)
        self.foreign = {p.get("excerpt") for p in context.metadata.get("foreign_paragraphs", ())}
        self.suggestions_left = MAX_SUGGESTIONS
        self.edits: list[Edit] = []
        self.notes: list[dict[str, Any]] = []

    def fix_line(self, line: str, offset: int, words: list[tuple[str, int, int]]) -> None:
        """Fix the suspect `words` (each with its offsets into the text) of one paragraph; a
        capitalized one (a sentence's first word) only from the curated list."""
        foreign = line[:80] in self.foreign or looks_foreign(line)
        tokens = LOWER_WORD.findall(line)
        unknown = sum(1 for w in tokens if w not in self.vocabulary and w not in self.protected)
        crowded = unknown >= CROWDED_MIN and unknown > CROWDED_SHARE * len(tokens)
        paragraph = Paragraph(line)
        for word, start, end in words:
            if not paragraph.is_prose_word(start - offset, end - offset, self.vocabulary):
                continue
            if not word.islower():
                if not (foreign or crowded):
                    right = self.typos[word.lower()].capitalize()
                    self.edits.append(Edit(start, end, right, "typos.curated",
                                           f"common misspelling: {word} -> {right} (curated list)"))
            elif foreign or crowded:
                if word not in self.vocabulary:
                    self.notes.append(_note(word, start, "foreign paragraph" if foreign
                                            else "paragraph has many unknown words"))
            elif word in self.typos:
                right = self.typos[word]
                self.edits.append(Edit(start, start + len(word), right, "typos.curated",
                                       f"common misspelling: {word} -> {right} (curated list)"))
            elif right := self.listed(word):
                self.edits.append(Edit(start, start + len(word), right, "typos.listed",
                                       f"common misspelling: {word} -> {right} (codespell's list)"))
            else:
                self.frequency_fix(word, start)

    def listed(self, word: str) -> str | None:
        """codespell's correction of `word`, where English rarely uses the word and often its fix.

        A common word of another language is no exception here ("consistant" is French):
        in an English paragraph it is far more often the misspelling, and the paragraphs
        of another language are skipped before this."""
        right = codespell_list().get(word) if len(word) >= LISTED_MIN_LENGTH else None
        if right is None or (word in self.vocabulary and word not in self.vocabulary.rare):
            return None
        return right if self.vocabulary.zipf(right) >= LISTED_TARGET_ZIPF else None

    def frequency_fix(self, word: str, start: int) -> None:
        if self.suggestions_left <= 0:
            if word not in self.vocabulary:
                self.notes.append(_note(word, start, "too many unknown words in the document"))
            return
        self.suggestions_left -= 1
        before, after = self.page.neighbours(start, start + len(word))
        suggestion = self.vocabulary.suggest(word, self.page, before, after)
        if suggestion.word is not None:
            considered = ", ".join(f"{c.word} {c.frequency:.1e}" for c in suggestion.candidates[:3])
            self.edits.append(Edit(start, start + len(word), suggestion.word, "typos.frequency",
                                   f"misspelling: {word} -> {suggestion.word} (candidates: {considered})"))
        elif word not in self.vocabulary:  # a rare known word left alone is no news
            self.notes.append(_note(word, start, suggestion.why, suggestion.candidates))
