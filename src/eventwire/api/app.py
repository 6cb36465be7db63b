"""The JSON API over an eventwire store (FastAPI; OpenAPI at /openapi.json).

No interactive docs page: FastAPI's would load Swagger UI from a CDN, which the page's security
policy forbids; any OpenAPI viewer reads ``/openapi.json``.

Routes:
- ``GET /api/events``: events filtered by actor, dyad, country, CAMEO/PLOVER type, QuadClass,
  dates, bounding box and text; ``limit``/``offset`` pagination with the ``total`` count.
- ``GET /api/events/{event_id}``: one event with its mentions and their sentences.
- ``GET /api/series``: event counts and Goldstein sums per day/week/month/year, same filters.
- ``GET /api/articles/{article_id}``: an article with its event triggers highlighted.
- ``GET /api/counts``: people killed, injured, ... per period, dyad or country (api/counts.py).
- ``GET /api/actors``, ``GET /api/stats``; ``GET /`` the dashboard.

The SQL these run is the store's (``store/query.py``); here the HTTP parameters and the shape of
the answers.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from eventwire.extras import require_extra

try:
    from fastapi import Depends, FastAPI, HTTPException, Query, Request
    from fastapi import Path as PathParam
    from fastapi.responses import HTMLResponse, JSONResponse
    from pydantic import BaseModel
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.responses import Response
except ImportError:  # the server is an extra: say which one
    require_extra("serve", "eventwire's JSON API (eventwire.api.app)")
    raise

from eventwire.api.counts import router as counts_router
from eventwire.api.readers import SharedReader
from eventwire.store.connection import StoreBusyError
from eventwire.store.query import (
    actor_counts,
    article_row,
    event_counts,
    event_mentions,
    event_page,
    event_row,
    series_points,
    store_stats,
    trigger_spans,
)
from eventwire.web import mount as mount_dashboard
from eventwire.web.filters import ID_PATTERN, EventFilters, Interval

MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000_000
# Article ids are whatever the input gave (URLs, file names with spaces): any text up to this
# long is accepted, as a bound SQL parameter; clients percent-encode it in the path.
MAX_ARTICLE_ID = 2000


class ActorOut(BaseModel):
    code: str
    country: str | None
    name: str | None
    sectors: list[str]


class LocationOut(BaseModel):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None


class EventOut(BaseModel):
    event_id: str
    global_event_id: int
    date: date | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    negated: bool
    modality: str | None
    source: ActorOut | None
    target: ActorOut | None
    location: LocationOut | None
    sentence: str
    trigger: str | None
    is_root_event: bool
    num_mentions: int
    num_sources: int
    num_articles: int
    first_url: str | None
    first_article_id: str
    first_seen: date | None
    # reconciled across mentions: {killed: {value, low, high}, ..., reports: n}; null without any
    counts: dict[str, Any] | None = None


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[EventOut]


class MentionOut(BaseModel):
    mention_id: str
    article_id: str
    article_title: str | None
    article_url: str | None
    article_date: date | None
    publisher: str | None
    sentence_index: int
    sentence: str
    trigger: str | None
    cameo: str
    date: date | None
    confidence: float | None
    counts: dict[str, Any] | None = None  # the mention's own counts (CONTRACT.md record)
    # Why this mention joined the event (store/merge.py): what it linked to, the score and the
    # evidence (actors, place, days apart, shared words). None for the mention that founded it.
    merged_with: str | None = None
    merge_score: float | None = None
    merge_evidence: dict[str, Any] | None = None


class EventDetail(EventOut):
    mentions: list[MentionOut]


class SeriesPoint(BaseModel):
    period: date
    events: int
    mentions: int
    goldstein_sum: float
    goldstein_mean: float


class Series(BaseModel):
    interval: Interval
    points: list[SeriesPoint]


class Highlight(BaseModel):
    field: str  # "title" or "text"
    start: int
    end: int
    trigger: str
    event_id: str
    cameo: str


class ArticleOut(BaseModel):
    article_id: str
    title: str | None
    text: str
    date: date | None
    url: str | None
    source: str | None
    highlights: list[Highlight]
    html: str


class ActorCount(BaseModel):
    code: str
    name: str | None
    country: str | None
    num_mentions: int


class Stats(BaseModel):
    articles: int
    events: int
    mentions: int
    first_date: date | None
    last_date: date | None


NOT_FOUND = {404: {"description": "no such item"}}


def _actor(row: dict[str, Any], role: str) -> ActorOut | None:
    if row[f"{role}_code"] is None:
        return None
    return ActorOut(code=row[f"{role}_code"], country=row[f"{role}_country"],
                    name=row[f"{role}_name"], sectors=row[f"{role}_sectors"] or [])


def event_out(row: dict[str, Any]) -> dict[str, Any]:
    location = None
    if row["location_name"] is not None:
        location = LocationOut(name=row["location_name"], country=row["location_country"],
                               lat=row["lat"], lon=row["lon"], geonameid=row["geonameid"])
    fields = {name: row[name] for name in EventOut.model_fields if name in row}
    fields.update(source=_actor(row, "source"), target=_actor(row, "target"), location=location)
    return fields


def highlighted_html(title: str | None, text: str, highlights: list[Highlight]) -> str:
    """The article as HTML (title in <h1>, text in <p>) with triggers in <mark> elements."""
    def mark(field_text: str, field: str) -> str:
        spans = sorted((h for h in highlights if h.field == field), key=lambda h: h.start)
        out, cursor = [], 0
        for span in spans:
            if span.start < cursor or span.end > len(field_text):
                continue  # overlapping or out of range: leave that one unmarked
            out.append(html.escape(field_text[cursor:span.start]))
            out.append(f'<mark data-event-id="{html.escape(span.event_id)}" '
                       f'title="CAMEO {html.escape(span.cameo)}">'
                       f"{html.escape(field_text[span.start:span.end])}</mark>")
            cursor = span.end
        out.append(html.escape(field_text[cursor:]))
        return "".join(out)

    parts = [f"<h1>{mark(title, 'title')}</h1>"] if title else []
    parts.append(f'<div class="article-text">{mark(text, "text")}</div>')
    return "\n".join(parts)


def _dashboard_html() -> str:
    """The dashboard's page (the web stage's ``static/index.html``)."""
    return (resources.files("eventwire.web") / "static" / "index.html").read_text(encoding="utf-8")


# Host names a browser may use for a server on this machine. Any other Host header is refused,
# so that a page from elsewhere cannot read the API through DNS rebinding.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def content_security_policy(page: str) -> str:
    """Everything from this server only; the page's inline scripts allowed by their hashes."""
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"
        for script in _INLINE_SCRIPT.findall(page))
    return ("default-src 'self'; script-src 'self' " + hashes + "; img-src 'self' data:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def add_security(app: FastAPI, allowed_hosts: Sequence[str] | None) -> None:
    """Security headers on every response, and the trusted-host check unless ``None``."""
    headers = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
               "Content-Security-Policy": content_security_policy(_dashboard_html()),
               "Referrer-Policy": "no-referrer"}

    @app.middleware("http")
    async def secure_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.update(headers)
        return response

    if allowed_hosts is not None:
        # Added last, so it runs first: a refused Host gets its 400 with the headers above too.
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=[*LOOPBACK_HOSTS, *allowed_hosts])


def create_app(db_path: str | Path, allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The API and dashboard over the store.

    ``allowed_hosts``: Host names to accept besides the loopback ones (``*.example.org`` for a
    domain's subdomains); ``eventwire serve`` always passes a list. ``None`` (in-process use,
    e.g. a ``TestClient``, whose host is ``testserver``) checks no Host header.
    """
    reader = SharedReader(db_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202 - FastAPI's lifespan protocol
        reader.ensure_schema()
        yield
        reader.close()

    app = FastAPI(
        title="eventwire", version="1", lifespan=lifespan,
        description="Coded political events (CAMEO/PLOVER) from the news, merged across "
        "articles, GDELT-style.",
        docs_url=None, redoc_url=None,
    )
    app.state.reader = reader
    mount_dashboard(app)
    app.include_router(counts_router)
    add_security(app, allowed_hosts)

    @app.exception_handler(StoreBusyError)
    async def busy(request: Request, error: StoreBusyError) -> JSONResponse:
        # A writer held the file for longer than a request may wait: try again shortly.
        return JSONResponse({"detail": str(error)}, status_code=503,
                            headers={"Retry-After": "5"})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> str:
        return _dashboard_html()

    @app.get("/api/events", response_model=EventPage, summary="List events")
    def list_events(
        filters: Annotated[EventFilters, Depends()],
        limit: Annotated[int, Query(ge=1, description=f"events per page (at most {MAX_LIMIT} "
                                    "are returned)")] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        where, params = filters.where()
        limit = min(limit, MAX_LIMIT)
        with reader.cursor() as cursor:
            total, rows = event_page(cursor, where, params, limit, offset)
            counts = event_counts(cursor, [row["event_id"] for row in rows])
        return {"total": total, "limit": limit, "offset": offset,
                "events": [{**event_out(row), "counts": counts.get(row["event_id"])}
                           for row in rows]}

    @app.get("/api/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND,
             summary="One event with its mentions")
    def get_event(
        event_id: Annotated[str, PathParam(pattern=ID_PATTERN)],
    ) -> dict[str, Any]:
        with reader.cursor() as cursor:
            row = event_row(cursor, event_id)
            if row is None:
                raise HTTPException(404, f"no event with id {event_id!r}")
            mentions = event_mentions(cursor, event_id)
            counts = event_counts(cursor, [event_id]).get(event_id)
        return {**event_out(row), "counts": counts, "mentions": mentions}

    @app.get("/api/series", response_model=Series, summary="Events per day, week or month")
    def series(
        filters: Annotated[EventFilters, Depends()],
        interval: Interval = Interval.month,
    ) -> dict[str, Any]:
        where, params = filters.where()
        with reader.cursor() as cursor:
            points = series_points(cursor, where, params, interval.value)
        return {"interval": interval, "points": points}

    @app.get("/api/articles/{article_id:path}", response_model=ArticleOut, responses=NOT_FOUND,
             summary="An article with its event triggers highlighted")
    def get_article(
        article_id: Annotated[str, PathParam(min_length=1, max_length=MAX_ARTICLE_ID,
                                             description="the article id, percent-encoded")],
    ) -> dict[str, Any]:
        with reader.cursor() as cursor:
            article = article_row(cursor, article_id)
            if article is None:
                raise HTTPException(404, f"no article with id {article_id!r}")
            marks = trigger_spans(cursor, article_id)
        highlights = [Highlight(**mark) for mark in marks]
        return {**article, "highlights": highlights,
                "html": highlighted_html(article["title"], article["text"], highlights)}

    @app.get("/api/actors", response_model=list[ActorCount], summary="Actors, most mentioned first")
    def actors(
        q: Annotated[str | None, Query(max_length=100, description="code prefix or name part")]
        = None,
        limit: Annotated[int, Query(ge=1)] = 50,
    ) -> list[dict[str, Any]]:
        with reader.cursor() as cursor:
            return actor_counts(cursor, q, min(limit, MAX_LIMIT))

    @app.get("/api/stats", response_model=Stats, summary="What the store holds")
    def stats() -> dict[str, Any]:
        with reader.cursor() as cursor:
            return store_stats(cursor)

    return app
