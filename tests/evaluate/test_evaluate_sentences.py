"""Scoring of the sentence-level evaluations (PLV, five-way, spans, coder rounds) on made-up records."""

from collections import Counter, defaultdict

from eventwire.evaluate import cameo_class, cameo_ner, coder_rounds, plv
from eventwire.evaluate.metrics import Score
from eventwire.evaluate.sentences import overlaps, primary_event
from eventwire.records import Actor, Event

TEXT = "Rebels attacked the army base. Officials said the talks failed."


def event(trigger: str, root: str, plover: str | None, source: str | None = None,
          target: str | None = None) -> Event:
    """An event of TEXT with spans where the words are (the first sentence when they are there)."""
    def span(words: str | None) -> list[int] | None:
        return [TEXT.index(words), TEXT.index(words) + len(words)] if words else None

    def actor(words: str | None) -> Actor | None:
        return Actor(text=words, code="X", country=None) if words else None
    return Event(event_id=trigger, doc_id="d", sentence_index=0, sentence=TEXT, trigger=trigger,
                 cameo=root + "0", cameo_root=root, quad_class=4, goldstein=-10.0, plover=plover,
                 plover_mode=None, source=actor(source), target=actor(target), confidence=0.5,
                 evidence={"spans": {"trigger": span(trigger), "source": span(source),
                                     "target": span(target)}})


def plv_record(kind: str, source: str, target: str | None) -> dict:
    spans = {"source": [[TEXT.index(source), TEXT.index(source) + len(source)]], "target": []}
    if target:
        spans["target"] = [[TEXT.index(target), TEXT.index(target) + len(target)]]
    return {"text": TEXT, "plover": kind, "spans": spans}


def test_overlap_needs_a_shared_letter_not_only_a_space():
    assert overlaps(TEXT, (0, 6), (0, 15))
    assert not overlaps(TEXT, (0, 7), (6, 15))  # only the space after "Rebels"


def test_plv_tuple_needs_type_and_both_spans():
    record = plv_record("ASSAULT", "Rebels", "the army base")
    right = event("attacked", "18", "ASSAULT", "Rebels", "army")
    wrong_target = event("attacked", "18", "ASSAULT", "Rebels", "Officials")
    types, overall, tuples = defaultdict(Score), Score(), Score()
    plv.score_record(record, [right, wrong_target], types, overall, tuples)
    assert (overall.tp, overall.fp, overall.fn) == (1, 0, 0)
    assert (tuples.tp, tuples.fp, tuples.fn) == (1, 1, 0)


def test_plv_reads_concede_as_yield_and_counts_other_types_as_false_positives():
    record = plv_record("YIELD", "Rebels", None)
    types, overall, tuples = defaultdict(Score), Score(), Score()
    plv.score_record(record, [event("attacked", "08", "CONCEDE", "Rebels"),
                              event("said", "11", "ACCUSE", "Officials")], types, overall, tuples)
    assert (overall.tp, overall.fp, overall.fn) == (1, 1, 0)
    assert types["ACCUSE"].fp == 1 and tuples.tp == 1  # no gold target: ours has none either


def test_plv_miss_is_a_false_negative():
    types, overall, tuples = defaultdict(Score), Score(), Score()
    plv.score_record(plv_record("PROTEST", "Rebels", None), [], types, overall, tuples)
    assert (overall.fn, tuples.fn, overall.fp) == (1, 1, 0)


def test_primary_event_is_the_first_in_reading_order():
    said = event("said", "01", None, "Officials")
    attacked = event("attacked", "18", "ASSAULT", "Rebels")
    assert primary_event(TEXT, [said, attacked]) is attacked
    assert primary_event(TEXT, []) is None


def test_five_way_passes_over_a_statement_that_carries_a_reported_act():
    said = event("said", "01", None, "Officials")
    failed = event("failed", "12", "REJECT", "Officials")
    assert primary_event(TEXT, [said, failed], past_carriers=True) is said  # nothing reported
    failed.reported_by = said.source
    assert primary_event(TEXT, [said, failed]) is said  # the coder rounds read in order
    assert primary_event(TEXT, [said, failed], past_carriers=True) is failed
    assert cameo_class.sentence_class(TEXT, [said, failed]) == 3


def test_five_way_class_of_the_primary_event_and_no_event_read_as_statement():
    assert cameo_class.sentence_class(TEXT, [event("failed", "12", None), event("attacked", "18", None)]) == 4
    assert cameo_class.sentence_class(TEXT, [event("failed", "12", None), event("said", "01", None)]) == 0
    assert cameo_class.sentence_class(TEXT, []) is None
    confusion = Counter({(0, None): 2, (4, 4): 1, (3, 0): 1})
    overall, coded, none = cameo_class.accuracy(confusion)
    assert (overall, coded, none) == (0.75, 0.5, 2)


def test_span_roles_and_reciprocal_spans():
    record = {"text": TEXT, "spans": [
        {"role": "S", "start": 0, "end": 6}, {"role": "R", "start": 31, "end": 40},
        {"role": "T", "start": 16, "end": 29}]}
    scores = {"S": Score(), "T": Score()}
    # source right, a target that is the gold source: wrong, and the gold target is missed;
    # the reciprocal party found as a target
    cameo_ner.score_record(record, [event("attacked", "18", "ASSAULT", "Rebels", "Rebels"),
                                    event("said", "01", None, None, "Officials")], scores)
    assert (scores["S"].tp, scores["S"].fp, scores["S"].fn) == (1, 0, 0)
    assert (scores["T"].tp, scores["T"].fp, scores["T"].fn) == (1, 1, 1)


def test_coder_rounds_agreement_and_majority():
    assert coder_rounds.coding_root({"actions": [{"action": 2, "cameo_root": "18"},
                                                 {"action": 1, "cameo_root": "01"}]}) == "01"
    assert coder_rounds.coding_root({"actions": []}) == "none"
    assert coder_rounds.majority(["18", "18", "01"]) == "18"
    assert coder_rounds.majority(["18", "01"]) is None
    counts = {name: coder_rounds.Agreement() for name in coder_rounds.FIGURES}
    coder_rounds.score_round("18", ["18", "18", "18", "01"], counts)
    assert (counts["human pairwise"].equal, counts["human pairwise"].total) == (3, 6)
    assert (counts["human vs majority"].equal, counts["human vs majority"].total) == (3, 4)
    assert counts["ours vs coder"].share == 3 / 4 and counts["ours vs majority"].share == 1.0
    coder_rounds.score_round("01", ["18", "01"], counts)  # two coders: each the other's majority
    assert counts["human vs majority"].total == 6 and counts["ours vs majority"].total == 1
