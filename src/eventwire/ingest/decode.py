"""Bytes to text: charset handling, binary detection, transparent gzip, a size cap."""

from __future__ import annotations

import codecs
import re
import zlib

from charset_normalizer import from_bytes

GZIP_MAGIC = b"\x1f\x8b"
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
# Control characters that never occur in text (tab, newlines, form feed and escape excepted).
CONTROL = bytes(range(0, 9)) + bytes(range(14, 27)) + bytes(range(28, 32))
# Non-ASCII characters besides letters that a text in a Western single-byte charset often holds.
TYPOGRAPHY = frozenset(
    "\u00a0\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u00b7\u20ac\u00a3"
    "\u00b0\u00a9\u00ae\u2122\u00a7\u00ab\u00bb\u00bf\u00a1\u00b4")


class DocumentError(ValueError):
    """A document that cannot be read; the message says why, in a few words."""


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing truncated streams and output over ``max_bytes``."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        output = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise DocumentError(f"corrupt gzip data ({exc})") from exc
    if len(output) > max_bytes:
        raise DocumentError(f"decompressed size over the {megabytes(max_bytes)} size cap")
    if not inflater.eof:
        raise DocumentError("truncated gzip data (the stream ends early)")
    return output


def maybe_gunzip(data: bytes, max_bytes: int) -> bytes:
    return gunzip(data, max_bytes) if data[:2] == GZIP_MAGIC else data


def check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise DocumentError(f"{megabytes(size)}, over the {megabytes(max_bytes)} size cap")


def looks_binary(data: bytes) -> bool:
    """Bytes that are not text: NULs (outside UTF-16) or many control characters."""
    sample = data[:8192]
    if any(sample.startswith(bom) for bom, _ in BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([byte])) for byte in CONTROL)
    return controls > max(8, len(sample) // 100)


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode document bytes to text, whatever the declared charset says (``decode_checked``)."""
    return decode_checked(data, declared)[0]


def decode_checked(data: bytes, declared: str | None = None) -> tuple[str, str | None]:
    """Decode document bytes to text, with a note when no charset decoded them cleanly.

    UTF-8 is tried first because a strict UTF-8 decode that succeeds is almost never wrong, while
    declared charsets often are (pages in UTF-8 declaring ISO-8859-1). Then the declared charset
    (HTTP header, then the page's meta tag), then a statistical guess: the text is still coded,
    and when that (or a UTF-16 byte-order mark) does not give clean Western text
    (``reads_cleanly``: invalid UTF-8 decoded by a guess reads ``˙ţĂ(``) the note says it may be
    garbled; the text is still coded.
    """
    if not data.strip():
        raise DocumentError("empty document")
    if looks_binary(data):
        raise DocumentError("binary content, not text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _noted(data.decode(encoding, errors="replace"), encoding)
    candidates = ["utf-8"]
    if declared:
        candidates.append(declared)
    meta = META_CHARSET.search(data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    for encoding in candidates:
        try:
            return data.decode(encoding), None
        except (UnicodeDecodeError, LookupError):
            continue
    guess = from_bytes(data[:200_000]).best()
    if guess is None or guess.encoding is None:
        raise DocumentError("undecodable text (no charset fits)")
    return _noted(data.decode(guess.encoding, errors="replace"), guess.encoding)


def _noted(text: str, encoding: str) -> tuple[str, str | None]:
    if reads_cleanly(text):
        return text, None
    return text, (f"not valid UTF-8 and no charset decodes it cleanly; read as {encoding} "
                  "(the text may be garbled)")


def reads_cleanly(text: str) -> bool:
    """Whether a guessed decoding reads as Western text: besides ASCII, only the accented letters
    of Latin-1 (never a capital right after a small letter, as in the ``cafÃ(`` of broken UTF-8)
    and common typography. Central European and other letters come from guesses gone wrong
    (``Cafķ`` for ``Café``) far more often than from such a text without a declared charset."""
    previous = " "
    for char in text[:200_000]:
        if not char.isascii() and char not in TYPOGRAPHY:
            if not ("\u00c0" <= char <= "\u00ff" and char.isalpha()):
                return False
            if char.isupper() and previous.islower():
                return False
        previous = char
    return True
