"""Whether sources have uncommitted changes in git (guards `--in-place`)."""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Iterable


def dirty_paths(paths: Iterable[Path]) -> list[str]:
    """Paths under `paths` that git reports as modified or untracked; [] outside a repo."""
    dirty: list[str] = []
    for path in paths:
        folder = path if path.is_dir() else path.parent
        try:
            done = subprocess.run(["git", "status", "--porcelain", "--", str(path.resolve())],
                                  cwd=folder, capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            dirty += [line[3:] for line in done.stdout.splitlines() if line.strip()]
    return dirty
