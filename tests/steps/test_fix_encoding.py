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


def test_a_closing_quote_that_lost_its_last_byte_is_a_quote_not_a_dagger():
    # "”" is E2 80 9D; read as cp1252 its last byte has no character and is dropped in
    # copying, leaving "â€" (ftfy alone reads "â€ " as a dagger and takes the space)
    out, edits = fix("â€œWe won,â€ the coach said. It was a long night.â€\n")
    assert out == "“We won,” the coach said. It was a long night.”\n"
    assert [e.rule for e in edits if e.replacement == "”"] == ["encoding.lost-byte-quote"] * 2
    # a decoder that replaced the byte left U+FFFD in its place
    out, edits = fix("â€œOur Town,â€\ufffd when Emily asks. It ended.â€\ufffd\n")
    assert out == "“Our Town,” when Emily asks. It ended.”\n"
    assert [e.rule for e in edits if e.replacement == "”"] == ["encoding.lost-byte-quote"] * 2


def test_a_closing_quote_with_a_lost_byte_before_a_stop_or_comma_is_restored():
    out, edits = fix("the labour forceâ€. And unemployedâ€, he said.\n")
    assert out == "the labour force”. And unemployed”, he said.\n"
    assert [e.rule for e in edits] == ["encoding.lost-byte-quote"] * 2
    # an opening quote's mojibake in the same word is ftfy's: the edit covers both
    assert fix("And â€œunemployedâ€, he said.\n")[0] == "And “unemployed”, he said.\n"


def test_an_i_acute_whose_soft_hyphen_was_dropped_is_restored():
    # "í" read as cp1252 is "Ã" and a soft hyphen, which extraction drops as invisible
    out, edits = fix("Dejó la empresa de logÃstica para abrir una fruterÃa. SÃO PAULO, Ãrea.\n")
    assert out == "Dejó la empresa de logística para abrir una frutería. SÃO PAULO, Ãrea.\n"
    assert [e.rule for e in edits] == ["encoding.lost-soft-hyphen"] * 2
    # with the soft hyphen still there, ftfy repairs the pair itself
    out, edits = fix("La caÃ\u00adda de ventas.\n")
    assert out == "La caída de ventas.\n" and [e.rule for e in edits] == ["encoding.ftfy"]


def test_the_rest_of_the_mojibake_family_is_left_to_ftfy():
    out, _ = fix("Prices rose 5â€“6% and itâ€™s â€œnewâ€\u009d.\n")
    assert out == "Prices rose 5–6% and it’s “new”.\n"


def test_a_letter_ftfy_leaves_inside_a_word_is_decoded():
    # alone on its line, "Å·" (ŷ) and "Ä…" (ą) read as text to ftfy; between two letters
    # they are no punctuation
    out, edits = fix("The harpist Llyr's cousin, the composer LlÅ·r Bowen, sang.\nZarzÄ…d odmÃ³wiÅ‚.\n")
    assert out == "The harpist Llyr's cousin, the composer Llŷr Bowen, sang.\nZarząd odmówił.\n"
    assert edits[0].rule == "encoding.in-word-letter"
    # at a word's edge the pair may be a letter and a dot, and stays
    text = "Group Å· scored five in the final.\n"
    assert fix(text) == (text, ())
