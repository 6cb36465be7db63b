"""A Dask distributed cluster: shards coded by workers into Parquet, merged by the driver.

The driver reads the inputs and leaves out articles already stored (as a local run does), then
cuts the rest into shards of ``shard_size`` articles. Each worker codes a shard with the same
pipeline (models loaded once per worker process) and writes its rows as two Parquet files
(articles, mentions) in ``shard_dir``, which must be a folder every worker and the driver can
reach (local disk for a ``LocalCluster``, a shared file system for a real cluster). The driver
then reads the shards in input order and writes them in batches of ``batch_size`` articles with
the sequence numbers a local run gives, so the store's merging assigns the same event ids.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from eventwire.events.calibration import default_min_confidence
from eventwire.extras import require_extra
from eventwire.records import Article
from eventwire.scale.local import chunks, code_chunk
from eventwire.store.ingest import (
    DEFAULT_BATCH_SIZE,
    StoreReport,
    new_articles,
    stored_keys,
    write_in_batches,
    write_rows,
)
from eventwire.store.merge import arrow_tables
from eventwire.store.rows import coded_article_rows

SHARD_SIZE = 50
UNSET_SEQ = -1  # workers do not know the store's sequence numbers; the driver sets them


def code_shard(articles: list[Article], shard_path: str, prefilter: bool | None = None) -> str:
    """Worker side: code a shard and write ``<shard_path>.articles/.mentions.parquet``."""
    _, _, coded = code_chunk(articles, prefilter=prefilter)
    article_rows, mention_rows = [], []
    for article, events in coded:
        row, mentions = coded_article_rows(article, UNSET_SEQ, events)
        article_rows.append(row)
        mention_rows.extend(mentions)
    articles_table, mentions_table = arrow_tables(article_rows, mention_rows)
    pq.write_table(articles_table, f"{shard_path}.articles.parquet")
    pq.write_table(mentions_table, f"{shard_path}.mentions.parquet")
    return shard_path


def read_shard(shard_path: str) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Driver side: each article row of a shard with its mention rows, in coding order."""
    mentions: dict[str, list[dict[str, Any]]] = {}
    for row in pq.read_table(f"{shard_path}.mentions.parquet").to_pylist():
        mentions.setdefault(row["article_id"], []).append(row)
    for row in pq.read_table(f"{shard_path}.articles.parquet").to_pylist():
        yield row, mentions.get(row["article_id"], [])


def store_rows(db_path: str | Path, batch: list[tuple[dict[str, Any], list[dict[str, Any]]]],
               first_seq: int, report: StoreReport) -> None:
    """Write one batch of shard rows with the sequence numbers a local run would give."""
    article_rows, mention_rows = [], []
    for offset, (article, mentions) in enumerate(batch):
        article_rows.append({**article, "seq": first_seq + offset})
        mention_rows.extend({**mention, "seq": first_seq + offset} for mention in mentions)
    write_rows(db_path, article_rows, mention_rows, report)


def ingest_on_cluster(
    articles: Iterable[Article],
    db_path: str | Path,
    cluster: Any,
    batch_size: int = DEFAULT_BATCH_SIZE,
    shard_size: int = SHARD_SIZE,
    shard_dir: str | Path | None = None,
    prefilter: bool | None = None,
    progress: bool | None = None,
    min_confidence: float | None = None,
) -> StoreReport:
    """Code the articles not yet stored on a Dask cluster and merge them into the store.

    ``cluster``: a scheduler address (``tcp://HOST:8786``) or a Dask cluster object (a
    ``LocalCluster`` in tests). ``shard_dir``: where workers write Parquet shards (default: a
    temporary folder beside the database, removed afterwards). ``min_confidence``: mentions
    below it are not stored (mention ids do not depend on the others, so this equals filtering
    the events before storing, as a local run does); None: the calibrated default, as
    ``store.ingest.ingest_articles``.
    """
    require_extra("dask", "eventwire ingest --cluster")
    from dask.distributed import Client  # only when a cluster is asked for

    threshold = default_min_confidence() if min_confidence is None else min_confidence
    report = StoreReport()
    keys = stored_keys(db_path)
    shards = list(chunks(new_articles(articles, keys, report), shard_size))
    owned = shard_dir is None
    folder = Path(tempfile.mkdtemp(prefix=".eventwire-shards-", dir=Path(db_path).parent)
                  if owned else shard_dir)
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with Client(cluster) as client:
            futures = [
                client.submit(code_shard, shard, str(folder / f"shard-{number:06d}"), prefilter,
                              pure=False)
                for number, shard in enumerate(shards)
            ]
            # in input order, whatever order the workers finish in
            rows = ((article, [m for m in mentions if (m["confidence"] or 0.0) >= threshold])
                    for future in futures for article, mentions in read_shard(future.result()))
            write_in_batches(rows, sum(map(len, shards)), keys.next_seq, batch_size, progress,
                             report, lambda batch, seq: store_rows(db_path, batch, seq, report))
    finally:
        if owned:
            shutil.rmtree(folder, ignore_errors=True)
    return report
