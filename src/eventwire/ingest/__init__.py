"""Ingest stage: read documents of any supported kind and yield clean ``Article`` records.

Public surface:
- ``read_articles(sources, date=None, **options)`` yields ``Article`` or ``ReadError`` for each
  document (paths, folders, globs, URLs, feeds, WARC archives, JSON Lines, stdin).
- ``IngestReport`` counts what a run read and skipped (``summary()`` is the closing line).
- ``Deduplicator`` finds exact and near-duplicate articles; seed it with stored signatures.
- ``Fetcher`` is the polite HTTP client used for URLs and feeds.
"""

from eventwire.ingest.dedup import Deduplicator
from eventwire.ingest.fetch import Fetcher
from eventwire.ingest.readers import read_articles
from eventwire.ingest.report import IngestReport

__all__ = ["Deduplicator", "Fetcher", "IngestReport", "read_articles"]
