"""All cores of one machine: articles coded in chunks by a pool of worker processes.

Each worker loads spaCy, the actor dictionaries, the pattern book and the gazetteer once (on its
first chunk, through the stages' ``lru_cache`` loaders) and codes whole chunks with batched
``nlp.pipe``. Chunks come back in input order, so the store sees exactly the sequence a single
process gives, and assigns the same ids.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from eventwire.records import Article, Event

CHUNK_SIZE = 8  # articles per task: big enough for nlp.pipe batches, small enough to balance

Coded = list[tuple[Article, list[Event]]]


def default_workers() -> int:
    """All the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def peak_rss_bytes() -> int:
    """This process's peak resident memory so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while chunk := list(islice(iterator, size)):
        yield chunk


def code_chunk(chunk: list[Article], prefilter: bool | None = None) -> tuple[int, int, Coded]:
    """Code one chunk in this process; returns (pid, peak memory in bytes, coded articles)."""
    from eventwire.pipeline import code_articles  # loads spaCy in the worker, once

    coded = list(code_articles(chunk, prefilter=prefilter))
    return os.getpid(), peak_rss_bytes(), coded


def _code_chunk_task(task: tuple[list[Article], bool | None]) -> tuple[int, int, Coded]:
    return code_chunk(*task)


@dataclass
class ParallelCoder:
    """A coder (``Iterable[Article] -> Iterator[(Article, events)]``) on ``workers`` processes.

    ``peak_rss`` records each worker's peak memory (bytes, by pid) for the benchmark.
    """

    workers: int = field(default_factory=default_workers)
    chunk_size: int = CHUNK_SIZE
    prefilter: bool | None = None
    peak_rss: dict[int, int] = field(default_factory=dict)

    def __call__(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        tasks = ((chunk, self.prefilter) for chunk in chunks(articles, self.chunk_size))
        if self.workers <= 1:
            results: Iterator[tuple[int, int, Coded]] = map(_code_chunk_task, tasks)
            yield from self._collect(results)
            return
        # fork: workers start in milliseconds; the parent has not loaded spaCy, so nothing
        # heavy is copied. Elsewhere the platform default (spawn) works the same, only slower.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        with multiprocessing.get_context(method).Pool(self.workers) as pool:
            yield from self._collect(pool.imap(_code_chunk_task, tasks))

    def _collect(self, results: Iterator[tuple[int, int, Coded]]
                 ) -> Iterator[tuple[Article, list[Event]]]:
        for pid, peak, coded in results:
            self.peak_rss[pid] = max(peak, self.peak_rss.get(pid, 0))
            yield from coded
