"""`eventwire places` and `eventwire times` as a user runs them (CONTRACT.md)."""

from __future__ import annotations

import json

from eventwire.cli import main

ARTICLES = [
    {"id": "a1", "title": "Talks in Sochi", "date": "2015-05-12",
     "text": "US Secretary of State John Kerry met Vladimir Putin in Sochi on Tuesday. "
             "Sanctions were first imposed in April 2014."},
    {"id": "a2", "text": "Protesters gathered in Kiev last week."},
    {"id": "a3", "text": "The parade left Royal Street in New Orleans at noon."},
]


def run(capsys, tmp_path, command: str, *extra: str) -> tuple[list[dict], str, int]:
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    status = main([command, str(source), *extra])
    captured = capsys.readouterr()
    return [json.loads(line) for line in captured.out.splitlines()], captured.err, status


def test_places_prints_resolved_names_with_offsets_in_the_text(capsys, tmp_path) -> None:
    records, _, status = run(capsys, tmp_path, "places")
    assert status == 0
    texts = {a["id"]: a["text"] for a in ARTICLES}
    for record in records:
        assert texts[record["doc_id"]][record["start"]:record["end"]] == record["text"]
    sochi = next(r for r in records if r["text"] == "Sochi")
    assert (sochi["country"], sochi["geonameid"]) == ("RUS", 491422)
    assert {"name", "lat", "lon"} <= set(sochi)
    assert any(r["doc_id"] == "a2" and r["country"] == "UKR" for r in records)
    assert not any(r["text"] == "Sochi" and r["start"] < 0 for r in records)  # title left out
    # a street the gazetteer lacks is unresolved, placed near the town named beside it
    street = next(r for r in records if r["text"] == "Royal Street")
    assert (street["lat"], street["lon"], street["near"]) == (None, None, "New Orleans")


def test_times_prints_values_at_their_precision(capsys, tmp_path) -> None:
    records, _, status = run(capsys, tmp_path, "times", "--date", "2016-01-04")
    assert status == 0
    by_text = {(r["doc_id"], r["text"]): r for r in records}
    tuesday = by_text[("a1", "on Tuesday")]
    assert (tuesday["value"], tuesday["precision"]) == ("2015-05-12", "day")  # the article's date
    april = by_text[("a1", "in April 2014")]
    assert (april["value"], april["precision"]) == ("2014-04", "month")
    last_week = by_text[("a2", "last week")]  # dated by --date
    assert (last_week["value"], last_week["precision"]) == ("2015-12", "month")
    text = ARTICLES[0]["text"]
    assert text[tuesday["start"]:tuesday["end"]] == "on Tuesday"


def test_unreadable_document_is_reported_and_the_batch_goes_on(capsys, tmp_path) -> None:
    missing = tmp_path / "missing.txt"
    good = tmp_path / "good.txt"
    good.write_text("Fighting resumed near Donetsk.\n", encoding="utf-8")
    status = main(["places", str(missing), str(good)])
    captured = capsys.readouterr()
    assert status == 0
    assert "missing.txt" in captured.err and len(captured.err.strip().splitlines()) == 1
    assert "Donetsk" in captured.out
