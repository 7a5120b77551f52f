"""decode: source bytes to text, the first step of every document.

Order of trust: a byte-order mark; strict UTF-8; UTF-16 without a BOM when
the NUL-byte pattern says so; the charset a page declares (`<meta charset>`, its
http-equiv form, an XML declaration), read as browsers read the label and only when
the bytes decode with it; a charset-normalizer guess; cp1252, then latin-1, which
decodes anything. It removes nothing. It refuses files that are
not text at all (NUL bytes, known binary signatures) and empty files. When the
decoded text does not encode back to the very same bytes, the record keeps the
raw bytes so that `cleaner restore` can still give them back.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from cleaner.errors import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

BINARY_SIGNATURES = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
)

# A charset declared in the page's head: `<meta charset="...">`, `<meta http-equiv=
# "Content-Type" content="text/html; charset=...">`, `<?xml ... encoding="..."?>`; looked for in
# its first DECLARATION_BYTES (browsers look in the first 1,024, but heads run long).
DECLARED_CHARSET = re.compile(rb"""<(?:meta\b[^>]{0,300}?\bcharset|\?xml\b[^>]{0,100}?\bencoding)\s*=\s*["']?\s*"""
                              rb"""([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
DECLARATION_BYTES = 8192
# Labels the WHATWG Encoding Standard maps to a wider encoding than their name says.
WHATWG_LABELS = {
    **dict.fromkeys(("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii", "ascii",
                     "cp819", "ibm819", "x-cp1252", "windows-1252"), "cp1252"),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "latin5", "l5", "windows-1254"), "cp1254"),
    **dict.fromkeys(("iso-8859-11", "tis-620", "windows-874"), "cp874"),
    **dict.fromkeys(("gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "gb_2312-80"), "gb18030"),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "windows-949", "korean", "cseuckr"), "cp949"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j"), "cp932"),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"), "big5hkscs"),
}
# charset-normalizer's "chaos" (0 clean .. 1 garbage) above which a guess is not trusted.
MAX_GUESS_CHAOS = 0.3
# cp1252, the web's usual single-byte encoding, wins over a guess this close to it: on short
# texts the guess often picks a sibling code page (cp1257 for French, a DOS code page for
# curly quotes) on noise.
CP1252_MARGIN = 0.1


@dataclass(frozen=True)
class Decoded:
    """The decoded text and how it was obtained."""

    text: str
    encoding: str
    bom: bool
    method: str  # "bom", "utf-8", "utf-16-sniff", "declared", "guess", "fallback"
    lossless: bool  # encoding the text again gives back the source bytes

    def encode(self) -> bytes:
        """The bytes this text stands for (equal to the source when lossless)."""
        return encode_text(self.text, self.encoding, self.bom)


def encode_text(text: str, encoding: str, bom: bool) -> bytes:
    prefix = b""
    if bom:
        prefix = next(mark for mark, name in BOMS if name == encoding)
    return prefix + text.encode(encoding, errors="replace")


# Share of decoded characters that must be ordinary (letters, digits, punctuation,
# spaces; not unassigned, private or control) for UTF-16 without a BOM to be believed.
MIN_TEXT_SHARE = 0.95
# Above this share of printable ASCII bytes, text with NULs is 8-bit text, not UTF-16.
MAX_ASCII_SHARE = 0.85


def _text_share(text: str) -> float:
    ordinary = sum(1 for c in text if c in "\n\r\t" or unicodedata.category(c)[0] in "LNPSZM")
    return ordinary / max(len(text), 1)


def _concentration(text: str) -> float:
    """Share of characters in the text's three busiest 256-code-point blocks: real text
    keeps to a script or two, a wrong byte order scatters over many blocks."""
    blocks = Counter(ord(c) >> 8 for c in text)
    return sum(n for _, n in blocks.most_common(3)) / max(len(text), 1)


def _sniff_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM. Mostly-ASCII text leaves NULs on one side of each pair;
    other scripts (Cyrillic, Greek, CJK) are told by which byte order decodes to text."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    if odd > 0.4 * pairs and even == 0:
        return "utf-16-le"
    if even > 0.4 * pairs and odd == 0:
        return "utf-16-be"
    if b"\x00" not in sample:
        return None  # UTF-16 text has NULs (spaces, line breaks, ASCII); without them it is 8-bit
    printable = sum(1 for byte in sample if byte in (9, 10, 13) or 32 <= byte < 127)
    if printable > MAX_ASCII_SHARE * len(sample):
        return None  # 8-bit text with stray NULs: in UTF-16 half the bytes are rarely ASCII
    scores = {}
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        if _text_share(text) >= MIN_TEXT_SHARE:
            scores[codec] = _concentration(text)
    return max(scores, key=scores.get, default=None)


def _refuse_binary(raw: bytes) -> None:
    for signature, kind in BINARY_SIGNATURES:
        if raw.startswith(signature):
            raise InputError(f"binary file ({kind}), not text")
    if b"\x00" in raw[:65536]:
        raise InputError("binary file (NUL bytes), not text")


def _result(raw: bytes, text: str, encoding: str, bom: bool, method: str) -> Decoded:
    lossless = encode_text(text, encoding, bom) == raw
    return Decoded(text, encoding, bom, method, lossless)


def decode(raw: bytes) -> Decoded:
    """Decode source bytes; raise `InputError` for empty or binary input."""
    if not raw:
        raise InputError("empty file")
    for mark, name in BOMS:
        if raw.startswith(mark):
            text = raw[len(mark):].decode(name, errors="replace")
            return _result(raw, text, name, True, "bom")
    utf16 = _sniff_utf16(raw)
    if utf16:
        return _result(raw, raw.decode(utf16, errors="replace"), utf16, False, "utf-16-sniff")
    _refuse_binary(raw)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", False, "utf-8", True)
    except UnicodeDecodeError:
        pass
    declared = _declared(raw)
    if declared:
        try:
            return _result(raw, raw.decode(declared), declared, False, "declared")
        except UnicodeDecodeError:
            pass  # the label is wrong: the bytes say more than it does
    guess = _guess(raw)
    if guess:
        return _result(raw, raw.decode(guess, errors="replace"), guess, False, "guess")
    try:
        return _result(raw, raw.decode("cp1252"), "cp1252", False, "fallback")
    except UnicodeDecodeError:
        return _result(raw, raw.decode("latin-1"), "latin-1", False, "fallback")


def _declared(raw: bytes) -> str | None:
    """The codec for the charset the page's head declares, its label read as the WHATWG
    Encoding Standard reads it (browsers decode "iso-8859-1" as windows-1252, "gbk" as
    gb18030); None when there is no declaration, or a label Python does not know."""
    found = DECLARED_CHARSET.search(raw, 0, DECLARATION_BYTES)
    if not found:
        return None
    label = found.group(1).decode("ascii").strip().lower()
    label = WHATWG_LABELS.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name in ("utf-8", "utf-16", "utf-16-le", "utf-16-be") else name


def _guess(raw: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw[:200_000]))
    if not matches:
        return None
    best = min(matches, key=lambda m: m.chaos)
    if best.chaos > MAX_GUESS_CHAOS:
        return None
    for match in matches:
        # a match stands for the code pages that read the bytes alike (cp1250 for cp1252 too)
        if "cp1252" in (match.could_be_from_charset or [match.encoding]) \
                and match.chaos <= best.chaos + CP1252_MARGIN:
            return "cp1252"
    try:
        return codecs.lookup(best.encoding).name
    except LookupError:
        return None
