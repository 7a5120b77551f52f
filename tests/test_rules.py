"""Every shipped rule: its own examples pass, it has both kinds, it runs in linear time."""
import re
import time
from pathlib import Path
from types import MappingProxyType

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.errors import RuleFileError
from cleaner.regex_probe import hostile_strings
from cleaner.rules import Rulebook, load_rulebook
from cleaner.steps.base import Context
from cleaner.steps.normalize_layout import NormalizeLayout
from cleaner.steps.strip_debris import StripDebris
from conftest import run_step

RULEBOOK = load_rulebook()
EXAMPLES = [(rule, i, ex) for rule in RULEBOOK.rules for i, ex in enumerate(rule.examples)]


def apply_rule(rule, text: str) -> str:
    for step in (StripDebris(Rulebook((rule,), "")), NormalizeLayout()):
        text = run_step(step, text)[0]
    return text


def layout(text: str) -> str:
    return run_step(NormalizeLayout(), text)[0]


@pytest.mark.parametrize("rule,index,example", EXAMPLES,
                         ids=[f"{r.id}-{'change' if e.output is not None else 'keep'}{i}" for r, i, e in EXAMPLES])
def test_rule_example(rule, index, example):
    expected = layout(example.output if example.output is not None else example.input)
    assert apply_rule(rule, example.input) == expected


@pytest.mark.parametrize("rule", RULEBOOK.rules, ids=lambda r: r.id)
def test_rule_has_both_kinds_of_example(rule):
    assert any(e.output is not None for e in rule.examples), f"{rule.id}: no input it must change"
    assert any(e.output is None for e in rule.examples), f"{rule.id}: no input it must leave alone"


@pytest.mark.parametrize("rule", RULEBOOK.rules, ids=lambda r: r.id)
def test_rule_runs_in_linear_time_on_hostile_input(rule):
    def seconds(text: str) -> float:
        started = time.perf_counter()
        for _ in rule.regex.finditer(text):
            pass
        return time.perf_counter() - started

    for text in hostile_strings(rule.regex.pattern):
        # the best of three runs: another job on the machine slows one run, not the rule;
        # catastrophic backtracking is slower by orders of magnitude in every run
        best = seconds(text)
        for _ in range(2):
            if best < 0.5:
                break
            best = min(best, seconds(text))
        assert best < 0.5, f"{rule.id} is slow on {text[:20]!r}..."


def write_rules(folder: Path, body: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "mine.toml").write_text(body, encoding="utf-8")
    return folder


@pytest.mark.parametrize("body,field", [
    ('[[rule]]\nid = "mine.x"\nscope = "line"\nreason = "r"\n', "patterns"),
    ('[[rule]]\nid = "mine.x"\nscope = "line"\npatterns = ["("]\nreason = "r"\n', "patterns"),
    ('[[rule]]\nid = "mine.x"\nscope = "page"\npatterns = ["a"]\nreason = "r"\n', "scope"),
    ('[[rule]]\nid = "mine.x"\nscope = "line"\npatterns = ["a"]\nreason = "r"\ncolour = 1\n', "colour"),
    ('[[rule]]\nid = "mine.x"\nscope = "line"\npatterns = ["a"]\n', "reason"),
    ('[[rule]]\nid = "Mine X"\nscope = "line"\npatterns = ["a"]\nreason = "r"\n', "id"),
    ('[[rule]]\nid = "mine.x"\nscope = "line"\npatterns = ["(?P<who>a)"]\nreason = "r"\n', "patterns"),
    ('[[rule]]\nid = "mine.x"\nscope = "line"\npatterns = ["a"]\nreason = "r"\ntakes_list = "yes"\n', "takes_list"),
    ('[[rule]]\nid = "mine.x"\nscope = "block"\npatterns = ["a"]\nreason = "r"\ntakes_list = true\n', "takes_list"),
    ('[[rule]]\nid = "mine.x"\nscope = "line"\npatterns = ["a"]\nreason = "r"\nmin_listed = 3\n', "min_listed"),
    ('[[rule]]\nid = "mine.x"\nscope = "line"\npatterns = ["a"]\nreason = "r"\ntakes_list = true\nmin_listed = -1\n', "min_listed"),
])
def test_bad_rule_files_name_file_rule_and_field(tmp_path, body, field):
    folder = write_rules(tmp_path / "rules", body)
    with pytest.raises(RuleFileError, match=rf"mine\.toml: rule .*: field '{field}'"):
        load_rulebook([folder])


def test_duplicate_ids_and_invalid_toml(tmp_path):
    dup = write_rules(tmp_path / "dup", '[[rule]]\nid = "navigation.skip-link"\nscope = "line"\n'
                                        'patterns = ["a"]\nreason = "r"\n')
    with pytest.raises(RuleFileError, match="already defined"):
        load_rulebook([dup])
    broken = write_rules(tmp_path / "broken", "[[rule]\nid=")
    with pytest.raises(RuleFileError, match="not valid TOML"):
        load_rulebook([broken])


def test_user_rules_apply_and_bad_ones_exit_2(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Paragraph one is here.\nPROMO: buy our mugs today\n")
    mine = write_rules(tmp_path / "mine", '[[rule]]\nid = "mine.promo"\nscope = "line"\n'
                                          'patterns = ["promo: .*"]\nreason = "shop promotion"\n')
    result = CliRunner().invoke(app, ["clean", str(src), "--out", str(tmp_path / "o"), "--rules", str(mine)])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "o" / "a.txt").read_text() == "Paragraph one is here.\n"
    bad = write_rules(tmp_path / "bad", '[[rule]]\nid = "mine.promo"\nscope = "line"\npatterns = ["("]\nreason = "r"\n')
    result = CliRunner().invoke(app, ["clean", str(src), "--out", str(tmp_path / "o2"), "--rules", str(bad)])
    assert result.exit_code == 2 and "mine.toml: rule mine.promo: field 'patterns'" in result.stderr
    assert not (tmp_path / "o2").exists()


def test_word_lists_are_spliced(tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "brands.txt").write_text("# a comment\nAcme Daily\nThe Widget\n")
    write_rules(folder, '[[rule]]\nid = "mine.brand"\nscope = "line"\npatterns = ["{{brands}}"]\nreason = "r"\n')
    rule = load_rulebook([folder], shipped=False).rules[0]
    assert apply_rule(rule, "Acme   Daily\nText stays.") == "Text stays.\n"


def test_word_list_trie_matches_exactly_the_words_longest_first():
    import re
    from cleaner.rules import trie_pattern
    words = ["New York Times", "New York Post", "New Yorker", "Nature", "NPR", "N"]
    regex = re.compile(trie_pattern(words))
    for word in words:
        assert regex.fullmatch(word)
    assert regex.fullmatch("New   York\tTimes")
    for other in ["New York", "New", "Natur", "NPRX", "", "New York Timesx"]:
        assert not regex.fullmatch(other)
    assert regex.match("New York Times said").group() == "New York Times"


def test_a_user_rule_that_backtracks_catastrophically_is_refused_at_load(tmp_path):
    import time
    folder = write_rules(tmp_path / "evil", '[[rule]]\nid = "mine.evil"\nscope = "inline"\n'
                                            "patterns = ['(a+)+$']\nreason = \"r\"\n")
    started = time.perf_counter()
    with pytest.raises(RuleFileError, match=r"rule mine\.evil: field 'patterns': .*catastrophic backtracking"):
        load_rulebook([folder])
    assert time.perf_counter() - started < 30
    good = write_rules(tmp_path / "good", '[[rule]]\nid = "mine.fine"\nscope = "line"\n'
                                          "patterns = ['buy our mugs']\nreason = \"r\"\n")
    assert load_rulebook([good], shipped=False).rules[0].id == "mine.fine"


@pytest.mark.parametrize("byline,author", [
    ("By Jane Doe December 23, 2024 7:49 AM 2 min read", "Jane Doe"),
    ("By JANE DOE Associated Press", "JANE DOE"),
    ("By Ravi Menon Reuters", "Ravi Menon"),
    ("By JOSEPH WHITE AP Sports Writer", "JOSEPH WHITE"),
    ("By Anna Maria de la Cruz and Bo Park", "Anna Maria de la Cruz and Bo Park"),
    ("By Dana Reyes, PA Sport", "Dana Reyes"),
    ("By HERB KEINON AND AP", "HERB KEINON"),
])
def test_a_byline_gives_the_author_without_the_agency_after_the_name(byline, author):
    metadata = run_step(StripDebris(RULEBOOK), byline + "\nThe council voted on Tuesday.\n")[2]
    assert metadata["author"] == author


def test_a_line_rule_takes_its_line_after_a_widgets_icons_only():
    article = "The council voted to keep the ferry, and the town celebrated late into the night.\n"
    debris = "🏷 Tags: ferry, council\n▶ 0:00 / 2:31\n📲 Join our WhatsApp channel for breaking news\n"
    step = StripDebris(RULEBOOK)
    out, edits = run_step(step, article + debris + article)[:2]
    assert out == article + article
    assert [e.rule for e in edits] == ["tags.labelled-list", "media.video-notice", "ads.app-promo"]
    # an icon before prose makes it no debris, and an icon inside a line does not start one
    prose = "🎉 The council voted to keep the ferry.\nFerry fans: tags 🏷 Tags: ferry, council\n"
    assert run_step(step, article + prose)[0] == article + prose


def test_a_markdown_line_is_read_as_a_reader_sees_it():
    # a web-to-markdown converter's marks (links, emphasis, a blockquote) around debris
    article = ("The council voted to keep the [ferry](https://example.org/ferry), and the town "
               "**celebrated** late into the night.\n")
    debris = ("**Also read:** [Ferry fares to rise in May](https://example.org/fares)\n"
              "_Audio is generated by an automated voice._\n"
              "> **Advertisement**\n"
              "[Share on X](https://x.com/intent?u=1) · [Copy link](#)\n")
    step = StripDebris(RULEBOOK)
    out, edits = run_step(step, article + debris + article)[:2]
    assert out == article + article
    assert [e.rule for e in edits] == ["teasers.label-line", "media.audio-notice", "ads.marker", "share.button-line"]
    # the article's own Markdown lines stay: a subheading, a quotation, a list item
    own = "## What the ferry costs\n> \"We kept our ferry,\" she said.\n- **Fares** stay at £2 until May.\n"
    assert run_step(step, article + own)[0] == article + own


ARTICLE_LINE = "The council voted to keep the ferry, and the town celebrated late into the night.\n"
NEXT_LINE = "The first boat of the new timetable leaves the harbour at six on Monday morning.\n"


def strip_box(box: str) -> tuple[str, list[str]]:
    """The text left of a box between two article lines, and the rules of its edits."""
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + NEXT_LINE)[:2]
    return out, [e.rule for e in edits]


def test_a_box_heading_takes_the_headlines_listed_under_it_with_their_list_marks():
    box = "Read more:\n• Night buses to run until 2 a.m. for another year\n- Library reopens after a two-year renovation\n"
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + NEXT_LINE)[:2]
    assert out == ARTICLE_LINE + NEXT_LINE
    assert [(e.rule, e.reason) for e in edits] == [
        ("teasers.heading", "related-stories heading and the 2 headlines listed under it")]


def test_a_box_lists_questions_as_headlines_but_a_question_over_a_paragraph_is_a_subheading():
    box = "Read next\nCash or shares: which pays more?\nIs a fixed rate worth the wait?\nPension rules for the self-employed explained\n"
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + NEXT_LINE)[:2]
    assert out == ARTICLE_LINE + NEXT_LINE
    assert [e.reason for e in edits] == ["sidebar heading and the 3 headlines listed under it"]
    # a short question right over the article's next paragraph is its subheading, as other lines are
    out = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + "Read next\n\nWhat happens now?\n\n" + NEXT_LINE)[0]
    assert "What happens now?" in out


def test_a_line_two_rules_take_heads_a_list_only_when_headlines_are_right_under_it():
    # "READ MORE" is also a cookie banner's button, a rule earlier in the rulebook
    box = "READ MORE\nNight buses to run until 2 a.m. for another year\nLibrary reopens after a two-year renovation of its roof\n"
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + NEXT_LINE)[:2]
    assert out == ARTICLE_LINE + NEXT_LINE
    assert [e.rule for e in edits] == ["teasers.heading"]
    # after a blank line, a short line over a paragraph is the article's subheading
    spaced = "READ MORE\n\nA strike that is not finished\n\n"
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + spaced + NEXT_LINE)[:2]
    assert out == ARTICLE_LINE + "\nA strike that is not finished\n\n" + NEXT_LINE
    assert [e.rule for e in edits] == ["cookies.consent-button"]


@pytest.mark.parametrize("box,rule", [
    # "More Local News" is also "More" and a section's name, a heading only over three
    # headlines or more; over two it is still a related-stories heading
    ("More Local News\nSchool board approves a new bus contract\n"
     "Orchard opens its corn maze for the season and adds hayrides …\n", "teasers.heading"),
    # a teaser cut with an ellipsis is listed though longer than a whole headline
    ("Related stories\nSchool board approves a new bus contract for the district\n"
     "Harbour market reopens for the summer season, adds a night market on Fridays and a new …\n",
     "sidebars.heading"),
])
def test_a_box_heading_takes_its_short_list_and_a_long_teaser_cut_short(box, rule):
    out, rules = strip_box(box)
    assert out == ARTICLE_LINE + NEXT_LINE
    assert rules == [rule]


def test_a_paragraph_that_ends_in_a_closing_guillemet_keeps_the_subheading_over_it():
    para = ("Secondo il sindaco il cantiere non si fermerà durante l'estate. «I lavori vanno avanti "
            "anche ad agosto, come avevamo promesso ai residenti del quartiere.»\n")
    box = "Leggi anche\nTorino, il museo del cinema apre una nuova sala dedicata ai manifesti\nIl nodo dei tempi\n"
    out, rules = strip_box(box + para)
    assert out == ARTICLE_LINE + "Il nodo dei tempi\n" + para + NEXT_LINE
    assert rules == ["teasers.heading"]


def test_a_box_list_ends_at_a_line_after_a_blank_that_a_rule_takes_on_its_own():
    # the second teaser is a box of its own; the line under it is the article's subheading
    box = ("Read more:\nNight buses to run until 2 a.m. for another year\n\n"
           "Also read: Library reopens after a two-year renovation\nThe third flood in five years\n")
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + NEXT_LINE)[:2]
    assert out == ARTICLE_LINE + "\n" + "The third flood in five years\n" + NEXT_LINE
    assert [e.rule for e in edits] == ["teasers.heading", "teasers.label-line"]


def test_a_quotation_alone_on_its_line_over_a_paragraph_ends_a_boxs_list():
    # the article's subheading is a quote; a box's headline names who speaks
    box = ("À lire aussi\nSécheresse : le canton veut un inventaire des sources\n"
           "Bisses : les consortages peinent à trouver des bras\n")
    for quote in ("«On fait payer les gens d'ici pour les chalets»", '"We pay for the chalets"'):
        out = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + quote + "\n" + NEXT_LINE)[0]
        assert out == ARTICLE_LINE + quote + "\n" + NEXT_LINE
    said = "«On fait payer les gens d'ici», dénoncent les éleveurs\n"
    assert run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + said + NEXT_LINE)[0] == ARTICLE_LINE + NEXT_LINE


def test_a_numbered_box_list_ends_at_an_unnumbered_line_after_a_blank():
    # five words over a paragraph: a headline's length, but the box numbered its items
    box = ("Most read\n1. Night buses to run until 2 a.m. for another year\n"
           "2. Library reopens after a two-year renovation\n\nFerry crews the biggest worry\n\n")
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + NEXT_LINE)[:2]
    assert out == ARTICLE_LINE + "\nFerry crews the biggest worry\n\n" + NEXT_LINE
    assert [e.rule for e in edits] == ["sidebars.most-list-heading"]
    # items without marks, or a numbered item after the blank, still belong to the box
    for rest in ("Night buses to run until 2 a.m. for another year\nLibrary reopens after a renovation\n\n"
                 "Ferry crews the biggest worry\n\n",
                 "1. Night buses to run until 2 a.m. for another year\n2. Library reopens after a renovation\n\n"
                 "3. Ferry crews the biggest worry\n\n"):
        assert run_step(StripDebris(RULEBOOK), ARTICLE_LINE + "Most read\n" + rest + NEXT_LINE)[0] \
            == ARTICLE_LINE + "\n" + NEXT_LINE


@pytest.mark.parametrize("box", [
    "Get the Ledger's morning briefing\nThe day's biggest stories, in your inbox before 7am on weekdays.\n"
    "Email address\nSign me up\n",
    "Field Notes\n\nDispatches from researchers on glaciers and reefs, delivered to you once a fortnight.\n\n"
    "By signing up you agree to receive emails from us. You can opt out at any time.\n",
    "The Saturday Read\nOur editors' picks of the week. Every Saturday.\n* indicates required\nEmail Address *\n",
])
def test_a_newsletter_boxs_heading_and_pitch_go_with_the_form_under_them(box):
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + NEXT_LINE)[:2]
    assert re.sub(r"\n+", "\n", out) == ARTICLE_LINE + NEXT_LINE  # blank lines are layout
    rules = [e.rule for e in edits]
    assert rules[:2] == ["strip-debris.newsletter-heading", "strip-debris.newsletter-pitch"]
    assert rules[2:] and not any(rule.startswith("strip-debris.") for rule in rules[2:])
    assert run_step(StripDebris(RULEBOOK), out)[1] == ()


def test_a_newsletters_name_and_tagline_go_over_its_pitch():
    box = ("The Harbour Daily\nNews that matters, first.\nEvery weekday morning: the five stories you need.\n"
           "Your email\nSubscribe free\n")
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + NEXT_LINE)[:2]
    assert out == ARTICLE_LINE + NEXT_LINE
    assert "strip-debris.newsletter-heading" in [e.rule for e in edits]
    # a short sentence under a heading that names no newsletter is the article's
    kept = "Ferry crews\nThat was in 2019.\n"
    out = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box.replace("The Harbour Daily\nNews that matters, first.\n", kept)
                   + NEXT_LINE)[0]
    assert out == ARTICLE_LINE + kept + NEXT_LINE


def test_a_pitch_that_starts_the_readers_day_goes_with_its_form():
    box = "The Harbour Morning\nStart your day with the stories your street is talking about.\n* indicates required\nEmail *\n"
    assert run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + NEXT_LINE)[0] == ARTICLE_LINE + NEXT_LINE


CONSENT_BOX = ("Get the Thursday briefing\nOur desk's read on the week at the council, in your inbox before "
               "the weekend papers.\nYour email\nWe only use this address to send you the briefing. Opt out any "
               "time.\nCount me in\n")


@pytest.mark.parametrize("box", [
    # the upper line names the newsletter itself
    "Tide Tables\nOur coastal newsletter explains what the sea is doing and why.\nIt lands every Friday.\n"
    "Email address\nSign me up\n",
    # the lower line says how little signing up takes
    "Harbour Tonight\nThe evening's harbour news, in your inbox at six.\nIt only takes a moment.\n"
    "Email address\nSign me up\n",
])
def test_a_pitch_of_two_lines_goes_with_its_heading(box):
    out, rules = strip_box(box)
    assert out == ARTICLE_LINE + NEXT_LINE
    assert rules[:3] == ["strip-debris.newsletter-heading"] + ["strip-debris.newsletter-pitch"] * 2


def test_a_line_on_how_little_signing_up_takes_stays_with_no_form_under_it():
    line = "It only takes a moment.\n"
    assert strip_box(line)[0] == ARTICLE_LINE + line + NEXT_LINE


def test_a_slogan_with_a_stop_over_a_pitch_is_the_boxs_heading():
    box = "Never miss a tide.\nGet the harbour bulletin and the morning headlines straight to your inbox.\nEmail address\nSign me up\n"
    out, rules = strip_box(box)
    assert out == ARTICLE_LINE + NEXT_LINE
    assert "strip-debris.newsletter-heading" in rules
    # the same words over no pitch, or a short sentence of the article over a pitch, stay
    assert strip_box("Never miss a tide.\n")[0] == ARTICLE_LINE + "Never miss a tide.\n" + NEXT_LINE
    last = "That was in 2019.\n"
    assert strip_box(last + box.split("\n", 1)[1])[0] == ARTICLE_LINE + last + NEXT_LINE


def test_the_choices_listed_inside_a_sign_up_form_go_with_it():
    form = ("Choose your newsletters\nThe Early Tide (weekdays)\nFarm Gate (Fridays)\nBreaking news alerts\n"
            "Email address *\n* indicates required\n")
    out, rules = strip_box(form)
    assert out == ARTICLE_LINE + NEXT_LINE
    assert rules.count("strip-debris.newsletter-box-line") == 3
    assert run_step(StripDebris(RULEBOOK), out)[1] == ()
    # a subscription offer's heading and benefits, between its lines the rules took
    offer = ("You've read 3 of 3 free articles this month\nKeep reading for just £1\n"
             "Subscribe today for unlimited access to local news and court reports.\n"
             "- Unlimited articles on any device\n- The daily e-paper, delivered at 5am\nSubscribe now\n")
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + offer + NEXT_LINE)[:2]
    assert out == ARTICLE_LINE + NEXT_LINE
    text = ARTICLE_LINE + offer + NEXT_LINE
    inner = [text[e.start:e.end] for e in edits if e.rule == "strip-debris.newsletter-box-line"]
    assert inner[:2] == ["Keep reading for just £1\n", "- Unlimited articles on any device\n"]
    # under a form line, an article's subheading over a line another rule took, a sentence,
    # or a line with no form line under it: all stay
    for rest in ("The road ahead\nAdvertisement\n", "The vote was close\nIt rained.\nEmail address *\n",
                 "The road ahead\n"):
        out, rules = strip_box("* indicates required\n" + rest)
        assert "strip-debris.newsletter-box-line" not in rules
        assert rest.split("\n")[0] + "\n" in out


def test_a_line_inside_a_box_that_an_inline_edit_touches_is_left_to_that_edit():
    from cleaner.edits import Edit
    from cleaner.steps.strip_debris import _box_inner_lines
    text = "Choose your newsletters\nMorning Edition Reuters\nFarm Gate (Fridays)\nEmail address *\n"
    form = Edit(0, 24, "", "newsletter.form-field", "form")
    inline = Edit(39, 47, "", "outlets.glued-name", "outlet")  # " Reuters" at the end of the first choice
    assert text[39:47] == " Reuters"
    edits = _box_inner_lines(text, [form, inline])
    assert [(e.start, e.rule) for e in edits] == [(0, "newsletter.form-field"), (39, "outlets.glued-name")]
    # without the inline edit, both choices go
    assert [e.rule for e in _box_inner_lines(text, [form])][1:] == ["strip-debris.newsletter-box-line"] * 2


def test_a_paragraph_over_a_one_line_pitch_stays_when_it_names_only_a_cadence():
    last = "The harbour office opens daily from eight, and the pilots meet every Friday.\n"
    out, rules = strip_box(last + "It lands every Friday.\nEmail address\nSign me up\n")
    assert out == ARTICLE_LINE + last + NEXT_LINE
    assert rules.count("strip-debris.newsletter-pitch") == 1


def test_over_a_short_label_that_is_no_email_field_the_climb_stops_at_the_pitch():
    # with "Your email" the consent line under the field does not end the box (see below)
    other = CONSENT_BOX.replace("Your email\n", "Sign up\n")
    assert strip_box(other)[0].startswith(ARTICLE_LINE + "Get the Thursday briefing\nOur desk's")


@pytest.mark.parametrize("above", [
    "The trust sends a weekly newsletter to about 1,400 supporters, the chairman said.",  # said
    "The first boat of the new timetable leaves the harbour at six on Monday morning.",  # no cue
    "\u201cSend it to my inbox every Friday,\u201d one reader asked.",  # a quote
])
def test_a_line_of_the_article_above_a_sign_up_form_stays(above):
    text = ARTICLE_LINE + above + "\nEmail address\nSign me up\n" + NEXT_LINE
    out, edits = run_step(StripDebris(RULEBOOK), text)[:2]
    assert out == ARTICLE_LINE + above + "\n" + NEXT_LINE
    assert not any(e.rule.startswith("strip-debris.") for e in edits)


def test_the_line_above_a_sign_up_prompt_a_rule_took_is_no_pitch():
    # the prompt is the box's own heading: the article's last paragraph above it stays, cue or not
    last = "Keepers will post a weekly photo diary of the calf on the zoo's website from Friday.\n"
    box = "Sign up to Wild Mail\nBaby animal news and event dates, once a month.\n* required\n"
    out = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + last + box + NEXT_LINE)[0]
    assert out == ARTICLE_LINE + last + NEXT_LINE


def test_a_line_between_a_sign_up_prompt_and_the_forms_field_is_the_pitch_whatever_its_words():
    box = ("Sign up to Reel Talk\nFree weekly newsletter\n"
           "Our critics pick the best new releases, plus interviews and the odd grumpy essay.\n"
           "Enter your email address\nSign up\n")
    out, rules = strip_box(box)
    assert out == ARTICLE_LINE + NEXT_LINE
    assert "strip-debris.newsletter-pitch" in rules


@pytest.mark.parametrize("consent", [
    "Your details stay with us. See our Privacy Policy for how we use them.\n",
    "We keep your email address safe and never pass it on.\n",
])
def test_the_consent_line_under_a_sign_up_form_goes_with_it(consent):
    box = "Email address\nSign up\n" + consent
    out, rules = strip_box(box)
    assert out == ARTICLE_LINE + NEXT_LINE
    assert rules[-1] == "strip-debris.newsletter-consent"


def test_a_consent_line_with_an_inline_edit_in_it_is_left_to_that_edit():
    # two edits may not overlap: the line stays, and the inline rule takes its part
    consent = "See our privacy policy (opens in a new window) for how we use your details.\n"
    out, rules = strip_box("Email address\nSign up\n" + consent)
    assert out == ARTICLE_LINE + consent.replace("(opens in a new window)", "") + NEXT_LINE
    assert "navigation.new-tab-note" in rules and "strip-debris.newsletter-consent" not in rules


@pytest.mark.parametrize("under", [
    "The council says your data stays in the county under its privacy policy.\n",  # reported
    "Residents who want to opt out of the scheme can write to the council before May.\n",  # no consent cue
])
def test_an_article_line_under_a_sign_up_form_stays(under):
    out = strip_box("Email address\nSign up\n" + under)[0]
    assert out == ARTICLE_LINE + under + NEXT_LINE


def test_a_line_under_a_sign_up_prompt_alone_is_no_consent_line():
    # a prompt set between two paragraphs is no form: the paragraph under it stays, cue or not
    under = "The company changed its privacy policy in May, and complaints doubled within weeks.\n"
    out = strip_box("Sign up to our weekly newsletter\n" + under)[0]
    assert out == ARTICLE_LINE + under + NEXT_LINE


def test_a_subheading_right_above_a_bare_form_is_no_newsletters_heading():
    text = ARTICLE_LINE + "What happens next\nEmail address\nSign me up\n" + NEXT_LINE
    out = run_step(StripDebris(RULEBOOK), text)[0]
    assert out == ARTICLE_LINE + "What happens next\n" + NEXT_LINE


@pytest.mark.parametrize("box", [
    # "Email*" is a comment form's field too (comments.prompt); the box is still a sign-up box
    "Get the Harbour Early Brief in your inbox\n"
    "The five stories you need before your first meeting, every weekday at 7 a.m.\nEmail*\n* indicates required\n"
    "Subscribe\n",
    # a consent line between the e-mail field and the button does not end the box
    CONSENT_BOX,
])
def test_a_pitch_over_a_field_label_another_rule_took_goes_with_the_form(box):
    out, rules = strip_box(box)
    assert out == ARTICLE_LINE + NEXT_LINE
    assert "strip-debris.newsletter-pitch" in rules


PRESS_RELEASE = ("The union said 87% of members who voted backed strike action at the warehouse. " * 12).strip() + "\n"
NOTES = ("Notes to editors\n"
         "The union represents 40,000 food and distribution workers across Wales and the West.\n"
         "For media enquiries, call the press office on 029 0000 0000.\n")


@pytest.mark.parametrize("mark", ["ENDS", "###", "-30-"])
def test_notes_after_a_press_releases_end_mark_go_with_it(mark):
    out, edits = run_step(StripDebris(RULEBOOK), PRESS_RELEASE + mark + "\n" + NOTES)[:2]
    assert out == PRESS_RELEASE
    assert [e.rule for e in edits][-2:] == ["footer.end-mark", "strip-debris.after-end-mark"]


def test_a_notes_to_editors_heading_ends_a_release_as_its_mark_does():
    # NOTES opens with its heading: under a release's text, the heading and the notes go;
    # under a line or two, the heading is no release's end, and stays with its notes
    assert run_step(StripDebris(RULEBOOK), PRESS_RELEASE + NOTES)[0] == PRESS_RELEASE
    short = "The union said members backed the strike.\n" + NOTES
    assert run_step(StripDebris(RULEBOOK), short)[0] == short


def test_an_end_mark_above_most_of_the_text_takes_nothing_after_it():
    # under too little text, or over too much, the mark is no release's end
    short = "The union said members backed the strike.\nENDS\n" + NOTES
    assert run_step(StripDebris(RULEBOOK), short)[0] == "The union said members backed the strike.\n" + NOTES
    long_tail = PRESS_RELEASE + "ENDS\n" + PRESS_RELEASE * 6
    assert run_step(StripDebris(RULEBOOK), long_tail)[0] == PRESS_RELEASE + PRESS_RELEASE * 6


def test_a_short_subheading_over_a_list_intro_ends_a_boxs_list():
    box = ("Mehr zum Thema\n\nHallenbad: Sanierung dauert bis zum Herbst 2026\n\n"
           "Zwei Modelle im Vergleich\n\nDer Gemeinderat prüft zwei Modelle genau:\n")
    out = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + box + NEXT_LINE)[0]
    assert "Zwei Modelle im Vergleich\n" in out and "Hallenbad" not in out


def test_a_subheading_two_thirds_as_long_as_the_boxs_headlines_ends_its_list():
    box = ("More information\nVillagers find a Roman wine cellar under the square of their parish church\n"
           "Grape pips in the drain\n")
    out, rules = strip_box(box)
    assert "Grape pips in the drain\n" in out and "Roman wine cellar" not in out
    assert rules == ["teasers.heading"]
    box = ("More on this\nWhat the latest school survey says about reading in primary schools\nTeachers in the north give the most hours in Europe\n"
           "More hours for maths and reading\n")
    out, rules = strip_box(box)
    assert "More hours for maths and reading\n" in out and "school survey" not in out and "Teachers" not in out
    # a list item with its mark is the box's, however short
    out, rules = strip_box(box.replace("\nMore hours", "\n- More hours"))
    assert out == ARTICLE_LINE + NEXT_LINE
    # a headline of a size with the one above it is the box's
    box = ("More information\nVillagers find a Roman wine cellar under the square of their parish church\n"
           "Storm closes the coastal road for a third day running\n")
    assert strip_box(box)[0] == ARTICLE_LINE + NEXT_LINE


BYLINE_AUTHOR = MappingProxyType({"author": "Mara Quist"})


def strip_with_author(text: str, metadata=BYLINE_AUTHOR) -> tuple[str, list[str]]:
    step = StripDebris(RULEBOOK)
    out, edits = run_step(step, text, context=Context(metadata=metadata))[:2]
    return out, [e.rule for e in edits]


@pytest.mark.parametrize("bio", [
    "Mara Quist has written about the housing market for 12 years and previously worked as a conveyancer.\n",
    "Mara is a senior editor at the Ledger and lives by the harbour with two rescue dogs.\n",
    "Mara Quist spent eleven years as a heating engineer before she joined the Ledger in 2019.\n",
])
def test_the_byline_authors_bio_under_the_article_goes(bio):
    out, rules = strip_with_author(ARTICLE_LINE + NEXT_LINE + bio)
    assert out == ARTICLE_LINE + NEXT_LINE and rules == ["strip-debris.author-bio"]


def test_the_byline_authors_name_and_title_under_the_article_go():
    box = "Mara Quist\nSenior Harbour Reporter\nMara has covered the port for the Ledger since 2015.\n"
    out, rules = strip_with_author(ARTICLE_LINE + NEXT_LINE + box)
    assert out == ARTICLE_LINE + NEXT_LINE and rules == ["strip-debris.author-bio"] * 3
    # a letter signed by its author keeps the signature under its closing
    letter = ARTICLE_LINE + "Yours sincerely,\nMara Quist\nChair, Harbour Society\n"
    assert strip_with_author(letter)[0] == letter


@pytest.mark.parametrize(("text", "metadata"), [
    # the name opens a line higher up: the article's own
    (ARTICLE_LINE + "Mara Quist has written about the harbour for years and knows its boats.\n"
     + NEXT_LINE * 3, BYLINE_AUTHOR),
    # a sentence that reports what the author said is the article's
    (ARTICLE_LINE + "Mara Quist has lived here since 1990, she told the meeting on Monday.\n", BYLINE_AUTHOR),
    # a desk, not a person, or no byline at all
    (ARTICLE_LINE + "Staff Reports is the name of the weekly column the whole team writes.\n",
     MappingProxyType({"author": "Staff Reports"})),
    (ARTICLE_LINE + "Mara Quist has written about the housing market for 12 years.\n", MappingProxyType({})),
])
def test_a_line_naming_the_author_stays_when_it_is_no_bio_under_the_article(text, metadata):
    assert strip_with_author(text, metadata)[0] == text


@pytest.mark.parametrize(("block", "rule"), [
    # a player's running time goes with its widget
    ("Listen to this article\n4:07\n", "strip-debris.player-time"),
    ("2:58\nListen to this article\n", "strip-debris.player-time"),
    ("Lyt til artiklen\n3:52\nOplæst af en kunstig stemme.\n", "strip-debris.player-time"),
    # a page that separates its blocks with blank lines: one may stand between them
    ("Poslechněte si článek\n\n3:14\n\n", "strip-debris.player-time"),
    ("\n1:05\n\nListen to this article\n", "strip-debris.player-time"),
    # a player's position over its length: the second time goes with the first
    ("Listen to this article\n00:00\n06:48\n", "strip-debris.player-time"),
    ("0:00\n\n5:12\n\nListen to this article\n", "strip-debris.player-time"),
    # the item under a sponsored label goes with the label
    ("Sponsored\nHow small firms cut their energy bills in a cold winter\nDownload the free guide\n",
     "strip-debris.sponsored-item"),
    ("Partner content\nHandmade oak tables for every kitchen. Shop the spring sale.\n", "strip-debris.sponsored-item"),
    # a headline with its button under it that no rule takes: the call goes with the item
    ("SPONSORED CONTENT\nHow dairy farms cut their feed bills by a fifth — a guide from Example Feeds\n"
     "Read the guide\n", "strip-debris.sponsored-item"),
    # a sentence that names no call to buy, with the ad's button right under it
    ("SPONSORED CONTENT\n\nCut unplanned downtime by a third with predictive inspections. See how analytics are "
     "changing maintenance.\n\nDownload the white paper\n", "strip-debris.sponsored-item"),
    # the same labels and calls in other languages
    ("CONTENIDO PATROCINADO\nNuevas prensas de alto rendimiento. Solicite una demostración en su almazara.\n",
     "strip-debris.sponsored-item"),
    ("Anzeige\nFenster und Türen vom Fachbetrieb – jetzt Beratungstermin buchen!\n", "strip-debris.sponsored-item"),
    # a sponsor's message under its heading, down to its button or small print
    ("A message from our sponsor\nQuayside Savings\nYour savings deserve better. Open an easy-access account today "
     "with no minimum deposit.\nFind out more\nCapital at risk. Terms apply.\n", "strip-debris.sponsor-message"),
    ("A WORD FROM TODAY'S SPONSOR\nWork smarter.\nHarbour Cloud runs your database so you can sleep. Backups, "
     "branches and a free tier.\nStart building free →\n", "strip-debris.sponsor-message"),
])
def test_a_detector_takes_the_line_next_to_its_evidence(block, rule):
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + block + NEXT_LINE)[:2]
    assert "".join(line for line in out.splitlines(keepends=True) if line.strip()) == ARTICLE_LINE + NEXT_LINE
    assert rule in [e.rule for e in edits]


def test_a_sponsors_message_with_no_button_near_keeps_the_lines_under_its_heading():
    # where the copy ends is not known: four lines and no closing line a rule took
    lines = "".join(f"Paragraph {n} of the article runs on about the ferry timetable.\n" for n in range(4))
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + "A message from our sponsor\n" + lines + NEXT_LINE)[:2]
    assert out == ARTICLE_LINE + lines + NEXT_LINE
    assert "strip-debris.sponsor-message" not in [e.rule for e in edits]


def test_a_sponsors_message_line_with_an_edit_inside_it_is_not_taken_twice():
    copy = "Harbour Cloud runs your database (opens in new tab) so you can sleep.\n"
    text = ARTICLE_LINE + "A message from our sponsor\n" + copy + "Start building free →\n" + NEXT_LINE
    out, edits = run_step(StripDebris(RULEBOOK), text)[:2]
    spans = sorted((e.start, e.end) for e in edits)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # no two edits overlap
    assert "Harbour Cloud runs your database" in out and "(opens in new tab)" not in out


def test_a_button_with_an_edit_inside_it_is_not_taken_twice():
    # the new-tab note inside the button goes by its own rule; the item's edit stops above it
    button = "Read it (opens in new tab)\n"
    text = ARTICLE_LINE + "Sponsored\nHow dairy farms cut their feed bills by a fifth\n" + button + NEXT_LINE
    out, edits = run_step(StripDebris(RULEBOOK), text)[:2]
    spans = sorted((e.start, e.end) for e in edits)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # no two edits overlap
    assert "How dairy farms" not in out and "Read it" in out


def test_a_paid_headlines_summary_in_its_block_goes_with_it():
    # a page that spaces its blocks: the summary sits in the headline's block, the article's
    # next paragraph in a block of its own
    item = "Sponsored\nHow one dairy cut its feed bill by a fifth\nSee what changed on a 300-cow farm in a year.\n\n"
    text = ARTICLE_LINE + "\n" + item + NEXT_LINE
    out, edits = run_step(StripDebris(RULEBOOK), text)[:2]
    assert out.split() == (ARTICLE_LINE + NEXT_LINE).split()
    assert "strip-debris.sponsored-item" in [e.rule for e in edits]
    # the same sentence with a line of its block under it, or on a page with no blank lines, stays
    more = item.replace("a year.\n\n", "a year.\nThe herd is now 320 cows.\n\n")
    assert "See what changed" in run_step(StripDebris(RULEBOOK), ARTICLE_LINE + "\n" + more + NEXT_LINE)[0]
    tight = ARTICLE_LINE + item.replace("\n\n", "\n") + NEXT_LINE
    assert "See what changed" in run_step(StripDebris(RULEBOOK), tight)[0]


def test_a_label_that_closes_an_ad_takes_the_ad_above_it_not_the_article_under_it():
    # "Advertisement", the ad, "Sponsored": the second label closes the ad, and the article's
    # sentence under it stays though it names a price
    ad = "Riverside flats for the over-55s, with a concierge and a garden. Arrange a tour\n"
    after = "Fares on the route have risen by 12% since the £2 cap was introduced.\n"
    text = ARTICLE_LINE + "Advertisement\n" + ad + "Sponsored\n" + after + NEXT_LINE
    out, edits = run_step(StripDebris(RULEBOOK), text)[:2]
    assert out == ARTICLE_LINE + after + NEXT_LINE
    assert "strip-debris.sponsored-item" in [e.rule for e in edits]
    # the article's paragraph under an empty ad slot ends like a sentence and sells nothing: it
    # stays, and the label under it opens the ad below
    paragraph = "The ferry has run at a loss since 2019.\n"
    item = "Handmade oak tables for every kitchen. Shop the spring sale.\n"
    text = ARTICLE_LINE + "Advertisement\n" + paragraph + "Sponsored\n" + item + NEXT_LINE
    assert run_step(StripDebris(RULEBOOK), text)[0] == ARTICLE_LINE + paragraph + NEXT_LINE


def test_a_question_between_an_ad_label_and_an_advertisers_label_is_the_ads_headline():
    ad = "Is your pension working as hard as you are?\n"
    text = ARTICLE_LINE + "Ad\n" + ad + "Quayside Wealth | Sponsored\n" + NEXT_LINE
    out, edits = run_step(StripDebris(RULEBOOK), text)[:2]
    assert out == ARTICLE_LINE + NEXT_LINE
    assert "strip-debris.sponsored-item" in [e.rule for e in edits]


def test_a_german_report_under_an_anzeige_label_stays():
    # "Anzeige" labels ad slots too; "jetzt" and "Angebot" are a report's words as well
    after = "Die Stadt will jetzt das Angebot der Stadtwerke prüfen.\n"
    text = ARTICLE_LINE + "Anzeige\n" + after + NEXT_LINE
    assert run_step(StripDebris(RULEBOOK), text)[0] == ARTICLE_LINE + after + NEXT_LINE


def test_a_sentence_under_a_sponsored_label_stays_over_a_line_too_long_for_a_button():
    sentence = "Cut unplanned downtime by a third with predictive inspections, the operator said.\n"
    prompt = "Sign up to our newsletter for the latest news from the valley and the coast\n"
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + "Sponsored\n" + sentence + prompt + NEXT_LINE)[:2]
    assert sentence in out and prompt not in out  # the prompt went by its own rule
    assert "strip-debris.sponsored-item" not in [e.rule for e in edits]


def test_a_time_on_its_own_line_away_from_any_widget_stays():
    text = ARTICLE_LINE + "4:07\n" + NEXT_LINE
    assert run_step(StripDebris(RULEBOOK), text)[0] == text
    # two blank lines are a break between blocks, not one widget
    text = ARTICLE_LINE + "Listen to this article\n\n\n4:07\n" + NEXT_LINE
    assert "4:07" in run_step(StripDebris(RULEBOOK), text)[0]


@pytest.mark.parametrize("after", [
    # a subheading with its paragraph under it, and a sentence that sells nothing
    "What it means for drivers\nPrices at the pump are likely to rise through the spring, the association "
    "said, and smaller stations in the valley will feel it first.\n",
    "Then the rain came.\n",
    # an ad slot's label stands where a picture was: the line under it is the article's
    "",
])
def test_the_article_under_a_sponsored_label_stays(after):
    label = "Advertisement\n" if not after else "Sponsored\n"
    text = ARTICLE_LINE + label + (after or "Then the rain came.\n") + NEXT_LINE
    out = run_step(StripDebris(RULEBOOK), text)[0]
    assert out == ARTICLE_LINE + (after or "Then the rain came.\n") + NEXT_LINE


def test_paid_teasers_with_their_advertisers_go_and_a_list_of_titles_stays():
    teasers = ("This Backyard Telescope Lets You See Saturn's Rings in HD\nStarGazer Direct\n"
               "Neurologists Urge People Over 50 to Try This Morning Puzzle\nMindSharp\n"
               "New Rule Lets Homeowners Get Solar Panels for $0 Down\nSolarSavings.org\n")
    dashed = ("Compare the top 10 savings rates in the UK right now – RateFinder\n"
              "Retire early? This calculator shows if you can afford it – PensionPath\n")
    for box in (teasers, dashed):
        out, rules = strip_box(box)
        assert out == ARTICLE_LINE + NEXT_LINE and set(rules) == {"strip-debris.advertiser-teaser"}, box
    # a reading list's short titles with their authors, one headline with a name under it, and a
    # tour's dates (a date, a dash, the place, a dash, the venue's town) stay
    for box in ("The Lamplighter's Daughter\nAnn Lee\nSalt Country\nTom Hay\nGlasshouse Weather\nJuniper Vale\n",
                "Neurologists Urge People Over 50 to Try This Morning Puzzle\nMindSharp\n",
                "August 8 – Tinley Park, IL @ Hollywood Casino Amphitheatre – Chicago\n"
                "August 14 – St. Louis, MO @ Hollywood Casino Amphitheatre – St. Louis\n"):
        assert strip_box(box) == (ARTICLE_LINE + box + NEXT_LINE, []), box


def test_a_debris_line_run_onto_a_paragraphs_end_with_no_space_goes():
    paragraph = "Full results of the relay championships are on the county athletics website."
    prompt = "Got club news or results you'd like to see in the Gazette? Email sport@gazette.example"
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + paragraph + prompt + "\n")[:2]
    assert out == ARTICLE_LINE + paragraph + "\n"
    assert len(edits) == 1 and edits[0].reason.endswith("run onto the paragraph's end with no space")
    # a sentence run on with no space that no rule takes, a debris phrase inside a sentence,
    # and a short label before the stop stay
    for line in (paragraph + "Results from the junior races follow next week.",
                 paragraph + "Sign up now, the coach told the juniors after the race.",
                 "Sport.Sign up now"):
        assert run_step(StripDebris(RULEBOOK), ARTICLE_LINE + line + "\n")[0] == ARTICLE_LINE + line + "\n", line


def test_a_bar_of_prompts_joined_by_pipes_goes_when_each_is_debris():
    bar = "Follow us on Google News | Join our WhatsApp channel for the latest updates"
    out, edits = run_step(StripDebris(RULEBOOK), ARTICLE_LINE + bar + "\n" + NEXT_LINE)[:2]
    assert out == ARTICLE_LINE + NEXT_LINE
    assert len(edits) == 1 and edits[0].reason.endswith('joined by " | " to more lines of debris')
    # a part that is no debris keeps the whole line
    for line in ("Follow us on Google News | The council voted to delay the repairs until spring.",
                 "Sign up for our newsletter | Ann Lee, who has run the bakery since 1990, won the prize."):
        assert run_step(StripDebris(RULEBOOK), ARTICLE_LINE + line + "\n")[0] == ARTICLE_LINE + line + "\n", line
