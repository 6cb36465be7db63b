"""The calibrated confidence: features of a coded event -> probability a coder judges it right.

``events/data/calibration.json`` (written by ``scripts/calibrate.py``; docs/evidence.md) holds

- ``version``: enters ``coder_version`` (``<eventwire>+<patterns hash>.cal<version>``), so a
  re-fit is visible in every record and ``eventwire recode`` sees it;
- ``intercept`` and ``coefficients``: a logistic regression over the features of
  ``events.confidence.event_features`` (a feature absent from the table weighs nothing) and
  ``root_prior`` (the ``root_prior`` table: share right by CAMEO root);
- ``news_root_prior`` (optional, not shipped): the prior of a few CAMEO roots in running text
  (news), set on the audits' tune halves after the fit (``with_root_prior``; docs/evidence.md);
- ``isotonic``: the steps that map the regression's score to the share of events right (pool
  adjacent violators on the tune halves of the gold sets and audits, an audit event weighted as
  in the fit, steps of at least 50 weighted events): the confidence;
- ``news`` (optional): the model of running text (an article: the feature ``running_text``),
  fitted on judged news alone (``scripts/calibrate.py --news``): its own ``intercept`` and
  ``coefficients`` over the same features and ``code_prior`` (the log-odds of the share right of
  the event's CAMEO code in the judged news, ``code_prior`` table, pulled towards the share of
  statements or of other events), mapped to a probability by the logistic function. The lone
  sentences of the gold sets keep the model above; news coding is wrong in ways the gold
  sentences do not show (docs/evidence.md);
- ``parts``: how sure each part of an event is, by how it was found (``part_confidences``);
- ``provenance`` and ``figures``: what it was fitted on and what it measured on the check halves
  and on the held-out audits.

Loaded once per process.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire.events.confidence import actor_path
from eventwire.records import Actor, Event

DATA_FILE = "calibration.json"


@lru_cache(maxsize=1)
def calibration() -> dict[str, Any]:
    """The fitted model (events/data/calibration.json)."""
    text = resources.files("eventwire.events").joinpath("data", DATA_FILE).read_text("utf-8")
    return json.loads(text)


def default_min_confidence() -> float:
    """The threshold `eventwire code` and `eventwire ingest` apply unless told otherwise: chosen
    from the reliability curve (docs/evidence.md) and kept in calibration.json."""
    return float(calibration()["default_min_confidence"])


def with_root_prior(features: dict[str, float], root: str,
                    model: dict[str, Any] | None = None, running: bool = False) -> dict[str, float]:
    """``features`` plus ``root_prior``: the log-odds of the share right of events of this CAMEO
    root in the tune halves (``root_prior`` table; ``other`` for a root it lacks). In running
    text (an article, ``running``) a root of the ``news_root_prior`` table takes its prior there:
    the roots news coding gets right far less often than the gold sentences say."""
    model = model or calibration()
    table = model["root_prior"]
    news = model.get("news_root_prior", {}) if running else {}
    share = news.get(root, table.get(root, table["other"]))
    return {**features, "root_prior": round(math.log(share / (1 - share)), 3)}


def with_code_prior(features: dict[str, float], code: str,
                    model: dict[str, Any] | None = None) -> dict[str, float]:
    """``features`` plus ``code_prior`` when the news model applies to them (running text and a
    model with ``news``): the log-odds of the share right of this CAMEO code in the judged news
    (``code_prior`` table; ``other statement`` or ``other`` for a code it lacks)."""
    news = _news_model(features, model or calibration())
    if news is None:
        return features
    table = news["code_prior"]
    share = table.get(code, table["other statement" if code.startswith("01") else "other"])
    return {**features, "code_prior": round(math.log(share / (1 - share)), 3)}


def _news_model(features: dict[str, float], model: dict[str, Any]) -> dict[str, Any] | None:
    """The news model when it applies to these features (an article's event), else None."""
    return model.get("news") if features.get("running_text") else None


def weights_for(features: dict[str, float],
                model: dict[str, Any] | None = None) -> tuple[float, dict[str, float]]:
    """The intercept and coefficients of the regression that scores these features: the news
    model's for running text when the model has one, else the gold-fitted one."""
    model = model or calibration()
    chosen = _news_model(features, model) or model
    return chosen["intercept"], chosen["coefficients"]


def logit(features: dict[str, float], model: dict[str, Any] | None = None) -> float:
    """The regression's score (log-odds) for these features."""
    intercept, weights = weights_for(features, model)
    return intercept + sum(weights.get(name, 0.0) * value for name, value in features.items())


def probability(features: dict[str, float], model: dict[str, Any] | None = None) -> float:
    """The calibrated confidence, kept inside [0.01, 0.99]. Running text under a news model: the
    logistic of the news regression's score (calibrated as fitted, on judged news). Otherwise the
    share right of the tune-half events whose score fell in the same step of the isotonic table
    (``[highest score, share right, events]`` rows, scores rising)."""
    model = model or calibration()
    score = logit(features, model)
    if _news_model(features, model) is not None:
        share = 1.0 / (1.0 + math.exp(-score))
    else:
        steps = model["isotonic"]
        share = next((step[1] for step in steps if score <= step[0]), steps[-1][1])
    return round(min(0.99, max(0.01, share)), 3)


def contributions(features: dict[str, float]) -> list[tuple[str, float]]:
    """Each present feature with its weight times value (log-odds), largest effect first."""
    _, weights = weights_for(features)
    found = [(name, weights.get(name, 0.0) * value) for name, value in features.items()]
    return sorted(found, key=lambda item: -abs(item[1]))


def _share(table: dict[str, float], key: str) -> float | None:
    return table.get(key, table.get("other"))


def part_names() -> tuple[str, ...]:
    """The parts of an event that carry a confidence, in ``evidence["confidence_parts"]``."""
    return ("type", "source", "target", "place", "date")


def coded_parts(
    confidence: float, source: Actor | None, target: Actor | None
) -> dict[str, float | None]:
    """The parts the coder knows: ``type`` is the event's confidence; ``source``/``target`` the
    share right, in the tune halves, of actors found the same way (null when absent)."""
    parts = calibration()["parts"]
    return {
        "type": confidence,
        "source": None if source is None else _share(parts["source"], actor_path(source)),
        "target": None if target is None else _share(parts["target"], actor_path(target)),
    }


def place_kind(event: Event) -> str:
    """``sentence`` (a place named for the event), ``focus`` (the article's focus place) or
    ``none``."""
    if event.location is None:
        return "none"
    return "focus" if event.location.precision == "article_focus" else "sentence"


def date_kind(event: Event, published: str | None) -> str:
    """``sentence`` (a date expression of the event), ``publication`` (the time stage's fallback,
    or an expression naming the publication day) or ``none``."""
    if event.date is None:
        return "none"
    return "publication" if event.date == published else "sentence"


def add_setting_parts(events: list[Event], published: str | None) -> None:
    """Add ``place`` and ``date`` to each event's ``evidence["confidence_parts"]`` once the geo
    and time stages have run (null when the event has none)."""
    parts = calibration()["parts"]
    for event in events:
        found = event.evidence.setdefault("confidence_parts", {})
        found["place"] = None if event.location is None else _share(parts["place"], place_kind(event))
        found["date"] = (None if event.date is None
                         else _share(parts["date"], date_kind(event, published)))
