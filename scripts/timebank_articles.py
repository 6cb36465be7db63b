"""Write the TimeBank 1.2 news documents as JSON Lines articles that `eventwire ingest` reads.

TimeBank (``../shared/gold/timebank_docs.jsonl``) holds 183 wire and newspaper stories of 1989-98,
each with its creation date. They were only ever used to score time expressions, never to write
event rules, so they make a fresh real-news audit with publication dates. The text is read from
``../shared`` at run time and written to stdout; nothing is copied into the repository.

    python scripts/timebank_articles.py ../shared/gold/timebank_docs.jsonl | eventwire ingest - --db X
"""

from __future__ import annotations

import json
import sys


def main(path: str) -> None:
    with open(path, encoding="utf-8") as source:
        for line in source:
            doc = json.loads(line)
            article = {"id": doc["doc"].removesuffix(".tml"), "date": doc["dct"],
                       "title": doc.get("title") or "", "text": doc["text"]}
            sys.stdout.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
