"""Where the shared data lies (../shared beside the checkout), for tests of every stage.

Tests that need it call ``require_shared(path)``, which skips with the reason when it is absent
(a user's fresh clone); CI always has it.
"""

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
