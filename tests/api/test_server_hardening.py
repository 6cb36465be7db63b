"""`eventwire serve` as a hostile page or client meets it: security headers, Host check, no CDN."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from serving import serving

PATHS = ["/", "/api/stats", "/static/app.js", "/openapi.json", "/api/articles/none"]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("hardening") / "events.duckdb"
    with serving(db, "--allow-host", "events.example.org") as url:
        yield url


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(base, path):
    response = httpx.get(base + path)
    assert response.status_code in (200, 404)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy


@pytest.mark.parametrize("host, status", [
    ("evil.example", 400), ("localhost.evil.example", 400), ("127.0.0.1.nip.io", 400),
    ("localhost", 200), ("127.0.0.1", 200), ("events.example.org", 200),
])
def test_only_loopback_names_and_allowed_hosts_are_answered(base, host, status):
    port = base.rsplit(":", 1)[1]
    response = httpx.get(f"{base}/api/stats", headers={"Host": f"{host}:{port}"})
    assert response.status_code == status
    if status == 400:
        assert "articles" not in response.text


def test_api_docs_load_nothing_from_elsewhere(base):
    for path in ("/docs", "/redoc"):
        response = httpx.get(base + path)
        assert response.status_code == 404 or "cdn." not in response.text
    spec = httpx.get(f"{base}/openapi.json").json()
    assert "/api/articles/{article_id}" in spec["paths"]
    head = httpx.get(base + "/").text.split("<body")[0]
    assert "://" not in head  # the page loads its scripts and styles from this server only
