"""How many, in the API: people killed, injured, ... summed per period, dyad or country.

``GET /api/counts?by=month&source=SYRMIL&target=SYRREB``: killed, injured, arrested, displaced,
kidnapped and participants summed (best estimates, and the sums of the low and high bounds) over
the events of the selection that have counts, per period, per dyad or per country. It reads the
small ``event_counts`` table alone (it carries the events' filter columns), so it answers in
milliseconds on a store of millions of events (bench/store_bench.py measures it). The SQL is the
store's (``store/query.py``: ``counts_sql``, and ``event_counts`` for each event's own counts).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel

from eventwire.store.query import count_groups
from eventwire.web.filters import EventFilters

router = APIRouter(prefix="/api", tags=["counts"])


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


@router.get("/counts", response_model=CountsTable,
            summary="People killed, injured, arrested, ... per period, dyad or country")
def counts_table(
    request: Request,
    filters: Annotated[EventFilters, Depends()],
    by: Annotated[CountsBy, Query(description="group per day, week, month, year, dyad or "
                                  "country")] = CountsBy.month,
) -> dict[str, Any]:
    where, params = filters.where()
    with request.app.state.reader.cursor() as cursor:
        rows = count_groups(cursor, where, params, by.value)
    return {"by": by, "rows": rows}
