"""The aggregates the dashboard draws, beside the JSON API (``/api/web/...``).

They take the same filters as ``/api/events`` (``EventFilters``), so every view of the dashboard
shows the same selection. One summary request paints the whole overview, which keeps first paint
fast on a large store. The SQL is the store's (``store/views.py``); here the HTTP parameters
and the shape of the answers.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from pydantic import BaseModel

from eventwire.events.cameo import cameo_table
from eventwire.store.views import overview, pair_where, place_rows, span_rows
from eventwire.web.filters import ID_PATTERN, EventFilters, Interval

TOP_N = 10
MAX_PLACES = 20_000

router = APIRouter(prefix="/api/web", tags=["dashboard"])


class QuadPoint(BaseModel):
    period: str  # first day of the period, YYYY-MM-DD
    counts: list[int]  # events of QuadClass 1, 2, 3, 4
    goldstein: list[float]  # Goldstein sums of QuadClass 1, 2, 3, 4
    killed: int = 0  # people killed: the sum of the events' best estimates (store/counts.py)


class Ranked(BaseModel):
    key: str
    label: str
    events: int


class Dyad(BaseModel):
    source: str
    target: str
    events: int


class Summary(BaseModel):
    total: int
    killed: int  # people killed in the selection (sum of best estimates)
    interval: Interval
    series: list[QuadPoint]
    # Where the articles are: the 1st to 99th percentile of their publication dates (the
    # dashboard's default range; events recalled from long before lie outside it).
    articles_start: str | None = None
    articles_end: str | None = None
    top_actors: list[Ranked]
    top_dyads: list[Dyad]
    top_types: list[Ranked]


class Place(BaseModel):
    lat: float
    lon: float
    name: str | None
    events: int
    conflict: int  # of which QuadClass 3 or 4
    killed: int = 0  # people killed there (sum of the events' best estimates)


class MentionSpan(BaseModel):
    mention_id: str
    article_id: str
    in_title: bool
    sentence_start: int | None
    sentence_end: int | None
    trigger_start: int | None
    trigger_end: int | None


def _where(filters: EventFilters, pair: str | None) -> tuple[str, list[Any]]:
    """The API's filters, plus ``pair``: events between two actors in either direction."""
    where, params = filters.where()
    if pair:
        codes = [code.strip().upper() for code in pair.split(",")]
        if len(codes) != 2 or not all(codes):
            raise HTTPException(422, [{"loc": ["query", "pair"], "type": "value_error",
                                       "msg": "pair must be two actor codes, e.g. USA,RUS"}])
        where, params = pair_where(where, params, codes[0], codes[1])
    return where, params


PairParam = Annotated[str | None, Query(
    max_length=70, pattern=r"^[A-Za-z0-9]{1,32},[A-Za-z0-9]{1,32}$",
    description="two actor code prefixes, e.g. USA,RUS: events between them either way")]


@router.get("/summary", response_model=Summary, summary="Series by QuadClass and top lists")
def summary(
    request: Request,
    filters: Annotated[EventFilters, Depends()],
    pair: PairParam = None,
    interval: Interval = Interval.month,
) -> dict[str, Any]:
    where, params = _where(filters, pair)
    with request.app.state.reader.cursor() as cursor:
        view = overview(cursor, where, params, interval.value, TOP_N)
    series: dict[str, QuadPoint] = {}
    for period, quad_class, count, goldstein in view.series:
        point = series.setdefault(period.isoformat(), QuadPoint(
            period=period.isoformat(), counts=[0] * 4, goldstein=[0.0] * 4))
        point.counts[quad_class - 1] = count
        point.goldstein[quad_class - 1] = round(goldstein, 2)
    for period, killed in view.killed:
        if period.isoformat() in series and killed:
            series[period.isoformat()].killed = killed
    names = cameo_table()
    return {
        "total": view.total, "killed": sum(k or 0 for _, k in view.killed), "interval": interval,
        "series": list(series.values()),
        "articles_start": view.articles_start.isoformat() if view.articles_start else None,
        "articles_end": view.articles_end.isoformat() if view.articles_end else None,
        "top_actors": [{"key": code, "label": name or code, "events": n}
                       for code, name, n in view.actors],
        "top_dyads": [{"source": s, "target": t, "events": n} for s, t, n in view.dyads],
        "top_types": [{"key": root, "label": names[root].name.capitalize() if root in names
                       else root, "events": n} for root, n in view.types],
    }


@router.get("/places", response_model=list[Place], summary="Event counts per place, for the map")
def places(
    request: Request,
    filters: Annotated[EventFilters, Depends()],
    pair: PairParam = None,
) -> list[dict[str, Any]]:
    where, params = _where(filters, pair)
    with request.app.state.reader.cursor() as cursor:
        rows = place_rows(cursor, where, params, MAX_PLACES)
    return [{"lat": lat, "lon": lon, "name": name, "events": n, "conflict": conflict,
             "killed": killed or 0}
            for lat, lon, name, n, conflict, killed in rows]


@router.get("/cameo", response_model=dict[str, str], summary="CAMEO code names")
def cameo_names() -> dict[str, str]:
    return {code: entry.name for code, entry in cameo_table().items()}


@router.get("/spans/{event_id}", response_model=list[MentionSpan],
            summary="Where each mention's sentence and trigger lie in its article")
def mention_spans(
    request: Request,
    event_id: Annotated[str, PathParam(pattern=ID_PATTERN)],
) -> list[dict[str, Any]]:
    with request.app.state.reader.cursor() as cursor:
        rows = span_rows(cursor, event_id)
    names = list(MentionSpan.model_fields)
    return [dict(zip(names, row, strict=True)) for row in rows]
