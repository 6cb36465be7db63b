"""Store stage: the DuckDB event store, cross-article merging, exports and feed watching.

Public surface:
- ``ingest_articles(articles, db_path, coder, batch_size=50)``: code with ``coder`` (e.g.
  ``eventwire.pipeline.code_articles``) and store, idempotent and resumable; returns a
  ``StoreReport``. The store never imports the pipeline: its callers hand it the coder.
- ``export(con, fmt, table, out)``: GDELT 2.0 / CSV / Parquet / PLOVER-style JSONL.
- ``watch(feeds, db_path, every_seconds, coder)``: poll feeds into the store.
- ``writing(db_path)`` / ``open_reader(db_path)``: connections that share the file with others.
"""

from eventwire.store.connection import open_reader, writing
from eventwire.store.export import export
from eventwire.store.ingest import StoreReport, ingest_articles
from eventwire.store.watch import watch

__all__ = ["StoreReport", "export", "ingest_articles", "open_reader", "watch", "writing"]
