"""The fixpoint's skipping of steps that would change nothing."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import cleaner.chain as chain
from cleaner.api import Cleaner
from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult
from conftest import SEEDS, SHARED

BENCH = SHARED / "bench"


def corpus() -> list[tuple[str, bytes]]:
    """The seeds and, where the benchmark pages are beside the repo, some of their texts
    and HTML pages: documents that take several passes, with and without extraction."""
    docs = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    for kind in ("text", "html"):
        for set_name in ("sh", "l3s"):
            docs += [(p.name, p.read_bytes()) for p in sorted((BENCH / set_name / kind).glob("*"))[:17]]
    return docs


class Recorder(Mapping):
    """A metadata mapping that notes every key a step asks for."""

    def __init__(self, data: Mapping[str, Any]):
        self.data, self.asked = data, set()

    def __getitem__(self, key):
        self.asked.add(key)
        return self.data[key]

    def __contains__(self, key):
        self.asked.add(key)
        return key in self.data

    def __iter__(self) -> Iterator[str]:
        self.asked.add("*every key*")
        return iter(self.data)

    def __len__(self) -> int:
        self.asked.add("*every key*")
        return len(self.data)


def test_a_step_that_does_nothing_has_read_no_metadata_but_what_it_declares(monkeypatch):
    undeclared: dict[str, set[str]] = {}
    cleaner = Cleaner()
    for step in cleaner.steps:
        def recorded(text: str, context: Context, run=step.run, step=step) -> StepResult:
            metadata = Recorder(context.metadata)
            result = run(text, replace(context, metadata=metadata))
            if not result.edits and not result.metadata and not result.drop:
                extra = metadata.asked - set(getattr(step, "reads", ()))
                if extra:
                    undeclared.setdefault(step.name, set()).update(extra)
            return result
        monkeypatch.setattr(step, "run", recorded)
    for name, raw in corpus():
        cleaner.clean_bytes(raw, name, name)
    assert undeclared == {}


def test_skipping_steps_that_would_do_nothing_changes_no_output_or_record(monkeypatch):
    docs = corpus()
    skipping = Cleaner()
    fast = [skipping.clean_bytes(raw, name, name) for name, raw in docs]
    run_chain = chain.run_chain
    monkeypatch.setattr(chain, "run_chain", lambda *args, settled=None, **kwargs: run_chain(*args, **kwargs))
    everything = Cleaner()
    slow = [everything.clean_bytes(raw, name, name) for name, raw in docs]
    assert [r.text for r in fast] == [r.text for r in slow]
    assert [r.record for r in fast] == [r.record for r in slow]
    if BENCH.is_dir():  # the benchmark's pages, beside the repo, hold documents that need a second pass
        assert any(step["pass"] > 1 for r in fast for step in r.record["steps"] if "pass" in step)


class Counted:
    """A step that removes a line "debris" once the metadata says `found`, and counts its
    runs. Its `reads` is given: the test shows what declaring it does."""

    name = "counted"
    description = "test step"

    def __init__(self, reads: tuple[str, ...] = ()):
        self.reads, self.runs = reads, 0

    def run(self, text: str, context: Context) -> StepResult:
        self.runs += 1
        start = text.find("debris\n")
        if start < 0 or not context.metadata.get("found"):
            return StepResult()
        return StepResult(edits=(Edit(start, start + len("debris\n"), "", "counted.line", "test"),))


class Tagger:
    """A later step that sets `found` and changes no text."""

    name = "tagger"
    description = "test step"

    def run(self, text: str, context: Context) -> StepResult:
        return StepResult(metadata={"found": "yes"})


def test_a_step_given_the_text_it_did_nothing_in_is_not_run_again():
    counted = Counted(reads=("found",))
    result = chain.run_to_fixpoint("one line\nanother\n", [counted])
    assert result.text == "one line\nanother\n"
    assert counted.runs == 1  # the second pass gives it the same text, with the same metadata


@pytest.mark.parametrize("reads, runs, text", [
    # declared: the second pass gives it the same text with `found` set, and it runs
    (("found",), 3, "keep\n"),
    # not declared: it is skipped there, and the line a later step's metadata condemns stays
    ((), 1, "keep\ndebris\n"),
])
def test_a_step_runs_again_when_the_metadata_it_reads_has_changed(reads, runs, text):
    counted = Counted(reads)
    result = chain.run_to_fixpoint("keep\ndebris\n", [counted, Tagger()])
    assert result.text == text
    assert counted.runs == runs
