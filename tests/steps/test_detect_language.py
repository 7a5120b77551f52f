"""detect-language: the document's language, foreign paragraphs, the --lang filter; never an edit."""
import time

import pytest

from cleaner.steps.base import Context
from cleaner.steps.detect_language import (MAX_PARAGRAPH_CHECKS, DetectLanguage, langdetect,
                                           looks_english)
from conftest import SEEDS

ENGLISH = ("The city council voted on Tuesday to extend the night bus service for another year, "
           "after residents complained that the last trains left the centre far too early for "
           "shift workers who have no other way to get home.")
ENGLISH_2 = ("Officials said the cost would be shared between the region and the transport "
             "operator, and that a review of the timetable would follow in the spring when the "
             "first figures on passenger numbers are known.")
GERMAN = ("Die Stadtverwaltung hat am Dienstag beschlossen, den nächtlichen Busverkehr um ein "
          "weiteres Jahr zu verlängern, nachdem sich Anwohner über die frühen letzten Züge "
          "beschwert hatten.")
FRENCH = ("Le conseil municipal a voté mardi la prolongation du service de bus de nuit pour une "
          "année supplémentaire, après que des habitants se sont plaints des derniers trains.")


def detect(text, **options):
    return DetectLanguage(**options).run(text, Context())


def test_english_prose_is_decided_cheaply_without_langdetect():
    result = detect(f"{ENGLISH}\n{ENGLISH_2}\n")
    assert result.metadata["language"] == "en"
    assert result.metadata["language_method"] == "english function words"
    assert result.metadata["language_probability"] is None
    assert result.metadata["foreign_paragraphs"] == []
    assert result.edits == () and result.drop is None


def test_other_languages_go_to_langdetect_with_a_probability():
    for text, code in ((GERMAN, "de"), (FRENCH, "fr")):
        metadata = detect(text + "\n").metadata
        assert metadata["language"] == code
        assert metadata["language_method"] == "langdetect"
        assert metadata["language_probability"] >= 0.9


def test_lang_option_drops_other_languages_with_the_reason():
    result = detect(FRENCH + "\n", keep=("en",))
    assert result.drop == "language fr not in en"
    assert result.metadata["language"] == "fr"


def test_lang_option_keeps_listed_languages():
    assert detect(FRENCH + "\n", keep=("en", "fr")).drop is None
    assert detect(ENGLISH + "\n", keep=("EN",)).drop is None


def test_too_little_prose_is_undetermined_and_kept():
    # langdetect calls "Subscribe" Latin; we do not ask it about a line this short.
    result = detect("Subscribe\nShare\n", keep=("en",))
    assert result.metadata["language"] == "und"
    assert result.drop is None


def test_a_foreign_paragraph_is_recorded_and_stays():
    text = f"{ENGLISH}\n{GERMAN}\n{ENGLISH_2}\n"
    result = detect(text)
    assert result.metadata["language"] == "en"
    (foreign,) = result.metadata["foreign_paragraphs"]
    assert foreign["language"] == "de" and foreign["probability"] >= 0.9
    assert text[foreign["start"]:foreign["end"]] == GERMAN
    assert foreign["excerpt"] == GERMAN[:80]
    assert result.edits == ()


def test_names_and_short_lines_are_not_called_foreign():
    credits = "Cast: Mrinalini Sharma, Tushar Jalota, Gulshan Grover, Saurabh Shukla, Sushant Singh, Ravi Kishan"
    result = detect(f"{ENGLISH}\n{credits}\nDanke schön!\n{ENGLISH_2}\n")
    assert result.metadata["foreign_paragraphs"] == []


def test_langdetect_calls_per_document_are_bounded():
    german = [f"{GERMAN} Absatz {n}." for n in range(8)]
    text = "\n".join([ENGLISH * 3, ENGLISH_2 * 3] + german) + "\n"
    metadata = detect(text).metadata
    assert metadata["language"] == "en"
    assert len(metadata["foreign_paragraphs"]) == MAX_PARAGRAPH_CHECKS
    assert metadata["paragraphs_not_judged"] == 8 - MAX_PARAGRAPH_CHECKS


def test_detection_is_deterministic():
    mixed = "Ciao a tutti, the meeting is at noon, grazie mille e a presto amici"
    first = langdetect(mixed)
    assert all(langdetect(mixed) == first for _ in range(5))
    texts = [GERMAN, FRENCH, f"{ENGLISH}\n{GERMAN}\n"]
    runs = [[detect(t).metadata for t in texts] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]


def test_cheap_test_only_answers_for_plain_english():
    assert looks_english(ENGLISH)
    assert not looks_english(GERMAN) and not looks_english(FRENCH)
    assert not looks_english("Home | News | Sports | Weather | Contact us")


def test_every_seed_is_english():
    for path in sorted(SEEDS.glob("*.txt")):
        assert detect(path.read_text(encoding="utf-8")).metadata["language"] == "en", path.name


@pytest.mark.parametrize("text", [
    "x" * 200_000,
    "http" * 50_000 + " " + "www.a.com/" * 20_000,
    "Home | News | " * 20_000,
    "\n".join([GERMAN] * 2_000),
    " ".join(["the"] * 100_000),
], ids=["one-long-word", "addresses", "menu", "many-paragraphs", "many-words"])
def test_hostile_input_stays_fast(text):
    started = time.perf_counter()
    detect(text)
    assert time.perf_counter() - started < 2.0
