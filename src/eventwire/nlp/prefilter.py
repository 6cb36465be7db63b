"""The pre-filter: parse only the sentences that could hold an event.

The coder only fires on a token whose lemma has a verb or noun pattern (``events/data/``; the
caller hands those lemmas in, so this module knows no pattern). So a
sentence none of whose words can be an inflection of such a lemma cannot hold an event, and the
expensive spaCy components (tok2vec, tagger, parser, NER) can skip it. The test is lexical, on the
tokenizer's output:

1. the article is tokenized and split into sentences by rules (punctuation and line breaks);
2. a sentence is a *candidate* when one of its words is in ``TriggerForms``: every form that
   spaCy's own rule lemmatizer could map to a trigger lemma (its suffix rules run backwards, plus
   its irregular-form tables), so recall is not lost to the filter;
3. each run of consecutive candidate sentences is annotated by the full pipeline as one text;
   the other sentences keep only tokens and a flat sentence tree, and the pieces are joined back
   into one ``Doc`` of the whole article (same text, same character offsets).

Cost: actors, places and names in skipped sentences are not seen by NER, so article-wide context
(coreference antecedents, the article's focus place) comes from candidate sentences only. The
gold-set evaluations measure that this loses nothing (docs/scale.md).

Switch: ``EVENTWIRE_PREFILTER=0`` in the environment, or ``prefilter=False`` in
``pipeline.code_articles``, parses every sentence as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from eventwire import nlp as nlp_stage
from eventwire.nlp import (
    _sentences,
    coded_text,
    join_docs,
    line_breaks_start_sentences,
    load_nlp,
    make_doc,
)
from eventwire.records import Article, ParsedArticle

ENV_SWITCH = "EVENTWIRE_PREFILTER"
# The lemmatizer's rule sets whose suffix rules can produce a verb or noun lemma.
RULE_POS = ("verb", "noun")


def prefilter_enabled(requested: bool | None = None) -> bool:
    """``requested`` when given, else the environment switch (on unless set to 0/off/false)."""
    if requested is not None:
        return requested
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "off", "false", "no")


def inflections(lemma: str, rules: Mapping[str, Any], irregular: Mapping[str, Any]) -> set[str]:
    """Every form spaCy's rule lemmatizer could map to ``lemma`` (a superset: it over-generates)."""
    forms = {lemma}
    for pos in RULE_POS:
        for old_suffix, new_suffix in rules.get(pos, []):
            if lemma.endswith(new_suffix):
                stem = lemma[: len(lemma) - len(new_suffix)] if new_suffix else lemma
                forms.add(stem + old_suffix)
                # Doubled final consonant: "stop" -> "stopped", "plan" -> "planning".
                if old_suffix[:1] in ("e", "i") and stem and stem[-1] not in "aeiouy":
                    forms.add(stem + stem[-1] + old_suffix)
        forms.update(form for form, lemmas in irregular.get(pos, {}).items() if lemma in lemmas)
    return forms


@lru_cache(maxsize=4)
def trigger_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Lower-case word forms that can be one of the trigger ``lemmas``: made once per process
    (per worker) for a set of lemmas."""
    lemmatizer = load_nlp().get_pipe("lemmatizer")
    rules = lemmatizer.lookups.get_table("lemma_rules")
    irregular = lemmatizer.lookups.get_table("lemma_exc")
    forms: set[str] = set()
    for lemma in lemmas:
        forms.update(inflections(lemma.lower(), rules, irregular))
    return frozenset(forms)


@lru_cache(maxsize=1)
def _sentencizer() -> Sentencizer:
    return Sentencizer()


@dataclass
class Segment:
    """A run of sentences of one article, ``start``..``end`` in tokens, and whether to parse it."""

    start: int
    end: int
    candidate: bool


def segments(doc: Doc, forms: frozenset[str]) -> list[Segment]:
    """Split a tokenized article into runs of candidate and non-candidate sentences."""
    line_breaks_start_sentences(_sentencizer()(doc))
    runs: list[Segment] = []
    for sentence in doc.sents:
        candidate = any(token.lower_ in forms for token in sentence)
        if runs and runs[-1].candidate == candidate:
            runs[-1].end = sentence.end
        else:
            runs.append(Segment(sentence.start, sentence.end, candidate))
    return [piece for run in runs for piece in _bounded(doc, run)]


def _bounded(doc: Doc, run: Segment) -> list[Segment]:
    """A run of candidates longer than ``nlp.MAX_PIECE_CHARS``, cut where ``nlp.piece_starts``
    cuts a long text (paragraph ends first), so that the parser's memory stays bounded."""
    span = doc[run.start : run.end]
    if not run.candidate or len(span.text) <= nlp_stage.MAX_PIECE_CHARS:
        return [run]
    token_at = {token.idx - span.start_char: token.i for token in span}
    starts = [token_at[start] for start in nlp_stage.piece_starts(span.text) if start in token_at]
    ends = [*starts[1:], run.end]
    return [Segment(start, end, True) for start, end in zip(starts, ends, strict=True)]


def _plain_doc(nlp: Language, doc: Doc, segment: Segment) -> Doc:
    """Tokens only, one flat tree per rule-based sentence (so sentence boundaries survive)."""
    tokens = doc[segment.start : segment.end]
    heads, deps, root = [], [], 0
    for token in tokens:
        if token.is_sent_start or token.i == segment.start:
            root = token.i - segment.start
        heads.append(root)
        deps.append("ROOT" if token.i - segment.start == root else "dep")
    return Doc(nlp.vocab, words=[t.text for t in tokens],
               spaces=[bool(t.whitespace_) for t in tokens], heads=heads, deps=deps)


def _fresh_doc(nlp: Language, doc: Doc, segment: Segment) -> Doc:
    """The segment's tokens with no annotation, so the pipeline parses it as a text of its own."""
    tokens = doc[segment.start : segment.end]
    return Doc(nlp.vocab, words=[t.text for t in tokens],
               spaces=[bool(t.whitespace_) for t in tokens])


def parse_candidates(articles: Iterable[Article], lemmas: frozenset[str],
                     batch_size: int = 32) -> Iterator[ParsedArticle]:
    """Like ``nlp.parse_articles``, but the full pipeline runs on candidate sentences only: those
    with a word that can be an inflection of one of the trigger ``lemmas``.

    Articles are yielded in input order; candidate segments of many articles share one
    ``nlp.pipe`` batch.
    """
    nlp = load_nlp()
    forms = trigger_forms(lemmas)
    pending: list[tuple[Article, int, Doc, list[Segment]]] = []
    for article in articles:
        text, offset = coded_text(article)
        doc = make_doc(nlp, text)
        pending.append((article, offset, doc, segments(doc, forms)))
        if len(pending) >= batch_size:
            yield from _annotate(nlp, pending, batch_size)
            pending = []
    if pending:
        yield from _annotate(nlp, pending, batch_size)


def _annotate(nlp: Language, pending: list[tuple[Article, int, Doc, list[Segment]]],
              batch_size: int) -> Iterator[ParsedArticle]:
    # Made as the parser asks for them and dropped once parsed: a long article's pieces are
    # not all held twice at once.
    to_parse = (_fresh_doc(nlp, doc, s) for _, _, doc, runs in pending for s in runs if s.candidate)
    parsed = iter(nlp.pipe(to_parse, batch_size=batch_size))
    for article, offset, doc, runs in pending:
        pieces = [_without_tensor(next(parsed)) if s.candidate else _plain_doc(nlp, doc, s)
                  for s in runs]
        whole = join_docs(pieces) if pieces else doc
        # nlp's own sentence list, so both paths build ParsedSentence the same way.
        yield ParsedArticle(article=article, doc=whole, sentences=_sentences(whole),
                            title_offset=offset)


def _without_tensor(doc: Doc) -> Doc:
    """The parsed piece without its token vectors, which the joined Doc leaves out anyway: a
    long article's would otherwise all be held until its pieces are joined."""
    doc.tensor = numpy.zeros((0,), dtype="float32")
    return doc
