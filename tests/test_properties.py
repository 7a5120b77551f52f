"""Properties of the whole chain over generated documents."""
from hypothesis import HealthCheck, given, settings, strategies as st

from cleaner.api import Cleaner
from cleaner.errors import InputError
from cleaner.record import replay, restore_bytes

CLEANER = Cleaner()

words = st.sampled_from(["the", "council", "voted", "on", "Tuesday", "to", "approve", "a", "budget",
                         "Subscribe", "Share", "café", "â€™s", "&amp;", "\u00a0", "5:19 AM", "…", "\t"])
lines = st.lists(words, min_size=0, max_size=25).map(" ".join)
documents = st.lists(lines, min_size=1, max_size=12).map(lambda ls: "\n".join(ls))
arbitrary = st.text(max_size=300)


def _clean(text: str):
    raw = text.encode("utf-8")
    try:
        return raw, CLEANER.clean_bytes(raw, "doc.txt", "doc.txt")
    except InputError:
        return raw, None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(documents, arbitrary))
def test_chain_properties(text):
    raw, result = _clean(text)
    if result is None:
        return
    # edits are well formed: sorted, in range, non-overlapping (checked again by replay)
    for step in result.record["steps"]:
        previous_end = 0
        for edit in step["edits"]:
            assert previous_end <= edit["start"] <= edit["end"]
            previous_end = edit["end"]
    assert replay(result.decoded.text, result.record) == result.text
    assert restore_bytes(result.text, result.record) == raw
    assert CLEANER.clean_text(result.text) == result.text  # idempotent


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(raw):
    try:
        result = CLEANER.clean_bytes(raw, "doc.bin", "doc.txt")
    except InputError:
        return
    assert restore_bytes(result.text, result.record) == raw


def test_repair_made_possible_by_layout_is_done_in_the_same_cleaning():
    # ftfy leaves the mojibake after a double space; normalize-layout then makes it a single
    # space, which lets ftfy repair it: the next pass must run fix-encoding again
    raw = "The \u00e3\u201a\u00e2  \u00e2\u20ac\u2122.".encode("utf-8")
    first = CLEANER.clean_bytes(raw, "doc.txt", "doc.txt")
    assert CLEANER.clean_text(first.text) == first.text
    assert replay(first.decoded.text, first.record) == first.text


def test_an_encoding_repair_that_exposes_another_is_finished_in_the_same_cleaning():
    raw = b"\xc3\x82\x1e\xc2\x80\n"  # a control character between two pieces of mojibake
    first = CLEANER.clean_bytes(raw, "doc.txt", "doc.txt")
    assert CLEANER.clean_text(first.text) == first.text
