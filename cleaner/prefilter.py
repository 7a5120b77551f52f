"""Which rules a line can possibly match, found from the words the rules require.

Most debris rules need a word that few lines contain ("unsubscribe", "newsletter",
"©"). `required_literals` reads a compiled pattern's parse tree and returns a set
of strings of which every match contains at least one (`None` when it finds no
such set). `LiteralIndex` gathers the sets of many rules into one trie regex, so
that a single scan of a line names the rules that may take it; the others are
not tried. This is the prefilter of RE2 and Hyperscan, kept sound: a rule is
only skipped when it cannot match, so the answers are the same as trying every
rule, and faster because a line is read once instead of once per rule.

Case is folded the way `re.IGNORECASE` folds it (`fold`), so one index serves
case-sensitive and case-insensitive rules alike (for a case-sensitive rule the
folded test only admits more lines, never fewer).
"""
from __future__ import annotations

import functools
import re

from cleaner.rules import trie_pattern

# The regex engine's own parser and case table (private modules of the standard library:
# should they change, `required_literals` answers None and every rule is simply tried).
try:
    from re import _constants as sre, _parser as sre_parse
    from re._compiler import _EXTRA_CASES
except ImportError:  # pragma: no cover
    sre = sre_parse = None
    _EXTRA_CASES = {}

# A string of letters needs this many characters (spaces aside) to tell rules apart;
# a symbol few lines hold ("©", "@", "→", "|") is enough alone.
MIN_LETTERS = 2
COMMON_MARKS = set(" \t.,;:!?'\"()-–—’‘“”…")
# Stands for "a digit" (any the regex engine calls one) in a requirement.
DIGIT = "\\d"
DIGIT_STRENGTH = 1.5
SYMBOL_STRENGTH = 5
# More alternatives than this and the set tells little; the rule is tried on every line.
MAX_LITERALS = 400
ANY_DIGIT = re.compile(r"\d")

# Characters `re.IGNORECASE` holds equal beyond their lower case ("ı" and "i", "ſ" and "s",
# "ᲀ" and "в"): the regex engine's own table, each class mapped to one of its members. And
# the dot str.lower() adds after "i" for "İ", which the engine folds to plain "i".
_FOLD = {code: min((code, *others)) for code, others in _EXTRA_CASES.items() if min(others) < code}
_FOLD[0x307] = None


def fold(text: str) -> str:
    """`text` in lower case with the characters the regex engine holds equal made one."""
    return text.lower().translate(_FOLD)


def strength(literal: str) -> float:
    """How few lines hold `literal`, roughly: its letters, a rare symbol, or a digit; 0
    when it is too common to be worth a test."""
    if literal == DIGIT:
        return DIGIT_STRENGTH
    if any(not c.isalnum() and c not in COMMON_MARKS for c in literal):
        return SYMBOL_STRENGTH + len(literal)
    letters = len(literal.replace(" ", ""))
    return letters if letters >= MIN_LETTERS else 0


def _requirement(literals) -> frozenset[str] | None:
    found = frozenset(literals)
    if not found or len(found) > MAX_LITERALS or not all(map(strength, found)):
        return None
    return found


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements: stronger weakest string, then fewer strings."""
    if a is None or b is None:
        return a if b is None else b
    key = lambda req: (min(map(strength, req)), -len(req))  # noqa: E731
    return a if key(a) >= key(b) else b


def _char(op, arg) -> str | None:
    """The one character (folded) a node matches, if it matches one only: "b" for [Bb]."""
    if op is sre.LITERAL:
        return fold(chr(arg))
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in arg):
        chars = {fold(chr(code)) for _, code in arg}
        if len(chars) == 1:
            return chars.pop()
    return None


def _sequence(items, lookahead: bool) -> frozenset[str] | None:
    best, run = None, []
    for op, arg in list(items) + [(None, None)]:
        char = _char(op, arg) if op is not None else None
        if char is not None and len(char) == 1:
            run.append(char)
            continue
        if run:
            best = _better(best, _requirement(["".join(run)]))
            run = []
        if op is not None:
            best = _better(best, _node(op, arg, lookahead))
    return best


def _node(op, arg, lookahead: bool) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(arg[-1], lookahead)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(arg, lookahead)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) or op is getattr(sre, "POSSESSIVE_REPEAT", None):
        low, _, item = arg
        return _sequence(item, lookahead) if low >= 1 else None
    if op is sre.BRANCH:
        found: set[str] = set()
        for branch in arg[1]:
            required = _sequence(branch, lookahead)
            if required is None:
                return None
            found |= required
        return _requirement(found)
    if op is sre.IN:
        return _class(arg)
    if op is sre.ASSERT and lookahead and arg[0] == 1:
        return _sequence(arg[1], lookahead)
    return None


def _class(items) -> frozenset[str] | None:
    """A character class as a requirement: its characters ("[→›]"), or a digit ("\\d", "[0-9]")."""
    if all(kind is sre.LITERAL for kind, _ in items):
        return _requirement(fold(chr(code)) for _, code in items)
    digits = ((sre.CATEGORY, sre.CATEGORY_DIGIT), (sre.RANGE, (48, 57)))
    if all(item in digits for item in items):
        return frozenset({DIGIT})
    return None


def required_literals(regex: re.Pattern, lookahead: bool = True) -> frozenset[str] | None:
    """Folded strings of which every match of `regex` contains one, or None.

    With `lookahead`, what a positive lookahead requires counts too: right for a
    pattern whose lookaheads stay on the line being matched, wrong for one that
    reads the lines after it.
    """
    return _required(regex.pattern, regex.flags, lookahead)


@functools.lru_cache(maxsize=1024)  # a rule's answer serves every stripper built on it
def _required(pattern: str, flags: int, lookahead: bool) -> frozenset[str] | None:
    if sre_parse is None:  # pragma: no cover
        return None
    try:
        parsed = sre_parse.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - a parser change only costs the shortcut
        return None
    return _sequence(list(parsed), lookahead)


class LiteralIndex:
    """Rules by the strings they require: `candidates(line)` names, in order, the rules
    that may match somewhere in `line` (every rule without a requirement among them)."""

    def __init__(self, requirements: list[frozenset[str] | None]):
        self.always = frozenset(i for i, req in enumerate(requirements) if req is None)
        self.digit_rules = frozenset(i for i, req in enumerate(requirements) if req and DIGIT in req)
        by_literal: dict[str, set[int]] = {}
        for i, req in enumerate(requirements):
            for literal in (req or set()) - {DIGIT}:
                by_literal.setdefault(literal, set()).add(i)
        # The scan reports the longest string starting at each place: it stands for
        # every shorter one it begins with.
        self.rules_of = {literal: frozenset().union(*(by_literal.get(literal[:end], ())
                                                       for end in range(1, len(literal) + 1)))
                         for literal in by_literal}
        trie = trie_pattern(sorted(by_literal), space=" ") if by_literal else "(?!)"
        self.scan = re.compile(f"(?=({trie}))", re.DOTALL)

    def candidates(self, line: str) -> tuple[int, ...]:
        found = set(self.always)
        if self.digit_rules and ANY_DIGIT.search(line):
            found |= self.digit_rules
        for literal in set(self.scan.findall(fold(line))):
            found |= self.rules_of[literal]
        return tuple(sorted(found))

