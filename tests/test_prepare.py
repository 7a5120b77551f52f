"""`Cleaner.prepare`: what a worker loads up front, and that loading it changes no output."""
from cleaner import vocabulary
from cleaner.api import Cleaner
from cleaner.steps import detect_language, strip_debris
from conftest import SEEDS


def test_prepare_loads_the_profiles_word_lists_and_rules_the_steps_load_lazily():
    detect_language._factory.cache_clear()
    strip_debris._SHARED.clear()
    cleaner = Cleaner()
    assert detect_language._factory.cache_info().currsize == 0
    assert cleaner.prepare() is cleaner
    assert detect_language._factory.cache_info().currsize == 1
    assert {"_in_order", "_backwards_in_order"} <= set(vocabulary.english().__dict__)
    stripper = next(step for step in cleaner.steps if step.name == "strip-debris")
    assert stripper._index is not None
    assert {lifting for _, lifting in strip_debris._SHARED} == {False, True}  # main-text's header rules too


def test_a_prepared_cleaner_writes_what_an_unprepared_one_writes():
    seeds = sorted(SEEDS.glob("*.txt"))
    html = (b"<html><head><title>Rates held</title></head><body><nav>Home | World</nav><article>"
            b"<p>The central bank held its rate at four per cent on Tuesday, as most economists "
            b"had expected after a quarter of slowing prices.</p></article></body></html>")
    sources = [(p.read_bytes(), p.name) for p in seeds] + [(html, "page.html")]
    lazy = [Cleaner().clean_bytes(raw, name).record for raw, name in sources]
    prepared = Cleaner().prepare()
    assert [prepared.clean_bytes(raw, name).record for raw, name in sources] == lazy
