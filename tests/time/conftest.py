"""Parse helpers for the geo tests (real spaCy parse, real gazetteer)."""

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


def make_event(parsed: ParsedArticle, sentence_words: str, trigger: str, **fields) -> Event:
    """An event as the coder would give it: its sentence (found by its words) and trigger."""
    sentence = next(s for s in parsed.sentences if sentence_words in s.text)
    return Event(
        event_id=f"{sentence.index}-{trigger}", doc_id=parsed.article.id,
        sentence_index=sentence.index, sentence=sentence.text, trigger=trigger, cameo="040",
        cameo_root="04", quad_class=1, goldstein=1.0, plover="CONSULT", plover_mode=None,
        source=None, target=None, **fields,
    )
