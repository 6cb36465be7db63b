"""Counts in the API: reconciled counts on events, mention counts, sums per month, dyad, country,
and the min_killed filter, through a real uvicorn server over a real DuckDB store."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from serving import serving

from eventwire.evaluate.synthetic import make_event, replaying_coder
from eventwire.records import Article, Location
from eventwire.store.ingest import ingest_articles

ALEPPO = Location("Aleppo", "SYR", 36.20, 37.16, 170063)
KIEV = Location("Kiev", "UKR", 50.45, 30.52, 703448)

# (doc id, day, source, target, place, killed value, low, high) — one report each
REPORTS = [
    ("a1", "2016-05-01", "SYRMIL", "SYRREB", ALEPPO, 3, 3, 3),
    ("a2", "2016-05-01", "SYRMIL", "SYRREB", ALEPPO, 10, 10, None),  # the same attack, another outlet
    ("a3", "2016-05-20", "SYRMIL", "SYRREB", ALEPPO, 7, 7, 7),
    ("a4", "2016-06-03", "SYRREB", "SYRMIL", ALEPPO, 2, 2, 2),
    ("a5", "2016-06-04", "RUSGOV", "UKRGOV", KIEV, 4, 4, 4),
    ("a6", "2016-06-20", "RUSGOV", "UKRGOV", KIEV, None, None, None),
]


def _coded():
    coded = []
    for doc_id, day, source, target, place, value, low, high in REPORTS:
        sentence = f"{source} attacked {target} in {place.name} ({doc_id})."
        event = make_event(doc_id, 0, sentence, "190", source, target, day, place)
        if value is not None:
            event.counts = {"killed": {"value": value, "low": low, "high": high, "text": "x",
                                       "span": [0, 1]}}
        coded.append((Article(id=doc_id, text=sentence, date=day, source=f"outlet-{doc_id}"),
                       [event]))
    return coded


@pytest.fixture(scope="module")
def api(tmp_path_factory) -> Iterator[httpx.Client]:
    db = tmp_path_factory.mktemp("counts") / "events.duckdb"
    coded = _coded()
    ingest_articles([a for a, _ in coded], db, coder=replaying_coder(coded), progress=False)
    with serving(db) as base, httpx.Client(base_url=base, timeout=20) as client:
        yield client


def test_killed_per_month_for_a_dyad(api):
    rows = api.get("/api/counts", params={"by": "month", "source": "SYRMIL", "target": "SYRREB"}
                   ).json()["rows"]
    # May: the attack of the 1st (reports of 3 and at least 10: best 3) and 7 on the 20th
    assert [(r["key"], r["events"], r["killed"], r["killed_low"], r["killed_high"]) for r in rows] == [
        ("2016-05-01", 2, 10, 10, 17)]


def test_killed_per_dyad_and_per_country(api):
    dyads = {r["key"]: r["killed"] for r in api.get("/api/counts", params={"by": "dyad"}).json()["rows"]}
    assert dyads == {"SYRMIL>SYRREB": 10, "SYRREB>SYRMIL": 2, "RUSGOV>UKRGOV": 4}
    countries = {r["key"]: r["killed"] for r in api.get("/api/counts", params={"by": "country"}
                                                         ).json()["rows"]}
    assert countries == {"SYR": 12, "UKR": 4}


def test_events_carry_reconciled_counts_and_mentions_their_own(api):
    page = api.get("/api/events", params={"source": "SYRMIL", "start": "2016-05-01",
                                          "end": "2016-05-01"}).json()
    (event,) = page["events"]
    assert event["counts"]["killed"] == {"value": 3, "low": 3, "high": 10}
    assert event["counts"]["reports"] == 2
    detail = api.get(f"/api/events/{event['event_id']}").json()
    assert sorted(m["counts"]["killed"]["value"] for m in detail["mentions"]) == [3, 10]
    uncounted = api.get("/api/events", params={"source": "RUSGOV", "start": "2016-06-20"}).json()
    assert [e["counts"] for e in uncounted["events"]] == [None]


def test_min_killed_filter(api):
    events = api.get("/api/events", params={"min_killed": 4}).json()["events"]
    assert sorted(e["counts"]["killed"]["value"] for e in events) == [4, 7]
    assert api.get("/api/events", params={"min_killed": -1}).status_code == 422
