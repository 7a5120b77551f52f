"""normalize-layout: one paragraph per block, checked against golden cases."""
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
