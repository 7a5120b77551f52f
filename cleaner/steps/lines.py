"""Lines and their offsets: what the line-based detectors all start from."""
from __future__ import annotations


def split_lines(text: str) -> tuple[list[str], list[int]]:
    """The text's lines (without their "\\n") and the offset where each starts."""
    lines = text.split("\n")
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return lines, starts
