"""Re-coding a stored corpus after a one-line pattern change touches only what that line codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import duckdb

from eventwire.pipeline import code_articles
from eventwire.records import Article
from eventwire.store.ingest import ingest_articles

ARTICLES = [
    Article(id="a1", date="2016-03-01", text="Russia annexed Crimea in March.\n"
            "France met with Germany in Paris on Monday."),
    Article(id="a2", date="2016-03-02", text="Iran threatened to attack Israel.\n"
            "Turkey annexed a strip of Syria."),
    Article(id="a3", date="2016-03-03", text="Egypt hosted talks with Israel in Cairo."),
]


def eventwire(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True,
                          text=True, timeout=600, env={**os.environ, **(env or {})})


def snapshot(db: Path) -> tuple[dict[str, dict], set[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        mentions = {row[0]: json.loads(row[1]) for row in
                    con.execute("SELECT coded_event_id, record FROM mentions").fetchall()}
        events = {row[0] for row in con.execute("SELECT event_id FROM events").fetchall()}
    finally:
        con.close()
    return mentions, events


def test_one_line_change_recodes_only_its_events(tmp_path: Path):
    db = tmp_path / "events.duckdb"
    ingest_articles(ARTICLES, db, code_articles, progress=False, min_confidence=0.0)
    before, events_before = snapshot(db)
    annexations = {i for i, r in before.items() if r["evidence"]["rule"] == "annex"}
    assert len(annexations) == 2 and len(before) > len(annexations)

    unchanged = eventwire("recode", "--db", str(db))
    assert unchanged.returncode == 0, unchanged.stderr
    assert "0 recoded, 0 added, 0 removed" in unchanged.stderr
    assert snapshot(db) == (before, events_before)

    patterns = tmp_path / "patterns"
    shutil.copytree(resources.files("eventwire.events") / "data", patterns)
    verbs = patterns / "verb_patterns.yaml"
    edited = verbs.read_text().replace('annex: [{id: annex, cameo: "192"}]',
                                       'annex: [{id: annex, cameo: "1712"}]')
    assert edited != verbs.read_text()
    verbs.write_text(edited)
    changed = eventwire("recode", "--db", str(db), env={"EVENTWIRE_PATTERNS_DIR": str(patterns)})
    assert changed.returncode == 0, changed.stderr
    lines = changed.stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith("recoded") and "(annex)" in line
                                   for line in lines)

    after, events_after = snapshot(db)
    untouched = set(before) - annexations
    for event_id in untouched:  # same coded id, same record but for the coder version
        assert {**after[event_id], "coder_version": None} == {**before[event_id],
                                                              "coder_version": None}
    assert {r["cameo"] for i, r in after.items() if i not in untouched} == {"1712"}
    con = duckdb.connect(str(db), read_only=True)
    revisions = con.execute("SELECT change, record->>'cameo' FROM mention_revisions").fetchall()
    con.close()
    assert sorted(revisions) == [("recoded", "192"), ("recoded", "192")]
    # merged events that held only untouched mentions keep their ids
    assert len(events_before & events_after) >= len(events_before) - len(annexations)
