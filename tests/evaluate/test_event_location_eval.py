"""The event-location evaluation on a small file written here: coded, placed, and the halves."""

from __future__ import annotations

import json

from eventwire.evaluate.event_location import evaluate, report
from eventwire.evaluate.split import half_of


def record(record_id: str, text: str, verb: str, place: str | None) -> dict:
    start = text.index(verb)
    locations = [] if place is None else [
        {"text": place, "start": text.index(place), "end": text.index(place) + len(place)}]
    return {"id": record_id, "text": text, "annotations": [{
        "verbs": [{"text": verb, "start": start, "end": start + len(verb)}],
        "locations": locations}]}


def test_scores_the_coded_events_place_against_the_annotated_one(tmp_path) -> None:
    ids = [f"evloc_{n}" for n in range(40)]
    tune = next(i for i in ids if half_of(i) == "tune")
    check = next(i for i in ids if half_of(i) == "check")
    records = [
        record(tune, "Rebels attacked government forces in Donetsk on Monday.", "attacked",
               "Donetsk"),
        record(check, "Protesters clashed with police in Haifa on Sunday.", "clashed", "Haifa"),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = evaluate(path)
    assert result["gold"] == 2
    assert result["coded"] >= 1 and result["placed"] == result["coded"]
    assert set(result["halves"]) == {"tune", "check"}
    assert evaluate(path, half="check")["gold"] == 1
    assert "check half" in report(result)
