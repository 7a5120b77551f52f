"""Long property runs (`pytest -m slow`): determinism, idempotence, records that replay and restore.

Documents are built from realistic lines: sentences, debris-like short lines,
timestamps, repeated lines, mojibake and odd Unicode, in several encodings
and line endings, sometimes wrapped as an HTML page. Over 10,000 of them:
nothing raises but `InputError`, the record replays to the output and
restores the exact source bytes, cleaning the output again changes nothing,
and two cleaners give the same bytes. A smaller property cleans generated
corpora with one and with two worker processes and compares the trees.
"""
from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from typer.testing import CliRunner

from cleaner.api import Cleaner
from cleaner.cli import app
from cleaner.engine import CHUNK
from cleaner.errors import InputError
from cleaner.record import dumps, replay, restore_bytes

pytestmark = pytest.mark.slow


WORDS = ["the", "council", "voted", "on", "Tuesday", "to", "approve", "a", "budget", "for", "harbour", "mayor",
         "said", "after", "long", "debate", "about", "road", "repairs", "and", "library", "residents", "café",
         "école", "naïve", "Zürich", "São", "Paulo", "€5m", "2024", "“quoted”", "it’s", "—", "(AP)", "U.S."]
DEBRIS = ["Skip to content", "Share this article", "Advertisement", "Sign up for our free weekly newsletter",
          "Read more", "Back to top", "Edit post", "Home > World > Europe", "Follow us on Twitter",
          "Copyright 2024 Coast Daily. All rights reserved.", "Photo: Reuters", "Related articles",
          "By Maria Lopez", "Log in / Register", "Accept cookies", "Comments (12)", "Menu", "Search", "|", "»"]
TIMESTAMPS = ["5:19 AM", "Updated 12 March 2024 10:15 GMT", "2024-03-12T10:15:00Z", "Tue, 12 Mar 2024",
              "3 hours ago", "12.03.2024, 10:15 Uhr", "Published: March 12, 2024"]
MOJIBAKE = ["â€™", "â€œ", "â€\x9d", "Ã©", "Ã¨", "Ã¼", "â€”", "Ã‚Â ", "&amp;", "&nbsp;", "&#8217;", "\x1b[31m"]
ODD = ["\u00a0", "\u200b", "\u00ad", "\ufeff", "\u202e", "\u2028", "\u2029", "\u0301", "\t", "\x0b", "\x0c",
       "\u3000", "😀", "👩‍👩‍👧", "中文", "ﾃｽﾄ", "𝔘𝔫𝔦", "\U000e0041", "\ufffd", "\x7f", "\x85"]

sentences = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(MOJIBAKE + ODD)), min_size=3,
                     max_size=30).map(lambda ws: " ".join(ws).capitalize() + ".")
debris = st.one_of(st.sampled_from(DEBRIS), st.sampled_from(TIMESTAMPS))
noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
lines = st.one_of(sentences, sentences, sentences, debris, st.sampled_from(MOJIBAKE + ODD), noise, st.just(""))


@st.composite
def documents(draw) -> str:
    body = draw(st.lists(lines, min_size=1, max_size=25))
    if body and draw(st.booleans()):  # repeated lines, as sidebars and feeds repeat
        repeated = draw(st.sampled_from(body))
        for _ in range(draw(st.integers(1, 4))):
            body.insert(draw(st.integers(0, len(body))), repeated)
    spaces = draw(st.sampled_from(["", " ", "  ", "\t"]))
    text = "\n".join(spaces + line for line in body) + draw(st.sampled_from(["", "\n", "\n\n"]))
    return text.replace("\n", draw(st.sampled_from(["\n", "\n", "\r\n", "\r"])))


@st.composite
def sources(draw) -> bytes:
    """A document as bytes: some encoding, sometimes an HTML page."""
    text = draw(documents())
    if draw(st.integers(0, 9)) == 0:
        paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
        text = f"<!DOCTYPE html><html><head><title>Story</title></head><body><nav>Home</nav>{paragraphs}</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le",
                                     "latin-1"]))
    return text.encode(encoding, errors="replace" if encoding in ("cp1252", "latin-1") else "surrogatepass")


@functools.cache
def cleaners() -> tuple[Cleaner, Cleaner]:
    """Two cleaners built apart: the same source must give the same bytes from each."""
    return Cleaner(), Cleaner()


def from_html(record: dict) -> bool:
    return any(step["name"] == "extract-html" and step["edits"] for step in record["steps"])


def check_document(raw: bytes, idempotent_html: bool = False) -> None:
    one, two = cleaners()
    try:
        first = one.clean_bytes(raw, "doc.txt", "doc.txt")
    except InputError:
        return
    assert replay(first.decoded.text, first.record) == first.text
    assert restore_bytes(first.text, first.record) == raw
    if idempotent_html or not from_html(first.record):
        again = one.clean_bytes(first.text.encode("utf-8"), "doc.txt", "doc.txt").text if first.text else ""
        assert again == first.text, "cleaning the output changed it"
    second = two.clean_bytes(raw, "doc.txt", "doc.txt")
    assert second.text == first.text and dumps(second.record) == dumps(first.record)


@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(sources())
def test_generated_documents_replay_restore_and_are_stable(raw):
    check_document(raw)


@settings(max_examples=1_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_arbitrary_bytes_replay_restore_and_are_stable(raw):
    check_document(raw)


UNSTABLE_PAGE = (b"<!DOCTYPE html><html><head><title>Story</title></head><body><nav>Home</nav><p>The the the the the.</p>"
                 b"<p>The the the.</p><p>The the council.</p><p>The the </p><p>.</p></body></html>")


@pytest.mark.xfail(strict=True, reason="known limit: an HTML page's body cleaned again as bare text, without its "
                                       "record, meets main-text, which the first cleaning skipped because trafilatura "
                                       "had chosen the text; with its record beside it the body is a fixpoint "
                                       "(test_extract_html: test_cleaning_the_cleaned_bodies_again_changes_nothing)")
@example(UNSTABLE_PAGE)
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.builds(lambda text: ("<!DOCTYPE html><html><head><title>Story</title></head><body><nav>Home</nav>"
                               + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body></html>")
                 .encode("utf-8"), documents()))
def test_cleaning_the_output_of_an_html_page_changes_nothing(raw):
    check_document(raw, idempotent_html=True)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(sources(), min_size=2 * CHUNK + 6, max_size=2 * CHUNK + 30))
def test_one_or_two_workers_write_the_same_tree(corpus):
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as scratch:
        src = Path(scratch) / "src"
        for i, raw in enumerate(corpus):
            (src / f"part{i % 4}").mkdir(parents=True, exist_ok=True)
            (src / f"part{i % 4}" / f"doc{i:03}.txt").write_bytes(raw)
        runs = {}
        for workers in ("1", "2"):
            out = Path(scratch) / f"out{workers}"
            result = runner.invoke(app, ["clean", str(src), "--out", str(out), "-j", workers, "-q"])
            assert result.exit_code in (0, 2), result.output
            runs[workers] = (result.exit_code, result.stderr, tree(out))
        assert runs["1"] == runs["2"]
