"""The corpus pass: statistics over a whole folder, read before cleaning it.

Today that is which lines recur across documents (see
`cleaner.steps.corpus_repeats`), used by `--corpus-repeats` and printed as
proposed rules by `cleaner suggest-rules`.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator

from cleaner.errors import CleanerError
from cleaner.files import Job, Problem, discover, read_source
from cleaner.steps.corpus_repeats import count_repeated_lines, repeated_lines
from cleaner.steps.decode import decode


def _texts(jobs: Iterable[Job | Problem], max_bytes: int) -> Iterator[str]:
    for job in jobs:
        if isinstance(job, Problem):
            continue
        try:
            yield decode(read_source(job.source, max_bytes)).text.replace("\r\n", "\n").replace("\r", "\n")
        except CleanerError:
            continue  # reported by the cleaning pass itself


def corpus_repeats(paths: Iterable[Path], out_dir: Path | None, max_bytes: int,
                   min_docs: int | None = None) -> tuple[dict[str, int], int]:
    """Line keys found in many documents under `paths`, with their document counts."""
    counts, docs = count_repeated_lines(_texts(discover(paths, out_dir), max_bytes))
    found = repeated_lines(counts, docs) if min_docs is None else repeated_lines(counts, docs, min_docs)
    return found, docs


def suggest_rules(repeated: dict[str, int], docs: int) -> str:
    """TOML for a rule file proposing each repeated line as a whole-line rule."""
    parts = ["# Lines that recur across the corpus, proposed as rules. Review each one:",
             "# keep only debris, then add examples (`[[rule.change]]` and `keep`).",
             'family = "corpus"', ""]
    ranked = sorted(repeated.items(), key=lambda item: (-item[1], item[0]))
    for number, (line, count) in enumerate(ranked, 1):
        pattern = re.escape(line).replace("\\ ", " ").replace("'", ".")
        parts += [f"# found in {count} of {docs} documents", "[[rule]]",
                  f'id = "corpus.repeated-line-{number}"', 'scope = "line"',
                  f"patterns = ['{pattern}']", 'reason = "line repeated across the corpus"', ""]
    return "\n".join(parts)
