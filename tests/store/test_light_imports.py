"""The store sits below the pipeline: importing it never loads spaCy (issue 16).

``python -X importtime`` lists every module an import loads, on stderr, one line each.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


def imported_modules(statement: str) -> set[str]:
    """The modules a fresh interpreter loads to run ``statement``."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", statement],
                            capture_output=True, text=True, env={"PYTHONPATH": str(SRC)},
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
            if line.startswith("import time:")}


@pytest.mark.parametrize("module", ["eventwire.store.schema", "eventwire.store"])
def test_importing_the_store_loads_no_spacy(module: str) -> None:
    modules = imported_modules(f"import {module}")
    assert module in modules  # the listing did see the import itself
    assert not {name for name in modules if name.split(".")[0] == "spacy"}
