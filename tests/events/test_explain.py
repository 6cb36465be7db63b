from __future__ import annotations

from eventwire.events.explain import explain, marked_sentence


def test_explanation_marks_spans_and_names_the_rule(code_text):
    (event,) = [e for e in code_text("Russia attacked Syria on Monday.") if e.cameo == "190"]
    record = event.to_dict()
    assert marked_sentence(record) == "{Russia} [[attacked]] <Syria> on Monday."
    text = explain(record)
    assert "rule 'attack'" in text and "verb_patterns.yaml:" in text
    assert "Source: 'Russia'" in text and "Target: 'Syria'" in text
    assert f"Confidence {event.confidence}" in text


def test_explanation_of_an_event_without_target(code_text):
    (event,) = [e for e in code_text("Iran threatened to retaliate.") if e.plover == "THREATEN"]
    assert "Target: none found" in explain(event.to_dict())
