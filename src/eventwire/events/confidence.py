"""Confidence of an event, in [0, 1], from the strength of its evidence.

The weights below were set by hand from the precision of events carrying each feature on the
PLOVER and police dev sets, and checked there (`make eval` prints precision by confidence
decile; figures in docs/events.md). Events without a resolved source were right about half
the time, nominal events and coreference-resolved actors less often than the rest, events
with both actors resolved most often.
"""

from __future__ import annotations

from typing import Any

from eventwire.records import Actor

Token = Any

BASE = 0.55
WEIGHTS = {
    "specific_pattern": 0.05,  # the pattern constrains object/preposition/particle
    "noun_pattern": -0.1,  # nominal events are read off looser syntax
    "both_actors": 0.1,
    "no_source": -0.2,
    "named_actor": 0.0,  # kept as evidence; no gain in precision on the dev sets
    "coreference": -0.15,
    "implied_agent": -0.05,  # "were arrested": the police are implied, not named
    "far_argument": -0.1,  # an argument more than 8 tokens from the trigger
    "not_asserted": -0.05,
    "negated": -0.1,
    "statement": 0.0,  # CAMEO 01: no statement gold to calibrate on; kept as evidence only
}


def _named(actor: Actor | None) -> bool:
    return bool(actor and actor.name)


def _via_coreference(actor: Actor | None) -> bool:
    return bool(actor and any("coreference" in step for step in actor.resolution))


def event_confidence(
    *, specificity: int, kind: str, cameo: str, source: Actor | None, target: Actor | None,
    distances: list[int], modality: str, negated: bool,
) -> tuple[float, list[str]]:
    """The confidence and the names of the features that contributed to it."""
    features: list[str] = []
    if specificity > 0:
        features.append("specific_pattern")
    if kind == "noun":
        features.append("noun_pattern")
    if source and target:
        features.append("both_actors")
    if source is None:
        features.append("no_source")
    if _named(source) or _named(target):
        features.append("named_actor")
    if _via_coreference(source) or _via_coreference(target):
        features.append("coreference")
    if source and any(step.startswith("implied agent") for step in source.resolution):
        features.append("implied_agent")
    if any(distance > 8 for distance in distances):
        features.append("far_argument")
    if modality != "asserted":
        features.append("not_asserted")
    if negated:
        features.append("negated")
    if cameo.startswith("01"):
        features.append("statement")
    score = BASE + sum(WEIGHTS[name] for name in features)
    return round(min(0.99, max(0.01, score)), 3), features
