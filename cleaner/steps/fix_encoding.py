"""fix-encoding: repair mojibake, HTML entities, control characters and odd Unicode.

Uses ftfy, line by line, and records ftfy's own explanation as each edit's
reason. A cheap pre-check picks the lines that can need repair, so clean text
does not pay for ftfy's full pass. Besides ftfy it turns unusual space
characters (no-break, thin, en spaces...) into plain spaces and removes
invisible characters (zero-width space, word joiner, stray BOM, soft hyphen).
Two repairs ftfy cannot make, since copying lost a byte of the mojibake: a
closing quote ("said,â€ he") and an "í" inside a word ("fruterÃa").

Deliberately kept: curly quotes and dashes (typography, not damage),
full-width characters (proper in CJK text), and line breaks (left to
normalize-layout). Runs after extract-html, so on an HTML page it sees the
extracted text, not the markup.
"""
from __future__ import annotations

import difflib
import re

import ftfy

from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult

# Bytes 0x80-0xBF as cp1252 or latin-1 show them: the tail of UTF-8 mojibake.
_CONT = "[\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
        "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
NEEDS_FTFY = re.compile(
    "[\u00c2-\u00df]" + _CONT
    + "|[\u00e0-\u00ef]" + _CONT + "{2}"
    + "|\u00f0" + _CONT + "{3}"
    + "|[\x00-\x08\x0e-\x1f\x7f-\x9f\ufb00-\ufb06\ud800-\udfff]"
    + r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
# A closing quote (UTF-8 E2 80 9D) read as cp1252 is "â€" and a byte cp1252 has no
# character for, which copying drops: "said,â€ he". ftfy takes the space after it for
# a lost no-break space and makes a dagger ("said,†he"); after a word or punctuation
# and before a space, the line's end or a stop or comma before them ("labour forceâ€.") it
# is the quote, as the dagger almost never is.
# A decoder that replaced the byte instead leaves U+FFFD in its place ("said,â€\ufffd he").
LOST_BYTE_QUOTE = re.compile("(?<=[\\w.,!?;:)\u2019])\u00e2\u20ac\ufffd?(?=[ \\t]|[.,;:!?)](?:[ \\t]|$)|$)")
# A two-byte UTF-8 letter read as cp1252 inside a word, which ftfy leaves when the pair
# also reads as plausible text ("LlÅ·r" for "Llŷr": "·" is common punctuation). Between
# two letters the pair is no punctuation, and it is repaired when its bytes decode to a letter.
IN_WORD_PAIR = re.compile("(?<=[^\\W\\d_])[\u00c2-\u00df]" + _CONT + "(?=[^\\W\\d_])")
IN_WORD_REASON = "a letter's two UTF-8 bytes, read as cp1252 inside a word, decoded"
# "í" is UTF-8 C3 AD: read as cp1252, a capital "Ã" and a soft hyphen, which extraction and
# copying drop as invisible ("recorrÃa" for "recorría"). Between two lower-case letters
# that capital is no word's letter (Portuguese sets "Ã" in capitals only: "SÃO"), so it is that "í".
LOST_SOFT_HYPHEN = re.compile("(?<=[a-zß-öø-ÿ])\u00c3(?=[a-zß-öø-ÿ])")
ODD_SPACE = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
INVISIBLE = "\u200b\u2060\ufeff\u00ad"
OWN_FIX = re.compile(f"[{ODD_SPACE}{INVISIBLE}]")
ANY_FIX = re.compile(NEEDS_FTFY.pattern + f"|[{ODD_SPACE}{INVISIBLE}]|" + LOST_BYTE_QUOTE.pattern
                     + "|" + LOST_SOFT_HYPHEN.pattern)
TOKEN = re.compile(r"\s+|[^\s]+")


def _own_fix(line: str) -> str:
    return OWN_FIX.sub(lambda m: " " if m.group() in ODD_SPACE else "", line)


def _explain(steps) -> str:
    return "ftfy: " + ", ".join(f"{action} {parameter}" for action, parameter in steps)


def _label(old: str, new: str, ftfy_reason: str, left: frozenset[str] = frozenset()) -> tuple[str, str]:
    if old and not new and all(c in INVISIBLE for c in old):
        return "unicode.invisible", "invisible character removed"
    if old and set(new) <= {" "} and all(c in ODD_SPACE for c in old):
        return "unicode.odd-space", "unusual space made a plain space"
    if old in left:
        return "encoding.in-word-letter", IN_WORD_REASON
    if old == "\u00c3" and new == "\u00ed":
        return "encoding.lost-soft-hyphen", "an í whose second byte (a soft hyphen) was lost in copying restored"
    if old in ("\u00e2\u20ac", "\u00e2\u20ac\ufffd") and new == "\u201d":
        return "encoding.lost-byte-quote", "closing quote whose last byte was lost in copying restored"
    return "encoding.ftfy", ftfy_reason


def _in_word_letter(match: re.Match) -> str:
    """The letter a cp1252-read byte pair stands for, or the pair itself when it is none."""
    pair = match.group()
    try:
        letter = pair.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        try:
            letter = pair.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return pair
    return letter if letter.isalpha() else pair


def _trim(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common prefix and suffix of two strings."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, tail


def _changed_runs(old: list[str], new: list[str]):
    """(i1, i2, j1, j2) of each run of tokens that differs between `old` and `new`.

    Most repairs change a token in place (a space, a letter pair), so when the counts
    agree the tokens pair up one to one; otherwise difflib aligns them, which on a long
    line costs far more than the repair itself."""
    if len(old) != len(new):
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        yield from ((i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")
        return
    start = None
    for i, (a, b) in enumerate(zip(old, new)):
        if a != b and start is None:
            start = i
        elif a == b and start is not None:
            yield start, i, start, i
            start = None
    if start is not None:
        yield start, len(old), start, len(old)


def _line_edits(line: str, offset: int, fixed: str, reason: str,
                left: frozenset[str] = frozenset()) -> list[Edit]:
    """Edits turning `line` into `fixed`: tokens aligned first, then each changed run trimmed."""
    old_tokens, new_tokens = TOKEN.findall(line), TOKEN.findall(fixed)
    old_starts = [0]
    for token in old_tokens:
        old_starts.append(old_starts[-1] + len(token))
    new_starts = [0]
    for token in new_tokens:
        new_starts.append(new_starts[-1] + len(token))
    edits = []
    for i1, i2, j1, j2 in _changed_runs(old_tokens, new_tokens):
        a, b = old_starts[i1], old_starts[i2]
        c, d = new_starts[j1], new_starts[j2]
        head, tail = _trim(line[a:b], fixed[c:d])
        old, new = line[a + head:b - tail], fixed[c + head:d - tail]
        rule, why = _label(old, new, reason, left)
        edits.append(Edit(offset + a + head, offset + b - tail, new, rule, why))
    return edits


class FixEncoding:
    """Repair encoding damage and odd Unicode, recording ftfy's explanation."""

    name = "fix-encoding"
    description = "repair mojibake, entities, control characters and odd spaces (ftfy)"

    def __init__(self) -> None:
        self._config = ftfy.TextFixerConfig(
            uncurl_quotes=False, fix_character_width=False, fix_line_breaks=False)

    def run(self, text: str, context: Context) -> StepResult:
        if text.isascii() and not NEEDS_FTFY.search(text):
            return StepResult()
        edits: list[Edit] = []
        offset = 0
        for line in text.splitlines(keepends=True):
            if ANY_FIX.search(line):
                edits.extend(self._fix_line(line, offset))
            offset += len(line)
        return StepResult(edits=tuple(edits))

    def _fix_line(self, line: str, offset: int) -> list[Edit]:
        body = line.rstrip("\r\n")
        reason = "ftfy"
        fixed = LOST_BYTE_QUOTE.sub("\u201d", body)
        if NEEDS_FTFY.search(fixed):
            explained = ftfy.fix_and_explain(fixed, self._config)
            fixed = explained.text
            reason = _explain(explained.explanation or [])
        fixed = _own_fix(LOST_SOFT_HYPHEN.sub("\u00ed", fixed))
        # after ftfy, on what it left: a pair it repairs is never taken apart first
        left: set[str] = set()

        def repair(match: re.Match) -> str:
            letter = _in_word_letter(match)
            if letter != match.group():
                left.add(match.group())
            return letter

        fixed = IN_WORD_PAIR.sub(repair, fixed)
        if fixed == body:
            return []
        return _line_edits(body, offset, fixed, reason, frozenset(left))
