"""The filters over stored events and the SQL they become, shared by the JSON API and the Python
API (``eventwire.open``), and the other reads of a store the commands share (``mention_records``):
no web framework here, so reading a store needs only the core install.

Every value reaches DuckDB as a bound parameter (``?``); the SQL text itself is made only of the
fixed fragments below.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
INTERVALS = ("day", "week", "month", "year")

EVENT_COLUMNS = """
    e.event_id, e.global_event_id, e.date, e.cameo, e.cameo_root, e.quad_class, e.goldstein,
    e.plover, e.plover_mode, e.negated, e.modality,
    e.source_code, e.source_country, e.source_name, e.source_sectors,
    e.target_code, e.target_country, e.target_name, e.target_sectors,
    e.location_name, e.location_country, e.lat, e.lon, e.geonameid,
    e.sentence, e.trigger, e.is_root_event, e.num_mentions, e.num_sources, e.num_articles,
    e.first_url, e.first_article_id, e.first_seen
"""

MENTION_COLUMNS = """
    m.mention_id, m.event_id, m.article_id, a.title AS article_title, a.url AS article_url,
    a.date AS article_date, m.publisher, m.sentence_index, m.sentence, m.trigger, m.cameo,
    m.quad_class, m.goldstein, m.plover, m.negated, m.modality, m.source_code, m.target_code,
    m.location_name, m.date, m.confidence, m.coder_version
"""


class FilterError(ValueError):
    """A filter value that cannot select anything; ``parameter`` names it."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


BBOX_MESSAGE = "bbox must be min_lon,min_lat,max_lon,max_lat in degrees, e.g. 30,40,45,55"


def parse_bbox(value: str | tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """'min_lon,min_lat,max_lon,max_lat' (or the four numbers) in degrees."""
    parts = value.split(",") if isinstance(value, str) else list(value)
    if len(parts) != 4:
        raise FilterError("bbox", BBOX_MESSAGE)
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in parts)
    except (TypeError, ValueError):
        raise FilterError("bbox", BBOX_MESSAGE) from None
    if not all(math.isfinite(v) for v in (min_lon, min_lat, max_lon, max_lat)):
        raise FilterError("bbox", BBOX_MESSAGE)
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise FilterError(
            "bbox", "bbox needs -180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat "
            "<= 90")
    return min_lon, min_lat, max_lon, max_lat


def as_day(parameter: str, value: date | str | None) -> date | None:
    """A date, or its YYYY-MM-DD text."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise FilterError(parameter, f"not a date in YYYY-MM-DD form: {value!r}") from None


@dataclass
class Filters:
    """Which events: each given value narrows the selection (they combine with AND).

    The same filters as the HTTP API's ``/api/events`` and ``/api/series`` (docs/store_api.md).
    """

    actor: str | None = None  # actor code prefix or part of a name, as source or target
    source: str | None = None  # source actor code prefix (USA, USAGOV)
    target: str | None = None  # target actor code prefix; with source: a dyad
    country: str | None = None  # ISO alpha-3 of the source's, target's or place's country
    cameo: str | None = None  # CAMEO code or prefix: 04, 043
    plover: str | None = None  # PLOVER event type
    quad_class: int | None = None  # 1-4
    start: date | str | None = None  # first day
    end: date | str | None = None  # last day
    bbox: str | tuple[float, float, float, float] | None = None
    q: str | None = None  # words in a sentence that reports the event
    min_confidence: float | None = None  # only events with a mention of at least this
    min_killed: int | None = None  # only events whose reconciled count of killed is at least this

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over ``events e`` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        start, end = as_day("start", self.start), as_day("end", self.end)
        if start and end and start > end:
            raise FilterError("end", "end must not be before start")
        if self.actor:
            clauses.append(
                "(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?) "
                "OR contains(lower(e.source_name), ?) OR contains(lower(e.target_name), ?))")
            params += [self.actor.upper(), self.actor.upper()] + [self.actor.lower()] * 2
        for column, value in (("source_code", self.source), ("target_code", self.target)):
            if value:
                clauses.append(f"starts_with(e.{column}, ?)")
                params.append(value.upper())
        if self.country:
            clauses.append("(e.source_country = ? OR e.target_country = ? "
                           "OR e.location_country = ?)")
            params += [self.country.upper()] * 3
        if self.cameo:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.cameo)
        if self.plover:
            if self.plover.upper() not in PLOVER_TYPES:
                raise FilterError("plover", f"not a PLOVER event type: {self.plover!r}")
            clauses.append("e.plover = ?")
            params.append(self.plover.upper())
        if self.quad_class:
            if self.quad_class not in (1, 2, 3, 4):
                raise FilterError("quad_class", f"QuadClass is 1, 2, 3 or 4: {self.quad_class!r}")
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        if start:
            clauses.append("e.date >= ?")
            params.append(start)
        if end:
            clauses.append("e.date <= ?")
            params.append(end)
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


def series_sql(where: str) -> str:
    """Counts and Goldstein sums per period (the first parameter: day, week, month or year)."""
    return (
        "SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, count(*) AS events, "
        "CAST(sum(e.num_mentions) AS BIGINT) AS mentions, "
        "sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean "
        f"FROM events e WHERE e.date IS NOT NULL AND {where} GROUP BY period ORDER BY period"
    )


def mention_records(con: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """The stored records (CONTRACT.md's event JSON) of the mentions of an event, by its stored
    or its coded id, in article and sentence order."""
    rows = con.execute(
        "SELECT record FROM mentions WHERE event_id = ? OR coded_event_id = ? "
        "ORDER BY seq, sentence_index", [event_id, event_id]).fetchall()
    return [json.loads(row[0]) for row in rows]
