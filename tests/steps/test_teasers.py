"""teasers: a headline over a summary cut short goes; an ellipsis used for style stays."""
import time

import pytest

from cleaner.steps.base import Context
from cleaner.steps.teasers import StripRelatedTeasers
from conftest import run_step

STEP = StripRelatedTeasers()

BODY = (
    "The orchestra will tour six cities in the autumn, its director announced on Friday.\n"
    "\n"
    "Tickets go on sale next month, with a third of seats reserved for students.\n"
)


def clean(text):
    return run_step(STEP, text)[:2]


@pytest.mark.parametrize("teaser", [
    # cut mid-word with a single-character ellipsis
    "Glacier retreat speeds up in the Alps\n"
    "Swiss glaciers lost four percent of their volume this year, the fastest rate since records "
    "began, according to a survey published by the national monitoring network. The survey of ice thickn…\n",
    # cut after a whole word with three dots, blank line between
    "Farmers turn to drought-resistant wheat\n\n"
    "Growers in the south are planting new varieties as rainfall keeps falling short of the...\n",
    # cut after a comma
    "Port strike enters second week\n"
    "Dock workers rejected the latest offer on Tuesday, saying it did not cover overtime,...\n",
])
def test_single_teaser_goes_as_one_edit(teaser):
    out, edits = clean(BODY + "\n" + teaser)
    assert out == BODY + "\n"
    assert len(edits) == 1
    assert edits[0].rule == "teasers.truncated-summary"
    assert edits[0].reason == "related-article teaser (headline and truncated summary)"


def test_run_of_teasers_goes_as_one_edit_spaced_ellipsis_allowed():
    run = ("Library extends opening hours\n"
           "From next month the central branch will stay open until ten on weekday …\n"
           "Cycle lane plan approved\n"
           "The council voted eight to three in favour of a protected lane along the …\n")
    out, edits = clean(BODY + run)
    assert out == BODY
    assert len(edits) == 1
    assert "2 headlines" in edits[0].reason


def test_list_of_truncated_lines_without_headline():
    listing = ("Water rates to rise in spring as reservoirs...\n"
               "New ferry route links the two islands from...\n"
               "School inspectors praise reading programme at...\n")
    out, edits = clean(BODY + listing)
    assert out == BODY
    assert edits[0].rule == "teasers.truncated-list"


def test_question_headlines_with_the_dots_of_a_list_go_with_it():
    listing = ("Read next\nCan the old pier survive another storm? What the engineers say…\n"
               "What will the new bus fares cost you?…\nFive walks along the old sea wall…\n")
    out, edits = clean(BODY + listing)
    assert out == BODY
    assert len(edits) == 1


@pytest.mark.parametrize("text", [
    # an ellipsis for style inside a sentence that ends properly
    "The long wait\nWe knocked, we waited, and then... nothing.\n",
    # after a question, a rhetorical trailing-off
    "Why does this keep happening?\nBecause once you look at the numbers …\n",
    # a spaced ellipsis after a headline, alone: style, not a cut
    "The next big challenge\nAnd that brings us to the hardest part of all …\n",
    # a short afterthought after a full sentence
    "Space opera returns\nThe sequel will not include my favourite character after all. Sigh...\n",
    # a full stop, then the dots: the sentence ended
    "League hands out ban\nThe player was suspended for the rest of the season, the league said....\n",
    # a link label, not a cut sentence
    "Storm closes ski resorts\nMore weather news...\n",
    # a truncated line with no headline above it
    "He paused at the door, looked back at the empty hall, and said that he would return soon...\n",
    # a question trailing off in dots, alone after a headline: style
    "Storm season\nWill the sea wall hold this winter?…\n",
    # a long paragraph ending in an ellipsis, under a short heading
    "Night shift\n" + "The ward was quiet and the nurses moved from bed to bed checking charts. " * 8
    + "Then the alarm went off and everyone ran towards the...\n",
])
def test_style_ellipses_stay(text):
    assert clean(BODY + text)[1] == ()


def test_idempotent_and_well_formed():
    text = ("Intro line without teaser.\n"
            "Heading one here\nA summary that was cut right in the midd…\n"
            "Trailing teaser with words cut off here...\n"
            "Heading two here\nSecond summary that stops after a few words of...\n"
            "Closing paragraph of the article, with a full stop.")
    out, edits = clean(text)
    assert edits
    for edit in edits:
        assert 0 <= edit.start < edit.end <= len(text)
    assert [e.start for e in edits] == sorted(e.start for e in edits)
    assert STEP.run(out, Context()).edits == ()
    assert out == "Intro line without teaser.\nClosing paragraph of the article, with a full stop."


def test_empty_and_blank_texts():
    assert clean("")[1] == ()
    assert clean("\n\n  \n")[1] == ()


def test_linear_on_long_hostile_lines():
    text = ("Short headline here\n" + "a." * 40_000 + "...\n" + "…" * 50_000 + "\n"
            + ". " * 40_000 + "\n") * 3
    start = time.perf_counter()
    STEP.run(text, Context())
    assert time.perf_counter() - start < 1.0


LISTED = (
    "More regional headlines\n"
    "\n"
    "Council votes to extend the night bus service\n"
    "Councillors agreed on Tuesday to run three night routes until 2 a.m. for another year.\n"
    "Library reopens after a two-year renovation\n"
    "The central library opened its doors again on Saturday with a new children's wing.\n"
    "Storm closes the coastal road for a day\n"
    "High winds and fallen trees shut the coastal road between the two ports on Monday.\n"
)


def test_whole_headline_and_summary_pairs_in_one_block_go_as_a_list():
    out, edits = clean(BODY + "\n" + LISTED)
    assert out == BODY + "\nMore regional headlines\n\n"
    assert [e.rule for e in edits] == ["teasers.headline-summary-list"]
    assert edits[0].reason == "list of 3 related-article headlines with their summaries"
    assert clean(out)[1] == ()


def test_a_subheading_and_paragraph_right_under_the_list_are_the_article_going_on():
    # the last "pair" has a sentence under it with no headline over that: the article resumes
    resumed = ("The road ahead\n"
               "The project has not been smooth, and the budget grew by about a third.\n"
               "Engineers also had to redesign the lander's legs after the simulations.\n")
    out, edits = clean(BODY + "\n" + LISTED + resumed)
    assert out == BODY + "\nMore regional headlines\n\n" + resumed
    assert edits[0].reason == "list of 3 related-article headlines with their summaries"
    # three pairs in all, the last of them the article's: no list is left
    assert clean(BODY + "\n" + "\n".join(LISTED.splitlines()[:6]) + "\n" + resumed)[1] == ()


@pytest.mark.parametrize("kept", [
    # two pairs: a byline over the lead, a subheading over a paragraph
    "\n".join(LISTED.splitlines()[2:6]) + "\n",
    # the pairs separated by blank lines are an article's sections
    LISTED.replace("year.\n", "year.\n\n").replace("wing.\n", "wing.\n\n"),
    # a ranked list: numbered headings over a line about each
    "1. Saint John\nResidents there trust their neighbours more than anywhere else in the survey.\n"
    "2. Quebec City\nThe city scored highest on the sense of belonging to the community.\n"
    "3. Charlottetown\nPeople there reported short commutes and plenty of free time.\n",
    # a summary of three sentences is an article paragraph
    LISTED.replace("year.\n", "year. It costs little. Riders like it.\n"),
])
def test_shorter_spaced_numbered_or_longer_pairs_stay(kept):
    assert clean(BODY + "\n" + kept)[1] == ()


def test_listed_pairs_are_left_alone_without_blank_lines_or_after_html_extraction():
    # every line its own paragraph: a block says nothing about lists
    text = BODY.replace("\n\n", "\n") + "\n".join(LISTED.splitlines()[2:]) + "\n"
    assert "\n\n" not in text and clean(text)[1] == ()
    # trafilatura's text of a page has no blank lines between paragraphs either
    extracted = Context(metadata={"extractor": "trafilatura"})
    assert STEP.run(BODY + "\n" + LISTED, extracted).edits == ()


def test_a_labelled_truncated_line_does_not_take_the_list_item_above_it():
    text = ("Keep curtains closed in the afternoon\n"
            "Unplug devices that are not in use\n"
            "RELATED: Are rolling blackouts coming? What the grid's colour-coded alerts mean…\n"
            "RELATED: Cooling centres open across the county. Here's the full list…\n")
    out, edits = run_step(StripRelatedTeasers(), text)[:2]
    assert "Unplug devices that are not in use\n" in out
    assert not [e for e in edits if e.rule == "teasers.truncated-summary"]


def test_a_boxs_label_above_a_teaser_goes_with_it():
    text = ("Pour le maire, la nouvelle salle change tout et les associations pourront enfin se réunir l'hiver. »\n"
            "À lire aussi\n"
            "Inondations : trois routes fermées dans le secteur nord\n"
            "Le ministère des Transports recommande d'éviter les déplacements après les fortes pluies…\n"
            "Un chantier de deux ans\n"
            "Les travaux commenceront au printemps et dureront au moins deux ans, selon la ville.\n")
    out, edits = clean(text)
    assert "À lire aussi" not in out and "Inondations" not in out
    assert "Un chantier de deux ans\n" in out
    assert [e.rule for e in edits] == ["teasers.truncated-summary"]


def test_a_list_item_above_a_teaser_is_no_label():
    # the line above the short line is no paragraph ending a sentence: an item of the article's list
    text = ("The three stops are:\nHarbour Street\nMill Lane\n"
            "Glacier retreat speeds up in the Alps\n"
            "Swiss glaciers lost four percent of their volume this year, the fastest rate since records "
            "began, according to a survey. The survey of ice thickn…\n")
    out, _ = clean(text)
    assert out.startswith("The three stops are:\nHarbour Street\nMill Lane\n")
