"""Sentence spans of a paragraph, for steps that reason sentence by sentence.

`sentence_spans` cuts after `.`, `!`, `?` or `…` (plus any closing quotes or
brackets, German „...“ ones included) when whitespace and a capital, a digit or
an opening quote follow.
It does not cut after a title or month abbreviation ("Sen.", "Dr.", "Dec."),
an initial ("J."), "No." before a number, or a German date's day before its
month ("am 20. Juni"); after a dotted abbreviation ("U.S.", "N.C.", "p.m.")
or a suffix ("Inc.", "Jr.") it cuts only when the next word is a usual
sentence opener ("The", "He", ...). Decimals never qualify (no space follows).
A line break always ends a sentence. When in doubt it keeps text together:
callers that judge sentences prefer one long sentence to a wrong fragment.
"""
from __future__ import annotations

import re

# Followed by a name or a number far more often than by a new sentence.
ABBREVIATIONS = frozenset("""
    adm apr aug capt cmdr col dec dr feb fig ft gen gov hon jan jul jun lt maj
    mar messrs mr mrs ms mt nov oct prof rep reps rev sen sens sep sept sgt st
    supt vol vs
""".split())

# German writes a date's day as an ordinal ("am 20. Juni"): a day before a month's name
# ends no sentence.
MONTH_NAMES = frozenset("""
    januar jänner februar märz april mai juni juli august september oktober november dezember
""".split())

# Company and name suffixes end sentences too: like dotted abbreviations they
# end one only when a usual sentence opener follows.
SUFFIXES = frozenset("co corp inc jr llc ltd sr".split())

# After "U.S." or "p.m." these words start a new sentence; other capitals
# ("U.S. Senate", "N.C. State") continue the same one.
SENTENCE_OPENERS = frozenset("""
    a after an and as at but by for he her his however i if in it its meanwhile
    more most no on one our she since so some that the their there these they
    this those to two we what when where while who why you
""".split())

# Possessive runs and the look-behind keep the scan linear on "....." input.
BOUNDARY = re.compile(r"""(?<![.!?…])[.!?…]++["'”’»“)\]]*+(?=\s+["'“‘«„(\[]?[^\W_])""")
DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")
NEXT_WORD = re.compile(r"""\s+["'“‘«„(\[]?([^\W_][\w'’-]*)""")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, surrounding whitespace excluded."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end in _boundaries(line.group()):
            _append(spans, text, start, line.start() + end)
            start = line.start() + end
        _append(spans, text, start, line.end())
    return spans


def _append(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def _boundaries(line: str) -> list[int]:
    ends = []
    for match in BOUNDARY.finditer(line):
        next_word = NEXT_WORD.match(line, match.end())
        if not next_word or not _is_sentence_start(next_word.group(1)):
            continue
        period = match.start() + 1
        if match.group().startswith(".") and _is_abbreviation(_token_before(line, period), next_word.group(1)):
            continue
        ends.append(match.end())
    return ends


def _is_sentence_start(word: str) -> bool:
    return word[0].isupper() or word[0].isdigit()


def _token_before(line: str, end: int) -> str:
    start = end
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    return line[start:end]


def _is_abbreviation(token: str, next_word: str) -> bool:
    """Whether the period ending `token` closes an abbreviation, not a sentence."""
    token = token.lstrip("\"'“‘«([")
    bare = token[:-1]
    if bare.lower() in ABBREVIATIONS or (len(bare) == 1 and bare.isalpha() and bare.isupper()):
        return True
    if bare.isdigit() and len(bare) <= 2 and next_word.casefold() in MONTH_NAMES:
        return True
    if bare in ("No", "Nos"):
        return next_word[0].isdigit()
    if DOTTED.fullmatch(token) or bare.lower() in SUFFIXES:
        return next_word.lower() not in SENTENCE_OPENERS
    return False
