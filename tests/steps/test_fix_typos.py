"""fix-typos: misspellings fixed with their evidence; names, foreign words and odd tokens left alone."""
import random
import re
import time

import pytest
from hypothesis import given, settings, strategies as st

from cleaner.errors import RuleFileError
from cleaner.rules import shipped_rules_dir
from cleaner.steps.base import Context
from cleaner.steps.detect_language import DetectLanguage
from cleaner.steps.fix_typos import FixTypos, load_protected, load_typos
from cleaner.vocabulary import PageWords, channel, english, for_language, osa_distance
from conftest import SEEDS
from conftest import run_step


def fix(text, metadata=None, step=None):
    metadata = {"language": "en"} if metadata is None else metadata
    return run_step(step or FixTypos(), text, Context(metadata=metadata))


def why_kept(text):
    """Why the step left the first word it doubted, asserting that it changed nothing."""
    out, _, metadata = fix(text)
    assert out == text
    return metadata["typos_unfixed"][0]["why"]


def fix_as_chain(text):
    """The language step first, as in the chain."""
    return fix(text, DetectLanguage().run(text, Context()).metadata)


def test_seeds_get_exactly_one_fix_soldiears_in_002():
    changes = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _, edits, _ = fix_as_chain(text)
        changes += [(path.name[:3], text[e.start:e.end], e.replacement, e.rule) for e in edits]
    assert changes == [("002", "soldiears", "soldiers", "typos.frequency")]


def test_frequency_fix_records_its_candidates():
    out, (edit,), _ = fix("In recent days the soldiears have begun engaging in assault operations.")
    assert out == "In recent days the soldiers have begun engaging in assault operations."
    assert edit.rule == "typos.frequency"
    assert re.fullmatch(r"misspelling: soldiears -> soldiers \(candidates: soldiers \d\.\de-\d\d.*\)",
                        edit.reason)


def test_curated_misspellings_are_fixed():
    out, edits, _ = fix("Officials said they had recieved the goverment's letter and would reply.")
    assert out == "Officials said they had received the government's letter and would reply."
    assert [e.rule for e in edits] == ["typos.curated", "typos.curated"]
    assert edits[0].reason == "common misspelling: recieved -> received (curated list)"


def test_a_curated_misspelling_opening_a_sentence_is_fixed_with_its_capital():
    out, edits, _ = fix("The rota will be reviewed in July. Definately bring the dog, she told the members.")
    assert out == "The rota will be reviewed in July. Definitely bring the dog, she told the members."
    assert edits[0].reason == "common misspelling: Definately -> Definitely (curated list)"
    out, _, _ = fix("“Goverment offices stay shut,” the notice on the door of the hall said.")
    assert out == "“Government offices stay shut,” the notice on the door of the hall said."


@pytest.mark.parametrize("text", [
    "Ombudsman Dmytro Lubinets and Kate Tsurkan spoke to Abbey Fenbert, according to Ziare.",
    "South Korean MP Lee Seong-kweun said the Yonhap report from Kyiv was accurate.",
    "The mechanised brigades entered the Ukrainian theatre, the organisation said of the colour guard.",
    "The assessment of drone vulner…",
    "Soldiears and Recieved are capitalized, so they stay as written.",
    # capitalized inside a sentence: a name or a brand, whatever it looks like
    "The Definately brand sold well in the shops last year, the owner said.",
    # a sentence's first word that only the frequency evidence would fix stays
    "Soldiears were tired after the long march, the officer told reporters.",
    # a curated misspelling alone on its line: a label
    "Definately",
])
def test_names_british_spellings_capitals_and_cut_words_stay(text):
    out, edits, _ = fix(text)
    assert out == text and edits == ()


@pytest.mark.parametrize("text", [
    "See https://example.com/soldiears/report for the full story on the drones.",
    "Write to soldiears@example.com if you want the full story on the drones.",
    "The campaign used #soldiears and @soldiears to spread the full story.",
    "Run `soldiears --help` to see what the full story is about today.",
    "The 3soldiears and soldiears2 files hold the full story about drones.",
    "The soldiears-led unit and the pro/soldiears camp told the full story.",
    "He wrote that the soldiears [sic] were tired after the long march.",
    "The note read “the soldiears were tired [sic] after the march” in full.",
    "The soldiears were tired, and the soldiears were hungry after the march.",
    # the word after a lone capital is not corrected on its own (the capital is joined to it,
    # see the drop-cap test, only at a line's start)
    "The note said W hile the soldiers slept, the drones kept watch over the camp.",
    # a word alone in quotes is named, not used: a made-up word in a study, a coinage
    'Each child heard a story with made-up words, such as a "pimble" (a kind of spiral).',
    "The children learned the word “soldiears” for the toy robots in the full story.",
])
def test_words_outside_running_prose_stay(text):
    out, edits, _ = fix(text)
    assert out == text and edits == ()


def test_a_lowercase_word_opening_or_closing_a_paragraph_stays():
    text = "ruptions for their superiority in the field.\nYou need to register first to be eligibl\n"
    out, _, _ = fix(text)
    assert out == text


def test_unknown_word_without_dominant_candidate_is_noted_not_changed():
    text = "They bought bread at the stoe on Friday, the neighbours said."
    out, edits, metadata = fix(text)
    assert out == text and edits == ()
    (note,) = metadata["typos_unfixed"]
    assert note["word"] == "stoe" and note["offset"] == text.index("stoe")
    assert note["note"] == "unknown word, no safe fix" and note["why"] == "no dominant candidate"
    assert {c[0] for c in note["candidates"]} >= {"store", "stone"}


@pytest.mark.parametrize("elsewhere, meant", [("The store opens at eight.", "store"),
                                              ("The stone wall is old.", "stone")])
def test_a_candidate_the_document_uses_elsewhere_is_the_one_meant(elsewhere, meant):
    text = f"They bought bread at the stoe on Friday. {elsewhere}"
    out, (edit,), _ = fix(text)
    assert out == text.replace("stoe", meant)


@pytest.mark.parametrize("text, meant", [
    ("Critics praised the writer and the cold winter. Later the witer said she was pleased.", "writer"),
    ("Critics praised the writer and the cold winter. It was a cold witer for the farmers.", "winter"),
])
def test_a_candidate_the_document_uses_beside_the_same_words_is_the_one_meant(text, meant):
    # both candidates are used once: only the neighbours ("the _ said", "cold _") tell them apart
    out, _, _ = fix(text)
    assert out == text.replace("witer", meant)


def test_page_words_count_uses_and_neighbours():
    page = PageWords("The writer said so. Then the writer left, and the winter came.")
    assert page.share("writer") == 2 / 12 and page.share("poet") == 0
    assert page.share_beside("writer", "the", "said") == (2 / 3 + 1 / 1) / 2
    assert page.share_beside("winter", "the", "said") == (1 / 3 + 0) / 2
    assert page.share_beside("winter", None, None) == 0
    text = "See the witer, said Ann."
    assert PageWords(text).neighbours(text.index("witer"), text.index("witer") + 5) == ("the", "said")
    assert PageWords("witer").neighbours(0, 5) == (None, None)


def test_a_rare_word_the_document_also_uses_inflected_stays():
    text = "He said the deportee had paid an agent to reach the border before he was deported."
    assert fix(text)[0] == text.replace("deportee", "deported")  # a rare word, "deported" on the page
    text = text.replace("before he was deported.", "The deportees were deported.")
    assert fix(text)[0] == text


def test_a_typo_closing_a_paragraph_is_fixed_unless_it_could_be_a_word_cut_short():
    text = "The brigade lost many of its soldiears\nThe rest held the line through the night.\n"
    assert fix(text)[0] == text.replace("soldiears", "soldiers")
    text = "The brigade held the line through the night.\nsoldiears\nThe rest held on.\n"
    assert fix(text)[0] == text  # alone on its line: a name or a label as much as a word


def test_three_letter_typos_and_foreign_words_that_are_slips_are_fixed():
    text = "Last wek the council voted to close the old library, and he went back to wrok."
    assert fix(text)[0] == "Last week the council voted to close the old library, and he went back to work."


def test_a_common_word_with_a_prefix_or_suffix_outweighs_a_distant_slip():
    text = "The players were defensing well in the second half, the coach said."
    assert why_kept(text) == "a known word with a prefix or suffix"


def test_a_listed_word_behind_a_prefix_is_meant_but_a_short_stem_is_still_weighed():
    # "retiling" is one slip from "retailing", but it is "re" + "tiling": a roof tiled again
    text = "Volunteers spent the winter scraping, painting and retiling the old pool, the trust said."
    assert why_kept(text) == "a known word with a prefix"
    text = "Villagers will be paid to desilt their own fields, the minister said on Monday."
    assert fix(text)[0] == text  # "de" + "silt", not "desist"
    # "son" is too short a stem to vouch for "reson", which is "reason" mistyped
    text = "There was no reson to close the pool for the whole summer, the trust said."
    assert fix(text)[0] == text.replace("reson", "reason")


def test_a_word_made_an_adjective_with_y_is_meant_unless_its_ly_form_is_meant():
    # "crashy" is "crash" + "y" (as "glitchy"), one slip from "crash" itself
    text = "The ride on big wheels is firm but never crashy, and the steering is light."
    assert why_kept(text) == "a known word with a prefix or suffix"
    # "finally" is listed: "finaly" is it short of an "l", not "final" + "y"
    text = "The bridge finaly reopened on Monday after two years of repairs, the council said."
    assert fix(text)[0] == text.replace("finaly", "finally")


def test_a_whole_word_with_two_letters_added_at_an_edge_is_a_derivation_not_a_slip():
    # "zoning" is used on the page, and "upzoning" is two letters from it
    text = ("The council spent a year on zoning rules. Its upzoning plan passed in June, "
            "and the zoning board met again in May to review the zoning map and the parking rules.")
    assert why_kept(text) == "a known word with two letters added at an edge"


def test_unknown_word_with_no_candidate_is_noted():
    text = "The new zorblaxian device was shown to reporters at the fair."
    out, _, metadata = fix(text)
    assert out == text
    assert metadata["typos_unfixed"][0]["word"] == "zorblaxian"


def test_foreign_paragraphs_are_untouched():
    german = ("Die Regierung hat am Montag erklärt, dass die Soldaten und Panzer noch in dieser "
              "Woche verlegt werden sollen, sagte ein Sprecher des Ministeriums in Berlin.")
    french = ("Le gouvernement a déclaré lundi que les soldats et les chars seraient déplacés "
              "cette semaine, selon un porte-parole du ministère de la défense à Paris.")
    english = ("North Korean soldiears have begun engaging in assault operations alongside "
               "Russian forces in the region, the military said on Monday after a long review.")
    text = f"{english}\n{german}\n{french}\n{english.replace('soldiears', 'soldiers')}\n"
    out, edits, _ = fix_as_chain(text)
    assert out == text.replace("soldiears", "soldiers", 1)
    assert len(edits) == 1


@pytest.mark.parametrize("text", [
    "The sign said Eintritt frei und ohne Anmeldung, which means free entry, and the mayor agreed.",
    "Kurz: Die Soldaten werden verlegt, sagt er.",
    "Le gouvernement a déclaré que les chars seraient déplacés cette semaine.",
])
def test_german_and_french_words_stay_even_without_the_language_step(text):
    # wordfreq's English list knows "verlag" and "serpent": without these guards
    # "verlegt" and "seraient" would be "fixed" to them.
    out, edits, _ = fix(text)
    assert out == text and edits == ()


def test_crowded_paragraph_is_left_alone():
    text = "the blorf and the snarg of the quibbet wandered past the soldiears at night."
    text = "Then " + text
    out, edits, metadata = fix(text)
    assert out == text and edits == ()
    assert {n["why"] for n in metadata["typos_unfixed"]} == {"paragraph has many unknown words"}


def test_other_languages_and_no_language_are_skipped():
    text = "North Korean soldiears have begun engaging in assault operations."
    assert fix(text, {"language": "de"})[2] == {"typos_skipped": "no vocabulary for language de"}
    assert fix(text, {})[2] == {"typos_skipped": "no language detected"}
    assert fix(text, {"language": "und"})[1] == ()


def test_protected_words_are_never_changed():
    text = "North Korean soldiears have begun engaging in assault operations."
    out, edits, _ = fix(text, step=FixTypos(protect=["Soldiears"]))
    assert out == text and edits == ()
    assert "meting" in load_protected(shipped_rules_dir() / "protect.txt")
    assert fix("They were meting out punishment for perceived transgressions.")[1] == ()


def test_user_rule_folder_adds_typos_and_protected_words(tmp_path):
    (tmp_path / "typos.txt").write_text("# ours\nnoosepaper->newspaper\n", encoding="utf-8")
    (tmp_path / "protect.txt").write_text("recieved\n", encoding="utf-8")
    step = FixTypos(rule_dirs=[tmp_path])
    out, _, _ = fix("The noosepaper said it had recieved the files on Friday.", step=step)
    assert out == "The newspaper said it had recieved the files on Friday."


@pytest.mark.parametrize("line", ["noosepaper newspaper", "Bad->good", "same->same", "a->b c->d"])
def test_malformed_typo_lists_name_the_file_and_line(tmp_path, line):
    path = tmp_path / "typos.txt"
    path.write_text(f"# header\n{line}\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"typos\.txt:2"):
        load_typos(path)


def test_shipped_typo_list_is_sorted_and_sound():
    path = shipped_rules_dir() / "typos.txt"
    entries = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert entries == sorted(entries)
    pairs = load_typos(path)
    protected = load_protected(shipped_rules_dir() / "protect.txt")
    vocabulary = english()
    for wrong, right in pairs.items():
        assert wrong not in protected
        # the right form is a real, commoner word; the wrong one is no common word
        assert all(part in vocabulary for part in right.split()), right
        assert vocabulary.zipf(wrong) < 4.0 and vocabulary.zipf(wrong) + 1 <= min(
            vocabulary.zipf(part) for part in right.split()), wrong


def test_distance_counts_a_swap_as_one_and_the_keyboard_weighs_slips():
    assert osa_distance("soldiers", "soldiesr") == 1
    assert osa_distance("soldiers", "soldiears") == 1
    assert osa_distance("abcdef", "badcfe") == 3  # capped at limit + 1
    assert channel("wabt", "want") == 0.25 / 4  # b is one of n's four neighbours
    assert channel("wabt", "wait") == channel("wabt", "want") / 100  # b is far from i
    assert channel("arguement", "argument") > channel("wabt", "wait")  # vowels are confused more
    assert channel("soldiesr", "soldiers") == channel("soliers", "soldiers") == 0.25  # swap, drop
    assert channel("sooldiers", "soldiers") == 0.25 / 2  # a key struck twice: half the extra keys
    assert channel("oldiers", "soldiers") == channel("soliers", "soldiers") / 2  # first letter: rarer
    assert channel("ocur", "occur") == 2 * channel("ocur", "octur")  # either c of a pair dropped
    assert channel("soldierss", "soldiers") > channel("soldiersx", "soldiers")  # struck twice
    suggestion = english().suggest("wabt")
    assert suggestion.word == "want" and suggestion.candidates[0].word == "want"


def test_the_step_is_idempotent():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts.append("They recieved the soldiears' letters, and the goverment's reply came late.")
    for text in texts:
        once, _, _ = fix_as_chain(text)
        twice, edits, _ = fix_as_chain(once)
        assert edits == () and twice == once


WORDS = st.sampled_from(["the", "soldiears", "recieved", "goverment's", "Fenbert", "und", "die",
                         "verlegt", "teh", "[sic]", "“", "”", "https://x.com/teh", "café", "vulner…",
                         "W", "hile", "5km", "#teh", "a", "council", "voted", "chargde", "\t", " "])
DOCUMENTS = st.lists(st.lists(WORDS, max_size=20).map(" ".join), min_size=1, max_size=8).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(DOCUMENTS, st.text(max_size=300)))
def test_any_text_gives_checked_edits_and_a_fixed_point(text):
    once, _, _ = fix_as_chain(text)
    assert fix_as_chain(once)[1] == ()


def _hostile():
    rng = random.Random(5)
    invented = ("".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(7)) for _ in range(3000))
    yield "The " + "a" * 100_000 + " was long."
    yield "The " + "“" * 50_000 + " [sic] soldiears were tired."
    yield "The soldiears " + "x@" * 50_000 + " here."
    yield "The soldiears " + "<" * 30_000 + "`" * 30_000 + "[ " * 30_000 + " here."
    yield "\n".join(f"The council said the {words} were tired and hungry after a long march."
                    for words in invented)


@pytest.mark.parametrize("text", list(_hostile()), ids=["long-word", "quotes", "at-signs", "brackets",
                                                        "many-unknown-words"])
def test_hostile_input_stays_fast(text):
    started = time.perf_counter()
    _, _, metadata = fix_as_chain(text)
    assert time.perf_counter() - started < 3.0
    assert len(metadata.get("typos_unfixed", [])) <= 50


def test_words_weighed_per_document_are_bounded():
    text = list(_hostile())[-1]
    metadata = fix_as_chain(text)[2]
    assert len(metadata["typos_unfixed"]) == 50
    more = metadata["typos_unfixed_more"]
    assert more["too many unknown words in the document"] == 3000 - 200
    assert sum(more.values()) == 3000 - 50


def test_a_drop_capital_split_from_its_word_is_joined_on_a_line_of_prose():
    text = ("T he first ferry of the season left the harbour at dawn with forty passengers aboard.\n"
            "“W hen the bell rang, everyone on the quay cheered,” the harbour master said later.\n"
            "B movies were shown in the old ferry terminal on Friday nights for many years.\n"
            "T he end\n")
    out, edits, _ = fix(text)
    assert out == text.replace("T he first", "The first").replace("W hen", "When")
    assert {e.rule for e in edits} == {"typos.drop-cap"}
    assert fix(out)[0] == out


@pytest.mark.parametrize("wrong,right", [("consistant", "consistent"), ("beggining", "beginning"),
                                         ("disasterous", "disastrous")])
def test_a_misspelling_on_codespells_list_is_fixed_though_english_counts_it_as_a_rare_word(wrong, right):
    text = f"The coach said the team had been {wrong} all season, and the fans agreed with her.\n"
    out, edits, _ = fix(text)
    assert out == text.replace(wrong, right)
    assert [(e.rule, e.reason) for e in edits] == [
        ("typos.listed", f"common misspelling: {wrong} -> {right} (codespell's list)")]


def test_codespells_list_leaves_words_english_uses():
    # "aircrafts" and "heros" are on the list, but English uses them often enough to count them as words
    for text in ("The aircrafts were grounded, and the heros of the rescue were honoured on Monday.\n",):
        out, edits, _ = fix(text)
        assert out == text and not [e for e in edits if e.rule == "typos.listed"]


@pytest.mark.parametrize("text,word,why", [
    # the page is about one marrow, so "marrow" weighs heavily; "marrows" is its plural
    ("The marrow weighed 48lb. The marrow was slashed at night, and the marrow class went "
     "ahead. A villager said there is a lot of pride tied up in those marrows these days.",
     "marrows", "another form of a candidate"),
    # wordfreq lists "neap" (rare) but not "neaps"; "heaps" is one key away
    ("The best catches have come on the smaller neaps, when boats can hold bottom with "
     "a light lead and the drift stays slow over the wreck.", "neaps", "a listed word's plural"),
])
def test_a_plural_of_a_rare_word_is_meant_as_written(text, word, why):
    out, edits, _ = fix(text)
    assert out == text and not edits
    assert for_language("en").suggest(word).why == why


def test_a_word_one_letter_from_a_shorter_word_is_no_other_form_of_it():
    # "fild" is "fil" with a "d" added, which is no past tense: it is still "field" mistyped
    assert for_language("en").suggest("fild").why != "another form of a candidate"


def test_an_unknown_word_the_page_also_uses_inflected_is_a_word_of_the_trade():
    text = ("She showed us the pleachers, stakes and binders of a laid hedge. Each pleacher is cut "
            "most of the way through at the base and bent over, and it grows again in spring.")
    assert why_kept(text) == "used in another form in the document"


def test_an_unlisted_verb_whose_ing_form_is_listed_is_meant():
    # "rewet" is not listed but "rewetting" is: a rare verb, not "reset" mistyped
    text = ("Finland has pledged to rewet 100,000 hectares of drained bog by 2030, which the "
            "scientists called a good start for the climate and for the birds of the moor.")
    assert why_kept(text) == "its -ing, -ed or -s form is a listed word"
    # a slip's -ing form is no word: "hwlped" is still "helped" mistyped
    assert for_language("en").suggest("hwlped").word == "helped"


def test_an_agent_noun_of_a_verb_in_y_is_meant():
    # wordfreq lists "apply" but not "applier": "applied" is one key away
    text = "If you know you are a light applier, going higher buys you a margin, the dermatologist said.\n"
    out, edits, _ = fix(text)
    assert out == text and not edits
    assert for_language("en").suggest("applier").why == "a known word with a prefix or suffix"
    # a slip is still a slip: "appliad" is "applied" mistyped
    assert for_language("en").suggest("appliad").word == "applied"


def test_the_comparative_of_a_short_adjective_in_y_is_meant():
    # wordfreq lists "sly" but not "slyer": "slayer" and "flyer" are one key away
    text = ("The film could have been a cosy culture-clash comedy. The two writers have "
            "something slyer in mind, and the last act shows it.\n")
    out, edits, _ = fix(text)
    assert out == text and not edits
    assert for_language("en").suggest("wryest").word is None
    # a longer word is left to the weighing as before: "hapier" is still "happier" mistyped
    assert for_language("en").suggest("hapier").word == "happier"


def test_an_unlisted_noun_whose_plural_is_listed_is_meant():
    # wordfreq lists "sledders" but not "sledder": "slender" is one key away
    text = ("Nine of the slides were triggered remotely, meaning a skier or sledder set off a slope "
            "from a distance, the forecasters said on Monday at the briefing.")
    assert why_kept(text) == "its -ing, -ed or -s form is a listed word"


def test_an_unlisted_plural_of_a_common_word_is_still_a_slip():
    # a common word's real plural is listed: "helpeds" is "helped" with a key struck twice
    assert for_language("en").suggest("helpeds").word == "helped"


def test_an_unknown_word_beside_its_shorter_form_is_still_a_slip():
    # "saidd" is "said" with a letter added: the page saying "said" is no evidence for it
    text = ("The mayor said the road would open in May. The engineer saidd the bridge needs "
            "another month of work before the first lorries can cross it safely.")
    out, edits, _ = fix(text)
    assert "engineer said the bridge" in out
