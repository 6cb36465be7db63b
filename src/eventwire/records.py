"""Typed records that carry data between the pipeline stages.

Article (ingest) -> ParsedArticle / ParsedSentence (nlp) -> Actor mentions (actors)
-> Event (events), with Location and dates filled in by geo/ and time/.

Every record that leaves the library has ``to_dict()`` producing exactly the JSON
shape documented in CONTRACT.md, so notebook users and the CLI see the same thing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date as Date
from typing import Any


@dataclass
class Article:
    """One cleaned news article, ready to be coded."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # publication date, ISO YYYY-MM-DD, never "today"
    url: str | None = None
    source: str | None = None  # publisher / credit line, e.g. "Deutsche Welle"
    language: str | None = "en"
    origin: str | None = None  # where it was read from (path, URL, WARC record); not in JSON
    author: str | None = None  # byline from the page metadata; not in JSON
    duplicate_of: str | None = None  # id of the article this one is a (syndicated) copy of

    def __post_init__(self) -> None:
        # A date-time ("1990-08-16T20:41", as many feeds and JSON exports give it) is its day:
        # the store, the merge and the evidence compare days as text.
        if self.date and len(self.date) > 10 and self.published is not None:
            self.date = self.date[:10]

    @property
    def published(self) -> Date | None:
        """The publication date as a date: the one place ``date`` is parsed. None when there is
        none or it does not begin with an ISO YYYY-MM-DD (a date-time gives its day)."""
        try:
            return Date.fromisoformat(self.date[:10]) if self.date else None
        except ValueError:
            return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "date": self.date,
            "url": self.url,
            "source": self.source,
            "language": self.language,
        }


WARNING = "warning"  # a ReadError of this kind reports a document that is read all the same


@dataclass
class ReadError:
    """A document that could not be read; reported on one line, never fatal to a batch."""

    document: str
    reason: str
    kind: str = "unreadable"  # why it was skipped: unreadable, language, duplicate; or warning

    def __str__(self) -> str:
        if self.kind == WARNING:  # the document is still read: only said on its line
            return f"eventwire: {self.document}: {self.reason}"
        return f"eventwire: skipped {self.document}: {self.reason}"


@dataclass
class ParsedSentence:
    """A sentence of an article with its spaCy parse.

    ``span`` is the spaCy ``Span``; ``start`` is its character offset in the coded text
    (title, blank line, body), so evidence offsets can be mapped back to the article.
    """

    index: int
    text: str
    start: int
    span: Any

    def token_at(self, index: int | None) -> Any:
        """The token at document index ``index`` (``Event.trigger_index``), None when it is
        not one of this sentence's."""
        if index is None or not self.span.start <= index < self.span.end:
            return None
        return self.span.doc[index]


@dataclass
class ParsedArticle:
    article: Article
    doc: Any  # spaCy Doc of the coded text
    sentences: list[ParsedSentence]
    title_offset: int = 0  # offset of the body in the coded text (0 when there is no title)


@dataclass
class Actor:
    """A resolved actor: country + sectors, e.g. USAGOV = USA + [GOV]."""

    text: str  # the words in the sentence
    code: str  # country followed by sectors, e.g. "USAGOV"
    country: str | None  # ISO alpha-3, or IGO / NGO / MNC
    sectors: list[str] = field(default_factory=list)
    name: str | None = None  # canonical name, e.g. "John Kerry"
    start: int | None = None  # character offsets within ParsedSentence.text (stripped)
    end: int | None = None
    resolution: list[str] = field(default_factory=list)  # how the code was reached (evidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "code": self.code,
            "country": self.country,
            "sectors": list(self.sectors),
            "name": self.name,
        }


@dataclass
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    # Where it happened: "place" (a town, district or county), "admin1" (a state, province or
    # region), "country"; or "article_focus": the article's focus place, a fallback (geo/events.py).
    precision: str = "place"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """One coded event, the contract's event record."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    trigger: str
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    source: Actor | None
    target: Actor | None
    negated: bool = False
    modality: str = "asserted"
    date: str | None = None
    date_precision: str | None = None
    # Dated more than a few weeks before the article's publication: the article recalls it
    # (time/data/event_dates.yaml); never for an event dated by the publication date.
    background: bool = False
    location: Location | None = None
    reported_by: Actor | None = None
    confidence: float | None = None
    coder_version: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    url: str | None = None
    # killed/injured/arrested/displaced/kidnapped/participants/toll (events/counts.py)
    counts: dict[str, Any] | None = None
    # The trigger's token index in the parsed document, kept so the later stages need not find
    # it again (nlp/anchors.py). Internal: not in the JSON record; None once read back from JSON.
    trigger_index: int | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        record = {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "trigger": self.trigger,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "negated": self.negated,
            "modality": self.modality,
            "date": self.date,
            "date_precision": self.date_precision,
            "background": self.background,
            "location": self.location.to_dict() if self.location else None,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "confidence": self.confidence,
            "coder_version": self.coder_version,
            "evidence": self.evidence,
            "url": self.url,
        }
        if self.counts:  # omitted when the text gives no number: events without counts are unchanged
            record["counts"] = self.counts
        return record
