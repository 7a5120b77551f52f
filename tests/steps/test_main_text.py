"""main-text: keep the article's main text region, remove the page chrome around it."""
import textwrap
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.edits import apply_edits, check_edits
from cleaner.rules import load_rulebook
from cleaner.steps.base import Context
from cleaner.steps.main_text import StripOutsideMainText, _chapter_lines
from conftest import run_step

STEP = StripOutsideMainText()

MENU = """Home
World
Politics
Business
Science
Sport
Culture
Weather
Sign in
Subscribe
"""

HEADER = """Harbour town votes to keep its old ferry

By Jane Doe
March 3, 2021 10:15 am
"""

ARTICLE = """The people of the harbour town voted on Sunday to keep the old ferry running for at least another ten years, after a long and often heated campaign.
More than two thirds of the voters backed the plan, which will cost the town council a little under four million over the coming decade.
Supporters said the ferry was the only way for many older residents to reach the hospital on the far side of the bay without a long drive.
Critics had argued that the money would be better spent on a new bridge, but their proposal never won the backing of the council.
The ferry, which first sailed in the year the town built its school, carries about three hundred people on a busy summer day.
"We are relieved, and we will keep it safe for the next generation," said the captain, who has worked on the boat for twenty years.
"""

FOOTER = """Share this article
Facebook
Twitter
Email
Related stories
Council approves the new parking plan
Local bakery wins a national prize
Storm closes the coastal road again
About us
Contact
Privacy policy
Terms of use
"""

COMMENTS = """3 comments
Leave a reply
sailor_joe
March 3, 2021 at 11:02 am
I have taken that ferry every week since I was a child and I am very glad it stays, the bridge would have ruined the bay.
Reply
marta77
March 3, 2021 at 12:40 pm
Four million is a lot of money for a boat that is empty half of the winter, the council should have asked for more quotes.
Reply
Privacy policy
Terms of use
"""

PAGE = MENU + "\n" + HEADER + "\n" + ARTICLE + "\n" + FOOTER


def clean(text: str, step: StripOutsideMainText = STEP) -> str:
    return run_step(step, text)[0]


def test_removes_navigation_before_and_footer_after_the_article():
    out = clean(PAGE)
    assert out == ARTICLE
    rules = [edit.rule for edit in STEP.run(PAGE, Context()).edits]
    assert rules == ["main-text.before-article", "main-text.after-article"]


def test_removes_a_comment_thread_after_the_article():
    out = clean(MENU + ARTICLE + FOOTER.replace("About us\n", COMMENTS + "About us\n"))
    assert out == ARTICLE
    assert "ferry every week" not in out


def test_article_without_chrome_is_untouched():
    article = HEADER + "\n" + ARTICLE + "\nA new timetable\n" + ARTICLE
    assert STEP.run(article, Context()).edits == ()
    assert STEP.run(ARTICLE, Context()).edits == ()


def test_short_and_empty_texts_are_untouched():
    for text in ("", "\n\n", "Home\n", "Home\nNews\nSport\n", "One short paragraph of news, told plainly.\n"):
        assert STEP.run(text, Context()).edits == ()


def test_a_few_lines_of_chrome_are_kept():
    # Three lines are not enough evidence: a title and byline above an article stay.
    text = "Home\nNews\nSport\n" + ARTICLE + "Share\nEmail\nPrint\n"
    assert STEP.run(text, Context()).edits == ()


def test_cleaning_twice_changes_nothing():
    once = clean(PAGE)
    assert STEP.run(once, Context()).edits == ()
    with_comments = MENU + ARTICLE + COMMENTS
    assert STEP.run(clean(with_comments), Context()).edits == ()


def test_edits_remove_whole_lines_and_are_well_formed():
    text = "  " + PAGE.replace("\n", "  \n", 5).rstrip("\n")  # stray spaces, no final newline
    edits = STEP.run(text, Context()).edits
    assert edits and check_edits(edits, len(text)) == edits
    for edit in edits:
        assert edit.replacement == ""
        assert edit.start == 0 or text[edit.start - 1] == "\n"
        assert edit.end == len(text) or text[edit.end - 1] == "\n"
        assert edit.rule.startswith("main-text.") and edit.reason


def test_text_of_a_script_without_spaces_is_scored_by_characters():
    article = (
        "今天上午，市政府宣布将在明年春天开通一条新的公交线路，连接火车站和大学城。\n"
        "这条线路全长约十二公里，沿途设有十五个车站，预计每天可以运送两万名乘客。\n"
        "许多学生表示，新线路将大大缩短他们上学的时间，也能减少私家车的使用。\n"
        "市政府还说，新的公交车全部使用电力驱动，可以减少城市的空气污染。\n"
    )
    menu = "首页\n新闻\n体育\n财经\n娱乐\n科技\n登录\n注册\n"
    footer = "关于我们\n联系我们\n隐私政策\n网站地图\n"
    assert clean(menu + article + footer) == article
    assert STEP.run(article, Context()).edits == ()


def test_thresholds_are_settings():
    lenient = StripOutsideMainText(min_chrome_lines=50)
    assert lenient.run(PAGE, Context()).edits == ()


LINE = st.one_of(
    st.sampled_from(["Home", "Share", "Read more", "", "  ", "March 3, 2021 10:15 am", "© 2021 The Paper"]),
    st.sampled_from(ARTICLE.splitlines()),
    st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=80),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=40), st.booleans())
def test_any_text_gives_whole_line_removals_and_is_idempotent(lines, final_newline):
    text = "\n".join(lines) + ("\n" if final_newline and lines else "")
    edits = STEP.run(text, Context()).edits
    assert check_edits(edits, len(text)) == edits
    for edit in edits:
        assert edit.start == 0 or text[edit.start - 1] == "\n"
        assert edit.end == len(text) or text[edit.end - 1] == "\n"
    out = apply_edits(text, edits)
    assert STEP.run(out, Context()).edits == ()


EXTRACTED = Context(source="a.html", metadata=MappingProxyType({"extractor": "trafilatura"}),
                    options=MappingProxyType({}), corpus=MappingProxyType({}))
RULED = StripOutsideMainText(header_rules=load_rulebook())


def cut(step, page, context):
    return [page[edit.start:edit.end] for edit in step.run(page, context).edits]


def test_text_trafilatura_extracted_is_cut_only_beyond_a_line_the_rules_take():
    # a share bar and the page's footer trafilatura kept: the rules take "Share this
    # article", so what lies beyond it is the page's; the line itself is left to the rules
    assert cut(RULED, ARTICLE + FOOTER, EXTRACTED) == [FOOTER.split("\n", 1)[1]]
    assert cut(RULED, MENU + "\n" + ARTICLE, EXTRACTED) == [MENU.split("Subscribe")[0]]


def test_text_trafilatura_extracted_keeps_a_side_no_rule_confirms():
    headlines = ("Council approves the new parking plan\nLocal bakery wins a national prize\n"
                 "Storm closes the coastal road again\nNew cafe opens on the pier\nSchool play sells out\n")
    assert cut(RULED, ARTICLE + headlines, Context())  # a page dump: cut
    assert cut(RULED, ARTICLE + headlines, EXTRACTED) == []
    # no rules to confirm with: nothing is cut
    assert cut(StripOutsideMainText(), ARTICLE + FOOTER, EXTRACTED) == []


def test_text_trafilatura_extracted_keeps_a_paragraph_beyond_the_rules_line():
    paragraph = ("The harbour master said the crossing would run on its winter timetable until the end "
                 "of March, and that tickets bought online would still be honoured.\n")
    page = ARTICLE + "Share this article\nFacebook\nTwitter\n" + paragraph + "About us\nContact\nPrivacy policy\n"
    assert cut(RULED, page, Context())
    assert cut(RULED, page, EXTRACTED) == []


def test_text_trafilatura_extracted_is_not_cut_to_less_than_half():
    # hard-wrapped prose scores low line by line: main-text would keep the last paragraph
    # alone, but trafilatura chose all of it
    lines = ARTICLE.splitlines()
    page = ("\n".join(textwrap.wrap(" ".join(lines[:3]), 40)) + "\nShare this article\n"
            + "\n".join(textwrap.wrap(" ".join(lines[3:5]), 40)) + "\n" + lines[5] + "\n")
    assert len(cut(RULED, page, Context())[0]) > len(page) / 2
    assert cut(RULED, page, EXTRACTED) == []


def test_the_removed_header_gives_its_byline_s_author_and_date_and_keeps_what_is_known():
    page = MENU + "\nOrchestra moves outdoors\nBy Ann Lee and Bo Park\nPublished March 3, 2024\nShare\n\n" + ARTICLE
    step = StripOutsideMainText(header_rules=load_rulebook())

    def metadata(known):
        context = Context(source="a.txt", metadata=MappingProxyType(known), options=MappingProxyType({}),
                          corpus=MappingProxyType({}))
        result = step.run(page, context)
        assert [e.rule for e in result.edits] == ["main-text.before-article"]
        return result.metadata

    assert metadata({}) == {"author": "Ann Lee and Bo Park", "date": "2024-03-03"}
    assert metadata({"author": "Known Name"}) == {"date": "2024-03-03"}


def header_metadata(page):
    context = Context(source="a.txt", metadata=MappingProxyType({}), options=MappingProxyType({}),
                      corpus=MappingProxyType({}))
    return StripOutsideMainText().run(page, context).metadata


def test_the_page_title_repeated_in_the_removed_header_is_the_title():
    head = "\nOrchestra moves outdoors for the summer\nBy Ann Lee\nShare\n\n"
    for first in ("Orchestra moves outdoors for the summer | Arts | Valley Courier",
                  "Valley Courier | Orchestra moves outdoors for the summer"):
        assert header_metadata(first + "\n" + MENU + head + ARTICLE) == {
            "title": "Orchestra moves outdoors for the summer", "title_from": "page header"}
    # no page title above the menu, or one the header does not repeat: no guess
    assert header_metadata(MENU + head + ARTICLE) == {}
    assert header_metadata("Valley Courier | Home\n" + MENU + head + ARTICLE) == {}


BIO_AND_NOTES = """Tomasz Reid writes about transport and teaches planning at the city college
The views expressed in this article are the author's own.
Join the conversation
214 comments
"""


def test_a_short_closing_sentence_before_a_prose_like_bio_stays_with_the_article():
    for closing in ("Keep the ferry.\n", "It did not.\nNor will it.\n"):
        out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + closing + BIO_AND_NOTES + FOOTER)
        assert out.endswith(ARTICLE + closing)  # chrome after it still goes: main-text did it
        assert out.startswith(ARTICLE)


def test_a_closing_quotation_in_guillemets_stays_with_the_article():
    # «Non ce ne andiamo». opens with a guillemet, as French and Italian quotations do
    for closing in ("«We are not leaving».\n", "«We are not leaving».\nThe show runs until June.\n"):
        out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + closing + BIO_AND_NOTES + FOOTER)
        assert out.endswith(ARTICLE + closing), closing


def test_a_closing_sentence_may_name_a_year_but_not_a_date():
    # a year alone is the article's ("That was in 2019."); a date or a time is a stamp's
    for closing in ("That was in 2019.\n", "It shut in 1998.\nA date for the hearing has not been set.\n"):
        out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + closing + BIO_AND_NOTES + FOOTER)
        assert out.endswith(ARTICLE + closing), closing
    for stamp in ("Posted on 14/01/2008.\n", "Last updated on May 4, 2021.\n"):
        out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + stamp + BIO_AND_NOTES + FOOTER)
        assert out.endswith(ARTICLE), stamp


def test_calls_to_act_and_credits_after_the_article_are_not_closing_sentences():
    for line in ("Like this article?\n", "Read more.\n", "Subscribe for full access.\n", "Click here.\n",
                 "Ann Lee contributed reporting.\n", "Updated at 10:42.\n"):
        out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + line + BIO_AND_NOTES + FOOTER)
        assert out.endswith(ARTICLE), line



def test_a_last_paragraph_with_a_headline_glued_to_its_stop_is_no_headline_in_a_list():
    # the paragraph, the tags and the bio run together: a block of open-ended lines, but the
    # first of them ends a sentence where the headline is glued on
    closing = '"Then we will see about the bridge," he said.Storm closes the coastal road again\n'
    tail = "Tags: ferry, council, harbour\nTomasz Reid writes about transport for the paper\nFacebook\n"
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + "\n" + closing + tail + FOOTER)
    assert out.endswith(ARTICLE + "\n" + closing)
    # with a space after the stop the line may be a headline of two sentences: left to the list
    spaced = closing.replace("said.Storm", "said. Storm")
    assert clean(MENU + "\n" + HEADER + "\n" + ARTICLE + "\n" + spaced + tail + FOOTER).endswith(ARTICLE)

VERDICT_BOX = """Pros
Long battery life
Bright screen
Cons
Slow charging
No headphone jack
Verdict
It will not win any speed contests, but for calls, maps and a week of messages on one charge it is the sensible phone to buy at this price.
"""


def test_a_reviews_verdict_box_stays_with_the_review():
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + VERDICT_BOX + FOOTER)
    assert out.endswith(ARTICLE + VERDICT_BOX)


def test_a_list_under_one_label_is_not_a_verdict_box():
    box = VERDICT_BOX.split("Cons\n")[0]  # "Pros" and its items only
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + box + FOOTER)
    assert out.endswith(ARTICLE)


def test_an_events_when_where_cost_fields_with_clock_times_do_not_cut_the_listing():
    events = ("Night Market\nWhen: 5 p.m. – 10:30 p.m.\nWhere: Station Square, behind the library\n"
              "Cost: Free entry\n"
              "Twenty stalls sell street food, pottery and second-hand books, and a brass band plays on "
              "the bandstand until the market closes for the night.\n")
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + events + FOOTER)
    assert out.endswith(ARTICLE + events)


def test_a_field_label_may_open_with_an_accented_capital():
    from cleaner.steps.lines import nonblank_lines
    from cleaner.steps.main_text import _field_list_lines
    block = "Árbitro: Ana Ruiz\nÉquipe: Les Bleus\nŁódź: 2\nStadion: Letná\n"
    lines = nonblank_lines(block)
    assert len(_field_list_lines(lines, [len(line.split()) for _, _, line in lines])) == 4


def test_stamps_under_labels_of_posting_are_no_list_of_fields():
    from cleaner.steps.lines import nonblank_lines
    from cleaner.steps.main_text import _field_list_lines
    for block, expected in (("When: 7:30 p.m.\nWhere: Town Hall\nCost: $8\n", 3),
                            ("Posted: 5:19 PM\nUpdated: 6:02 PM\nSource: Wire\n", 0)):
        lines = nonblank_lines(block)
        assert len(_field_list_lines(lines, [len(line.split()) for _, _, line in lines])) == expected


def test_a_one_line_paragraph_near_the_top_is_no_gap_that_cuts_the_lead():
    # the lead and a short paragraph under it: the short line is prose, not chrome between two runs
    lead = ("For most of the campaign, the Harbour Action Group did everything it wanted against the council.\n"
            "Then Maria Costa stepped in.\n")
    out = clean(MENU + "\n" + HEADER + "\n" + lead + ARTICLE + FOOTER)
    assert out.startswith(lead + ARTICLE)
    for chrome in ("Read more.\n", "Updated at 10:42.\n"):  # calls to act and stamps are still gaps
        out = clean(MENU + "\n" + HEADER + "\n" + lead.replace("Then Maria Costa stepped in.\n", chrome) + ARTICLE + FOOTER)
        assert out.startswith(ARTICLE), chrome


STAGES = """The ferry's five landing stages are:
North Quay, by the old customs house
Bell Rock jetty
St. Anne's slipway, 40 Shore Road
The hospital pier
Gull Island
"""


def test_a_list_the_article_introduces_with_a_colon_stays_with_it():
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + STAGES + FOOTER)
    assert out.endswith(ARTICLE + STAGES)


@pytest.mark.parametrize("label", ["You might also like these stories:", "Related:", "Read our coverage of the vote:"])
def test_a_teaser_label_with_a_colon_introduces_no_list_of_the_article(label):
    teasers = label + "\n" + "\n".join(FOOTER.splitlines()[5:8]) + "\n"
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + teasers + FOOTER)
    assert out.endswith(ARTICLE)


LEAD = ("The new tram line opened on Monday after six years of work and two delays, with hundreds of riders queuing before dawn.\n"
        "It runs for twelve kilometres across the east of the city and links the old market with the university in under half an hour.\n")
STOPS = """The line has nine stops, which are:
Market Square
Tanners Lane
Hospital North
Riverside
Mill Street East
Ashgrove
Park and Ride
Science Park
University South
"""


def test_a_list_the_article_introduces_inside_it_does_not_cut_off_the_lead():
    # nine Title Case stops between the lead and the body read like a menu; introduced by a
    # sentence with a colon, they are the article's list and cost nothing either way
    out = clean(MENU + "\n" + HEADER + "\n" + LEAD + STOPS + ARTICLE + FOOTER)
    assert out.startswith(LEAD + STOPS + ARTICLE)
    teasers = "Read our coverage of the vote:\n" + "\n".join(FOOTER.splitlines()[5:8]) + "\n"
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + teasers + FOOTER)
    assert out.endswith(ARTICLE)  # a teaser label is still no such sentence


RESULTS = """STAGE 9 - TOP 5
1   ADAMS Tom        NOR   4:38:12
2   BERG Lars        VLC   +0:14
3   COSTA Rui        ALP   +0:22
4   DIAZ Ana         NOR   +0:41
5   EKLUND Per       GRA   +1:05
"""


def test_race_times_in_a_results_box_are_no_time_stamps():
    # "+0:14" and "4:38:12" are gaps and race times, not the clock times of a news feed
    out = clean(MENU + "\n" + HEADER + "\n" + LEAD + RESULTS + ARTICLE + FOOTER)
    assert out.startswith(LEAD + RESULTS + ARTICLE)


def test_lap_times_in_a_list_the_article_introduces_are_no_time_stamps():
    laps = ("The top five in qualifying were:\n1. Ann Lee (Harbour Racing) 1:26.417\n"
            "2. Tom Hay (Quayside Motorsport) 1:26.478\n3. Mara Quist (Ledger GP) 1:26.790\n"
            "4. Per Eklund (Harbour Racing) 1:26.902\n5. Rui Costa (Ledger GP) 1:27.115\n")
    lines = ARTICLE.splitlines(keepends=True)
    body = "".join(lines[:4]) + laps + "".join(lines[4:])
    assert clean(MENU + "\n" + HEADER + "\n" + body + FOOTER) == body


@pytest.mark.parametrize("credit", ["(Reporting by Ann Lee in Oslo; Editing by Tom Hay)\n",
                                    "With files from Ann Lee\n",
                                    "Ann Lee and Tom Hay contributed to this report.\n",
                                    "(Con información de Ana Ruiz y Tomás Gil)\n",
                                    "(Reporte de Ana Ruiz; Editado por Tomás Gil)\n",
                                    "(Raportoi: Ana Ruiz; redaktoi: Tomás Gil)\n",
                                    "(With inputs from agencies)\n",
                                    "(With AFP)\n",
                                    # a wire's rate note among its credits, and a science desk's paper
                                    "(€1 = $1.0850)\n(Reporting by Ann Lee; Editing by Tom Hay)\n",
                                    "($1 = 7.12 yuan)\n",
                                    "(1 euro = 1.0850 dollars)\n(Reporting by Ann Lee; Editing by Tom Hay)\n",
                                    "Journal reference: Harbour Studies, DOI: 10.1000/hs.2031.0107\n"])
def test_an_agency_credit_right_after_the_article_stays_with_it(credit):
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + credit + FOOTER)
    assert out.endswith(ARTICLE + credit)


@pytest.mark.parametrize("scores", ["Score: 7/10\n",
                                    "Food 9/10 | Service 6/10 | Value 8/10\nOverall: 4 out of 5\n",
                                    "Rating: ★★★★☆\n"])
def test_a_reviews_scores_right_after_it_stay_with_it(scores):
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + scores + FOOTER)
    assert out.endswith(ARTICLE + scores)


@pytest.mark.parametrize("line", ["Reader score: 7.6/10 from 41 ratings\n", "Your rating: ☆☆☆☆☆\n",
                                  "Harbour Rovers 13/5\n", "01/10\n"])
def test_a_readers_rating_odds_and_dates_are_no_review_scores(line):
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + line + FOOTER)
    assert out.endswith(ARTICLE)


def test_a_letters_salutation_and_sign_off_stay_with_it():
    opening, close = "Dear ferry users,\n", "Sincerely,\nDr. Ana Ruiz\nHarbour Master\n"
    out = clean(MENU + "\n" + HEADER + "\n" + opening + ARTICLE + close + FOOTER)
    assert out == opening + ARTICLE + close
    # a call to act under the name is the page's again, not the signer's title
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + "Kind regards,\nAna Ruiz\n" + FOOTER)
    assert out == ARTICLE + "Kind regards,\nAna Ruiz\n"


def test_the_last_letter_of_a_letters_page_keeps_its_signature():
    letters = "".join(f"{line}\n{name}\n" for line, name in zip(
        ARTICLE.splitlines()[:3], ("Ann Lee, Ashby", "Tom Hay, Little Fenton", "Dr Ruth Cole, harbour pilot, Ashby")))
    out = clean(MENU + "\n" + HEADER + "\n" + letters + FOOTER)
    assert out == letters
    # one signature shape inside the page is no letters page: a name under the last line goes
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + "Ann Lee, Ashby\n" + FOOTER)
    assert out == ARTICLE


ENTRIES = [
    ("8:41 p.m.", "Ferry vote carried", "The count finished just after eight, and the returning officer read the result to a packed hall: "
     "two thirds for the ferry, a third for the bridge, and a handful of spoiled papers."),
    ("7:55 p.m.", "Turnout higher than expected", "More than six in ten voters turned out, the highest share for a local "
     "question in the town's records, according to the council's own count of the ballots cast today."),
    ("7:10 p.m.", "Polls closed", "Polling stations closed at seven, and the ballot boxes were carried to the "
     "town hall by the harbour master's launch, as tradition requires on the night of every vote."),
]


def test_a_live_blogs_entries_are_the_article_though_each_opens_with_a_time():
    # a time, a heading, a paragraph and "Share": a blog's entry, not a feed's stamped headline
    blog = "".join(f"{time}\n{heading}\n{report}\nShare\n" for time, heading, report in ENTRIES)
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + blog + FOOTER)
    assert out.startswith(ARTICLE) and ENTRIES[-1][2] in out and "Privacy policy" not in out
    # a feed of stamped headlines after the article is still cut
    feed = "".join(f"{time}\n{heading}\n" for time, heading, _ in ENTRIES)
    assert clean(MENU + "\n" + HEADER + "\n" + ARTICLE + feed + FOOTER) == ARTICLE


def test_a_live_blogs_posted_at_stamps_open_its_entries_too():
    # "Posted at 21:53" over the bare time over the entry: both open the entry
    blog = "".join(f"Posted at {time}\n{time}\n{report}\nShare\n" for time, _, report in ENTRIES)
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + blog + FOOTER)
    assert out.startswith(ARTICLE) and ENTRIES[-1][2] in out and "Privacy policy" not in out


def test_a_line_whose_copy_was_in_the_cut_header_is_judged_again_alone():
    # found by the property test: the first cut takes one copy of the lead with the header,
    # and the copy left is worth twice as much once alone; the step's output is a fixpoint
    lead, second = ARTICLE.splitlines()[0], ARTICLE.splitlines()[2]
    text = "\n".join(["Home", "Home", lead, "Home", second, second, "Home", "Home", lead])
    step = StripOutsideMainText()
    out = run_step(step, text)[0]
    assert run_step(step, out)[1] == ()
    assert out.strip() == lead


CHAPTERS = """\
02:10 – How she started, aged 19, working for her uncle near the river
08:45 – What laying a hedge actually means: pleachers, stakes and binders
15:30 – The two regional styles and how they differ
22:05 – The effect of wetter winters on the laying season
29:40 – Grants, and why a hedge laid badly is worse than one left alone"""


def test_a_chapter_list_in_rising_order_is_kept_with_the_show_notes():
    note = ("She asked us to say that she sells no courses, and that the best way to learn is to find "
            "a local hedge-laying society and turn up on a cold Saturday morning with a pair of gloves.")
    page = MENU + "\n" + ARTICLE + "In this episode\n" + CHAPTERS + "\n" + note + "\n" + FOOTER
    out = run_step(StripOutsideMainText(), page)[0]
    assert CHAPTERS in out and note in out


def test_clock_times_out_of_order_are_no_chapter_list():
    feed = "\n".join(["18:32 – Power cut hits the east of the city", "17:05 – Bridge closed after crash",
                      "16:40 – Council approves new budget", "15:12 – Storm warning for the coast"])
    page = MENU + "\n" + ARTICLE + "\n" + feed + "\n" + FOOTER
    out = run_step(StripOutsideMainText(), page)[0]
    assert "Bridge closed after crash" not in out


def test_a_timeline_in_rising_clock_times_is_kept_with_the_text_after_it():
    # a day's timeline ("9:05 a.m. – Doors open") reads as a feed of stamped headlines
    # unless its times rise; across noon, "11:40 a.m." comes before "12:15 p.m." and "1:30 p.m."
    timeline = "\n".join(["9:05 a.m. – Doors open to the first visitors", "10:20 a.m. – Judging of the heifer classes",
                           "11:40 a.m. – Parade of champions", "12:15 p.m. – Lunch in the members' tent",
                           "1:30 p.m. – Sheepdog trials on the lower field"])
    rest = ("The show committee said the trials would move to the upper field next year, because "
            "the lower one flooded twice this spring and the ground was still soft in places.")
    page = MENU + "\n" + ARTICLE + "How the day ran\n" + timeline + "\n" + rest + "\n" + FOOTER
    out = run_step(StripOutsideMainText(), page)[0]
    assert timeline in out and rest in out and "Privacy policy" not in out
    # the same list latest first is a feed, and is cut with what follows it
    feed = "\n".join(reversed(timeline.splitlines()))
    out = run_step(StripOutsideMainText(), MENU + "\n" + ARTICLE + "\n" + feed + "\n" + FOOTER)[0]
    assert "Parade of champions" not in out


def test_a_timeline_with_seconds_rises_across_noon_by_its_am_and_pm():
    times = ["11:59:30 a.m. – Countdown resumes", "12:00:10 p.m. – Liftoff", "1:02:00 p.m. – Orbit reached"]
    assert _chapter_lines([(0, 0, line) for line in times]) == [0, 1, 2]
    assert _chapter_lines([(0, 0, line) for line in reversed(times)]) == []


def test_an_ad_slot_between_two_paragraphs_costs_no_gap():
    # the article's last two short paragraphs come after an ad slot: alone they would not
    # pay for the gap a chrome line makes, and were cut with the footer
    closing = ("She expects the count to end by Friday.\n"
               "\u2013 If anywhere, it is here that they should be counted, she says.\n")
    page = MENU + "\n" + ARTICLE + "REKLAMA\n" + closing + FOOTER
    out = run_step(StripOutsideMainText(), page)[0]
    assert closing in out and "REKLAMA" in out  # the marker itself is the rules' to remove
    # an ad slot with chrome after it is no bridge into the footer
    page = MENU + "\n" + ARTICLE + "Advertisement\n" + FOOTER
    out = run_step(StripOutsideMainText(), page)[0]
    assert "Advertisement" not in out and "Related stories" not in out


LINES = ARTICLE.splitlines()


def test_a_numbered_list_under_a_short_label_does_not_cut_the_article():
    tracks = "Set list:\n1. Low Tide\n2. Rope Walk\n3. The Long Pier\n4. Harbour Lights\n5. Ebb\n6. Last Ferry\n"
    middle = "\n".join(LINES[:3]) + "\nAdvertisement\n" + tracks + "\n".join(LINES[3:]) + "\n"
    assert clean(MENU + "\n" + HEADER + "\n" + middle + FOOTER).endswith(middle)


def test_a_numbered_box_under_a_most_read_label_is_still_chrome():
    box = "Most read:\n1. Pier\n2. Tide\n3. Bay\n4. Mill\n5. Quay\n6. Dock\n"
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + box + FOOTER)
    assert out.endswith(ARTICLE)


def test_a_video_players_running_time_is_no_feed_stamp():
    assert STEP._line_score("0:00 / 4:12") >= -STEP.line_cost  # a short line's price
    assert STEP._line_score("10:15 pm") <= -STEP.stamp_factor * STEP.line_cost  # a stamp's
    player = "Video player\nWatch later\nShare\n0:00 / 4:12\nWatch on our channel\n"
    page = MENU + "\n" + HEADER + "\n" + "\n".join(LINES[:2]) + "\n" + player + "\n".join(LINES[2:]) + "\n" + FOOTER
    out = clean(page)
    assert LINES[0] in out and LINES[-1] in out


def test_live_updates_with_short_entries_stay_with_the_article():
    updates = ("Updates through the day\n12:10 BST\nThe ferry will run a reduced timetable until the weekend.\n"
               "15:35 BST\nThe council has opened the sports hall as a rest centre for stranded drivers.\n"
               "17:20 BST\nThe coastal road has reopened in both directions after the crash.\n")
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + updates + FOOTER)
    assert out.endswith(ARTICLE + updates)


def test_a_line_up_of_long_name_lists_stays_after_the_match_report():
    lineups = ("Teams\n"
               "Harbour Town (4-4-2): Kane; Obi, Marsh, Lund, Pratt; Ives, Cole (Dunn 70), Hale, Ray; Moss, Tate (Fox 81).\n"
               "Subs not used: Grey, Wells, Amis.\n"
               "Bay Rovers (3-5-2): Ford; Shaw, Mead, Kerr; Penn, Ash, Rowe, Bell (Lowe 66), Keane; Cross, Hart.\n"
               "Booked: Ives, Kerr.\nReferee: Ann Wood.\nAttendance: 4,210.\n")
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + lineups + FOOTER)
    assert out.endswith(ARTICLE + lineups)



def _with_tail(tail: str) -> str:
    """The page with `tail` right after the article's last line, cleaned."""
    return clean(MENU + "\n" + HEADER + "\n" + ARTICLE + tail + FOOTER)


def test_two_teams_line_ups_under_a_heading_stay_after_the_preview():
    # a match preview ends in its two probable line-ups: a list of two fields; two short
    # fields are no line-ups
    lineups = ("Probable line-ups\n"
               "Harbour Town: Kane, Obi, Marsh, Lund, Pratt, Ives, Cole, Hale, Ray, Moss, Tate\n"
               "Bay Rovers: Ford, Shaw, Mead, Kerr, Penn, Ash, Rowe, Bell, Keane, Cross, Hart\n")
    assert _with_tail(lineups).endswith(ARTICLE + lineups)
    assert _with_tail("Match details\nVenue: Harbour Park\nKick-off: Saturday\n").endswith(ARTICLE)


@pytest.mark.parametrize("result", [
    "Harbour Town 2 (Moss 23, Tate 78 pen)\nBay Rovers 1 (Cross 55)\n",
    "Harbour Town 2-1 Bay Rovers\n",
])
def test_a_result_over_the_line_ups_stays_after_the_match_report(result):
    lineups = ("Harbour Town: Kane; Obi, Marsh, Lund, Pratt; Ives, Cole (Dunn 70), Hale, Ray; Moss, Tate (Fox 81).\n"
               "Subs not used: Grey, Wells, Amis.\n"
               "Bay Rovers: Ford; Shaw, Mead, Kerr; Penn, Ash, Rowe, Bell (Lowe 66), Keane; Cross, Hart.\n"
               "Booked: Ives, Kerr.\nReferee: Ann Wood.\nAttendance: 4,210.\n")
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + result + lineups + FOOTER)
    assert out.endswith(ARTICLE + result + lineups)
    # a result with nothing of the match under it is no reason to go on
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + result + FOOTER)
    assert out.endswith(ARTICLE)


def test_tables_of_results_under_their_headings_stay_after_the_race_report():
    tables = ("Stage 4 classification\n1. Ann Lee (GBR) 4h12'35\"\n2. Bo Park (KOR) at 18\"\n3. Cy Diaz (ESP) same time\n"
              "Overall standings\n1. Ann Lee (GBR) 15h48'09\"\n2. Bo Park (KOR) at 22\"\n3. Cy Diaz (ESP) at 35\"\n")
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + tables + FOOTER)
    assert out.endswith(ARTICLE + tables)
    # numbered headlines, under a box's label or with no figure in them, are no results
    for box in ("Most read\n1. Ferry fares rise (again) in May\n2. Pier café wins award 2024\n3. Harbour wall repaired (photos)\n",
                "Elsewhere\n1. Ferry fares rise again in May\n2. Pier café wins an award\n3. Harbour wall repaired\n"):
        out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + box + FOOTER)
        assert out.endswith(ARTICLE), box

FIGURES = "Season in numbers\nPassengers: 61,400\nSailings: 2,930\nCancelled: 41, all for weather\n"
LAST = "The final figures will come in June, once every crew has filed its log.\n"


def test_a_box_of_fields_under_its_heading_does_not_cut_the_article():
    # the heading stands between a paragraph and its list: it costs no gap, so a short
    # paragraph after the list stays with the article
    middle = "\n".join(LINES) + "\n" + FIGURES + LAST
    assert clean(MENU + "\n" + HEADER + "\n" + middle + FOOTER).endswith(middle)


def test_a_heading_over_fields_with_no_paragraph_under_them_costs_a_gap():
    # a contact box after the article: nothing of the article follows, and the
    # footer's links stay out
    contact = "Contact the newsroom\nPhone: 01234 567890\nEmail: news@example.org\nPost: 1 Quay Street\n"
    out = clean(MENU + "\n" + HEADER + "\n" + ARTICLE + contact + FOOTER)
    assert "Related stories" not in out and "Privacy policy" not in out


def test_a_players_running_time_beside_its_label_is_no_time_stamp():
    # a lone "3:42" costs four lines as a feed's time stamp; under a player's label that
    # a media rule takes it is the player's length, and the lead above it stays
    widget = "Listen to this article\n3:42\nPhoto: Jane Doe\n1/4\n"
    page = MENU + "\n" + LINES[0] + "\n" + widget + "\n".join(LINES[1:]) + "\n" + FOOTER
    step = StripOutsideMainText(header_rules=load_rulebook())
    assert LINES[0] in run_step(step, page)[0]
    # a player's position over its length: both times are the player's
    two_times = widget.replace("3:42\n", "00:00\n06:48\n")
    page = MENU + "\n" + LINES[0] + "\n" + two_times + "\n".join(LINES[1:]) + "\n" + FOOTER
    assert LINES[0] in run_step(step, page)[0]
    # the same time under a feed's label is a stamp: the lead is cut as before
    feed = widget.replace("Listen to this article", "Latest updates")
    page = MENU + "\n" + LINES[0] + "\n" + feed + "\n".join(LINES[1:]) + "\n" + FOOTER
    assert LINES[0] not in run_step(step, page)[0]


PLAYER = ("Video Player is loading.\nPlay Video\nUnmute\nCurrent Time 0:00\n/\nDuration 3:18\nLoaded: 0%\n"
          "Remaining Time -3:18\n1x\nChapters\ncaptions off, selected\nThis is a modal window.\n"
          "End of dialog window.\n")


def test_a_players_controls_inside_the_article_do_not_cut_the_lead_from_the_rest():
    # thirteen short lines the media rules take, between two paragraphs and over a subheading
    step = StripOutsideMainText(header_rules=load_rulebook())
    page = MENU + "\n" + "\n".join(LINES[:2]) + "\n" + PLAYER + "The vote\n" + "\n".join(LINES[2:]) + "\n" + FOOTER
    out = run_step(step, page)[0]
    assert LINES[0] in out and LINES[-1] in out and "Privacy policy" not in out
    # the same lines of another kind (a menu) still cut the lead off
    menu = "".join(f"Section {n}\n" for n in range(13))
    page = MENU + "\n" + "\n".join(LINES[:2]) + "\n" + menu + "The vote\n" + "\n".join(LINES[2:]) + "\n" + FOOTER
    assert LINES[0] not in run_step(step, page)[0]


SHARE_BAR = "Share\nShare on X\nShare on LinkedIn\nEmail\nCopy link\nGift this article\n"
QUOTE_WIDGET = "HRBF\nHarbour Ferries plc\n58.73\n+3.42 (+6.18%)\n"


def test_a_share_bar_under_the_lead_does_not_cut_it_from_the_rest():
    step = StripOutsideMainText(header_rules=load_rulebook())
    page = MENU + "\n" + LINES[0] + "\n" + SHARE_BAR + LINES[1] + "\n" + QUOTE_WIDGET + "\n".join(LINES[2:]) + "\n" + FOOTER
    out = run_step(step, page)[0]
    assert LINES[0] in out and LINES[-1] in out and "Privacy policy" not in out
    # the same lines as a menu's entries still cut the lead off
    menu = "".join(f"Section {n}\n" for n in range(6))
    assert LINES[0] not in run_step(step, page.replace(SHARE_BAR, menu))[0]


def test_a_share_bar_after_the_article_still_ends_it_before_the_comments():
    step = StripOutsideMainText(header_rules=load_rulebook())
    # the page repeats its lead under the bar, lists other stories, then readers' comments
    comments = "".join(line + "\nReply\n" for line in COMMENTS.splitlines() if len(line) > 80)
    box = "Also in Local\nPier repairs to start in May\nSchool wins rowing cup\nNew bus route for the bay\nHave your say\n"
    page = MENU + "\n" + ARTICLE + SHARE_BAR + LINES[0] + "\n" + box + comments + FOOTER
    out = run_step(step, page)[0]
    assert LINES[-1] in out and comments.splitlines()[0] not in out


def test_a_list_under_a_subheading_and_its_introduction_ends_the_article():
    tail = ("What comes next?\n\nThe council listed the three steps it will take first:\n\nA survey of the hull\n\n"
            "A new winter timetable\n\nA review of fares\n\nThe work starts in May.\n")
    page = MENU + "\n" + ARTICLE + "\n" + tail
    out = clean(page)
    assert out.endswith(tail) and "Sign in" not in out
    # the same lines without the sentence that introduces them are a box after the article
    box = tail.replace("The council listed the three steps it will take first:\n\n", "")
    assert "A review of fares" not in clean(MENU + "\n" + ARTICLE + "\n" + box)


def test_a_long_introduction_that_names_a_time_still_introduces_its_list():
    card = ("Five races support the main event, with the first start at 18:00. All ten crews "
            "passed the weigh-in at the first attempt:\nHarbour Belle (58.7kg) vs Quay Lass (58.9kg)\n"
            "Tide Runner (76.1kg) vs Mara Q (75.8kg)\nLow Water (50.6kg) vs Sea Holly (50.8kg)\n"
            "Ebb (66.5kg) vs Flood (66.4kg)\nPier Light (91.2kg) vs Breakwater (90.4kg)\n")
    closing = "Tickets are still on sale at the harbour office, and the last race should start at about ten.\n"
    body = ARTICLE + "Advertisement\nThe card\n" + card + closing
    out = clean(MENU + "\n" + HEADER + "\n" + body + FOOTER)
    assert "Pier Light" in out and out.endswith(closing)


def test_an_introduction_that_names_a_date_still_introduces_its_list():
    # "year to May 2024:" is the period of a table, not a time stamp; a table of short
    # Title Case lines between the lead and the body reads like a menu otherwise
    table = ("Annual change in fares by line, year to May 2024:\nNorth Line +3.7%\nHarbour Line +3.5%\n"
             "Valley Line +3.3%\nCoast Line +3.1%\nMill Line +2.9%\nAirport Line +2.4%\nRiver Line +2.2%\n"
             "Park Line -0.8%\n")
    body = LEAD + table + ARTICLE
    assert clean(MENU + "\n" + HEADER + "\n" + body + FOOTER).startswith(body)
    # a clock time in an introduction as short as a stamp still reads as one
    timed = table.replace("year to May 2024:", "at 10:15 am:")
    assert not clean(MENU + "\n" + HEADER + "\n" + LEAD + timed + ARTICLE + FOOTER).startswith(LEAD)


def test_a_last_paragraph_with_a_headline_glued_to_it_keeps_its_sentence():
    # the article ends in a short quotation; the page glued the next story's headline to it,
    # and the cut after the article starts at that line
    from cleaner.steps.lines import nonblank_lines
    from cleaner.steps.main_text import _past_glued_sentence
    last = '"Keep the ferry. That is all we ask."'
    text = ARTICLE + last + "Storm closes the coastal road again for a third night\nRead More\n"
    lines = nonblank_lines(text)
    final, glued = lines[5], lines[6]
    assert _past_glued_sentence(text, final, glued) == glued[0] + len(last)
    # a glued sentence of fewer words, a blank line between, or a last line that is no
    # sentence: the cut takes the whole line
    # four words are a sentence too ("The meeting is public.")
    short = "The meeting is public."
    text = ARTICLE + short + "Storm closes the coastal road again for a third night\nRead More\n"
    lines = nonblank_lines(text)
    assert _past_glued_sentence(text, lines[5], lines[6]) == lines[6][0] + len(short)
    for other in (ARTICLE + "Thanks a lot.Storm closes the coastal road again\nRead More\n",
                  ARTICLE + "\n" + last + "Storm closes the coastal road again\nRead More\n",
                  ARTICLE.rstrip(".\n") + "\n" + last + "Storm closes the coastal road again\n"):
        lines = nonblank_lines(other)
        assert _past_glued_sentence(other, lines[5], lines[6]) == lines[5][1]


def test_an_also_read_insert_between_paragraphs_does_not_cut_the_article():
    step = StripOutsideMainText(header_rules=load_rulebook())
    tail = ("The council set these fares for the first year of the new contract:\n"
            "Harbour to Bayside: 2.10\nHarbour to Point: 2.80\nHarbour to Isle: 3.40\n"
            "The fares will be reviewed after the first full summer of sailings, the council said.\n")
    insert = "Also read:\nBridge plan shelved after vote\n"
    page = MENU + "\n" + HEADER + "\n" + ARTICLE + insert + tail + FOOTER
    out = run_step(step, page)[0]
    assert out.endswith(tail)
    # the same lines under a box's heading that no insert label names end the article there
    assert not run_step(step, page.replace(insert, "Most viewed this week\nBridge plan shelved after vote\n"))[0].endswith(tail)


def test_a_labelled_ad_box_between_paragraphs_does_not_cut_the_lead_off():
    step = StripOutsideMainText(header_rules=load_rulebook())
    box = ("Compare savings accounts\nSponsored\nBank\nRate\nHarbour Bank\n4.60%\nOpen account\n"
           "Bay Savings\n4.45%\nOpen account\nRates correct as of 06/03/2025.\n")
    page = MENU + "\n" + HEADER + "\n" + LINES[0] + "\n" + box + "\n".join(LINES[1:]) + "\n" + FOOTER
    assert LINES[0] in run_step(step, page)[0]
    # the same lines with no ad label are the page's, and cut the lead off
    assert LINES[0] not in run_step(step, page.replace("Sponsored\n", ""))[0]


def test_a_hard_wrapped_lead_stays_with_the_article():
    # the lead copied at 66 columns, no blank line between its lines or after it
    lead = textwrap.fill(
        "The harbour board has agreed to rebuild the north breakwater after two winters of storm "
        "damage left parts of it under water at high tide.", 66) + "\n" + textwrap.fill(
        "Work is due to start in the spring, and the board expects the contractor to finish the "
        "outer wall before the autumn gales return to the bay.", 66) + "\n"
    page = MENU + "\n" + HEADER + "\n" + lead + "\n" + ARTICLE + "\n" + FOOTER
    assert clean(page) == lead + "\n" + ARTICLE
    # the same lines wrapped as headlines (each opening with a capital) are a list, and go
    headlines = "\n".join(line[0].upper() + line[1:] for line in lead.splitlines()) + "\n"
    assert clean(page.replace(lead, headlines)) == ARTICLE


def test_a_table_of_figures_by_year_stays_with_the_article_around_it():
    rows = "".join(f"Ferry passengers, summer {year}: {count}\n" for year, count in
                   (("2019", "41,200"), ("2020", "12,900"), ("2021", "30,450"), ("2022", "44,800"),
                    ("2023", "47,100"), ("2024", "52,300")))
    after = ("The council expects the numbers to keep rising once the new timetable starts next spring.\n"
             "Critics of the vote said the figures hide how empty the ferry is on most winter crossings.\n"
             "The captain said the winter crossings were the ones that mattered most to the island.\n")
    page = MENU + "\n" + HEADER + "\n" + ARTICLE + "The numbers\n" + rows + after + "\n" + FOOTER
    assert clean(page) == ARTICLE + "The numbers\n" + rows + after
    # a stamp's colon comes before its date or time: a run of them is still chrome
    stamps = "".join(f"Updated: {day} March 2024, 10:{minute}\n" for day, minute in
                     (("3", "15"), ("4", "20"), ("5", "25"), ("6", "30"), ("7", "35"), ("8", "40")))
    assert after not in clean(page.replace(rows, stamps))


THAI_MENU = "หน้าแรก\nการเมือง\nเศรษฐกิจ\nกีฬา\nบันเทิง\nวิดีโอ\n"
# Thai marks no sentence's end: a paragraph is a long line with no stop.
THAI_ARTICLE = (
    "คณะกรรมการเมืองประชุมเมื่อวันจันทร์และตัดสินใจสร้างสะพานใหม่ข้ามแม่น้ำสายหลักของเมือง "
    "ซึ่งจะเปิดให้ประชาชนใช้งานได้ภายในปีหน้า ชาวบ้านหลายคนกล่าวว่าสะพานเก่าอันตรายมากในฤดูฝน\n"
    "นายกเทศมนตรีกล่าวว่าโครงการนี้จะใช้งบประมาณประมาณสามร้อยล้านบาท และจะจ้างแรงงานท้องถิ่น "
    "มากกว่าสองร้อยคนตลอดระยะเวลาการก่อสร้างสองปี โดยจะเริ่มงานหลังสิ้นสุดฤดูฝนในเดือนพฤศจิกายน\n"
    "ผู้ค้าในตลาดริมน้ำบอกว่ายินดีกับข่าวนี้ เพราะลูกค้าจากฝั่งตรงข้ามแม่น้ำต้องเดินทางอ้อมไกล "
    "เป็นเวลาหลายปี และหลายร้านต้องปิดกิจการไปแล้วเพราะรายได้ลดลงอย่างต่อเนื่อง\n")
THAI_FOOTER = "แท็กที่เกี่ยวข้อง\nสะพาน\nแม่น้ำ\nเกี่ยวกับเรา\nติดต่อเรา\nนโยบายความเป็นส่วนตัว\n"


def test_thai_paragraphs_with_no_stop_are_the_article():
    assert clean(THAI_MENU + THAI_ARTICLE + THAI_FOOTER) == THAI_ARTICLE


def test_a_transcript_s_time_codes_do_not_split_it():
    # caption text with a time code before each line: the codes are the recording's, not a
    # feed's stamps, and the transcript's first and last short lines stay with it
    lines = [
        ">> Tonight, a curfew for teenagers is coming to downtown Harlow.",
        "After nearly four months of public hearings, the city council voted 5 to 2 tonight to keep anyone under 17 out of the downtown district after 10 p.m. on weekends.",
        "Reporter Tasha Greene was at city hall for the vote and joins us now live. Tasha, this was a long night.",
        ">> It was, Mike. The meeting started at 5:30, and the council did not vote until just after 9. More than 60 people signed up to speak, and most of them opposed the curfew.",
        "Police Chief Arlen Shaw told the council there were 14 fights downtown between June and December, and two of them involved weapons.",
        ">> We are not trying to punish kids for being kids. We are trying to keep a small number of situations from turning into a tragedy.",
        "The ordinance also ends automatically after 18 months unless the council votes to renew it.",
        "The curfew takes effect April 1. Reporting live from city hall, Tasha Greene, 10 News.",
    ]
    transcript = "".join(f"[00:0{i // 6}:{i * 9 % 60:02d}]\n{line}\n" for i, line in enumerate(lines))
    menu = "KWNB 10 News\nMenu\nWatch\nLive TV\nNewscasts\nWeather\nSearch\n"
    footer = "More from 10 News at 6\nWeather\nTraffic\nContact us\nFCC Public File\nEEO Report\nPrivacy\n"
    out, edits, _ = run_step(RULED, menu + transcript + footer)
    for line in lines:
        assert line in out
    assert "Live TV" not in out and "FCC Public File" not in out


def test_a_table_or_calculator_set_one_cell_to_a_line_does_not_cut_the_article():
    # a results table and a loan calculator between paragraphs: short lines, a third of
    # them figures; the article goes on under each
    table = ("Weekend auction results\nCity\nClearance rate\nAuctions\nHarbour\n71.4%\n812\n"
             "Bayside\n66.0%\n1,104\nPoint\n58.2%\n187\nView all results\n")
    calculator = ("Loan calculator\nLoan amount\n$400,000\nDeposit\n$40,000\nInterest rate\n6.9 %\nTerm\n30 years\n"
                  "Monthly payment\n$2,634\nCalculate\n")
    lines = ARTICLE.splitlines(keepends=True)
    body = "".join(lines[:2]) + table + "".join(lines[2:4]) + calculator + "".join(lines[4:])
    out = clean(MENU + "\n" + HEADER + "\n" + body + FOOTER)
    assert out.startswith(lines[0]) and out.rstrip().endswith(lines[-1].rstrip())
    # figures with no paragraph under them (a market ticker after the article) still go
    assert _with_tail("Markets\nFTSE 100\n7,412\n+0.4%\nDow\n38,120\n-0.2%\n").endswith(ARTICLE)


def test_a_verse_the_article_introduces_stays_though_a_line_opens_like_a_call():
    # an obituary ends in a verse it introduces with a colon; the region's score ends at the
    # verse's first line, and a line of it opens with "Leave", as a call to act does
    verse = ("Her family shares a verse she kept taped inside the kitchen cabinet for years:\n"
             "Do the work in front of you,\nFeed whoever is at the door,\n"
             "Leave the field a little better\nThan it was the year before.\n")
    assert _with_tail(verse).endswith(ARTICLE + verse)
    # a short call to act under such a sentence still ends the list
    calls = "Her family asks that gifts go to the county library, which she loved:\nLeave a comment\nShare this\n"
    assert "Leave a comment" not in _with_tail(calls)
