"""fix-encoding: ftfy repairs, explained; clean text untouched."""
from cleaner.steps.fix_encoding import FixEncoding
from conftest import run_step


def fix(text):
    return run_step(FixEncoding(), text)[:2]


def test_mojibake_is_repaired_with_ftfy_explanation():
    out, edits = fix("The mayorâ€™s office said so.\nSecond line stays.\n")
    assert out == "The mayor’s office said so.\nSecond line stays.\n"
    assert len(edits) == 1 and edits[0].rule == "encoding.ftfy"
    assert "ftfy" in edits[0].reason and "utf-8" in edits[0].reason


def test_entities_ligatures_and_controls():
    out, _ = fix("Fish &amp; chips, a \ufb01ne day\x07.")
    assert out == "Fish & chips, a fine day."


def test_odd_spaces_and_invisible_characters():
    out, edits = fix("ten\u00a0km away\u200b, co\u00adoperate")
    assert out == "ten km away, cooperate"
    assert {e.rule for e in edits} == {"unicode.odd-space", "unicode.invisible"}


def test_clean_text_and_typography_are_untouched():
    text = "“Curly quotes” — dashes, café, Grüße, 東京、中文，全角。\n"
    out, edits = fix(text)
    assert out == text and edits == ()


def test_several_repairs_on_one_line_are_separate_tight_edits():
    out, edits = fix("Itâ€™s the cafÃ© near the ministerâ€™s office, said the mayorâ€™s aide.")
    assert out == "It’s the café near the minister’s office, said the mayor’s aide."
    assert [e.replacement for e in edits] == ["’", "é", "’", "’"]
