"""comments: a reader-comment thread after the article goes; quotes and timelines stay."""
from cleaner.steps.comments import StripCommentThread
from conftest import run_step

ARTICLE = "\n".join([
    "The library board voted to extend opening hours on weekends starting next month.",
    "Staff shortages had forced the main branch to close at noon on Saturdays since spring.",
    "The board said two new librarians will be hired with money from the city's surplus.",
    "Readers had petitioned for the change, collecting more than two thousand signatures.",
])


def clean(text):
    return run_step(StripCommentThread(), text)[:2]


def test_thread_with_commenter_and_date_lines_is_removed_from_its_header():
    thread = "\n".join([
        "14 Comments",
        "bookworm22 says:", "March 3, 2021 at 9:14 am", "Finally! Saturdays were impossible.",
        "Priya on March 3, 2021 at 10:02 am said:", "Great news for students.",
        "oldreader says:", "March 4, 2021 at 8:40 pm", "About time.",
    ])
    out, edits = clean(ARTICLE + "\n" + thread + "\n")
    assert out == ARTICLE + "\n"
    assert edits[0].rule == "comments.thread" and "3 comments" in edits[0].reason


def test_quotes_timelines_and_short_pages_stay():
    quotes = ARTICLE + "\nThe mayor said:\nWe listened to readers.\nA librarian said:\nIt will help families.\n"
    assert clean(quotes)[1] == ()
    timeline = ARTICLE + "\nMarch 3, 2020\nPetition launched.\nApril 1, 2020\nBoard meeting.\nMay 5, 2020\nVote.\n"
    assert clean(timeline)[1] == ()
    early = "anna says:\nMay 4, 2021 at 5:23 pm\nbob says:\nMay 4, 2021 at 6:00 pm\n" + ARTICLE * 3
    assert clean(early)[1] == ()  # entries before the article's end are not a trailing thread


def test_idempotent():
    thread = "\nann says:\nMay 4, 2021 at 5:23 pm\nNice.\nbob says:\nMay 4, 2021 at 6:00 pm\nAgreed.\n"
    once, _ = clean(ARTICLE + thread)
    assert clean(once)[1] == ()


def test_threads_marked_by_scores_and_controls():
    thread = "\n".join(["[ 42 comments ]", "Top Rated Comments",
                        "The old model was better in every way.", "Rating: 12 Votes", "reader_one",
                        "I disagree, the new one is faster.", "Rating: 7 Votes", "second_reader",
                        "Waiting for the next version.", "Rating: 3 Votes"])
    out, edits = clean(ARTICLE + "\n" + thread + "\n")
    assert out == ARTICLE + "\n" and "3 comments" in edits[0].reason


def test_an_article_with_one_reply_line_stays():
    text = ARTICLE + "\nReply\nThe board will publish the new hours on its website next week.\n"
    assert clean(text)[1] == ()
