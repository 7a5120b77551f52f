"""The chain: which steps run, in which order, and the runner that applies their edits.

Order is behaviour, so it lives in one tuple, `CHAIN`. Decoding (bytes to
text) happens before it, in `cleaner.steps.decode`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from time import perf_counter
from types import MappingProxyType
from typing import Any, Callable, Mapping, Sequence

from cleaner.edits import Edit, apply_edits, check_edits
from cleaner.errors import CleanerError, StepError, UsageError
from cleaner.steps.base import Context, Step
from cleaner.steps.comments import StripCommentThread
from cleaner.steps.corpus_repeats import StripCorpusRepeats
from cleaner.steps.detect_language import DetectLanguage
from cleaner.steps.extract_html import ExtractHtml
from cleaner.steps.feed_blocks import StripFeedBlocks
from cleaner.steps.main_text import StripOutsideMainText
from cleaner.steps.print_jumps import StripPrintJumps
from cleaner.steps.repeated_blocks import StripRepeatedBlocks
from cleaner.steps.teasers import StripRelatedTeasers
from cleaner.steps.title import LiftTitle
from cleaner.steps.trailing_headlines import StripTrailingHeadlines
from cleaner.steps.fix_encoding import FixEncoding
from cleaner.steps.fix_typos import FixTypos
from cleaner.steps.normalize_layout import NormalizeLayout, NormalizeNewlines
from cleaner.steps.strip_debris import shared_stripper

# name -> factory taking the settings mapping; the tuple order is the chain order.
CHAIN: tuple[tuple[str, Callable[[Mapping[str, Any]], Step]], ...] = (
    ("extract-html", lambda options: ExtractHtml(favor=options.get("html_favor", "precision"),
                                                 comments=options.get("html_comments", False))),
    ("fix-encoding", lambda options: FixEncoding()),
    ("normalize-newlines", lambda options: NormalizeNewlines()),
    # structural detectors first: the rules below would erase the headers and
    # repetitions they read
    ("teasers", lambda options: StripRelatedTeasers()),
    ("feed-blocks", lambda options: StripFeedBlocks()),
    ("repeated-blocks", lambda options: StripRepeatedBlocks()),
    ("comments", lambda options: StripCommentThread()),
    # a print edition's jump joins the story's two parts before main-text reads it
    ("print-jumps", lambda options: StripPrintJumps()),
    # main-text before the rules: the short chrome lines the rules remove are the
    # barriers it uses to find where the article starts and ends
    ("main-text", lambda options: StripOutsideMainText(header_rules=options.get("rulebook"))),
    ("strip-debris", lambda options: shared_stripper(options["rulebook"])),
    ("corpus-repeats", lambda options: StripCorpusRepeats()),
    ("title", lambda options: LiftTitle()),
    ("trailing-headlines", lambda options: StripTrailingHeadlines()),
    # language first: fix-typos runs only on documents judged English
    ("detect-language", lambda options: DetectLanguage(keep=options.get("languages", ()))),
    ("fix-typos", lambda options: FixTypos(rule_dirs=options.get("rule_dirs", ()))),
    ("normalize-layout", lambda options: NormalizeLayout()),
)

STEP_NAMES = tuple(name for name, _ in CHAIN)
# Steps that remove content (as opposed to repairing or laying it out): the over-removal
# guard in `cleaner.api` holds them back together.
REMOVAL_STEPS = frozenset({"teasers", "feed-blocks", "repeated-blocks", "comments", "print-jumps", "strip-debris",
                           "corpus-repeats", "main-text", "title", "trailing-headlines"})
# Steps that change nothing in their own output (f(f(x)) == f(x)): a later pass of the
# fixpoint skips one when its input is what it produced in the pass before.
# ftfy and the typo fixer are not among them: a repair can make another one possible
# (a fixed word is new evidence on the page), which the next pass must get to make.
# Any step is also skipped when it is given the very text on which it did nothing in
# the pass before (no edit, no metadata), with the same values of the metadata it
# reads (its `reads`): being deterministic, it would do nothing again.
SETTLED_STEPS = frozenset({"normalize-newlines", "normalize-layout"})
# Steps later passes do not run: the page is extracted once (a later pass reads its
# text, which a file name ending in .html would pass off as a page again), and the
# language is judged once (metadata found first wins).
FIRST_PASS_ONLY = frozenset({"extract-html", "detect-language"})


@dataclass(frozen=True)
class StepRun:
    """What one step did: its checked edits, the texts they replaced, metadata found."""

    name: str
    edits: tuple[Edit, ...]
    removed: tuple[str, ...]
    metadata: Mapping[str, Any] = field(default_factory=dict)
    pass_number: int = 1  # 2 and up: a run on the chain's own output (see run_to_fixpoint)


@dataclass(frozen=True)
class ChainResult:
    text: str
    runs: tuple[StepRun, ...]
    metadata: Mapping[str, Any]
    dropped: str | None = None
    removal_input: str | None = None  # the text as the first removal step received it
    # each step's no-op: a text it changes nothing in, with the metadata it read there
    noops: Mapping[str, tuple[str, tuple[Any, ...]]] = field(default_factory=dict)


def select_steps(only: Sequence[str] | None = None, skip: Sequence[str] = ()) -> tuple[str, ...]:
    """Step names to run, in chain order; unknown names are a usage error."""
    for name in list(only or ()) + list(skip):
        if name not in STEP_NAMES:
            raise UsageError(f"unknown step {name!r}; known steps: {', '.join(STEP_NAMES)}")
    chosen = [n for n in STEP_NAMES if (not only or n in only) and n not in skip]
    return tuple(chosen)


def build_steps(names: Sequence[str], options: Mapping[str, Any]) -> tuple[Step, ...]:
    factories = dict(CHAIN)
    return tuple(factories[name](options) for name in names)


def run_chain(text: str, steps: Sequence[Step], source: str = "<text>",
              options: Mapping[str, Any] | None = None,
              metadata: Mapping[str, Any] | None = None,
              corpus: Mapping[str, Any] | None = None,
              timings: dict[str, float] | None = None,
              settled: Mapping[str, tuple[str, tuple[Any, ...]]] | None = None) -> ChainResult:
    """Run each step on the previous step's output, checking and applying its edits.

    A step is skipped when `settled` maps its name to the text it is given and the
    values of the metadata it reads: a no-op of the pass before (see `noops` in the
    result). With `timings`, each step's seconds (run, check and apply) are added to
    it by name.
    """
    found: dict[str, Any] = dict(metadata or {})
    frozen_options = MappingProxyType(dict(options or {}))
    frozen_corpus = MappingProxyType(dict(corpus or {}))
    runs = []
    removal_input = None
    noops: dict[str, tuple[str, tuple[Any, ...]]] = {}
    for step in steps:
        seen = tuple(found.get(key) for key in getattr(step, "reads", ()))
        if settled and settled.get(step.name) == (text, seen):
            noops[step.name] = (text, seen)
            continue
        if removal_input is None and step.name in REMOVAL_STEPS:
            removal_input = text
        context = Context(source=source, metadata=MappingProxyType(dict(found)),
                          options=frozen_options, corpus=frozen_corpus)
        started = perf_counter() if timings is not None else 0.0
        try:
            result = step.run(text, context)
            edits = check_edits(result.edits, len(text), step.name)
        except CleanerError:
            raise
        except Exception as exc:  # a bug in one step must not stop the corpus
            raise StepError(f"step {step.name} failed: {type(exc).__name__}: {exc}") from exc
        removed = tuple(text[e.start:e.end] for e in edits)
        runs.append(StepRun(step.name, edits, removed, dict(result.metadata)))
        for key, value in result.metadata.items():
            found.setdefault(key, value)
        if not edits and not result.metadata and not result.drop:
            noops[step.name] = (text, seen)
        text = apply_edits(text, edits)
        if step.name in SETTLED_STEPS:
            noops[step.name] = (text, seen)
        if timings is not None:
            timings[step.name] = timings.get(step.name, 0.0) + perf_counter() - started
        if result.drop:
            return ChainResult(text, tuple(runs), found, f"{step.name}: {result.drop}", removal_input, noops)
    return ChainResult(text, tuple(runs), found, None, removal_input, noops)


# A chain whose removals expose more debris (a line gone makes a widget's repetition
# visible) is run again on its own output; passes stop when nothing changes.
MAX_PASSES = 4


def run_to_fixpoint(text: str, steps: Sequence[Step], **kwargs) -> ChainResult:
    """Run the chain, then again on its output until a pass changes nothing.

    This is what makes cleaning a cleaned text change nothing. Later passes'
    runs are appended to the result with their pass number, so the record
    still replays and restores step by step. A later pass skips each settled
    step whose input is the text it produced in the pass before, and each step
    given the text it did nothing in (with the same metadata read): it would
    change nothing there. The first-pass-only steps do not run again: the page is
    extracted and the language judged once (so `--lang` drops on that verdict).
    """
    result = run_chain(text, steps, **kwargs)
    runs, found = list(result.runs), dict(result.metadata)
    for number in range(2, MAX_PASSES + 1):
        if result.dropped:
            break
        again = run_chain(result.text, [s for s in steps if s.name not in FIRST_PASS_ONLY],
                          metadata=found, settled=result.noops,
                          **{k: v for k, v in kwargs.items() if k != "metadata"})
        if again.text == result.text and not again.dropped:
            break
        runs += [StepRun(r.name, r.edits, r.removed, r.metadata, number) for r in again.runs if r.edits]
        found.update({k: v for k, v in again.metadata.items() if k not in found})
        result = ChainResult(again.text, (), found, again.dropped, result.removal_input,
                             {**result.noops, **again.noops})
    return ChainResult(result.text, tuple(runs), found, result.dropped, result.removal_input)
