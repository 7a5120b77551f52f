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


LONG_THREAD = "\n".join(
    line for n in range(12) for line in (
        f"reader{n} says:", f"March {n + 3}, 2021 at 9:{n + 10} am",
        "I walk past that branch every weekend and it has been shut far too often since the spring. "
        "Longer hours will help my children with their homework and give them a quiet place to read.")
)


def test_a_long_thread_under_its_header_goes_even_when_it_starts_early():
    # the thread is longer than the article, so its first entry comes early in the page
    out, edits = clean(ARTICLE + "\nComments\n" + LONG_THREAD + "\n")
    assert out == ARTICLE + "\n"
    assert "12 comments" in edits[0].reason


def test_comments_signed_at_their_end_go_from_the_header_above_the_first():
    thread = "\n".join([
        "3 comments so far...",
        "1.", "This is wonderful news for the students in our street, thank you to the board.",
        "— Posted by Lena, Riverside",
        "2.", "About time. I hope the weekend staff get a fair wage for it.",
        "— Posted by Marco",
        "3.", "Will the children's room be open on Sundays too?", "And the reading room?",
        "— Posted by Abe K.",
    ])
    out, edits = clean(ARTICLE + "\n\n" + thread + "\n")
    assert out == ARTICLE + "\n\n"
    assert edits[0].rule == "comments.thread"


def test_commenter_lines_with_a_bar_or_a_number():
    bar = "\n".join(["Comments (3)", "Great news.", "Posted by: Lena | March 3, 2021 09:14 AM",
                     "About time.", "Posted by: Marco | March 3, 2021 10:02 AM",
                     "Sundays too?", "Posted by: Abe | March 4, 2021 08:40 PM"])
    out, _ = clean(ARTICLE + "\n" + bar + "\n")
    assert out == ARTICLE + "\n"
    numbered = "\n".join(["lena_r", "Comment No. 1041", "March 3 09:14", "Great news.",
                          "[Offensive? Report this comment. ]",
                          "marco", "Comment No. 1042", "March 3 10:02", "About time.",
                          "[Offensive? Report this comment. ]"])
    out, _ = clean(ARTICLE + "\nComments\n" + numbered + "\n")
    assert out == ARTICLE + "\n"


def test_posted_by_lines_with_a_town_and_a_time_but_no_year():
    # the commenter, the town, then the time and the day: no header came through
    thread = "\n".join(["Posted by: Old Millers, Hatherby  12:15 Tue 5 Nov", "Keep the school open.",
                         "Posted by: realist, Marlbury  12:48 Tue 5 Nov", "Somebody has to pay for it.",
                         "Posted by: J. Fenn  15:37 Tue 5 Nov", "See you all on the march."])
    out, edits = clean(ARTICLE + "\n" + thread + "\n")
    assert out == ARTICLE + "\n" and "3 comments" in edits[0].reason
    # a byline of that shape over the article is one line, no thread
    byline = "Posted by: Ann Lee, Education Reporter  09:02 Tue 5 Nov\n"
    assert clean(byline + ARTICLE + "\n")[0] == byline + ARTICLE + "\n"
    # a blog's post signed like its comments ("Posted by NAME - date"): the post is no comment
    menu = "\n".join(f"Section {n}" for n in range(30)) + "\n"
    post = ("Posted by gadgetdesk - Tuesday, January 08, 2008 12:40 PM\n" + ARTICLE + "\n"
            + "Posted by ann - Tuesday, January 08, 2008 1:32 PM\nNice.\n")
    assert ARTICLE in clean(menu + post + "Posted by bo - Tuesday, January 08, 2008 2:02 PM\nMeh.\n")[0]


def test_date_lines_followed_by_a_comments_links():
    linked = "\n".join(["Reader comments", "Weekend hours are overdue.", "By lena", "Dec 30, 2007 7:06 PM | Link to this",
                         "Who pays for it?", "By marco", "Dec 30, 2007 6:14 PM | Permalink | Reply",
                         "Good call.", "Dec 29, 2007 11:00 AM | Link to this"])
    out, edits = clean(ARTICLE + "\n" + linked + "\n")
    assert out == ARTICLE + "\n" and "3 comments" in edits[0].reason
    # a date and a link that is not a comment's control stays an ordinary line
    dated = ARTICLE + "\n" + "\n".join(f"Dec {d}, 2007 7:06 PM | Gallery" for d in (1, 2, 3)) + "\n"
    assert clean(dated)[1] == ()


def test_a_timetable_of_days_and_times_is_not_a_thread():
    timetable = ARTICLE + "\nNew hours:\n" + "".join(f"March {day} 10:00\nWeekend opening\n" for day in range(6, 12))
    assert clean(timetable)[1] == ()


def test_a_thread_under_a_moderation_notice_goes_though_it_starts_early():
    # comments signed at their end, "Posted by: ... | date time", under a notice rather than a
    # "Comments" header, and longer than the article: it starts in the text's first third
    comments = []
    for i, name in enumerate(["Ann", "bikerdan", "J. Ruiz", "Mo", "old_reader"]):
        comments += [f"I have lived here for years and the later opening hours are exactly what we needed, thank you {i}.",
                     f"Posted by: {name} | January 14, 2008 0{i + 1}:21 PM"]
    thread = "Please email us to report offensive comments.\n" + "\n".join(comments) * 2
    out, edits = clean(ARTICLE + "\n" + thread + "\n")
    assert out == ARTICLE + "\n"
    assert edits[0].rule == "comments.thread"


def test_one_line_comments_go_under_a_header_in_any_of_its_languages():
    # each comment on one line after its commenter, date and time, as a thread's list
    # items come out of a page
    entries = ["- ana_r 12/05/2025 09:14 Finally. We have waited years for this.",
               "- Mari Luz 12/05/2025 10:02 And the bus to the coast, when?",
               "- olive64 12/05/2025 11:37 Build the farm crossings first, not after."]
    for header in ("Comentarios (3)", "3 Comments", "Kommentare"):
        out, edits = clean(ARTICLE + "\n" + header + "\n" + "\n".join(entries) + "\n")
        assert out == ARTICLE + "\n", header
        assert "3 comments" in edits[0].reason
    # without a header the same lines may be a live blog's entries, and stay
    assert clean(ARTICLE + "\n" + "\n".join(entries) + "\n")[1] == ()
