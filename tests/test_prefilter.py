"""The rules' prefilter: what a pattern requires, and that skipping by it never skips a match."""
import re
import sys
from pathlib import Path

import pytest

from cleaner.prefilter import DIGIT, LiteralIndex, fold, required_literals
from cleaner.rules import load_rulebook
from cleaner.steps.strip_debris import StripDebris
from conftest import SEEDS

RULEBOOK = load_rulebook()
CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("pattern,required", [
    (r"(?:un)?subscribe now", {"subscribe now"}),
    (r"Read (?:more|next)", {"read "}),  # of equal strength, the requirement of fewer strings
    (r"(?:Photo|Image) ?[/:©] ?\w+", {"photo", "image"}),
    (r"[Bb]y [A-Z]\w+", {"by "}),  # a class of one letter in two cases is that letter
    (r"\d{1,2}:\d\d [ap]m", {DIGIT}),
    (r"[^\n]{0,200}[→›]", {"→", "›"}),
    (r"(?=[^\n]*unsubscribe)[^\n]{1,80}", {"unsubscribe"}),
    (r"©[^\n]{1,80}|(?:all )?rights reserved", {"©", "rights reserved"}),
    (r"(?!said)\w+ ago", {" ago"}),  # a negative lookahead requires nothing
    (r"(?:a|more) news", {" news"}),  # "a" is in too many lines to count
    (r"(?:a|an) [A-Z]\w+", None),
    (r"[A-Z][a-z]+ [A-Z][a-z]+", None),
    (r"(?:x|y)?z", None),
])
def test_required_strings_of_a_pattern(pattern, required):
    assert required_literals(re.compile(pattern, re.IGNORECASE)) == required


def test_a_lookahead_counts_only_where_it_stays_on_the_line():
    regex = re.compile(r"(?=[^\n]*\bsponsored\b)[\w ]{1,40}")
    assert required_literals(regex) == {"sponsored"}
    assert required_literals(regex, lookahead=False) is None
    # a negative lookahead and a lookbehind require nothing
    assert required_literals(re.compile(r"(?<=ad: )(?!free)[\w ]+")) is None


def test_fold_makes_one_what_the_regex_engine_holds_equal_ignoring_case():
    for code in range(0x10000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        pattern = re.compile(re.escape(char), re.IGNORECASE)
        for other in {char.lower(), char.upper(), char.casefold(), char.title()}:
            if len(other) == 1 and pattern.fullmatch(other):
                assert fold(char) == fold(other), (char, other)
    assert fold("İSTANBUL") == fold("istanbul") and fold("ſubscribe") == "subscribe"


def test_the_index_names_every_rule_that_could_take_the_line():
    index = LiteralIndex([frozenset({"newsletter"}), None, frozenset({"read", "read more"}),
                          frozenset({DIGIT}), frozenset({"more"})])
    assert index.candidates("Sign up for our NEWSLETTER") == (0, 1)
    assert index.candidates("Read more") == (1, 2, 4)  # "read more" stands for "read" and "more"
    assert index.candidates("Updated 3 hours ago") == (1, 3)
    assert index.candidates("Arabic-Indic ٣") == (1, 3)  # \d is any decimal digit


def _lines() -> list[str]:
    """Lines that rules take and lines they must keep: every rule's examples, the seeds
    and the golden cases of the steps."""
    texts = [example.input for rule in RULEBOOK.rules for example in rule.examples]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(CASES.rglob("*.in.txt"))]
    return sorted({line for text in texts for line in text.split("\n") if line.strip()})


def test_skipping_by_the_prefilter_never_skips_a_rule_that_takes_the_line():
    stripper = StripDebris(RULEBOOK)
    lines, matched = _lines(), 0
    for line in lines:
        candidates = set(stripper._candidates(line))
        for i, rule in enumerate(stripper.line_rules):
            match = rule.regex.match(line)
            if match and match.end() == len(line) and len(line.split()) <= rule.max_words:
                matched += 1
                assert i in candidates, f"{rule.id} takes {line!r} but the prefilter skips it"
    assert matched > 500  # the examples of the line rules alone take more than this
    # ... and the shortcut is real: a line of prose is tried against few of the rules
    prose = "The council voted on Tuesday to keep the ferry running through the winter months."
    assert len(stripper._candidates(prose)) < len(stripper.line_rules) / 8


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))


# Line rules whose lookarounds read past their own line (the line above a credit, the
# headlines under a heading). For them the prefilter cannot use what a lookahead requires,
# and a rule that requires nothing else is tried on every line: a `\s` written in a new
# pattern's lookahead where a space was meant made one rule three times as slow.
READS_OTHER_LINES = {
    "bylines.byline", "captions.above-credit", "navigation.pipe-bar", "navigation.section-link-head",
    "navigation.section-link-tail", "share.network-name-head", "share.network-name-tail",
    "sidebars.word-head", "sidebars.word-tail", "teasers.label-line",
}


def test_only_the_known_line_rules_read_past_their_line():
    from cleaner.steps.strip_debris import LINE_SCOPES, _looks_across_lines

    found = {rule.id for rule in RULEBOOK.rules if rule.scope in LINE_SCOPES and _looks_across_lines(rule)}
    assert found == READS_OTHER_LINES
