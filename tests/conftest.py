"""Shared fixtures: where the repo, the seeds and the gold live."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CLEANED = REPO / "cleaned"
SHARED = REPO.parent / "shared"


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
