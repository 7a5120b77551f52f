"""extract-html: the article's main text out of a saved HTML page.

Runs only on documents that are HTML (by file name, or by content: a page start, or
mostly markup, as when a scraper kept the source of a page). The
extraction is one edit that replaces the whole page with trafilatura's main
text (paragraphs one per line); its record keeps the page, so `restore`
still gives the original bytes back. Favoring precision (the default) can
keep a notice and drop the article: an extraction under `THIN_WORDS` words
gives way to the balanced one when that finds `THIN_RATIO` times as much.
Metadata found in the page (title, author, date, site name, URL) goes to the
record. trafilatura writes a table's rows as "| cell | cell |", and old pages lay
out the whole page in tables, article and menus alike: each row becomes a line of
its cells ("cell | cell"; a row with no text goes), so the rules read a menu in a
cell as they read one on its own line. A paragraph written as a <div> among <p>
siblings (only text and inline markup, twelve words or more ending like a sentence)
is made a <p> first: trafilatura keeps the <p>s around it and drops the <div>. A table
holding paragraphs written with blank lines (`text<br><br>text`) lays out the page
rather than holding data: it is read as nested blocks (its rows and cells made <div>s, the
runs of text in such a cell <p>s), since trafilatura writes a whole cell, article and
byline and menu, as one line. When it still writes one row holding most of the text (the
article's <div> of paragraphs inside a cell), the page is read again with every table
around such a <div> made blocks, and that reading is kept when it keeps most of the words.
A sign-up box (an email field with its heading, pitch and button, up to `SIGNUP_BOX_WORDS`
words) is removed first: trafilatura drops the form but keeps the heading and pitch. So is
what the page hides from its reader (`hidden` elements, a closed transcript's <details>).
When trafilatura finds nothing,
beautifulsoup4 gives the visible text of the page minus scripts, styles and
obvious chrome elements, and the rule id says which path was taken. Every later
step (debris rules, detectors, typos, layout) then runs on the extracted text.

Hostile pages are bounded: a page with over `max_elements` tags (or a quarter
as many attributes) goes straight to the fallback, since lxml parses in C where
the time limit cannot interrupt it; a page taking longer than `timeout`
seconds is an error for that file alone.
"""
from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from typing import Any

from cleaner.edits import Edit
from cleaner.errors import StepError
from cleaner.steps.base import Context, StepResult
from cleaner.steps.lines import THAI, UNSPACED, word_count

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
HTML_START = re.compile(r"\A(?:\s|<!--.{0,2000}?-->|<\?xml[^>]{0,200}>)*<(?:!doctype\s+html|html|head|body)\b",
                        re.IGNORECASE | re.DOTALL)
# A page's source pasted as text (a scraper that kept the markup, often without the
# page's first bytes): at least `MARKUP_MIN_TAGS` tags of `MARKUP_MIN_KINDS` kinds or
# more, one of them the page's own (html, head, body), making up at least
# `MARKUP_MIN_SHARE` of the characters. On the development pages such dumps are
# 60-80 % tags of 20 kinds and more; texts that quote tags use a few kinds, and
# none of them the page's own.
MARKUP_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]{0,15})(?:\s[^<>]{0,2000})?/?>")
PAGE_TAG = re.compile(r"</?(?:html|head|body)\b[^<>]{0,2000}>", re.IGNORECASE)
MARKUP_MIN_TAGS = 20
MARKUP_MIN_KINDS = 8
MARKUP_MIN_SHARE = 0.2
CHROME_TAGS = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form")
# A precision extraction under this many words is compared with the balanced one, which
# is taken when it has THIN_RATIO times as many words.
# A table row as trafilatura writes it; a pipe inside a cell is escaped ("\\|").
TABLE_ROW = re.compile(r"^[ \t]*\|(?:.*\|)?[ \t]*$")  # a lone "|" is a row too, an empty one
CELL_BORDER = re.compile(r"(?<!\\)\|")
RULE_CELL = re.compile(r":?-{3,}:?")
THIN_WORDS = 120
THIN_RATIO = 3
METADATA_FIELDS = (("title", "title"), ("author", "author"), ("date", "date"),
                   ("sitename", "site"), ("url", "url"))


def is_html(text: str, source: str = "") -> bool:
    """HTML by file name, by what the document starts with, or by being mostly markup."""
    return (source.lower().endswith(HTML_SUFFIXES) or bool(HTML_START.match(text[:4096]))
            or is_markup(text))


def is_markup(text: str) -> bool:
    """True when `text` is a page's source, whatever comes before it: many tags of
    many kinds, the page's own among them, making up a good share of the characters."""
    if text.count("<") < MARKUP_MIN_TAGS or not PAGE_TAG.search(text):
        return False
    tags = list(MARKUP_TAG.finditer(text))
    return (len(tags) >= MARKUP_MIN_TAGS
            and len({tag[1].lower() for tag in tags}) >= MARKUP_MIN_KINDS
            and sum(tag.end() - tag.start() for tag in tags) >= MARKUP_MIN_SHARE * len(text))


@contextmanager
def time_limit(seconds: float):
    """Raise StepError after `seconds` (main thread only; elsewhere, no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise StepError(f"extract-html: gave up after {seconds:g} s (time limit per document)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _soup_text(html: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(CHROME_TAGS):
        tag.decompose()
    root = soup.body or soup
    lines = (" ".join(line.split()) for line in root.get_text("\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _rows_as_lines(text: str) -> str:
    """Each table row of trafilatura's text as a line of its cells; empty rows and
    Markdown's header rules ("|---|---|") dropped."""
    lines = []
    for line in text.split("\n"):
        if TABLE_ROW.match(line):
            cells = [cell.strip().replace("\\|", "|") for cell in CELL_BORDER.split(line.strip()[1:-1])]
            cells = [cell for cell in cells if cell and not RULE_CELL.fullmatch(cell)]
            if not cells:
                continue
            line = " | ".join(cells)
        lines.append(line)
    return "\n".join(lines)


def _page_metadata(tree):
    """Title, author, date, site name and URL of a parsed page, found as trafilatura's
    `extract_metadata` finds them, with two searches left out: categories, tags and
    licence, which the record has no use for, and the author searched for in the page's
    elements when its meta tags and JSON-LD name none. Together they cost half as much
    as extracting the text; a byline left in the text still gives the author to the
    debris rules."""
    from htmldate import find_date
    from trafilatura.metadata import (META_URL, examine_meta, extract_meta_json, extract_sitename,
                                      extract_title, extract_url)
    from trafilatura.settings import set_date_params

    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    try:
        found = extract_meta_json(tree, found)
    except Exception:  # trafilatura's JSON-LD reader has bugs; the page's other metadata still counts
        pass
    found.title = found.title or extract_title(tree)
    found.url = found.url or extract_url(tree)
    found.date = find_date(tree, **{**set_date_params(False), "url": found.url})
    found.sitename = (found.sitename or extract_sitename(tree) or "").lstrip("@") or None
    if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
        found.sitename = found.sitename.title()
    elif not found.sitename and found.url and (site := META_URL.match(found.url)):
        found.sitename = site[1]
    found.clean_and_trim()  # entities, spaces and control characters, as trafilatura does on return
    return found


PREPARE_PAGE = ("<html><head><title>A page</title></head><body><article><p>"
                "A short paragraph that stands for an article.</p></article></body></html>")


class ExtractHtml:
    """Replace an HTML page by its main text (trafilatura; beautifulsoup4 as fallback)."""

    name = "extract-html"
    description = "extract the article's main text and metadata from HTML pages (trafilatura)"

    def __init__(self, favor: str = "precision", comments: bool = False,
                 timeout: float = 20.0, max_elements: int = 200_000):
        if favor not in ("precision", "balanced", "recall"):
            raise ValueError(f"favor must be precision, balanced or recall, not {favor!r}")
        self.favor, self.comments = favor, comments
        self.timeout, self.max_elements = timeout, max_elements
        self._config = None

    def _trafilatura_config(self):
        if self._config is None:
            from trafilatura.settings import use_config

            self._config = use_config()
            self._config.set("DEFAULT", "MAX_TREE_SIZE", str(self.max_elements))
            self._config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # bounded by time_limit instead
            # the extensive date search (dateparser) costs more than the whole extraction
            self._config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
        return self._config

    def prepare(self) -> None:
        # one small page through the whole extraction: trafilatura loads parts of itself
        # (the jusText stop lists of every language, a sixth of a second) on first use
        self._extract(PREPARE_PAGE)

    def run(self, text: str, context: Context) -> StepResult:
        if not is_html(text, context.source):
            return StepResult()
        joiners = any(j in text for j in JOINERS) and not any(c in text for c in STAND_IN_CHARS)
        try:
            with time_limit(self.timeout):
                extracted, metadata, path = self._extract(_stand_in(text) if joiners else text)
        except RecursionError:
            raise StepError("extract-html: markup nested too deeply to parse") from None
        if joiners:
            extracted = _joined(extracted)
            metadata = {key: _joined(value) for key, value in metadata.items()}
        dropped = len(text) - len(extracted)
        reason = (f"main text extracted from HTML by {path} "
                  f"({dropped} characters of markup and page text dropped)")
        return StepResult(edits=(Edit(0, len(text), extracted, f"extract-html.{path}", reason),),
                          metadata={**metadata, "extractor": path})

    def _extract(self, html: str) -> tuple[str, dict[str, Any], str]:
        if html.count("<") > self.max_elements or html.count("=") > self.max_elements // 4:
            # lxml parses in C, where the time limit cannot interrupt it: a page this large
            # goes to the pure-Python fallback, which the time limit does bound
            fallback = _soup_text(html)
            return (fallback + "\n" if fallback else ""), {}, "beautifulsoup"
        from trafilatura.utils import load_html

        tree = _prepared(load_html(html))
        found = _page_metadata(tree) if tree is not None else None
        page, url = (tree if tree is not None else html), (found.url if found else None)
        text = self._main_text(page, url)
        if tree is not None and _one_row(text):
            # the article's own <div> of paragraphs sat in a layout table's cell, and
            # trafilatura wrote the whole cell as one row: read the tables as blocks, and
            # take that reading when it keeps most of the text (not a side column alone)
            blocks = self._main_text(_prepared(load_html(html), cells=False), url)
            if word_count(blocks) >= ONE_ROW_KEPT * word_count(text):
                text = blocks
        text = _rows_as_lines(text)
        if text.strip():
            metadata = {key: str(getattr(found, attr)).strip() for attr, key in METADATA_FIELDS
                        if getattr(found, attr, None)}
            return text.strip() + "\n", metadata, "trafilatura"
        fallback = _soup_text(html)
        return (fallback + "\n" if fallback else ""), {}, "beautifulsoup"

    def _main_text(self, page, url: str | None) -> str:
        text = self._trafilatura(page, url, self.favor)
        if self.favor == "precision" and word_count(text) < THIN_WORDS:
            # favoring precision sometimes keeps a notice and drops the article; the
            # balanced extraction is taken when it finds several times as much text
            fuller = self._trafilatura(page, url, "balanced")
            if word_count(fuller) >= THIN_RATIO * max(word_count(text), 1):
                text = fuller
        return text

    def _trafilatura(self, page, url: str | None, favor: str) -> str:
        import trafilatura

        document = trafilatura.bare_extraction(
            page, url=url, include_comments=self.comments,
            favor_precision=favor == "precision", favor_recall=favor == "recall",
            deduplicate=False, config=self._trafilatura_config())
        text = (document.text or "") if document is not None else ""
        if self.comments and document is not None and document.comments:
            text = f"{text}\n{document.comments}"
        return text


# trafilatura drops every character Python does not print, the zero-width non-joiner and
# joiner among them; but they are letters' business in Persian, Hindi, Malayalam and emoji
# sequences ("می‌توانند" without its non-joiner is another spelling). They go through the
# extraction as printable stand-ins (the object replacement character, alone for the
# non-joiner, before a three-em dash for the joiner; when the page has neither character
# of its own) and come back after it.
JOINERS = ("\u200c", "\u200d")
STAND_IN_CHARS = ("\ufffc", "\u2e3b")
STAND_INS = ("\ufffc", "\ufffc\u2e3b")


def _stand_in(text: str) -> str:
    return text.replace(JOINERS[1], STAND_INS[1]).replace(JOINERS[0], STAND_INS[0])


def _joined(text: str) -> str:
    return text.replace(STAND_INS[1], JOINERS[1]).replace(STAND_INS[0], JOINERS[0])


# A table row trafilatura wrote of this many words or more, holding most of its text: a
# layout cell written whole, article, byline and menus on one line.
ONE_ROW_WORDS = 150
ONE_ROW_KEPT = 0.8


def _prepared(tree, cells: bool = True):
    """`tree` (None when it did not parse) readied for trafilatura; with `cells` false,
    every table holding an element of the article's paragraphs is read as blocks, not
    only one whose cells hold them (see `_unlayout_tables`)."""
    if tree is not None:
        _ungutter_code(tree)
        _drop_empty_links(tree)
        _join_drop_caps(tree)
        _unlist_entries(tree)
        _wrap_loose_text(tree)
        _divs_as_paragraphs(tree)
        _unlayout_tables(tree, cells)
        _join_intro(tree)
        _drop_hidden(tree)
        _drop_signup_boxes(tree)
        _join_article_bodies(tree)
        _mark_article_body(tree)
    return tree


def _one_row(text: str) -> bool:
    """Whether one table row holds most of `text`, `ONE_ROW_WORDS` words or more."""
    words = word_count(text)
    return any(TABLE_ROW.match(line) and (size := word_count(line)) >= ONE_ROW_WORDS and 2 * size > words
               for line in text.splitlines())


def _ungutter_code(tree) -> None:
    """A code block laid out as a table of two cells, its line numbers in a <pre> of the
    first and its code in a <pre> of the second (Pygments' and Hugo's "line number table"),
    becomes the code's <pre> alone: trafilatura wrote the table as one row, numbers and
    code run together on one line."""
    for table in list(tree.iter("table")):
        rows = list(table.iter("tr"))
        if len(rows) != 1:
            continue
        cells = [cell for cell in rows[0] if cell.tag in ("td", "th")]
        blocks = [next(cell.iter("pre"), None) for cell in cells]
        if len(cells) != 2 or None in blocks:
            continue
        numbers = "".join(cells[0].itertext()).split()
        parent = table.getparent()
        if not numbers or not all(number.isdigit() for number in numbers) or parent is None:
            continue
        code = blocks[1]
        code.tail = table.tail
        parent.replace(table, code)


def _drop_empty_links(tree) -> None:
    """Drop the links and spans that hold nothing (`<h2><a name="step-1" href="#step-1"></a>
    1. Find the element</h2>`, a code block's `<a id="line-1"></a>` before each line, a
    contents plugin's `<span id="What_we_found"></span>` around a subheading: a permalink's,
    a line's or a section's target), keeping the text after them: trafilatura dropped such
    headings and code blocks whole, as all links or as the contents list's copies."""
    for link in list(tree.iter("a", "span")):
        if len(link) == 0 and not (link.text or "").strip():
            link.drop_tree()


DROP_CAP_TAGS = ("span", "b", "strong", "big", "font", "em", "i", "div")


def _join_drop_caps(tree) -> None:
    """Unwrap a paragraph's drop capital (`<p><span class="dropcap">F</span>or most...`):
    a lone capital in its own element at the paragraph's very start, followed by lower-case
    letters, as its tail or as the text of an inline element right after it
    (`<span class="dropcap">T</span><span>he 19:42 ...</span>`). Styled apart (often hidden
    from screen readers), extraction drops it or leaves it a word apart ("or most", "F or most")."""
    for element in list(tree.iter(*DROP_CAP_TAGS)):
        parent = element.getparent()
        letter = (element.text or "").strip()
        if parent is None or len(element) or len(letter) != 1 or not letter.isupper():
            continue
        if parent.index(element) != 0 or (parent.text or "").strip():
            continue
        rest = element.getnext()
        if (element.tail or "")[:1].islower():
            parent.text = (parent.text or "") + letter + element.tail
        elif (not element.tail and rest is not None and isinstance(rest.tag, str) and rest.tag in INLINE_TAGS
                and (rest.text or "")[:1].islower()):
            rest.text = letter + rest.text
        else:
            continue
        parent.remove(element)


# A paragraph written as a <div> among <p> siblings (`<p>..</p><div class="para">..</div><p>..`):
# trafilatura keeps the <p>s and drops the <div>, a sentence or more of the article. Such a
# <div> holds only text and inline markup, and reads as prose.
INLINE_TAGS = frozenset(("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "i",
                         "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
                         "u", "var", "wbr", "font"))
DIV_PARAGRAPH_WORDS = 12
PROSE_ENDING = re.compile(r"[.!?…。！？।؟][\"'”’»)\]」』]*$")


def _wrap_loose_text(tree) -> None:
    """Make <p>s of a <div>'s own text when blank lines separate it into paragraphs
    (`text<br><br>text<br><br>text`, `LAYOUT_BREAKS` such breaks or more), as some
    newspapers' templates write an article: trafilatura dropped the first paragraphs of
    such a <div>. Cells of layout tables are wrapped with their table (`_unlayout_tables`).
    A paragraph set apart right above it in a <div> of its own (the first paragraph, in
    bold) becomes the first of those <p>s: left beside them, trafilatura dropped it."""
    for div in list(tree.iter("div")):
        if ((div.text or "").strip() or any((child.tail or "").strip() for child in div)) \
                and _text_breaks(div) >= LAYOUT_BREAKS:
            _wrap_paragraphs(div)
            before = div.getprevious()
            while (before is not None and before.tag == "div" and not (before.tail or "").strip()
                   and _one_paragraph(before)):
                above, before.tag, before.tail = before.getprevious(), "p", None
                div.insert(0, before)
                before = above


def _divs_as_paragraphs(tree) -> None:
    """Make a <div> a <p> when it reads as one of its <p> siblings' paragraphs: only text and
    inline markup in it, `DIV_PARAGRAPH_WORDS` words or more ending like a sentence, and
    a <p> with text beside it under the same parent."""
    with_paragraph: dict[Any, bool] = {}  # per parent, asked once: a page of div soup has thousands
    for div in list(tree.iter("div")):
        parent = div.getparent()
        if parent is None or not _one_paragraph(div):
            continue
        if parent not in with_paragraph:
            with_paragraph[parent] = any(sibling.tag == "p" and "".join(sibling.itertext()).strip()
                                         for sibling in parent)
        if with_paragraph[parent]:
            div.tag = "p"


# A table whose cells hold paragraphs written with blank lines ("text<br><br>text<br><br>text")
# lays out an old page: trafilatura would write each of its cells, article and menus alike,
# as one line of a table row. At least LAYOUT_BREAKS such breaks between runs of an element's
# own text, inside a table, make the outermost table around it a layout of <div>s. A cell
# ending in a few <br>s, or separating pictures and boxes by them, is no sign.
LAYOUT_BREAKS = 2
LAYOUT_PARAGRAPHS = 3  # or a cell (or a <div> in one) holding this many <p> paragraphs of its own
TABLE_TAGS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")
BLOCK_TAGS = frozenset(("p", "div", "table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6",
                        "blockquote", "form", "section", "article", "pre", "center", "hr", "figure",
                        "script", "style"))


def _text_breaks(element) -> int:
    """How many blank lines (`<br><br>`, nothing but spaces between) separate two runs of
    `element`'s own text (its text, its inline children's and their tails)."""
    runs: list[str] = []  # "text", "break" or "block", repeats merged

    def add(kind: str) -> None:
        if not runs or runs[-1] != kind:
            runs.append(kind)

    if (element.text or "").strip():
        add("text")
    for child in element:
        if _opens_blank_line(child):
            add("break")
        elif isinstance(child.tag, str) and child.tag != "br":
            if child.tag in BLOCK_TAGS:
                add("block")
            elif "".join(child.itertext()).strip():
                add("text")
        if (child.tail or "").strip():
            add("text")
    return sum(1 for before, kind, after in zip(runs, runs[1:], runs[2:])
               if kind == "break" and before == after == "text")


def _opens_blank_line(element) -> bool:
    """True when `element` is a <br> that a second one follows with only spaces between."""
    return (element.tag == "br" and not (element.tail or "").strip()
            and (after := element.getnext()) is not None and after.tag == "br")


def _wrap_paragraphs(cell) -> None:
    """Make a <p> of each run of a layout cell's own text and inline elements between blank
    lines or block elements: trafilatura reads a cell's loose text poorly once the cell is a
    <div> (it drops the first run)."""
    children = list(cell)
    parts: list = []  # a block element, or (leading text, inline elements) for a paragraph
    lead, inline = cell.text or "", []
    cell.text = None
    index = 0
    while index < len(children):
        child = children[index]
        if _opens_blank_line(child) or (isinstance(child.tag, str) and child.tag in BLOCK_TAGS):
            parts.append((lead, inline))
            while _opens_blank_line(children[index]):  # asked while the next <br> is still in place
                cell.remove(children[index])
                index += 1
            last = children[index]
            cell.remove(last)  # its tail goes with it
            if last.tag == "br":
                lead = last.tail or ""
            else:
                parts.append(last)
                lead, last.tail = last.tail or "", None
            inline = []
        else:
            cell.remove(child)
            inline.append(child)
        index += 1
    parts.append((lead, inline))
    for part in parts:
        if not isinstance(part, tuple):
            cell.append(part)
            continue
        paragraph = cell.makeelement("p")
        paragraph.text = part[0]
        paragraph.extend(part[1])
        if "".join(paragraph.itertext()).strip() or any(element.tag != "br" for element in part[1]):
            cell.append(paragraph)


def _unlayout_tables(tree, cells: bool = True) -> None:
    """Make <div>s of every table that lays out paragraphs (see LAYOUT_BREAKS), and <p>s of
    the runs of text in its cells (or in a <div> inside one) that hold them. A table's <font>
    elements go first (their text stays): an old page wraps a cell's paragraphs in one. With
    `cells` false, a table holding any element of `LAYOUT_PARAGRAPHS` paragraphs lays out
    the page too (an element inside a cell, not only the cell)."""
    from lxml.etree import strip_tags

    # <font> only styles a table page's text; a <br> run inside it reads as the cell's own
    for table in [t for t in tree.iter("table") if next(t.iterancestors("table"), None) is None]:
        strip_tags(table, "font")
    parents = dict.fromkeys(br.getparent() for br in tree.iter("br") if _opens_blank_line(br))
    layouts: dict[Any, None] = {}  # outermost tables, in page order
    for parent in parents:
        if parent is None or _text_breaks(parent) < LAYOUT_BREAKS:
            continue
        tables = list(parent.iterancestors("table"))
        if not tables:
            continue
        if parent.tag in ("td", "th", "div"):
            _wrap_paragraphs(parent)
        layouts[tables[-1]] = None
    for holder in dict.fromkeys(p.getparent() for p in tree.iter("p")):
        # a cell of the article's own <p>s (or any element of them): a data table's cell
        # holds a value, not paragraphs
        if holder is None or (cells and holder.tag not in ("td", "th")) or sum(
                1 for child in holder if child.tag == "p" and _reads_as_paragraph(child)) < LAYOUT_PARAGRAPHS:
            continue
        tables = list(holder.iterancestors("table"))
        if tables:
            _wrap_paragraphs(holder)  # its loose text before the first <p> is a paragraph too
            layouts[tables[-1]] = None
    for table in layouts:
        for element in table.iter(*TABLE_TAGS):
            element.tag = "div"


def _one_paragraph(element) -> bool:
    """Only text and inline markup in `element`, and it reads as a paragraph."""
    return all(isinstance(child.tag, str) and child.tag in INLINE_TAGS for child in element) \
        and _reads_as_paragraph(element)


def _reads_as_paragraph(element) -> bool:
    """Whether the element's text reads as a paragraph: `DIV_PARAGRAPH_WORDS` words or more
    ending like a sentence."""
    text = " ".join(element.itertext()).strip()
    return word_count(text) >= DIV_PARAGRAPH_WORDS and bool(PROSE_ENDING.search(text))


# A sign-up box: an email field in a form, with its heading, pitch and button around it.
# trafilatura drops the form and keeps the heading and pitch ("Stay in the loop", "Harbour
# reporting, straight to you every Friday."), which read as short lines of the article. The
# box is the largest element around the email field with at most SIGNUP_BOX_WORDS words of
# text, short of the page's body, main or article element: a box never holds the article.
SIGNUP_BOX_WORDS = 60
EMAIL_NAME = re.compile(r"e-?mail", re.IGNORECASE)
SIGNUP_STOP = frozenset(("body", "html", "main", "article"))


def _is_email_field(element) -> bool:
    kind = (element.get("type") or "text").lower()
    return kind == "email" or (kind == "text" and any(
        EMAIL_NAME.search(element.get(name) or "") for name in ("name", "id", "placeholder", "aria-label")))


# What the page hides from its reader: an element with the `hidden` attribute (a transcript
# behind a "Show transcript" button, a pop-up's donation appeal, a collapsed menu), and the
# body of a closed <details> whose summary offers a transcript. What a control on the page
# opens (see `_opened_by_controls`: accordion panels, tabs, a story's second half behind
# "Show full article") is the page's content and is shown, not dropped, unless it is a
# transcript; trafilatura itself drops an element marked `aria-hidden`. On the development
# and test pages no other hidden element held the article's text; one holding half the
# page's text or more stays all the same (a page that shows its article by script).
TRANSCRIPT_SUMMARY = re.compile(r"\btranscript\b", re.IGNORECASE)
HIDDEN_MAX_SHARE = 0.5


def _drop_hidden(tree) -> None:
    """Remove the elements the page hides from its reader (see TRANSCRIPT_SUMMARY), keeping
    the text after each."""
    from trafilatura.htmlprocessing import delete_element

    opened = _opened_by_controls(tree)
    for element in opened:
        element.attrib.pop("hidden", None)
        if element.get("aria-hidden") == "true":
            del element.attrib["aria-hidden"]
    hidden = [e for e in tree.iter() if isinstance(e.tag, str) and e.get("hidden") is not None]
    hidden += [e for e in tree.iter("details") if e.get("open") is None
               and (summary := e.find("summary")) is not None
               and TRANSCRIPT_SUMMARY.search(" ".join(summary.itertext()))]
    if not hidden:
        return
    total = len(" ".join(tree.itertext()))
    for element in hidden:
        if element.getparent() is not None and element.tag not in ("html", "body") \
                and len(" ".join(element.itertext())) < HIDDEN_MAX_SHARE * total:
            delete_element(element)


def _opened_by_controls(tree) -> list:
    """The elements a control on the page opens (`aria-controls` names them: an accordion's
    panels, a tab's panel, the rest of a story behind "Show full article"), but not one
    that offers a transcript: the page's reader opens them, so they are its content."""
    controls: dict[str, str] = {}
    for control in tree.xpath("//*[@aria-controls]"):
        label = " ".join(control.itertext())
        for name in (control.get("aria-controls") or "").split():
            controls[name] = controls.get(name, "") + " " + label
    if not controls:
        return []
    return [e for e in tree.xpath("//*[@id]") if e.get("id") in controls
            and (e.get("hidden") is not None or e.get("aria-hidden") == "true")
            and not TRANSCRIPT_SUMMARY.search(controls[e.get("id")] + " " + (e.get("class") or "") + " " + e.get("id"))]


def _drop_signup_boxes(tree) -> None:
    """Remove each email field's sign-up box (see SIGNUP_BOX_WORDS), keeping the text after it."""
    from trafilatura.htmlprocessing import delete_element

    for field in [f for f in tree.iter("input") if _is_email_field(f)]:
        box, parent = field, field.getparent()
        while (parent is not None and parent.tag not in SIGNUP_STOP
               and word_count(" ".join(parent.itertext())) <= SIGNUP_BOX_WORDS):
            box, parent = parent, parent.getparent()
        if parent is not None:  # None: gone already, inside an earlier field's box
            delete_element(box)  # its tail, the page's text after the box, stays


# Some CMSs split an article into an intro block and a full-text block, siblings
# ("itemIntroText" over "itemFullText"). trafilatura knows the full-text class as an article
# container and takes it alone, losing the article's opening paragraphs. The intro's
# content is moved to the start of the full-text block, so the container holds it all.
FULLTEXT_CLASS = re.compile(r"fulltext", re.IGNORECASE)
INTRO_CLASS = re.compile(r"intro", re.IGNORECASE)


def _join_intro(tree) -> None:
    """Move an intro block's content to the start of the full-text block right after it
    (the page's first full-text block, the one trafilatura takes), unless that block opens
    with loose text of its own."""
    block = next((b for b in tree.iter("div", "section") if FULLTEXT_CLASS.search(b.get("class") or "")), None)
    if block is None or (block.text or "").strip():
        return
    intro = block.getprevious()
    while intro is not None and not isinstance(intro.tag, str):  # a comment between them
        intro = intro.getprevious()
    if intro is None or not INTRO_CLASS.search(intro.get("class") or "") or intro.find(".//p") is None:
        return
    block.text, intro.text = intro.text, None
    for position, child in enumerate(list(intro)):
        block.insert(position, child)


# A page whose article container has a class or id trafilatura does not know (hashed class
# names: "sc-7be0d") gets only its <p> elements out: trafilatura then collects paragraphs
# from the whole page and leaves the article's headings and lists. The container is marked
# as the article body when it holds, as its own children, at least ARTICLE_SHARE of the
# page's paragraph text (paragraphs of PARAGRAPH_CHARS characters or more, a Chinese or
# Japanese character counting as CJK_CHAR_SIZE: it writes a word in two, where a spaced
# script takes six), in ARTICLE_MIN_PARAGRAPHS of them at least. An article split among
# several containers (one between ads) gives no container that share, and is left as it was.
ARTICLE_SHARE = 0.8
ARTICLE_MIN_PARAGRAPHS = 3
PARAGRAPH_CHARS = 80
CJK_CHAR_SIZE = 3
ARTICLE_BODY = "articleBody"


CONTAINER_TAGS = ("div", "section", "article", "main")
SECTIONS_SHARE = 0.7


def _text_size(text: str) -> int:
    """`text`'s length in characters, a Chinese or Japanese one as CJK_CHAR_SIZE."""
    if text.isascii():
        return len(text)
    cjk = len(UNSPACED.findall(text)) - len(THAI.findall(text))
    return len(text) + (CJK_CHAR_SIZE - 1) * cjk


def _holder(own: dict[Any, list[int]], total: int, share: float = ARTICLE_SHARE):
    """The element of `own` (element: sizes of the paragraphs it holds) holding the article:
    `share` of the page's paragraph text in ARTICLE_MIN_PARAGRAPHS paragraphs or more."""
    if not own:
        return None
    container, sizes = max(own.items(), key=lambda item: sum(item[1]))
    if (len(sizes) < ARTICLE_MIN_PARAGRAPHS or sum(sizes) < share * total
            or container.tag not in CONTAINER_TAGS):
        return None
    return container


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _unlist_entries(tree) -> None:
    """A list whose items are entries (a live blog's posts in an `<ol>`: each with its
    heading, or two paragraphs or more) is read as blocks: trafilatura writes a list item
    as one line, its heading dropped and its paragraphs run together; an entry's own
    `<header>` (its time and heading) is read as a block too. Most of the items must be
    entries; a list of one-line items stays a list."""
    for listing in list(tree.iter("ul", "ol")):
        items = [child for child in listing if child.tag == "li"]
        entries = sum(1 for item in items
                      if next(item.iter(*HEADINGS), None) is not None or len(list(item.iter("p"))) >= 2)
        if len(items) >= 2 and 2 * entries > len(items):
            listing.tag = "div"
            for item in items:
                item.tag = "div"
                for header in item.iter("header"):  # an entry's time and heading, which
                    header.tag = "div"              # trafilatura drops as a page's header


def _join_article_bodies(tree) -> None:
    """A live blog marks each entry's text as an article body (`itemprop="articleBody"`),
    and trafilatura reads those bodies alone, dropping the later entries' headings and
    some entries whole: the mark moves to the element holding them all (the blog's list
    of entries), so the entries come out with their headings and lists."""
    bodies = [e for e in tree.iter() if isinstance(e.tag, str) and e.get("itemprop") == ARTICLE_BODY]
    if len(bodies) < 2:
        return
    ancestries = [list(body.iterancestors()) for body in bodies]
    shared = set.intersection(*(set(ancestry) for ancestry in ancestries))
    holder = next((a for a in ancestries[0] if a in shared), None)
    if holder is None or holder.tag not in CONTAINER_TAGS or any(body in shared for body in bodies):
        return
    for body in bodies:
        del body.attrib["itemprop"]
    holder.set("itemprop", ARTICLE_BODY)


def _mark_article_body(tree) -> None:
    """Give the article's container `itemprop="articleBody"` when trafilatura would not
    find it by itself (see ARTICLE_SHARE)."""
    own: dict[Any, list[int]] = {}
    total = 0
    for paragraph in tree.iter("p"):
        size = _text_size(" ".join("".join(paragraph.itertext()).split()))
        if size < PARAGRAPH_CHARS:
            continue
        total += size
        parent = paragraph.getparent()
        if parent is not None:
            own.setdefault(parent, []).append(size)
    if not own:
        return
    container = _holder(own, total)
    if container is None:
        # an article in sections (a <div> per subheading): their common parent holds it
        above: dict[Any, list[int]] = {}
        for parent, sizes in own.items():
            grandparent = parent.getparent()
            if grandparent is not None and parent.tag in CONTAINER_TAGS:
                above.setdefault(grandparent, []).extend(sizes)
        container = _holder(above, total, SECTIONS_SHARE)
    if container is None:
        return
    from trafilatura.xpaths import BODY_XPATH

    # asked last: trafilatura's expressions call back into Python for every element
    if not any(next(iter(expr(tree)), None) is not None for expr in BODY_XPATH):
        container.set("itemprop", ARTICLE_BODY)

