"""The article-extraction-benchmark metric, and the L3S-GN1 evaluation on a few pages."""

from __future__ import annotations

import pytest

from eventwire.evaluate.extraction import ExtractionScore, precision_recall, score_extractors
from eventwire.ingest.html import repair_html

TRUTH = "the council voted on monday to close the old pier after engineers found cracks"


def test_perfect_partial_and_empty_extractions():
    assert precision_recall(TRUTH, TRUTH) == (1.0, 1.0)
    # 14 tokens -> 11 shingles; the first half of the text keeps 4 of them and adds none.
    precision, recall = precision_recall(TRUTH, " ".join(TRUTH.split()[:7]))
    assert precision == 1.0 and recall == pytest.approx(4 / 11)
    precision, recall = precision_recall(TRUTH, TRUTH + " share this story on social media now")
    assert recall == 1.0 and precision == pytest.approx(11 / 18)
    assert precision_recall(TRUTH, "") == (0.0, 0.0)
    assert precision_recall("", "") == (1.0, 1.0)
    assert precision_recall("a b", "a b") == (1.0, 1.0)  # short texts give one shingle


def test_f1_comes_from_the_averages():
    score = ExtractionScore("x", documents=2, precision=0.5, recall=1.0, seconds=1.0)
    assert score.f1 == pytest.approx(2 * 0.5 / 1.5)


def test_unclosed_title_no_longer_swallows_the_page():
    html = "<html><head><title>Floods hit coast - Daily\n</head><body><p>Story</p></body></html>"
    assert "<title>Floods hit coast - Daily</title>" in repair_html(html)
    whole = "<html><head><title>Fine</title></head><body></body></html>"
    assert repair_html(whole) == whole


def test_first_pages_of_l3s_gn1(shared_dir):
    corpus = shared_dir / "corpora" / "l3s_gn1"
    ours, baseline = score_extractors(corpus, limit=15)
    assert ours.documents == baseline.documents == 15
    assert ours.f1 >= 0.85
