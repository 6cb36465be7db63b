"""The time stage's rules for event dates, read from ``data/event_dates.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from eventwire.time.expressions import DATA


@dataclass(frozen=True)
class DateRules:
    background_days: int
    future_modalities: frozenset[str]
    earlier_auxiliaries: frozenset[str]
    earlier_adverbs: re.Pattern[str]
    perfect_roots: frozenset[str]
    perfect_lead_sentences: int
    ongoing_adverbs: frozenset[str]
    bound_prepositions: frozenset[str]
    background_clauses: frozenset[str]
    clause_marks: frozenset[str]
    after_marks: frozenset[str]
    gap_words: frozenset[str]
    person_relatives: frozenset[str]
    undated: re.Pattern[str]
    prospective_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    narrative_days: int
    narrative_sentences: int
    narrative_background: bool
    narrative_coarse: frozenset[str]
    lead_roots: frozenset[str]
    sequence_words: frozenset[str]
    legal_heads: frozenset[str] = frozenset()
    legal_prepositions: frozenset[str] = frozenset()
    custody_heads: frozenset[str] = frozenset()
    custody_prepositions: frozenset[str] = frozenset()
    charging_verbs: frozenset[str] = frozenset()


def _words_pattern(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(f"(?:{a})" for a in alternatives) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def date_rules() -> DateRules:
    raw = yaml.safe_load((DATA / "event_dates.yaml").read_text(encoding="utf-8"))
    unknown = raw["unknown_dates"]
    adverbs = sorted(unknown["earlier_adverbs"], key=len, reverse=True)
    return DateRules(raw["background_days"], frozenset(raw["future_modalities"]),
                     frozenset(raw["earlier_auxiliaries"]),
                     _words_pattern([r"\s+".join(map(re.escape, a.split())) for a in adverbs]),
                     frozenset(str(root) for root in unknown["perfect_roots"]),
                     unknown["perfect_lead_sentences"],
                     frozenset(unknown.get("ongoing_adverbs", [])),
                     frozenset(unknown["bound_prepositions"]),
                     frozenset(unknown["background_clauses"]), frozenset(unknown["clause_marks"]),
                     frozenset(unknown.get("after_marks", [])),
                     frozenset(unknown.get("gap_words", [])),
                     frozenset(unknown["person_relatives"]),
                     _words_pattern(unknown["undated_expressions"]),
                     frozenset(raw["prospective_verbs"]), frozenset(raw["reporting_verbs"]),
                     raw["narrative"]["days"], raw["narrative"]["sentences"],
                     bool(raw["narrative"].get("background", False)),
                     frozenset(raw["narrative"].get("coarse", [])),
                     frozenset(str(root) for root in raw.get("lead_roots", [])),
                     frozenset(raw["sequence_words"]),
                     frozenset(unknown.get("legal_heads", [])),
                     frozenset(unknown.get("legal_prepositions", [])),
                     frozenset(unknown.get("custody_heads", [])),
                     frozenset(unknown.get("custody_prepositions", [])),
                     frozenset(unknown.get("charging_verbs", [])))
