"""main-text: lines judged by their neighbours (lists, digests, quotations, long footers)."""
from cleaner.steps.base import Context
from cleaner.steps.main_text import StripOutsideMainText
from conftest import run_step

STEP = StripOutsideMainText()

MENU = "Home\nWorld\nPolitics\nBusiness\nScience\nSport\nCulture\nWeather\nSign in\nSubscribe\n\n"

PARAGRAPHS = [
    "The orchestra of the valley town will play its first summer season outdoors, on a stage built by volunteers "
    "beside the old mill pond.",
    "The conductor said the musicians had wanted for years to play where families could come with a picnic and "
    "children could run about on the grass.",
    "The council lent the field for free and a local timber yard gave the wood, so the whole stage cost less than "
    "a single new cello would.",
    "Rehearsals start next week, and the first concert, a programme of dances and marches, is planned for the "
    "evening of the longest day of the year.",
]
ARTICLE = "\n\n".join(PARAGRAPHS) + "\n"

FOOTER = ("\nShare\nFacebook\nEmail\nPrint\n\nMore stories\nBakery wins a prize\nRoad closed by a storm\n"
          "\nAbout us\nContact\nPrivacy\nTerms\n")


def clean(text: str) -> str:
    return run_step(STEP, text)[0]


def after_article(tail: str) -> str:
    """What the step keeps of a page with `tail` between the article and the footer."""
    return clean(MENU + ARTICLE + tail + FOOTER)


def test_a_line_that_repeats_the_article_run_together_is_chrome():
    digest = " ".join(PARAGRAPHS)
    page = MENU + ARTICLE + "\nShare\nEmail\nPrint\nLogo\n\n" + digest + "\n\nAbout us\nContact\nPrivacy\nTerms\n"
    assert clean(page) == ARTICLE


def test_a_line_that_quotes_one_paragraph_is_not_a_digest():
    lead = PARAGRAPHS[0] + " Tickets are free and seats are not numbered, the organisers added on Monday."
    page = MENU + lead + "\n\n" + ARTICLE + FOOTER
    assert clean(page) == lead + "\n\n" + ARTICLE


def test_an_embedded_post_and_its_signature_stay_with_the_article():
    post = ("\nThe mayor welcomed the plan in a short message:\n\n"
            "Music by the pond all summer, what a gift from our volunteers!\n\n"
            "— Valley Town Mayor (@valleymayor) May 2, 2022\n\n"
            "The first concert will be free, and a collection will be taken for the volunteers who built the "
            "stage over the winter.\n")
    assert after_article(post) == ARTICLE + post


def test_names_under_quotations_stay_with_the_article():
    voices = "".join(f"\n“{quote}”\n\n– {name}\n" for quote, name in [
        ("We have waited a long time for this and the children are so excited about it.", "Mira K."),
        ("A stage by the water is the best idea the council has had in years.", "Tom B."),
        ("I will bring my whole family and a basket of food to every single concert.", "Ines R."),
    ])
    assert after_article(voices) == ARTICLE + voices


def test_prose_after_a_long_run_of_menus_is_the_footer():
    legal = "".join("\n" + sentence + "\n" for sentence in [
        "The information on this site is for general interest only and is not advice of any kind.",
        "Prices and dates may change without notice, so please check with the organisers before you travel.",
        "All photographs are the property of their makers and may not be used without their consent.",
        "Readers who find a mistake are welcome to tell us, and we publish corrections as soon as we can."])
    menus = "\n".join(["Share", "Facebook", "Email", "Print", "Related", "Music", "Culture", "Events"])
    page = MENU + ARTICLE + "\n" + menus + "\n" + legal + "\nAbout us\nContact\nPrivacy\nTerms\n"
    assert clean(page) == ARTICLE


def test_a_gallery_inside_the_article_is_crossed():
    gallery = "\n".join(["Photos continue below", "1 of 5", "The stage seen from the pond",
                         "Volunteers cutting the boards", "The conductor at rehearsal", "Children on the grass",
                         "The mill at dusk"])
    page = MENU + "\n\n".join(PARAGRAPHS[:2]) + "\n\n" + gallery + "\n\n" + "\n\n".join(PARAGRAPHS[2:]) + "\n" + FOOTER
    out = clean(page)
    assert all(paragraph in out for paragraph in PARAGRAPHS)


def test_a_block_of_headlines_above_the_article_is_chrome():
    headlines = "\n".join(["Storm closes the coastal road for a second night running",
                           "Bakery on the high street wins a national bread prize",
                           "Council approves the new parking plan for the station",
                           "Ferry timetable changes for the winter months ahead"])
    page = MENU + headlines + "\n\n" + ARTICLE + FOOTER
    assert clean(page) == ARTICLE


def test_headlines_listed_one_by_one_above_the_article_are_chrome():
    headlines = "\n\n".join(["Storm closes the coastal road for a second night running",
                             "Bakery on the high street wins a national bread prize",
                             "Council approves the new parking plan for the station"])
    page = MENU + headlines + "\n\n" + ARTICLE + FOOTER
    assert clean(page) == ARTICLE


def test_a_schedule_after_the_article_is_kept():
    schedule = ("\nSummer concerts by the pond:\n"
                "June 21 – Dances and marches, with the town choir\n"
                "July 5 – Film music night, bring a blanket\n"
                "July 19 – Brass band afternoon @ the mill yard\n"
                "Aug. 2 – Closing concert and fireworks\n")
    assert after_article(schedule) == ARTICLE + schedule


def test_a_feed_of_dated_headlines_after_the_article_is_not_a_schedule():
    feed = ("\nLatest news\n"
            "March 3 – Bakery on the high street wins a national bread prize\n"
            "March 3 – Storm closes the coastal road again\n"
            "March 2 – Council approves the new parking plan\n"
            "March 1 – Ferry timetable changes for the winter\n")
    assert after_article(feed) == ARTICLE


def test_a_roster_after_the_article_is_kept_and_share_buttons_are_not():
    roster = ("\nThe players invited to the summer camp:\n"
              "Ann Lee (Harbour University)\n"
              "* Bo Karlsen (Valley College)\n"
              "Carla Ruiz (North Institute of Music)\n"
              "Dev Patel (Harbour University)\n")
    assert after_article(roster) == ARTICLE + roster
    buttons = ("\nShare this:\nShare on Facebook (Opens in new window)\nShare on Twitter (Opens in new window)\n"
               "Send by email (Opens in new window)\nPrint (Opens in new window)\n")
    assert after_article(buttons) == ARTICLE


# A round-up's cards: each a name, its features and the same two shop lines.
CARDS = [
    ("Folding garden chair", ["seats two adults side by side on the terrace", "folds flat to hang on a hook in the shed",
                              "the frame is oiled beech and the seat is woven"]),
    ("Watering can, two litres", ["a long spout for pots on a high shelf", "the rose comes off for cleaning",
                                  "made from recycled plastic with a steel handle"]),
    ("Kneeling pad", ["thick foam that keeps the knees dry on wet grass", "a cut-out handle to carry it about",
                      "washes clean under the tap after a muddy day"]),
    ("Pruning shears", ["a bypass blade for clean cuts on live stems", "the lock closes with one thumb",
                        "spare springs come in the box with the shears"]),
]


def cards(shop_lines: list[str], stamp: str = "") -> str:
    return "".join(f"\n{name}\n" + "".join(f"{feature}\n" for feature in features) + stamp
                   + "".join(f"{line}\n" for line in shop_lines) for name, features in CARDS)


def test_a_list_of_cards_in_one_template_is_kept_with_its_article():
    # its repeated shop lines alone would make it chrome, and the footer's menus follow it
    page = MENU + ARTICLE + cards(["See the price at the garden centre", "Buy now"]) + FOOTER
    out = clean(page)
    assert out.startswith(ARTICLE)
    assert all(feature in out for _, features in CARDS for feature in features)
    assert "Privacy" not in out


def test_a_list_of_records_alone_is_not_taken_for_chrome():
    # a meal plan: meals under the same two lines, no paragraphs between them
    meals = "".join(f"\nMeal {n}\nEat every two to three hours\n{food}\n{portion}\nTip: {tip}\n"
                    "With a large glass of water\n"
                    for n, (food, portion, tip) in enumerate([
                        ("a cup of oats with a sliced apple and a spoon of honey", "one yellow, one purple",
                         "soak the oats overnight and they cook in a minute"),
                        ("a bowl of lentil soup with a slice of brown bread", "one green, one yellow",
                         "a pot of soup keeps three days in the fridge"),
                        ("grilled fish with rice and a handful of green beans", "two green, one red",
                         "any white fish will do, fresh or frozen"),
                        ("a pot of yoghurt with walnuts and a few dried figs", "one red, one blue",
                         "buy the walnuts in halves, they stay fresh longer"),
                    ], 1))
    page = MENU + PARAGRAPHS[0] + "\n" + meals + FOOTER
    out = clean(page)
    assert "grilled fish with rice" in out and "walnuts" in out
    assert "Privacy" not in out


def test_lists_that_repeat_lines_but_are_chrome_are_not_records():
    shop = ["See the price at the garden centre", "Buy now"]
    # one repeated line: a section label over each teaser
    labelled = "".join(f"\nGarden\n{name} for the summer\n{features[0]}\n" for name, features in CARDS)
    # dated records: a feed or a comment thread
    dated = cards(shop, stamp="March 3, 2021\n")
    # teasers: a headline and a summary above the same two buttons
    teasers = "".join(f"\n{name} for the summer\n{features[0]}, the shop says\nRead more\nShare\n"
                      for name, features in CARDS)
    # Title Case link cards
    links = "".join(f"\n{name} Sale\nBest Garden Deals Of The Week\nShop The Range\nFree Delivery Today\n"
                    f"{name.title()} And Other Tools\n" for name, _ in CARDS)
    for tail in (labelled, teasers, dated, links):
        assert after_article(tail) == ARTICLE, tail


def test_cleaning_twice_changes_nothing_with_lists_and_quotations():
    schedule = "\nJune 21 – Dances and marches\nJuly 5 – Film music night\nJuly 19 – Brass band afternoon\n"
    page = MENU + ARTICLE + schedule + FOOTER
    once = clean(page)
    assert STEP.run(once, Context()).edits == ()


def test_a_short_closing_sentence_that_names_a_year_stays_with_the_article():
    closing = "\nThe stage comes down in the autumn of 2027.\n"
    assert after_article(closing) == ARTICLE + closing


def test_a_short_dated_line_is_still_a_stamp_unless_it_reads_as_a_plain_sentence():
    # a month and year, a clock time, mostly capitals, or no sentence end: the marks
    # of feed entries, notices and promotions
    for stamp in ("You can read our March 2024 open thread here.", "The archive was updated at 10:45 today.",
                  "Copyright Valley Town Orchestra Trust 2027. All Rights Reserved.",
                  "Season tickets for 2027 are on sale now"):
        assert after_article("\n" + stamp + "\n") == ARTICLE, stamp


SPECS = ("Specifications\nStage: 12 m by 8 m\nWood: pine and larch\nSeats: 400\nLighting: 24 solar lamps\n"
         "Sound: 6 speakers\nRoof: none\nSteps: 3\nRamps: 2\nBuilders: 35 volunteers\nCost: about 9,000 euros\n\n"
         "Advertisement\n\n")


def test_a_list_of_fields_inside_the_article_does_not_cut_it_in_two():
    page = MENU + "\n\n".join(PARAGRAPHS[:2]) + "\n\n" + SPECS + "\n\n".join(PARAGRAPHS[2:]) + "\n" + FOOTER
    assert clean(page) == "\n\n".join(PARAGRAPHS[:2]) + "\n\n" + SPECS + "\n\n".join(PARAGRAPHS[2:]) + "\n"


def test_a_list_of_fields_right_after_the_article_stays_with_it():
    fields = "\nLine-up (4-4-2): Ann Lee; Bo Park, Cy Diaz\nSubs: Dee Roe, Eli Poe\nReferee: Fay Moss\n"
    assert after_article(fields) == ARTICLE + fields


def test_fields_cut_short_timed_or_repeating_one_label_are_not_a_list():
    for fields in ("\nLeo: A week of good news for...\nVirgo: Money matters come first...\nLibra: Decisions wait for...\n",
                   "\nPosted: 10:45 am\nUpdated: 11:20 am\nFiled: 11:50 am\n",
                   "\nTag: music\nTag: summer\nTag: valley\n"):
        assert after_article(fields) == ARTICLE, fields


def test_an_interview_s_last_short_question_and_answer_stay():
    closing = "\nQ: What happens next?\n\nA: Another season on the stage, most likely.\n"
    assert after_article(closing) == ARTICLE + closing
