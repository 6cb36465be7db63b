"""Throughput of the full pipeline (read -> code -> store) against spaCy's own ``nlp.pipe``.

For each process count P (default 1 and 2) the same run times, over the same articles:
- the baseline: spaCy's ``nlp.pipe`` with the same model and ``n_process=P`` over the coded texts;
- eventwire: ``ingest_articles`` with ``ParallelCoder(P)`` into a fresh DuckDB store (reading the
  JSONL included, pre-filter as configured: ``EVENTWIRE_PREFILTER=0`` turns it off).
It prints articles/s, tokens/s, events/s, peak memory per worker, the ratio to the baseline and the
speed-up of P processes over one. Other programs on the machine skew the wall-clock figures; the
load average is printed at start and end so a noisy run shows, and the CPU seconds of all
processes are printed too (less sensitive to load).

Usage: python bench/bench_throughput.py ../shared/corpora/world_news_2016_17.jsonl
           [--articles 300 | --articles 0 (all)] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from eventwire.nlp import coded_text, load_nlp
from eventwire.nlp.prefilter import prefilter_enabled
from eventwire.pipeline import code_articles, iter_articles
from eventwire.scale.local import ParallelCoder, peak_rss_bytes
from eventwire.store.ingest import ingest_articles

MIB = 1024 * 1024


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (pool workers once joined)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def spacy_baseline(texts: list[str], processes: int) -> tuple[float, int]:
    """Seconds for ``nlp.pipe`` over the texts, and the number of tokens."""
    nlp = load_nlp()
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32, n_process=processes))
    return time.perf_counter() - started, tokens


def eventwire_run(corpus: str, limit: int | None, processes: int, db: Path
                  ) -> tuple[float, int, int, dict[int, int]]:
    """Seconds to read, code and store; articles stored; event mentions; peak RSS per worker."""
    coder = ParallelCoder(workers=processes)
    started = time.perf_counter()
    articles = islice(iter_articles([corpus]), limit)
    report = ingest_articles(articles, db, coder=coder, progress=False, min_confidence=0.0)
    return time.perf_counter() - started, report.stored, report.mentions, coder.peak_rss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="../shared/corpora/world_news_2016_17.jsonl")
    parser.add_argument("--articles", type=int, default=300, help="how many (0: all)")
    parser.add_argument("--workers", default="1,2", help="process counts to measure")
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        print(f"bench: {args.corpus} is absent (shared data not beside this checkout)")
        return 0
    limit = args.articles or None
    articles = list(islice(iter_articles([args.corpus]), limit))
    texts = [coded_text(article)[0] for article in articles]
    # Load every model and dictionary here first, by coding one article: forked workers inherit
    # them, and neither side's timing includes loading.
    list(code_articles(articles[:1]))
    print(f"bench: {len(texts)} articles, pre-filter {'on' if prefilter_enabled() else 'off'}, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    speeds: dict[int, float] = {}
    for processes in (int(p) for p in args.workers.split(",")):
        cpu = cpu_seconds()
        baseline_s, tokens = spacy_baseline(texts, processes)
        baseline_cpu, cpu = cpu_seconds() - cpu, cpu_seconds()
        with tempfile.TemporaryDirectory() as folder:
            seconds, stored, events, peaks = eventwire_run(
                args.corpus, limit, processes, Path(folder) / "bench.duckdb")
        ours_cpu = cpu_seconds() - cpu
        peak = max(peaks.values(), default=peak_rss_bytes()) / MIB
        speeds[processes] = stored / seconds
        print(f"{processes} process(es): eventwire {stored / seconds:.2f} articles/s, "
              f"{tokens / seconds:.0f} tokens/s, {events / seconds:.1f} events/s, "
              f"peak memory per worker {peak:.0f} MiB | spaCy nlp.pipe "
              f"{len(texts) / baseline_s:.2f} articles/s, {tokens / baseline_s:.0f} tokens/s | "
              f"ratio eventwire/spaCy {baseline_s / seconds:.2f}x "
              f"({seconds:.1f} s vs {baseline_s:.1f} s wall; "
              f"{ours_cpu:.1f} s vs {baseline_cpu:.1f} s CPU, all processes)")
    if 1 in speeds:
        for processes, speed in speeds.items():
            if processes != 1:
                print(f"speed-up {processes} processes / 1: {speed / speeds[1]:.2f}x")
    print(f"bench: load average at end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
