"""The JSON API through a real uvicorn server on 127.0.0.1 over a real DuckDB store."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from serving import serving, subprocess_env

from eventwire.evaluate.synthetic import replaying_coder, synthetic_articles
from eventwire.store.ingest import ingest_articles

N_ARTICLES = 120


@pytest.fixture(scope="module")
def coded():
    return synthetic_articles(N_ARTICLES, seed=21)


@pytest.fixture(scope="module")
def server(tmp_path_factory, coded) -> Iterator[tuple[str, Path]]:
    """`eventwire serve` on a free loopback port over a store of synthetic articles."""
    db = tmp_path_factory.mktemp("api") / "events.duckdb"
    ingest_articles([a for a, _ in coded], db, coder=replaying_coder(coded), progress=False)
    with serving(db) as base:
        yield base, db


@pytest.fixture
def api(server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server[0], timeout=20) as client:
        yield client


def all_events(api: httpx.Client, **params) -> list[dict]:
    events, offset = [], 0
    while True:
        page = api.get("/api/events", params={**params, "limit": 1000, "offset": offset}).json()
        events += page["events"]
        offset += len(page["events"])
        if offset >= page["total"] or not page["events"]:
            return events


def test_openapi_dashboard_and_stats(api, coded):
    spec = api.get("/openapi.json").json()
    assert {"/api/events", "/api/series", "/api/events/{event_id}",
            "/api/articles/{article_id}"} <= set(spec["paths"])
    assert api.get("/").status_code == 200 and "<html" in api.get("/").text.lower()
    stats = api.get("/api/stats").json()
    assert stats["articles"] == N_ARTICLES
    assert stats["mentions"] == sum(len(events) for _, events in coded)


@pytest.mark.parametrize("limit", ["0", "-3", "abc", "1.5", ""])
def test_limit_must_be_a_positive_integer(api, limit):
    response = api.get("/api/events", params={"limit": limit})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "limit"]


@pytest.mark.parametrize("params, parameter", [
    ({"bbox": "1,2,3"}, "bbox"), ({"bbox": "10,50,5,60"}, "bbox"),
    ({"quad_class": 5}, "quad_class"),
    ({"start": "2016-13-01"}, "start"), ({"start": "0"}, "start"),
    ({"start": "2016-05-02", "end": "2016-05-01"}, "end"),
    ({"plover": "DANCE"}, "plover"), ({"cameo": "4x"}, "cameo"), ({"country": "Russia"}, "country"),
])
def test_bad_filters_get_422_naming_the_parameter(api, params, parameter):
    response = api.get("/api/events", params=params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == parameter


def test_pages_cover_every_event_once(api):
    total = api.get("/api/events", params={"limit": 1}).json()["total"]
    pages = [api.get("/api/events", params={"limit": 7, "offset": offset}).json()["events"]
             for offset in range(0, total, 7)]
    ids = [event["event_id"] for page in pages for event in page]
    assert len(ids) == len(set(ids)) == total
    dates = [event["date"] for page in pages for event in page]
    assert dates == sorted(dates, reverse=True)


def test_filters_select_what_they_say(api, coded):
    dyad = all_events(api, source="USA", target="RUS")
    assert dyad and all(e["source"]["code"].startswith("USA") and
                        e["target"]["code"].startswith("RUS") for e in dyad)
    # Every synthetic USA->RUS mention is in one of the listed events.
    expected = sum(1 for _, events in coded for e in events
                   if e.source.code == "USAGOV" and e.target.code == "RUSGOV")
    assert sum(e["num_mentions"] for e in dyad) == expected

    for event in all_events(api, country="SYR", quad_class=4, start="2016-06-01",
                            end="2016-09-30"):
        assert "SYR" in (event["source"]["country"], event["target"]["country"],
                         (event["location"] or {}).get("country"))
        assert event["quad_class"] == 4 and "2016-06-01" <= event["date"] <= "2016-09-30"
    in_box = all_events(api, bbox="30,35,40,40")  # Aleppo, not Moscow or Berlin
    assert in_box and {e["location"]["name"] for e in in_box} == {"Aleppo"}
    assert all(e["cameo"].startswith("04") for e in all_events(api, cameo="04"))
    assert all(e["plover"] == "ACCUSE" for e in all_events(api, plover="ACCUSE"))
    merkel = all_events(api, actor="merkel")
    assert merkel and all("Merkel" in (e["source"]["name"] + e["target"]["name"]) for e in merkel)
    text = all_events(api, q="EMBARGO")
    assert text and all(e["cameo"] == "163" for e in text)


def test_text_search_is_not_sql(api):
    before = api.get("/api/stats").json()
    for attack in ["'; DROP TABLE events; --", "%' OR '1'='1", "\\", '"']:
        response = api.get("/api/events", params={"q": attack, "actor": attack})
        assert response.status_code == 200 and response.json()["total"] == 0
    assert api.get("/api/stats").json() == before


def test_series_adds_up_to_the_listing(api):
    events = all_events(api, source="SYR", target="SYR")
    starts = {"day": lambda day: True, "week": lambda day: day.weekday() == 0,
              "month": lambda day: day.day == 1}
    for interval, is_period_start in starts.items():
        series = api.get("/api/series", params={"source": "SYR", "target": "SYR",
                                                "interval": interval}).json()
        assert series["interval"] == interval
        assert sum(p["events"] for p in series["points"]) == len(events)
        by_period = Counter(p["period"] for p in series["points"])
        assert max(by_period.values()) == 1
        assert all(is_period_start(date.fromisoformat(p["period"])) for p in series["points"])
        assert round(sum(p["goldstein_sum"] for p in series["points"]), 6) == round(
            sum(e["goldstein"] for e in events), 6)
    assert api.get("/api/series", params={"interval": "fortnight"}).status_code == 422


def test_event_detail_has_its_mentions(api):
    merged = all_events(api, source="USA")
    event = max(merged, key=lambda e: e["num_mentions"])
    detail = api.get(f"/api/events/{event['event_id']}").json()
    assert len(detail["mentions"]) == event["num_mentions"]
    assert all(m["sentence"] and m["article_id"] for m in detail["mentions"])
    assert api.get("/api/events/nope").status_code == 404


def test_event_detail_says_why_its_mentions_were_merged(api):
    merged = [e for e in all_events(api) if e["num_articles"] > 1]
    assert merged, "the synthetic store should hold events reported by several articles"
    detail = api.get(f"/api/events/{merged[0]['event_id']}").json()
    with_evidence = [m for m in detail["mentions"] if m["merge_evidence"]]
    # Every mention but the one that founded the event joined it for stated reasons.
    assert len(with_evidence) == len(detail["mentions"]) - 1
    for mention in with_evidence:
        assert mention["merged_with"] and mention["merge_score"] > 0
        assert {"actors", "place", "days_apart", "shared"} <= set(mention["merge_evidence"])


def test_article_highlights_its_triggers(api, coded):
    article, events = coded[0]
    body = api.get(f"/api/articles/{article.id}").json()
    assert body["text"] == article.text
    marked = [body["text"][h["start"]:h["end"]] for h in body["highlights"]]
    assert marked == [event.trigger for event in events]
    assert body["html"].count("<mark") == len(events)
    assert api.get("/api/articles/none-such").status_code == 404


def test_reads_go_on_while_an_ingest_writes(server, api, tmp_path, coded):
    """A second process ingests in small batches while we query: no error, and no starving."""
    _, db = server
    script = tmp_path / "more.py"
    script.write_text(
        "import sys\n"
        "from eventwire.store.ingest import ingest_articles\n"
        "from eventwire.evaluate.synthetic import synthetic_articles, replaying_coder\n"
        "coded = synthetic_articles(100, seed=99)\n"
        "ingest_articles([a for a, _ in coded], sys.argv[1], coder=replaying_coder(coded),"
        " batch_size=10, progress=False)\n")
    writer = subprocess.Popen([sys.executable, str(script), str(db)], env=subprocess_env())
    seen, statuses = [], Counter()
    deadline = time.monotonic() + 120
    while writer.poll() is None and time.monotonic() < deadline:
        response = api.get("/api/stats")
        statuses[response.status_code] += 1
        seen.append(response.json()["articles"])
        statuses[api.get("/api/events", params={"limit": 5, "q": "met"}).status_code] += 1
    assert writer.wait(timeout=10) == 0
    assert set(statuses) == {200} and statuses[200] >= 4
    assert seen == sorted(seen)  # readers see committed batches only, in order
    assert api.get("/api/stats").json()["articles"] == N_ARTICLES + 100


def test_schemathesis_finds_no_server_error(server, tmp_path):
    schemathesis = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    if schemathesis is None:
        pytest.skip("schemathesis is not installed (pip install -e '.[dev]')")
    base, _ = server
    result = subprocess.run(
        [schemathesis, "run", f"{base}/openapi.json", "--checks", "not_a_server_error",
         "--max-examples", "15", "--workers", "1", "--seed", "1", "--no-color",
         "--report-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path)  # its cache stays out
    assert result.returncode == 0, result.stdout[-3000:]
