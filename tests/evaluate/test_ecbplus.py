"""The ECB+ merge evaluation: reading the corpus, aligning triggers, scoring pairs and B-cubed."""

from __future__ import annotations

import pytest

from eventwire.evaluate import ecbplus
from eventwire.records import Event


def test_scores_pairs_across_documents_and_b_cubed():
    # Gold: x1, y1, z1 one event (docs x, y, z); x2 another. Predicted: x1+y1 and z1+x2.
    items = [("x", "x1", "g1", "e1"), ("y", "y1", "g1", "e1"),
             ("z", "z1", "g1", "e2"), ("x", "x2", "g2", "e2")]
    result = ecbplus.score(items)
    assert (result["gold_pairs"], result["predicted_pairs"], result["tp"]) == (3, 2, 1)
    assert result["precision"] == pytest.approx(0.5)
    assert result["recall"] == pytest.approx(1 / 3)
    # B-cubed: precision (1 + 1 + 1/2 + 1/2) / 4, recall (2/3 + 2/3 + 1/3 + 1) / 4
    assert result["b3_precision"] == pytest.approx(0.75)
    assert result["b3_recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)


def test_pairs_within_one_document_are_not_scored():
    result = ecbplus.score([("x", "a", "g", "e"), ("x", "b", "g", "e")])
    assert result["gold_pairs"] == result["predicted_pairs"] == 0


def test_reads_a_document_with_its_text_mentions_and_chains(shared_dir):
    root = shared_dir / "gold" / "ecbplus_dev"
    if not root.exists():
        pytest.skip(f"{root} is absent")
    covered = ecbplus.coreference_sentences(root)
    doc = ecbplus.read_document(root / "2" / "2_10ecbplus.xml", covered["2_10ecbplus"])
    assert (doc.topic, doc.subtopic) == ("2", "ecbplus")
    assert "Ellen DeGeneres To Host Oscars" in doc.text
    words = {doc.text[m.start:m.end] for m in doc.mentions}
    assert "Host" in words
    # Mentions of one chain appear across documents of the topic.
    other = ecbplus.read_document(root / "2" / "2_11ecbplus.xml", covered["2_11ecbplus"])
    assert {m.chain for m in doc.mentions} & {m.chain for m in other.mentions}
    # A coded event whose trigger is an annotated mention aligns to its chain.
    host = next(m for m in doc.mentions if doc.text[m.start:m.end] == "Host")
    sentence = doc.text[doc.text.rfind("\n", 0, host.start) + 1:doc.text.find("\n", host.end)]
    start = host.start - doc.text.find(sentence)
    event = Event(event_id="e", doc_id=doc.name, sentence_index=1, sentence=sentence,
                  trigger="Host", cameo="010", cameo_root="01", quad_class=1, goldstein=0.0,
                  plover=None, plover_mode=None, source=None, target=None,
                  evidence={"spans": {"trigger": [start, start + 4]}})
    assert ecbplus.align(doc, [event]) == {"e": host.chain}


def test_ecb_and_ecbplus_files_of_a_topic_get_days_months_apart():
    ecb = ecbplus.Document("4_1ecb", "4", "ecb", "", [])
    plus = ecbplus.Document("4_1ecbplus", "4", "ecbplus", "", [])
    assert ecbplus.publication_day(ecb, "split") != ecbplus.publication_day(plus, "split")
    assert ecbplus.publication_day(ecb, "one-day") == ecbplus.publication_day(plus, "one-day")


def test_why_names_the_first_rule_that_keeps_each_gold_pair_apart():
    from eventwire.evaluate.ecbplus_why import report_line, why_apart
    from eventwire.evaluate.synthetic import make_event
    from eventwire.records import Article, Location

    palermo = Location("Palermo", "ITA", 38.116, 13.361, 2523920)
    los_angeles = Location("Los Angeles", "USA", 34.052, -118.244, 5368361)
    arrest = "Police arrested a man suspected of running the fraud ring at the harbour warehouse."
    coded = []
    for doc, place, cameo in (("a", palermo, "173"), ("b", los_angeles, "173"), ("c", palermo, "190")):
        event = make_event(doc, 0, arrest, cameo, "COP", None, "2014-05-09", place, trigger="arrested")
        coded.append((Article(id=doc, text=arrest, date="2014-05-09"), [event]))
    # Gold: all three one event; the store put each in its own.
    chain_of = {(article.id, events[0].event_id): "g" for article, events in coded}
    reasons = why_apart(coded, chain_of, lambda article_id, coded_id: article_id)
    # a-b: two places an ocean apart; a-c and b-c: another kind (arrest, fight).
    assert reasons == {"place": 1, "kind": 2}
    assert report_line(reasons) == "  gold pairs apart: 3 (kind 2, place 1)"
