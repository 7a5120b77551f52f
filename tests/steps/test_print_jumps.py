"""print-jumps: a print edition's jump goes with the page furniture inside it; the story's parts join."""
import time

import pytest

from cleaner.api import Cleaner
from cleaner.steps.print_jumps import StripPrintJumps
from conftest import run_step

STEP = StripPrintJumps()

FIRST = ("After three hours of public comment, the council voted 5-2 on Tuesday to bring back "
         "parking meters on Front Street for the first time in eight years.\n"
         "Council Member Gerald Pryce, who voted no, proposed an amendment to keep the first hour "
         "free for shoppers, but it failed for want of a second.\n")
REST = ("Pryce said he was not against meters in principle but worried about how the change had "
        "been rushed through in a few weeks of meetings.\n"
        "The meters are expected to go live on May 1, and the city will review the program after "
        "twelve months.\n")


@pytest.mark.parametrize("out, furniture, back", [
    ("See PARKING, Page A5", "INSIDE TODAY\nBusiness ........ B1\nWEATHER\nToday: Cloudy, high 41\n"
     "THE COURIER | WEDNESDAY, FEBRUARY 11, 2026 | A3\nPage 5 of 36\nPARKING\n", "From Page A3"),
    ("Continued on A6", "INDEX\nClassified ... B6\nTIDES\nHigh 6:12 a.m. / 6:44 p.m.\nTreasurer\n",
     "Continued from A1"),
    ("Please see FLU, Page 8", "Page 8 / 24\nPAGE 8 • MONDAY, JANUARY 19, 2026 • THE SENTINEL\n",
     "Continued from Page 1"),
    ("(Continued on C4)", "SCOREBOARD\nNHL: Minnesota 4, Chicago 2\nPREP BASKETBALL\n", "FROM C1"),
])
def test_a_jump_goes_and_the_story_joins(out, furniture, back):
    text = FIRST + out + "\n" + furniture + back + "\n" + REST
    cleaned, edits, _ = run_step(STEP, text)
    assert cleaned == FIRST + REST
    assert [e.rule for e in edits] == ["print-jumps.jump"]
    assert run_step(STEP, cleaned)[1] == ()


@pytest.mark.parametrize("text", [
    # a jump line with nothing taking the story up below it: a page copied alone
    FIRST + "Continued on A6\nINDEX\nClassified ... B6\n",
    # a story taken up with no jump line above
    "PARKING\nFrom Page A3\n" + REST,
    # a paragraph of prose between the two: two stories, not one
    FIRST + "Continued on A6\n" + REST + "From A1\n" + REST,
    # the words in a sentence, not a jump line
    "The report, continued on page 6, says the garage must close.\nIt is from page 3 of the budget.\n" + REST,
    # too far apart
    FIRST + "Continued on A6\n" + "Classified ... B6\n" * 40 + "From A1\n" + REST,
])
def test_no_jump_no_edit(text):
    assert run_step(STEP, text)[1] == ()


def test_the_chain_keeps_both_parts_of_a_jumped_story():
    # without the step, main-text kept the first part and cut the rest with the furniture
    header = "Courier e-Edition\nPage 3 of 36\nZoom in\nZoom out\nLOCAL NEWS\nBy Dana Whitcombe\n"
    paragraphs = [f"Paragraph {n} of the story tells the council's long debate over parking meters and "
                  f"what the shops on Front Street said about them, in some detail." for n in range(1, 9)]
    furniture = ("INSIDE TODAY\nBusiness ........ B1\nObituaries ...... A8\nSports ........... C1\n"
                 "Comics ........... D4\nPuzzles .......... D6\nWEATHER\nToday: Cloudy, high 41, low 29\n"
                 "Thursday: Light snow, 1-2 inches\nFull forecast, A10\n"
                 "THE COURIER | WEDNESDAY, FEBRUARY 11, 2026 | A3\nPage 5 of 36\n"
                 "THE COURIER | WEDNESDAY, FEBRUARY 11, 2026 | A5\nPARKING\n")
    text = (header + "\n".join(paragraphs[:4]) + "\nSee PARKING, Page A5\n" + furniture + "From Page A3\n"
            + "\n".join(paragraphs[4:]) + "\n© 2026 Courier Publishing Co. All rights reserved.\n")
    body = Cleaner().clean_text(text)
    assert all(p in body for p in paragraphs), body
    assert "INSIDE TODAY" not in body and "Page A5" not in body


def test_linear_on_many_jump_lines():
    text = "Continued on A6\n" * 20000 + "x" * 100000 + "\n"
    started = time.perf_counter()
    run_step(STEP, text)
    assert time.perf_counter() - started < 5
