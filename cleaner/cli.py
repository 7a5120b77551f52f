"""The command line: parses flags, calls the library, prints, exits with the worst code.

stdout carries data only (diffs, restored bytes, listings); messages, the
progress bar and the summary go to stderr. Exit codes: 0 all well, 1 changes
found in --check/--diff mode, 2 usage, rule or input error.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from cleaner.api import Cleaner, Outcome, clean_paths
from cleaner.chain import CHAIN, build_steps
from cleaner.corpus import corpus_repeats, suggest_rules
from cleaner.errors import CleanerError
from cleaner.files import RECORD_SUFFIX, atomic_write, read_source
from cleaner.record import explain_lines, restore_bytes, restore_text
from cleaner.report import Summary
from cleaner.rules import load_rulebook
from cleaner.settings import DEFAULT_MAX_BYTES, Settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Strip page debris from scraped article text, recording every edit.")
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2


def _names(value: Optional[str]) -> tuple[str, ...]:
    return tuple(n.strip() for n in (value or "").split(",") if n.strip())


def _fail(message: str) -> None:
    err.print(f"error: {message}", markup=False)
    raise typer.Exit(EXIT_ERROR)


def _show_edits(outcome: Outcome) -> None:
    for step in (outcome.record or {}).get("steps", []):
        for edit in step["edits"]:
            if edit["removed"] and not edit["replacement"]:
                what = f"removed {edit['removed'][:70]!r}"
            else:
                what = f"{edit['removed'][:40]!r} -> {edit['replacement'][:40]!r}"
            err.print(f"{outcome.source}:{edit['source_start']}: {step['name']} {edit['rule']}: "
                      f"{edit['reason']}: {what}", markup=False)


@app.command()
def clean(
    paths: List[Path] = typer.Argument(..., help="Source files or folders."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Folder for bodies and records."),
    in_place: bool = typer.Option(False, "--in-place", help="Replace the sources themselves."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if any output would change."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff of what would change (implies --check)."),
    steps: Optional[str] = typer.Option(None, "--steps", help="Only these steps (comma-separated)."),
    skip: Optional[str] = typer.Option(None, "--skip", help="Skip these steps (comma-separated)."),
    rules: List[Path] = typer.Option([], "--rules", help="Extra rule folder (repeatable)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Refuse larger sources."),
    corpus_repeats: bool = typer.Option(False, "--corpus-repeats",
                                        help="First read the corpus; remove lines found in many documents."),
    favor: str = typer.Option("precision", "--favor",
                              help="HTML extraction: precision, balanced or recall."),
    keep_comments: bool = typer.Option(False, "--keep-comments", help="HTML: keep reader comments."),
    summary: Optional[Path] = typer.Option(None, "--summary", help="Write the corpus summary as JSON here."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Errors only."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per edit."),
) -> None:
    """Clean PATHS into --out (mirroring the tree), or in place with --in-place."""
    if (out is None) == (not in_place):
        _fail("give exactly one of --out DIR or --in-place")
    mode = "diff" if diff else "check" if check else "in-place" if in_place else "write"
    settings = Settings(steps=_names(steps) or None, skip=_names(skip), max_bytes=max_bytes,
                        rule_dirs=tuple(rules), corpus_repeats=corpus_repeats,
                        html_favor=favor, html_comments=keep_comments)
    report = Summary()
    try:
        outcomes = clean_paths(paths, out, settings, mode)
        for outcome in _with_progress(outcomes, quiet):
            report.add(outcome)
            if outcome.status == "error":
                err.print(f"error: {outcome.source}: {outcome.message}", markup=False)
            if outcome.diff:
                sys.stdout.write(outcome.diff)
            if verbose:
                _show_edits(outcome)
    except CleanerError as exc:
        _fail(str(exc))
    if summary is not None:
        atomic_write(summary, (json.dumps(report.to_dict(), indent=1) + "\n").encode())
    if not quiet:
        err.print(report.line(mode), markup=False)
    raise typer.Exit(EXIT_ERROR if report.errors else EXIT_CHANGES if report.would_change else EXIT_OK)


def _with_progress(outcomes, quiet: bool):
    """A progress bar on a terminal; plain iteration otherwise (logs, pipes, CI)."""
    if quiet or not err.is_terminal:
        yield from outcomes
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} files"), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("clean")
        for outcome in outcomes:
            bar.advance(task)
            yield outcome


@app.command()
def restore(
    output: Path = typer.Argument(..., help="A cleaned body written by `cleaner clean`."),
    record: Optional[Path] = typer.Option(None, "--record", help="Its record (default: beside it)."),
    to: Optional[Path] = typer.Option(None, "--to", help="Write the source here instead of stdout."),
) -> None:
    """Rebuild the original source bytes from a cleaned body and its record."""
    record = record or output.with_name(output.stem + RECORD_SUFFIX)
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        raw = restore_bytes(output.read_text(encoding="utf-8"), data)
    except (OSError, ValueError, KeyError) as exc:
        _fail(f"{record}: cannot restore: {exc}")
    except CleanerError as exc:
        _fail(f"{output}: {exc}")
    if to is None:
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    else:
        atomic_write(to, raw)


@app.command()
def explain(
    path: Path = typer.Argument(..., help="A source file, or a cleaned body with its record beside it."),
    record: Optional[Path] = typer.Option(None, "--record", help="Explain from this record."),
    all_edits: bool = typer.Option(False, "--all", help="Also whitespace and layout edits."),
) -> None:
    """Print each removal: source line, step, rule id, reason, removed text."""
    beside = path.with_name(path.stem + RECORD_SUFFIX)
    try:
        if record or beside.is_file():
            data = json.loads((record or beside).read_text(encoding="utf-8"))
            source = restore_text(path.read_text(encoding="utf-8"), data)
        else:
            cleaned = Cleaner().clean_bytes(read_source(path, DEFAULT_MAX_BYTES), path.name)
            data, source = cleaned.record, cleaned.decoded.text
    except (OSError, ValueError, KeyError) as exc:
        _fail(f"{path}: cannot explain: {exc}")
    except CleanerError as exc:
        _fail(f"{path}: {exc}")
    for line in explain_lines(data, source, all_edits):
        typer.echo(line)


@app.command("suggest-rules")
def suggest(
    paths: List[Path] = typer.Argument(..., help="Source files or folders (the corpus)."),
    min_docs: int = typer.Option(3, "--min-docs", help="Least number of documents a line must recur in."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help="Skip larger sources."),
) -> None:
    """Print lines that recur across the corpus as proposed rules (TOML), with their counts."""
    repeated, docs = corpus_repeats(paths, None, max_bytes, min_docs)
    sys.stdout.write(suggest_rules(repeated, docs))
    err.print(f"{len(repeated)} repeated lines in {docs} documents", markup=False)


@app.command("steps")
def list_steps() -> None:
    """List the chain's steps in order, with what each does."""
    options = {"rulebook": load_rulebook()}
    for (name, _), step in zip(CHAIN, build_steps([n for n, _ in CHAIN], options)):
        typer.echo(f"{name:22} {step.description}")


def main() -> None:
    app()
