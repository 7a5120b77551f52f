"""Library entry points: clean a text, a byte string, or files and folders.

Nothing here prints or exits: results come back as values (`Cleaned`,
`Outcome`) and the command line decides what to show.
"""
from __future__ import annotations

import difflib
import json
from functools import cached_property, partial
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from cleaner.chain import REMOVAL_STEPS, ChainResult, build_steps, run_to_fixpoint, select_steps
from cleaner.errors import CleanerError, UsageError
from cleaner.corpus import corpus_repeats
from cleaner.engine import ordered_map
from cleaner.guard import EXEMPT_STEPS, over_removal, prose_words
from cleaner.files import (JSONL_SUFFIXES, RECORD_SUFFIX, Job, Problem, TemporarySweeper, atomic_write_all, discover,
                           read_source)
from cleaner.record import ViewEdit, build_record, dumps, restore_text, sha256, view_edits
from cleaner.rules import load_rulebook
from cleaner.settings import Settings
from cleaner.steps.base import prepare
from cleaner.steps.decode import Decoded, decode


@dataclass(frozen=True)
class Cleaned:
    """One cleaned document: the body, its record, and how it was obtained."""

    text: str
    record: dict[str, Any]
    decoded: Decoded
    result: ChainResult


@dataclass
class Outcome:
    """What happened to one source file."""

    source: str
    status: str  # written, unchanged, would-change, error
    message: str = ""
    diff: str = ""
    bytes_in: int = 0
    bytes_out: int = 0
    removed_by_step: dict[str, int] = field(default_factory=dict)
    removed_by_rule: dict[str, int] = field(default_factory=dict)
    record: dict[str, Any] | None = None
    needs_review: bool = False


class Cleaner:
    """A configured chain, built once and reused for every document."""

    def __init__(self, settings: Settings | None = None, corpus: dict[str, Any] | None = None,
                 timings: dict[str, float] | None = None):
        self.settings = settings or Settings()
        self.corpus = corpus or {}
        self.timings = timings  # seconds per step, accumulated when given (benchmarks)
        if self.settings.html_favor not in ("precision", "balanced", "recall"):
            raise UsageError(f"--favor must be precision, balanced or recall, not {self.settings.html_favor!r}")
        skip = tuple(self.settings.skip) + (() if self.settings.typos else ("fix-typos",))
        names = select_steps(self.settings.steps, skip)
        self.rulebook = load_rulebook(self.settings.rule_dirs)
        self.options: dict[str, Any] = {"rulebook": self.rulebook,
                                        "html_favor": self.settings.html_favor,
                                        "html_comments": self.settings.html_comments,
                                        "languages": self.settings.languages,
                                        "rule_dirs": self.settings.rule_dirs}
        self.steps = build_steps(names, self.options)
        self.safe_steps = tuple(s for s in self.steps if s.name not in REMOVAL_STEPS)
        self.digest = self.settings.digest(self.rulebook.digest)

    def prepare(self) -> "Cleaner":
        """Load every step's word lists, profiles and compiled rules now: about a second a
        process, paid up front by a worker about to clean many documents instead of by
        whichever documents first need each one."""
        for step in self.steps:
            prepare(step)
        return self

    def clean_bytes(self, raw: bytes, source_path: str = "<bytes>",
                    output_path: str | None = None, known: dict[str, Any] | None = None) -> Cleaned:
        """Clean one source. `known`: metadata carried over from an earlier cleaning of it."""
        decoded = decode(raw)
        result, status, review = self._run(decoded.text, source_path, known)
        record = build_record(raw, decoded, result, source_path=source_path,
                              output_path=output_path, settings_digest=self.digest,
                              status=status, review=review)
        return Cleaned(result.text, record, decoded, result)

    def clean_text(self, text: str) -> str:
        return self._run(text, "<text>")[0].text

    def _run(self, text: str, source: str, known: dict[str, Any] | None = None
             ) -> tuple[ChainResult, str, dict[str, Any] | None]:
        """Run the chain; hold back every removal when the guard says it went too far."""
        result = run_to_fixpoint(text, self.steps, source=source, options=self.options,
                                 corpus=self.corpus, timings=self.timings, metadata=known)
        if result.dropped:
            return result, "dropped", None
        thread = sum(prose_words(old) for run in result.runs if run.name in EXEMPT_STEPS for old in run.removed)
        why = over_removal(result.removal_input or "", result.text, exempt=thread)
        if why is None:
            return result, "cleaned", None
        proposed = [{"step": run.name, "rule": e.rule, "reason": e.reason, "removed": old}
                    for run in result.runs if run.name in REMOVAL_STEPS
                    for e, old in zip(run.edits, run.removed)]
        # the repair and layout steps alone, to their own fixpoint: a repair can become
        # possible once the layout is normal, and cleaning the output again must not make it
        kept = run_to_fixpoint(text, self.safe_steps, source=source, options=self.options)
        return kept, "needs-review", {"reason": why, "proposed": proposed}


def clean_text(text: str, settings: Settings | None = None) -> str:
    """Clean one text with the default (or given) settings and return the body."""
    return Cleaner(settings).clean_text(text)


def removal_counts(record: dict[str, Any]) -> tuple[dict[str, int], dict[str, int]]:
    """Characters removed by each step and each rule of one record."""
    by_step: dict[str, int] = {}
    by_rule: dict[str, int] = {}
    for step in record["steps"]:
        for edit in step["edits"]:
            lost = len(edit["removed"]) - len(edit["replacement"])
            if lost > 0:
                by_step[step["name"]] = by_step.get(step["name"], 0) + lost
                by_rule[edit["rule"]] = by_rule.get(edit["rule"], 0) + lost
    return by_step, by_rule


def _unified(old: str, new: str, name: str) -> str:
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(lines)


# Metadata a cleaned body keeps from its first cleaning: which extractor chose its text.
CARRIED_OVER = ("extractor",)


def provenance(source: Path, raw: bytes) -> dict[str, Any] | None:
    """When `source` is itself a body cleaner wrote (its record beside it says so), what the
    first cleaning knew that the text no longer shows, so that cleaning it again changes nothing."""
    record_path = source.with_name(source.stem + RECORD_SUFFIX)
    if not record_path.is_file():
        return None
    try:
        record = json.loads(record_path.read_bytes())
        if record["output"]["sha256"] != sha256(raw):
            return None
        return {k: record["metadata"][k] for k in CARRIED_OVER if k in record["metadata"]} or None
    except (ValueError, KeyError, TypeError, OSError):
        return None


def _up_to_date(job: Job, raw: bytes, cleaner: Cleaner, in_place: bool) -> dict[str, Any] | None:
    """The existing record when it already describes this source under these settings."""
    if not (job.record.is_file() and job.output.is_file()):
        return None
    try:
        old = json.loads(job.record.read_bytes())
        body_sha = sha256(job.output.read_bytes())
        current = old["output"]["sha256"] if in_place else old["source"]["sha256"]
        fresh = (old["settings"] == cleaner.digest and old["output"]["sha256"] == body_sha
                 and old["source"]["path"] == job.rel_source and current == sha256(raw))
    except (ValueError, KeyError, TypeError, OSError):
        return None
    return old if fresh else None


def process(job: Job, cleaner: Cleaner, mode: str) -> Outcome:
    """Clean one source file. `mode` is write, check, diff or in-place.

    A source whose hash and settings match its existing record is skipped
    (incremental runs); its outcome comes from that record.
    """
    if job.source.name.lower().endswith(JSONL_SUFFIXES):
        return _process_shard(job, cleaner, mode)
    try:
        raw = read_source(job.source, cleaner.settings.max_bytes)
        known = _up_to_date(job, raw, cleaner, mode == "in-place")
        if known is not None:
            by_step, by_rule = removal_counts(known)
            return Outcome(job.display, "unchanged", bytes_in=known["source"]["size"],
                           bytes_out=known["output"]["size"], removed_by_step=by_step,
                           removed_by_rule=by_rule, record=known,
                           needs_review=known["status"] == "needs-review")
        cleaned = cleaner.clean_bytes(raw, job.rel_source, job.rel_output, provenance(job.source, raw))
    except CleanerError as exc:
        return Outcome(job.display, "error", message=str(exc))
    body = cleaned.text.encode("utf-8")
    record = dumps(cleaned.record).encode("utf-8")
    by_step, by_rule = removal_counts(cleaned.record)
    outcome = Outcome(job.display, "unchanged", bytes_in=len(raw), bytes_out=len(body),
                      removed_by_step=by_step, removed_by_rule=by_rule, record=cleaned.record,
                      needs_review=cleaned.record["status"] == "needs-review")
    old_body = job.output.read_bytes() if job.output.is_file() else None
    old_record = job.record.read_bytes() if job.record.is_file() else None
    if old_body == body and old_record == record:
        return outcome
    if mode in ("check", "diff"):
        outcome.status = "would-change"
        if mode == "diff":
            old = (old_body or b"").decode("utf-8", errors="replace")
            outcome.diff = _unified(old, cleaned.text, job.rel_output)
        return outcome
    try:
        atomic_write_all([(job.output, body), (job.record, record)], swept=True)
    except OSError as exc:
        return Outcome(job.display, "error", message=f"cannot write output: {exc.strerror or exc}")
    outcome.status = "written"
    return outcome


def _process_shard(job: Job, cleaner: Cleaner, mode: str) -> Outcome:
    """A JSONL shard found in a folder: cleaned line by line into its mirrored output."""
    from cleaner.jsonl import clean_jsonl

    if mode == "in-place":
        return Outcome(job.display, "error", message="JSONL shards are not cleaned in place: use --out")
    try:
        run = clean_jsonl(job.source, job.output, cleaner.settings, "write" if mode == "write" else "check",
                          cleaner=cleaner)
    except (CleanerError, OSError, EOFError) as exc:
        return Outcome(job.display, "error", message=f"JSONL shard: {exc}")
    if run.errors:
        more = f" (and {len(run.errors) - 1} more bad lines)" if len(run.errors) > 1 else ""
        return Outcome(job.display, "error", message=run.errors[0] + more)
    return Outcome(job.display, run.status, bytes_in=run.bytes_in, removed_by_step={"jsonl": max(run.removed, 0)})


def _corpus_for(paths: list[Path], out_dir: Path | None, settings: Settings) -> dict[str, Any]:
    """Corpus statistics the chain needs, read in a first pass (only with --corpus-repeats)."""
    if not settings.corpus_repeats:
        return {}
    repeated, _ = corpus_repeats(paths, out_dir, settings.max_bytes)
    return {"repeated_lines": repeated}


def _process_item(cleaner: Cleaner, item: tuple[Job | Problem, str, bool]) -> Outcome:
    job, mode, keep_record = item
    if isinstance(job, Problem):
        return Outcome(job.display, "error", message=job.message)
    outcome = process(job, cleaner, mode)
    if not keep_record:
        outcome.record = None  # spares pickling it back from a worker
    return outcome


def _swept(jobs: Iterable[Job | Problem]) -> Iterator[Job | Problem]:
    """The jobs, each after a killed run's temporaries of its outputs are removed."""
    sweeper = TemporarySweeper()
    for job in jobs:
        if isinstance(job, Job) and not job.source.name.lower().endswith(JSONL_SUFFIXES):
            sweeper.sweep(job.output)
            sweeper.sweep(job.record)
        yield job


def clean_paths(paths: list[Path], out_dir: Path | None, settings: Settings | None = None,
                mode: str = "write", root: Path | None = None, workers: int = 1,
                keep_records: bool = True, engine: str = "local",
                address: str | None = None, follow_symlinks: bool = False) -> Iterator[Outcome]:
    """Clean every source under `paths`, mirroring the tree into `out_dir`.

    With mode "in-place" the body replaces the source and the record is
    written beside it. Errors come back as outcomes; the rest goes on.
    `workers` > 1 cleans in a process pool; the outputs are the same.
    """
    settings = settings or Settings()
    corpus = _corpus_for(paths, out_dir, settings)
    Cleaner(settings, corpus)  # settings and rule errors surface here, not in a worker
    jobs = discover(paths, out_dir, in_place=(mode == "in-place"), root=root, follow=follow_symlinks)
    if mode in ("write", "in-place"):
        jobs = _swept(jobs)
    if engine == "ray":
        from cleaner import ray_engine

        yield from ray_engine.run(jobs, settings, corpus, mode, address, workers)
        return
    items = ((job, mode, keep_records) for job in jobs)
    yield from ordered_map(_process_item, items, partial(Cleaner, settings, corpus), workers)


@dataclass
class View:
    """One document as `cleaner diff` and the report show it."""

    name: str
    origin: str = ""  # "record" (read from --out) or "dry run"
    source_text: str = ""
    text: str = ""
    record: dict[str, Any] | None = None
    error: str = ""

    @cached_property
    def base_and_edits(self) -> tuple[str, list[ViewEdit]]:
        return view_edits(self.record, self.source_text)

    @property
    def base(self) -> str:
        return self.base_and_edits[0]

    @property
    def edits(self) -> list[ViewEdit]:
        return self.base_and_edits[1]

    def unified(self) -> str:
        lines = difflib.unified_diff(self.base.splitlines(keepends=True), self.text.splitlines(keepends=True),
                                     fromfile=f"a/{self.name}", tofile=f"b/{self.name}")
        return "".join(lines)


def view_paths(paths: list[Path], out_dir: Path | None, settings: Settings | None = None,
               root: Path | None = None) -> Iterator[View]:
    """Each source with its record: read from `out_dir` when current there, else a dry run."""
    settings = settings or Settings()
    cleaner = Cleaner(settings, _corpus_for(paths, out_dir, settings))
    for job in discover(paths, out_dir, root=root):
        if isinstance(job, Problem):
            yield View(job.display, error=job.message)
            continue
        try:
            raw = read_source(job.source, settings.max_bytes)
            known = _up_to_date(job, raw, cleaner, False) if out_dir is not None else None
            if known is not None:
                text = job.output.read_text(encoding="utf-8")
                yield View(job.display, "record", restore_text(text, known), text, known)
            else:
                cleaned = cleaner.clean_bytes(raw, job.rel_source, job.rel_output)
                yield View(job.display, "dry run", cleaned.decoded.text, cleaned.text, cleaned.record)
        except CleanerError as exc:
            yield View(job.display, error=str(exc))
