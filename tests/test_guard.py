"""The over-removal guard holds back removals that would gut a document."""
import json

from cleaner.api import Cleaner
from cleaner.guard import over_removal
from cleaner.record import restore_bytes
from cleaner.settings import Settings

PROSE = ("The regional council approved the new transit budget after a long debate on Tuesday night. "
         "Members argued about bus lanes, fares and the timing of the tram extension for hours.")
# a second paragraph: the same paragraph twice in a row would lose its copy (repeated-blocks)
PROSE2 = ("The budget adds twelve buses to the evening timetable and freezes fares for a year. "
          "Work on the tram extension is due to start in the spring, the council said.")


def test_guard_allows_debris_removal_and_flags_gutting():
    before = "\n".join(["Menu", PROSE, PROSE, "Share"])
    assert over_removal(before, "\n".join([PROSE, PROSE])) is None
    assert "would be removed" in over_removal(before, "Menu\nShare")
    assert over_removal(before, "") == "every paragraph would be removed"
    assert over_removal("Short text.", "") is None  # too small to judge


def test_an_article_run_into_one_line_counts_as_prose_whatever_its_last_words():
    # a press release pasted as one line, ending in its contact and copyright, no full stop
    release = (" ".join([PROSE] * 4) + " Media contact: Dana Reyes, +1 555-0100, press@example.org"
               " Copyright Example Newswire 2024")
    page = "\n".join(["Home", "World", "Business", "Sign in", release, "Share", "Print", "Email"])
    assert over_removal(page, release) is None
    assert "would be removed" in over_removal(page, "Home\nWorld\nBusiness\nSign in")
    # a reader's long comment, opening in lower case and ending without a stop, is not
    # counted as the article
    comment = " ".join(["so true, my kids went there. Nobody listened to us at all. The council never asks."] * 5)
    comment += " Just saying"
    assert over_removal("\n".join(["Home", comment, "Share"]), "Home\nShare") is None


def test_gutted_document_is_kept_and_marked_for_review(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "greedy.toml").write_text(
        '[[rule]]\nid = "greedy.all"\nscope = "block"\npatterns = ["[\\\\s\\\\S]+"]\nreason = "too greedy"\n')
    raw = ("Menu\n" + PROSE + "\n" + PROSE2 + "\n").encode()
    cleaned = Cleaner(Settings(rule_dirs=(rules,))).clean_bytes(raw, "a.txt", "a.txt")
    assert cleaned.record["status"] == "needs-review"
    assert cleaned.text == "Menu\n\n" + PROSE + "\n\n" + PROSE2 + "\n"
    proposed = cleaned.record["review"]["proposed"]
    assert proposed and proposed[0]["rule"] == "greedy.all"
    assert restore_bytes(cleaned.text, cleaned.record) == raw
    json.dumps(cleaned.record)


def test_a_comment_thread_longer_than_the_article_is_not_counted_as_lost_prose():
    article = "Council approves transit budget\n\n" + PROSE + "\n\n" + PROSE2 + "\n"
    replies = ["I ride the bus every day and the fares have gone up twice this year without any new routes at all.",
               "The tram extension was promised ten years ago and we are still waiting for the first shovel in the ground.",
               "Bus lanes would help if the council actually enforced them instead of letting delivery vans park there.",
               "Nobody on the council takes the bus, which is why these debates go on for hours without a real result.",
               "I would happily pay a little more if the service came on time and the stops had shelters from the rain."]
    # ten comments of three sentences each: over 90% of the page's prose
    thread = "\n".join(f"Reader{i} says:\nMay {i + 3}, 2021 at 10:0{i} pm\n{' '.join(replies[i % 5:] + replies[:i % 5])}"
                       f"\nReply" for i in range(10))
    raw = (article + "\n10 comments\n" + thread + "\n").encode()
    cleaned = Cleaner().clean_bytes(raw, "a.txt", "a.txt")
    assert cleaned.record["status"] == "cleaned"
    assert "fares have gone up" not in cleaned.text and PROSE in cleaned.text and PROSE2 in cleaned.text
    removed = [e for step in cleaned.record["steps"] if step["name"] == "comments" for e in step["edits"]]
    assert removed and "fares have gone up" in removed[0]["removed"]


def test_a_held_back_document_is_repaired_to_a_fixpoint_so_cleaning_it_again_changes_nothing():
    # held back (main-text would take every line); the mojibake is only repairable once
    # the layout step has made its double space single, in a second pass of the repairs
    # (a menu line between the copies: a paragraph printed twice in a row loses its copy)
    line = "The the the the the the the the the the.\n"
    raw = (line + "Home\n" + line + "Sign in\n" + line + "Skip to content\n" + line).encode() \
        + "Ã‚â  the the the the.".encode()
    cleaner = Cleaner()
    first = cleaner.clean_bytes(raw, "a.txt", "a.txt")
    assert first.record["status"] == "needs-review"
    assert "Ã" not in first.text
    assert restore_bytes(first.text, first.record) == raw
    assert cleaner.clean_bytes(first.text.encode(), "a.txt", "a.txt").text == first.text
