"""Shared fixtures: paths to ../shared data (tests that need it skip when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from local_site import local_site  # noqa: F401 - the HTTP server fixture, for every test
from shared_data import SEED, SHARED, require_shared


@pytest.fixture
def seed_path() -> Path:
    return require_shared(SEED)


@pytest.fixture
def shared_dir() -> Path:
    return require_shared(SHARED)
