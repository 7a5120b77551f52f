"""trailing-headlines: off-topic teasers after the article's end go, the article stays."""
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from cleaner.steps.trailing_headlines import StripTrailingHeadlines, _glued_without_space
from conftest import run_step

SHARED = Path(__file__).resolve().parents[3] / "shared"

ARTICLE = """\
Marlow Creek will replace the filters at its water treatment plant this summer, the town council decided on Tuesday, ending a two-year argument over how to pay for the work.

The plant, built in 1968, draws from the Hollis reservoir and serves about 14,000 residents. Its sand filters have struggled since a series of storms left the reservoir cloudy, and the town issued three boil notices last autumn when turbidity readings crossed the state limit.

Engineers hired by the council recommended membrane filters, which trap fine particles that sand lets through. The membranes cost more to install but use less chlorine, and the engineers expect the plant's chemical bill to fall by a third once they run at full capacity.

The contract, worth $6.2 million, went to a regional firm that built similar systems for two neighboring towns. A federal grant covers roughly half of the cost; the rest will come from a bond that residents approved in March by a narrow margin.

Council member Rita Osei, who voted against an earlier version of the plan, said the grant changed her mind. Residents who spoke at the meeting mostly asked about the boil notices and whether their bills would rise.

Water rates will increase by about four dollars a month for a typical household, according to the town's finance office. Crews will also inspect the old clarifier and the intake pipes while the plant runs on a temporary filtration unit.

The work is scheduled to finish before the reservoir's autumn turnover, when turbidity usually peaks and the old filters struggled most."""

HEADLINES = [
    "Mayor Dana Whitfield says the stadium vote will go ahead.",
    "Why a Vermont bakery is betting everything on rye | Morning Table.",
    "In Tucson, orchard owners race to beat the summer heat.",
]


def strip(text):
    return run_step(StripTrailingHeadlines(), text)[:2]


def assert_fixpoint(text):
    assert strip(text)[1] == ()


def assert_only_the_article_stays(ending):
    """The article with `ending` after it loses exactly the ending, as one off-topic cut."""
    assert_only_the_headline_goes("", ending)


def assert_only_the_headline_goes(last, headline):
    """The article with its `last` sentences and `headline` after them loses exactly the
    headline, as one off-topic cut."""
    out, edits = strip(ARTICLE + last + headline + "\n")
    assert out == ARTICLE + last + "\n"
    assert [e.rule for e in edits] == ["trailing-headlines.off-topic"]
    assert_fixpoint(out)


def test_three_headlines_glued_to_the_last_paragraph_go():
    out, edits = strip(ARTICLE + " " + " ".join(HEADLINES) + "\n")
    assert out == ARTICLE + "\n"
    assert [(e.rule, e.reason) for e in edits] == [
        ("trailing-headlines.off-topic", "unrelated headline glued after the article")]
    assert_fixpoint(out)


def test_one_headline_shaped_teaser_glued_to_the_last_sentence_goes():
    out, _ = strip(ARTICLE + " Why a Vermont Bakery Is Betting Everything on Rye | Morning Table")
    assert out == ARTICLE
    assert_fixpoint(out)


def test_a_headline_under_a_section_kicker_goes_with_the_run():
    kicker = "Football: Harlow edge past Rovers in a late cup thriller."
    out, _ = strip(ARTICLE + " " + HEADLINES[0] + " " + HEADLINES[2] + " " + kicker + "\n")
    assert out == ARTICLE + "\n"


@pytest.mark.parametrize("label", ["Specs: Aluminium Frame, Carbon Fork.", "Photo: Ann Lee/Staff.",
                                   "Disclosure: We use affiliate links and may earn a commission."])
def test_a_label_line_with_a_short_value_or_a_sentence_after_it_stays(label):
    # it ends the walk back from the end: the headline-shaped sentence before it stays too
    text = ARTICLE + " " + HEADLINES[0] + " " + label + "\n"
    assert strip(text) == (text, ())


def test_headlines_on_following_short_lines_go_with_their_line_breaks():
    text = (ARTICLE + "\n\nMayor Dana Whitfield Says Stadium Vote Will Go Ahead\n\n"
            "Vermont bakery bets its future on rye flour\n")
    out, edits = strip(text)
    assert out == ARTICLE + "\n"
    assert text[edits[0].start:edits[0].end].startswith("\n\nMayor")
    assert_fixpoint(out)


def test_a_short_on_topic_closing_line_stays_and_the_headlines_after_it_go():
    closing = "\n\nWork starts Monday."
    out, _ = strip(ARTICLE + closing + " " + " ".join(HEADLINES))
    assert out == ARTICLE + closing
    assert_fixpoint(out)


@pytest.mark.parametrize("closing", [
    # shares a single rare word ("clarifier") with the article
    " Volunteers plan to paint a mural on the old clarifier next spring.",
    # on topic through several words
    " Engineers expect the membrane filters to be running at the plant by August.",
])
def test_a_closing_sentence_sharing_topic_stays(closing):
    assert strip(ARTICLE + closing)[1] == ()
    out, _ = strip(ARTICLE + closing + " " + " ".join(HEADLINES))
    assert out == ARTICLE + closing


@pytest.mark.parametrize("closing", [
    # off topic, but not shaped like a headline: alone, it is given the benefit of the doubt
    " Tickets for the county fair go on sale Friday morning at the library desk.",
    # prose by shape: a quote, an attribution in the past tense, a pronoun that points back
    " “Nobody in the orchard business expected a spring like this,” a grower remarked.",
    " A grower said orchards across the valley bloomed early this spring.",
    " They hope orchards across the valley will bloom early this spring.",
])
def test_a_lone_off_topic_sentence_that_reads_as_prose_stays(closing):
    assert strip(ARTICLE + closing)[1] == ()


@pytest.mark.parametrize("glued", [
    " “It felt like the whole house shook”: Harbour Row family recalls chimney fire",
    " 'We will rebuild it': Quayside mayor vows to reopen the pier by spring",
    # glued with no space, an apostrophe inside the quotation
    "'It's not a matter of if': Why Harbour Row is bracing for the spring floods",
    # or a dash
    " 'It's a disgrace' - Harbour Row residents hit out over new parking charges",
    " “We were not asked” – Quayside traders angry at market move",
])
def test_a_headline_that_opens_with_a_quotation_and_a_colon_or_dash_goes(glued):
    assert_only_the_article_stays(glued)


def test_a_question_glued_with_no_space_goes_unless_its_pronoun_points_back():
    assert_only_the_article_stays("Is spring corn snow worth the early alarm on a cold morning?")
    # a missing space in the article's own question: "it" points back into the article
    closing = "Why does it matter so much to the growers of the valley?"
    assert strip(ARTICLE + closing + "\n")[1] == ()


@pytest.mark.parametrize("closing", [
    " Growers said the orchard shop would reopen on Friday at 6 p.m.",
    " Growers said the new presses were built by Harlow Orchard Supplies Ltd.",
])
def test_a_headline_glued_with_a_space_after_an_abbreviation_goes(closing):
    out, edits = strip(ARTICLE + closing + " Storm closes the coastal road for a third day\n")
    assert out == ARTICLE + closing + "\n" and [e.rule for e in edits] == ["trailing-headlines.off-topic"]
    assert_fixpoint(out)


@pytest.mark.parametrize("closing", [
    # a name or a short phrase after the abbreviation, or a sentence with its stop: the article's
    " Growers said the orchard shop would reopen on Friday at 6 p.m. Eastern",
    " The growers will take the case to the U.S. Senate committee on farming next week.",
])
def test_words_after_an_abbreviation_that_make_no_headline_stay(closing):
    assert strip(ARTICLE + closing + "\n")[1] == ()


def test_a_headline_with_an_abbreviation_inside_goes_whole():
    assert_only_the_article_stays(" Veteran withdraws from U.S. Open qualifying with a wrist injury")


@pytest.mark.parametrize("closing", [
    # the quotation ends the sentence, or the words after the colon end in a stop: prose
    " “It is over”: he said it twice, and nobody in the hall laughed.",
    " “Enough,” a grower said: the season was over.",
])
def test_a_quotation_before_a_colon_in_prose_stays(closing):
    assert strip(ARTICLE + closing)[1] == ()


def test_a_prose_sentence_ends_the_search_and_headlines_after_it_go():
    quote = " “Nobody in the orchard business expected a spring like this,” a grower remarked."
    out, _ = strip(ARTICLE + quote + " " + HEADLINES[1])
    assert out == ARTICLE + quote


def test_a_closing_sentence_longer_than_a_headline_stays_though_off_topic():
    # 21 words of thanks closing a club's report, sharing no word with it: prose by its
    # length, so only the headline run on after it goes
    thanks = (" Thanks as always to everyone who came down to cheer, to the kitchen helpers,"
              " and to the referee from Dunmore today.")
    assert len(thanks.split()) == 21
    out, _ = strip(ARTICLE + thanks + " Harriers crowned county champions after a dramatic final\n")
    assert out == ARTICLE + thanks + "\n"


def test_a_document_too_short_to_judge_is_left_alone():
    short = ARTICLE.split("\n\n")[0]
    assert strip(short + " " + " ".join(HEADLINES))[1] == ()


def test_a_clean_article_is_left_alone():
    assert strip(ARTICLE)[1] == ()
    assert strip(ARTICLE + "\n")[1] == ()
    assert strip("")[1] == ()


PIECES = HEADLINES + [
    "Work starts Monday.", "Engineers praised the membrane filters.", "“It works,” she said.",
    "Vermont Bakery Bets on Rye", "Tucson orchard owners race the heat", "|", "Read more",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", "\n", "\n\n"])), max_size=7))
def test_any_tail_gives_valid_edits_and_a_fixpoint(tail):
    text = ARTICLE + "".join(glue + piece for piece, glue in tail)
    out, edits = strip(text)
    assert len(edits) <= 1
    assert out.startswith(ARTICLE)
    assert_fixpoint(out)


@pytest.mark.parametrize("hostile", [
    ARTICLE + " " + "x" * 200_000 + " tail words here. " + " ".join(HEADLINES),
    "y" * 200_000 + "\n" + ARTICLE + " " + " ".join(HEADLINES),
    ARTICLE + " " + ". " * 100_000 + " ".join(HEADLINES),
    " " * 200_000 + "\n" * 1000,
    "Word. " * 40_000,
])
def test_hostile_input_runs_in_linear_time(hostile):
    started = time.perf_counter()
    strip(hostile)
    assert time.perf_counter() - started < 5


@pytest.mark.skipif(not (SHARED / "bench").is_dir(), reason="shared bench not present")
def test_no_cut_in_real_article_bodies():
    bodies = sorted((SHARED / "bench").glob("*/gold/*.txt")) + sorted((SHARED / "seeds-gold").glob("*.txt"))
    cut = [path.name for path in bodies if strip(path.read_text(encoding="utf-8"))[1]]
    assert len(bodies) > 400
    assert cut == []


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="shared seeds not present")
def test_seed_with_glued_headlines_loses_exactly_them():
    def flat(text):
        return " ".join(re.sub("[“”]", '"', re.sub("[‘’]", "'", text)).split())

    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        gold = SHARED / "seeds-gold" / seed.name
        out, edits = strip(seed.read_text(encoding="utf-8"))
        if edits:
            assert flat(out) == flat(gold.read_text(encoding="utf-8")), seed.name
            assert_fixpoint(out)
    assert any(strip(seed.read_text(encoding="utf-8"))[1] for seed in (SHARED / "seeds").glob("*.txt"))


@pytest.mark.parametrize("glued", [
    "Hikers Rescued After Night on Ridge",  # Title Case, glued with no space
    "Orchard owners race to beat the summer heat",  # sentence case, no final stop
])
def test_a_headline_glued_with_no_space_after_the_last_stop_goes(glued):
    assert_only_the_article_stays(glued)


@pytest.mark.parametrize("ending", [
    " The new filters will be switched on by 7 December.",
    # "May" and "March" are verbs too: months after a day's number
    " The new filters will be switched on by 9 May.",
])
def test_a_headline_glued_after_a_month_name_goes(ending):
    # a month's name ends a sentence as a lower-case word does
    assert_only_the_headline_goes(ending, "Marlow Creek council approves bond for new reservoir intake")


def test_a_headline_glued_after_a_closing_quote_goes_and_the_quote_stays():
    quote = ' The mayor said: "The filters will pay for themselves. And the water will be clear."'
    assert_only_the_headline_goes(quote, "Orchard owners race to beat the summer heat")


@pytest.mark.parametrize("ending, glued", [
    (" Tours of the plant start at 7pm.", "Harbour rowing club signs new coach on two-year deal"),
    (" The filters were made in Chicago.", "Why Is Everyone Suddenly Buying Rowing Machines?"),
    (" The next test is on Friday week.", "LIVE: Quayside v Harbour, second day of four"),
    (' The engineer called it "a job well done".', "Is it time to fix your mortgage rate before the summer"),
])
def test_a_headline_glued_after_a_time_a_name_or_a_quote_goes(ending, glued):
    assert_only_the_headline_goes(ending, glued)


@pytest.mark.parametrize("glued", [
    "Storm over the county. Firefighters called out 40 times",  # a headline of two sentences
    "VIDEO Warehouse fire on the ring road. Six crews attend",
])
def test_a_headline_of_two_sentences_glued_with_no_space_goes_whole(glued):
    assert_only_the_headline_goes(' The engineer said: "The water will be clear by the autumn."', glued)


def test_a_lone_prose_sentence_before_a_headline_glued_with_no_space_stays():
    # the glue cuts the headline whatever its topic; the sentence before it is judged as
    # if the headline were not there, and a lone one in the shape of prose stays
    assert_only_the_headline_goes(" The next open day in the series is on 28 July, when bookings close on Wednesday.",
                                  "Police appeal after van driver clips cyclist on bypass")


def test_a_sentence_run_on_with_a_missing_space_stays_when_it_shares_the_articles_topic():
    # the same shape, but the two sentences are about the filters: a typo, not a headline
    ending = " The membrane filters arrive in June.The council filters contract is signed. Work starts soon"
    assert strip(ARTICLE + ending + "\n") == (ARTICLE + ending + "\n", ())


def test_a_czech_or_german_closing_quote_before_a_capital_is_glue():
    # „…“ closes with “: "…kormorány.“Na silnici…" runs two texts together as "…done."Next" does
    line = "přežije i kormorány.“Na silnici se srazila dvě auta"
    assert _glued_without_space(line, line.index("Na"))
    assert not _glued_without_space("the end.“ Na", len("the end.“ "))


@pytest.mark.parametrize("ending", [
    " Crews moved to St.Louis afterwards.",  # an abbreviation's stop is no glue
    " Crews moved to U.S.Navy yards afterwards.",  # nor an initial's
    " The clarifier was last rebuilt in 1994.Officials expect another rebuild in 2030.",  # same topic
])
def test_a_stop_without_a_space_is_only_glue_after_a_lowercase_word_and_off_topic(ending):
    assert strip(ARTICLE + ending + "\n") == (ARTICLE + ending + "\n", ())


def test_a_labelled_headline_with_its_sites_name_and_a_road_called_i_80_go():
    assert_only_the_article_stays(" Watch: Crews clear a jackknifed truck on I-80 | Channel 6 News."
                                  " Here are the ten most stolen bikes of the year.")


def test_a_closing_i_is_still_the_pronoun():
    from cleaner.steps.trailing_headlines import kept_by_shape
    assert kept_by_shape("Nobody was told except I")
    assert not kept_by_shape("Crews clear a truck on I-80 near Reno")


@pytest.mark.parametrize("run_on", [
    # shares one name with the article (the reservoir's): every local headline would
    " Hollis library to extend its weekend hours in November",
    # a name of two words the article uses is still one name
    " Rita Osei to chair the county's new transport board",
    # a "Label: value" run on after a stop is no list item
    " Weekend guide: Harbour Festival returns with forty stalls",
    # one specific shared word ("towns"); a long word used once is not specific in a run-on
    " Longer library hours planned for the summer in neighboring towns",
    # a related headline from the same section: three specific shared words are not enough
    " Marlow Creek council approves bond for new reservoir intake",
])
def test_a_run_on_headline_needs_four_specific_shared_words_to_stay(run_on):
    assert_only_the_article_stays(run_on)


@pytest.mark.parametrize("ending", [
    # the same sentence with its stop: one shared name is topic enough
    " The Hollis library will extend its weekend hours in November.",
    # a run-on sentence that shares several specific words stays
    " Engineers expect the membrane filters at the plant by August",
    # on its own line, a "Label: value" is a list item
    "\nWeekend guide: Harbour Festival returns with forty stalls",
    # a press release's contact run on after its last sentence is no headline
    " Media contact Dana Whitfield, town clerk dana.whitfield@example.org",
])
def test_a_closing_with_its_stop_or_real_topic_or_its_own_line_stays(ending):
    assert strip(ARTICLE + ending + "\n")[1] == ()


def test_a_run_on_headline_addressing_the_reader_goes():
    # "your" is the reader, not someone in the article: no pronoun pointing back
    assert_only_the_article_stays(" Five reasons your garden needs a frost plan before December")


def test_a_run_on_headlines_own_pronoun_late_in_it_points_nowhere_back():
    # "them" is the cats: a pronoun pointing back into the article opens the sentence
    assert_only_the_article_stays(" Study finds cats know their names, but often choose to ignore them")
    closing = " They will meet again in spring to decide it"
    assert strip(ARTICLE + closing + "\n")[1] == ()


def test_a_run_on_line_with_a_web_address_is_no_headline():
    closing = " For more information, please visit www.marlowcreek.example"
    assert strip(ARTICLE + closing + "\n")[1] == ()
    # a line of markup with a script's address is no contact line
    markup = '\n\n<![if lt IE 4]> <script src="http://ads.example/serve;ID=1" type="text/javascript"> </script>'
    assert strip(ARTICLE + markup + "\n")[0] == ARTICLE + "\n"


def test_the_reader_pronoun_still_keeps_a_closing_with_its_stop():
    closing = " Residents who want to know what it means for your bill can call the finance office."
    assert strip(ARTICLE + closing + "\n")[1] == ()


def test_a_run_on_headline_goes_from_a_shorter_document_than_other_cuts_need():
    brief = "\n\n".join(ARTICLE.split("\n\n")[:4])  # 163 words: under the 250 a cut needs
    out, edits = strip(brief + " Orchard owners in Tucson race to beat the summer heat\n")
    assert out == brief + "\n" and [e.rule for e in edits] == ["trailing-headlines.off-topic"]
    # the same headline with its stop is judged as any sentence is, and so is left there
    assert strip(brief + " Orchard owners in Tucson race to beat the summer heat.\n")[1] == ()
    # and a document under RUN_ON_MIN_WORDS is left alone
    first = ARTICLE.split("\n\n")[0]
    assert strip(first + " Orchard owners in Tucson race to beat the summer heat\n")[1] == ()


@pytest.mark.parametrize("credit", [
    "(Reporting by Ines Okafor; Editing by Paul Brand)",
    "(Additional reporting by Lena Voss in Berlin; Writing by Omar Said)",
    "Priya Nandakumar contributed to this report.",
    "— With files from the Harbour Wire Service",
    "(With inputs from agencies)",
])
def test_an_agency_credit_before_glued_headlines_stays(credit):
    text = ARTICLE + "\n" + credit + "\n" + "\n".join(HEADLINES[:2]) + "\n"
    out, edits = strip(text)
    assert out == ARTICLE + "\n" + credit + "\n"
    assert_fixpoint(out)


def test_a_headline_glued_before_an_agency_credit_goes_and_the_credit_stays():
    credit = "(Reporting by Ines Okafor; Editing by Paul Brand)"
    text = ARTICLE + " Orchard owners race to beat the summer heat in Tucson\n" + credit + "\n" + HEADLINES[1] + "\n"
    out, edits = strip(text)
    assert out == ARTICLE + "\n" + credit + "\n"
    assert [e.rule for e in edits] == ["trailing-headlines.off-topic"] * 2
    assert_fixpoint(out)


@pytest.mark.parametrize("credit,headline", [
    # the credit closes the article: what follows it on its line is glued on, even
    # a headline sharing the article's names and words
    ("Priya Nandakumar contributed to this report.", "Marlow Creek council to vote on the Hollis reservoir filters"),
    ("Mit Material von dpa.", "Marlow Creek council to vote on the Hollis reservoir filters"),
    # no stop between the credit's ")" and the headline: the credit is a sentence of its own
    ("(Reporting by Ines Okafor; additional reporting by Carl Moss)",
     "Price of rice to drop by five pesos per kilo by October, officials say"),
])
def test_a_headline_run_on_after_the_credit_on_its_line_goes_whatever_its_topic(credit, headline):
    for glue in (" ", ""):  # with a space, or none at all
        text = ARTICLE + "\n" + credit + glue + headline + "\n"
        out, edits = strip(text)
        assert out == ARTICLE + "\n" + credit + "\n"
        assert [e.rule for e in edits] == ["trailing-headlines.off-topic"]
        assert_fixpoint(out)
    # a credit with nothing after it, or one that ends the line, is left as it is
    assert strip(ARTICLE + "\n" + credit + "\n")[1] == ()


POLISH = (
    "Rada miasta przyjęła w czwartek budżet na przyszły rok. Za głosowało dwudziestu radnych, przeciw było "
    "siedmiu, a trzech wstrzymało się od głosu. Największą inwestycją będzie nowy basen przy szkole podstawowej "
    "numer cztery, który ma kosztować czterdzieści dwa miliony złotych i zostać otwarty jesienią.\n\n"
    "Opozycja krytykuje rosnące zadłużenie. Radni klubu obywatelskiego zgłosili dwadzieścia trzy poprawki, "
    "między innymi rezygnację z budowy basenu na rzecz remontów dróg osiedlowych. Żadna z nich nie przeszła.\n\n"
    "Mieszkańcy, z którymi rozmawialiśmy po sesji, byli podzieleni. Inni pytali o podwyżki cen biletów "
    "komunikacji miejskiej, które wejdą w życie od lutego.\nBilet jednorazowy zdrożeje z 4 do 4,60 zł."
)


def test_in_a_language_other_than_english_only_sentences_shaped_like_headlines_go():
    # the topic and prose evidence is English: Polish sentences sharing few stems with the
    # article are not judged off-topic for that; the run-on headline with no stop still goes
    out, edits = run_step(StripTrailingHeadlines(min_words=60),
                          POLISH + " Droga krajowa nr 11 zablokowana w obu kierunkach\n")[:2]
    assert out == POLISH + "\n"
    assert [e.rule for e in edits] == ["trailing-headlines.off-topic"]
    assert run_step(StripTrailingHeadlines(min_words=60), out)[1] == ()


GERMAN = (
    "Der Verein hat das Freibad im Mai zum zweiten Mal geöffnet. Die Stadt hatte das Bad im Jahr 2023 "
    "schließen wollen, weil die Technik nicht mehr zu retten schien und die Kosten aus dem Ruder liefen.\n\n"
    "Seitdem kümmern sich vierzig Ehrenamtliche um die Kasse, den Kiosk und die Reinigung. Nicht alles "
    "läuft rund: Die Filteranlage fiel im Juli für drei Tage aus, und die Wasserrechnung war höher als "
    "geplant. Trotzdem kamen in diesem Sommer mehr Gäste als in den letzten Jahren vor der Schließung.\n\n"
    "Die Vorsitzende sagt, dass der Verein für den Winter neue Mitglieder sucht, die bei der Sanierung der "
    "Umkleiden helfen. Auch die Stadt will sich an den Kosten beteiligen, aber nicht an der Organisation.\n\n"
    "„Solange die Leute kommen“, sagt sie, „machen wir weiter.“"
)


@pytest.mark.parametrize("text,glued", [
    (GERMAN, "Scheunenbrand bei Grebenau: Polizei schließt Brandstiftung nicht aus"),  # after „...“
    (POLISH.replace("4,60 zł.", "4,60 zł, mówią «to za dużo»."), "Droga krajowa nr 11 zablokowana w obu kierunkach"),  # after «...».
    (POLISH + " «Trzeba czekać. »", "Wypadek na obwodnicy koło Radomia"),  # after a space and »
])
def test_a_headline_glued_after_a_foreign_quote_goes_and_the_quote_stays(text, glued):
    # the article's function words ("nicht", "aus", "bei") shared with the headline are no topic
    out, edits = run_step(StripTrailingHeadlines(min_words=60), text + glued + "\n")[:2]
    assert out == text + "\n"
    assert [e.rule for e in edits] == ["trailing-headlines.off-topic"]


def test_a_foreign_closing_quote_ends_a_sentence_that_stays():
    out, edits = run_step(StripTrailingHeadlines(min_words=60), GERMAN + "\n")[:2]
    assert out == GERMAN + "\n" and edits == ()


def test_a_headline_glued_with_no_space_goes_even_on_topic():
    # it shares "treatment", "plant" and "filters" with the article: the missing space is the evidence
    text = ARTICLE.rstrip(".") + ".Treatment plant filters fail again in neighbouring Hollis County\n"
    out, edits = strip(text)
    assert out == ARTICLE + "\n"
    assert [e.rule for e in edits] == ["trailing-headlines.off-topic"]


def test_a_question_glued_with_no_space_stays():
    text = ARTICLE.rstrip(".") + ".Why did the old filters fail?\n"
    assert strip(text)[0] == text


def test_day_and_month_names_do_not_make_a_closing_sentence_title_case():
    ending = " Questions? Pop into any of our branches. Lines are open 8am to 8pm Monday to Friday and 9am to 1pm on Saturdays."
    out, edits = strip(ARTICLE + ending + "\n")
    assert edits == ()
    assert_only_the_article_stays(" Storm Closes Coastal Road Until Monday Morning")


BOX = ("\nThe Marlow Creek plant is open for tours on the first Saturday of each month; book a place at "
       "the town hall. Tours last ninety minutes.\nMedia enquiries: town press office, 01632 960 123\n")


@pytest.mark.parametrize("glued", [
    "Harbour rowing club signs new coach on two-year deal",
    "Treatment plant filters fail again in neighbouring Hollis County",  # on topic: the missing space tells
])
def test_a_headline_glued_with_no_space_goes_when_a_box_under_it_stops_the_walk(glued):
    out, edits = strip(ARTICLE + glued + BOX)
    assert out == ARTICLE + BOX
    assert [e.rule for e in edits] == ["trailing-headlines.glued"]
    assert_fixpoint(out)


@pytest.mark.parametrize("ending", [
    " Harbour rowing club signs new coach on two-year deal",  # a space after the stop: judged by the walk
    ".Why did the old filters fail?",  # a question: prose
    " Crews moved to St.Louis afterwards.",  # an abbreviation's stop is no glue
])
def test_above_a_box_only_a_headline_glued_with_no_space_goes(ending):
    text = ARTICLE.rstrip(".") + "." + ending.lstrip(".") if ending.startswith(".") else ARTICLE + ending
    assert strip(text + BOX) == (text + BOX, ())


ARABIC = (
    "أقر المجلس البلدي في المدينة يوم الثلاثاء خطة جديدة لتحديث شبكة المياه القديمة، بعد نقاش طويل "
    "استمر أكثر من عامين حول طريقة تمويل المشروع وتوزيع تكاليفه على السكان.\n\n"
    "وقال رئيس المجلس إن الأنابيب الحالية تعود إلى سبعينيات القرن الماضي، وإن التسربات المتكررة تسببت "
    "في انقطاع المياه عن عدة أحياء خلال الصيف الماضي، مما أثار غضب الأهالي.\n\n"
    "وتبلغ كلفة المشروع نحو عشرين مليون دولار، تغطي الحكومة نصفها عبر منحة خاصة، فيما يأتي الباقي "
    "من قرض طويل الأجل وافق عليه المجلس بأغلبية ضئيلة.\n\n"
    "وأوضح مهندس البلدية أن الأشغال ستبدأ في الأحياء الشمالية حيث تسجل أعلى نسب التسرب، ثم تنتقل "
    "تدريجيا إلى وسط المدينة، على أن يتم إبلاغ السكان مسبقا بمواعيد قطع المياه.\n\n"
    "وأضاف أن الشبكة الجديدة ستعتمد على أنابيب بلاستيكية مقاومة للتآكل، مع تركيب عدادات ذكية في المنازل "
    "تسمح برصد الاستهلاك وكشف الأعطال بسرعة أكبر من النظام الحالي.\n\n"
    "في المقابل، انتقد عدد من أعضاء المعارضة في المجلس حجم القرض، معتبرين أن البلدية كان عليها البحث "
    "عن مصادر تمويل أخرى قبل تحميل السكان أعباء إضافية على فواتيرهم الشهرية.\n\n"
    "ورد رئيس المجلس بأن تأجيل المشروع سيكلف المدينة أكثر على المدى البعيد، مشيرا إلى أن إصلاح "
    "التسربات الطارئة كلف البلدية العام الماضي وحده ما يقارب مليوني دولار.\n\n"
    "ومن المنتظر أن تعلن البلدية خلال الأسابيع المقبلة عن اسم الشركة التي ستتولى تنفيذ الأشغال، بعد "
    "دراسة العروض التي تقدمت بها ست شركات محلية ودولية.\n\n"
    "كما تعهدت البلدية بنشر تقارير شهرية عن تقدم الأشغال على موقعها الإلكتروني، وبفتح خط هاتفي خاص "
    "لاستقبال شكاوى السكان خلال فترة التنفيذ.\n\n"
    "وقالت إحدى الساكنات في الحي القديم: \"ننتظر هذا اليوم منذ سنوات طويلة، ونأمل أن تنتهي الأشغال "
    "قبل الصيف المقبل\".")


def test_a_headline_glued_with_no_space_in_a_script_without_capitals_goes():
    # Arabic has no capitals: a word of the script right after the stop is the glue
    out, edits = strip(ARABIC + "ارتفاع أسعار الوقود للمرة الثالثة هذا العام\n")
    assert out == ARABIC + "\n"
    assert [e.rule for e in edits] == ["trailing-headlines.off-topic"]
    # with a space after the stop, the same words are a sentence too short to judge
    assert strip(ARABIC + " ارتفاع أسعار الوقود\n")[1] == ()


# Short articles in scripts other than Latin and Arabic, each with a headline glued to its
# last stop; the step is built to judge text this short (min_words).
GLUED_ARTICLES = [
    ("Арбитражный суд области удовлетворил иск жильцов дома на улице Гагарина, которые больше года "
     "оспаривали начисления за отопление.\n\nКак следует из материалов дела, компания начисляла плату по "
     "нормативу, хотя в доме установлен общий прибор учёта тепла.\n\nЖильцы тем временем уже готовят новый "
     "иск о взыскании неустойки за весь период переплаты.", "В Заречном районе на две недели отключат горячую воду"),
    ("Το υπουργείο Παιδείας ανακοίνωσε αλλαγές στην εξεταστέα ύλη για τις πανελλαδικές εξετάσεις του "
     "επόμενου έτους.\n\nΟι μαθητές της τρίτης λυκείου θα εξεταστούν κανονικά με την ισχύουσα ύλη από τις "
     "29 Μαΐου.\n\nΟι αναλυτικές οδηγίες για κάθε μάθημα αναμένεται να σταλούν στα σχολεία έως τα τέλη "
     "Ιουνίου.", "Καύσωνας: Κλειστά τα σχολεία σε τρεις περιφέρειες"),
    ("भारतीय महिला हॉकी टीम ने एशियन चैंपियंस ट्रॉफी के सेमीफाइनल में जगह बना ली है।\n\nटीम ने लीग चरण के "
     "सभी मुकाबले जीते और कुल सत्रह गोल किए।\n\nटीम प्रबंधन ने बताया कि डिफेंडर रितिका सैनी को टखने में हल्की चोट "
     "आई है और उनकी फिटनेस पर अगले मैच से पहले फैसला लिया जाएगा।", "IPL नीलामी: इन पांच खिलाड़ियों पर लग सकती है सबसे बड़ी बोली"),
    ("محکمہ صحت کے مطابق صوبے میں ڈینگی کے نئے کیسز میں گزشتہ ہفتے کے دوران اضافہ دیکھا گیا ہے۔\n\n"
     "شہریوں کو ہدایت کی گئی ہے کہ وہ گھروں میں پانی جمع نہ ہونے دیں اور مچھر دانی استعمال کریں۔\n\n"
     "محکمہ صحت نے خبردار کیا ہے کہ اگر احتیاط نہ کی گئی تو کیسز کی تعداد مزید بڑھ سکتی ہے۔",
     "معروف اداکارہ کی شادی کی تصاویر سوشل میڈیا پر وائرل"),
]


@pytest.mark.parametrize("article,headline", GLUED_ARTICLES)
def test_a_headline_glued_with_no_space_in_cyrillic_greek_hindi_or_urdu_goes(article, headline):
    # Cyrillic and Greek capitals (a one-letter word too), Hindi's and Urdu's own stops, and
    # Hindi's vowel signs on the last word before the stop
    out, edits, _ = run_step(StripTrailingHeadlines(min_words=30), article + headline + "\n")
    assert out == article + "\n"
    assert len(edits) == 1 and edits[0].rule in ("trailing-headlines.off-topic", "trailing-headlines.glued")
    assert run_step(StripTrailingHeadlines(min_words=30), out)[1] == ()
