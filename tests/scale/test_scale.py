"""Scale-out gives the same stored events as one process; the pre-filter keeps every event."""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

import duckdb
import pytest

from eventwire.cli import main
from eventwire.nlp.prefilter import inflections, segments, trigger_forms
from eventwire.pipeline import code_articles, trigger_lemmas
from eventwire.records import Article
from eventwire.scale.cluster import ingest_on_cluster
from eventwire.scale.local import ParallelCoder
from eventwire.store.ingest import ingest_articles

STORIES = [
    ("Putin meets Xi", "Russian President Vladimir Putin met Chinese President Xi Jinping in "
     "Beijing on Monday. The weather was mild. Putin praised China for its support."),
    ("Sanctions", "The United States imposed sanctions on Iran on Tuesday. Officials in Tehran "
     "condemned the move. The markets were quiet."),
    ("Protest", "Police arrested dozens of protesters in Caracas on Wednesday. A spokesman said "
     "the government would negotiate with the opposition."),
    ("Talks", "Germany and France held talks on trade. Nothing else happened that day."),
    ("Visit", "Indian Prime Minister Narendra Modi visited Japan. He signed an agreement with "
     "Japanese Prime Minister Shinzo Abe."),
]


def articles() -> list[Article]:
    return [Article(id=f"story-{n}", title=title, text=text, date=f"2016-05-0{n + 1}")
            for n, (title, text) in enumerate(STORIES)]


def stored_ids(db: Path) -> list[tuple[str, str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT event_id, mention_id, article_id FROM mentions ORDER BY mention_id").fetchall()
    finally:
        con.close()


def test_workers_and_dask_cluster_store_the_same_event_ids(tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    one = tmp_path / "one.duckdb"
    ingest_articles(articles(), one, coder=ParallelCoder(workers=1), batch_size=2, progress=False,
                    min_confidence=0.0)
    expected = stored_ids(one)
    assert len({event for event, _, _ in expected}) >= 5  # the stories do hold events

    source = tmp_path / "stories.jsonl"
    source.write_text("".join(json.dumps(asdict(article)) + "\n" for article in articles()))
    two = tmp_path / "two.duckdb"
    assert main(["ingest", str(source), "--db", str(two), "--workers", "2", "--batch-size", "2",
                 "--quiet", "--min-confidence", "0"]) == 0
    assert stored_ids(two) == expected

    dask = tmp_path / "dask.duckdb"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        assert main(["ingest", str(source), "--db", str(dask), "--cluster",
                     cluster.scheduler_address, "--batch-size", "2", "--quiet",
                     "--min-confidence", "0"]) == 0
        report = ingest_on_cluster(articles(), dask, cluster, progress=False, min_confidence=0.0)
        # a threshold holds on the cluster as in one process
        kept = tmp_path / "kept.duckdb"
        assert main(["ingest", str(source), "--db", str(kept), "--cluster",
                     cluster.scheduler_address, "--quiet", "--min-confidence", "0.6"]) == 0
    assert stored_ids(dask) == expected
    assert (report.read, report.already_stored, report.stored) == (5, 5, 0)  # resumable
    local = tmp_path / "local-kept.duckdb"
    ingest_articles(articles(), local, coder=ParallelCoder(workers=1), progress=False,
                    min_confidence=0.6)
    assert stored_ids(kept) == stored_ids(local) and 0 < len(stored_ids(kept)) < len(expected)
    assert not list(tmp_path.glob(".eventwire-shards-*"))  # temporary shards are removed


def test_prefilter_keeps_the_events_of_full_parsing() -> None:
    def coded(prefilter: bool) -> set[tuple[str, str, str | None, str | None]]:
        return {(article.id, e.cameo, e.source and e.source.code, e.target and e.target.code)
                for article, events in code_articles(articles(), prefilter=prefilter)
                for e in events}

    assert coded(True) == coded(False)


def test_prefilter_keeps_text_and_offsets_and_skips_eventless_sentences() -> None:
    from eventwire.nlp.prefilter import parse_candidates

    parsed = list(parse_candidates(articles(), trigger_lemmas()))
    for article, item in zip(articles(), parsed, strict=True):
        assert item.doc.text == f"{article.title}\n\n{article.text}"
        for sentence in item.sentences:
            assert item.doc.text[sentence.start:].startswith(sentence.text)
    weather = next(s for s in parsed[0].sentences if s.text == "The weather was mild.")
    assert not any(token.dep_ in ("nsubj", "acomp") for token in weather.span)  # not parsed
    put = next(s for s in parsed[0].sentences if s.text.startswith("Putin praised"))
    assert any(token.dep_ == "nsubj" for token in put.span)  # a candidate: parsed


def test_segments_group_consecutive_candidate_sentences() -> None:
    from eventwire.nlp import load_nlp

    doc = load_nlp().make_doc("Putin met Xi. Then he visited Japan. The weather was mild.")
    runs = segments(doc, trigger_forms(trigger_lemmas()))
    assert [(doc[r.start:r.end].text, r.candidate) for r in runs] == [
        ("Putin met Xi. Then he visited Japan.", True), ("The weather was mild.", False)]


def test_trigger_forms_cover_irregular_and_regular_inflections() -> None:
    forms = trigger_forms(trigger_lemmas())
    for word in ("met", "meets", "meeting", "said", "imposed", "arrested", "talks", "visited"):
        assert word in forms
    assert "weather" not in forms


def test_inflections_double_final_consonant() -> None:
    rules = {"verb": [["ed", ""], ["ing", ""], ["s", ""]]}
    assert {"stopped", "stopping", "stops"} <= inflections("stop", rules, {})


def test_environment_switch_turns_the_prefilter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.nlp.prefilter import prefilter_enabled

    monkeypatch.setenv("EVENTWIRE_PREFILTER", "0")
    assert not prefilter_enabled()
    assert prefilter_enabled(True)
    monkeypatch.delenv("EVENTWIRE_PREFILTER")
    assert prefilter_enabled() and os.environ.get("EVENTWIRE_PREFILTER") is None
