"""JSONL corpora: one document per line, `{"id": ..., "text": ..., ...}` (datatrove, dolma).

`cleaner clean corpus.jsonl[.gz] --out cleaned.jsonl[.gz]` writes the same
shape: every field kept, the text field cleaned, and the document's record
under the key `cleaner`. Lines that are not JSON objects with a string text
field are reported by line number and left out of the output. The output is
written to a temporary file and renamed into place when complete; gzip
output carries no timestamp, so the same input gives the same bytes.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator

from cleaner.api import Cleaner
from cleaner.errors import CleanerError
from cleaner.files import sweep_stale_temporaries
from cleaner.files import JSONL_SUFFIXES, file_mode
from cleaner.record import restore_text

SUFFIXES = JSONL_SUFFIXES
RECORD_KEY = "cleaner"


def is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


@dataclass
class LineResult:
    number: int
    line: str | None = None  # the output line, None for a bad line
    error: str = ""
    removed: int = 0
    needs_review: bool = False
    bytes_in: int = 0


def open_text(path: Path, mode: str) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, mode + "b"), encoding="utf-8", newline="\n")
    return path.open(mode, encoding="utf-8", newline="\n")


def clean_line(cleaner: Cleaner, item: tuple[int, str, str, str]) -> LineResult:
    """Clean one JSONL line; a bad line comes back with its error and no output."""
    number, line, text_field, id_field = item
    try:
        row = json.loads(line)
    except ValueError as exc:
        return LineResult(number, error=f"line {number}: invalid JSON ({exc.msg})")
    if not isinstance(row, dict) or not isinstance(row.get(text_field), str):
        return LineResult(number, error=f"line {number}: no string field {text_field!r}")
    doc_id = str(row.get(id_field, f"line-{number}"))
    raw = row[text_field].encode("utf-8")
    try:
        cleaned = cleaner.clean_bytes(raw, doc_id, doc_id)
    except CleanerError as exc:
        return LineResult(number, error=f"line {number} (id {doc_id}): {exc}")
    row[text_field] = cleaned.text
    row[RECORD_KEY] = cleaned.record
    removed = len(raw) - len(cleaned.text.encode("utf-8"))
    return LineResult(number, json.dumps(row, ensure_ascii=False) + "\n", removed=removed,
                      needs_review=cleaned.record["status"] == "needs-review", bytes_in=len(raw))


def read_items(path: Path, text_field: str, id_field: str) -> Iterator[tuple[int, str, str, str]]:
    with open_text(path, "r") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield number, line, text_field, id_field


def write_atomically(path: Path, lines: Iterator[str]) -> None:
    """Write lines to a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.fchmod(fd, file_mode(path))
    os.close(fd)
    try:
        if path.name.lower().endswith(".gz"):
            with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
                with io.TextIOWrapper(gz, encoding="utf-8", newline="\n") as handle:
                    handle.writelines(lines)
        else:
            with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
                handle.writelines(lines)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def restore_lines(path: Path, text_field: str = "text") -> Iterator[str]:
    """The original JSONL lines' content: text fields restored, records dropped."""
    with open_text(path, "r") as handle:
        for line in handle:
            row: dict[str, Any] = json.loads(line)
            record = row.pop(RECORD_KEY)
            row[text_field] = restore_text(row[text_field], record)
            yield json.dumps(row, ensure_ascii=False) + "\n"


@dataclass
class JsonlRun:
    """What cleaning one JSONL file did."""

    status: str = "unchanged"  # written, unchanged, would-change
    documents: int = 0
    errors: list[str] | None = None
    bytes_in: int = 0
    removed: int = 0
    needs_review: int = 0


def clean_jsonl(source: Path, out: Path, settings, mode: str = "write", workers: int = 1,
                text_field: str = "text", id_field: str = "id", cleaner: Cleaner | None = None) -> JsonlRun:
    """Clean every line of `source` into `out`, streaming, in order, with `workers` processes
    (or with `cleaner`, in this process, for a shard of a folder)."""
    from functools import partial

    from cleaner.engine import ordered_map

    if cleaner is None:
        Cleaner(settings)  # settings and rule errors surface here, not in a worker
        factory = partial(Cleaner, settings)
    else:
        factory, workers = (lambda: cleaner), 1
    run = JsonlRun(errors=[])

    def good_lines() -> Iterator[str]:
        items = read_items(source, text_field, id_field)
        for result in ordered_map(clean_line, items, factory, workers):
            if result.line is None:
                run.errors.append(result.error)
                continue
            run.documents += 1
            run.bytes_in += result.bytes_in
            run.removed += result.removed
            run.needs_review += result.needs_review
            yield result.line

    target = out if mode == "write" else out.with_name(f".check-{out.name}")
    old = out.read_bytes() if out.is_file() else None
    write_atomically(target, good_lines())
    if mode != "write":
        new = target.read_bytes()
        target.unlink()
        run.status = "unchanged" if new == old else "would-change"
    else:
        run.status = "unchanged" if target.read_bytes() == old else "written"
    return run
