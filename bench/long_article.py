"""Coding one long article: time grows with its length, not faster (issue 15, D1).

Joins the texts of a corpus into one article of N characters and of 2N, codes each through the
whole pipeline (``pipeline.code_articles``, as ``eventwire code`` does) in this process, and
prints both times, their ratio (2.0 = linear; it was 2.6 at 250k -> 500k before the time
stage stopped rebuilding the article's text for every sentence) and the process's peak memory.
2026-12-07: 1M -> 2M characters 30.6 s -> 53.7 s (ratio 1.76), peak 624 MiB; before the actor
and place stages stopped reading the whole article per phrase and per name, the actor pass alone
took 50 s at 1M and 284 s at 2M.

Usage: python bench/long_article.py ../shared/corpora/world_news_2016_17.jsonl [N]
(default N 250000; N 4500000 codes a 9 MB article in the second run)
"""

from __future__ import annotations

import json
import resource
import sys
import time

from eventwire.pipeline import code_articles
from eventwire.records import Article


def long_text(corpus: str, size: int) -> str:
    texts, total = [], 0
    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text") or ""
            texts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(texts)[:size]


def coding_seconds(text: str) -> tuple[float, int]:
    article = Article(id=f"long-{len(text)}", text=text, date="2017-03-15")
    started = time.perf_counter()
    events = sum(len(found) for _, found in code_articles([article]))
    return time.perf_counter() - started, events


def main(corpus: str, size: int) -> int:
    coding_seconds(long_text(corpus, 2_000))  # load the models outside the timed runs
    short_seconds, short_events = coding_seconds(long_text(corpus, size))
    long_seconds, long_events = coding_seconds(long_text(corpus, 2 * size))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{size:,} chars: {short_seconds:.1f} s, {short_events} events; {2 * size:,} chars: "
          f"{long_seconds:.1f} s, {long_events} events; ratio {long_seconds / short_seconds:.2f} "
          f"(2.00 = linear); peak memory {peak_mib:,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 250_000))
