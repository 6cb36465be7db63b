"""Ingest stage: read documents of any supported kind and yield clean ``Article`` records.

Public surface:
- ``read_articles(sources, date=None)`` yields ``Article`` or ``ReadError`` for each document.
"""

from eventwire.ingest.readers import read_articles

__all__ = ["read_articles"]
