"""title: a headline-like first line followed by prose moves to metadata."""
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from cleaner.steps.base import Context
from cleaner.steps.title import LiftTitle
from conftest import run_step

SHARED = Path(__file__).resolve().parents[3] / "shared"

DEK = "Crews worked through the night after a barge struck the eastern span, officials said."
BODY = ("The Harbor Tunnel reopened to traffic on Friday morning.\n\n"
        "Engineers said the repairs would hold for at least a decade.\n")


def lift(text, metadata=None):
    out, edits, found = run_step(LiftTitle(), text, Context(metadata=metadata or {}))
    return out, dict(found), edits


@pytest.mark.parametrize("title", [
    "Harbor Bridge Reopens After Two-Year Repair",
    "Harbor bridge reopens after two-year repair, city says",
    "3 Things to Know About the Harbor Bridge Repair",
    "“Not one more delay”: harbor bridge reopens after repair",
    "Will the Harbor Bridge Finally Reopen This Week?",
    "$40 million to repair the harbor bridge and reopen its cycle lanes",
])
def test_headline_before_prose_moves_to_metadata(title):
    out, metadata, edits = lift(title + "\n\n" + DEK + "\n\n" + BODY)
    assert metadata == {"title": title}
    assert out == "\n" + DEK + "\n\n" + BODY
    assert [(e.rule, e.reason) for e in edits] == [("title.first-line", "headline moved to metadata")]
    assert lift(out) == (out, {}, ())


@pytest.mark.parametrize("first", [
    "The harbor bridge reopened on Friday after a two-year repair.",  # a full sentence
    "Source: Port Authority",                                         # a short label
    "Will the harbor bridge finally reopen this week?",              # sentence-case question
    "CAIRO, March 3 (Reuters) --",                                    # dateline
    "THE LONG REPAIR FIGHT BETWEEN",                                  # runs into the next line
    "By Jane Doe and Samuel Roe",                                     # byline
    "Harbor bridge repair photos at www.example.com today",           # link
    "harbor bridge reopens after two-year repair",                    # lower-case start
    "$ figures for the harbor bridge repair by year",                 # a symbol, no amount
    "Workers on the harbor bridge at dawn. | Photo: Ann Lee",         # a caption and its credit
])
def test_first_lines_that_are_not_headlines_stay(first):
    text = first + "\n" + DEK + "\n" + BODY
    assert lift(text) == (text, {}, ())


def test_headline_followed_by_another_short_line_stays():
    text = "Harbor Bridge Reopens After Repair\nTraffic and Transit Updates\n" + BODY
    assert lift(text)[2] == ()


def test_headline_followed_by_a_headline_shaped_question_stays():
    # lifting the first would make the question the next run's title
    assert lift("Harbor Bridge Reopens After Repair\nWill Traffic Return to Normal Soon?\n" + BODY)[2] == ()


def test_headline_followed_by_a_short_sentence_stays():
    assert lift("Harbor Bridge Reopens After Repair\nIt did.\n" + BODY)[2] == ()


def test_single_line_text_is_left_alone():
    assert lift("Harbor Bridge Reopens After Repair")[2] == ()
    assert lift("")[2] == ()


def test_line_with_surrounding_space_goes_with_its_newline_only():
    text = "\n\n  Harbor Bridge Reopens After Repair  \n\n" + DEK + "\n"
    out, metadata, _ = lift(text)
    assert out == "\n\n\n" + DEK + "\n"
    assert metadata == {"title": "Harbor Bridge Reopens After Repair"}


@pytest.mark.parametrize("line, title", [
    ("Harbor Bridge Reopens After Two-Year Repair | Coastal Daily News",
     "Harbor Bridge Reopens After Two-Year Repair"),
    ("Harbor bridge reopens after two-year repair - WXYZ 7",
     "Harbor bridge reopens after two-year repair"),
    # too long a suffix to be a site name: kept whole
    ("Harbor bridge reopens - crews finish the eastern span early",
     "Harbor bridge reopens - crews finish the eastern span early"),
])
def test_short_site_suffix_is_dropped_from_the_metadata_title(line, title):
    out, metadata, _ = lift(line + "\n" + DEK + "\n")
    assert metadata == {"title": title}
    assert out == DEK + "\n"


@given(st.lists(st.sampled_from([
    "Harbor Bridge Reopens After Repair", "Traffic and Transit Updates", DEK, "It did.", "", "  ",
    "Harbor bridge reopens after repair, city says", "By Jane Doe and Samuel Roe",
    "Will Traffic Return to Normal Soon?",
]), max_size=5))
def test_any_opening_gives_valid_edits_and_a_fixpoint(lines):
    text = "\n".join(lines) + "\n" + BODY
    out, _, edits = lift(text)
    assert len(edits) <= 1
    assert out.endswith(BODY)
    assert lift(out)[2] == ()


@pytest.mark.parametrize("hostile", [
    "A b c d" + " - " * 100_000 + "| x\n" + DEK,
    "Harbor " * 100_000 + "\n" + DEK,
    " " * 200_000 + "\n" + DEK,
])
def test_hostile_input_runs_in_linear_time(hostile):
    started = time.perf_counter()
    lift(hostile)
    assert time.perf_counter() - started < 5


def test_known_title_is_not_replaced():
    text = "Harbor Bridge Reopens After Repair\n" + DEK + "\n"
    out, metadata, edits = lift(text, {"title": "Harbor Bridge Reopens After Repair - Coastal Daily"})
    assert (out, metadata) == (DEK + "\n", {})
    assert lift(text, {"title": "Harbor ferry fares to rise in spring"})[2] == ()
    # a title sharing no word with the line names the site: the line is the article's title
    out, metadata, edits = lift(text, {"title": "Coastal Daily - Local News and Video for Kent County"})
    assert (out, metadata) == (DEK + "\n", {"title": "Harbor Bridge Reopens After Repair"})
    assert lift(out, {"title": "Coastal Daily - Local News and Video for Kent County"})[2] == ()
    # a title read from a page dump's removed header leaves the body as it was without one
    out, metadata, edits = lift(text, {"title": "A different story altogether", "title_from": "page header"})
    assert (out, metadata, len(edits)) == (DEK + "\n", {}, 1)


def test_a_headline_reworded_in_the_known_title_goes():
    # the page's headline, worded otherwise in its meta title: most words shared both ways
    known = {"title": "Harbor 2-1 Rovers: Okafor header settles derby late on"}
    text = "Okafor header settles derby late on as Harbor climb into play-offs\n" + DEK + "\n"
    out, metadata, edits = lift(text, known)
    assert (out, metadata) == (DEK + "\n", {})
    assert [e.rule for e in edits] == ["title.first-line"]
    # a headline-shaped line sharing only a word or two with the title is the article's own
    for line in ("Okafor header was his first of the season", "Why the derby mattered to both clubs"):
        assert lift(line + "\n" + DEK + "\n", known)[2] == ()


def test_a_known_title_that_is_a_sentence_goes_when_the_line_repeats_it_word_for_word():
    title = "We rebuilt the harbor crane. Then the storm came."
    out, metadata, edits = lift(title + "\n" + DEK + "\n", {"title": title})
    assert (out, metadata) == (DEK + "\n", {})
    assert lift(out, {"title": title})[2] == ()  # a fixpoint
    # without a known title, with another one, or from a page dump's header, the sentence stays
    for known in ({}, {"title": "We rebuilt the harbor crane"},
                  {"title": title, "title_from": "page header"}):
        assert lift(title + "\n" + DEK + "\n", known)[2] == ()


def test_the_known_title_over_its_subtitle_goes_with_the_subtitle():
    title = "We rebuilt the harbor crane. Then the storm came."
    subtitle = "Three months of welding, one night of wind, and what we learned"
    text = f"{title}\n{subtitle}\n{DEK}\n"
    out, metadata, edits = lift(text, {"title": title})
    assert (out, metadata) == (f"{DEK}\n", {"subtitle": subtitle})
    assert [e.rule for e in edits] == ["title.first-line", "title.subtitle"]
    # the body cleaned again, with or without the page's title, changes nothing (a subtitle
    # left first had been taken for the title then)
    assert lift(out, {"title": title})[2] == lift(out)[2] == ()
    # another known title, or no prose under the subtitle: left alone
    assert lift(text, {"title": "Storm wrecks the harbor crane"})[2] == ()
    assert lift(f"{title}\n{subtitle}\nPhotos\n", {"title": title})[2] == ()


def test_a_section_label_over_the_known_title_goes_with_it():
    known = {"title": "Harbor Bridge Reopens After Repair"}
    text = "Local news\n\nHarbor Bridge Reopens After Repair\n\n" + DEK + "\n"
    out, metadata, edits = lift(text, known)
    assert out.strip() == DEK and [e.rule for e in edits] == ["title.kicker", "title.first-line"]
    assert lift(out, known)[2] == ()  # a fixpoint
    # a sentence over the title, a title that is not the known one, or no prose under it: left alone
    for other in ("It rained.\nHarbor Bridge Reopens After Repair\n" + DEK + "\n",
                  "Local news\nA different headline for the bridge\n" + DEK + "\n",
                  "Local news\nHarbor Bridge Reopens After Repair\nPhotos\n"):
        assert lift(other, known)[2] == ()


def test_a_section_label_goes_over_a_longer_or_reworded_title_and_its_subtitle():
    # the page's meta title is the headline's first half, or the headline reworded
    subtitle = "Crews will start on the eastern span in the spring"
    for known, headline in (("Harbor bridge to reopen", "Harbor bridge to reopen after two-year repair"),
                            ("Harbor bridge repair: what changes from May",
                             "Harbor bridge repair approved by council: what changes from May")):
        text = f"Transport\n{headline}\n{subtitle}\n{DEK}\n"
        out, metadata, edits = lift(text, {"title": known})
        assert out == DEK + "\n", headline
        assert [e.rule for e in edits] == ["title.kicker", "title.first-line", "title.subtitle"]
        assert metadata == {"subtitle": subtitle}
        assert lift(out)[2] == ()
    # the title, short as a label, over a lead that opens with its words: the title alone goes
    lead = "Harbor bridge to reopen after two years of repairs, the city said on Monday evening."
    out, _, edits = lift(f"Harbor bridge to reopen\n{lead}\n{DEK}\n", {"title": "Harbor bridge to reopen"})
    assert out == f"{lead}\n{DEK}\n" and [e.rule for e in edits] == ["title.first-line"]
    # a reworded title sharing too few words: left alone
    assert lift(f"Transport\nCouncil backs the plan at last\n{subtitle}\n{DEK}\n",
                {"title": "Harbor bridge repair approved"})[2] == ()


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="shared seeds not present")
def test_seed_titles_match_the_gold_metadata():
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        meta = json.loads((SHARED / "seeds-gold" / seed.name.replace(".txt", ".meta.json")).read_text())
        text = seed.read_text(encoding="utf-8")
        out, metadata, _ = lift(text)
        first = text.strip().split("\n")[0].strip()
        if meta.get("title") == first:
            assert metadata == {"title": first}, seed.name
            assert lift(out)[2] == ()
        else:
            assert metadata == {}, seed.name
        if "title" in meta:  # as it looks once earlier steps removed the lines above the title
            gold = (SHARED / "seeds-gold" / seed.name).read_text(encoding="utf-8")
            out, metadata, _ = lift(meta["title"] + "\n\n" + gold)
            assert metadata == {"title": meta["title"]}
            assert out == "\n" + gold and lift(out)[2] == ()


@pytest.mark.skipif(not (SHARED / "bench").is_dir(), reason="shared bench not present")
def test_clean_article_bodies_rarely_lose_their_first_line():
    bodies = sorted((SHARED / "bench").glob("*/gold/*.txt"))
    lifted = [path.name for path in bodies if lift(path.read_text(encoding="utf-8"))[2]]
    # the few lifted lines are headlines or captions the gold kept; see the step's report
    assert len(bodies) > 400
    assert len(lifted) <= 0.04 * len(bodies)


def test_a_chapter_heading_under_a_title_sharing_no_word_stays():
    # a long read's first line is its first chapter's heading, not the page's title; a known
    # title sharing no word with it would otherwise be taken for the site's name
    text = "Part I: The warnings\n" + DEK + "\n"
    known = {"title": "The Waiting Room"}
    assert lift(text, known)[2] == ()
    for heading in ("Chapter 2 \u2014 The audit", "Part One: A sheen on the water"):
        assert lift(heading + "\n" + DEK + "\n", known)[2] == ()
