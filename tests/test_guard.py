"""The over-removal guard holds back removals that would gut a document."""
import json

from cleaner.api import Cleaner
from cleaner.guard import over_removal
from cleaner.record import restore_bytes
from cleaner.settings import Settings

PROSE = ("The regional council approved the new transit budget after a long debate on Tuesday night. "
         "Members argued about bus lanes, fares and the timing of the tram extension for hours.")


def test_guard_allows_debris_removal_and_flags_gutting():
    before = "\n".join(["Menu", PROSE, PROSE, "Share"])
    assert over_removal(before, "\n".join([PROSE, PROSE])) is None
    assert "would be removed" in over_removal(before, "Menu\nShare")
    assert over_removal(before, "") == "every paragraph would be removed"
    assert over_removal("Short text.", "") is None  # too small to judge


def test_gutted_document_is_kept_and_marked_for_review(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "greedy.toml").write_text(
        '[[rule]]\nid = "greedy.all"\nscope = "block"\npatterns = ["[\\\\s\\\\S]+"]\nreason = "too greedy"\n')
    raw = ("Menu\n" + PROSE + "\n" + PROSE + "\n").encode()
    cleaned = Cleaner(Settings(rule_dirs=(rules,))).clean_bytes(raw, "a.txt", "a.txt")
    assert cleaned.record["status"] == "needs-review"
    assert cleaned.text == "Menu\n\n" + PROSE + "\n\n" + PROSE + "\n"
    proposed = cleaned.record["review"]["proposed"]
    assert proposed and proposed[0]["rule"] == "greedy.all"
    assert restore_bytes(cleaned.text, cleaned.record) == raw
    json.dumps(cleaned.record)
