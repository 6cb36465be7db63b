"""Counts in the store: mentions keep their own, events reconcile them UCDP-style."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from eventwire.evaluate.synthetic import make_event, replaying_coder
from eventwire.records import Article, Location
from eventwire.store.ingest import ingest_articles

ALEPPO = Location("Aleppo", "SYR", 36.20, 37.16, 170063)


def _killed(value: int, low: int | None, high: int | None, text: str) -> dict:
    return {"killed": {"value": value, "low": low, "high": high, "text": text, "span": [0, len(text)]}}


def _report(doc_id: str, outlet: str, counts: dict | None):
    sentence = f"Syrian army attacked Syrian rebels in Aleppo ({doc_id})."
    event = make_event(doc_id, 0, sentence, "190", "SYRMIL", "SYRREB", "2016-05-01", ALEPPO)
    event.counts = counts
    article = Article(id=doc_id, text=sentence, date="2016-05-01", source=outlet,
                      url=f"https://example.org/{doc_id}")
    return article, [event]


def _ingest(coded, db: Path) -> None:
    ingest_articles([a for a, _ in coded], db, coder=replaying_coder(coded), progress=False)


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_reports_that_disagree_give_a_best_estimate_with_low_and_high(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest([_report("a", "BBC", _killed(3, 3, 3, "three soldiers")),
             _report("b", "TASS", _killed(10, 10, None, "at least 10 soldiers"))], db)
    _ingest([_report("c", "CNN", _killed(5, 5, 5, "five soldiers")),
             _report("d", "DW", None)], db)  # a later batch joins the same event
    assert _rows(db, "SELECT count(*) FROM events") == [(1,)]
    assert _rows(db, "SELECT killed, killed_low, killed_high, n_reports FROM event_counts") == [
        (5, 3, 10, 3)]
    # each mention keeps its own count
    records = [json.loads(r[0]) for r in _rows(db, "SELECT record FROM mentions ORDER BY seq")]
    assert [r.get("counts", {}).get("killed", {}).get("value") for r in records] == [3, 10, 5, None]


def test_events_without_counts_have_no_row(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest([_report("a", "BBC", None)], db)
    assert _rows(db, "SELECT count(*) FROM event_counts") == [(0,)]


def test_a_stated_zero_is_stored_as_zero(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest([_report("a", "BBC", _killed(0, 0, 0, "no casualties"))], db)
    assert _rows(db, "SELECT killed, killed_low, killed_high FROM event_counts") == [(0, 0, 0)]


def test_a_floor_alone_leaves_the_high_bound_unknown(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest([_report("a", "BBC", _killed(20, 20, None, "at least 20 rebels"))], db)
    assert _rows(db, "SELECT killed, killed_low, killed_high FROM event_counts") == [(20, 20, None)]


def _export(db: Path, fmt: str) -> bytes:
    import io

    from eventwire.store.export import export

    out = io.BytesIO()
    con = duckdb.connect(str(db), read_only=True)
    try:
        export(con, fmt, "events", out)
    finally:
        con.close()
    return out.getvalue()


def test_exports_carry_counts_and_gdelt_keeps_its_61_columns(tmp_path):
    import io

    import pyarrow.parquet as pq

    db = tmp_path / "s.duckdb"
    _ingest([_report("a", "BBC", _killed(3, 3, 3, "three soldiers")),
             _report("b", "TASS", _killed(10, 10, None, "at least 10 soldiers"))], db)
    gdelt = _export(db, "gdelt").decode().splitlines()
    assert [len(line.split("\t")) for line in gdelt] == [61]
    table = pq.read_table(io.BytesIO(_export(db, "parquet")))
    assert table.num_columns == 61 + 22
    assert table.column("killed").to_pylist() == [3]
    assert table.column("killed_high").to_pylist() == [10]
    (record,) = [json.loads(line) for line in _export(db, "jsonl").decode().splitlines()]
    assert record["counts"] == {"killed": {"value": 3, "low": 3, "high": 10}}


def test_polecat_export_has_one_documented_row_per_event(tmp_path):
    from eventwire.store.polecat import POLECAT_COLUMNS

    db = tmp_path / "s.duckdb"
    _ingest([_report("a", "BBC", _killed(3, 3, 3, "three soldiers")), _report("z", "DW", None)], db)
    header, *rows = _export(db, "polecat").decode().splitlines()
    assert header.split("\t") == POLECAT_COLUMNS
    docs = (Path(__file__).resolve().parents[2] / "docs" / "store_api.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in docs for name in POLECAT_COLUMNS)
    (row,) = [dict(zip(POLECAT_COLUMNS, line.split("\t"), strict=True)) for line in rows]
    assert (row["event_type"], row["quad_code"], row["actor_country"], row["recipient_sectors"],
            row["placename"], row["geonameid"], row["killed"], row["story_source"]) == (
        "ASSAULT", "4", "SYR", "REB", "Aleppo", "170063", "3", "BBC")


def test_counts_kept_batch_by_batch_equal_a_recount_from_all_mentions(tmp_path):
    """Each batch counts the events it founds from its own rows and the stored events it joined
    from the store: both must give what recounting every stored mention gives."""
    from eventwire.store.counts import reconcile_all

    db = tmp_path / "s.duckdb"
    _ingest([_report("a", "BBC", _killed(3, 3, 3, "three soldiers")),
             _report("b", "TASS", _killed(10, 10, None, "at least 10 soldiers"))], db)
    other = make_event("e", 0, "Syrian army attacked Syrian rebels in Aleppo (e).", "190", "SYRMIL",
                       "SYRREB", "2016-09-20", ALEPPO)
    other.counts = _killed(12, 12, 15, "12 to 15 fighters")
    later = Article(id="e", text=other.sentence, date="2016-09-20", source="DW",
                    url="https://example.org/e")
    # one batch: a report joining the stored event, and a new event months later
    _ingest([_report("c", "CNN", _killed(2, 2, None, "two at least")), (later, [other])], db)
    columns = "event_id, killed, killed_low, killed_high, n_reports, date, cameo, source_code, lat"
    kept = _rows(db, f"SELECT {columns} FROM event_counts ORDER BY date")
    assert [row[1:5] for row in kept] == [(3, 2, 10, 3), (12, 12, 15, 1)]
    con = duckdb.connect(str(db))
    try:
        reconcile_all(con)
    finally:
        con.close()
    assert _rows(db, f"SELECT {columns} FROM event_counts ORDER BY date") == kept
