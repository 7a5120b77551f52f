"""The record: what the chain did to one document, as versioned JSON.

The source plus the record explain every character of the output, and the
output plus the record give back the source (`restore`). The format is
described by `cleaner/schema/record.schema.json`; bump `RECORD_VERSION` on
any incompatible change.
"""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any, Mapping

from cleaner import __version__
from cleaner.chain import ChainResult
from cleaner.edits import Edit, OffsetMap, apply_edits, check_edits, invert_edits
from cleaner.errors import CleanerError
from cleaner.steps.decode import Decoded, encode_text

RECORD_FORMAT = "cleaner-record"
RECORD_VERSION = 1


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _edit_entries(run, maps: list[OffsetMap]) -> list[dict[str, Any]]:
    entries = []
    for edit, removed in zip(run.edits, run.removed):
        start, end = edit.start, edit.end
        for offset_map in reversed(maps):
            start = offset_map.to_input(start)
            end = offset_map.to_input(end, is_end=True)
        entries.append({
            "rule": edit.rule, "reason": edit.reason,
            "start": edit.start, "end": edit.end,
            "source_start": start, "source_end": max(start, end),
            "removed": removed, "replacement": edit.replacement,
        })
    return entries


def build_record(raw: bytes, decoded: Decoded, result: ChainResult, *, source_path: str,
                 output_path: str | None, settings_digest: str,
                 status: str = "cleaned", review: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The record of one document. Offsets `source_*` are in the decoded source text."""
    body = result.text.encode("utf-8")
    steps, maps = [], []
    for run in result.runs:
        step = {"name": run.name, "edits": _edit_entries(run, maps), "metadata": dict(run.metadata)}
        if run.pass_number > 1:
            step["pass"] = run.pass_number
        steps.append(step)
        maps.append(OffsetMap(run.edits))
    record: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "cleaner": __version__,
        "settings": settings_digest,
        "source": {"path": source_path, "sha256": sha256(raw), "size": len(raw)},
        "output": {"path": output_path, "sha256": sha256(body), "size": len(body)},
        "decode": {"encoding": decoded.encoding, "bom": decoded.bom, "method": decoded.method,
                   "lossless": decoded.lossless},
        "source_bytes": None if decoded.lossless else base64.b64encode(raw).decode("ascii"),
        "metadata": dict(result.metadata),
        "status": status,
        "dropped": result.dropped,
        "steps": steps,
    }
    if review:
        record["review"] = dict(review)
    return record


def dumps(record: Mapping[str, Any]) -> str:
    """Stable serialization: same record, same bytes."""
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"


def _step_edits(step: Mapping[str, Any]) -> tuple[list[Edit], list[str]]:
    edits = [Edit(e["start"], e["end"], e["replacement"], e["rule"], e["reason"]) for e in step["edits"]]
    return edits, [e["removed"] for e in step["edits"]]


def replay(source_text: str, record: Mapping[str, Any]) -> str:
    """Apply the recorded edits to the decoded source: gives the output again."""
    text = source_text
    for step in record["steps"]:
        edits, removed = _step_edits(step)
        for edit, old in zip(edits, removed):
            if text[edit.start:edit.end] != old:
                raise CleanerError(f"record does not match the source at step {step['name']}, "
                                   f"rule {edit.rule}, offset {edit.start}")
        text = apply_edits(text, check_edits(edits, len(text), step["name"]))
    return text


def restore_text(output_text: str, record: Mapping[str, Any]) -> str:
    """The decoded source text, rebuilt from the output by undoing every step."""
    text = output_text
    for step in reversed(record["steps"]):
        edits, removed = _step_edits(step)
        text = invert_edits(text, edits, removed)
    return text


def restore_bytes(output_text: str, record: Mapping[str, Any]) -> bytes:
    """The source bytes, checked against the recorded sha256."""
    if record.get("source_bytes"):
        raw = base64.b64decode(record["source_bytes"])
    else:
        decode = record["decode"]
        raw = encode_text(restore_text(output_text, record), decode["encoding"], decode["bom"])
    if sha256(raw) != record["source"]["sha256"]:
        raise CleanerError("restored bytes do not match the recorded source sha256: "
                           "the output or the record was changed after cleaning")
    return raw


def explain_lines(record: Mapping[str, Any], source_text: str, all_edits: bool = False) -> list[str]:
    """One line per removal: `LINE: step rule: reason: removed text` (LINE in the source)."""
    lines = []
    if record.get("status") == "needs-review":
        lines.append(f"needs review: {record['review']['reason']}; removals held back:")
        lines += [f"  {p['step']} {p['rule']}: {p['reason']}: {p['removed'].strip()[:200]!r}"
                  for p in record["review"]["proposed"]]
    for step in record["steps"]:
        for edit in step["edits"]:
            if not all_edits and not edit["removed"].strip():
                continue
            line = source_text.count("\n", 0, edit["source_start"]) + 1
            change = repr(edit["removed"].strip()[:200])
            if edit["replacement"]:
                change += f" -> {edit['replacement'].strip()[:200]!r}"
            lines.append(f"{line}: {step['name']} {edit['rule']}: {edit['reason']}: {change}")
    return lines


@dataclass(frozen=True)
class ViewEdit:
    """An edit placed on the view's base text (the source, or the text extracted from HTML)."""

    start: int
    end: int
    step: str
    rule: str
    reason: str
    removed: str
    replacement: str


def view_edits(record: Mapping[str, Any], source_text: str) -> tuple[str, list[ViewEdit]]:
    """The base text a person reads, and every later edit mapped onto it.

    For an HTML page the base is the extracted text (highlighting inside the
    markup would tell nothing); otherwise it is the decoded source.
    """
    steps = list(record["steps"])
    base_index = next((i for i, s in enumerate(steps) if s["name"] == "extract-html" and s["edits"]), -1)
    text = source_text
    for step in steps[:base_index + 1]:
        edits, _ = _step_edits(step)
        text = apply_edits(text, edits)
    base, maps, placed = text, [], []
    for step in steps[base_index + 1:]:
        edits, _ = _step_edits(step)
        for edit, entry in zip(edits, step["edits"]):
            start, end = edit.start, edit.end
            for offset_map in reversed(maps):
                start, end = offset_map.to_input(start), offset_map.to_input(end, is_end=True)
            placed.append(ViewEdit(start, max(start, end), step["name"], edit.rule, edit.reason,
                                   entry["removed"], edit.replacement))
        maps.append(OffsetMap(edits))
    placed.sort(key=lambda v: (v.start, v.end))
    return base, placed
