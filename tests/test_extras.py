"""A feature whose extra is not installed says, in one line, what to install."""

from __future__ import annotations

import importlib.util

import pytest

from eventwire import extras
from eventwire.cli import main


def hide(monkeypatch, *modules: str) -> None:
    """Make ``modules`` look uninstalled to the extras check."""
    real = importlib.util.find_spec
    monkeypatch.setattr(extras, "find_spec",
                        lambda name, *args: None if name in modules else real(name, *args))


@pytest.mark.parametrize("argv, line", [
    (["serve", "--db", "{db}"],
     "eventwire serve needs: pip install 'eventwire[serve]' (uvicorn is not installed)"),
    (["ingest", "{text}", "--db", "{db}", "--cluster", "tcp://127.0.0.1:1"],
     "eventwire ingest --cluster needs: pip install 'eventwire[dask]' (distributed is not "
     "installed)"),
])
def test_a_missing_extra_is_one_line_naming_it(monkeypatch, capsys, tmp_path, argv, line):
    hide(monkeypatch, "uvicorn", "distributed")
    text = tmp_path / "a.txt"
    text.write_text("France accused Iran of supporting militants on Monday.\n")
    values = {"db": str(tmp_path / "events.duckdb"), "text": str(text)}
    assert main([part.format(**values) for part in argv]) == 2
    assert capsys.readouterr().err.splitlines() == [line]
