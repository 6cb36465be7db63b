"""The audit procedure as a user runs it: draw from a real store, judge, tally."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.evaluate.audit import agreement, check_verdict, tally

SRC = Path(__file__).resolve().parents[2] / "src"

ARTICLES = [
    {"id": "a1", "date": "2015-05-12", "text": "US Secretary of State John Kerry met Russian President "
     "Vladimir Putin in Sochi on Tuesday. Rebels attacked a police station in Donetsk, killing two."},
    {"id": "a2", "date": "2015-05-13", "text": "Iran accused Saudi Arabia of terrorism. German "
     "Chancellor Angela Merkel visited Moscow on Wednesday."},
]


def eventwire(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_draw_is_reproducible_and_writes_ids_only_verdicts(tmp_path: Path):
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    db = tmp_path / "e.duckdb"
    assert eventwire("ingest", str(source), "--db", str(db), "--quiet").returncode == 0
    drawn = []
    for run in (1, 2):
        sheet, verdicts = tmp_path / f"sheet{run}.jsonl", tmp_path / f"verdicts{run}.jsonl"
        result = eventwire("audit", "draw", "--db", str(db), "--seed", "5", "--random", "2",
                           "--violent", "1", "--worksheet", str(sheet), "--verdicts", str(verdicts))
        assert result.returncode == 0, result.stderr
        drawn.append([json.loads(line) for line in verdicts.read_text().splitlines()])
        assert "context:" in result.stdout
    assert drawn[0] == drawn[1] and len(drawn[0]) == 3
    assert [v["sample"] for v in drawn[0]] == ["random", "random", "violent"]
    # the verdict template carries no article text
    assert not any("Kerry" in json.dumps(v) or "Saudi" in json.dumps(v) for v in drawn[0])


def test_tally_keeps_statements_and_the_violent_sample_apart():
    verdicts = [
        {"mention_id": "1", "sample": "random", "statement": True, "event": "right",
         "source": "right", "target": "na", "place": "right", "date": "right"},
        {"mention_id": "2", "sample": "random", "statement": False, "event": "right",
         "source": "right", "target": "wrong", "place": "wrong", "date": "right"},
        {"mention_id": "3", "sample": "random", "statement": False, "event": "not_event"},
        {"mention_id": "4", "sample": "violent", "statement": False, "event": "right",
         "source": "right", "target": "right", "place": "right", "date": "right"},
    ]
    rows = {(group, measure): (right, of) for group, measure, right, of in tally(verdicts).rows()}
    assert rows[("random", "event right (of mentions)")] == (2, 3)
    assert rows[("substantive", "event right (of mentions)")] == (1, 2)
    assert rows[("substantive", "full tuple right (of mentions)")] == (0, 2)
    assert rows[("statement", "full tuple right (of mentions)")] == (1, 1)
    assert rows[("random", "target right (of real events with one)")] == (0, 1)
    assert rows[("violent", "full tuple right (of mentions)")] == (1, 1)


def test_a_malformed_verdict_names_its_mention():
    with pytest.raises(ValueError, match="m9: event"):
        check_verdict({"mention_id": "m9", "event": None})


def test_agreement_of_two_readers_on_their_shared_mentions(tmp_path: Path):
    def verdict(mention: str, event: str, source: str = "right") -> dict:
        return {"mention_id": mention, "event": event, "source": source, "target": "na",
                "place": "na", "date": "right", "note": ""}

    first = [verdict("m1", "right"), verdict("m2", "wrong"), verdict("m3", "right"),
             verdict("m4", "not_event", "na"), verdict("only-first", "right")]
    second = [verdict("m1", "right"), verdict("m2", "right"), verdict("m3", "right"),
              verdict("m4", "not_event", "na"), verdict("only-second", "wrong")]
    result = agreement(first, second)
    assert result.mentions == 4  # mentions judged by one reader only are not compared
    assert result.same["event"] == 3 and result.same["target"] == 4
    # 3 of 4 agree, where chance alone would give (3*2 + 1*0 + ... )/16: kappa below the raw share
    assert result.kappa["event"] is not None and 0 < result.kappa["event"] < 0.75
    assert result.kappa["target"] is None  # both always "na": nothing to tell beyond chance
    paths = []
    for name, lines in (("a", first), ("b", second)):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps(v) + "\n" for v in lines))
        paths.append(str(path))
    printed = eventwire("audit", "agreement", *paths)
    assert printed.returncode == 0 and "4 mentions judged by both readers" in printed.stdout
    assert eventwire("audit", "agreement", paths[0], str(tmp_path / "none.jsonl")).returncode == 1
