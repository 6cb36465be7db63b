"""The filters over stored events and the SQL they become, shared by the JSON API and the Python
API (``eventwire.open``), and the reads the JSON API and the commands run (``event_page``,
``event_mentions``, ``count_groups``, ``mention_records``, ...): no web framework here, so reading a
store needs only the core install. The dashboard's aggregates are ``store/views.py``.

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

from eventwire.events.counts import CATEGORIES
from eventwire.store.counts import COLUMNS

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


def dict_rows(cursor: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """The rows of a query as dicts keyed by column name."""
    result = cursor.execute(sql, params)
    names = [column[0] for column in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def event_page(cursor: duckdb.DuckDBPyConnection, where: str, params: list[Any], limit: int,
               offset: int) -> tuple[int, list[dict[str, Any]]]:
    """How many events the WHERE clause selects, and a page of them, newest first."""
    # One statement gives the page and the total (a window count), saving a round trip;
    # only a page past the end needs the count on its own.
    rows = dict_rows(cursor, f"SELECT {EVENT_COLUMNS}, count(*) OVER () AS total "
                     f"FROM events e WHERE {where} "
                     "ORDER BY e.date DESC NULLS LAST, e.event_id LIMIT ? OFFSET ?",
                     params + [limit, offset])
    total = rows[0]["total"] if rows else cursor.execute(
        f"SELECT count(*) FROM events e WHERE {where}", params).fetchall()[0][0]
    return total, rows


def event_row(cursor: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event's ``EVENT_COLUMNS``, or None when no event has this id."""
    rows = dict_rows(cursor, f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.event_id = ?",
                     [event_id])
    return rows[0] if rows else None


# A store written before schema migration 3 has no merge_evidence table (read-only: not migrated).
_MERGE_COLUMNS = ("x.linked_to AS merged_with, x.score AS merge_score, "
                  "CAST(x.evidence AS VARCHAR) AS merge_evidence "
                  "FROM mentions m JOIN articles a USING (article_id) "
                  "LEFT JOIN merge_evidence x USING (mention_id)")
_NO_MERGE_COLUMNS = ("NULL AS merged_with, NULL AS merge_score, NULL AS merge_evidence "
                     "FROM mentions m JOIN articles a USING (article_id)")


def _has_merge_evidence(cursor: duckdb.DuckDBPyConnection) -> bool:
    return bool(cursor.execute("SELECT count(*) FROM information_schema.tables "
                               "WHERE table_name = 'merge_evidence'").fetchall()[0][0])


def event_mentions(cursor: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """The mentions of an event with their articles, own counts and merge evidence, in order."""
    mentions = dict_rows(
        cursor,
        "SELECT m.mention_id, m.article_id, a.title AS article_title, "
        "a.url AS article_url, a.date AS article_date, m.publisher, m.sentence_index, "
        "m.sentence, m.trigger, m.cameo, m.date, m.confidence, m.record, "
        f"{_MERGE_COLUMNS if _has_merge_evidence(cursor) else _NO_MERGE_COLUMNS} "
        "WHERE m.event_id = ? "
        "ORDER BY m.seq, m.mention_id", [event_id])
    for mention in mentions:
        mention["counts"] = mention_counts(mention.pop("record"))
        if mention["merge_evidence"]:
            mention["merge_evidence"] = json.loads(mention["merge_evidence"])
    return mentions


def event_counts(cursor: duckdb.DuckDBPyConnection, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The reconciled counts of these events: event_id -> {category: {value, low, high}}."""
    if not event_ids:
        return {}
    found: dict[str, dict[str, Any]] = {}
    for values in dict_rows(cursor, f"SELECT event_id, n_reports, {', '.join(COLUMNS)} "
                            "FROM event_counts WHERE event_id IN (SELECT unnest(?))", [event_ids]):
        counts = {kind: {"value": values[kind], "low": values[f"{kind}_low"],
                         "high": values[f"{kind}_high"]}
                  for kind in (*CATEGORIES, "toll") if values[kind] is not None}
        counts["reports"] = values["n_reports"]
        found[values["event_id"]] = counts
    return found


def mention_counts(record: str | None) -> dict[str, Any] | None:
    """A mention's own counts, from its stored record."""
    if not record:
        return None
    return json.loads(record).get("counts") or None


def series_points(cursor: duckdb.DuckDBPyConnection, where: str, params: list[Any],
                  interval: str) -> list[dict[str, Any]]:
    """``series_sql``'s rows: events, mentions and Goldstein per day, week, month or year."""
    return dict_rows(cursor, series_sql(where), [interval] + params)


MAX_GROUPS = 1000
# The group key of each grouping (fixed SQL; the period name goes in as a parameter).
_KEYS = {
    "dyad": "coalesce(e.source_code, '') || '>' || coalesce(e.target_code, '')",
    # where it happened; else the country of the people it was done to, else of who did it
    "country": "coalesce(e.location_country, e.target_country, e.source_country, '')",
}


def counts_sql(where: str, by: str) -> str:
    """Sums per group over the events the filters select that have counts. ``event_counts``
    holds the events' filter columns, so it is read alone, as ``e``. For a period, the first
    parameter is its name (day, week, month or year)."""
    key = _KEYS.get(by, "CAST(CAST(date_trunc(?, e.date) AS DATE) AS VARCHAR)")
    sums = ", ".join(f"CAST(sum(e.{name}) AS BIGINT) AS {name}"
                     for name in ("killed", "killed_low", "killed_high", *CATEGORIES[1:]))
    order = "key" if by not in _KEYS else "killed DESC NULLS LAST, events DESC, key"
    dated = "e.date IS NOT NULL AND " if by not in _KEYS else ""
    return (f"SELECT {key} AS key, count(*) AS events, {sums} "
            f"FROM event_counts e WHERE {dated}{where} "
            f"GROUP BY key ORDER BY {order} LIMIT {MAX_GROUPS}")


def count_groups(cursor: duckdb.DuckDBPyConnection, where: str, params: list[Any],
                 by: str) -> list[dict[str, Any]]:
    """``counts_sql``'s rows: per day, week, month, year, dyad or country."""
    if by not in _KEYS:
        params = [by, *params]
    return dict_rows(cursor, counts_sql(where, by), params)


def article_row(cursor: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article's id, title, text, date, url and source, or None when none has this id."""
    rows = dict_rows(cursor, "SELECT article_id, title, text, date, url, source "
                     "FROM articles WHERE article_id = ?", [article_id])
    return rows[0] if rows else None


def trigger_spans(cursor: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    """Where the article's event triggers lie: field (title or text), start, end, trigger,
    event_id and cameo, by field and start."""
    return dict_rows(
        cursor,
        "SELECT CASE WHEN in_title THEN 'title' ELSE 'text' END AS field, "
        "trigger_start AS start, trigger_end AS end, trigger, event_id, cameo "
        "FROM mentions WHERE article_id = ? AND trigger_start IS NOT NULL "
        "ORDER BY field, start", [article_id])


def actor_counts(cursor: duckdb.DuckDBPyConnection, q: str | None, limit: int) -> list[dict[str, Any]]:
    """Actors (code, name, country, num_mentions), most mentioned first; ``q``: a code prefix
    or part of a name."""
    clause, params = "TRUE", []
    if q:
        clause = "(starts_with(code, ?) OR contains(lower(name), ?))"
        params = [q.upper(), q.lower()]
    return dict_rows(cursor, "SELECT code, nullif(name, '') AS name, country, num_mentions "
                     f"FROM actors WHERE {clause} ORDER BY num_mentions DESC, code, name "
                     "LIMIT ?", params + [limit])


def store_stats(cursor: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """How many articles, events and mentions the store holds, and its events' first and last day."""
    return dict_rows(cursor, "SELECT (SELECT count(*) FROM articles) AS articles, "
                     "(SELECT count(*) FROM events) AS events, "
                     "(SELECT count(*) FROM mentions) AS mentions, "
                     "(SELECT min(date) FROM events) AS first_date, "
                     "(SELECT max(date) FROM events) AS last_date", [])[0]
