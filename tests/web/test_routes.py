"""The dashboard's aggregates (/api/web/...) agree with the event listing they summarise."""

from __future__ import annotations

from collections import Counter

import pytest


def all_events(api, **params) -> list[dict]:
    page = api.get("/api/events", params={**params, "limit": 1000}).json()
    assert page["total"] == len(page["events"]), "the test store is meant to fit in one page"
    return page["events"]


def test_summary_series_counts_every_dated_event_by_quad_class(api):
    summary = api.get("/api/web/summary", params={"interval": "month"}).json()
    events = all_events(api)
    assert summary["total"] == len(events)
    expected = Counter((e["date"][:7], e["quad_class"]) for e in events if e["date"])
    drawn = Counter({(point["period"][:7], quad + 1): count
                     for point in summary["series"] for quad, count in enumerate(point["counts"])
                     if count})
    assert drawn == expected
    goldstein = sum(sum(point["goldstein"]) for point in summary["series"])
    assert goldstein == pytest.approx(sum(e["goldstein"] for e in events if e["date"]), abs=0.1)


def assert_ranked(listed: list[tuple[str, int]], counts: Counter) -> None:
    """The listed items carry their true counts and are the most frequent ones (ties aside)."""
    assert listed, "nothing ranked"
    assert all(counts[key] == n for key, n in listed)
    assert [n for _, n in listed] == sorted(counts.values(), reverse=True)[:len(listed)]


def test_top_lists_rank_what_the_filter_selects(api):
    summary = api.get("/api/web/summary", params={"actor": "USA"}).json()
    events = all_events(api, actor="USA")
    assert_ranked([((d["source"], d["target"]), d["events"]) for d in summary["top_dyads"]],
                  Counter((e["source"]["code"], e["target"]["code"]) for e in events
                          if e["source"] and e["target"]))
    assert_ranked([(t["key"], t["events"]) for t in summary["top_types"]],
                  Counter(e["cameo"][:2] for e in events))
    assert_ranked([(a["key"], a["events"]) for a in summary["top_actors"]],
                  Counter(a["code"] for e in events for a in (e["source"], e["target"]) if a))


def test_pair_is_both_directions_of_a_dyad(api):
    both = api.get("/api/web/summary", params={"pair": "USA,RUS"}).json()["total"]
    usa_rus = api.get("/api/events", params={"source": "USA", "target": "RUS"}).json()["total"]
    rus_usa = api.get("/api/events", params={"source": "RUS", "target": "USA"}).json()["total"]
    assert usa_rus > 0 and rus_usa > 0, "the seed article has events both ways"
    assert both == usa_rus + rus_usa


@pytest.mark.parametrize("pair", ["USA", "USA,RUS,GBR", "USA;DROP", ",RUS"])
def test_bad_pair_gets_422(api, pair):
    response = api.get("/api/web/summary", params={"pair": pair})
    assert response.status_code == 422
    assert "pair" in response.text


def test_places_hold_every_located_event(api):
    places = api.get("/api/web/places").json()
    located = [e for e in all_events(api) if e["location"] and e["location"]["lat"] is not None]
    assert sum(p["events"] for p in places) == len(located)
    assert sum(p["conflict"] for p in places) == sum(e["quad_class"] >= 3 for e in located)
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)


def test_spans_point_at_the_sentence_and_trigger_in_the_article(api):
    event = all_events(api, source="USA", target="RUS")[0]
    detail = api.get(f"/api/events/{event['event_id']}").json()
    spans = {s["mention_id"]: s for s in api.get(f"/api/web/spans/{event['event_id']}").json()}
    assert set(spans) == {m["mention_id"] for m in detail["mentions"]}
    for mention in detail["mentions"]:
        span = spans[mention["mention_id"]]
        article = api.get(f"/api/articles/{mention['article_id']}").json()
        text = article["title"] if span["in_title"] else article["text"]
        assert text[span["sentence_start"]:span["sentence_end"]] == mention["sentence"]
        if span["trigger_start"] is not None:
            assert span["sentence_start"] <= span["trigger_start"] < span["trigger_end"] \
                <= span["sentence_end"]
            assert text[span["trigger_start"]:span["trigger_end"]] == mention["trigger"]


def test_static_files_and_page_are_served(api):
    page = api.get("/")
    assert page.status_code == 200 and 'src="/static/app.js"' in page.text
    assert api.get("/static/app.js").status_code == 200
    world = api.get("/static/vendor/countries-110m.json").json()
    assert world["type"] == "Topology" and len(world["objects"]["countries"]["geometries"]) > 150
    assert api.get("/api/web/cameo").json()["04"] == "CONSULT"
