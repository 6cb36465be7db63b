"""`eventwire eval calibration` on judged records, the logistic fit and the gold judging."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np

from eventwire.evaluate.calibration import expected_calibration_error, reliability, summary
from eventwire.evaluate.judged import GoldArticle, judge
from eventwire.records import Article, Event

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
from calibrate import fit_logistic, share_table  # noqa: E402


def eventwire(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True,
                          text=True)


def test_a_calibrated_file_prints_its_table_and_a_small_error(tmp_path):
    rng = random.Random(7)
    records = []
    for number in range(2000):  # right with the probability the confidence states
        confidence = rng.random()
        records.append({"event_id": f"e{number}", "confidence": confidence,
                        "right": rng.random() < confidence})
    path = tmp_path / "audit.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = eventwire("eval", "calibration", str(path))
    assert result.returncode == 0, result.stderr
    assert "0.4-0.5" in result.stdout and ">= 0.8" in result.stdout
    ece = float(result.stdout.split("ECE ")[1].split(";")[0])
    assert ece < 0.04
    check = eventwire("eval", "calibration", str(path), "--half", "check")
    kept = int(check.stdout.split(" events, ")[0].rsplit(" ", 1)[1])
    assert 800 < kept < 1200  # about half the records


def test_an_overconfident_audit_shows_its_gap():
    scored = [(0.9, ok) for ok in [True] * 50 + [False] * 50]
    (bin_,) = reliability(scored)
    assert bin_.count == 100 and abs(bin_.gap - 0.4) < 1e-9
    assert abs(expected_calibration_error(scored) - 0.4) < 1e-9
    assert summary(scored)["thresholds"]["0.8"]["precision"] == 0.5


def test_audit_verdicts_are_read_as_event_ok(tmp_path):
    path = tmp_path / "verdicts.jsonl"
    path.write_text(json.dumps({"mention_id": "m1", "event_ok": False, "confidence": 0.7}) + "\n"
                    + json.dumps({"mention_id": "m2", "event_ok": True,
                                  "event": {"confidence": 0.7}}) + "\n")
    result = eventwire("eval", "calibration", str(path))
    assert "2 events, 0.500 right" in result.stdout


def test_a_record_without_a_verdict_is_a_one_line_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"confidence": 0.5}) + "\n")
    result = eventwire("eval", "calibration", str(path))
    assert result.returncode != 0
    assert f"{path}:1" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_logistic_fit_recovers_the_generating_weights():
    rng = np.random.default_rng(3)
    x = rng.integers(0, 2, size=(20000, 3)).astype(float)
    truth = np.array([-0.5, 1.5, -2.0, 0.0])
    p = 1 / (1 + np.exp(-(truth[0] + x @ truth[1:])))
    y = (rng.random(len(x)) < p).astype(float)
    weights = fit_logistic(x, y, l2=0.0)
    assert np.max(np.abs(weights - truth)) < 0.1


def test_part_shares_are_pulled_towards_the_overall_share():
    table = share_table([("named", True)] * 90 + [("named", False)] * 10 + [("agent", False)] * 2)
    assert table["other"] == round(90 / 102, 3)
    assert table["named"] > table["other"] > table["agent"] > 0.5  # two misses say little


def _event(plover: str | None, quad_class: int, root: str) -> Event:
    return Event(event_id="e", doc_id="d", sentence_index=0, sentence="s", trigger="t",
                 cameo=root + "0", cameo_root=root, quad_class=quad_class, goldstein=0.0,
                 plover=plover, plover_mode=None, source=None, target=None)


def test_gold_judging_by_type_and_by_class():
    item = GoldArticle(Article(id="r", text="s"), "r", "ASSAULT")
    judged = list(judge("plv", item, [_event("ASSAULT", 4, "19"), _event("ACCUSE", 3, "11"),
                                      _event(None, 1, "01")]))
    assert [ok for _, ok in judged] == [True, False]  # the statement is not judged by PLOVER sets
    statement = GoldArticle(Article(id="r", text="s"), "r", 0)
    judged = list(judge("cameo", statement, [_event(None, 1, "01"), _event("ASSAULT", 4, "19")]))
    assert [ok for _, ok in judged] == [True, False]


def test_an_audit_verdict_file_is_read_as_judged_events(tmp_path):
    lines = [{"mention_id": "m1", "confidence": 0.9, "event": "right", "source": "right"},
             {"mention_id": "m2", "confidence": 0.9, "event": "not_event"},
             {"mention_id": "m3", "confidence": 0.3, "event": "wrong"},
             {"mention_id": "m4", "confidence": 0.3, "event": ""}]  # not judged yet
    path = tmp_path / "2026-12-06-seed1.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = eventwire("eval", "calibration", str(path))
    assert "3 events, 0.333 right" in result.stdout


def test_gold_records_are_coded_judged_and_their_parses_cached(tmp_path, monkeypatch):
    from eventwire.evaluate import judged

    monkeypatch.setenv(judged.CACHE_ENV, str(tmp_path / "cache"))
    records = [
        {"id": "r1", "text": "Russian troops attacked Ukrainian positions on Monday.",
         "plover": "ASSAULT", "spans": {"source": [[0, 14]], "target": [[24, 44]]}},
        {"id": "r2", "text": "France accused Germany of breaking the agreement.",
         "plover": "ASSAULT", "spans": {"source": [[0, 6]], "target": [[15, 22]]}},
    ]
    path = tmp_path / "plv_train_dev.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    first = judged.judged_events("plv", path)
    assert list((tmp_path / "cache").glob("plv_train_dev-*.spacy"))
    again = judged.judged_events("plv", path)  # from the cache: the same events, the same verdicts
    assert [(j.event.to_dict(), j.right) for j in again] == [(j.event.to_dict(), j.right)
                                                            for j in first]
    verdicts = {j.event.plover: j.right for j in first}
    assert verdicts.get("ASSAULT") is True and verdicts.get("ACCUSE") is False
    attack = next(j for j in first if j.event.plover == "ASSAULT")
    assert attack.parts.get("source") is True  # the span overlaps the gold source
