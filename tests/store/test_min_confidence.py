"""--min-confidence: ingest keeps only confident events; the API filters stored ones."""

from __future__ import annotations

import duckdb
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from eventwire.pipeline import code_articles
from eventwire.records import Article
from eventwire.store.ingest import ingest_articles

ARTICLES = [Article(id="m1", date="2016-03-01",
                    text="France met with Germany in Paris.\nOfficials said Iran was worried.")]


def confidences(db) -> list[float]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [row[0] for row in con.execute("SELECT confidence FROM mentions").fetchall()]
    finally:
        con.close()


def test_ingest_drops_events_below_the_threshold_and_the_api_filters(tmp_path):
    everything, confident = tmp_path / "all.duckdb", tmp_path / "confident.duckdb"
    ingest_articles(ARTICLES, everything, code_articles, progress=False, min_confidence=0.0)
    stored = confidences(everything)
    threshold = sorted(stored)[-1]
    assert min(stored) < threshold  # the article has events on both sides of it
    ingest_articles(ARTICLES, confident, code_articles, progress=False, min_confidence=threshold)
    assert confidences(confident) and min(confidences(confident)) >= threshold

    with TestClient(create_app(everything)) as client:
        total = client.get("/api/events").json()["total"]
        kept = client.get("/api/events", params={"min_confidence": threshold}).json()["total"]
        assert 0 < kept < total
        assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 422
