"""repeated-blocks: widget lines that stutter go; structure that repeats around content stays."""
import time

import pytest

from cleaner.steps.base import Context
from cleaner.steps.repeated_blocks import StripRepeatedBlocks
from conftest import run_step

STEP = StripRepeatedBlocks()

BODY = (
    "The regional train network will add forty new carriages by next summer.\n"
    "\n"
    "Passenger numbers have grown by a fifth since the fare cap was introduced.\n"
)


def clean(text):
    return run_step(STEP, text)[:2]


@pytest.mark.parametrize("widget, kept", [
    # a sign-up form rendered over and over, with its list name inside
    ("Sign up\nRequired field\nRequired field\nSign up\nRequired field\n\nSign up\n"
     "Weekly digest for commuters\nRequired field\nSign up\n", ""),
    # the same line stuttering, blank lines between
    ("Load more\n\nLoad more\n\nLoad more\n", ""),
    # a group of two lines repeated back to back
    ("Share this\nCopy link\nShare this\nCopy link\nShare this\nCopy link\n", ""),
    # the confirmation sentence after the form is prose and stays
    ("Join now\n* mandatory\nJoin now\n* mandatory\nJoin now\nThanks, you are on the list.\n",
     "Thanks, you are on the list.\n"),
])
def test_stuttering_widget_lines_go(widget, kept):
    out, edits = clean(BODY + widget)
    assert out.replace("\n\n\n", "\n\n").rstrip("\n") == (BODY + kept).rstrip("\n")
    assert {e.rule for e in edits} <= {"repeated-blocks.repeated-line", "repeated-blocks.widget-remnant"}


def test_reason_counts_the_repeats_and_names_the_remnant():
    _, edits = clean(BODY + "Sign up\nOur morning briefing\nSign up\nSign up\n")
    reasons = {e.reason for e in edits}
    assert "line repeated 3 times in the page (form or widget)" in reasons
    assert "short line inside a repeated form or widget" in reasons


def test_a_widget_line_goes_wherever_it_appears():
    text = "Advertisement\n" + BODY + "Advertisement\nAdvertisement\nAdvertisement\n"
    assert clean(text)[0] == BODY


@pytest.mark.parametrize("text", [
    # section headings that return before each part of a story
    "".join(f"What the report says\nPart {n} of the findings was discussed at length by the panel.\n"
            for n in range(4)),
    # a label under each item of a buying guide
    "".join(f"Kettle model {n} for ${n}0\nSee it at the store\n" for n in range(1, 6)),
    # a label under each short item: as many one-off lines as labels
    "Packer\nNorthtown\nDriver\nNorthtown\nWelder\nNorthtown\nCook\nNorthtown\n",
    # a pull quote printed twice, and a line repeated only twice
    "\"We will not back down.\"\n" + BODY + "\"We will not back down.\"\nShare\nShare\n",
    # a repeated sentence is prose, however often it comes
    "It rained.\nIt rained.\nIt rained.\n",
    # lines of digits or symbols only: a score table, separators
    "0\n0\n1\n0\n***\n***\n***\n",
])
def test_content_that_repeats_stays(text):
    assert clean(BODY + text)[1] == ()


def test_idempotent_and_well_formed():
    # "Tag" repeats too far apart until the form lines between are gone.
    form = "Subscribe\n* required\n" * 3
    prose = "Some prose between the two forms, long enough to be a paragraph.\n"
    text = BODY + "Tag\n" + form + "Tag\n" + prose + "Tag\n" + form + "Tag\nlast line"
    out, edits = clean(text)
    assert edits
    for edit in edits:
        assert 0 <= edit.start < edit.end <= len(text)
    assert STEP.run(out, Context()).edits == ()
    assert "Subscribe" not in out and "required" not in out


def test_empty_and_blank_texts():
    assert clean("")[1] == ()
    assert clean("\n\n")[1] == ()


def test_linear_on_many_repeats():
    text = "Subscribe\nRequired\n" * 20_000 + BODY + "x\n" * 40_000
    start = time.perf_counter()
    out, _ = clean(text)
    assert time.perf_counter() - start < 3.0
    assert out.startswith(BODY)


def test_a_paragraph_printed_twice_in_a_row_loses_its_second_copy():
    doubled = "Fares will rise by four per cent from April, the operator confirmed on Tuesday.\n"
    out, edits = clean(BODY + doubled + "\n" + doubled + "The last train leaves at midnight.\n")
    assert out == BODY + doubled + "\n" + "The last train leaves at midnight.\n"
    assert [e.rule for e in edits] == ["repeated-blocks.doubled-paragraph"]
    # a short line twice (a label, a heading) and a paragraph repeated further on stay
    for text in (BODY + "Read more\nRead more\n", doubled + BODY + doubled):
        assert clean(text) == (text, ())


def test_a_table_of_contents_goes_and_the_subheadings_it_lists_stay():
    heads = ["Why fares are rising", "What the operator says", "What happens next?"]
    body = "".join(f"{head}\n{line}\n" for head, line in zip(heads, BODY.split("\n\n") + [
        "The regulator will publish its review of the fare cap in the autumn.\n"]))
    contents = "".join(head + "\n" for head in heads)
    out, edits = clean(contents + "\n" + body)
    assert out == "\n" + body
    assert {e.rule for e in edits} == {"repeated-blocks.contents-list"}
    # the same lines printed again together (a menu repeated in the footer) stay, and so
    # do a template's lines printed under each of three records
    menu = contents + "\n" + BODY + "\n" + contents
    assert clean(menu) == (menu, ())
    cards = contents + "\n" + body + body
    assert clean(cards) == (cards, ())


def test_a_display_quote_repeating_a_sentence_above_it_goes_with_its_signature():
    said = ("\"The pier has stood for a century and it will stand for another,\" the harbour "
            "master, Ines Varga, told the meeting on Monday.\n")
    quote = "\u201cThe pier has stood for a century and it will stand for another.\u201d\n"
    out, edits = clean(said + "\n" + quote + "\u2014 Ines Varga\n\n" + BODY)
    assert out == said + "\n\n" + BODY  # the blank lines around the quote stay for the layout step
    assert [e.rule for e in edits] == ["repeated-blocks.pull-quote"] * 2
    # the same quotation before the paragraph that says it (a subheading over it), a
    # quotation the article says nowhere else, and one of four words stay
    for text in (quote + said + BODY, said + "\n\u201cWe will rebuild the whole pier this year.\u201d\n" + BODY,
                 "The crowd chanted \u201cSave our pier now\u201d all night.\n\u201cSave our pier now\u201d\n" + BODY,
                 # the page's headline in a breadcrumb above, the article's first line below
                 "Home \u00bb Local news \u00bb How many lives can one blood drive save this year?\n"
                 "\"How many lives can one blood drive save this year?\"\n" + BODY):
        assert clean(text) == (text, ())


def test_a_display_quote_cut_from_inside_a_french_quotation_goes():
    # the quote opens with a capital where the paragraph has it mid-sentence, and the
    # paragraph ends in a stop and a spaced closing guillemet
    said = ("Un client lui apporte un sac de farine ancienne. « Je ne m\u2019attendais \u00e0 rien. Je l\u2019ai "
            "go\u00fbt\u00e9 et j\u2019ai eu l\u2019impression de n\u2019avoir jamais mang\u00e9 de pain de ma vie. »\n")
    quote = "\u00ab J\u2019ai eu l\u2019impression de n\u2019avoir jamais mang\u00e9 de pain de ma vie. \u00bb\n"
    out, edits = clean(said + "\n" + quote + "\n" + BODY)
    assert out == said + "\n\n" + BODY
    assert [e.rule for e in edits] == ["repeated-blocks.pull-quote"]


def test_a_display_quote_set_in_capitals_goes_too():
    # print pages set their display quotes in capitals, and may join two quoted sentences
    said = ("Mikkelsen is blunt about why growth took so long. \"We were not good at business,\" he "
            "says. \"We were good at steel.\" The workshop now employs forty people.\n")
    for quote in ("\"WE WERE NOT GOOD AT BUSINESS. WE WERE GOOD AT STEEL.\"\n",
                  "\u201cWE WERE NOT GOOD AT BUSINESS,\u201d\n"):
        out, edits = clean(said + quote + BODY)
        assert out == said + BODY and [e.rule for e in edits] == ["repeated-blocks.pull-quote"], quote
    # capitals the paragraph does not say, or its sentences in the wrong order: they stay
    for quote in ("\"WE WERE NEVER GOOD AT BUSINESS. WE WERE GOOD AT STEEL.\"\n",
                  "\"WE WERE GOOD AT STEEL. WE WERE NOT GOOD AT BUSINESS.\"\n"):
        assert clean(said + quote + BODY)[1] == (), quote


def test_linear_on_many_quotations():
    quote = "\u201cThe pier has stood for a century and it will stand for another.\u201d\n"
    text = ("The pier has stood for a century and it will stand for another, the harbour master told "
            "the meeting on Monday.\n" + quote) * 3000
    started = time.perf_counter()
    out, edits = clean(text)
    assert time.perf_counter() - started < 2.0
    assert len(edits) == 3000 and quote not in out


def test_a_display_quote_of_sentences_before_the_paragraph_that_says_them_goes():
    # set beside its paragraph, the display quote comes first in the page's text; its
    # sentences stand in the paragraph with the attribution between them, and the page
    # set them in other quotation marks and apostrophes
    quote = "\u201cThe government can give us a new truck. It can\u2019t drive it.\u201d\n"
    said = "\"The government can give us a new truck,\" she said. \"It can't drive it.\"\n"
    out, edits = clean(BODY + quote + said + BODY)
    assert out == BODY + said + BODY
    assert [e.rule for e in edits] == ["repeated-blocks.pull-quote"]
    # a quotation of one sentence over the paragraph may be its subheading: it stays
    single = "\u201cWe knew they could not keep it up for ninety minutes\u201d\n"
    text = BODY + single + "\"We knew they could not keep it up for ninety minutes,\" the coach said afterwards.\n"
    assert clean(text) == (text, ())


def test_a_wikis_numbered_contents_goes_though_its_subheadings_carry_edit_links():
    # "1 History", "1.1 Medieval market" over "History[edit]", "Medieval market[edit]": a
    # section's heading may stand right over its first subsection's
    contents = "1\tHistory\n1.1\tMedieval market\n1.2\tThe railway\n2\tGeography\n"
    body = ("History[edit]\nMedieval market[edit]\n" + BODY + "The railway [edit]\n" + BODY
            + "Geography(edit)\n" + BODY)
    out, edits = clean(contents + "\n" + body)
    assert out == "\n" + body
    assert {e.rule for e in edits} == {"repeated-blocks.contents-list"}
