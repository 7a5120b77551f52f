"""sentence_spans: where sentences of a paragraph start and end."""
import time

import pytest
from hypothesis import given, strategies as st

from cleaner.sentences import sentence_spans


def sentences(text):
    return [text[start:end] for start, end in sentence_spans(text)]


def test_plain_sentences_and_offsets():
    text = "  The dam held. Crews stayed all night!  Was it enough?  "
    assert sentences(text) == ["The dam held.", "Crews stayed all night!", "Was it enough?"]
    assert sentence_spans(text)[0] == (2, 15)


@pytest.mark.parametrize("text", [
    "Sen. Maria Lopez voted against the bill.",
    "Dr. Okafor and Gov. Hale met on Dec. 4 in the capital.",
    "The ferry left Wilmington, N.C., before dawn.",
    "The U.S. Navy sent two ships.",
    "Author J. R. Tolman signed copies.",
    "T.J. Barnes scored twice.",
    "Prices rose 3.5 percent in March.",
    "The song reached No. 3 on the chart.",
    "Acme Corp. Chief Executive Ana Ruiz resigned.",
    "The rate fell. but nobody noticed.",
])
def test_abbreviations_initials_and_decimals_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_a_german_dates_day_before_its_month_ends_no_sentence():
    text = "Der Beschluss steht am 20. Juni auf der Tagesordnung. Die Sitzung ist öffentlich."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Der Beschluss steht am 20. Juni auf der Tagesordnung.", "Die Sitzung ist öffentlich."]
    # a number before any other capitalized word still ends a sentence
    text = "The vote was 7. Then the council adjourned."
    assert len(sentence_spans(text)) == 2


def test_dotted_abbreviation_ends_a_sentence_before_a_usual_opener():
    assert sentences("She moved to the U.S. The visa came later.") == [
        "She moved to the U.S.", "The visa came later."]
    assert sentences("Doors open at 7 p.m. Tickets are free.") == [
        "Doors open at 7 p.m. Tickets are free."]


def test_quotes_and_brackets_after_the_period_stay_with_the_sentence():
    text = 'He said it was “far from over.” Then he left. (Officials agreed.) "Fine," she said.'
    assert sentences(text) == [
        "He said it was “far from over.”", "Then he left.", "(Officials agreed.)", '"Fine," she said.']


def test_german_quotes_close_with_a_high_mark_and_open_with_a_low_one():
    text = 'Der Landrat sagt: „Wir haben es versucht.“ Die Feuerwehr bekommt ein Fahrzeug. „Gut so“, sagt er.'
    assert sentences(text) == [
        "Der Landrat sagt: „Wir haben es versucht.“", "Die Feuerwehr bekommt ein Fahrzeug.", "„Gut so“, sagt er."]


def test_a_sentence_may_start_with_a_digit_and_may_lack_a_final_period():
    assert sentences("The vote passed. 2024 was busy | Radio Hour") == [
        "The vote passed.", "2024 was busy | Radio Hour"]


def test_line_breaks_always_end_a_sentence():
    assert sentences("First line without period\nSecond line.\n\n  Third") == [
        "First line without period", "Second line.", "Third"]


def test_empty_and_blank_texts_have_no_sentences():
    assert sentence_spans("") == []
    assert sentence_spans(" \n\t ") == []


@given(st.text(alphabet=st.sampled_from("aZ .!?\"”'(\n3"), max_size=200))
def test_spans_are_ordered_stripped_and_in_range(text):
    previous_end = 0
    for start, end in sentence_spans(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


@pytest.mark.parametrize("hostile", [
    "." * 200_000 + "x",
    "." + " " * 200_000 + "x",
    "a." * 100_000 + " B",
    "." + "”" * 200_000 + " A",
    "Word. " * 50_000,
])
def test_hostile_input_is_split_in_linear_time(hostile):
    started = time.perf_counter()
    sentence_spans(hostile)
    assert time.perf_counter() - started < 5
