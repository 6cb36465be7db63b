"""The store on a real DuckDB file: schema, idempotent ingest, merging, crash safety, exports."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from eventwire.evaluate.synthetic import make_event, replaying_coder, synthetic_articles
from eventwire.records import Article, Location
from eventwire.store.export import export, gdelt_columns
from eventwire.store.ingest import ingest_articles
from eventwire.store.schema import LATEST_VERSION, migrate, schema_version

SRC = Path(__file__).resolve().parents[2] / "src"
MOSCOW = Location("Moscow", "RUS", 55.75, 37.62, 524901)
BERLIN = Location("Berlin", "DEU", 52.52, 13.41, 2950159)


def ingest(coded, db: Path, batch_size: int = 50):
    return ingest_articles([article for article, _ in coded], db,
                           coder=replaying_coder(coded), batch_size=batch_size, progress=False)


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def article(doc_id: str, day: str, sentence: str, source: str, url: str | None = None) -> Article:
    return Article(id=doc_id, text=sentence, title=None, date=day, source=source,
                   url=url or f"https://{source.lower().replace(' ', '')}.example/{doc_id}")


def one_event_article(doc_id, day, cameo, src, tgt, outlet, place=None, sentence=None):
    sentence = sentence or f"{src} and {tgt}: code {cameo} ({doc_id})."
    event = make_event(doc_id, 0, sentence, cameo, src, tgt, day, place, trigger="code")
    return article(doc_id, day, sentence, outlet), [event]


def test_migrations_create_the_tables_once(tmp_path):
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    assert schema_version(con) == 0
    assert migrate(con) == LATEST_VERSION
    assert migrate(con) == LATEST_VERSION  # a second run applies nothing
    tables = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"articles", "events", "mentions", "actors", "schema_version"} <= tables
    assert con.execute("SELECT count(*) FROM schema_version").fetchall()[0][0] == LATEST_VERSION


def test_ingest_twice_changes_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    coded = synthetic_articles(60)
    first = ingest(coded, db, batch_size=25)
    assert (first.stored, first.mentions, first.batches) == (60, 180, 3)
    counts = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), " \
             "(SELECT count(*) FROM mentions), (SELECT sum(num_mentions) FROM events)"
    before = query(db, counts)
    second = ingest(coded, db)
    assert (second.already_stored, second.stored) == (60, 0)
    assert query(db, counts) == before
    # The same article under another id is recognised by its content.
    twin_article, twin_events = coded[0]
    twin = Article(id="another-id", text=twin_article.text, title=twin_article.title,
                   date=twin_article.date)
    assert ingest([(twin, twin_events)], db).already_stored == 1
    assert query(db, counts) == before


def test_mentions_of_one_event_merge_across_articles(tmp_path):
    db = tmp_path / "s.duckdb"
    coded = [
        one_event_article("a1", "2016-05-10", "043", "USAGOV", "RUSGOV", "BBC", MOSCOW),
        one_event_article("a2", "2016-05-11", "042", "USAGOV", "RUSGOV", "TASS", MOSCOW),
        one_event_article("a3", "2016-05-11", "043", "USAGOV", "RUSGOV", "TASS", None),
        one_event_article("a4", "2016-05-16", "043", "USAGOV", "RUSGOV", "CNN", MOSCOW),  # 5 days
        one_event_article("a5", "2016-05-10", "043", "USAGOV", "RUSGOV", "DW", BERLIN),  # place
        one_event_article("a6", "2016-05-10", "112", "USAGOV", "RUSGOV", "DW", MOSCOW),  # root
        one_event_article("a7", "2016-05-10", "043", "USAGOV", "DEUGOV", "DW", MOSCOW),  # dyad
    ]
    ingest(coded, db)
    rows = query(db, "SELECT first_article_id, num_mentions, num_articles, num_sources, "
                     "first_url FROM events ORDER BY first_article_id")
    by_first = {row[0]: row[1:] for row in rows}
    assert set(by_first) == {"a1", "a4", "a5", "a6", "a7"}
    assert by_first["a1"] == (3, 3, 2, "https://bbc.example/a1")
    assert all(by_first[doc][:3] == (1, 1, 1) for doc in ("a4", "a5", "a6", "a7"))


def test_later_batches_merge_into_stored_events(tmp_path):
    db = tmp_path / "s.duckdb"
    ingest([one_event_article("b1", "2016-06-01", "190", "SYRMIL", "SYRREB", "BBC")], db)
    report = ingest([one_event_article("b2", "2016-06-02", "190", "SYRMIL", "SYRREB", "CNN")], db)
    assert (report.new_events, report.merged_into_stored) == (0, 1)
    assert query(db, "SELECT num_mentions, num_sources, first_article_id FROM events") == [
        (2, 2, "b1")]


def test_event_ids_are_the_same_for_the_same_input(tmp_path):
    coded = synthetic_articles(40, seed=3)
    ingest(coded, tmp_path / "one.duckdb", batch_size=40)
    ingest(coded, tmp_path / "two.duckdb", batch_size=40)
    sql = "SELECT event_id, num_mentions FROM events ORDER BY event_id"
    assert query(tmp_path / "one.duckdb", sql) == query(tmp_path / "two.duckdb", sql)


CRASH_SCRIPT = textwrap.dedent("""
    import sys, time
    from eventwire.store.ingest import ingest_articles
    from eventwire.evaluate.synthetic import synthetic_articles, replaying_coder
    coded = synthetic_articles(100, seed=11)
    replay = replaying_coder(coded)
    def slow_coder(articles):
        for item in replay(articles):
            time.sleep(0.02)  # coding takes time: the kill lands mid-run
            yield item
    ingest_articles([a for a, _ in coded], sys.argv[1], coder=slow_coder, batch_size=20,
                    progress=False)
""")


def run_crash_script(script: Path, db: Path) -> subprocess.Popen:
    path = os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.Popen([sys.executable, str(script), str(db)], env=env)


def test_kill_9_mid_run_then_rerun_loses_and_duplicates_nothing(tmp_path):
    script = tmp_path / "ingest_slowly.py"
    script.write_text(CRASH_SCRIPT)
    db = tmp_path / "crash.duckdb"
    process = run_crash_script(script, db)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                stored = query(db, "SELECT count(*) FROM articles")[0][0]
            except duckdb.Error:  # the writer holds the file right now
                continue
            if stored >= 40:
                break
    assert process.poll() is None, "the ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert 0 < stored < 100
    assert run_crash_script(script, db).wait(timeout=120) == 0

    reference = tmp_path / "reference.duckdb"  # the same input, ingested without a crash
    ingest(synthetic_articles(100, seed=11), reference, batch_size=20)
    checks = [
        "SELECT count(*), count(DISTINCT article_id) FROM articles",
        "SELECT count(*), count(DISTINCT mention_id) FROM mentions",
        "SELECT event_id, num_mentions, num_articles FROM events ORDER BY event_id",
    ]
    for sql in checks:
        assert query(db, sql) == query(reference, sql), sql
    assert query(db, checks[0]) == [(100, 100)]


@pytest.fixture
def filled_store(tmp_path) -> Path:
    db = tmp_path / "export.duckdb"
    ingest(synthetic_articles(30, seed=5), db)
    return db


def exported(db: Path, fmt: str, table: str) -> bytes:
    con = duckdb.connect(str(db), read_only=True)
    out = io.BytesIO()
    try:
        export(con, fmt, table, out)
    finally:
        con.close()
    return out.getvalue()


def test_gdelt_export_has_gdelt_columns(filled_store):
    events = exported(filled_store, "gdelt", "events").decode().splitlines()
    n_events = query(filled_store, "SELECT count(*) FROM events")[0][0]
    assert len(events) == n_events
    fields = [line.split("\t") for line in events]
    assert {len(row) for row in fields} == {61}
    names = [column.name for column in gdelt_columns()["events"]]
    first = dict(zip(names, fields[0], strict=True))
    assert len(first["SQLDATE"]) == 8 and first["EventRootCode"] == first["EventCode"][:2]
    assert first["QuadClass"] in {"1", "2", "3", "4"}
    # GDELT gives the place's country as FIPS 10-4: Germany GM, Russia RS, Ukraine UP.
    place_countries = {(row["ActionGeo_FullName"], row["ActionGeo_CountryCode"])
                       for row in (dict(zip(names, f, strict=True)) for f in fields)
                       if row["ActionGeo_FullName"]}
    assert place_countries <= {("Berlin", "GM"), ("Moscow", "RS"), ("Kiev", "UP"),
                               ("Aleppo", "SY")}
    assert len(place_countries) >= 3
    mentions = exported(filled_store, "gdelt", "mentions").decode().splitlines()
    assert len(mentions) == 90
    assert {len(line.split("\t")) for line in mentions} == {16}
    event_ids = {row[0] for row in fields}
    assert {line.split("\t")[0] for line in mentions} == event_ids


def test_gdelt_geo_type_tells_a_country_from_a_town(tmp_path):
    # An event the text places in a country only (article_focus, geo/events.py) is GDELT type 1.
    egypt = Location("Egypt", "EGY", 27.0, 30.0, 357994, precision="article_focus")
    texas = Location("Houston", "USA", 29.76, -95.36, 4699066)
    coded = [(Article(id=f"a{i}", text=f"Text {i}.", date=f"2016-0{i + 1}-02"),  # not merged
              [make_event(f"a{i}", 0, "Text.", "040", "USAGOV", "RUSGOV", f"2016-0{i + 1}-02",
                          place)])
             for i, place in enumerate((egypt, MOSCOW, texas))]
    db = tmp_path / "geo.duckdb"
    ingest(coded, db)
    names = [column.name for column in gdelt_columns()["events"]]
    rows = [dict(zip(names, line.split("\t"), strict=True))
            for line in exported(db, "gdelt", "events").decode().splitlines()]
    assert {(r["ActionGeo_FullName"], r["ActionGeo_Type"]) for r in rows} == {
        ("Egypt", "1"), ("Moscow", "4"), ("Houston", "3")}


def test_gdelt_column_names_follow_the_reference(shared_dir, filled_store):
    reference = shared_dir / "reference" / "gdelt2_events_schema.csv"
    with reference.open(encoding="utf-8") as handle:
        names = [row["tableId"] for row in csv.DictReader(handle)]
    header = exported(filled_store, "csv", "events").decode().splitlines()[0]
    assert [name.strip('"') for name in header.split(",")] == names
    mention_reference = shared_dir / "reference" / "gdelt2_mentions_schema.tsv"
    mention_names = [line.split("\t")[1] for line in
                     mention_reference.read_text(encoding="utf-8").splitlines()[1:]
                     if line.split("\t")[1] != "Add New Fields"]
    assert [c.name for c in gdelt_columns()["mentions"]] == mention_names


def test_parquet_and_plover_json_exports(filled_store, tmp_path):
    path = tmp_path / "events.parquet"
    path.write_bytes(exported(filled_store, "parquet", "events"))
    table = pq.read_table(path)
    # GDELT's 61 columns, in GDELT's order, then the reconciled counts (store/counts.py)
    assert table.column_names[:61] == [c.name for c in gdelt_columns()["events"]]
    assert table.column_names[61:63] == ["killed", "killed_low"]
    assert table.num_rows == query(filled_store, "SELECT count(*) FROM events")[0][0]
    records = [json.loads(line) for line in exported(filled_store, "jsonl", "events").splitlines()]
    assert len(records) == table.num_rows
    assert all(r["event"] is None or r["event"].isupper() for r in records)
    assert all(r["source"][0]["code"] for r in records if r["source"])
    contract = [json.loads(line) for line in
                exported(filled_store, "jsonl", "mentions").splitlines()]
    assert len(contract) == 90 and {"event_id", "cameo", "sentence"} <= set(contract[0])


def test_meetings_merge_either_way_round_but_attacks_do_not(tmp_path):
    db = tmp_path / "s.duckdb"
    ingest([
        one_event_article("m1", "2017-03-17", "040", "DEUGOV", "USAGOV", "DW"),
        one_event_article("m2", "2017-03-17", "043", "USAGOV", "DEUGOV", "CNN"),
        one_event_article("x1", "2017-03-17", "190", "SYRMIL", "SYRREB", "DW"),
        one_event_article("x2", "2017-03-17", "190", "SYRREB", "SYRMIL", "CNN"),
    ], db)
    rows = query(db, "SELECT cameo_root, num_mentions FROM events ORDER BY cameo_root, "
                     "num_mentions")
    assert rows == [("04", 2), ("19", 1), ("19", 1)]


def test_merge_gold_set_is_consistent_and_scores(shared_dir):
    from eventwire.evaluate.merge import evaluate, gold_articles, merge_gold

    mentions, pairs = merge_gold()
    assert {p.first for p in pairs} | {p.second for p in pairs} <= set(mentions)
    assert {p.same for p in pairs} == {True, False}
    corpus = shared_dir / "corpora" / "world_news_2016_17.jsonl"
    sentences = [e.sentence for _, events in gold_articles(corpus) for e in events]
    assert len(sentences) == len(mentions) and all(len(s) > 20 for s in sentences)
    result = evaluate(corpus)
    assert result["tp"] + result["fp"] + result["fn"] + result["tn"] == len(pairs)
    assert 0.0 <= result["recall"] <= 1.0 and len(result["errors"]) == result["fp"] + result["fn"]
