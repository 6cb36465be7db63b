"""A real HTTP server on 127.0.0.1 serving what a test puts in its routes (never the internet):
the ``local_site`` fixture of the ingest and ``watch`` tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class LocalSite(BaseHTTPRequestHandler):
    """Serves ``routes``: path -> (status, content type, body bytes, delay seconds)."""

    routes: dict[str, tuple[int, str, bytes, float]] = {}
    hits: list[str] = []
    agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self.hits.append(self.path)
        self.agents.append(self.headers.get("User-Agent", ""))
        status, content_type, body, delay = self.routes.get(
            self.path, (404, "text/plain", b"not found", 0.0)
        )
        if delay:
            time.sleep(delay)
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def local_site() -> Iterator[tuple[str, type[LocalSite]]]:
    handler = type("Site", (LocalSite,), {"routes": {}, "hits": [], "agents": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()
