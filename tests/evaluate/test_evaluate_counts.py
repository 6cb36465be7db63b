"""The counts evaluation reads the gold figures as the coder reads numbers, and scores events."""

from eventwire.evaluate.counts import _values, gold_figures, report
from eventwire.records import Event


def test_gold_figures_words_and_numbers():
    assert gold_figures({"dead": "156", "injured": "2"}) == {"dead": 156, "injured": 2}
    assert gold_figures({"size": "Thousands"}) == {"size": 2000}
    assert gold_figures({"size": "group"}) == {"size": None}  # no number: left out
    assert gold_figures({"text": "no figures"}) == {}


def _event(counts: dict | None) -> Event:
    return Event(event_id="e", doc_id="d", sentence_index=0, sentence="s", trigger="t", cameo="190",
                 cameo_root="19", quad_class=4, goldstein=-10.0, plover="ASSAULT", plover_mode=None,
                 source=None, target=None, counts=counts)


def test_size_matches_any_count_and_dead_only_killed():
    events = [_event({"arrested": {"value": 12}, "toll": {"value": 50}}), _event(None)]
    assert _values(events, "size") == {12}  # a toll is not the event's size
    assert _values(events, "dead") == set()


def test_report_splits_halves_and_lists_tune_misses_only():
    rows = [{"id": "a", "half": "tune", "field": "dead", "gold": 3, "ours": [3], "right": True,
             "coded": True},
            {"id": "b", "half": "check", "field": "size", "gold": 200, "ours": [], "right": False,
             "coded": False}]
    text = report({"rows": rows})
    assert "all    1/2 = 50.0%" in text and "tune   1/1" in text and "check  0/1" in text
    assert "b size" not in text  # misses of the check half are not shown
