"""Readers for each input kind. A reader never raises for a bad document: it yields ReadError."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import trafilatura

from eventwire.ingest.clean import clean_plain_text
from eventwire.records import Article, ReadError

Result = Article | ReadError


def _doc_id(name: str, text: str) -> str:
    stem = Path(name).stem if name != "-" else "stdin"
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return stem if name != "-" else f"{stem}-{digest}"


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise ValueError("empty document")
    if b"\x00" in data[:4096]:
        raise ValueError("binary content, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 text ({exc.reason} at byte {exc.start})") from exc


def read_text(name: str, text: str, date: str | None) -> Article:
    cleaned = clean_plain_text(text)
    return Article(
        id=_doc_id(name, text),
        text=cleaned.text,
        title=cleaned.title,
        date=date,
        source=cleaned.source,
        origin=name,
    )


def read_html(name: str, html: str, date: str | None) -> Article:
    extracted = trafilatura.bare_extraction(html, with_metadata=True, as_dict=True)
    if not extracted or not (extracted.get("text") or "").strip():
        raise ValueError("no main text found in the HTML page")
    return Article(
        id=_doc_id(name, html),
        text=extracted["text"],
        title=extracted.get("title"),
        date=extracted.get("date") or date,
        url=extracted.get("url"),
        source=extracted.get("sitename"),
        origin=name,
    )


def read_jsonl(name: str, data: str, date: str | None) -> Iterator[Result]:
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"malformed JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ReadError(where, 'JSON line has no "text" string')
            continue
        yield Article(
            id=str(record.get("id") or f"{Path(name).stem}-{number}"),
            text=record["text"],
            title=record.get("title"),
            date=record.get("date") or date,
            url=record.get("url"),
            source=record.get("source"),
            origin=where,
        )


def read_articles(sources: Iterable[str], date: str | None = None) -> Iterator[Result]:
    """Read each source (a path, or ``-`` for stdin) into articles, never stopping on a bad one."""
    for name in sources:
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
            else:
                data = Path(name).read_bytes()
            text = _decode(data, name)
            suffix = Path(name).suffix.lower()
            if suffix == ".jsonl":
                yield from read_jsonl(name, text, date)
            elif suffix in (".html", ".htm"):
                yield read_html(name, text, date)
            else:
                yield read_text(name, text, date)
        except (OSError, ValueError) as exc:
            yield ReadError(name, str(exc))
