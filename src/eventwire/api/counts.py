"""How many, in the API: each event's reconciled counts, and sums per period, dyad or country.

``GET /api/counts?by=month&source=SYRMIL&target=SYRREB``: killed, injured, arrested, displaced,
kidnapped and participants summed (best estimates, and the sums of the low and high bounds) over
the events of the selection that have counts, per period, per dyad or per country. It reads the
small ``event_counts`` table alone (it carries the events' filter columns), so it answers in
milliseconds on a store of millions of events (bench/store_bench.py measures it).
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel

from eventwire.events.counts import CATEGORIES
from eventwire.store.counts import COLUMNS
from eventwire.web.filters import EventFilters

router = APIRouter(prefix="/api", tags=["counts"])
MAX_GROUPS = 1000


class CountsBy(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"
    dyad = "dyad"
    country = "country"


class CountsRow(BaseModel):
    key: str  # first day of the period, "SOURCE>TARGET", or the country (ISO alpha-3)
    events: int  # events of the selection that have counts
    killed: int | None
    killed_low: int | None
    killed_high: int | None
    injured: int | None
    arrested: int | None
    displaced: int | None
    kidnapped: int | None
    participants: int | None


class CountsTable(BaseModel):
    by: CountsBy
    rows: list[CountsRow]


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


@router.get("/counts", response_model=CountsTable,
            summary="People killed, injured, arrested, ... per period, dyad or country")
def counts_table(
    request: Request,
    filters: Annotated[EventFilters, Depends()],
    by: Annotated[CountsBy, Query(description="group per day, week, month, year, dyad or "
                                  "country")] = CountsBy.month,
) -> dict[str, Any]:
    where, params = filters.where()
    if by.value not in _KEYS:
        params = [by.value, *params]
    with request.app.state.reader.cursor() as cursor:
        result = cursor.execute(counts_sql(where, by.value), params)
        names = [column[0] for column in result.description]
        rows = [dict(zip(names, row, strict=True)) for row in result.fetchall()]
    return {"by": by, "rows": rows}


def event_counts(cursor: Any, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The reconciled counts of these events: event_id -> {category: {value, low, high}}."""
    if not event_ids:
        return {}
    result = cursor.execute(
        f"SELECT event_id, n_reports, {', '.join(COLUMNS)} FROM event_counts "
        "WHERE event_id IN (SELECT unnest(?))", [event_ids])
    names = [column[0] for column in result.description]
    found: dict[str, dict[str, Any]] = {}
    for row in result.fetchall():
        values = dict(zip(names, row, strict=True))
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
