"""Writes are atomic and nothing is lost.

Every output and record goes to a temporary file beside it and is renamed
into place, so a run killed at any moment leaves whole files (and perhaps
temporaries, which the next run sweeps) and can be rerun to completion.
`restore` gives back every source byte for byte, and `--in-place` keeps the
original recoverable from the record.
"""
from __future__ import annotations

import ast
import json
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.api import Cleaner
from cleaner.cli import app
from cleaner.files import atomic_write
from cleaner.record import replay, restore_bytes
from conftest import REPO, SEEDS, SHARED

runner = CliRunner()
CLEANER = shutil.which("cleaner", path=str(Path(sys.executable).parent)) or "cleaner"
PACKAGE = REPO / "cleaner"
TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # `.NAME.XXXXXXXX.tmp`, what a killed write leaves
BENCH = SHARED / "bench"
DEBRIS = ["Skip to content", "Edit post", "Back to top", "Share this article", "Advertisement",
          "Sign up for our free weekly newsletter", "Home > World > Europe"]


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if TEMP_NAME.match(p.name))


def make_corpus(folder: Path, count: int) -> None:
    """`count` small documents: the seeds cut into pieces, with debris, in three folders."""
    seeds = [p.read_text(encoding="utf-8").splitlines() for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(count):
        lines = seeds[i % len(seeds)]
        start = (i * 7) % max(1, len(lines) - 4)
        body = "\n".join(lines[start:start + 4])
        sub = folder / f"part{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"doc{i:04}.txt").write_text(f"{DEBRIS[i % len(DEBRIS)]}\n{body}\nStory {i}.\n", encoding="utf-8")


# --- atomic_write itself --------------------------------------------------------------------------

def test_atomic_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "deep" / "out.txt"
    atomic_write(target, b"first\n")
    atomic_write(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert os.listdir(target.parent) == ["out.txt"]


FAILING_WRITE = """
import resource, signal, sys
from pathlib import Path
from cleaner.files import atomic_write
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    atomic_write(Path(sys.argv[1]), b"x" * 100_000)
except OSError as exc:
    print(exc.strerror)
"""


def test_a_failed_write_keeps_the_old_file_and_removes_its_temporary(tmp_path):
    """A real write error (EFBIG past RLIMIT_FSIZE) in the middle of the data."""
    target = tmp_path / "out.txt"
    target.write_bytes(b"the previous, complete output\n")
    done = subprocess.run([sys.executable, "-c", FAILING_WRITE, str(target)], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "File too large", done.stderr
    assert target.read_bytes() == b"the previous, complete output\n"
    assert os.listdir(tmp_path) == ["out.txt"]


SLOW_WRITE = """
import sys
from pathlib import Path
from cleaner.files import atomic_write
atomic_write(Path(sys.argv[1]), b"The council met on Tuesday.\\n" * 3_000_000)
"""


def kill_while_writing(target: Path) -> Path:
    """SIGKILL a process in the middle of atomic_write; the temporary it leaves."""
    for _ in range(5):
        child = subprocess.Popen([sys.executable, "-c", SLOW_WRITE, str(target)])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            left = [p for p in target.parent.iterdir() if TEMP_NAME.match(p.name)]
            if left and left[0].stat().st_size > 0:
                child.kill()
                child.wait()
                return left[0]
            time.sleep(0.002)
        child.kill()
        child.wait()
        target.unlink(missing_ok=True)
    pytest.fail("could not catch atomic_write in the middle of a write")


def test_a_write_killed_midway_leaves_the_old_file_and_the_rerun_removes_its_temporary(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_corpus(src, 3)
    assert run("clean", src, "--out", out).exit_code == 0
    old_output = (out / "part0" / "doc0000.txt").read_bytes()
    (src / "part0" / "doc0000.txt").write_text("Edit post\nThe harbour board met on Monday to discuss dredging.\n")
    leftover = kill_while_writing(out / "part0" / "doc0000.txt")  # as if killed writing the new output
    assert (out / "part0" / "doc0000.txt").read_bytes() == old_output  # the old output, whole
    assert leftover.name.startswith(".doc0000.txt.") and leftover.name.endswith(".tmp")
    user_file = out / ".notes.txt"  # hidden, but not named like our temporaries: kept
    user_file.write_text("mine\n")
    again = run("clean", src, "--out", out)
    assert again.exit_code == 0, again.stderr
    assert temporaries(out) == [] and user_file.read_text() == "mine\n"
    user_file.unlink()
    assert run("clean", src, "--out", tmp_path / "reference").exit_code == 0
    assert tree(out) == tree(tmp_path / "reference")



def test_a_rerun_with_workers_removes_every_leftover_temporary_of_its_outputs_and_nothing_else(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_corpus(src, 90)  # enough for the worker pool
    assert run("clean", src, "--out", out).exit_code == 0
    outputs = sorted(out.rglob("*.txt")) + sorted(out.rglob("*.cleaner.json"))
    leftovers = [path.with_name(f".{path.name}.{i:08d}.tmp") for i, path in enumerate(outputs[::7])]
    for leftover in leftovers:
        leftover.write_bytes(b"half a file")
    foreign = out / "part0" / ".unknown.txt.abcdefgh.tmp"  # named like ours, for a file no source writes
    foreign.write_bytes(b"not ours")
    for source in sorted(src.rglob("*.txt")):
        source.write_text(source.read_text() + "Edit post\n")  # every output changes
    again = run("clean", src, "--out", out, "-j", "2")
    assert again.exit_code == 0, again.stderr
    assert [path for path in leftovers if path.exists()] == [] and foreign.exists()


def test_outputs_get_the_usual_permissions_of_new_files(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_corpus(src, 1)
    old = os.umask(0o022)
    try:
        assert run("clean", src, "--out", out).exit_code == 0
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*") if p.is_file()}
    assert modes == {"doc0000.txt": 0o644, "doc0000.cleaner.json": 0o644}


def test_in_place_keeps_the_source_file_mode(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Skip to content\nThe harbour board met on Monday to discuss the channel.\n")
    source.chmod(0o664)
    assert run("clean", source, "--in-place", "--force").exit_code == 0
    assert stat.S_IMODE(source.stat().st_mode) == 0o664


# --- every write in the package goes through an atomic writer ---------------------------------------

WRITE_METHODS = {"write_text", "write_bytes"}


def _mode_of(call: ast.Call, position: int) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == "mode"), None)


def _callee(call: ast.Call) -> str:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")


def _writes(function: ast.AST):
    """(line, what) for every call in `function` that opens or writes a file for writing."""
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        name = _callee(node)
        if name in WRITE_METHODS or name == "fdopen":
            yield node.lineno, name
        elif name == "open":
            module_function = isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                and node.func.value.id in ("gzip", "io", "os")
            plain = isinstance(node.func, ast.Name) or module_function
            mode = _mode_of(node, 1 if plain else 0)
            if mode is None:
                continue  # the default mode reads
            if not isinstance(mode, ast.Constant):
                yield node.lineno, "open with a computed mode"
            elif any(flag in mode.value for flag in "wax+"):
                yield node.lineno, f"open mode {mode.value!r}"


def test_every_file_write_in_the_package_is_a_temporary_renamed_into_place():
    """A function may open a file for writing only if it made that file with mkstemp,
    and its module renames temporaries into place with os.replace."""
    unexpected = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ast.parse(path.read_text(encoding="utf-8"))
        renames = any(isinstance(n, ast.Call) and _callee(n) == "replace" for n in ast.walk(module))
        for function in [n for n in ast.walk(module) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
            makes_temporary = any(isinstance(n, ast.Call) and _callee(n) == "mkstemp" for n in ast.walk(function))
            for line, what in _writes(function):
                if what == "open with a computed mode" and function.name == "open_text":
                    continue  # jsonl.open_text: every caller passes the literal "r" (checked below)
                if not (makes_temporary and renames):
                    unexpected.append(f"{path.relative_to(REPO)}:{line} in {function.name}(): {what}")
    assert unexpected == [], "a file written in place instead of through a temporary renamed into place"
    jsonl = ast.parse((PACKAGE / "jsonl.py").read_text(encoding="utf-8"))
    modes = [call.args[1] for call in ast.walk(jsonl) if isinstance(call, ast.Call) and _callee(call) == "open_text"]
    assert modes and all(isinstance(m, ast.Constant) and m.value == "r" for m in modes)


# --- SIGKILL at random points ------------------------------------------------------------------------

def assert_only_complete_outputs(out: Path, reference: dict[str, bytes]) -> None:
    for name, data in tree(out).items():
        if TEMP_NAME.match(Path(name).name):
            continue  # what the killed write was doing; swept by the next run
        assert name in reference, f"unexpected file {name}"
        assert data == reference[name], f"{name} is not the complete output"
        if name.endswith(".cleaner.json"):
            json.loads(data)


def start(src: Path, out: Path, workers: int) -> subprocess.Popen:
    return subprocess.Popen([CLEANER, "clean", str(src), "--out", str(out), "-j", str(workers), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_killed_at_random_points_leaves_only_complete_outputs_and_reruns_to_completion(tmp_path, workers):
    src = tmp_path / "src"
    make_corpus(src, 300)
    started = time.monotonic()
    reference_run = subprocess.run([CLEANER, "clean", str(src), "--out", str(tmp_path / "reference"),
                                    "-j", str(workers), "-q"], capture_output=True, text=True, timeout=600)
    duration = time.monotonic() - started
    assert reference_run.returncode == 0, reference_run.stderr
    reference = tree(tmp_path / "reference")
    assert len(reference) == 600
    out = tmp_path / "out"
    rng = random.Random(f"sigkill-{workers}")
    kills = 0
    for _ in range(4):
        child = start(src, out, workers)
        time.sleep(rng.uniform(0.3, max(0.6, duration * 0.8)))
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)  # the workers too
            kills += 1
        child.wait()
        assert_only_complete_outputs(out, reference)
    assert kills >= 2, "the run finished before most kills: nothing was tested"
    final = subprocess.run([CLEANER, "clean", str(src), "--out", str(out), "-j", str(workers)],
                           capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    assert temporaries(out) == []
    assert tree(out) == reference


def test_a_killed_jsonl_run_reruns_to_completion_and_leaves_no_temporary(tmp_path):
    source = tmp_path / "in.jsonl"
    story = "The council met on Monday to debate the harbour plan and its cost, and voted to delay it."
    source.write_text("".join(json.dumps({"id": str(i), "text": f"Back to top\n{story} Number {i}.\n"}) + "\n"
                              for i in range(400)))
    out = tmp_path / "out" / "cleaned.jsonl"
    child = subprocess.Popen([CLEANER, "clean", str(source), "--out", str(out), "-j", "1"],
                             stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while child.poll() is None and time.monotonic() < deadline:
        if out.parent.is_dir() and any(TEMP_NAME.match(p.name) for p in out.parent.iterdir()):
            os.killpg(child.pid, signal.SIGKILL)
            break
        time.sleep(0.002)
    child.wait()
    assert not out.exists()  # never a partial JSONL file
    final = run("clean", source, "--out", out, "-j", "1")
    assert final.exit_code == 0, final.stderr
    assert len(out.read_text().splitlines()) == 400
    assert sorted(p.name for p in out.parent.iterdir()) == ["cleaned.jsonl"]


# --- nothing lost: restore gives back every source ----------------------------------------------------

def bench_sample(count: int, seed: str = "restore") -> list[Path]:
    """`count` pages of each bench folder (sh, l3s) and kind (text, html)."""
    picked = []
    for folder in sorted(p for p in BENCH.glob("*/") if p.is_dir()):
        for kind in ("text", "html"):
            pages = sorted((folder / kind).iterdir())
            picked += random.Random(f"{seed}-{folder.name}-{kind}").sample(pages, min(count, len(pages)))
    return picked


AWKWARD = {
    "cp1252.txt": "The mayor’s café — “quoted” — costs 5 €.\nSkip to content\n".encode("cp1252"),
    "mixed.txt": "The mayor’s café ".encode("utf-8") + "and the “école” cost 5 €.\n".encode("cp1252"),
    "utf16-no-bom.txt": "Back to top\nThe harbour board met on Monday.\r\n".encode("utf-16-le"),
    "utf16-bom.txt": "Back to top\nThe harbour board met on Monday.\r\n".encode("utf-16"),
    "invalid-utf8.txt": b"The council \xc3\x28 met on \xf0\x28\x8c\x28 Tuesday.\n",
    "mojibake.txt": "The mayorâ€™s office said the cafÃ© would reopen.\n".encode("utf-8"),
    "bom-crlf.txt": b"\xef\xbb\xbfEdit post\r\nThe harbour board met on Monday.\r\n",
}


def assert_restorable(cleaner: Cleaner, name: str, raw: bytes) -> None:
    cleaned = cleaner.clean_bytes(raw, name, name)
    assert replay(cleaned.decoded.text, cleaned.record) == cleaned.text, name
    assert restore_bytes(cleaned.text, cleaned.record) == raw, name


def test_restore_gives_back_every_seed_awkward_input_and_a_bench_sample_exactly():
    cleaner = Cleaner()
    for path in sorted(SEEDS.glob("*.txt")):
        assert_restorable(cleaner, path.name, path.read_bytes())
    for name, raw in AWKWARD.items():
        assert_restorable(cleaner, name, raw)
    for path in bench_sample(2):
        assert_restorable(cleaner, path.name, path.read_bytes())


@pytest.mark.slow
def test_restore_gives_back_every_bench_page_exactly():
    cleaner = Cleaner()
    for path in sorted(BENCH.glob("*/*/*")):
        if path.parent.name in ("text", "html"):
            assert_restorable(cleaner, f"{path.parent.name}/{path.name}", path.read_bytes())


def test_the_restore_command_gives_back_every_source_of_a_cleaned_folder(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    make_corpus(src, 6)
    for name, raw in AWKWARD.items():
        (src / name).write_bytes(raw)
    for path in bench_sample(1, "cli"):
        shutil.copy(path, src / f"{path.parent.parent.name}-{path.name}")
    assert run("clean", src, "--out", out, "-j", "1").exit_code == 0
    sources = [p for p in src.rglob("*") if p.is_file()]
    for source in sources:
        body = out / source.relative_to(src).with_suffix(".txt")
        restored = runner.invoke(app, ["restore", str(body)])
        assert restored.exit_code == 0, restored.stderr
        assert restored.stdout_bytes == source.read_bytes(), source.name


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                               "GIT_COMMITTER_EMAIL": "t@t", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                               "HOME": str(cwd)})


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_in_place_refuses_a_dirty_tree_and_keeps_every_original_recoverable(tmp_path):
    src = tmp_path / "repo"
    make_corpus(src, 4)
    for name, raw in AWKWARD.items():
        (src / name).write_bytes(raw)
    pages = bench_sample(1, "in-place")
    if pages:  # a real page from the benchmark beside the repo; a small one of our own without it
        shutil.copy(pages[1], src / "page.html")
    else:
        (src / "page.html").write_text(f"<html><body><nav>Home News</nav><article><p>{' '.join(DEBRIS)}</p>"
                                       "<p>The harbour board met on Monday and approved the dredging plan "
                                       "after a long debate about its cost.</p></article></body></html>")
    originals = tree(src)
    git(src, "init", "-q")
    refused = run("clean", src, "--in-place")
    assert refused.exit_code == 2 and "refusing --in-place: uncommitted changes" in refused.stderr
    assert "--force" in refused.stderr
    assert {k: v for k, v in tree(src).items() if not k.startswith(".git/")} == originals
    git(src, "add", "-A")
    git(src, "commit", "-qm", "sources")
    done = run("clean", src, "--in-place")
    assert done.exit_code == 0, done.stderr
    (src / "cp1252.txt").write_bytes(b"edited by hand\n")  # dirty again
    assert run("clean", src, "--in-place").exit_code == 2
    assert run("clean", src, "--in-place", "--force").exit_code == 0
    originals["cp1252.txt"] = b"edited by hand\n"
    for name, raw in originals.items():
        restored = runner.invoke(app, ["restore", str(src / name)])
        assert restored.exit_code == 0, restored.stderr
        assert restored.stdout_bytes == raw, name
