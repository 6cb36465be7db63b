"""Query parameters shared by the JSON API's event listing and series and the dashboard's
aggregates: the HTTP form of ``eventwire.store.query.Filters``, which makes the SQL (every value
a bound parameter). Here, below the API that mounts the dashboard, so both can read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from fastapi import HTTPException, Query
from pydantic import BeforeValidator

from eventwire.store.query import INTERVALS, PLOVER_TYPES, FilterError, Filters

Plover = StrEnum("Plover", {name: name for name in PLOVER_TYPES})  # type: ignore[misc]
Interval = StrEnum("Interval", {name: name for name in INTERVALS})  # type: ignore[misc]


ID_PATTERN = r"^[\w.:-]{1,200}$"  # an event id in a path (the API's event page and the dashboard's)
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
        """The WHERE clause over ``events e`` and its parameters (``store.query.Filters``)."""
        values = {item.name: getattr(self, item.name) for item in fields(self)}
        if self.plover is not None:
            values["plover"] = self.plover.value
        try:
            return Filters(**values).where()
        except FilterError as error:
            raise bad_request(error.parameter, str(error)) from None
