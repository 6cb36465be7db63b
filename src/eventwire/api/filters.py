"""Query parameters shared by the event listing and the series, and the SQL they become.

Every value a client sends reaches DuckDB as a bound parameter (``?``); the SQL text itself is
made only of the fixed fragments below.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import HTTPException, Query
from pydantic import BeforeValidator

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

Plover = StrEnum("Plover", {name: name for name in PLOVER_TYPES})  # type: ignore[misc]


class Interval(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


ACTOR_CODE = r"^[A-Za-z0-9]{1,32}$"
COUNTRY_CODE = r"^[A-Za-z]{3}$"
CAMEO_CODE = r"^[0-9]{2,4}$"
_NUMBER = r"-?[0-9]{1,3}(\.[0-9]{1,17})?"
BBOX = rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"


def iso_day_only(value: object) -> object:
    """Dates come as YYYY-MM-DD only: pydantic alone would read "0" as 1970-01-01."""
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ValueError(f"not a date in YYYY-MM-DD form: {value!r}")
    return value


def bad_request(parameter: str, message: str) -> HTTPException:
    """A 422 shaped like FastAPI's own validation errors."""
    return HTTPException(status_code=422, detail=[
        {"loc": ["query", parameter], "msg": message, "type": "value_error"}
    ])


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """'min_lon,min_lat,max_lon,max_lat' in degrees."""
    parts = value.split(",")
    message = "bbox must be min_lon,min_lat,max_lon,max_lat in degrees, e.g. 30,40,45,55"
    if len(parts) != 4:
        raise bad_request("bbox", message)
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except ValueError:
        raise bad_request("bbox", message) from None
    if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
        raise bad_request("bbox", message)
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise bad_request(
            "bbox", "bbox needs -180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat "
            "<= 90")
    return min_lon, min_lat, max_lon, max_lat


@dataclass
class EventFilters:
    """Which events: each given parameter narrows the selection (they combine with AND)."""

    actor: Annotated[str | None, Query(
        max_length=100, description="actor code prefix (USA, USAGOV) or part of an actor's "
        "name, as source or target")] = None
    source: Annotated[str | None, Query(
        pattern=ACTOR_CODE, description="source actor code prefix, e.g. USA or USAGOV")] = None
    target: Annotated[str | None, Query(
        pattern=ACTOR_CODE, description="target actor code prefix; with source: a dyad")] = None
    country: Annotated[str | None, Query(
        pattern=COUNTRY_CODE, description="ISO alpha-3 code of the source's, the target's or "
        "the place's country")] = None
    cameo: Annotated[str | None, Query(
        pattern=CAMEO_CODE, description="CAMEO code or prefix: 04 (root), 043")] = None
    plover: Annotated[Plover | None, Query(description="PLOVER event type")] = None
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1-4, GDELT QuadClass")] = None
    start: Annotated[date | None, BeforeValidator(iso_day_only),
                     Query(description="first day, YYYY-MM-DD")] = None
    end: Annotated[date | None, BeforeValidator(iso_day_only),
                   Query(description="last day, YYYY-MM-DD")] = None
    bbox: Annotated[str | None, Query(
        pattern=BBOX, description="min_lon,min_lat,max_lon,max_lat of the event's place, in "
        "degrees")] = None
    q: Annotated[str | None, Query(
        max_length=200, description="words in a sentence that reports the event")] = None
    min_confidence: Annotated[float | None, Query(
        ge=0, le=1, description="only events reported by a mention of at least this "
        "confidence (0-1)")] = None

    min_killed: Annotated[int | None, Query(
        ge=0, description="only events whose best estimate of people killed is at least this "
        "(0: events with a stated count, zero included)")] = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over ``events e`` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.start and self.end and self.start > self.end:
            raise bad_request("end", "end must not be before start")
        if self.actor:
            clauses.append(
                "(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?) "
                "OR contains(lower(e.source_name), ?) OR contains(lower(e.target_name), ?))")
            params += [self.actor.upper(), self.actor.upper()] + [self.actor.lower()] * 2
        if self.source:
            clauses.append("starts_with(e.source_code, ?)")
            params.append(self.source.upper())
        if self.target:
            clauses.append("starts_with(e.target_code, ?)")
            params.append(self.target.upper())
        if self.country:
            clauses.append("(e.source_country = ? OR e.target_country = ? "
                           "OR e.location_country = ?)")
            params += [self.country.upper()] * 3
        if self.cameo:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        if self.plover:
            clauses.append("e.plover = ?")
            params.append(self.plover.value)
        if self.quad_class:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.start:
            clauses.append("e.date >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("e.date <= ?")
            params.append(self.end)
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = parse_bbox(self.bbox)
            clauses.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            params += [min_lon, max_lon, min_lat, max_lat]
        if self.q:
            clauses.append("e.event_id IN (SELECT event_id FROM mentions "
                           "WHERE contains(lower(sentence), ?))")
            params.append(self.q.lower())
        if self.min_confidence is not None:
            clauses.append("e.event_id IN (SELECT event_id FROM mentions WHERE confidence >= ?)")
            params.append(self.min_confidence)
        if self.min_killed is not None:
            clauses.append("e.event_id IN (SELECT event_id FROM event_counts WHERE killed >= ?)")
            params.append(self.min_killed)
        return (" AND ".join(clauses) or "TRUE"), params
