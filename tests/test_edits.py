"""Edits: checking, applying, inverting and mapping offsets back."""
import pytest
from hypothesis import given, strategies as st

from cleaner.edits import Edit, OffsetMap, apply_edits, check_edits, invert_edits
from cleaner.errors import EditConflictError


def edit(start, end, replacement="", rule="r.x"):
    return Edit(start, end, replacement, rule, "because")


def test_check_sorts_and_applies_in_one_pass():
    text = "0123456789"
    edits = check_edits([edit(6, 8, "X"), edit(0, 2)], len(text))
    assert [e.start for e in edits] == [0, 6]
    assert apply_edits(text, edits) == "2345X89"


def test_overlap_names_both_rules():
    with pytest.raises(EditConflictError, match="rules a.one and b.two overlap"):
        check_edits([edit(0, 5, rule="a.one"), edit(3, 7, rule="b.two")], 10, "demo")


def test_out_of_range_is_rejected():
    with pytest.raises(EditConflictError, match="outside the text"):
        check_edits([edit(8, 12)], 10)


def test_two_insertions_at_one_offset_conflict_but_noops_are_dropped():
    with pytest.raises(EditConflictError):
        check_edits([edit(3, 3, "a"), edit(3, 3, "b")], 10)
    assert check_edits([edit(3, 3, "")], 10) == ()


def test_adjacent_edits_are_fine():
    text = "abcdef"
    edits = check_edits([edit(0, 2), edit(2, 4, "Z")], len(text))
    assert apply_edits(text, edits) == "Zef"


def test_invert_rebuilds_input():
    text = "Hello   world\r\n"
    edits = check_edits([edit(5, 8, " "), edit(13, 15, "\n"), edit(0, 0, ">")], len(text))
    out = apply_edits(text, edits)
    assert out == ">Hello world\n"
    assert invert_edits(out, edits, [text[e.start:e.end] for e in edits]) == text


def test_offset_map_kept_text_is_exact_and_rewrites_map_to_edges():
    text = "aaXXXbb"
    edits = check_edits([edit(2, 5, "y")], len(text))
    out = apply_edits(text, edits)  # "aaybb"
    m = OffsetMap(edits)
    assert m.to_input(0) == 0
    assert m.to_input(3) == 5  # first 'b'
    assert m.to_input(2) == 2  # inside the rewrite: its start
    assert m.to_input(3, is_end=True) == 5  # end after the rewrite: its end
    assert out[3:] == text[m.to_input(3):]


@st.composite
def texts_and_edits(draw):
    text = draw(st.text(max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, last = [], -1
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a <= last:
            continue
        repl = draw(st.text(max_size=3))
        if a == b and not repl:
            continue
        edits.append(edit(a, b, repl))
        last = b
    return text, edits


@given(texts_and_edits())
def test_apply_then_invert_is_identity(case):
    text, edits = case
    edits = check_edits(edits, len(text))
    out = apply_edits(text, edits)
    assert invert_edits(out, edits, [text[e.start:e.end] for e in edits]) == text


@given(texts_and_edits())
def test_kept_characters_map_back_exactly(case):
    text, edits = case
    edits = check_edits(edits, len(text))
    out = apply_edits(text, edits)
    m = OffsetMap(edits)
    inserted = set()
    shift = 0
    for e in edits:
        inserted.update(range(e.start + shift, e.start + shift + len(e.replacement)))
        shift += len(e.replacement) - (e.end - e.start)
    for i, ch in enumerate(out):
        if i not in inserted:
            assert text[m.to_input(i)] == ch
