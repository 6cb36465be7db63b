"""The ``--workers`` and ``--cluster`` options of ``eventwire ingest`` (registered by cli/store.py)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from pathlib import Path

from eventwire.records import Article
from eventwire.store.ingest import StoreReport, ingest_articles


def add_scale_arguments(parser: argparse.ArgumentParser,
                        positive_int: Callable[[str], int]) -> None:
    parser.add_argument("--workers", type=positive_int, default=None,
                        help="worker processes on this machine (default: all cores)")
    parser.add_argument("--cluster", metavar="tcp://HOST:8786", default=None,
                        help="code on this Dask scheduler; workers write Parquet shards that "
                             "this process merges into the store")
    parser.add_argument("--shard-dir", default=None,
                        help="with --cluster: a folder workers and this process share "
                             "(default: a temporary folder beside the database)")


def scaled_ingest(articles: Iterable[Article], db_path: str | Path, args: argparse.Namespace,
                  batch_size: int, progress: bool | None) -> StoreReport:
    """Ingest on the cluster, or on ``--workers`` local processes."""
    if args.cluster:
        from eventwire.scale.cluster import ingest_on_cluster

        return ingest_on_cluster(articles, db_path, args.cluster, batch_size=batch_size,
                                 shard_dir=args.shard_dir, progress=progress,
                                 min_confidence=args.min_confidence)
    from eventwire.scale.local import ParallelCoder, default_workers

    coder = ParallelCoder(workers=args.workers or default_workers())
    return ingest_articles(articles, db_path, coder=coder, batch_size=batch_size,
                           progress=progress, min_confidence=args.min_confidence)
