"""The actor-resolution evaluation: scoring rules and a run on the gold cases."""

from __future__ import annotations

import json

from eventwire.evaluate.actors import case_date, evaluate_actor_cases, score_case
from eventwire.records import Actor


def actor(code: str, country: str | None, sectors: list[str]) -> Actor:
    return Actor(text="x", code=code, country=country, sectors=sectors)


def test_scoring_rules():
    eu = actor("IGOEUREEC", "IGO", [])
    assert score_case({"country": "EUR"}, eu)
    assert score_case({"country": "IGO"}, eu)
    assert not score_case({"country": "UNO"}, eu)
    assert score_case({"country": "RUS", "code_1": "GOV"}, actor("RUSGOV", "RUS", ["GOV"]))
    assert not score_case({"country": "RUS", "code_1": ""}, actor("RUSGOV", "RUS", ["GOV"]))
    assert score_case({"country": "", "code_1": "COP"}, actor("COP", None, ["COP"]))
    assert score_case({"code": None}, None)
    assert not score_case({"cc": "USA"}, None)


def test_case_dates():
    assert case_date("10 May 2015") == "2015-05-10"
    assert case_date("October 1, 2021") == "2021-10-01"
    assert case_date("2022-01-10") == "2022-01-10"
    assert case_date("Today") is None


def test_evaluation_on_written_cases(tmp_path):
    cases = [
        {"test": "a", "method": "agent_to_code", "args": ["the Kremlin"],
         "expected": {"country": "RUS", "code_1": "GOV"}},
        {"test": "b", "method": "search_nat", "args": ["two Japanese sailors"],
         "expected": {"cc": "JPN"}},
        {"test": "c", "method": "agent_to_code", "args": ["Kyiv police"],
         "expected": {"country": "UKR", "code_1": "MIL"}},
        {"test": "d", "method": "query_wiki", "args": ["ignored"], "expected": {}},
    ]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")
    evaluation = evaluate_actor_cases(path)
    assert [r.correct for r in evaluation.results] == [True, True, False]
    assert evaluation.overall().cases == 3
    assert "agent_to_code" in evaluation.report(show_failures=True)
    assert "MISS c 'Kyiv police'" in evaluation.report(show_failures=True)


def test_gold_cases_reach_the_target(shared_dir):
    evaluation = evaluate_actor_cases(shared_dir / "gold" / "actor_resolution_cases.jsonl")
    for score in evaluation.scores():
        assert score.accuracy >= 0.85, score


def test_plover_records_are_scored_in_their_sentence(tmp_path):
    from eventwire.evaluate.actors import evaluate_plover_actors, is_plover_file

    record = {
        "id": "R1",
        "text": "Japanese and French diplomats met the Iranian foreign minister in Geneva.",
        "source": [{"actorText": "French diplomats", "code": "FRA", "sector": "GOV"}],
        "target": [{"actorText": "Iranian foreign minister", "code": "IRQ"}],
    }
    path = tmp_path / "plover.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert is_plover_file(path)
    score = evaluate_plover_actors(path)
    assert (score.actors, score.found, score.country_right) == (2, 2, 1)
    assert (score.sector_cases, score.sector_right) == (1, 1)
    assert "got IRNGOV, expected IRQ" in score.report(show_failures=True)


def test_plover_records_are_resolved_with_their_place_names_as_in_the_pipeline(tmp_path):
    from eventwire.evaluate.actors import evaluate_plover_actors

    record = {
        "id": "R2",
        "text": ("A man was stabbed in Stourbridge after a fight in Dudley. Police in Stourbridge "
                 "said a suspect was held."),
        "source": [{"actorText": "Police", "code": "GBR", "sector": "COP"}],
    }
    path = tmp_path / "plover.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    score = evaluate_plover_actors(path)
    assert (score.actors, score.found, score.country_right) == (1, 1, 1)
