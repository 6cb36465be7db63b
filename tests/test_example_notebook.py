"""The example notebook runs (nbclient, a real kernel) on a small store and writes its plot."""

from __future__ import annotations

import pytest
from shared_data import REPO

from eventwire.evaluate.synthetic import replaying_coder, synthetic_articles
from eventwire.store.ingest import ingest_articles

NOTEBOOK = REPO / "examples" / "usa_rus_analysis.ipynb"


def test_the_example_notebook_runs_and_writes_its_plot(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat", reason="the dev extra is not installed")
    nbclient = pytest.importorskip("nbclient", reason="the dev extra is not installed")
    coded = synthetic_articles(150, seed=3)
    db = tmp_path / "events.duckdb"
    ingest_articles([a for a, _ in coded], db, coder=replaying_coder(coded), progress=False)
    plot = tmp_path / "usa_rus.png"
    monkeypatch.setenv("EVENTWIRE_DB", str(db))
    monkeypatch.setenv("EVENTWIRE_PLOT", str(plot))

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()

    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and plot.stat().st_size > 10_000
    errors = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if output.get("output_type") == "error"]
    assert not errors
    table = notebook.cells[3].outputs[-1]["data"]["text/plain"]
    assert "cooperation" in table and "conflict" in table
