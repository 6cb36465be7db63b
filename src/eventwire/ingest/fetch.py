"""Polite HTTP fetching with httpx: timeouts, retries with backoff, robots.txt, a per-host
rate limit, a size cap and a user agent that says who is asking."""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from eventwire import __version__
from eventwire.ingest.decode import DocumentError, check_size

USER_AGENT = f"eventwire/{__version__} (news event coder; +https://github.com/eventwire/eventwire)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass
class FetchedPage:
    url: str  # the final URL after redirects
    content: bytes
    content_type: str
    charset: str | None


@dataclass
class Fetcher:
    """Fetches URLs one at a time; every failure is a DocumentError with a one-line reason."""

    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry, doubled for each further one
    min_interval: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = 10_000_000
    user_agent: str = USER_AGENT
    obey_robots: bool = True
    _client: httpx.Client | None = field(default=None, init=False, repr=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(
        default_factory=dict, init=False, repr=False
    )
    _last_request: dict[str, float] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=self.timeout, follow_redirects=True,
                headers={"User-Agent": self.user_agent},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            ready_at = self._last_request.get(host, 0.0) + self.min_interval
            delay = ready_at - time.monotonic()
            self._last_request[host] = max(ready_at, time.monotonic())
        if delay > 0:
            time.sleep(delay)

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            rules: urllib.robotparser.RobotFileParser | None = None
            try:
                response, body = self._get(f"{origin}/robots.txt", retries=0)
                if response.status_code < 400:
                    rules = urllib.robotparser.RobotFileParser()
                    rules.parse(body.decode("utf-8", "replace").splitlines())
            except (httpx.HTTPError, DocumentError):
                rules = None  # no readable robots.txt: nothing is disallowed
            self._robots[origin] = rules
        return self._robots[origin]

    def allowed(self, url: str) -> bool:
        rules = self._robots_for(url) if self.obey_robots else None
        return rules is None or rules.can_fetch(self.user_agent, url)

    def _get(self, url: str, retries: int) -> tuple[httpx.Response, bytes]:
        """GET with retries on timeouts, connection errors and 429/5xx; the body is capped."""
        host = urlsplit(url).netloc
        attempt = 0
        while True:
            self._wait_for_host(host)
            try:
                with self.client.stream("GET", url) as response:
                    declared = int(response.headers.get("content-length") or 0)
                    check_size(declared, self.max_bytes)
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body.extend(chunk)
                        check_size(len(body), self.max_bytes)
                if response.status_code not in RETRY_STATUSES or attempt >= retries:
                    return response, bytes(body)
            except httpx.TimeoutException:
                if attempt >= retries:
                    raise DocumentError(
                        f"timed out after {self.timeout:g} s ({attempt + 1} tries)"
                    ) from None
            except httpx.TransportError as exc:
                if attempt >= retries:
                    raise DocumentError(
                        f"connection failed: {exc} ({attempt + 1} tries)"
                    ) from None
            time.sleep(self.backoff * 2**attempt)
            attempt += 1

    def fetch(self, url: str) -> FetchedPage:
        if not self.allowed(url):
            raise DocumentError("disallowed by robots.txt")
        try:
            response, body = self._get(url, self.retries)
        except httpx.HTTPError as exc:
            raise DocumentError(f"fetch failed ({exc})") from None
        if response.status_code >= 400:
            raise DocumentError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
        content_type = response.headers.get("content-type", "")
        return FetchedPage(
            url=str(response.url), content=body,
            content_type=content_type.split(";")[0].strip().lower(),
            charset=response.charset_encoding,
        )

