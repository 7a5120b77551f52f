"""feed-blocks: timestamped news-feed sidebars go as one block; times in prose stay."""
import time

import pytest

from cleaner.steps.base import Context
from cleaner.steps.feed_blocks import StripFeedBlocks
from conftest import run_step

STEP = StripFeedBlocks()

ARTICLE = (
    "The harbour bridge will close for repairs next spring, the city council said on Monday.\n"
    "\n"
    "Engineers found corrosion in two of the main cables during a routine inspection in March. "
    "The work is expected to take eight months and cost about 40 million, which the council "
    "will borrow over twenty years.\n"
    "\n"
    "Ferries will run every ten minutes at peak hours while the bridge is closed, and the "
    "transport authority has promised extra buses on the two routes around the bay. Local "
    "businesses on the north shore say they fear losing customers during the closure, and "
    "have asked the council for help with rents.\n"
    "\n"
    "The mayor said the repairs could not wait another winter. \"We would rather close it "
    "for eight months now than for two years later,\" she told reporters.\n"
)
FEED = (
    "Latest news\n"
    "\n"
    "9:42 AM\n"
    "\n"
    "Rail strike called off after late-night talks.\n"
    "\n"
    "Unions and the operator agreed on a pay offer that will be put to members next week, ending a month of disruption.\n"
    "7:15 AM\n"
    "\n"
    "Heatwave warning extended to the coast.\n"
    "\n"
    "Forecasters expect temperatures above 35 degrees until Friday.\n"
    "11:58 PM\n"
    "\n"
    "Museum returns looted bronzes.\n"
    "\n"
    "The twelve pieces were handed over at a ceremony attended by the culture minister.\n"
)


def clean(text):
    return run_step(STEP, text)[:2]


def test_feed_after_article_goes_as_one_edit():
    out, edits = clean(ARTICLE + "\n" + FEED + "More news\n")
    assert out == ARTICLE + "\n"
    assert len(edits) == 1
    assert edits[0].rule == "feed-blocks.timestamped-run"
    assert edits[0].reason == "news-feed sidebar (timestamps and headlines)"


@pytest.mark.parametrize("feed", [
    # relative times, headline only, no header: three items
    "2h ago\nCouncil approves new cycle lanes\n5h ago\nSchool meals price freeze\n"
    "Yesterday\nLibrary opens on Sundays\n",
    # timestamp prefixed to the headline
    "Most read\n3 hours ago - Storm closes mountain pass\n5 hours ago - Ferry timetable changes\n",
    "Trending\n18:04 | Vote count delayed in two districts\n16:40 | Airport adds night flights\n",
    # date and time
    "Top stories\nDec. 22, 2024 10:15\nPort workers accept contract\nDec. 21, 2024 18:30\n"
    "Snowfall record broken in the north\n",
    "Mar 3, 2025 at 9:05 am\nWater main burst downtown\n"
    "Mar 2, 2025 at 4:40 pm\nNew mayor sworn in\n"
    "Mar 2, 2025 at 8:12 am\nBudget vote postponed\n",
    # timestamp after the headline, a question among them
    "Most popular\nTram fares frozen for another year – 20 min ago\n"
    "Can the old pier be saved? – 2 hours ago\nRecycling rules change in May – 5 hrs ago\n",
    "Harbour fees rise 3h ago\nGallery reopens after flood 6h ago\nNew cycle bridge opens 9h ago\n",
    "Latest\nBudget talks resume | 14:32\nSnow closes two schools | 11:05\n",
])
def test_feeds_in_several_wordings(feed):
    out, edits = clean(ARTICLE + feed)
    assert out == ARTICLE
    assert len(edits) == 1


@pytest.mark.parametrize("text", [
    # times in prose
    "At 5:19 AM the quake struck the valley.\n\nBy 6:40 AM rescue teams had reached the village.\n"
    "At 8:15 AM the first survivors were flown out.\n",
    # times leading lowercase prose, without a full stop
    "5:19 AM the quake struck the valley\n4:02 AM the first tremor was felt\n"
    "3:47 AM a small foreshock woke residents\n",
    # a chronological timeline inside an article
    "10:50 p.m.: The fire department arrives.\n11:05 p.m.: Paramedics enter the house.\n"
    "11:25 p.m.: An ambulance leaves for the hospital.\n",
    # a schedule, in chronological order, without sentence punctuation
    "Programme\n9:00 Registration and coffee\n10:00 Opening keynote\n11:30 Panel on city transport\n",
    "Schedule\n9:00 AM\nDoors open\n10:30 AM\nFirst session\n1:00 PM\nLunch\n",
    # a single timestamped item is not a feed
    "Updated 5:19 AM\nThe minister resigned on Tuesday evening.\n",
    # a header word alone, and menu entries that start with a day word
    "Latest\nToday in pictures\nToday in history\nToday's weather\n",
    # times ending sentences and a schedule's clock times after the event
    "The fire started 2 hours ago.\nCrews arrived 40 minutes ago.\nThe road closed 1 hour ago.\n",
    "Doors open 18:00\nSupport act 19:30\nMain set 21:00\n",
    "Doors open – 18:00\nSupport act – 19:30\nMain set – 21:00\n",
])
def test_prose_and_timelines_stay(text):
    assert clean(ARTICLE + text)[1] == ()


def test_two_items_need_a_header():
    items = "4h ago\nTram line extended\n6h ago\nHospital wing opens\n"
    assert clean(ARTICLE + items)[1] == ()
    assert clean(ARTICLE + "Latest\n" + items)[0] == ARTICLE


def test_live_blog_with_long_entries_stays():
    entry = ("The minister said the plan would be published in full.\n"
             "Opposition leaders called the statement vague.\n"
             "A vote is expected before the summer recess.\n")
    text = "Live\n" + "".join(f"{h}:00 PM\nUpdate from parliament\n{entry}" for h in (5, 4, 3))
    assert clean(text)[1] == ()


def test_live_blog_entries_of_one_paragraph_under_bare_times_stay():
    # each entry is one paragraph of two sentences or more under its time: a live blog's,
    # though short enough to be a feed's summary line
    entries = ("88 min: What a chance for the hosts! Lewin scoops it over the bar from the penalty spot.",
               "85 min: The visitors make their final change. Mensah goes off with cramp, replaced by Fry.",
               "81 min: The hosts have had most of the ball since the red card. It is all crosses.",
               "77 min: GOAL! A rare attack, and the cross is only half-cleared. Idowu's shot deflects in.")
    blog = "".join(f"21:{m}\n{e}\n" for m, e in zip((44, 41, 37, 33), entries))
    assert clean(ARTICLE + blog)[1] == ()
    # a feed's items of one sentence each under their times still go
    feed = ("9:42 AM\nRail strike called off after late-night talks between the unions and the operator on Sunday.\n"
            "7:15 AM\nHeatwave warning extended to the coast as forecasters expect temperatures above 35 degrees.\n"
            "6:58 AM\nMuseum returns twelve looted bronzes at a ceremony attended by the culture minister.\n")
    assert clean(ARTICLE + feed)[0] == ARTICLE


def test_a_tables_rows_ending_in_times_stay():
    # a timetable copied as lines, each row's last cell a time, latest first
    table = ("Route | Daytime now | Daytime from May | Last departure\n"
             "Bus 4 | every 15 min | every 12 min | 23:20\n"
             "Bus 11 | every 20 min | every 15 min | 22:50\n"
             "Bus 27 | every 30 min | every 30 min | 21:40\n"
             "Bus X9 | hourly | every 30 min | 20:10\n")
    assert clean(ARTICLE + table + ARTICLE)[1] == ()
    # a feed's headlines with their times after one bar still go
    feed = "".join(f"Headline number {n} about the harbour budget | {23 - n}:05\n" for n in range(4))
    assert clean(ARTICLE + feed + ARTICLE)[0] == ARTICLE + ARTICLE


def test_feed_that_is_most_of_the_document_stays():
    feed = "".join(f"{h}h ago\nHeadline number {h} about the city budget\n" for h in range(1, 6))
    assert clean(feed)[1] == ()


def test_last_item_takes_as_many_lines_as_the_others():
    feed = ("Latest\n1h ago\nBridge closes for repairs\n3h ago\nFerry fares rise\n"
            "4h ago\nNew park opens\nMarket report: shares rose on Tuesday as oil prices fell.\n")
    out, _ = clean(ARTICLE + feed)
    assert out == ARTICLE + "Market report: shares rose on Tuesday as oil prices fell.\n"


@pytest.mark.parametrize("oldest", ["Yesterday 18:40 Ferry fares rise in spring",
                                    "Yesterday Ferry fares rise in spring"])
def test_the_oldest_item_stamped_yesterday_ends_a_feed_of_clock_times(oldest):
    feed = "Latest\n16:30 Bridge closes for repairs\n14:12 Snow closes two schools\n11:05 New park opens\n"
    out = clean(ARTICLE + feed + oldest + "\n" + "The ferry sailed at dawn.\n")[0]
    assert out == ARTICLE + "The ferry sailed at dawn.\n"
    # a sentence after the feed is no item, and a day's name alone starts no feed
    assert clean(ARTICLE + feed + "Yesterday the ferry sailed at dawn.\n")[0] \
        == ARTICLE + "Yesterday the ferry sailed at dawn.\n"
    assert clean(ARTICLE + oldest + "\n")[0] == ARTICLE + oldest + "\n"


def test_headline_above_its_timestamp_under_a_header():
    feed = ("Recent news\nStadium plan approved\n2025-01-15 17:00\nTeachers vote on pay\n"
            "2025-01-15 12:25\nRiver levels fall\n2025-01-14 20:42\n\nRelated links\n")
    out, _ = clean(ARTICLE + feed)
    assert out == ARTICLE + "\nRelated links\n"


def test_idempotent_and_well_formed():
    text = "  " + ARTICLE + "\n" + FEED.replace("\n", "  \n") + "tail line without newline"
    out, edits = clean(text)
    for edit in edits:
        assert 0 <= edit.start < edit.end <= len(text)
        assert text[edit.start:edit.end].endswith("\n")
    assert STEP.run(out, Context()).edits == ()


def test_empty_and_blank_texts():
    assert clean("")[1] == ()
    assert clean("\n \n")[1] == ()


def test_linear_on_long_hostile_lines():
    text = ("1" * 50_000 + "\n" + "12:34 " * 10_000 + "\n" + "Dec. " * 10_000 + "\n") * 3
    start = time.perf_counter()
    STEP.run(text, Context())
    assert time.perf_counter() - start < 1.0


def test_comments_signed_with_their_time_are_left_to_the_comment_step():
    # "Posted by: Ann | May 4, 2021 05:23 PM" under each comment is a signature, not a feed
    # item's stamp: taking pairs of them here would break the thread into pieces
    thread = "".join(f"Great news, I hope it works this time and the buses really do come, comment {i}.\n"
                     f"Posted by: reader{i} | May 4, 2021 0{i}:23 PM\n" for i in range(1, 6))
    out, edits = clean(ARTICLE + "\n" + thread)
    assert out == ARTICLE + "\n" + thread and not edits
