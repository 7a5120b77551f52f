"""decode: every source becomes text, and the choice is recorded."""
import codecs

import pytest

from cleaner.errors import InputError
from cleaner.steps.decode import decode


def test_utf8_plain_and_with_bom():
    plain = decode("café ’quoted’".encode())
    assert (plain.text, plain.encoding, plain.bom, plain.method) == ("café ’quoted’", "utf-8", False, "utf-8")
    bom = decode(codecs.BOM_UTF8 + "café".encode())
    assert (bom.text, bom.bom, bom.method) == ("café", True, "bom")
    assert bom.encode() == codecs.BOM_UTF8 + "café".encode()


@pytest.mark.parametrize("codec,mark", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom(codec, mark):
    raw = mark + "Grüße aus Köln".encode(codec)
    result = decode(raw)
    assert result.text == "Grüße aus Köln" and result.encoding == codec and result.lossless


def test_utf16_without_bom_is_sniffed():
    raw = "Plain English words in UTF-16.".encode("utf-16-le")
    result = decode(raw)
    assert result.text == "Plain English words in UTF-16." and result.method == "utf-16-sniff"


def test_cp1252_bytes_are_not_a_crash():
    raw = "Les élèves sont arrivés à l’école très tôt ce matin, déjà fatigués.".encode("cp1252")
    result = decode(raw)
    assert "élèves" in result.text and result.method in ("guess", "fallback")
    assert result.lossless


def test_undecodable_bytes_never_crash_and_stay_restorable():
    raw = b"ok \x81\x8d\x8f\x90\x9d bytes \xff\xfe tail"
    result = decode(raw)
    assert result.text.startswith("ok ")
    assert result.lossless or result.encode() != raw  # the record keeps raw bytes when not lossless


@pytest.mark.parametrize("raw,cause", [
    (b"", "empty file"),
    (b"%PDF-1.7\n...", "PDF"),
    (b"\x89PNG\r\n\x1a\nxxxx", "PNG"),
    (b"text with a \x00 NUL byte", "NUL"),
])
def test_refuses_what_is_not_text(raw, cause):
    with pytest.raises(InputError, match=cause):
        decode(raw)


@pytest.mark.parametrize("text,codec", [
    ("Привет, как дела? Это обычный русский текст для проверки.", "cp1251"),
    ("日本語のテキストです。これはテストです。", "shift_jis"),
])
def test_other_legacy_encodings_are_guessed(text, codec):
    assert decode(text.encode(codec)).text == text



PARAGRAPHS = [
    "\u201cNobody got everything they wanted,\u201d the minister said of the \u20ac1.4 billion package.",
    "Opposition parties dismissed the package as a \u201crebadging\u201d of money announced in last year\u2019s budget.",
    "Builders\u2019 representatives gave it a cautious welcome \u2013 the levy was \u201ca blunt instrument\u201d.",
]


def _page(charset: str) -> str:
    body = "".join(f"<p><font face=\"Arial\" size=\"2\">{p}</font></p>\n" for p in PARAGRAPHS * 2)
    return (f"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">"
            f"<title>Coalition agrees housing package</title></head><body><table><tr><td>{body}"
            "</td></tr></table></body></html>")


def test_a_page_is_read_in_the_charset_it_declares_as_browsers_read_the_label():
    # cp1252 bytes labelled iso-8859-1, as old pages were: a guess reads the curly quotes
    # and euro signs as a DOS code page's letters; the label, read as browsers read it
    # (iso-8859-1 is windows-1252 on the web), gives them back
    page = _page("iso-8859-1")
    result = decode(page.encode("cp1252"))
    assert (result.text, result.encoding, result.method, result.lossless) == (page, "cp1252", "declared", True)
    russian = _page("koi8-r").replace(PARAGRAPHS[0], "Суд обязал компанию вернуть жильцам переплату за отопление.")
    for text, codec in ((russian, "koi8-r"), (_page("windows-1252"), "cp1252")):
        result = decode(text.replace("\u2013", "-").encode(codec, errors="xmlcharrefreplace"))
        assert result.method == "declared" and result.encoding == codec


def test_a_declared_charset_the_bytes_do_not_fit_is_not_trusted():
    # a label Python does not know, or one the bytes break, leaves the reading to the guess
    assert decode(_page("x-made-up").encode("cp1252")).method != "declared"
    broken = _page("shift_jis").encode("cp1252") + b"\x81\x7f\xa0\xff"
    assert decode(broken).method != "declared"


def test_a_guess_prefers_cp1252_among_the_code_pages_that_read_the_bytes_alike():
    # undeclared cp1252 text: the guess's best match may be a DOS or Central European code
    # page; cp1252 wins when it reads the bytes as well (curly quotes, the euro sign)
    text = "\n".join(PARAGRAPHS * 2) + "\n"
    result = decode(text.encode("cp1252"))
    assert (result.text, result.encoding, result.method) == (text, "cp1252", "guess")
    page = _page("iso-8859-1").replace("; charset=iso-8859-1", "")
    assert decode(page.encode("cp1252")).text == page
