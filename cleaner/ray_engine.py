"""The Ray engine: the same chain over a cluster, through Ray Data.

Jobs (paths only) go to Ray in batches of `BATCH` per task, never one task
per file: per-task overhead would dominate small documents. A batch travels
as one row (its jobs in one JSON string, its outcomes in another), so Ray
Data handles a hundred rows for 20,000 documents, not 20,000. Each actor builds
its `Cleaner` once and reuses it for every batch. Workers write the outputs
themselves, with the same `process()` as the local engine, so the output
folder must be reachable from every node (a shared filesystem on a real
cluster). Ray is an optional extra: `pip install '.[ray]'`.
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterable, Iterator

from cleaner.errors import UsageError
from cleaner.files import Job, Problem

BATCH = 200
JOB_FIELDS = ("source", "output", "record", "rel_source", "rel_output", "display")


class _CleanBatch:
    """A Ray Data actor: one Cleaner for its lifetime, a batch of jobs per call."""

    def __init__(self, settings, corpus: dict[str, Any], mode: str):
        from cleaner.api import Cleaner

        self.cleaner = Cleaner(settings, corpus).prepare()
        self.mode = mode

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        from cleaner.api import process

        done = []
        for jobs in batch["jobs"]:
            outcomes = []
            for fields in json.loads(str(jobs)):
                job = Job(Path(fields["source"]), Path(fields["output"]), Path(fields["record"]),
                          fields["rel_source"], fields["rel_output"], fields["display"])
                outcome = process(job, self.cleaner, self.mode)
                outcome.record = None
                outcomes.append(asdict(outcome))
            done.append(json.dumps(outcomes))
        return {"outcomes": done}


def start(address: str | None, cpus: int | None) -> None:
    try:
        import ray
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install 'cleaner[ray]'") from None
    logging.getLogger("ray").setLevel(logging.ERROR)  # stderr is for cleaner's own messages
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    if not ray.is_initialized():
        ray.init(address=address or None, num_cpus=None if address else cpus,
                 include_dashboard=False, log_to_driver=False, logging_level="ERROR")


def run(items: Iterable[Job | Problem], settings, corpus: dict[str, Any], mode: str,
        address: str | None = None, cpus: int | None = None) -> Iterator:
    """Outcomes of every job, in input order; problems are reported without going to Ray."""
    from cleaner.api import Outcome

    start(address, cpus)
    import ray

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    for name in list(logging.root.manager.loggerDict):
        if name.startswith("ray"):  # Ray Data configures its own loggers at import
            logging.getLogger(name).setLevel(logging.ERROR)
    rows, problems = [], []
    for item in items:
        if isinstance(item, Problem):
            problems.append(Outcome(item.display, "error", message=item.message))
        else:
            rows.append({name: str(getattr(item, name)) for name in JOB_FIELDS})
    yield from problems
    if not rows:
        return
    workers = max(1, int(ray.available_resources().get("CPU", 1)) if cpus is None else cpus)
    batches = [{"jobs": json.dumps(rows[start:start + BATCH])} for start in range(0, len(rows), BATCH)]
    dataset = ray.data.from_items(batches).map_batches(
        _CleanBatch, fn_constructor_args=(settings, corpus, mode), batch_size=1,
        compute=ray.data.ActorPoolStrategy(size=workers), batch_format="numpy")
    for row in dataset.iter_rows():
        for outcome in json.loads(row["outcomes"]):
            yield Outcome(**outcome)
