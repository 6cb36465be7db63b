"""Cost of event coding relative to the spaCy parse alone (issue 5: at most +25%).

Parses the first N articles of a corpus (timed), then runs the event coder on each parsed
article (timed) with the actors the actors stage found (resolved beforehand, not timed: they
are that stage's cost). Prints both times and their ratio.

Usage: python bench/coding_overhead.py ../shared/corpora/world_news_2016_17.jsonl [N]
"""

from __future__ import annotations

import json
import sys
import time
from itertools import islice

from eventwire.actors import ActorResolver
from eventwire.events import EventCoder
from eventwire.nlp import parse_articles
from eventwire.records import Article


def main(corpus: str, limit: int) -> int:
    with open(corpus, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in islice(handle, limit)]
    articles = [Article(id=str(r["id"]), text=r["text"], date=r.get("date")) for r in rows]
    started = time.perf_counter()
    parsed = list(parse_articles(articles))
    parse_seconds = time.perf_counter() - started
    resolver, coder = ActorResolver.default(), EventCoder.default()
    annotated = [(p, resolver.annotate(p)) for p in parsed]
    started = time.perf_counter()
    events = sum(len(coder.code(p, actors)) for p, actors in annotated)
    code_seconds = time.perf_counter() - started
    print(f"{len(parsed)} articles, {events} events: parse {parse_seconds:.2f} s, "
          f"coding {code_seconds:.2f} s, coding/parse = {code_seconds / parse_seconds:.1%}")
    return 0


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/world_news_2016_17.jsonl"
    sys.exit(main(path, int(sys.argv[2]) if len(sys.argv) > 2 else 200))
