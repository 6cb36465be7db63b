"""Fixtures for the ingest tests: invented articles (the HTTP server, ``local_site``, is in
``tests/local_site.py``, shared with the store's ``watch`` tests)."""

from __future__ import annotations

import pytest

from .pages import STORY_PARAGRAPHS, story_html


@pytest.fixture
def story() -> str:
    return story_html("Province opens water plant", STORY_PARAGRAPHS)
