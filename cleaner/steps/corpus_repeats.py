"""corpus-repeats: lines that recur across many documents of the corpus (two passes).

The first pass (`count_repeated_lines`) counts, for every line, how many
documents contain it; lines found in at least `min_docs` documents are
boilerplate candidates (site slogans, footers, standard disclaimers). With
`--corpus-repeats` this step removes them; `cleaner suggest-rules` prints
them as proposed rules instead. Keeps everything when no corpus statistics
are given (a single text, the default run). Relies on normalize-newlines.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable

from cleaner.edits import Edit
from cleaner.steps.base import Context, StepResult

# A line must recur in at least this many documents, and this share of the corpus.
MIN_DOCS = 3
MIN_SHARE = 0.01
MAX_LINE_CHARS = 300


def line_key(line: str) -> str:
    return " ".join(line.split()).casefold()


def count_repeated_lines(texts: Iterable[str]) -> tuple[Counter, int]:
    """Documents per line key, over all texts; and the number of texts."""
    counts: Counter = Counter()
    docs = 0
    for text in texts:
        docs += 1
        counts.update({line_key(l) for l in text.split("\n") if 0 < len(l.strip()) <= MAX_LINE_CHARS})
    return counts, docs


def repeated_lines(counts: Counter, docs: int, min_docs: int = MIN_DOCS) -> dict[str, int]:
    threshold = max(min_docs, math.ceil(MIN_SHARE * docs))
    return {key: n for key, n in counts.items() if n >= threshold and re.search(r"\w", key)}


class StripCorpusRepeats:
    """Remove lines that the corpus pass found in many documents."""

    name = "corpus-repeats"
    description = "remove lines repeated across many documents (with --corpus-repeats)"

    def run(self, text: str, context: Context) -> StepResult:
        repeated = context.corpus.get("repeated_lines")
        if not repeated:
            return StepResult()
        edits, offset = [], 0
        for line in text.split("\n"):
            count = repeated.get(line_key(line)) if line.strip() else None
            if count:
                end = min(offset + len(line) + 1, len(text))
                edits.append(Edit(offset, end, "", "corpus-repeats.line",
                                  f"line found in {count} documents of the corpus"))
            offset += len(line) + 1
        return StepResult(edits=tuple(edits))
