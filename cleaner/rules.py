"""The rulebook: declarative debris rules loaded from TOML files, and how they match.

One family per file (`rules/newsletter.toml`, ...). Each `[[rule]]` has an
`id`, a `scope`, `patterns` (Python regexes, literal strings), a `reason`, and
its own examples: `[[rule.change]]` inputs it must change (with `output`) and
`keep`, inputs it must leave alone. Word lists (`NAME.txt`, one entry a line)
beside the rule files are spliced into patterns as `{{NAME}}`.

Scopes:
- `line`: a pattern must match a whole line (surrounding spaces ignored); the
  line goes, with its newline. `max_words` (default 25) guards prose.
- `head` / `tail`: like `line`, but only before the first / after the last
  prose paragraph (a line of 10+ words ending like a sentence).
- `block`: a pattern may span lines; the match grows to whole lines.
- `inline`: only the matched text goes (or `replacement` replaces it).
Named groups `author`, `date`, `source`, `title` lift metadata. A whole-line
rule with `takes_list = true` is a heading of a box of links ("Related
stories", "More from X"): the headlines listed right under it go with it;
with `min_listed = N` the line goes only when N or more are listed (a word
such as "Trending" heads a box, or an article's own section).
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Sequence

from cleaner.errors import RuleFileError

SCOPES = ("line", "head", "tail", "block", "inline")
KINDS = ("remove", "replace")
RULE_FIELDS = {"id", "scope", "patterns", "reason", "kind", "replacement", "ignorecase", "enabled",
               "max_words", "change", "keep", "note", "takes_list", "min_listed"}
METADATA_GROUPS = ("author", "date", "source", "title")
LIST_REF = re.compile(r"\{\{([a-z][a-z0-9_-]*)\}\}")
DEFAULT_MAX_WORDS = 25
# A line rule may take its line after a few icons ("📲 Join our channel", "▶ Watch the
# trailer", "🏷 Tags: ..."): pictographs, dingbats, arrows and geometric shapes, which
# templates put before their widgets' labels and prose does not begin with.
ICON_PREFIX = ("(?:[\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff"
               "\U0001f000-\U0001faff\ufe0f]{1,4}[ \t]*)?")
# How a line rule's patterns are wrapped: the whole line, its icons and spaces aside.
LINE_WRAP = (r"^[ \t]*+" + ICON_PREFIX + "(?:", r")[ \t]*$")


@dataclass(frozen=True)
class Example:
    input: str
    output: str | None  # None: must stay unchanged


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    scope: str
    regex: re.Pattern
    reason: str
    kind: str = "remove"
    replacement: str = ""
    max_words: int = DEFAULT_MAX_WORDS
    examples: tuple[Example, ...] = field(default=(), repr=False)
    origin: str = ""
    takes_list: bool = False  # a heading: the headlines listed right under it go with it
    min_listed: int = 0  # a heading that is only one with this many headlines under it


@dataclass(frozen=True)
class Rulebook:
    rules: tuple[Rule, ...]
    digest: str


def shipped_rules_dir() -> Path:
    """`cleaner/rules` inside an installed wheel, else the repository's `rules/`."""
    packaged = resources.files("cleaner").joinpath("rules")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


def _fail(path: Path, rule_id: str, field_name: str, problem: str) -> RuleFileError:
    return RuleFileError(f"{path}: rule {rule_id or '?'}: field {field_name!r}: {problem}")


def _load_lists(folder: Path) -> dict[str, list[str]]:
    lists = {}
    for path in sorted(folder.glob("*.txt")):
        entries = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        lists[path.stem] = [e for e in entries if e and not e.startswith("#")]
    return lists


def trie_pattern(words: list[str], space: str = r"\s+") -> str:
    """A regex matching exactly `words` (a space matches `space`: any whitespace run), as a trie.

    A flat alternation of hundreds of names is tried name by name at every
    position; the trie branches on each character instead, so a position that
    starts no name fails at once. Optional tails are greedy, so the longest
    name wins where several match, as with longest-first alternation.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(space if char == " " else re.escape(char)) + emit(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"


def _splice(pattern: str, lists: dict[str, list[str]], path: Path, rule_id: str) -> str:
    def alternation(match: re.Match) -> str:
        name = match.group(1)
        if name not in lists:
            raise _fail(path, rule_id, "patterns", f"no word list {name}.txt beside the rule file")
        return trie_pattern(lists[name])
    return LIST_REF.sub(alternation, pattern)


def _compile(raw: dict, path: Path, lists: dict[str, list[str]]) -> re.Pattern:
    rule_id = raw.get("id", "")
    patterns = raw.get("patterns")
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
        raise _fail(path, rule_id, "patterns", "must be a non-empty list of strings")
    body = "|".join(f"(?:{_splice(p, lists, path, rule_id)})" for p in patterns)
    flags = re.MULTILINE | (re.IGNORECASE if raw.get("ignorecase", True) else 0)
    if raw.get("scope") in ("line", "head", "tail"):
        body = LINE_WRAP[0] + body + LINE_WRAP[1]
    try:
        regex = re.compile(body, flags)
    except re.error as exc:
        raise _fail(path, rule_id, "patterns", f"invalid regex: {exc}") from None
    if set(regex.groupindex) - set(METADATA_GROUPS):
        raise _fail(path, rule_id, "patterns",
                    f"named groups may only be {', '.join(METADATA_GROUPS)}")
    return regex


def _examples(raw: dict, path: Path, rule_id: str) -> tuple[Example, ...]:
    examples = []
    for item in raw.get("change", []):
        if not isinstance(item, dict) or not isinstance(item.get("input"), str) \
                or not isinstance(item.get("output"), str):
            raise _fail(path, rule_id, "change", "each entry needs string `input` and `output`")
        examples.append(Example(item["input"], item["output"]))
    keep = raw.get("keep", [])
    if not isinstance(keep, list) or not all(isinstance(k, str) for k in keep):
        raise _fail(path, rule_id, "keep", "must be a list of strings")
    examples.extend(Example(k, None) for k in keep)
    return tuple(examples)


def _rule(raw: dict, family: str, path: Path, lists: dict[str, list[str]]) -> Rule | None:
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not re.fullmatch(r"[a-z0-9-]+\.[a-z0-9.-]+", rule_id):
        raise _fail(path, str(rule_id or ""), "id", "must be a dotted id like family.what-it-matches")
    unknown = set(raw) - RULE_FIELDS
    if unknown:
        raise _fail(path, rule_id, sorted(unknown)[0], "unknown field")
    if raw.get("scope") not in SCOPES:
        raise _fail(path, rule_id, "scope", f"must be one of {', '.join(SCOPES)}")
    kind = raw.get("kind", "remove")
    if kind not in KINDS:
        raise _fail(path, rule_id, "kind", f"must be one of {', '.join(KINDS)}")
    if kind == "replace" and (raw["scope"] != "inline" or not isinstance(raw.get("replacement"), str)):
        raise _fail(path, rule_id, "replacement", "a replace rule is inline and needs a string replacement")
    if not isinstance(raw.get("reason"), str) or not raw["reason"].strip():
        raise _fail(path, rule_id, "reason", "must say why the match is debris")
    max_words = raw.get("max_words", DEFAULT_MAX_WORDS)
    if not isinstance(max_words, int) or max_words < 1:
        raise _fail(path, rule_id, "max_words", "must be a positive integer")
    takes_list = raw.get("takes_list", False)
    if not isinstance(takes_list, bool) or (takes_list and raw["scope"] not in ("line", "head", "tail")):
        raise _fail(path, rule_id, "takes_list", "must be true or false, and true only on a whole-line rule")
    min_listed = raw.get("min_listed", 0)
    if not isinstance(min_listed, int) or isinstance(min_listed, bool) or min_listed < 0 \
            or (min_listed and not takes_list):
        raise _fail(path, rule_id, "min_listed", "must be a count of headlines, on a rule that takes a list")
    regex = _compile(raw, path, lists)
    if not raw.get("enabled", True):
        return None
    return Rule(rule_id, family, raw["scope"], regex, raw["reason"].strip(), kind,
                raw.get("replacement", ""), max_words, _examples(raw, path, rule_id), str(path), takes_list,
                min_listed)


def load_file(path: Path, lists: dict[str, list[str]]) -> list[Rule]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"{path}: cannot read rule file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"{path}: not valid TOML: {exc}") from None
    family = data.get("family", path.stem)
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleFileError(f"{path}: `rule` must be an array of tables ([[rule]])")
    rules = [_rule(raw, family, path, lists) for raw in raw_rules]
    return [r for r in rules if r is not None]


def load_rulebook(folders: Sequence[Path] = (), *, shipped: bool = True) -> Rulebook:
    """Load the shipped rules, then each user folder; duplicate ids are an error.

    User rules are probed for catastrophic backtracking first (see regex_probe).
    """
    all_folders = ([shipped_rules_dir()] if shipped else []) + [Path(f) for f in folders]
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    digest = hashlib.sha256()
    for folder in all_folders:
        if not folder.is_dir():
            raise RuleFileError(f"{folder}: rule folder not found")
        lists = _load_lists(folder)
        for path in sorted(folder.glob("*.toml")):
            digest.update(path.read_bytes())
            for rule in load_file(path, lists):
                if rule.id in seen:
                    raise RuleFileError(f"{path}: rule {rule.id}: field 'id': already defined in {seen[rule.id]}")
                seen[rule.id] = str(path)
                rules.append(rule)
        for path in sorted(folder.glob("*.txt")):
            digest.update(path.read_bytes())
    _refuse_slow([r for r in rules if shipped_rules_dir() not in Path(r.origin).parents])
    return Rulebook(tuple(rules), digest.hexdigest()[:16])


def _refuse_slow(user_rules: list[Rule]) -> None:
    from cleaner.regex_probe import LIMIT, slow_rules

    slow = slow_rules([(r.id, r.regex.pattern, r.regex.flags) for r in user_rules])
    if slow:
        rule = next(r for r in user_rules if r.id == slow[0])
        raise RuleFileError(f"{rule.origin}: rule {rule.id}: field 'patterns': takes over {LIMIT:g} s on "
                            "a 100 KB hostile string (catastrophic backtracking: avoid nested or "
                            "overlapping quantifiers such as (a+)+ or (\\w+\\s?)*)")

