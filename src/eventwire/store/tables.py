"""The Python API over a store: ``eventwire.open("events.duckdb")`` and Arrow tables out of it.

The same filters as the HTTP API (``store.query.Filters``), answered as ``pyarrow.Table`` so
that ``.to_pandas()``, ``polars.from_arrow(...)`` or R's arrow take them without a copy of the
store's internal layout into the analyst's code::

    import eventwire
    store = eventwire.open("events.duckdb")
    store.events(source="USA", target="RUS", start="2016-01-01").to_pandas()
    store.series(actor="RUS", interval="week")

Each call opens the file read-only and closes it again, after any pending write: a notebook
left open never keeps ``eventwire ingest`` or ``watch`` from writing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

from eventwire.records import Event
from eventwire.store.connection import StoreMissingError, open_reader
from eventwire.store.query import (
    EVENT_COLUMNS,
    INTERVALS,
    MENTION_COLUMNS,
    FilterError,
    Filters,
    series_sql,
)

Day = date | str | None


class Store:
    """A read-only view of an eventwire store; every query returns a ``pyarrow.Table``."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise StoreMissingError(f"no eventwire database at {self.path}")

    def __repr__(self) -> str:
        return f"eventwire.Store({str(self.path)!r})"

    def _query(self, sql: str, params: list[Any]) -> pa.Table:
        con = open_reader(self.path)
        try:
            return con.sql(sql, params=params).to_arrow_table()
        finally:
            con.close()

    def events(self, *, actor: str | None = None, source: str | None = None,
               target: str | None = None, country: str | None = None, cameo: str | None = None,
               plover: str | None = None, quad_class: int | None = None, start: Day = None,
               end: Day = None, bbox: str | tuple[float, float, float, float] | None = None,
               q: str | None = None, min_confidence: float | None = None,
               limit: int | None = None) -> pa.Table:
        """Events (merged across articles), newest first, as ``GET /api/events`` filters them.

        One row per event; actors, place and counts as flat columns (``source_code``,
        ``location_name``, ``num_mentions``...). ``limit=None``: all of them.
        """
        where, params = Filters(actor, source, target, country, cameo, plover, quad_class,
                                start, end, bbox, q, min_confidence).where()
        sql = (f"SELECT {EVENT_COLUMNS} FROM events e WHERE {where} "
               "ORDER BY e.date DESC NULLS LAST, e.event_id")
        return self._query(*_limited(sql, params, limit))

    def mentions(self, *, event_id: str | Iterable[str] | None = None, actor: str | None = None,
                 source: str | None = None, target: str | None = None,
                 country: str | None = None, cameo: str | None = None,
                 plover: str | None = None, quad_class: int | None = None, start: Day = None,
                 end: Day = None, bbox: str | tuple[float, float, float, float] | None = None,
                 q: str | None = None, min_confidence: float | None = None,
                 limit: int | None = None) -> pa.Table:
        """The mentions (one sentence of one article each) of the events the filters select,
        or of the given ``event_id`` (one or several): the sentences behind the counts."""
        where, params = Filters(actor, source, target, country, cameo, plover, quad_class,
                                start, end, bbox, q, min_confidence).where()
        if event_id is not None:
            ids = [event_id] if isinstance(event_id, str) else list(event_id)
            where += " AND e.event_id IN (SELECT unnest(?))"
            params.append(ids)
        sql = (f"SELECT {MENTION_COLUMNS} FROM mentions m JOIN events e USING (event_id) "
               f"JOIN articles a ON a.article_id = m.article_id WHERE {where} "
               "ORDER BY m.event_id, m.seq, m.mention_id")
        return self._query(*_limited(sql, params, limit))

    def series(self, interval: str = "month", *, actor: str | None = None,
               source: str | None = None, target: str | None = None,
               country: str | None = None, cameo: str | None = None, plover: str | None = None,
               quad_class: int | None = None, start: Day = None, end: Day = None,
               bbox: str | tuple[float, float, float, float] | None = None, q: str | None = None,
               min_confidence: float | None = None) -> pa.Table:
        """Events, mentions and Goldstein sum and mean per day, week, month or year
        (``GET /api/series``): columns period, events, mentions, goldstein_sum, goldstein_mean."""
        if interval not in INTERVALS:
            raise FilterError("interval", f"interval is one of {', '.join(INTERVALS)}: {interval!r}")
        where, params = Filters(actor, source, target, country, cameo, plover, quad_class,
                                start, end, bbox, q, min_confidence).where()
        return self._query(series_sql(where), [interval, *params])


def _limited(sql: str, params: list[Any], limit: int | None) -> tuple[str, list[Any]]:
    if limit is None:
        return sql, params
    if limit < 0:
        raise FilterError("limit", f"limit must not be negative: {limit}")
    return f"{sql} LIMIT ?", [*params, limit]


def open_store(path: str | Path) -> Store:
    """The store at ``path`` (a file ``eventwire ingest`` or ``watch`` wrote), read-only."""
    return Store(path)


FRAME_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("doc_id", pa.string()), ("sentence_index", pa.int64()),
    ("sentence", pa.string()), ("trigger", pa.string()), ("cameo", pa.string()),
    ("cameo_root", pa.string()), ("quad_class", pa.int64()), ("goldstein", pa.float64()),
    ("plover", pa.string()), ("plover_mode", pa.string()),
    ("source_code", pa.string()), ("source_country", pa.string()), ("source_name", pa.string()),
    ("target_code", pa.string()), ("target_country", pa.string()), ("target_name", pa.string()),
    ("negated", pa.bool_()), ("modality", pa.string()), ("date", pa.string()),
    ("date_precision", pa.string()), ("location_name", pa.string()),
    ("location_country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("confidence", pa.float64()), ("coder_version", pa.string()), ("url", pa.string()),
    ("evidence", pa.string()),
])


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    row = {name: record.get(name) for name in FRAME_SCHEMA.names}
    for role in ("source", "target"):
        actor = record.get(role) or {}
        for part in ("code", "country", "name"):
            row[f"{role}_{part}"] = actor.get(part)
    place = record.get("location") or {}
    for part in ("name", "country"):
        row[f"location_{part}"] = place.get(part)
    row["lat"], row["lon"] = place.get("lat"), place.get("lon")
    row["evidence"] = json.dumps(record.get("evidence") or {}, ensure_ascii=False)
    return row


def to_frame(events: Iterable[Event | dict[str, Any]]) -> pa.Table:
    """Coded events (``eventwire.code(...)``, or their JSON records) as one flat Arrow table:
    actors and place as columns, the evidence as a JSON string; ``.to_pandas()`` for pandas."""
    rows = [_flat(event.to_dict() if isinstance(event, Event) else event) for event in events]
    return pa.Table.from_pylist(rows, schema=FRAME_SCHEMA)
