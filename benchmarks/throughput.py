"""Throughput benchmark: docs/s, MB/s per core, per-step time shares and peak RSS.

Builds a synthetic corpus (default 20,000 documents of 3-6 KB, from the page
texts of `../shared/bench`; `--html` wraps them as HTML pages), then times
the real command on it: `cleaner clean CORPUS --out OUT -j N` for 1 and 2
workers and, when Ray is installed, `--engine ray`; each run in its own
process, so its peak RSS is its own. The floor is plain read + write of the
same files in the same run. Per-step shares come from an in-process run over
a sample.

    python benchmarks/throughput.py                  # 20,000 text documents
    python benchmarks/throughput.py --docs 2000 --html
"""
from __future__ import annotations

import argparse
import html
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cleaner.api import Cleaner

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO.parent / "shared" / "bench"


def source_lines() -> list[str]:
    lines = []
    for name in ("sh", "l3s"):
        for path in sorted((BENCH / name / "text").glob("*.txt")):
            lines += path.read_text(encoding="utf-8").splitlines()
    return lines


def make_corpus(folder: Path, docs: int, as_html: bool, seed: int = 7) -> int:
    """`docs` documents of 3-6 KB of consecutive page lines; returns total bytes."""
    rng = random.Random(seed)
    lines = source_lines()
    total = 0
    for i in range(docs):
        target, start, parts, size = rng.randint(3000, 6000), rng.randrange(len(lines)), [], 0
        while size < target:
            line = lines[start % len(lines)]
            parts.append(line)
            size += len(line) + 1
            start += 1
        text = "\n".join(parts) + "\n"
        if as_html:
            body = "\n".join(f"<p>{html.escape(p)}</p>" if len(p.split()) > 8 else f"<div>{html.escape(p)}</div>"
                             for p in parts)
            text = f"<!DOCTYPE html><html><head><title>Doc {i}</title></head><body><article>{body}</article></body></html>\n"
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (sub / f"doc{i:06d}.{'html' if as_html else 'txt'}").write_bytes(data)
        total += len(data)
    return total


def floor(corpus: Path, out: Path) -> float:
    started = time.perf_counter()
    for path in sorted(corpus.rglob("*")):
        if path.is_file():
            target = out / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    return time.perf_counter() - started


def run_command(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one `cleaner` run in its own process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cleaner", *args], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"cleaner {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def step_shares(corpus: Path, sample: int) -> dict[str, float]:
    """Each step's share of the chain's time on `sample` documents, once the cleaner has
    loaded its models (as a worker does before its first document)."""
    timings: dict[str, float] = {}
    cleaner = Cleaner(timings=timings).prepare()
    for path in sorted(corpus.rglob("*"))[:sample]:
        if path.is_file():
            cleaner.clean_bytes(path.read_bytes(), path.name)
    total = sum(timings.values()) or 1.0
    return {name: seconds / total for name, seconds in sorted(timings.items(), key=lambda kv: -kv[1])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--html", action="store_true", help="HTML pages instead of page text")
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray engine")
    parser.add_argument("--sample", type=int, default=1000, help="documents for per-step shares")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cleaner-throughput-"))
    try:
        corpus = work / "corpus"
        size = make_corpus(corpus, args.docs, args.html)
        mb = size / 1e6
        print(f"corpus: {args.docs} {'HTML' if args.html else 'text'} documents, {mb:.1f} MB")
        seconds = floor(corpus, work / "floor")
        print(f"{'floor (read + write)':28} {args.docs / seconds:8.0f} docs/s {mb / seconds:7.2f} MB/s")
        runs = [("local, 1 worker", ["-j", "1"], 1), ("local, 2 workers", ["-j", "2"], 2)]
        if not args.no_ray:
            try:
                import ray  # noqa: F401
                runs.append(("ray, 2 CPUs", ["--engine", "ray", "-j", "2"], 2))
            except ImportError:
                print("ray not installed (pip install '.[ray]'): Ray engine skipped")
        for label, extra, cores in runs:
            out = work / label.replace(" ", "_").replace(",", "")
            seconds, peak = run_command(["clean", str(corpus), "--out", str(out), "-q", *extra])
            print(f"{label:28} {args.docs / seconds:8.0f} docs/s {mb / seconds:7.2f} MB/s "
                  f"{mb / seconds / cores:7.2f} MB/s per core, peak RSS {peak:6.0f} MB")
        print(f"per-step time shares (in-process, {args.sample} documents):")
        for name, share in step_shares(corpus, args.sample).items():
            print(f"  {name:20} {share:6.1%}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
