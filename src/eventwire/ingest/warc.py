"""WARC archives (.warc, .warc.gz): response and resource records holding web pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.ingest.decode import DocumentError, check_size

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


class WarcPage:
    """One page from a WARC record, before extraction."""

    def __init__(
        self, record_id: str, url: str | None, date: str | None, content: bytes,
        content_type: str, charset: str | None, is_response: bool,
    ) -> None:
        self.record_id = record_id
        self.url = url
        self.date = date  # WARC-Date (when the page was captured), ISO YYYY-MM-DD
        self.content = content
        self.content_type = content_type
        self.charset = charset
        self.is_response = is_response


def record_uuid(record_id: str) -> str:
    """``<urn:uuid:1234-…>`` -> ``1234-…`` (the id the page gets as an Article)."""
    return record_id.strip("<>").removeprefix("urn:uuid:")


def _content_type(value: str | None) -> tuple[str, str | None]:
    if not value:
        return "", None
    kind, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.lower() == "charset" and val:
            charset = val.strip("\"' ")
    return kind.strip().lower(), charset


def iter_warc_pages(
    stream: BinaryIO, name: str, max_bytes: int
) -> Iterator[WarcPage | tuple[str, DocumentError]]:
    """Yield each page record, or (where, error) for a record that cannot be used.

    A record whose framing is corrupt ends the file (the rest cannot be found reliably); the
    error names the record number so the user can see how far the archive was read.
    """
    number = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            number += 1
            record_id = record.rec_headers.get_header("WARC-Record-ID") or f"{name}#{number}"
            where = f"{name}#{record_uuid(record_id)}"
            is_response = record.rec_type == "response"
            if is_response and record.http_headers is not None:
                status = record.http_headers.get_statuscode()
                if status and not status.startswith("2"):
                    continue  # redirects and errors carry no article
                header = record.http_headers.get_header("Content-Type")
            else:
                header = record.rec_headers.get_header("Content-Type")
            content_type, charset = _content_type(header)
            if content_type not in PAGE_TYPES:
                continue  # images, scripts, style sheets
            try:
                length = int(record.rec_headers.get_header("Content-Length") or 0)
                check_size(length, max_bytes)
                content = record.content_stream().read(max_bytes + 1)
                check_size(len(content), max_bytes)
                if getattr(record.raw_stream, "limit", 0) > 0:
                    # The archive ended before the record's declared length.
                    raise DocumentError("corrupt WARC record: truncated before its end")
            except DocumentError as exc:
                yield where, exc
                continue
            date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            yield WarcPage(
                record_uuid(record_id), record.rec_headers.get_header("WARC-Target-URI"), date,
                content, content_type, charset, is_response,
            )
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield f"{name} (after record {number})", DocumentError(f"corrupt WARC data: {reason}")
