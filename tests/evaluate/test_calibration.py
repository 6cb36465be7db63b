"""`eventwire eval calibration` on judged records, the logistic fit and the gold judging."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from eventwire.evaluate.calibration import expected_calibration_error, reliability, summary
from eventwire.evaluate.judged import GoldArticle, judge
from eventwire.records import Article, Event

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
from calibrate import fit_logistic, news_root_priors, share_table  # noqa: E402


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


def test_a_root_mostly_wrong_on_news_of_every_corpus_takes_a_lower_news_prior():
    from eventwire.events.calibration import calibration

    model = calibration()
    features = {"specific_pattern": 1.0, "main_clause": 1.0, "sentence_length": 0.3}

    def rows(root: str, right: int, wrong: int, audit: str) -> list[dict]:
        return [{"features": features, "cameo": root + "0", "right": ok, "half": "tune", "audit": audit}
                for ok in [True] * right + [False] * wrong]

    news = (rows("04", 1, 5, "2026-seed1.jsonl") + rows("04", 1, 4, "2026-l3s-seed2.jsonl")
            + rows("19", 9, 1, "2026-seed1.jsonl") + rows("13", 0, 3, "2026-bbc-seed3.jsonl")
            + rows("07", 1, 3, "2026-seed1.jsonl") + rows("07", 4, 1, "2026-bbc-seed3.jsonl"))
    news += [{**row, "half": "check"} for row in rows("19", 0, 20, "2026-seed1.jsonl")]  # never read
    table = news_root_priors(news, model)
    # mostly wrong everywhere: lowered, but not to nothing (pulled towards the current confidence)
    assert 0.01 < table["04"] < model["root_prior"]["04"]
    assert "19" not in table  # mostly right: the gold prior stays
    assert "13" not in table  # three events say too little
    assert "07" not in table  # right more often than its confidence says on one corpus


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


@pytest.fixture(scope="module")
def stored_audit(tmp_path_factory):
    """A real store of two articles and a verdict file judging three of its mentions (and one
    mention the store never held)."""
    import duckdb

    from eventwire.pipeline import code_articles
    from eventwire.store.ingest import ingest_articles

    articles = [
        Article(id="a1", title="Clashes in the north", date="2017-03-15",
                text="Russian troops attacked Ukrainian positions near Kharkiv on Monday. "
                     "The Ukrainian defence minister said the army would respond. "
                     "Police arrested five protesters in Kiev."),
        Article(id="a2", date="2017-03-16",
                text="France accused Germany of breaking the agreement on Tuesday."),
    ]
    tmp_path = tmp_path_factory.mktemp("audit")
    db = tmp_path / "audit.duckdb"
    ingest_articles(articles, db, coder=code_articles, progress=False, min_confidence=0.0)
    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("SELECT mention_id, confidence FROM mentions ORDER BY seq, "
                         "sentence_index, mention_id").fetchall()
    con.close()
    assert len(stored) >= 3
    verdicts = [{"mention_id": mention, "confidence": 0.01, "event": event, "date": "right",
                 "place": "na"}
                for (mention, _), event in zip(stored, ("right", "wrong", "right"), strict=False)]
    verdicts.append({"mention_id": "0000000000000000", "confidence": 0.5, "event": "right"})
    path = tmp_path / "verdicts.jsonl"
    path.write_text("".join(json.dumps(v) + "\n" for v in verdicts))
    return db, path, dict(stored[:3])


def test_an_audit_is_coded_again_from_its_store_and_found_by_mention_id(stored_audit):
    from eventwire.evaluate.judged import audit_events
    from eventwire.evaluate.split import half_of
    from eventwire.store.rows import short_hash

    db, path, stored = stored_audit
    judged, missing = audit_events(path, db)
    assert missing == ["0000000000000000"]  # the store never held it
    found = {short_hash("mention", j.event.doc_id, j.event.event_id): j for j in judged}
    assert set(found) == set(stored)
    rights = [json.loads(line)["event"] == "right" for line in path.read_text().splitlines()[:3]]
    assert [found[m].right for m in stored] == rights
    # the parts judged right or wrong of the events that happened (``na`` is not judged)
    assert [found[m].parts for m in stored] == [{"date": True} if ok else {} for ok in rights]
    for mention, confidence in stored.items():  # the same coder: the stored confidence again
        assert found[mention].event.confidence == confidence
        assert found[mention].half == half_of(mention) and found[mention].gold_set == "audit"


def test_eval_calibration_takes_the_confidences_of_a_store(stored_audit):
    db, path, stored = stored_audit
    result = eventwire("eval", "calibration", str(path), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "1 judged mentions not in it" in result.stdout
    # judged with the stored confidences, not the file's stale 0.01
    expected = summary(list(zip(stored.values(), (True, False, True), strict=True)))
    assert f"ECE {expected['ece']:.3f}" in result.stdout
    assert "3 events, 0.667 right" in result.stdout
    plain = eventwire("eval", "calibration", str(path))
    assert "0.0-0.1" in plain.stdout and "4 events, 0.750 right" in plain.stdout


def test_an_event_counting_twice_weighs_as_two_events():
    from calibrate import pool_adjacent_violators

    rng = np.random.default_rng(5)
    x = rng.integers(0, 2, size=(400, 2)).astype(float)
    y = (rng.random(400) < 0.3 + 0.4 * x[:, 0]).astype(float)
    counts = rng.integers(1, 4, size=400).astype(float)
    repeated = np.repeat(np.arange(400), counts.astype(int))
    weighted = fit_logistic(x, y, counts=counts)
    assert np.allclose(weighted, fit_logistic(x[repeated], y[repeated]), atol=1e-6)
    scores = x @ np.array([1.0, 0.5])
    steps = pool_adjacent_violators(scores, y, min_events=50, counts=counts)
    assert steps == pool_adjacent_violators(scores[repeated], y[repeated], min_events=50)


def test_each_news_corpus_weighs_the_same_in_the_fit():
    from calibrate import event_counts

    rows = ([{"set": "plv"}] * 10 + [{"audit": "2026-12-06-seed1.jsonl"}] * 30
            + [{"audit": "2026-12-07-bbc-seed2.jsonl"}] * 10)
    counts = event_counts(rows, audit_weight=2.0)
    assert list(counts[:10]) == [1.0] * 10  # a gold event counts once
    world, bbc = counts[10:40], counts[40:]
    # the audits together count twice their 40 events, half for each corpus
    assert world.sum() == pytest.approx(40.0) and bbc.sum() == pytest.approx(40.0)
    assert counts.sum() == pytest.approx(10 + 2.0 * 40)


def _news_rows(rng: random.Random) -> list[dict]:
    """Judged news events of three stores: attacks (190) right 1 time in 5, meetings (040) 4 in 5."""
    rows = []
    for store in ("a", "b", "c"):
        for code, share in (("190", 0.2), ("040", 0.8), ("010", 0.6)):
            rows += [{"store": store, "cameo": code, "right": rng.random() < share,
                      "features": {"running_text": 1.0, "statement": float(code == "010")}}
                     for _ in range(150)]
    return rows


def test_the_news_model_learns_which_codes_news_gets_right_and_is_measured_store_by_store():
    from calibrate_news import code_prior_table, fit_news, left_out_figures, scored

    rows = _news_rows(random.Random(3))
    table = code_prior_table(rows)
    assert table["190"] < table["other"] < table["040"]
    assert table["other statement"] == pytest.approx(0.6, abs=0.06)
    news = fit_news(rows)
    attack, meeting = (scored([row], news)[0][0] for row in
                       (next(r for r in rows if r["cameo"] == c) for c in ("190", "040")))
    assert attack == pytest.approx(0.2, abs=0.06) and meeting == pytest.approx(0.8, abs=0.06)
    figures = left_out_figures(rows)
    assert {"leave out a", "leave out b", "leave out c"} <= set(figures)
    assert figures["leave one store out"]["events"] == len(rows)
    assert figures["leave one store out"]["ece"] <= 0.05
