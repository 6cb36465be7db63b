"""Fixtures for the geo tests and the event place and date tests (locate_events, date_events):
a real spaCy parse, and events as the coder would give them."""

from __future__ import annotations

import pytest

from eventwire.nlp import parse_article
from eventwire.records import Article, Event, ParsedArticle


@pytest.fixture
def parse():
    def parse_text(text: str, date: str | None = "2015-05-12", title: str | None = None
                   ) -> ParsedArticle:
        return parse_article(Article(id="t", text=text, title=title, date=date))
    return parse_text


@pytest.fixture
def make_event():
    """An event in the sentence that contains ``sentence_words``, with ``trigger``."""
    def event_in(parsed: ParsedArticle, sentence_words: str, trigger: str,
                 cameo_root: str = "04", **fields) -> Event:
        sentence = next(s for s in parsed.sentences if sentence_words in s.text)
        return Event(
            event_id=f"{sentence.index}-{trigger}", doc_id=parsed.article.id,
            sentence_index=sentence.index, sentence=sentence.text, trigger=trigger,
            cameo=cameo_root + "0", cameo_root=cameo_root, quad_class=1, goldstein=1.0,
            plover="CONSULT", plover_mode=None, source=None, target=None, **fields,
        )
    return event_in
