"""The store's commands as a user runs them: ingest (real pipeline), export, watch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from eventwire.store.watch import parse_interval, poll_once

SRC = Path(__file__).resolve().parents[2] / "src"

ARTICLES = [
    {"id": "kerry-putin", "date": "2015-05-12", "url": "https://example.org/kerry-putin",
     "title": "Kerry meets Putin in Sochi",
     "text": "US Secretary of State John Kerry met Russian President Vladimir Putin in Sochi on "
             "Tuesday. The two men discussed Ukraine and Syria."},
    {"id": "merkel-visit", "date": "2015-05-13",
     "text": "German Chancellor Angela Merkel visited Moscow on Wednesday and laid a wreath."},
]

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>https://wire.example/</link>
<description>test</description>
<item><title>Kerry meets Putin</title><guid>wire-1</guid>
<pubDate>Tue, 12 May 2015 10:00:00 GMT</pubDate>
<description>&lt;p&gt;John Kerry met Vladimir Putin in Sochi.&lt;/p&gt;</description></item>
<item><title>Merkel in Moscow</title><guid>wire-2</guid>
<pubDate>Sun, 10 May 2015 09:00:00 GMT</pubDate>
<description>Angela Merkel visited Moscow.</description></item>
</channel></rss>
"""


def eventwire(*args: str) -> subprocess.CompletedProcess:
    path = os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def count(db: Path, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    finally:
        con.close()


def test_ingest_command_is_idempotent_and_exports(tmp_path):
    source = tmp_path / "news.jsonl"
    source.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\nnot json\n")
    db = tmp_path / "events.duckdb"
    first = eventwire("ingest", str(source), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "news.jsonl:3" in first.stderr  # the bad line is named, the others are stored
    counts = {table: count(db, table) for table in ("articles", "events", "mentions")}
    assert counts["articles"] == 2
    second = eventwire("ingest", str(source), "--db", str(db))
    assert second.returncode == 0 and "2 already stored" in second.stderr
    assert {table: count(db, table) for table in counts} == counts
    exported = eventwire("export", "--db", str(db), "--format", "gdelt")
    assert exported.returncode == 0
    lines = exported.stdout.splitlines()
    assert len(lines) == counts["events"]
    assert all(len(line.split("\t")) == 61 for line in lines)


def test_ingest_of_the_seed_twice_keeps_the_row_count(seed_path, tmp_path):
    db = tmp_path / "seed.duckdb"
    assert eventwire("ingest", str(seed_path), "--db", str(db)).returncode == 0
    before = (count(db, "articles"), count(db, "events"))
    assert eventwire("ingest", str(seed_path), "--db", str(db)).returncode == 0
    assert (count(db, "articles"), count(db, "events")) == before == (1, before[1])


def test_export_of_a_missing_database_says_so(tmp_path):
    result = eventwire("export", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1 and "no eventwire database" in result.stderr


def no_events(articles):
    for article in articles:
        yield article, []


def test_watch_survives_a_failing_feed_and_stores_entries_once(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS)
    db = tmp_path / "watch.duckdb"
    messages: list[str] = []
    feeds = [str(tmp_path / "missing.rss"), str(feed)]
    assert poll_once(feeds, db, coder=no_events, log=messages.append) == 2
    assert any("missing.rss" in message for message in messages)
    assert poll_once(feeds, db, coder=no_events, log=messages.append) == 0
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT title, date, text FROM articles ORDER BY date").fetchall()
    con.close()
    assert rows[0][0] == "Merkel in Moscow" and str(rows[0][1]) == "2015-05-10"
    assert rows[1][2] == "John Kerry met Vladimir Putin in Sochi."


def test_watch_command_runs_bounded_rounds(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(RSS)
    db = tmp_path / "watch.duckdb"
    result = eventwire("watch", str(feed), "--db", str(db), "--every", "1s", "--rounds", "2")
    assert result.returncode == 0, result.stderr
    assert count(db, "articles") == 2
    assert eventwire("watch", str(feed), "--every", "soon").returncode == 2


@pytest.mark.parametrize("text, seconds", [("15m", 900), ("90s", 90), ("1h30m", 5400), ("2", 2)])
def test_intervals(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "-5m", "15 minutes", "m"])
def test_bad_intervals(text):
    with pytest.raises(ValueError):
        parse_interval(text)
