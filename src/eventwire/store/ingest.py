"""Code articles and store them in batches: idempotent, and resumable after a crash or Ctrl-C.

An article already stored (same id, or same title and text under another id) is skipped before it
is coded, so a second run over the same input costs little and changes nothing. Each batch of
articles is written in one transaction with all its mentions, so a kill loses at most the batch
being coded, and the next run picks up from there.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from tqdm import tqdm

from eventwire.events.calibration import default_min_confidence
from eventwire.records import Article, Event
from eventwire.store.connection import open_reader, writing
from eventwire.store.merge import arrow_tables, write_batch
from eventwire.store.rows import coded_article_rows, content_hash

# What codes the articles, handed in by the caller (``pipeline.code_articles``, or a pool or a
# cluster of them from ``eventwire.scale``): the store sits below the pipeline and imports none.
Coder = Callable[[Iterable[Article]], Iterator[tuple[Article, list[Event]]]]

DEFAULT_BATCH_SIZE = 50

T = TypeVar("T")


@dataclass
class StoreReport:
    """What a run did to the store: articles read, skipped as already stored, stored, and the
    mentions and events they brought (``ingest.IngestReport`` counts what reading skipped)."""

    read: int = 0
    already_stored: int = 0
    stored: int = 0
    mentions: int = 0
    new_events: int = 0
    merged_into_stored: int = 0
    batches: int = 0

    def summary(self) -> str:
        return (
            f"{self.read} articles read, {self.already_stored} already stored, "
            f"{self.stored} stored with {self.mentions} event mentions "
            f"({self.new_events} new events, {self.merged_into_stored} mentions merged into "
            f"stored events) in {self.batches} batches"
        )


@dataclass
class StoredKeys:
    """What the store already holds: article ids and content hashes, and the next ``seq``."""

    ids: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)
    next_seq: int = 0

    def knows(self, article: Article) -> bool:
        return article.id in self.ids or content_hash(article) in self.hashes

    def add(self, article: Article) -> None:
        self.ids.add(article.id)
        self.hashes.add(content_hash(article))


def stored_keys(db_path: str | Path) -> StoredKeys:
    if not Path(db_path).exists():
        return StoredKeys()
    con = open_reader(db_path)
    try:
        tables = {row[0] for row in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        if "articles" not in tables:
            return StoredKeys()
        keys = StoredKeys()
        for article_id, digest in con.execute(
                "SELECT article_id, content_hash FROM articles").fetchall():
            keys.ids.add(article_id)
            keys.hashes.add(digest)
        keys.next_seq = int(
            con.execute("SELECT coalesce(max(seq) + 1, 0) FROM articles").fetchall()[0][0])
        return keys
    finally:
        con.close()


def new_articles(articles: Iterable[Article], keys: StoredKeys,
                 report: StoreReport) -> Iterator[Article]:
    """The articles not stored yet (nor seen earlier in this run)."""
    for article in articles:
        report.read += 1
        if keys.knows(article):
            report.already_stored += 1
            continue
        keys.add(article)
        yield article


def store_batch(db_path: str | Path, batch: list[tuple[Article, list[Event]]], first_seq: int,
                report: StoreReport) -> None:
    article_rows, mention_rows = [], []
    for offset, (article, events) in enumerate(batch):
        row, mentions = coded_article_rows(article, first_seq + offset, events)
        article_rows.append(row)
        mention_rows.extend(mentions)
    write_rows(db_path, article_rows, mention_rows, report)


def write_rows(db_path: str | Path, article_rows: list[dict], mention_rows: list[dict],
               report: StoreReport) -> None:
    """Write one batch of article and mention rows in one transaction and count it."""
    with writing(db_path) as con:
        counts = write_batch(con, *arrow_tables(article_rows, mention_rows))
    report.batches += 1
    report.stored += counts["articles"]
    report.mentions += counts["mentions"]
    report.new_events += counts["new_events"]
    report.merged_into_stored += counts["merged_into_stored"]


def ingest_articles(
    articles: Iterable[Article],
    db_path: str | Path,
    coder: Coder,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool | None = None,
    min_confidence: float | None = None,
) -> StoreReport:
    """Code the articles not yet stored with ``coder`` and write them batch by batch.

    ``progress``: show a progress bar on stderr (None: only when stderr is a terminal).
    ``min_confidence``: events below it are not stored; None: the calibrated default
    (``events.calibration.default_min_confidence()``, as ``eventwire code`` and ``ingest``).
    Parallel and Dask coding are coders too (``eventwire.scale``).
    """
    threshold = default_min_confidence() if min_confidence is None else min_confidence
    report = StoreReport()
    keys = stored_keys(db_path)
    pending = list(new_articles(articles, keys, report))
    coded = ((article, [e for e in events if (e.confidence or 0.0) >= threshold])
             for article, events in coder(pending))
    write_in_batches(coded, len(pending), keys.next_seq, batch_size, progress, report,
                     lambda batch, seq: store_batch(db_path, batch, seq, report))
    return report


def write_in_batches(items: Iterable[T], total: int, first_seq: int, batch_size: int,
                     progress: bool | None, report: StoreReport,
                     write: Callable[[list[T], int], None]) -> None:
    """Group items (one per article, in input order) into batches and ``write`` each with the
    ``seq`` of its first article, under a progress bar on stderr (None: only on a terminal)."""
    bar = tqdm(total=total, unit="article", desc="ingest", file=sys.stderr,
               disable=(not sys.stderr.isatty()) if progress is None else not progress)
    batch: list[T] = []
    try:
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                write(batch, first_seq)
                first_seq += len(batch)
                bar.update(len(batch))
                bar.set_postfix(events=report.new_events)
                batch = []
        if batch:
            write(batch, first_seq)
            bar.update(len(batch))
    finally:
        bar.close()
