"""The command line: parses flags, calls the library, prints, exits with the worst code.

stdout carries data only (diffs, restored bytes, listings); messages, the
progress bar and the summary go to stderr. Exit codes: 0 all well, 1 changes
found in --check/--diff mode (or written, with --exit-non-zero-on-write), 2
usage, rule or input error.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from cleaner import config as config_file
from cleaner.api import Cleaner, Outcome, clean_paths, view_paths
from cleaner.chain import CHAIN, build_steps
from cleaner.corpus import corpus_repeats, suggest_rules
from cleaner.diffview import render
from cleaner.engine import default_workers
from cleaner.errors import CleanerError
from cleaner.files import RECORD_SUFFIX, atomic_write, read_source
from cleaner.gitcheck import dirty_paths
from cleaner.record import explain_lines, restore_bytes, restore_text
from cleaner.html_report import ReportDocument, render_report
from cleaner.jsonl import clean_jsonl, is_jsonl, restore_lines
from cleaner.report import Summary, human_bytes
from cleaner.rules import load_rulebook
from cleaner.settings import DEFAULT_MAX_BYTES

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Strip page debris from scraped article text, recording every edit.")
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2


def _names(value: Optional[str]) -> Optional[list[str]]:
    return None if value is None else [n.strip() for n in value.split(",") if n.strip()]


def _fail(message: str) -> None:
    err.print(f"error: {message}", markup=False)
    raise typer.Exit(EXIT_ERROR)


def _write(path: Path, data: bytes) -> None:
    """Write a file the command produces (summary, report, restored source), or fail in one line."""
    try:
        atomic_write(path, data)
    except OSError as exc:
        _fail(f"{path}: cannot write: {exc.strerror or exc}")


def _settings(**flags):
    """Effective settings: defaults, then [tool.cleaner], then the flags given."""
    try:
        values = config_file.effective(flags)
        return values, config_file.to_settings(values)
    except CleanerError as exc:
        _fail(str(exc))


def _show_edits(outcome: Outcome) -> None:
    for step in (outcome.record or {}).get("steps", []):
        for edit in step["edits"]:
            if edit["removed"] and not edit["replacement"]:
                what = f"removed {edit['removed'][:70]!r}"
            else:
                what = f"{edit['removed'][:40]!r} -> {edit['replacement'][:40]!r}"
            err.print(f"{outcome.source}:{edit['source_start']}: {step['name']} {edit['rule']}: "
                      f"{edit['reason']}: {what}", markup=False)


OUT_HELP = "Folder for bodies and records (default: [tool.cleaner] out)."
ROOT_HELP = "Mirror paths relative to this folder (default: each folder given, or a file's folder)."


@app.command()
def clean(
    paths: List[Path] = typer.Argument(..., help="Source files or folders."),
    out_dir: Optional[Path] = typer.Option(None, "--out", "-o", help=OUT_HELP),
    in_place: bool = typer.Option(False, "--in-place", help="Replace the sources themselves."),
    force: bool = typer.Option(False, "--force", help="With --in-place: run even on a dirty git tree."),
    root: Optional[Path] = typer.Option(None, "--root", help=ROOT_HELP),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if any output would change."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff of what would change (implies --check)."),
    steps: Optional[str] = typer.Option(None, "--steps", help="Only these steps (comma-separated)."),
    skip: Optional[str] = typer.Option(None, "--skip", help="Skip these steps (comma-separated)."),
    rules: Optional[List[Path]] = typer.Option(None, "--rules", help="Extra rule folder (repeatable)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Keep only these languages, e.g. en,fr."),
    typos: Optional[bool] = typer.Option(None, "--typos/--no-typos", help="Fix typos (default on)."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=f"Refuse larger sources (default {DEFAULT_MAX_BYTES})."),
    corpus: Optional[bool] = typer.Option(None, "--corpus-repeats/--no-corpus-repeats",
                                          help="First read the corpus; remove lines found in many documents."),
    favor: Optional[str] = typer.Option(None, "--favor", help="HTML extraction: precision (default), balanced or recall."),
    keep_comments: Optional[bool] = typer.Option(None, "--keep-comments/--drop-comments", help="HTML: reader comments."),
    summary: Optional[Path] = typer.Option(None, "--summary", help="Write the corpus summary as JSON here."),
    workers: int = typer.Option(0, "--workers", "-j", help="Worker processes (default: the CPU count)."),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or ray."),
    follow_symlinks: bool = typer.Option(False, "--follow-symlinks",
                                         help="Follow symlinks that leave the input folder."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster: auto or ray://HOST:PORT."),
    text_field: str = typer.Option("text", "--text-field", help="JSONL: the field holding the text."),
    id_field: str = typer.Option("id", "--id-field", help="JSONL: the field holding the document id."),
    fail_on_write: bool = typer.Option(False, "--exit-non-zero-on-write",
                                       help="Exit 1 when any output was written (for pre-commit)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Errors only."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per edit."),
) -> None:
    """Clean PATHS into --out (mirroring the tree), or in place with --in-place."""
    values, settings = _settings(out=str(out_dir) if out_dir else None, root=str(root) if root else None,
                                 rules=[str(r) for r in rules or []] or None,
                                 steps=_names(steps), skip=_names(skip), lang=_names(lang), typos=typos,
                                 max_bytes=max_bytes, favor=favor, keep_comments=keep_comments,
                                 corpus_repeats=corpus)
    target = values["out"].value
    if in_place and out_dir is not None:
        _fail("give either --out DIR or --in-place, not both")
    if not in_place and not target:
        _fail("give --out DIR (or set `out` in [tool.cleaner]), or --in-place")
    if in_place and not force and not (check or diff):
        dirty = dirty_paths(paths)
        if dirty:
            _fail(f"refusing --in-place: uncommitted changes in {', '.join(dirty[:3])} "
                  "(commit them, or pass --force)")
    mode = "diff" if diff else "check" if check else "in-place" if in_place else "write"
    if any(is_jsonl(p) for p in paths):
        _clean_jsonl(paths, target, in_place, mode, settings, workers or default_workers(),
                     text_field, id_field, quiet)
    report = Summary()
    try:
        root_dir = Path(values["root"].value) if values["root"].value else None
        if engine not in ("local", "ray"):
            _fail(f"--engine must be local or ray, not {engine!r}")
        outcomes = clean_paths(paths, None if in_place else Path(target), settings, mode, root=root_dir,
                               workers=workers or default_workers(), keep_records=verbose,
                               engine=engine, address=address, follow_symlinks=follow_symlinks)
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
    except KeyboardInterrupt:
        err.print("interrupted: outputs written so far are complete; run again to finish", markup=False)
        raise typer.Exit(130)
    if summary is not None:
        _write(summary, (json.dumps(report.to_dict(), indent=1) + "\n").encode())
    if not quiet:
        err.print(report.line(mode), markup=False)
    if report.errors:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_CHANGES if report.would_change or (fail_on_write and report.written) else EXIT_OK)


def _clean_jsonl(paths, target, in_place, mode, settings, workers, text_field, id_field, quiet) -> None:
    if len(paths) != 1 or in_place or not target or not is_jsonl(Path(target)):
        _fail("a JSONL corpus is cleaned alone, into a JSONL file: cleaner clean IN.jsonl --out OUT.jsonl")
    try:
        run = clean_jsonl(paths[0], Path(target), settings, "write" if mode == "write" else "check",
                          workers, text_field, id_field)
    except (CleanerError, OSError) as exc:
        _fail(f"{paths[0]}: {exc}")
    for message in run.errors:
        err.print(f"error: {paths[0]}: {message}", markup=False)
    if not quiet:
        verb = {"written": "wrote", "unchanged": "unchanged:", "would-change": "would change"}[run.status]
        review = f", {run.needs_review} to review" if run.needs_review else ""
        err.print(f"{verb} {target}: {run.documents} documents, {human_bytes(max(run.removed, 0))} removed"
                  f"{review}, {len(run.errors)} bad lines", markup=False)
    raise typer.Exit(EXIT_ERROR if run.errors else EXIT_CHANGES if run.status == "would-change" else EXIT_OK)


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


@app.command("diff")
def diff_command(
    paths: List[Path] = typer.Argument(..., help="Source files or folders."),
    out_dir: Optional[Path] = typer.Option(None, "--out", "-o",
                                           help="Read records written there instead of running the chain."),
    root: Optional[Path] = typer.Option(None, "--root", help=ROOT_HELP),
    unified: bool = typer.Option(False, "--unified", help="A plain unified diff, source to output."),
    show_layout: bool = typer.Option(False, "--all", help="Also whitespace and layout edits."),
) -> None:
    """Show what the chain changed in each document: removals struck through and labelled."""
    _, settings = _settings()
    failed = False
    try:
        for view in view_paths(paths, out_dir, settings, root=root):
            if view.error:
                err.print(f"error: {view.name}: {view.error}", markup=False)
                failed = True
            elif unified:
                sys.stdout.write(view.unified())
            else:
                out.print(f"── {view.name} ({view.origin})", style="bold", markup=False)
                out.print(render(view.base, view.edits, show_layout))
    except CleanerError as exc:
        _fail(str(exc))
    raise typer.Exit(EXIT_ERROR if failed else EXIT_OK)


@app.command()
def report(
    paths: List[Path] = typer.Argument(..., help="Source files or folders."),
    html_path: Path = typer.Option(..., "--html", help="Write the report (one offline HTML file) here."),
    out_dir: Optional[Path] = typer.Option(None, "--out", "-o",
                                           help="Read records written there instead of running the chain."),
    root: Optional[Path] = typer.Option(None, "--root", help=ROOT_HELP),
) -> None:
    """One self-contained HTML report for a corpus: summary, chart, side-by-side views, filters."""
    _, settings = _settings()
    documents, failed = [], False
    try:
        for view in view_paths(paths, out_dir, settings, root=root):
            if view.error:
                err.print(f"error: {view.name}: {view.error}", markup=False)
                failed = True
            else:
                documents.append(ReportDocument(view.name, view.source_text, view.text, view.record))
        page = render_report(documents).encode("utf-8")
    except CleanerError as exc:
        _fail(str(exc))
    _write(html_path, page)
    err.print(f"report of {len(documents)} documents written to {html_path}", markup=False)
    raise typer.Exit(EXIT_ERROR if failed else EXIT_OK)


@app.command()
def restore(
    output: Path = typer.Argument(..., help="A cleaned body written by `cleaner clean`."),
    record: Optional[Path] = typer.Option(None, "--record", help="Its record (default: beside it)."),
    to: Optional[Path] = typer.Option(None, "--to", help="Write the source here instead of stdout."),
    text_field: str = typer.Option("text", "--text-field", help="JSONL: the field holding the text."),
) -> None:
    """Rebuild the original source bytes from a cleaned body and its record.

    For a cleaned JSONL file: the original lines (text fields restored, records dropped).
    """
    if is_jsonl(output):
        try:
            lines = list(restore_lines(output, text_field))
        except (OSError, ValueError, KeyError, CleanerError) as exc:
            _fail(f"{output}: cannot restore: {exc}")
        data = "".join(lines).encode("utf-8")
        sys.stdout.buffer.write(data) if to is None else _write(to, data)
        return
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
        _write(to, raw)


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
            _, settings = _settings()
            cleaned = Cleaner(settings).clean_bytes(read_source(path, settings.max_bytes), path.name)
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


@app.command("config")
def show_config() -> None:
    """Print the effective settings and where each came from (default or pyproject.toml)."""
    values, _ = _settings()
    for key, value in values.items():
        typer.echo(f"{key:15} {json.dumps(value.value):40} # {value.origin}")


def main() -> None:
    app()
