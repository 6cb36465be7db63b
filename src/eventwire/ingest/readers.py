"""Read sources of every kind into articles. A reader never raises for a bad document: it yields
a ReadError naming it, and the batch goes on.

Sources are paths (files, folders read recursively, glob patterns), ``http(s)://`` URLs and ``-``
for stdin. The kind of a document comes from its name (``.html``, ``.txt``, ``.jsonl``,
``.warc``, ``.rss``/``.atom``/``.xml``, each possibly ``.gz``) or, when the name does not say,
from its content.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import json
import sys
from collections.abc import Callable, Collection, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from tqdm import tqdm

from eventwire.ingest.clean import clean_plain_text
from eventwire.ingest.decode import (
    GZIP_MAGIC,
    DocumentError,
    check_size,
    decode_checked,
    decode_text,
    maybe_gunzip,
    megabytes,
)
from eventwire.ingest.dedup import Deduplicator
from eventwire.ingest.feeds import parse_feed
from eventwire.ingest.fetch import Fetcher
from eventwire.ingest.html import extract_html
from eventwire.ingest.language import identify_language
from eventwire.ingest.report import IngestReport
from eventwire.ingest.warc import iter_warc_pages
from eventwire.records import WARNING, Article, ReadError

Result = Article | ReadError
Kind = Literal["html", "text", "jsonl", "warc", "feed"]

MAX_DOCUMENT_BYTES = 10_000_000  # one page or text; containers (WARC, JSONL) are streamed
SUFFIX_KINDS: dict[str, Kind] = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".txt": "text", ".text": "text",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
LANGUAGE_NAMES = {"en": "English"}


def _stable_id(prefix: str, text: str) -> str:
    return f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"


def _doc_id(name: str, text: str) -> str:
    """A file's id is its name without suffixes; stdin's is a digest of its text."""
    if name == "-":
        return _stable_id("stdin", text)
    path = Path(name)
    stem = path.name
    while Path(stem).suffix.lower() in (*SUFFIX_KINDS, ".gz"):
        stem = Path(stem).stem
    return stem or path.name


def kind_from_name(name: str) -> Kind | None:
    suffixes = [suffix.lower() for suffix in Path(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return SUFFIX_KINDS.get(suffixes[-1]) if suffixes else None


def kind_from_content(head: bytes) -> Kind:
    """Recognise a document by its first bytes (already decompressed)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = start[:4096].lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered:
        if not (b"<html" in lowered or b"<body" in lowered):
            return "feed"
    if start.startswith(b"<") and (b"<html" in lowered or b"<!doctype html" in lowered
                                   or b"<body" in lowered or b"<head" in lowered):
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def read_text(name: str, text: str, date: str | None) -> Article:
    """A plain-text article: web boilerplate removed, repeated title and credit line lifted."""
    cleaned = clean_plain_text(text)
    if not cleaned.text:
        raise DocumentError("no article text left after removing boilerplate")
    return Article(
        id=_doc_id(name, text), text=cleaned.text, title=cleaned.title, date=date,
        source=cleaned.source, origin=name,
    )


def bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The stream's lines, with ``None`` for a line over ``max_bytes``: such a line is skipped
    without ever being held whole in memory (one line of a small .gz can inflate to gigabytes)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(1 << 20)
            yield None
        else:
            yield line


def read_jsonl_lines(name: str, lines: Iterable[bytes | None], date: str | None,
                     max_bytes: int = MAX_DOCUMENT_BYTES) -> Iterator[Result]:
    """One article per JSON line; ``text`` is kept as given (offsets refer to it).

    A line given as ``None`` was over the size cap (``bounded_lines``) and is reported, as is a
    file with no line at all.
    """
    empty = True
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if raw is None:
            yield ReadError(where, f"record over the {megabytes(max_bytes)} size cap")
            continue
        if not raw.strip():
            continue
        empty = False
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            yield ReadError(where, "line is not valid UTF-8")
            continue
        except json.JSONDecodeError as exc:
            # json's messages may end in "at" ("Invalid control character at").
            reason = exc.msg.removesuffix(" at")
            yield ReadError(where, f"malformed JSON ({reason} at column {exc.colno})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ReadError(where, 'JSON line has no "text" string')
            continue
        if not record["text"].strip():
            yield ReadError(where, "empty text")
            continue
        yield Article(
            id=str(record.get("id") or f"{_doc_id(name, '')}-{number}"),
            text=record["text"],
            title=record.get("title"),
            date=record.get("date") or date,
            url=record.get("url"),
            source=record.get("source"),
            origin=where,
        )
    if empty:
        yield ReadError(name, "empty document (no JSON lines)")


FallbackHandler = Callable[[str, str], None]


@dataclass
class Reader:
    """Reads sources one document at a time; holds the HTTP fetcher and the size cap.

    ``known``: article ids already held (``watch``: the store's); feed entries with one of them
    are passed over before their page is fetched. ``on_fallback(document, reason)``: told of
    each feed entry whose page could not be had and whose own text stands in for it.
    """

    date: str | None = None
    max_bytes: int = MAX_DOCUMENT_BYTES
    fetcher: Fetcher | None = None
    known: Collection[str] = frozenset()
    on_fallback: FallbackHandler | None = None

    def read(self, sources: Iterable[str]) -> Iterator[Result]:
        for source in sources:
            if source == "-":
                yield from self._guard(source, lambda: self._read_bytes("-", self._stdin()))
            elif source.startswith(("http://", "https://")):
                yield from self._guard(source, lambda url=source: self._read_url(url))
            else:
                yield from self._read_path_source(source)

    @staticmethod
    def _stdin() -> bytes:
        return sys.stdin.buffer.read()

    def _guard(self, name: str, produce: Callable[[], Iterator[Result]]) -> Iterator[Result]:
        """Run a reader for one document, turning its failure into a ReadError."""
        try:
            yield from produce()
        except Exception as exc:  # one bad document must never stop a batch
            yield ReadError(name, describe(exc))

    def _read_path_source(self, source: str) -> Iterator[Result]:
        if glob.has_magic(source):
            matches = sorted(glob.glob(source, recursive=True))
            files = [match for match in matches if Path(match).is_file()]
            if not files:
                yield ReadError(source, "no file matches this pattern")
            for match in files:
                yield from self._guard(match, lambda path=match: self._read_file(path))
            return
        path = Path(source)
        if path.is_dir():
            found = sorted(
                item for item in path.rglob("*")
                if item.is_file() and not item.name.startswith(".") and kind_from_name(item.name)
            )
            if not found:
                yield ReadError(source, "folder holds no readable documents")
            for item in found:
                yield from self._guard(str(item), lambda item=item: self._read_file(str(item)))
            return
        yield from self._guard(source, lambda: self._read_file(source))

    def _read_file(self, name: str) -> Iterator[Result]:
        path = Path(name)
        if not path.exists():
            raise DocumentError("no such file")
        kind = kind_from_name(name)
        if not path.is_file():
            # A pipe (`<(cat a.jsonl)`, a FIFO) can be read once only: read it like stdin.
            with path.open("rb") as stream:
                data = stream.read(self.max_bytes + 1)
            check_size(len(data), self.max_bytes)
            yield from self._read_bytes(name, data, kind)
            return
        with path.open("rb") as stream:
            compressed = stream.read(2) == GZIP_MAGIC
        if kind is None:
            opener = gzip.open if compressed else open
            with opener(path, "rb") as stream:
                kind = kind_from_content(stream.read(4096))
        if kind == "warc":  # streamed: warcio reads gzip members itself
            with path.open("rb") as stream:
                yield from self._read_warc(name, stream)
            return
        if kind == "jsonl":
            opener = gzip.open if compressed else open
            with opener(path, "rb") as stream:
                lines = bounded_lines(stream, self.max_bytes)
                yield from read_jsonl_lines(name, lines, self.date, self.max_bytes)
            return
        check_size(path.stat().st_size, self.max_bytes)
        yield from self._read_bytes(name, path.read_bytes(), kind)

    def _read_bytes(self, name: str, data: bytes, kind: Kind | None = None) -> Iterator[Result]:
        data = maybe_gunzip(data, self.max_bytes)
        check_size(len(data), self.max_bytes)
        kind = kind or kind_from_content(data[:4096])
        if kind == "warc":
            yield from self._read_warc(name, io.BytesIO(data))
        elif kind == "jsonl":
            yield from read_jsonl_lines(name, data.splitlines(), self.date)
        elif kind == "feed":
            yield from self._read_feed(name, data)
        elif kind == "html":
            html = yield from self._decoded(name, data)
            yield extract_html(html, name, date=self.date, article_id=_doc_id(name, html))
        else:
            text = yield from self._decoded(name, data)
            yield read_text(name, text, self.date)

    @staticmethod
    def _decoded(name: str, data: bytes) -> Generator[Result, None, str]:
        """The text of ``data``, after a warning line when its charset was only a guess."""
        text, note = decode_checked(data)
        if note:
            yield ReadError(name, note, kind=WARNING)
        return text

    def _read_warc(self, name: str, stream: BinaryIO) -> Iterator[Result]:
        for page in iter_warc_pages(stream, name, self.max_bytes):
            if isinstance(page, tuple):
                where, error = page
                yield ReadError(where, str(error))
                continue
            where = f"{name}#{page.record_id}"
            try:
                text = decode_text(page.content, page.charset)
                # The capture date of a crawl (response record) is close to publication; an
                # archived resource's date is only when it was archived.
                fallback = page.date if page.is_response else None
                if page.content_type == "text/plain":
                    article = read_text(where, text, fallback or self.date)
                    article.id, article.url = page.record_id, page.url
                else:
                    article = extract_html(
                        text, where, url=page.url, date=fallback or self.date,
                        article_id=page.record_id,
                    )
                yield article
            except Exception as exc:  # the other records are still read
                yield ReadError(where, describe(exc))

    def _fetcher(self) -> Fetcher:
        if self.fetcher is None:
            self.fetcher = Fetcher(max_bytes=self.max_bytes)
        return self.fetcher

    def _read_url(self, url: str) -> Iterator[Result]:
        page = self._fetcher().fetch(url)
        if "html" in page.content_type:
            kind: Kind | None = "html"
        elif any(word in page.content_type for word in ("rss", "atom", "xml")):
            kind = "feed"
        else:
            kind = kind_from_name(url.split("?")[0])
        data = maybe_gunzip(page.content, self.max_bytes)
        kind = kind or kind_from_content(data[:4096])
        if kind == "html":
            html = decode_text(data, page.charset)
            yield extract_html(
                html, url, url=page.url, date=self.date, article_id=_stable_id("url", page.url)
            )
        else:
            yield from self._read_bytes(url, data, kind)

    def _read_feed(self, name: str, data: bytes) -> Iterator[Result]:
        """Each entry's linked page when it can be fetched, else the entry's own text."""
        for entry in parse_feed(data, name):
            article_id = _stable_id("feed", entry.key)
            if article_id in self.known:
                continue
            where = entry.link or f"{name}#{entry.key}"
            if entry.link and entry.link.startswith(("http://", "https://")):
                try:
                    page = self._fetcher().fetch(entry.link)
                    html = decode_text(page.content, page.charset)
                    article = extract_html(
                        html, entry.link, url=page.url, date=entry.date or self.date,
                        article_id=article_id,
                    )
                    article.title = article.title or entry.title
                    yield article
                    continue
                except Exception as exc:  # the other entries are still read
                    if not entry.text:
                        yield ReadError(where, describe(exc))
                        continue
                    if self.on_fallback is not None:
                        self.on_fallback(where, describe(exc))
            if not entry.text:
                yield ReadError(where, "feed entry has no text and no link")
                continue
            yield Article(
                id=article_id, text=entry.text, title=entry.title,
                date=entry.date or self.date, url=entry.link, origin=where,
            )


def describe(exc: Exception) -> str:
    """A one-line reason: ours as written, a library's failure with its type."""
    if isinstance(exc, DocumentError):
        return str(exc)
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    first_line = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__


def _check_language(article: Article, languages: Collection[str] | None) -> ReadError | None:
    detected = identify_language(article.text)
    if detected is not None:
        article.language = detected
    elif not article.language:
        article.language = "en"
    if languages is None or detected is None or detected in languages:
        return None
    wanted = " or ".join(LANGUAGE_NAMES.get(code, code) for code in languages)
    return ReadError(
        article.origin or article.id, f"language is {detected!r}, not {wanted}", kind="language"
    )


def read_articles(
    sources: Iterable[str],
    date: str | None = None,
    *,
    languages: Collection[str] | None = ("en",),
    deduplicator: Deduplicator | None = None,
    dedupe: bool = True,
    duplicates: Literal["skip", "mark"] = "skip",
    report: IngestReport | None = None,
    fetcher: Fetcher | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
    progress: bool | None = None,
    known: Collection[str] = frozenset(),
    on_fallback: FallbackHandler | None = None,
) -> Iterator[Result]:
    """Read each source into articles, never stopping on a bad one.

    ``languages``: articles identified as another language are skipped (``None`` keeps all).
    ``deduplicator``: seeded with what is already stored (a fresh one per call by default;
    ``dedupe=False`` turns it off). A duplicate is skipped, or with ``duplicates="mark"``
    yielded with ``duplicate_of`` set to its original's id. ``report`` counts what was read
    and skipped; ``progress`` shows a bar on stderr (default: when stderr is a terminal).
    ``known`` and ``on_fallback``: feed entries already held, and entries read from their own
    text because their page failed (see ``Reader``).
    """
    if dedupe and deduplicator is None:
        deduplicator = Deduplicator()
    reader = Reader(date=date, max_bytes=max_bytes, fetcher=fetcher, known=known,
                    on_fallback=on_fallback)
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(desc="reading", unit=" docs", file=sys.stderr, disable=not show, leave=False)
    try:
        for item in reader.read(sources):
            if isinstance(item, Article):
                item = _check_language(item, languages) or item
            if isinstance(item, Article) and dedupe and deduplicator is not None:
                original = deduplicator.check(item)
                if original is not None and duplicates == "skip":
                    item = ReadError(
                        item.origin or item.id, f"duplicate of {original}", kind="duplicate"
                    )
                elif original is not None:
                    item.duplicate_of = original
            if report is not None:
                report.record(item)
            bar.update(1)
            yield item
    finally:
        bar.close()
        if fetcher is None and reader.fetcher is not None:
            reader.fetcher.close()
