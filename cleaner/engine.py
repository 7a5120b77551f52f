"""The local engine: clean jobs in this process or in a pool of worker processes.

Work is streamed: jobs are read lazily and at most `WINDOW` chunks are in
flight, so memory stays flat however large the corpus. Results come back in
input order, and every output depends only on its own source and the
settings, so any worker count writes the same bytes. Each worker builds its
`Cleaner` once, in its initializer, and has it load its rules and models there
(`prepare()`), not on the first documents that need them.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 32  # jobs per task: one small file per task would be dominated by pickling and IPC
WINDOW_PER_WORKER = 4  # chunks in flight per worker

_worker_state: dict[str, Any] = {}


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _init_worker(factory: Callable[[], Any]) -> None:
    context = factory()
    prepare = getattr(context, "prepare", None)  # a Cleaner loads its models here, once
    if prepare is not None:
        prepare()
    _worker_state["context"] = context


def _run_chunk(function: Callable[[Any, T], R], chunk: list[T]) -> list[R]:
    context = _worker_state["context"]
    return [function(context, item) for item in chunk]


def ordered_map(function: Callable[[Any, T], R], items: Iterable[T], factory: Callable[[], Any],
                workers: int) -> Iterator[R]:
    """`function(context, item)` for each item, in order; `context = factory()` once per worker.

    `function` and `factory` must be picklable (module-level) when workers > 1.
    A run too small to fill one chunk per worker stays in this process.
    """
    iterator = iter(items)
    head = list(islice(iterator, CHUNK * max(workers, 1)))
    if workers <= 1 or len(head) < CHUNK * workers:
        context = factory()
        for item in chain(head, iterator):
            yield function(context, item)
        return
    iterator = chain(head, iterator)
    pending: deque[Future] = deque()
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(factory,)) as pool:
        try:
            while True:
                while len(pending) < workers * WINDOW_PER_WORKER:
                    chunk = list(islice(iterator, CHUNK))
                    if not chunk:
                        break
                    pending.append(pool.submit(_run_chunk, function, chunk))
                if not pending:
                    return
                yield from pending.popleft().result()
        except BaseException:
            for future in pending:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
