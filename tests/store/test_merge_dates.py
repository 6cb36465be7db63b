"""How merging weighs the way each report's day was found: a day its sentence states ("on
Friday") or its article's publication day, which an undated event is given and which is only the
latest day the event can be. And a stored event's plain death toll keeps a report of another
toll apart. Made-up articles; real DuckDB files, the real ingest path, one article per batch
where a report must meet a stored event."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import duckdb

from eventwire.evaluate.synthetic import make_event, replaying_coder
from eventwire.records import Article, Location
from eventwire.store.ingest import ingest_articles
from eventwire.store.merge_scoring import merge_rules

TOWN = Location("Woodburn", "USA", 45.144, -122.855, 5761708)
SHOOTING = "A gunman opened fire at the office party of a health products firm in Woodburn, killing {}."


def report(doc_id: str, published: str, day: str | None = None, victims: str = "one person",
           counts: dict | None = None) -> tuple[Article, list]:
    """An article published on ``published`` whose sentence states ``day`` (None: undated, so
    the event gets the publication day, as the time stage gives it)."""
    event = make_event(doc_id, 0, SHOOTING.format(victims), "1823", "USAUAF", "USACVL",
                       day or published, TOWN, trigger="killing")
    if day is not None:
        event.evidence["date"] = {"text": "on Friday", "may_be_future": False}
    article = Article(id=doc_id, text=f"{event.sentence} Filed as {doc_id}.", title=None,
                      date=published, source=f"outlet-{doc_id}", url=f"https://{doc_id}.example/s")
    return article, [dataclasses.replace(event, counts=counts)]


def stored(items, tmp_path: Path, batch_size: int = 1) -> tuple[dict[str, str], dict[str, dict]]:
    """Each article's event, and the merge evidence of each article's mention that joined one."""
    db = tmp_path / "s.duckdb"
    ingest_articles([a for a, _ in items], db, coder=replaying_coder(items), progress=False,
                    min_confidence=0.0, batch_size=batch_size)
    con = duckdb.connect(str(db), read_only=True)
    try:
        events = dict(con.execute("SELECT article_id, event_id FROM mentions").fetchall())
        evidence = {article: {"score": score, **json.loads(why)} for article, score, why in con.execute(
            "SELECT m.article_id, x.score, x.evidence FROM merge_evidence x "
            "JOIN mentions m USING (mention_id)").fetchall()}
    finally:
        con.close()
    return events, evidence


def test_a_day_stated_days_before_a_stored_reports_publication_day_joins_it(tmp_path: Path):
    # the undated report (stored first) was published on Monday; the other says "on Friday"
    events, evidence = stored([report("undated", "2015-03-09"),
                               report("friday", "2015-03-09", day="2015-03-06")], tmp_path)
    assert events["friday"] == events["undated"]
    assert evidence["friday"]["days_apart"] == 3


def test_a_day_stated_days_before_a_publication_day_of_the_same_batch_joins_it(tmp_path: Path):
    # one batch: the Monday report's own window reaches back to "Friday"
    events, evidence = stored([report("undated", "2015-03-09"),
                               report("friday", "2015-03-10", day="2015-03-06")], tmp_path, batch_size=10)
    assert events["friday"] == events["undated"]
    assert 3 in (evidence.get("friday", {}).get("days_apart"), evidence.get("undated", {}).get("days_apart"))


def test_a_store_written_before_its_anchors_said_publication_day_still_finds_the_weekend(
        tmp_path: Path):
    # a Monday report (undated) and another event, a month later, on a day its sentence states
    first = [report("undated", "2015-03-09"), report("stated", "2015-04-10", day="2015-04-08")]
    stored(first, tmp_path)
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    # As an older eventwire left it: anchors without their events' publication-day flag.
    con.execute("ALTER TABLE event_anchors DROP COLUMN published; "
                "DELETE FROM schema_version WHERE version = 6").fetchall()
    con.close()
    events, _ = stored([*first, report("friday", "2015-03-10", day="2015-03-06")], tmp_path)
    assert events["friday"] == events["undated"] != events["stated"]
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    flags = dict(con.execute("SELECT m.article_id, bool_and(a.published) FROM event_anchors a "
                             "JOIN mentions m USING (event_id) GROUP BY ALL").fetchall())
    con.close()
    assert flags["undated"] is True and flags["stated"] is False


def test_a_day_stated_after_another_reports_publication_day_is_another_event(tmp_path: Path):
    # a report published on the 6th cannot tell of an event of the 9th
    events, _ = stored([report("early", "2015-03-06"),
                        report("later", "2015-03-10", day="2015-03-09")], tmp_path, batch_size=10)
    assert events["early"] != events["later"]


def test_one_publication_day_earns_no_same_day_points_and_the_evidence_says_so(tmp_path: Path):
    # the same pair of reports, dated by the publication day, then (in another store) by a day
    # each sentence states
    (tmp_path / "stated").mkdir()
    events, undated = stored([report("a", "2015-03-09"), report("b", "2015-03-09")], tmp_path)
    assert events["a"] == events["b"]
    events, stated = stored([report("a", "2015-03-10", day="2015-03-07"),
                             report("b", "2015-03-11", day="2015-03-07")], tmp_path / "stated")
    assert events["a"] == events["b"]
    assert undated["b"]["dates"] == "publication day" and stated["b"]["dates"] == "both stated"
    same_day = float(merge_rules()["weights"]["same_day"])
    assert round(stated["b"]["score"] - undated["b"]["score"], 6) == same_day


def test_a_stored_plain_death_toll_keeps_a_report_of_another_toll_apart(tmp_path: Path):
    def plain(value: int) -> dict:
        return {"killed": {"value": value, "text": str(value), "span": [0, 1]}}

    events, _ = stored([report("one", "2015-03-09", counts=plain(1)),
                        report("twelve", "2015-03-09", victims="twelve people", counts=plain(12)),
                        report("again", "2015-03-09", victims="a man", counts=plain(1))], tmp_path)
    assert events["one"] != events["twelve"]
    assert events["one"] == events["again"]
