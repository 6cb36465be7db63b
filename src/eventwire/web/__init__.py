"""The dashboard: static pages under ``web/static`` and the aggregates they draw (``routes.py``),
with the query parameters it shares with the JSON API (``filters.py``).

``eventwire serve`` mounts both on the API's app with :func:`mount`; the page itself
(``static/index.html``) is what the API serves at ``/``.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from eventwire.web.routes import router


def mount(app: FastAPI) -> None:
    """Add the dashboard's routes and its static files (``/static``) to the API's app."""
    app.include_router(router)
    static_dir = resources.files("eventwire.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
