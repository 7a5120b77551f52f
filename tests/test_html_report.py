"""The HTML report: escaping, determinism, highlight offsets, and the page in a real headless Chromium."""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

import browser
from browser import artifacts_dir, chromium
from cleaner.api import Cleaner
from cleaner.html_report import ReportDocument, entries, render_report, summarize
from cleaner.steps.corpus_repeats import line_key

HOSTILE_NAME = '"><img src=x onerror="window.__pwned=3">.txt'
CAFE = """Skip to content
Menu

Local café reopens after fire

The cafÃ© on Main Street reopened on Monday after a fire in March closed it for six weeks. \
The owner said the community had been generous and supportive throughout the long closure.

Customers lined up before dawn, and several regulars brought flowers. <script>window.__pwned = 1</script> \
The menu is unchanged, the owner said, except for a new pastry.

An inspector wrote that the kitchen is now safer than before. <img src=x onerror="window.__pwned=2"> \
The building has new wiring and sprinklers.

Share this article
Sign up for our free weekly newsletter
"""
PAGE = ("<!DOCTYPE html><html><head><title>Council vote</title></head><body><nav>Home | News | Sport</nav>"
        "<article><h1>Council votes on budget</h1><p>The council voted on Tuesday to approve the budget for "
        "next year, after a long debate about road repairs and the library.</p><p>Members said the vote was "
        "close and that the library would stay open on Sundays.</p></article><footer>Copyright</footer>"
        "</body></html>")
SYNDICATED = """Wire service report

Heavy rain flooded several roads in the valley on Sunday night, and crews worked until dawn to clear them.
Officials said the river rose faster than forecast and that two bridges would stay closed for inspection.
Residents were asked to avoid the lower town until the water recedes, which may take several more days.
"""


def corpus() -> list[ReportDocument]:
    """Three real cleaner runs: debris and hostile markup, an HTML page, and a document held for review."""
    docs = []
    for name, text in (("cafe.txt", CAFE), ("page.html", PAGE), (HOSTILE_NAME, "Short note <b>bold</b>.\n")):
        result = Cleaner().clean_bytes(text.encode("utf-8"), name, name)
        docs.append(ReportDocument(name, result.decoded.text, result.text, result.record))
    # every prose line "seen across the corpus": the guard holds the removals back
    repeated = {line_key(line): 5 for line in SYNDICATED.splitlines() if line.strip()}
    result = Cleaner(corpus={"repeated_lines": repeated}).clean_bytes(SYNDICATED.encode(), "wire.txt", "wire.txt")
    docs.append(ReportDocument("wire.txt", result.decoded.text, result.text, result.record))
    return docs


def chars_removed(docs: list[ReportDocument], step: str) -> int:
    """Written out here rather than reused: the page must agree with an independent count."""
    return sum(max(0, len(e["removed"]) - len(e["replacement"]))
               for doc in docs for s in doc.record["steps"] if s["name"] == step for e in s["edits"])


def find_edit(doc: ReportDocument, removed_prefix: str) -> tuple[str, dict]:
    return next((entry.step, entry.edit) for entry in entries(doc.record)
                if entry.edit["removed"].startswith(removed_prefix))


class SourceView(HTMLParser):
    """Reads one document's original view back: its text, and where each highlight starts and ends."""

    def __init__(self) -> None:
        super().__init__()
        self.text, self.marks, self.open, self.depth, self.in_ins = "", [], [], 0, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "pre" and attrs.get("class") == "source":
            self.depth = 1
        elif self.depth and tag == "mark":
            self.open.append((len(self.text), attrs))
        elif self.depth and tag == "ins":
            self.in_ins = True

    def handle_endtag(self, tag):
        if self.depth and tag == "mark":
            start, attrs = self.open.pop()
            self.marks.append((start, len(self.text), attrs))
        elif self.depth and tag == "ins":
            self.in_ins = False
        elif tag == "pre":
            self.depth = 0

    def handle_data(self, data):
        if self.depth and not self.in_ins:
            self.text += data


def source_view(page: str, index: int) -> SourceView:
    section = re.search(rf'<section class="doc" id="doc-{index}">(.*?)</section>', page, re.S).group(1)
    view = SourceView()
    view.feed(section)
    return view


@pytest.fixture(scope="module")
def docs() -> list[ReportDocument]:
    return corpus()


@pytest.fixture(scope="module")
def page(docs) -> str:
    return render_report(docs)


def test_document_text_never_reaches_the_page_as_markup(page):
    # the one <script> is the report's own; the injected ones are text
    assert page.count("<script") == 1
    assert "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert escape_attr(HOSTILE_NAME) in page


def escape_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def test_rule_ids_reasons_and_metadata_are_escaped_too():
    evil = '<script>alert(1)</script>"'
    record = fake_record([("strip-debris", [edit(0, 4, "", rule=evil, reason=evil)])], metadata={"title": evil})
    page = render_report([ReportDocument(evil, "evil text", " text", record)], title=evil)
    assert page.count("<script") == 1 and "alert(1)</script>" not in page


def test_same_documents_give_the_same_bytes(page):
    assert render_report(corpus()) == page


def test_content_security_policy_admits_only_the_shipped_script_and_style(page):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    for tag in ("script", "style"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp


def test_original_view_is_the_source_and_every_highlight_sits_on_its_source_span(page, docs):
    for index, doc in enumerate(docs):
        view = source_view(page, index)
        assert view.text == doc.source_text
        spans = {(start, end) for start, end, _ in view.marks}
        for entry in entries(doc.record):
            if entry.exact and not entry.layout:
                assert (entry.edit["source_start"], entry.edit["source_end"]) in spans


def test_replacement_is_highlighted_at_its_offsets_as_old_to_new(page, docs):
    step, fix = find_edit(docs[0], "Ã©")
    assert step == "fix-encoding"
    view = source_view(page, 0)
    start, end, attrs = next(m for m in view.marks if fix["rule"] in m[2]["title"])
    assert (start, end) == (fix["source_start"], fix["source_end"])
    assert docs[0].source_text[start:end] == "Ã©"
    assert "<del>Ã©</del><ins>é</ins></mark>" in page
    assert fix["reason"] in attrs["title"]


def test_nested_edit_keeps_both_highlights():
    source = "Share this cafÃ© page\nBody text.\n"
    record = fake_record([
        ("fix-encoding", [edit(14, 16, "é", rule="encoding.ftfy", removed="Ã©")]),
        ("strip-debris", [edit(0, 21, "", rule="share.prompt", removed="Share this café page\n",
                               source=(0, 22))]),
    ])
    page = render_report([ReportDocument("n.txt", source, "Body text.\n", record)])
    view = source_view(page, 0)
    assert view.text == source
    assert sorted((s, e) for s, e, _ in view.marks) == [(0, 22), (14, 16)]


def test_edit_inside_an_earlier_rewrite_is_listed_not_highlighted(page, docs):
    html_doc = docs[1]
    later = [e for e in entries(html_doc.record) if not e.exact and not e.layout]
    view = source_view(page, 1)
    assert [attrs["title"].split(" · ")[0] for *_, attrs in view.marks] == ["extract-html"]
    for entry in later:
        assert entry.edit["rule"] in page


def test_needs_review_documents_are_listed_with_their_reason(page, docs):
    wire = docs[3]
    assert wire.record["status"] == "needs-review"
    listed = re.search(r'<ul id="review-list">(.*?)</ul>', page, re.S).group(1)
    assert '<a href="#doc-3">wire.txt</a>' in listed
    assert escape_attr(wire.record["review"]["reason"]) in listed
    assert "corpus-repeats.line" in page and "these removals were held back" in page
    assert re.search(r'id="total-needs-review">1<', page)


def test_summary_matches_the_records(docs):
    totals = summarize(docs)
    assert totals["documents"] == 4
    assert totals["by_step"]["strip-debris"] == chars_removed(docs, "strip-debris")
    assert totals["bytes_in"] == sum(len(d.source_text.encode()) for d in docs)
    assert totals["needs_review"] == [3]


def edit(start, end, replacement, rule="r.x", reason="a reason", removed=None, source=None):
    removed = "x" * (end - start) if removed is None else removed
    source_start, source_end = source or (start, end)
    return {"rule": rule, "reason": reason, "start": start, "end": end, "source_start": source_start,
            "source_end": source_end, "removed": removed, "replacement": replacement}


def fake_record(steps, status="cleaned", metadata=None):
    digest = "0" * 64
    return {"format": "cleaner-record", "version": 1, "cleaner": "0", "settings": "0",
            "source": {"path": "x", "sha256": digest, "size": 10}, "output": {"path": "x", "sha256": digest, "size": 5},
            "decode": {"encoding": "utf-8", "bom": False, "method": "utf-8", "lossless": True},
            "source_bytes": None, "metadata": metadata or {}, "status": status, "dropped": None,
            "steps": [{"name": name, "edits": edits, "metadata": {}} for name, edits in steps]}


@pytest.mark.parametrize(("ci", "outcome"), [("true", pytest.fail.Exception), ("", pytest.skip.Exception)])
def test_missing_chromium_fails_in_ci_and_skips_elsewhere(monkeypatch, tmp_path, ci, outcome):
    monkeypatch.setattr(browser, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="no-chromium is missing"):
        browser.require_browser()


# --- in a real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser_page(docs, page, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    report = folder / "report.html"
    report.write_text(page, encoding="utf-8")
    with chromium(folder / "profile") as driver:
        yield driver, report.as_uri()


def open_report(browser_page):
    driver, url = browser_page
    driver.get(url)
    return driver


def mark_for(driver, text):
    from selenium.webdriver.common.by import By
    return driver.find_element(By.XPATH, f"//pre[@class='source']//mark[starts-with(., '{text}')]")


@pytest.mark.browser
def test_browser_injected_markup_does_not_run_and_shows_as_text(browser_page):
    from selenium.webdriver.common.by import By
    driver = open_report(browser_page)
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.find_elements(By.TAG_NAME, "img") == []
    assert len(driver.find_elements(By.TAG_NAME, "script")) == 1
    cleaned = driver.find_element(By.CSS_SELECTOR, "#doc-0 pre.cleaned")
    assert "<script>window.__pwned = 1</script>" in cleaned.text
    assert HOSTILE_NAME in driver.find_element(By.CSS_SELECTOR, "#doc-2 h2").text
    problems = [entry["message"] for entry in driver.get_log("browser")
                if "Content Security Policy" in entry["message"] or entry["level"] == "SEVERE"]
    assert problems == []


@pytest.mark.browser
def test_browser_summary_shows_the_record_totals(browser_page, docs):
    from selenium.webdriver.common.by import By
    driver = open_report(browser_page)
    assert driver.find_element(By.ID, "total-documents").text == str(len(docs))
    cell = driver.find_element(By.CSS_SELECTOR, '#by-step tr[data-step="strip-debris"] td.num')
    assert int(cell.text.replace(",", "")) == chars_removed(docs, "strip-debris") > 0
    bars = driver.find_elements(By.CSS_SELECTOR, "#chart rect")
    assert len(bars) == len(summarize(docs)["by_step"])


@pytest.mark.browser
def test_browser_highlight_has_a_tooltip_with_rule_and_reason(browser_page, docs):
    driver = open_report(browser_page)
    step, share = find_edit(docs[0], "Share this article")
    mark = mark_for(driver, "Share this article")
    title = mark.get_attribute("title")
    assert step in title and share["rule"] in title and share["reason"] in title
    assert mark.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"


@pytest.mark.browser
def test_browser_step_and_rule_filters_hide_highlights(browser_page, docs):
    from selenium.webdriver.common.by import By
    driver = open_report(browser_page)
    mark = mark_for(driver, "Share this article")
    step, _ = find_edit(docs[0], "Share this article")
    _, fix = find_edit(docs[0], "Ã©")
    box = driver.find_element(By.XPATH, f"//fieldset[@id='step-filter']//label[.='{step}']/input")
    box.click()
    assert "off-step" in mark.get_attribute("class")
    assert mark.value_of_css_property("background-color") == "rgba(0, 0, 0, 0)"
    box.click()
    assert mark.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    new_text = driver.find_element(By.XPATH, "//pre[@class='source']//mark[contains(@class, 'repl')]/ins")
    assert new_text.is_displayed() and new_text.text == "é"
    driver.find_element(By.XPATH, f"//fieldset[@id='rule-filter']//label[.='{fix['rule']}']/input").click()
    assert not new_text.is_displayed()


@pytest.mark.browser
def test_browser_screenshot(browser_page, tmp_path):
    driver = open_report(browser_page)
    shot = artifacts_dir(tmp_path) / "html-report.png"
    assert driver.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_command_writes_one_file_for_the_corpus(tmp_path):
    from typer.testing import CliRunner

    from cleaner.cli import app
    from conftest import SEEDS

    target = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(SEEDS), "--html", str(target)])
    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert "report of 5 documents" in result.stderr
    assert page.count('<section class="doc" id="doc-') == 5
    assert '000_e56ad599e5a5712d.txt' in page
