"""extract-html: HTML pages become their main text; the rest of the chain then runs on it."""
import time

import pytest
from typer.testing import CliRunner

from cleaner.api import Cleaner
from cleaner.cli import app
from cleaner.errors import StepError
from cleaner.record import restore_bytes
from cleaner.settings import Settings
from cleaner.steps.base import Context
from cleaner.steps.extract_html import ExtractHtml, is_html, time_limit

PARAGRAPHS = [
    "The harbour authority approved a plan on Monday to dredge the northern channel, a project "
    "delayed for nearly a decade by disputes over funding and the disposal of sediment.",
    "Engineers expect the work to take two winters, and the ferry timetable will change while "
    "the dredgers are in the channel, the authority said in a statement.",
    "Fishing crews welcomed the decision but asked for compensation for the weeks when the "
    "outer quay will be closed to boats longer than twelve metres.",
]
COMMENT = "Great news for the town, finally someone acts on this long-standing issue after years."
PAGE = f"""<!DOCTYPE html><html><head><title>Harbour plan approved - Coast Daily</title>
<meta name="author" content="Maria Lopez"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour plan approved</h1>{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}
<p>Sign up for our newsletter</p></article>
<div class="comments" id="comments"><h3>Comments</h3><p>{COMMENT}</p></div>
<footer>Copyright 2024 Coast Daily. All rights reserved.</footer></body></html>"""


def clean(html: str, name="page.html", **settings):
    return Cleaner(Settings(**settings)).clean_bytes(html.encode(), name, "page.txt")


def test_article_text_and_metadata_are_extracted_and_debris_rules_still_apply():
    result = clean(PAGE)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    assert "Home" not in result.text and "Copyright" not in result.text
    assert COMMENT not in result.text  # comments dropped by default
    assert "Sign up for our newsletter" not in result.text  # removed by the newsletter rules
    assert result.record["metadata"]["author"] == "Maria Lopez"
    assert result.record["metadata"]["title"] == "Harbour plan approved"
    extraction = next(s for s in result.record["steps"] if s["name"] == "extract-html")["edits"]
    assert len(extraction) == 1 and extraction[0]["rule"] == "extract-html.trafilatura"
    assert "characters of markup and page text dropped" in extraction[0]["reason"]


def test_restore_gives_back_the_html_bytes():
    raw = PAGE.encode()
    result = clean(PAGE)
    assert restore_bytes(result.text, result.record) == raw


def test_comments_can_be_kept():
    assert COMMENT in clean(PAGE, html_comments=True).text


def test_html_is_sniffed_by_content_and_plain_text_is_left_alone():
    assert is_html("  <!-- saved -->\n<!DOCTYPE html><html>", "notes.txt")
    assert is_html("anything", "page.HTM")
    assert not is_html("Use the <html> tag to start a page.", "notes.txt")
    result = clean(PAGE, name="saved-page.txt")
    assert PARAGRAPHS[0] in result.text and "<p>" not in result.text
    text = "A plain article that mentions <b>tags</b> in passing.\n"
    assert ExtractHtml().run(text, Context(source="a.txt")).edits == ()



def test_page_source_kept_by_a_scraper_is_html_even_after_a_title_line():
    # a page dump whose first bytes were lost: a title run into the tail of a script
    dump = "Harbour plan approved - Coast Daily" + PAGE[PAGE.index("</title>") + 8:].replace("<title>", "")
    dump = 'ntById("menu").style.display = "none"; } </script>' + dump
    assert not dump.lstrip().startswith("<") and is_html(dump, "dump.txt")
    result = clean(dump, name="dump.txt")
    assert PARAGRAPHS[1] in result.text and "<p>" not in result.text and "Home" not in result.text
    assert result.record["metadata"]["extractor"] == "trafilatura"


def test_text_quoting_tags_is_not_taken_for_a_page():
    # a tutorial quotes the page skeleton and a few tags, but is mostly prose
    tutorial = ("Every page starts with <html> and puts its visible text inside <body>. "
                "A paragraph goes in <p> and a link in <a href=\"/\">. ") * 12
    assert not is_html(tutorial, "notes.txt")
    # many tags without the page's own (a list of snippets) are not a page either
    snippets = "\n".join(f"<li>item {i}</li>" for i in range(40))
    assert not is_html(snippets, "notes.txt")

def test_beautifulsoup_fallback_when_trafilatura_finds_nothing():
    html = "<!DOCTYPE html><html><body>" + "<div>" * 100_000 + "deep text" + "</div>" * 100_000 + "</body></html>"
    started = time.perf_counter()
    result = clean(html)
    assert time.perf_counter() - started < 20
    assert result.text == "deep text\n"
    rules = [e["rule"] for s in result.record["steps"] if s["name"] == "extract-html" for e in s["edits"]]
    assert rules == ["extract-html.beautifulsoup"]


def test_entity_bomb_is_not_expanded():
    bomb = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;&c;</p>'
            f'<p>{PARAGRAPHS[0]}</p></body></html>')
    result = clean(bomb)
    assert len(result.text) < 2000 and PARAGRAPHS[0] in result.text


def test_time_limit_raises_a_step_error():
    with pytest.raises(StepError, match="time limit"):
        with time_limit(0.05):
            time.sleep(1)


def test_cli_takes_html_files_and_rejects_a_bad_favor(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "story.html").write_text(PAGE)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["clean", str(src), "--out", str(out), "--favor", "recall"])
    assert result.exit_code == 0, result.stderr
    assert PARAGRAPHS[1] in (out / "story.txt").read_text()
    assert (out / "story.cleaner.json").exists()
    bad = CliRunner().invoke(app, ["clean", str(src), "--out", str(tmp_path / "o2"), "--favor", "most"])
    assert bad.exit_code == 2 and "--favor must be precision, balanced or recall" in bad.stderr


def test_cleaning_the_cleaned_bodies_again_changes_nothing(tmp_path):
    from conftest import SHARED

    pages = sorted((SHARED / "bench" / "l3s" / "html").glob("*.html"))[::12]
    if not pages:
        pytest.skip("the development benchmark is not beside the repository")
    src = tmp_path / "src"
    src.mkdir()
    for page in pages:
        (src / page.name).write_bytes(page.read_bytes())
    runner = CliRunner()
    first = runner.invoke(app, ["clean", str(src), "--out", str(tmp_path / "once"), "-j", "1"])
    again = runner.invoke(app, ["clean", str(tmp_path / "once"), "--out", str(tmp_path / "twice"), "-j", "1"])
    assert first.exit_code == again.exit_code == 0, first.stderr + again.stderr
    once = {p.name: p.read_text() for p in (tmp_path / "once").glob("*.txt")}
    twice = {p.name: p.read_text() for p in (tmp_path / "twice").glob("*.txt")}
    assert len(once) == len(pages) and once == twice


def test_a_page_with_a_subtitle_under_its_headline_cleans_to_a_fixpoint(tmp_path):
    # the headline and the dek under it (no stop) both leave the body; a dek left first
    # had been lifted as the title when the cleaned body was cleaned again
    prose = ("<p>The council voted on Tuesday night to approve a plan for a new harbour wall, ending a "
             "debate that has lasted for more than three years in the town.</p>"
             "<p>Engineers said the work would take eighteen months and cost about four million pounds, "
             "most of it paid for by a national grant for coastal towns.</p>"
             "<p>Residents who spoke at the meeting said they were glad the decision had been made, "
             "though some worried about the noise of the work.</p>")
    page = ("<!DOCTYPE html><html><head><title>Council approves new harbour wall plan | Coast Daily</title>"
            "</head><body><nav><a href='/'>Home</a></nav><article><h1>Council approves new harbour wall plan</h1>"
            f"<p class='dek'>Work on the eastern breakwater will start in the spring</p>{prose}</article></body></html>")
    src = tmp_path / "src"
    src.mkdir()
    (src / "wall.html").write_text(page)
    runner = CliRunner()
    first = runner.invoke(app, ["clean", str(src), "--out", str(tmp_path / "once")])
    again = runner.invoke(app, ["clean", str(tmp_path / "once"), "--out", str(tmp_path / "twice")])
    assert first.exit_code == again.exit_code == 0, first.stderr + again.stderr
    once = (tmp_path / "once" / "wall.txt").read_text()
    assert once.startswith("The council voted") and "breakwater" not in once
    assert (tmp_path / "twice" / "wall.txt").read_text() == once


def test_a_thin_precision_extraction_gives_way_to_the_balanced_one():
    # on this development page, favoring precision keeps only a reprint notice and a URL
    from conftest import SHARED

    page = SHARED / "bench" / "sh" / "html" / "f8ff621a0b9b7646cc0d57d37416feabba2bf78ef5dd0bfc5b080f9f97bbe584.html"
    if not page.is_file():
        pytest.skip("the development benchmark is not beside the repository")
    import trafilatura

    html = page.read_text(encoding="utf-8")
    precise = trafilatura.extract(html, favor_precision=True, deduplicate=False) or ""
    assert len(precise.split()) < 120
    text, _, path = ExtractHtml()._extract(html)
    gold = (page.parent.parent / "gold" / (page.stem + ".txt")).read_text(encoding="utf-8")
    first_sentence = gold.split(".")[0]
    assert path == "trafilatura" and first_sentence in text and len(text.split()) > 3 * len(precise.split())


def test_a_page_is_extracted_once_and_markup_quoted_in_its_text_stays():
    # the article quotes a tag; a later pass of the chain must not take its text for a page again
    quoted = ("To make a word bold, the guide says, wrap it in the &lt;b&gt; tag and close it again, "
              "which every browser since the first ones has understood.")
    page = PAGE.replace(f"<p>{PARAGRAPHS[1]}</p>", f"<p>{PARAGRAPHS[1]}</p><p>{quoted}</p>")
    cleaned = Cleaner().clean_bytes(page.encode(), "story.html", "story.txt")
    assert "wrap it in the <b> tag" in cleaned.text
    assert [s.get("pass", 1) for s in cleaned.record["steps"] if s["name"] == "extract-html"] == [1]
    assert restore_bytes(cleaned.text, cleaned.record) == page.encode()


def test_table_rows_become_lines_of_cells_and_empty_rows_go():
    from cleaner.steps.extract_html import _rows_as_lines
    text = ("| |\n|\n| | | |\n| Most Viewed Articles |\n| Top \\| Back \\| Printable version | |\n"
            "| Team | Points |\n|---|---|\n| Harbour United | 12 |\nA paragraph without a table.")
    assert _rows_as_lines(text) == ("Most Viewed Articles\nTop | Back | Printable version\nTeam | Points\n"
                                    "Harbour United | 12\nA paragraph without a table.")


def test_a_page_laid_out_in_a_table_is_read_cell_by_cell():
    cells = "".join(f"<tr><td>{p}</td><td></td></tr>" for p in PARAGRAPHS)
    page = (f"<html><head><title>Harbour plan approved</title></head><body><table>{cells}"
            "<tr><td>Most Viewed Articles</td></tr><tr><td></td></tr></table></body></html>")
    text = clean(page).text
    for paragraph in PARAGRAPHS:
        assert paragraph in text
    assert "|" not in text and "Most Viewed Articles" not in text  # the box heading went by its rule


def test_a_drop_capital_in_its_own_element_is_joined_to_its_word():
    first = PARAGRAPHS[0]
    styled = f'<p><span class="dropcap" aria-hidden="true">{first[0]}</span>{first[1:]}</p>'
    page = PAGE.replace(f"<p>{first}</p>", styled)
    assert styled in page
    text = clean(page).text
    assert first in text
    # the rest of the word in an element of its own, right after the capital's
    split = f'<p><span class="dropcap" aria-hidden="true">{first[0]}</span><span class="rest">{first[1:20]}</span>{first[20:]}</p>'
    assert first in clean(PAGE.replace(f"<p>{first}</p>", split)).text
    # a capital that is a word of its own, or that is not at the paragraph's start, stays as it is
    aside = "<p>Read <b>A</b> guide to the channel, the authority said in its latest statement today.</p>"
    assert "Read A guide to the channel" in clean(PAGE.replace("</article>", aside + "</article>")).text


def test_a_paragraph_written_as_a_div_among_paragraphs_is_kept():
    middle = ("Four days of rain, more than 280mm at the weather station, fell on soils already "
              "saturated after a wet <em>February</em>, and 17 people died.")
    body = (f"<p>{PARAGRAPHS[0]}</p><div class=\"pr-para\">{middle}</div><p>{PARAGRAPHS[1]}</p>"
            f"<p>{PARAGRAPHS[2]}</p><div class=\"note\">Share this</div>")
    page = PAGE.replace("".join(f"<p>{p}</p>" for p in PARAGRAPHS), body)
    text = clean(page).text
    assert middle.replace("<em>", "").replace("</em>", "") in text
    assert text.index(PARAGRAPHS[0]) < text.index("Four days") < text.index(PARAGRAPHS[1])
    assert "Share this" not in text  # a short div is no paragraph


def soup_page(container_class: str) -> str:
    first, rest = ("".join(f"<p>{p}</p>" for p in part) for part in (PARAGRAPHS[:2], PARAGRAPHS[2:]))
    return (f"<!doctype html><html><head><title>Harbour plan approved</title></head><body>"
            f"<div class='x-91ab'><div class='x-nav'><a href='/'>Home</a> <a href='/news'>News</a></div>"
            f"<div class='{container_class}'>{first}"
            f"<h2>Three options on the table</h2><ul><li>Keep the old pier and repair its deck</li>"
            f"<li>Build a new pier beside the ferry terminal</li></ul>{rest}"
            f"</div></div><div class='x-foot'><p>Copyright 2024 Coast Daily.</p></div></body></html>")


def test_an_article_container_with_an_unknown_class_keeps_its_headings_and_lists():
    text = clean(soup_page("sc-7be0d")).text
    assert "Three options on the table" in text and "Build a new pier beside the ferry terminal" in text
    for paragraph in PARAGRAPHS:
        assert paragraph in text


MORE_PARAGRAPHS = [
    "The pier's deck was last replaced in 1987, and inspectors closed its seaward end in March "
    "after finding rot in a third of the timber piles below the waterline.",
    "A new pier would cost about twice as much as a repair, but the council's engineers say it "
    "would need no major work for sixty years once the piles were driven.",
]


def sections_page(cookie: str) -> str:
    """An article in sections, a <div> per subheading with a hashed class, inside a body
    <div>; a product box between two sections, and paragraphs outside the body."""
    sections = [("Why the channel matters", PARAGRAPHS[:2]), ("Three options on the table", PARAGRAPHS[2:]),
                ("What the pier needs", MORE_PARAGRAPHS)]
    body = "".join(f"<div class='_rt_p1'><h2>{title}</h2>{''.join(f'<p>{p}</p>' for p in part)}"
                   + ("<ul><li>Keep the old pier and repair its deck</li>"
                      "<li>Build a new pier beside the ferry terminal</li></ul>" if i == 1 else "") + "</div>"
                   + ("<div class='_carousel_9'><h3>Shop boating</h3><a href='/p/1'>Deck shoes</a></div>"
                      if i == 0 else "")
                   for i, (title, part) in enumerate(sections))
    return (f"<!doctype html><html><head><title>Harbour plan approved</title></head><body>"
            f"<div class='_pg'><div class='_nav'><a href='/'>Home</a> <a href='/news'>News</a></div>"
            f"<div class='_hh-body_9z'>{body}</div>"
            f"<div class='_cookie'><p>{cookie}</p></div></div></body></html>")


def test_an_article_in_sections_keeps_its_subheadings_and_lists():
    # no one section holds most of the text; the body <div> around them does
    cookie = ("We use cookies and similar tools to run this site, measure how it is used and show "
              "you offers; choose Accept to allow all of them or Settings to pick.")
    text = clean(sections_page(cookie)).text
    for heading in ("Three options on the table", "What the pier needs", "Build a new pier beside the ferry terminal"):
        assert heading in text
    for paragraph in PARAGRAPHS + MORE_PARAGRAPHS:
        assert paragraph in text
    assert "cookies" not in text


def test_sections_holding_too_little_of_the_page_are_left_to_trafilatura():
    # paragraphs outside the body <div> hold most of the page's text: no container is marked
    page = sections_page(" ".join(PARAGRAPHS * 4))
    from trafilatura.utils import load_html

    from cleaner.steps.extract_html import _mark_article_body

    tree = load_html(page)
    _mark_article_body(tree)
    assert tree.find(".//*[@itemprop='articleBody']") is None
    tree = load_html(sections_page("Cookies help us run this site."))
    _mark_article_body(tree)
    assert tree.find(".//*[@itemprop='articleBody']").get("class") == "_hh-body_9z"


def layout_page(body_cell: str) -> str:
    return ("<html><head><title>Harbour plan approved</title></head><body>"
            "<table width='760'><tr><td colspan='2'><a href='/'>Home</a> <a href='/news'>News</a> "
            "<a href='/sport'>Sport</a> <a href='/contact'>Contact us</a></td></tr>"
            "<tr><td width='160' valign='top'><a href='/clubs'>Clubs</a><br><a href='/events'>Events</a><br>"
            "<a href='/archive'>Archive</a></td>"
            f"<td valign='top'><font size='5'><b>Harbour plan approved</b></font><br>{body_cell}</td></tr>"
            "</table></body></html>")


def test_a_table_laying_out_paragraphs_with_blank_lines_is_read_as_blocks():
    body = "<br><br>".join(PARAGRAPHS)
    text = clean(layout_page(f"<font size='1'>Posted 3 March 2025 by the news desk</font><br><br>{body}")).text
    lines = text.splitlines()
    for paragraph in PARAGRAPHS:
        assert paragraph in lines  # each paragraph a line of its own, not one row of the whole page
    assert "Home News Sport" not in text and "Clubs" not in text


def test_an_old_table_pages_story_in_a_div_and_a_font_is_read_whole():
    # an old CMS: each story cell holds a <div> holding a <font> whose runs of text are the
    # paragraphs, and an ad's row parts the story's two cells
    def story(paragraphs):
        return ("<tr><td><div class='storytext'><font face='Verdana, Arial' size='2'>"
                + "<br>\n<br>\n".join(paragraphs) + "</font></div></td></tr>")

    second = [*MORE_PARAGRAPHS, "The council will vote on the plan in June, after a month in which "
                                "residents can comment on it."]
    page = ("<html><head><title>Harbour plan approved</title></head><body><table width='760'>"
            "<tr><td><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></td></tr>"
            + story(PARAGRAPHS)
            + "<tr><td align='center'><font size='1'>ADVERTISEMENT</font><br><a href='/ad'><img src='/ad.gif'></a>"
              "</td></tr>"
            + story(second) + "</table></body></html>")
    lines = clean(page).text.splitlines()
    for paragraph in PARAGRAPHS + second:
        assert paragraph in lines


def test_a_table_of_data_and_a_cell_ending_in_breaks_stay_tables():
    from cleaner.steps.extract_html import _unlayout_tables
    from lxml import html as lxml_html

    # two paragraphs of its own make no cell a page's layout (see the next test for three)
    page = layout_page("".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2]) + "<br><br><br>"
                       "<table><tr><td>Harbour United<br><br>Kelso Rovers</td><td>12</td></tr></table>")
    tree = lxml_html.fromstring(page)
    _unlayout_tables(tree)
    assert len(tree.findall(".//table")) == 2 and len(tree.findall(".//td")) == 5


def test_a_table_cell_holding_the_articles_paragraphs_is_read_as_blocks():
    # the article's own <p>s in a layout cell, with its lead as the cell's loose text before them:
    # trafilatura would write the whole cell as one row of a table, and drop the lead of a <div>
    lead = "Harbour plan approved after a decade of delays, the authority said on Monday evening."
    text = clean(layout_page(lead + "".join(f"<p>{p}</p>" for p in PARAGRAPHS))).text
    lines = text.splitlines()
    for paragraph in [lead, *PARAGRAPHS]:
        assert paragraph in lines
    assert "Clubs" not in text


def test_a_layout_cell_written_as_one_row_is_read_again_as_blocks():
    # trafilatura wrote a layout cell whole, byline, story and menu on one table row: the
    # tables holding a <div> of the article's paragraphs are read again as blocks
    from lxml import html as lxml_html
    from cleaner.steps.extract_html import _one_row, _unlayout_tables

    story = " ".join(PARAGRAPHS * 3)
    assert _one_row(f"| Posted by the news desk {story} Home News Sport |\n")
    assert not _one_row("".join(f"| {p} |\n" for p in PARAGRAPHS * 3))  # rows of a data table
    assert not _one_row(story + "\n")
    page = ("<html><body><table><tr><td><div class='byline'>Posted by the news desk</div><div id='story'>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div></td><td>Most read</td></tr></table></body></html>")
    tree = lxml_html.fromstring(page)
    _unlayout_tables(tree)  # a cell of no <p>s of its own: read as a table first
    assert tree.find(".//table") is not None
    _unlayout_tables(tree, cells=False)
    assert tree.find(".//table") is None and tree.find(".//td") is None


def test_what_the_page_hides_from_its_reader_is_not_extracted():
    transcript = ("HOST: The harbour authority approved its dredging plan on Monday, and our reporter "
                  "was at the meeting to hear what the fishing crews had to say about it.")
    hidden = f"<div class='transcript' hidden><p>{transcript}</p><p>{transcript} Again.</p></div>"
    details = f"<details><summary>Show transcript</summary><p>{transcript} Once more.</p></details>"
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    text = clean(PAGE.replace("<p>Sign up for our newsletter</p>", hidden + details)).text
    assert "HOST" not in text and all(p in text for p in PARAGRAPHS)
    # a page whose article itself is hidden (shown by a script) keeps it
    text = clean(PAGE.replace(article, f"<div hidden>{article}</div>")).text
    assert all(p in text for p in PARAGRAPHS)


def test_what_a_control_on_the_page_opens_is_extracted():
    more = ["Engineers said the dredgers would work through two winters, and the ferry timetable will change "
            "while they are in the channel, the authority said.",
            "Fishing crews welcomed the decision but asked for compensation for the weeks when the outer quay "
            "is closed to boats longer than twelve metres."]
    panels = ["The plan costs about 40 million, which the authority will borrow over twenty years at a fixed rate "
              "agreed with the national investment bank.",
              "Sediment from the channel will be taken out to sea and dumped at a licensed site twelve miles "
              "offshore, well away from the shellfish beds."]
    expander = (f'<div id="more" class="story-more collapsed" aria-hidden="true">{"".join(f"<p>{p}</p>" for p in more)}'
                '</div><button aria-controls="more" aria-expanded="false">Show full article</button>')
    accordion = "".join(f'<h3><button aria-controls="panel-{i}" aria-expanded="false">Part {i}</button></h3>'
                        f'<div id="panel-{i}" role="region" hidden><p>{p}</p></div>' for i, p in enumerate(panels))
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    text = clean(PAGE.replace(article, article + expander + accordion)).text
    # trafilatura drops what is marked aria-hidden; the panels' hidden mark had dropped them here
    assert all(p in text for p in PARAGRAPHS + more + panels), text
    # a transcript behind its control stays out
    transcript = "HOST: The harbour authority approved its dredging plan on Monday, and our reporter was there."
    toggle = (f'<button aria-controls="tr">Show transcript</button><div id="tr" hidden><p>{transcript}</p>'
              f'<p>{transcript} Again.</p></div>')
    assert "HOST" not in clean(PAGE.replace(article, article + toggle)).text


def test_a_layout_cells_runs_of_text_become_paragraphs():
    from cleaner.steps.extract_html import _wrap_paragraphs
    from lxml import html as lxml_html

    cell = lxml_html.fromstring("<td>First run.<br><br><b>Second</b> run, <i>with</i> a break<br> inside."
                                "<br> <br><br>Third run.<div>A box</div>Tail run.<br><br></td>")
    _wrap_paragraphs(cell)
    assert [(child.tag, " ".join(child.text_content().split())) for child in cell] == [
        ("p", "First run."), ("p", "Second run, with a break inside."), ("p", "Third run."),
        ("div", "A box"), ("p", "Tail run.")]
    assert cell.find("p[2]/br") is not None  # a single break stays inside its paragraph


def test_an_intro_block_over_the_full_text_block_opens_the_article():
    # a CMS that splits the article in two: trafilatura knows the full-text class and would
    # take that block alone
    more = ("The authority will publish the dredging contract in the spring, and work could begin "
            "as early as October if the tender attracts enough bidders, its chair said.")
    body = (f'<div class="itemBody"><div class="itemImageBlock"><span class="caption">The channel at low tide.</span>'
            f'</div>\n<div class="itemIntroText"><p>{PARAGRAPHS[0]}</p></div>\n<!-- full text -->\n'
            f'<div class="itemFullText"><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p><p>{more}</p></div></div>')
    page = PAGE.replace("<article><h1>Harbour plan approved</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS),
                        '<div class="page"><h1>Harbour plan approved</h1>' + body).replace("</article>", "</div>")
    text = clean(page).text
    assert text.index(PARAGRAPHS[0]) < text.index(PARAGRAPHS[1]) < text.index(more)
    # the intro's loose text comes along, in its place
    lead = "The northern channel has not been dredged since the harbour was enlarged."
    loose = page.replace('<div class="itemIntroText"><p>', f'<div class="itemIntroText">{lead}<p>')
    text = clean(loose).text
    assert text.index(lead) < text.index(PARAGRAPHS[0]) < text.index(PARAGRAPHS[1])


def test_a_signup_box_goes_whole_with_its_heading_and_pitch():
    # trafilatura drops the form and would keep the box's heading and pitch as article lines
    heading, pitch = "Stay in the loop", "Harbour reporting from our newsroom, straight to you every Friday."
    box = (f'<div class="promo-box"><div class="promo-text"><h4>{heading}</h4><p>{pitch}</p></div>'
           '<form action="/join"><label for="e">Your address</label><input id="e" type="email">'
           '<button>Count me in</button></form></div>')
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = PAGE.replace(article, f"<p>{PARAGRAPHS[0]}</p>{box}tail words after the box<p>{PARAGRAPHS[1]}</p>"
                                 f"<p>{PARAGRAPHS[2]}</p>")
    text = clean(page).text
    assert heading not in text and pitch not in text
    assert all(p in text for p in PARAGRAPHS) and "tail words after the box" in text
    # a field named for email but typed as text is one too; a search field is not
    named = page.replace('type="email"', 'type="text" name="subscriber_email"')
    assert pitch not in clean(named).text
    search = page.replace('type="email"', 'type="search" name="q"')
    assert pitch in clean(search).text


def test_an_email_field_inside_the_article_takes_no_article_text():
    # the box stops short of any element holding more than a box's words
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = PAGE.replace(article, f'<div class="body">{article}<input type="email" placeholder="Email"></div>')
    text = clean(page).text
    assert all(p in text for p in PARAGRAPHS)


def test_an_email_field_takes_no_article_written_without_spaces():
    # a Japanese article's paragraphs have few spaces: counted by characters, the article's
    # <div> is far larger than a box, and the box alone goes
    paragraphs = ["県教育委員会は十二日、少子化に伴う県立高校の再編計画案を公表した。生徒数の減少が続く中山間地域などの六校を、"
                  "二〇三〇年度までに三校に統合する内容で、来年二月の定例会での正式決定を目指す。",
                  "計画案によると、統合の対象となるのは東浜市の東浜北高と東浜南高、西谷町の西谷高と北原村の北原高、"
                  "山辺市の山辺農業高と山辺工業高の六校で、いずれも一学年の定員を大きく下回る状態が続いている。",
                  "県教委は今月下旬から来月にかけて、対象となる各市町村で住民説明会を開く。日程は県教委のホームページで"
                  "公表するほか、意見公募は十二月二十日まで受け付けるという。"]
    box = ('<aside class="newsletter"><p>ニュースレター「朝刊ダイジェスト」</p><form><label>メールアドレス</label>'
           '<input type="email" name="mail"><button>登録する</button></form></aside>')
    body = f"<p>{paragraphs[0]}</p><p>{paragraphs[1]}</p>{box}<p>{paragraphs[2]}</p>"
    page = (f'<!DOCTYPE html><html lang="ja"><head><title>県立高の再編計画案</title></head><body>'
            f'<nav><a href="/">トップ</a></nav><article><h1>県立高の再編計画案</h1>'
            f'<div class="article-body">{body}</div></article></body></html>')
    text = clean(page).text
    assert all(p in text for p in paragraphs) and "朝刊ダイジェスト" not in text


def test_zero_width_joiners_in_words_survive_the_extraction():
    # Persian writes a zero-width non-joiner inside words ("می‌توانند"); an emoji sequence
    # holds a joiner; trafilatura alone drops both
    paragraphs = ["مسافران می\u200cتوانند با همان کارت\u200cهای بلیت از خط جدید استفاده کنند و سفر تا پایان ماه رایگان است.",
                  "ساکنان محله می\u200cگویند کارگاه\u200cهای ساختمانی سال\u200cها راه رفت و آمد مغازه\u200cها را بسته بود.",
                  "The family \U0001F468\u200d\U0001F469\u200d\U0001F467 emoji is one sequence of three people and two joiners."]
    page = PAGE.replace("".join(f"<p>{p}</p>" for p in PARAGRAPHS),
                        "".join(f"<p>{p}</p>" for p in PARAGRAPHS + paragraphs))
    text = clean(page).text
    assert all(p in text for p in paragraphs + PARAGRAPHS) and "\ufffc" not in text


def test_a_live_blogs_entries_each_marked_as_an_article_body_come_out_whole():
    entries = [("Polls close", ["Polling stations closed at seven, and the ballot boxes went to the town hall by launch.",
                                "Turnout looked higher than at the last vote, the returning officer said."]),
               ("First count in", ["The harbour ward has declared first, and the ferry camp leads by some way there.",
                                   "Both campaigns say it is far too early to call the result."]),
               ("Result declared", ["Two thirds of voters backed the ferry, and the bridge plan is dead for now.",
                                    "The mayor said the council would start work on the new timetable on Monday."])]
    posts = "".join(f'<article class="post" itemprop="liveBlogUpdate"><h2>{title}</h2>'
                    f'<div class="post-body" itemprop="articleBody">{"".join(f"<p>{p}</p>" for p in paragraphs)}</div>'
                    f'<div class="post-actions"><button>Copy link</button></div></article>'
                    for title, paragraphs in entries)
    page = ('<!DOCTYPE html><html><head><title>Ferry vote: live</title></head><body><nav><a href="/">Home</a>'
            f'</nav><main><h1>Ferry vote: live</h1><div class="liveblog-posts">{posts}</div></main></body></html>')
    text = clean(page).text
    # trafilatura alone reads the entries' bodies and drops the later entries' headings
    assert all(p in text for _, paragraphs in entries for p in paragraphs), text
    assert all(title in text.splitlines() for title, _ in entries), text


def test_a_live_blogs_entries_in_a_list_come_out_as_blocks():
    entries = [("Convoy starts to leave", ["The first tractors are leaving the ring road, heading north towards the farms.",
                                           "Police say the road should reopen fully by about eight, once it has been swept."]),
               ("Minister agrees to meeting", ["The minister has said she will meet the farmers' union on Monday morning.",
                                               "The union's leader told the crowd that it was a start, and only a start."]),
               ("Traffic update", ["Trams are running normally, but buses that use the ring road are on diversion.",
                                   "The motorway junctions are also busy with tractors queuing to leave the city."])]
    posts = "".join(f'<li class="feed__post"><header class="feed__head"><span>5.{48 - i}pm</span> <h3>{title}</h3>'
                    f'</header><div class="feed__text">{"".join(f"<p>{p}</p>" for p in paragraphs)}</div></li>'
                    for i, (title, paragraphs) in enumerate(entries))
    page = ('<!DOCTYPE html><html><head><title>Farmers protest live</title></head><body><header><nav><a href="/">Home'
            f'</a></nav></header><main><h1>Farmers protest live</h1><ol class="feed">{posts}</ol></main></body></html>')
    lines = clean(page).text.splitlines()
    # trafilatura alone writes each entry as one list item: headings dropped, paragraphs joined
    assert all(p in lines for _, paragraphs in entries for p in paragraphs), lines
    assert all(title in lines for title, _ in entries[1:]), lines
    # a list of one-line items stays a list
    listing = PAGE.replace("</article>", "<ul><li>Keep the old pier</li><li>Build a new one</li></ul></article>")
    assert "Keep the old pier\n\nBuild a new one" in clean(listing).text


def test_a_pages_list_items_come_out_one_per_paragraph_without_marks():
    text = clean(soup_page("article-body")).text
    assert "\n\nKeep the old pier and repair its deck\n\nBuild a new pier beside the ferry terminal\n\n" in text
    assert "- " not in text


CHINESE_PARAGRAPHS = [
    "记者从市生态环境局获悉，经过三年的综合治理，城西湿地公园生态修复工程日前通过验收。监测数据显示，今冬到湿地越冬的候鸟已达一万二千余只，比治理前增加约四成。",
    "城西湿地面积约六百公顷，曾是市区重要的水源涵养地。上世纪九十年代以来，由于周边养殖场的污水直排，湿地水质一度降至劣五类，芦苇大面积枯死。",
    "从三年前开始，市里启动湿地修复工程，先后关停搬迁周边养殖场四十七家，铺设截污管网二十三公里，并通过清淤和补水等方式恢复湿地功能。",
    "修复团队没有简单地挖塘蓄水，而是根据地形恢复了浅滩、泥滩和深水区等不同生境，为涉禽、游禽提供觅食和栖息空间。",
    "据介绍，目前湿地主要水域水质已稳定在三类，部分区域达到二类。在今年的鸟类调查中，工作人员记录到鸟类一百五十六种。",
]


def test_a_chinese_article_in_a_layout_table_keeps_its_paragraphs_subheading_and_list():
    # an old portal's table layout: the article's <p>s, a subheading and a list in one cell
    # of a nested table beside a sidebar. Chinese writes no spaces and ends sentences with
    # "。": its paragraphs are measured and recognised as such, not as one long row
    body = ("".join(f"<p><font size=\"3\">{p}</font></p>" for p in CHINESE_PARAGRAPHS[:3])
            + "<h3>既要“修”也要“管”</h3>"
            + "".join(f"<p><font size=\"3\">{p}</font></p>" for p in CHINESE_PARAGRAPHS[3:])
            + "<p><font size=\"3\">湿地管理处也发布了观鸟提示：</font></p>"
            + "<ul><li>观鸟请保持安静，与鸟类保持适当距离；</li><li>请勿投喂野生鸟类；</li>"
              "<li>核心区禁止进入，禁止放飞无人机。</li></ul>")
    page = ("<html><head><title>城西湿地公园完成生态修复</title></head><body>"
            "<table width=\"960\"><tr><td><b>滨江新闻网</b></td></tr><tr><td>"
            "<a href=\"/\">首页</a> | <a href=\"/news/\">新闻</a> | <a href=\"/bbs/\">论坛</a></td></tr></table>"
            "<table width=\"960\"><tr><td width=\"680\"><table><tr><td>"
            "<font size=\"2\">您现在的位置：<a href=\"/\">首页</a> &gt; <a href=\"/news/\">新闻中心</a></font>"
            f"{body}</td></tr></table></td>"
            "<td width=\"260\"><table><tr><td>热点排行</td></tr><tr><td>1. 春运首日火车票开售 "
            "2. 我市最低气温将降至零下8度</td></tr></table></td></tr></table></body></html>")
    lines = clean(page).text.splitlines()
    for paragraph in CHINESE_PARAGRAPHS:
        assert paragraph in lines
    assert "既要“修”也要“管”" in lines and "请勿投喂野生鸟类；" in lines


def test_a_code_block_keeps_its_lines_without_its_line_numbers_and_empty_links():
    # a code block laid out as a table (line numbers in one cell, code in the other), one
    # whose lines each open with an empty link (a line's target), and a heading opening with
    # an empty permalink: each had come out run together on one line, or not at all
    numbers = "".join(f"<span class=\"lnt\">{n}\n</span>" for n in range(1, 4))
    table = ("<div class=\"highlight\"><table class=\"lntable\"><tr><td class=\"lntd\"><pre><code>"
             f"{numbers}</code></pre></td><td class=\"lntd\"><pre><code>.cards {{\n  display: grid;\n}}\n"
             "</code></pre></td></tr></table></div>")
    anchored = ("<pre><code><a id=\"line-1\" name=\"line-1\"></a>[tool.quiver]\n"
                "<a id=\"line-2\" name=\"line-2\"></a>isolation = \"session\"\n</code></pre>")
    heading = ("<h2><a name=\"step-1\" href=\"#step-1\"></a> 1. Find out what the largest element is</h2>"
               f"<p>{PARAGRAPHS[1]}</p>")
    body = f"<p>{PARAGRAPHS[0]}</p>{table}{heading}{anchored}<p>{PARAGRAPHS[2]}</p>"
    page = PAGE.replace("".join(f"<p>{p}</p>" for p in PARAGRAPHS), body)
    lines = [line.strip() for line in clean(page).text.splitlines()]
    assert ".cards {" in lines and "display: grid;" in lines and not any(line.startswith("1 2 3") for line in lines)
    assert "[tool.quiver]" in lines and 'isolation = "session"' in lines
    assert "1. Find out what the largest element is" in lines


def test_subheadings_with_a_contents_plugins_empty_targets_stay():
    # a contents plugin lists the subheadings at the top and marks each subheading with empty
    # spans (its target and its end): trafilatura dropped the subheadings themselves
    titles = ["What the tests found", "Residents want more", "What comes next"]
    contents = "<nav><ul class=\"ez-toc-list\">" + "".join(
        f"<li><a class=\"ez-toc-link\" href=\"#{t.replace(' ', '_')}\">{t}</a></li>" for t in titles) + "</ul></nav>"
    sections = "".join(
        f"<h2 class=\"wp-block-heading\"><span class=\"ez-toc-section\" id=\"{t.replace(' ', '_')}\"></span>{t}"
        f"<span class=\"ez-toc-section-end\"></span></h2><p>{p}</p>" for t, p in zip(titles, PARAGRAPHS))
    page = PAGE.replace("".join(f"<p>{p}</p>" for p in PARAGRAPHS), f"<p>{PARAGRAPHS[0]}</p>{contents}{sections}")
    lines = [line.strip() for line in clean(page).text.splitlines()]
    assert all(title in lines for title in titles)


def test_a_divs_paragraphs_separated_by_blank_lines_become_paragraphs():
    # a newspaper template writes the article as one <div> of text with <br><br> between
    # paragraphs and its photos and quotes as blocks among them: on such a page trafilatura
    # dropped the article's first paragraphs. Each run of text becomes a <p>, in order
    import lxml.html
    from cleaner.steps.extract_html import _wrap_loose_text
    photo = "<div class=\"photo\"><img src=\"pier.jpg\" alt=\"The pier\"></div>"
    tree = lxml.html.fromstring(
        f"<html><body><div id=\"article_body\">{PARAGRAPHS[0]}<br><br>\n{PARAGRAPHS[1]} <b>Then</b> it rained."
        f"<br><br>\n{photo}\n{PARAGRAPHS[2]}<br><br>The ferry runs as usual.<br><br></div></body></html>")
    _wrap_loose_text(tree)
    body = tree.get_element_by_id("article_body")
    assert [child.tag for child in body] == ["p", "p", "div", "p", "p"]
    assert [" ".join(child.text_content().split()) for child in body if child.tag == "p"] == [
        PARAGRAPHS[0], PARAGRAPHS[1] + " Then it rained.", PARAGRAPHS[2], "The ferry runs as usual."]
    # one blank line is no sign: a caption's box or a signature under a paragraph
    tree = lxml.html.fromstring(f"<html><body><div id=\"box\">{PARAGRAPHS[0]}<br><br>Ann Lee</div></body></html>")
    _wrap_loose_text(tree)
    assert [child.tag for child in tree.get_element_by_id("box")] == ["br", "br"]
