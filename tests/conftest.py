"""Shared fixtures: paths to ../shared data (tests that need it skip when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_f9efde54cf5625c2.txt"


def require_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: shared data is not beside this checkout")
    return path


@pytest.fixture
def seed_path() -> Path:
    return require_shared(SEED)


@pytest.fixture
def shared_dir() -> Path:
    return require_shared(SHARED)
