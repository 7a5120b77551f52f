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
