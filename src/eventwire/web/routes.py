"""The aggregates the dashboard draws, beside the JSON API (``/api/web/...``).

They take the same filters as ``/api/events`` (``EventFilters``), so every view of the dashboard
shows the same selection. One summary request paints the whole overview, which keeps first paint
fast on a large store.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from pydantic import BaseModel

from eventwire.events.cameo import cameo_table
from eventwire.web.filters import ID_PATTERN, EventFilters, Interval

TOP_N = 10
MAX_PLACES = 20_000
ARTICLE_RANGE = (0.01, 0.99)  # the quantiles of article dates the dashboard opens on

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
        where += (" AND ((starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)) "
                  "OR (starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)))")
        params += [codes[0], codes[1], codes[1], codes[0]]
    return where, params


PairParam = Annotated[str | None, Query(
    max_length=70, pattern=r"^[A-Za-z0-9]{1,32},[A-Za-z0-9]{1,32}$",
    description="two actor code prefixes, e.g. USA,RUS: events between them either way")]


def _fetch(request: Request, sql: str, params: list[Any]) -> list[tuple]:
    with request.app.state.reader.cursor() as cursor:
        return cursor.execute(sql, params).fetchall()


@router.get("/summary", response_model=Summary, summary="Series by QuadClass and top lists")
def summary(
    request: Request,
    filters: Annotated[EventFilters, Depends()],
    pair: PairParam = None,
    interval: Interval = Interval.month,
) -> dict[str, Any]:
    where, params = _where(filters, pair)
    with request.app.state.reader.cursor() as cursor:
        # One scan of the selection into a temporary view would not help DuckDB here: each
        # aggregate is a single pass over the (columnar) events table.
        series_rows = cursor.execute(
            "SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, e.quad_class, count(*), "
            f"sum(e.goldstein) FROM events e WHERE e.date IS NOT NULL AND {where} "
            "GROUP BY ALL ORDER BY period", [interval.value] + params).fetchall()
        total = cursor.execute(f"SELECT count(*) FROM events e WHERE {where}",
                               params).fetchall()[0][0]
        actor_rows = cursor.execute(
            "SELECT code, mode(name) AS name, count(*) AS n FROM ("
            f"  SELECT e.source_code AS code, e.source_name AS name FROM events e WHERE {where}"
            "   UNION ALL"
            f"  SELECT e.target_code, e.target_name FROM events e WHERE {where}"
            ") WHERE code IS NOT NULL GROUP BY code ORDER BY n DESC, code LIMIT ?",
            params + params + [TOP_N]).fetchall()
        dyad_rows = cursor.execute(
            "SELECT e.source_code, e.target_code, count(*) AS n FROM events e "
            f"WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND {where} "
            "GROUP BY ALL ORDER BY n DESC, 1, 2 LIMIT ?", params + [TOP_N]).fetchall()
        articles_start, articles_end = cursor.execute(
            f"SELECT quantile_disc(date, {ARTICLE_RANGE[0]}), quantile_disc(date, {ARTICLE_RANGE[1]}) "
            "FROM articles WHERE date IS NOT NULL").fetchall()[0]
        killed_rows = cursor.execute(
            "SELECT CAST(date_trunc(?, e.date) AS DATE) AS period, CAST(sum(e.killed) AS BIGINT) "
            f"FROM event_counts e WHERE e.date IS NOT NULL AND {where} "
            "GROUP BY ALL", [interval.value] + params).fetchall()
        type_rows = cursor.execute(
            f"SELECT e.cameo_root, count(*) AS n FROM events e WHERE {where} "
            "GROUP BY ALL ORDER BY n DESC, 1 LIMIT ?", params + [TOP_N]).fetchall()

    series: dict[str, QuadPoint] = {}
    for period, quad_class, count, goldstein in series_rows:
        point = series.setdefault(period.isoformat(), QuadPoint(
            period=period.isoformat(), counts=[0] * 4, goldstein=[0.0] * 4))
        point.counts[quad_class - 1] = count
        point.goldstein[quad_class - 1] = round(goldstein, 2)
    for period, killed in killed_rows:
        if period.isoformat() in series and killed:
            series[period.isoformat()].killed = killed
    names = cameo_table()
    return {
        "total": total, "killed": sum(k or 0 for _, k in killed_rows), "interval": interval,
        "series": list(series.values()),
        "articles_start": articles_start.isoformat() if articles_start else None,
        "articles_end": articles_end.isoformat() if articles_end else None,
        "top_actors": [{"key": code, "label": name or code, "events": n}
                       for code, name, n in actor_rows],
        "top_dyads": [{"source": s, "target": t, "events": n} for s, t, n in dyad_rows],
        "top_types": [{"key": root, "label": names[root].name.capitalize() if root in names
                       else root, "events": n} for root, n in type_rows],
    }


@router.get("/places", response_model=list[Place], summary="Event counts per place, for the map")
def places(
    request: Request,
    filters: Annotated[EventFilters, Depends()],
    pair: PairParam = None,
) -> list[dict[str, Any]]:
    where, params = _where(filters, pair)
    rows = _fetch(
        request,
        "SELECT e.lat, e.lon, any_value(e.location_name), count(*) AS n, "
        "count(*) FILTER (WHERE e.quad_class >= 3) FROM events e "
        f"WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND {where} "
        "GROUP BY e.lat, e.lon ORDER BY n DESC LIMIT ?", params + [MAX_PLACES])
    killed = dict(((lat, lon), k) for lat, lon, k in _fetch(
        request,
        "SELECT e.lat, e.lon, CAST(sum(e.killed) AS BIGINT) FROM event_counts e "
        f"WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND {where} "
        "GROUP BY e.lat, e.lon", params))
    return [{"lat": lat, "lon": lon, "name": name, "events": n, "conflict": conflict,
             "killed": killed.get((lat, lon)) or 0}
            for lat, lon, name, n, conflict in rows]


@router.get("/cameo", response_model=dict[str, str], summary="CAMEO code names")
def cameo_names() -> dict[str, str]:
    return {code: entry.name for code, entry in cameo_table().items()}


@router.get("/spans/{event_id}", response_model=list[MentionSpan],
            summary="Where each mention's sentence and trigger lie in its article")
def mention_spans(
    request: Request,
    event_id: Annotated[str, PathParam(pattern=ID_PATTERN)],
) -> list[dict[str, Any]]:
    rows = _fetch(
        request,
        "SELECT mention_id, article_id, in_title, sentence_start, "
        "sentence_start + length(sentence), trigger_start, trigger_end "
        "FROM mentions WHERE event_id = ? ORDER BY seq, mention_id", [event_id])
    names = list(MentionSpan.model_fields)
    return [dict(zip(names, row, strict=True)) for row in rows]

