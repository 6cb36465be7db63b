"""The Python API over a store (``eventwire.open``): Arrow tables filtered as the HTTP API
filters, checked against the whole table filtered by hand; ``eventwire.to_frame``."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pytest

import eventwire
from eventwire.evaluate.synthetic import replaying_coder, synthetic_articles
from eventwire.store.ingest import ingest_articles
from eventwire.store.query import FilterError

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(scope="module")
def coded():
    return synthetic_articles(80, seed=5)


@pytest.fixture(scope="module")
def store(tmp_path_factory, coded) -> eventwire.Store:
    db = tmp_path_factory.mktemp("tables") / "events.duckdb"
    ingest_articles([a for a, _ in coded], db, coder=replaying_coder(coded), progress=False)
    return eventwire.open(db)


def test_events_is_every_stored_event_as_an_arrow_table(store, coded):
    events = store.events()
    assert isinstance(events, pa.Table)
    assert events.num_rows == len(set(events.column("event_id").to_pylist()))
    # Each coded event became a mention of one stored event; the counts add up.
    assert sum(events.column("num_mentions").to_pylist()) == sum(len(e) for _, e in coded)
    dates = [d for d in events.column("date").to_pylist() if d is not None]
    assert dates == sorted(dates, reverse=True)  # newest first, as the HTTP API lists them
    assert store.events(limit=5).num_rows == 5


@pytest.mark.parametrize("filters, keep", [
    ({"source": "USA", "target": "RUS"},
     lambda r: (r["source_code"] or "").startswith("USA") and (r["target_code"] or "").startswith("RUS")),
    ({"actor": "putin"}, lambda r: "putin" in f"{r['source_name']} {r['target_name']}".lower()),
    ({"cameo": "04"}, lambda r: r["cameo"].startswith("04")),
    ({"quad_class": 4}, lambda r: r["quad_class"] == 4),
    ({"country": "syr"}, lambda r: "SYR" in (r["source_country"], r["target_country"],
                                             r["location_country"])),
    ({"start": "2016-06-01", "end": "2016-06-30"},
     lambda r: r["date"] is not None and r["date"].isoformat()[:7] == "2016-06"),
    ({"bbox": (30, 40, 45, 56)}, lambda r: r["lat"] is not None and 40 <= r["lat"] <= 56
     and 30 <= r["lon"] <= 45),
])
def test_filters_select_what_they_say(store, filters, keep):
    everything = store.events().to_pylist()
    expected = {row["event_id"] for row in everything if keep(row)}
    selected = store.events(**filters).column("event_id").to_pylist()
    assert expected and set(selected) == expected and len(selected) == len(expected)


def test_series_counts_the_events_per_month(store):
    series = store.series("month", actor="RUS")
    by_month = Counter(row["date"].replace(day=1) for row in store.events(actor="RUS").to_pylist()
                       if row["date"] is not None)
    points = dict(zip(series.column("period").to_pylist(), series.column("events").to_pylist(),
                      strict=True))
    assert points == dict(by_month)


def test_mentions_are_the_sentences_behind_an_event(store):
    event = max(store.events().to_pylist(), key=lambda row: row["num_mentions"])
    mentions = store.mentions(event_id=event["event_id"])
    assert mentions.num_rows == event["num_mentions"]
    assert set(mentions.column("event_id").to_pylist()) == {event["event_id"]}
    dyad = store.mentions(source="USA", target="RUS")
    assert dyad.num_rows == sum(store.events(source="USA", target="RUS")
                                .column("num_mentions").to_pylist())


@pytest.mark.parametrize("call", [
    lambda s: s.events(plover="HUG"), lambda s: s.events(start="2016-02-01", end="2016-01-01"),
    lambda s: s.events(start="yesterday"), lambda s: s.series("fortnight"),
    lambda s: s.events(bbox="1,2,3"),
])
def test_bad_filters_say_which(store, call):
    with pytest.raises(FilterError):
        call(store)


def test_a_missing_store_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing.duckdb"):
        eventwire.open(tmp_path / "nothing.duckdb")


def test_to_frame_flattens_coded_events(coded):
    events = [event for _, article_events in coded[:5] for event in article_events]
    frame = eventwire.to_frame(events)
    assert frame.num_rows == len(events)
    assert frame.column("source_code").to_pylist() == [e.source.code for e in events]
    assert frame.column("location_name").to_pylist() == [
        e.location.name if e.location else None for e in events]
    assert eventwire.to_frame([]).schema == frame.schema


def test_reading_a_store_does_not_load_spacy(store):
    script = ("import sys, eventwire; "
              f"print(eventwire.open({str(store.path)!r}).events().num_rows > 0, "
              "'spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={"PYTHONPATH": str(SRC)}, timeout=120)
    assert result.stdout.split() == ["True", "False"], result.stderr
