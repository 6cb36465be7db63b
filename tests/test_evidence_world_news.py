"""Issue 10: every event of 200 real world-news articles carries checkable evidence."""

from __future__ import annotations

import json
from itertools import islice

from shared_data import SHARED, require_shared

from eventwire.events.patterns import pattern_book
from eventwire.pipeline import code_articles
from eventwire.records import Article


def test_evidence_spans_lie_in_the_sentence_and_rules_exist():
    path = require_shared(SHARED / "corpora" / "world_news_2016_17.jsonl")
    with open(path, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in islice(handle, 200)]
    articles = [Article(id=r["id"], text=r["text"], title=r.get("title"), date=r.get("date"))
                for r in rows if (r.get("text") or "").strip()]
    rules = pattern_book().by_id
    events = [e for _, found in code_articles(articles) for e in found]
    assert len(events) > 200
    for event in events:
        evidence = event.evidence
        assert evidence["rule"] in rules, evidence["rule"]
        file, line = evidence["rule_source"].rsplit(":", 1)
        assert file.startswith("events/data/") and int(line) > 0
        for name, span in evidence["spans"].items():
            if span is None:
                continue
            start, end = span
            assert 0 <= start < end <= len(event.sentence), (name, span, event.sentence)
        start, end = evidence["spans"]["trigger"]
        assert event.sentence[start:end] == event.trigger
        assert 0.0 <= event.confidence <= 1.0 and event.coder_version
