"""Quality benchmark: token precision, recall and F1 of the cleaner against gold bodies.

Runs the chain on the development benchmark (`../shared/bench/{sh,l3s}/`) and
the seeds, writes the bodies to a folder and scores them with the project's
scorer (`../shared/tools/score.py`). With `--html` it cleans the saved HTML
pages instead, and runs trafilatura alone (default and favor_precision) on
the same pages in the same run, side by side, with their speed. Speeds are
per document after one untimed first document, whose time (the one-off cost
of a process: rules compiled, word lists loaded) is printed apart.

    python benchmarks/quality.py                 # text inputs: sh, l3s and seeds
    python benchmarks/quality.py --html          # HTML inputs: trafilatura vs cleaner
    python benchmarks/quality.py --set sh --out /tmp/q --skip main-text -v
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from cleaner.api import Cleaner
from cleaner.errors import CleanerError
from cleaner.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
BENCH = SHARED / "bench"
TEXT_SETS = {"sh": BENCH / "sh/text", "l3s": BENCH / "l3s/text", "seeds": REPO / "seeds"}
GOLD = {"sh": BENCH / "sh/gold", "l3s": BENCH / "l3s/gold", "seeds": SHARED / "seeds-gold"}


def warm_up(clean: Callable[[bytes, str], str], inputs: list[Path],
            prepare: Callable[[], object] | None = None) -> float:
    """Seconds of a first, untimed cleaning: what a process pays once (rules compiled,
    word lists and language profiles loaded, by `prepare` where the method has one, as
    the engine's workers do), kept out of the per-document speed."""
    started = time.perf_counter()
    if prepare is not None:
        prepare()
    for path in inputs[:1]:
        try:
            clean(path.read_bytes(), path.name)
        except CleanerError:
            pass
    return time.perf_counter() - started


def run_method(clean: Callable[[bytes, str], str], inputs: list[Path], out: Path) -> tuple[float, int]:
    """Clean every input with `clean`, write OUT/ID.txt; seconds and bytes read."""
    out.mkdir(parents=True, exist_ok=True)
    seconds, size = 0.0, 0
    for path in inputs:
        raw = path.read_bytes()
        started = time.perf_counter()
        try:
            body = clean(raw, path.name)
        except CleanerError as exc:
            print(f"error: {path.name}: {exc}", file=sys.stderr)
            body = ""
        seconds += time.perf_counter() - started
        size += len(raw)
        (out / (path.stem + ".txt")).write_text(body, encoding="utf-8")
    return seconds, size


def score(gold: Path, out: Path, verbose: bool) -> str:
    done = subprocess.run([sys.executable, str(SHARED / "tools/score.py"), str(gold), str(out)],
                          capture_output=True, text=True, check=True)
    if verbose:
        print(done.stdout)
    return done.stdout.strip().splitlines()[-1]


def cleaner_method(cleaner: Cleaner) -> Callable[[bytes, str], str]:
    return lambda raw, name: cleaner.clean_bytes(raw, name, name).text


def trafilatura_method(**options) -> Callable[[bytes, str], str]:
    import trafilatura

    def extract(raw: bytes, name: str) -> str:
        return trafilatura.extract(raw.decode("utf-8", errors="replace"), include_comments=False,
                                   deduplicate=False, **options) or ""
    return extract


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(TEXT_SETS), action="append", help="default: all")
    parser.add_argument("--html", action="store_true", help="HTML inputs, trafilatura alongside")
    parser.add_argument("--out", type=Path, help="keep the bodies here (a folder per set and method)")
    parser.add_argument("--skip", default="", help="steps to skip, comma-separated")
    parser.add_argument("--favor", default="precision", help="cleaner's HTML extraction mode")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-document scores")
    args = parser.parse_args()
    settings = Settings(skip=tuple(s for s in args.skip.split(",") if s), html_favor=args.favor)
    cleaner = Cleaner(settings)
    methods = {"cleaner": cleaner_method(cleaner)}
    if args.html:
        methods = {"trafilatura": trafilatura_method(),
                   "trafilatura-precision": trafilatura_method(favor_precision=True), **methods}
    names = args.set or (["sh", "l3s"] if args.html else ["sh", "l3s", "seeds"])
    with tempfile.TemporaryDirectory() as tmp:
        root = args.out or Path(tmp)
        for name in names:
            folder = BENCH / name / "html" if args.html else TEXT_SETS[name]
            inputs = sorted(folder.glob("*.html" if args.html else "*.txt"))
            speeds = {}
            for method, clean in methods.items():
                startup = warm_up(clean, inputs, cleaner.prepare if method == "cleaner" else None)
                seconds, size = run_method(clean, inputs, root / name / method)
                line = score(GOLD[name], root / name / method, args.verbose)
                speeds[method] = len(inputs) / seconds
                print(f"{name:5} {method:22} {line} | {speeds[method]:6.0f} docs/s "
                      f"{size / seconds / 1e6:5.2f} MB/s (first document {startup:.2f} s)")
            if args.html:
                print(f"{name:5} cleaner's speed: {speeds['cleaner'] / speeds['trafilatura-precision']:.0%} of "
                      f"trafilatura-precision's, {speeds['cleaner'] / speeds['trafilatura']:.0%} of trafilatura's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
