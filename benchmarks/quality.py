"""Quality benchmark: token precision, recall and F1 of the cleaner against gold bodies.

Runs the chain on the plain-text inputs of the development benchmark
(`../shared/bench/{sh,l3s}/text/`) and on the seeds, writes the bodies to a
folder and scores them with the project's scorer (`../shared/tools/score.py`).

    python benchmarks/quality.py                 # sh, l3s and seeds
    python benchmarks/quality.py --set sh --out /tmp/sh --skip main-text
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cleaner.api import Cleaner
from cleaner.errors import CleanerError
from cleaner.settings import Settings

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SETS = {
    "sh": (SHARED / "bench/sh/text", SHARED / "bench/sh/gold"),
    "l3s": (SHARED / "bench/l3s/text", SHARED / "bench/l3s/gold"),
    "seeds": (REPO / "seeds", SHARED / "seeds-gold"),
}


def clean_folder(cleaner: Cleaner, inputs: Path, out: Path) -> tuple[int, float, int]:
    out.mkdir(parents=True, exist_ok=True)
    started, docs, size = time.perf_counter(), 0, 0
    for path in sorted(inputs.glob("*.txt")):
        raw = path.read_bytes()
        try:
            body = cleaner.clean_bytes(raw, path.name, path.name).text
        except CleanerError as exc:
            print(f"error: {path.name}: {exc}", file=sys.stderr)
            body = ""
        (out / path.name).write_text(body, encoding="utf-8")
        docs, size = docs + 1, size + len(raw)
    return docs, time.perf_counter() - started, size


def score(gold: Path, out: Path, verbose: bool) -> str:
    scorer = SHARED / "tools/score.py"
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(out)],
                          capture_output=True, text=True, check=True)
    if verbose:
        print(done.stdout)
    return done.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="default: all")
    parser.add_argument("--out", type=Path, help="keep the bodies here (one folder per set)")
    parser.add_argument("--skip", default="", help="steps to skip, comma-separated")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-document scores")
    args = parser.parse_args()
    skip = tuple(s for s in args.skip.split(",") if s)
    cleaner = Cleaner(Settings(skip=skip))
    with tempfile.TemporaryDirectory() as tmp:
        root = args.out or Path(tmp)
        for name in args.set or ["sh", "l3s", "seeds"]:
            inputs, gold = SETS[name]
            docs, seconds, size = clean_folder(cleaner, inputs, root / name)
            line = score(gold, root / name, args.verbose)
            print(f"{name:6} {line}  | {docs} docs, {docs / seconds:.0f} docs/s, "
                  f"{size / seconds / 1e6:.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
