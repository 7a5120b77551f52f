"""normalize-layout: one paragraph per block, checked against golden cases."""
import textwrap
from pathlib import Path

import pytest

from cleaner.steps.normalize_layout import NormalizeLayout, NormalizeNewlines
from conftest import run_step

CASES = Path(__file__).resolve().parent.parent / "cases" / "normalize-layout"


def layout(text):
    for step in (NormalizeNewlines(), NormalizeLayout()):
        text = run_step(step, text)[0]
    return text


@pytest.mark.parametrize("case", sorted(CASES.glob("*.in.txt")), ids=lambda p: p.name.split(".")[0])
def test_golden(case):
    expected_path = case.with_name(case.name.replace(".in.txt", ".out.txt"))
    source = case.read_bytes().decode("utf-8")
    expected = expected_path.read_bytes().decode("utf-8") if expected_path.exists() else source
    assert layout(source) == expected


def test_empty_and_blank_texts_become_empty():
    assert layout("") == ""
    assert layout(" \n\t\n") == ""


def test_output_is_a_fixpoint():
    text = "  a  b\r\n\r\n\r\nc\td \n"
    once = layout(text)
    assert once == "a b\n\nc d\n"
    assert layout(once) == once


def test_random_whitespace_matches_a_plain_reference():
    """Lone spaces are not visited (the step looks only at runs that may need an edit);
    the result must still be what splitting into lines and words gives."""
    import random
    import re

    breaks = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
    rng = random.Random(7)
    alphabet = list("ab.") + [" ", " ", "\n", "\r\n", "\t", "\u00a0", "\u2028", "\x0b", "\u3000"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        paragraphs = [" ".join(line.split()) for line in breaks.split(text) if line.split()]
        expected = "\n\n".join(paragraphs) + "\n" if paragraphs else ""
        assert layout(text) == expected, repr(text)


def test_the_list_marks_of_a_pages_extraction_go_and_a_texts_own_dashes_stay():
    from cleaner.steps.base import Context

    text = "The plan has three parts:\n- Keep the old pier\n  - - Repair its deck\n-5°C at night\n- \n"
    page = Context(metadata={"extractor": "trafilatura"})
    once, edits, _ = run_step(NormalizeLayout(), text, page)
    assert once == "The plan has three parts:\n\nKeep the old pier\n\nRepair its deck\n\n-5°C at night\n\n-\n"
    assert {e.rule for e in edits if e.replacement == ""} == {"layout.list-mark"}
    assert run_step(NormalizeLayout(), once, page)[0] == once
    # a text file's dashes are its writer's: they stay
    assert layout(text) == "The plan has three parts:\n\n- Keep the old pier\n\n- - Repair its deck\n\n-5°C at night\n\n-\n"


WRAPPED = textwrap.fill(
    "The harbour board has agreed to rebuild the north breakwater after two winters of storm "
    "damage left parts of it under water at high tide, and work is due to start in the spring.", 64) + "\n" + \
    textwrap.fill("Fishermen said the delay had cost them a season of safe moorings, and that the repairs "
                  "were overdue by at least a decade.", 64) + "\n"


def test_a_hard_wrapped_paragraph_becomes_one_block():
    out, edits, _ = run_step(NormalizeLayout(), WRAPPED)
    assert out == ("The harbour board has agreed to rebuild the north breakwater after two winters of storm "
                   "damage left parts of it under water at high tide, and work is due to start in the spring."
                   "\n\nFishermen said the delay had cost them a season of safe moorings, and that the repairs "
                   "were overdue by at least a decade.\n")
    assert {e.rule for e in edits if e.replacement == " "} == {"layout.unwrap"}
    assert layout(out) == out
    # a wrapped paragraph under a finished one, or under a list's introduction after a
    # blank line, is still joined
    for above in ("They met on Tuesday.\n", "The board listed its reasons:\n\n"):
        assert layout(above + WRAPPED) == layout(above) + "\n" + out


@pytest.mark.parametrize("lines", [
    # headlines of about one width: they open with capitals, not in mid-sentence
    ["Harbour board agrees to rebuild the north breakwater this spring",
     "Fishermen say repairs to the moorings are overdue by a decade",
     "Council votes to keep three branch libraries open on weekdays",
     "Ferry timetable changes from Monday as the new terminal opens"],
    # two wrapped lines are not enough to tell
    ["The harbour board has agreed to rebuild the north breakwater after",
     "two winters."],
    # a list its sentence introduces, items in small letters of about one width
    ["Other symptoms can include:",
     "tenderness when you press on the inside of the heel",
     "stiffness in the arch first thing in the morning",
     "pain that is worse after exercise rather than during it",
     "a dull ache along the arch at the end of the day",
     "Causes and risk factors"],
    # and a second list under the first, its introduction among the items
    ["See a doctor if:",
     "you feel dizzy on standing most days",
     "you have fainted, even once, without an obvious reason",
     "dizziness started after beginning a new medicine or changing the dose",
     "you also feel very tired, short of breath or look pale",
     "you have fallen or nearly fallen because of dizziness",
     "Get emergency help straight away if dizziness comes with:",
     "chest pain or a racing, pounding or irregular heartbeat",
     "sudden weakness or numbness in the face, arm or leg",
     "slurred speech, confusion or sudden loss of vision"],
])
def test_lines_that_are_no_wrapped_paragraph_stay_blocks(lines):
    out = layout("\n".join(lines) + "\n")
    assert out == "\n\n".join(lines) + "\n"
