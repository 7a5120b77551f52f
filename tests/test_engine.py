"""The local engine: same outputs whatever the worker count; order kept; pool used for real."""
import os

from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.engine import CHUNK, ordered_map
from conftest import SEEDS

DEBRIS = ["Skip to content", "Edit post", "Back to top", "Log in / Register", "Home > World > Asia"]


def make_corpus(folder, count=3 * CHUNK + 5):
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(count):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (folder / f"sub{i % 3}").mkdir(parents=True, exist_ok=True)
        (folder / f"sub{i % 3}" / f"doc{i:03}.txt").write_text(f"{DEBRIS[i % len(DEBRIS)]}\n{text}\nline {i}\n")


def tree(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_one_and_two_workers_write_the_same_bytes(tmp_path):
    make_corpus(tmp_path / "src")
    runner = CliRunner()
    one = runner.invoke(app, ["clean", str(tmp_path / "src"), "--out", str(tmp_path / "one"), "-j", "1"])
    two = runner.invoke(app, ["clean", str(tmp_path / "src"), "--out", str(tmp_path / "two"), "-j", "2"])
    assert one.exit_code == two.exit_code == 0, one.stderr + two.stderr
    assert one.stderr == two.stderr
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert len(tree(tmp_path / "one")) == 2 * (3 * CHUNK + 5)


def _tag(context, item):
    return (item, context, os.getpid())


def _context():
    return "ctx"


def test_ordered_map_keeps_order_and_uses_worker_processes():
    results = list(ordered_map(_tag, range(5 * CHUNK), _context, workers=2))
    assert [r[0] for r in results] == list(range(5 * CHUNK))
    assert {r[1] for r in results} == {"ctx"}
    assert os.getpid() not in {r[2] for r in results}
    small = list(ordered_map(_tag, range(3), _context, workers=2))
    assert {r[2] for r in small} == {os.getpid()}  # too small for a pool


class _Preparable:
    def __init__(self):
        self.prepared_in = None

    def prepare(self):
        self.prepared_in = os.getpid()


def _prepared_in(context, item):
    return context.prepared_in, os.getpid()


def test_a_worker_prepares_its_context_once_before_its_first_item():
    results = list(ordered_map(_prepared_in, range(3 * CHUNK), _Preparable, workers=2))
    assert all(prepared == worker for prepared, worker in results)
    assert os.getpid() not in {worker for _, worker in results}
    small = list(ordered_map(_prepared_in, range(3), _Preparable, workers=2))
    assert {prepared for prepared, _ in small} == {None}  # one process, one short run: loaded on use
