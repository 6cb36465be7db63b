"""The aggregates the dashboard draws (``web/routes.py`` serves them under ``/api/web/``): the
overview's series by QuadClass, totals and top lists, events per place for the map, and where
each mention lies in its article.

They take the WHERE clause of ``query.Filters`` (over ``events e``) and its parameters; every
value is a bound parameter, the SQL text only fixed fragments.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

ARTICLE_RANGE = (0.01, 0.99)  # the quantiles of article dates the dashboard opens on


def pair_where(where: str, params: list[Any], first: str, second: str) -> tuple[str, list[Any]]:
    """The WHERE clause narrowed to events between two actor code prefixes, either way."""
    where += (" AND ((starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)) "
              "OR (starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)))")
    return where, params + [first, second, second, first]


@dataclass
class Overview:
    """The rows of the dashboard's overview, as DuckDB gives them."""

    series: list[tuple]  # (period, quad_class, events, Goldstein sum), by period
    total: int  # events selected
    actors: list[tuple]  # (code, its most common name, events as source or target)
    dyads: list[tuple]  # (source code, target code, events)
    articles_start: date | None  # ARTICLE_RANGE's quantiles of the articles' dates
    articles_end: date | None
    killed: list[tuple]  # (period, people killed)
    types: list[tuple]  # (CAMEO root, events)


def overview(cursor: duckdb.DuckDBPyConnection, where: str, params: list[Any], interval: str,
             top: int) -> Overview:
    """Series per ``interval`` and QuadClass, total, the ``top`` actors, dyads and types."""
    # One scan of the selection into a temporary view would not help DuckDB here: each
    # aggregate is a single pass over the (columnar) events table.
    series = cursor.execute(
        "SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, e.quad_class, count(*), "
        f"sum(e.goldstein) FROM events e WHERE e.date IS NOT NULL AND {where} "
        "GROUP BY ALL ORDER BY period", [interval] + params).fetchall()
    total = cursor.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchall()[0][0]
    actors = cursor.execute(
        "SELECT code, mode(name) AS name, count(*) AS n FROM ("
        f"  SELECT e.source_code AS code, e.source_name AS name FROM events e WHERE {where}"
        "   UNION ALL"
        f"  SELECT e.target_code, e.target_name FROM events e WHERE {where}"
        ") WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, code LIMIT ?",
        params + params + [top]).fetchall()
    dyads = cursor.execute(
        "SELECT e.source_code, e.target_code, count(*) AS n FROM events e "
        f"WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND {where} "
        "GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT ?", params + [top]).fetchall()
    articles_start, articles_end = cursor.execute(
        f"SELECT quantile_disc(date, {ARTICLE_RANGE[0]}), quantile_disc(date, {ARTICLE_RANGE[1]}) "
        "FROM articles WHERE date IS NOT NULL").fetchall()[0]
    killed = cursor.execute(
        "SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, CAST(sum(e.killed) AS BIGINT) "
        f"FROM event_counts e WHERE e.date IS NOT NULL AND {where} "
        "GROUP BY ALL", [interval] + params).fetchall()
    types = cursor.execute(
        f"SELECT e.cameo_root, count(*) AS n FROM events e WHERE {where} "
        "GROUP BY ALL ORDER BY n DESC, 1 LIMIT ?", params + [top]).fetchall()
    return Overview(series, total, actors, dyads, articles_start, articles_end, killed, types)


def place_rows(cursor: duckdb.DuckDBPyConnection, where: str, params: list[Any],
           limit: int) -> list[tuple]:
    """Events per place, most first: (lat, lon, name, events, of which QuadClass 3 or 4,
    people killed or None)."""
    rows = cursor.execute(
        "SELECT e.lat, e.lon, any_value(e.location_name), count(*) AS n, "
        "count(*) FILTER (WHERE e.quad_class >= 3) FROM events e "
        f"WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND {where} "
        "GROUP BY e.lat, e.lon ORDER BY n DESC LIMIT ?", params + [limit]).fetchall()
    killed = dict(((lat, lon), k) for lat, lon, k in cursor.execute(
        "SELECT e.lat, e.lon, CAST(sum(e.killed) AS BIGINT) FROM event_counts e "
        f"WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND {where} "
        "GROUP BY e.lat, e.lon", params).fetchall())
    return [(*row, killed.get((row[0], row[1]))) for row in rows]


def span_rows(cursor: duckdb.DuckDBPyConnection, event_id: str) -> list[tuple]:
    """(mention_id, article_id, in_title, sentence_start, sentence_end, trigger_start,
    trigger_end) of each mention of the event, in order."""
    return cursor.execute(
        "SELECT mention_id, article_id, in_title, sentence_start, "
        "sentence_start + length(sentence), trigger_start, trigger_end "
        "FROM mentions WHERE event_id = ? ORDER BY seq, mention_id", [event_id]).fetchall()
