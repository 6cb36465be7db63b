"""Dates in a store built from world-news articles (issue 19): a user's query finds no event dated
after its article's publication date, except plans and schedules; background events (recalled
from weeks or years before) carry the flag, and an event dated by its article never does."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from itertools import islice
from pathlib import Path

import duckdb
import pytest
from shared_data import SHARED, require_shared

SRC = Path(__file__).resolve().parents[2] / "src"
WORLD_NEWS = SHARED / "corpora" / "world_news_2016_17.jsonl"
N_FIRST = 8
# Timelines ("October 7: The US intelligence community blames Russia ...") date their events in
# the historical present: the hardest case for "never after publication".
TIMELINE_LINE = re.compile(r"(?m)^(?:January|February|March|April|May|June|July|August|"
                           r"September|October|November|December) \d{1,2}: ")


def world_news_sample() -> list[str]:
    with require_shared(WORLD_NEWS).open(encoding="utf-8") as corpus:
        lines = list(islice(corpus, 2000))
    timelines = [line for line in lines[N_FIRST:]
                 if len(TIMELINE_LINE.findall(json.loads(line)["text"])) >= 5][:1]
    return lines[:N_FIRST] + timelines


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    folder = tmp_path_factory.mktemp("dates")
    sample = folder / "world_news_sample.jsonl"
    sample.write_text("".join(world_news_sample()), encoding="utf-8")
    db = folder / "events.duckdb"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    subprocess.run([sys.executable, "-m", "eventwire.cli", "ingest", str(sample), "--db", str(db),
                    "--quiet"], env=env, check=True, capture_output=True, text=True)
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def test_no_stored_date_after_its_article_except_plans(store) -> None:
    # The record's date at its precision ("2016-10" for a month): its first day is after the
    # article's date only for a later day, month or year.
    later = store.execute(
        "SELECT date, published, modality, sentence, scheduled FROM ("
        "  SELECT json_extract_string(m.record, '$.date') AS date, a.date AS published, "
        "    m.modality, m.sentence, coalesce(json_extract(m.record, "
        "      '$.evidence.date.may_be_future')::BOOLEAN, false) AS scheduled "
        "  FROM mentions m JOIN articles a USING (article_id)) "
        "WHERE CAST(rpad(date, 10, '-01') AS DATE) > published").fetchall()
    assert all(modality != "asserted" or scheduled for *_, modality, _, scheduled in later), later
    assert store.execute("SELECT count(*) FROM mentions WHERE date IS NOT NULL").fetchall()[0][0]


def test_background_events_are_weeks_before_their_article(store) -> None:
    rows = store.execute(
        "SELECT json_extract_string(m.record, '$.date'), a.date, "
        "  json_extract(m.record, '$.background')::BOOLEAN "
        "FROM mentions m JOIN articles a USING (article_id)").fetchall()
    background = [(date, published) for date, published, flag in rows if flag]
    assert background, "the timeline's events of the year before are background"
    for date, published in background:
        # the latest day the date may mean (a year's last day, a month's 28th at least)
        latest = dt.date(int(date[:4]), int(date[5:7]) if len(date) > 4 else 12,
                         int(date[8:10]) if len(date) > 7 else 28)
        assert (published - latest).days > 28, (date, published)
    # dated by the article itself: never background
    assert not [r for r in rows if r[2] and r[0] == r[1].isoformat()]


def test_undated_mentions_store_and_export(store, tmp_path) -> None:
    """A mention the text leaves undated ("had said", "the following day") is stored with a null
    date and says why; its event keeps its article's day, which GDELT's SQLDATE needs."""
    undated = store.execute(
        "SELECT m.event_id, a.date, json_extract_string(m.record, '$.evidence.date.unknown') "
        "FROM mentions m JOIN articles a USING (article_id) "
        "WHERE json_extract_string(m.record, '$.date') IS NULL").fetchall()
    assert undated and all(reason for *_, reason in undated), undated
    events = dict(store.execute("SELECT event_id, date FROM events").fetchall())
    assert all(events[event_id] is not None for event_id, *_ in undated)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    db = store.execute("SELECT path FROM duckdb_databases() WHERE NOT internal").fetchone()[0]
    tsv = subprocess.run([sys.executable, "-m", "eventwire.cli", "export", "--db", db,
                          "--format", "gdelt"], env=env, check=True, capture_output=True, text=True)
    rows = [line.split("\t") for line in tsv.stdout.splitlines()]
    assert rows and all(re.fullmatch(r"\d{8}", row[1]) for row in rows)
