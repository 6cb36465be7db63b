"""Score the cross-article merge rule on hand-labelled pairs of mentions (``data/merge_gold.tsv``).

Each gold mention is a sentence of ``../shared/corpora/world_news_2016_17.jsonl`` (by offsets) with
a hand coding. The mentions are stored, as Events, through the real ingest path into a scratch
DuckDB store; two mentions are predicted "same event" when the store merged them into one event.
Precision and recall are over the labelled pairs ("same" is the positive class).

    python -m eventwire.evaluate.merge [CORPUS.jsonl]
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import duckdb

from eventwire.evaluate.synthetic import make_event, replaying_coder
from eventwire.records import Article, Event, Location
from eventwire.store.ingest import ingest_articles

DEFAULT_CORPUS = Path("..") / "shared" / "corpora" / "world_news_2016_17.jsonl"


@dataclass(frozen=True)
class GoldMention:
    id: str
    doc_id: str
    start: int
    end: int
    cameo: str
    source: str | None
    target: str | None
    date: str | None
    place: str | None


@dataclass(frozen=True)
class GoldPair:
    first: str
    second: str
    same: bool
    why: str


@lru_cache(maxsize=1)
def merge_gold() -> tuple[dict[str, GoldMention], list[GoldPair]]:
    path = resources.files("eventwire.evaluate") / "data" / "merge_gold.tsv"
    mentions: dict[str, GoldMention] = {}
    pairs: list[GoldPair] = []
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows)  # header
        for row in rows:
            if row[0] == "mention":
                _, ident, doc, start, end, cameo, source, target, day, place = row
                mentions[ident] = GoldMention(ident, doc, int(start), int(end), cameo,
                                              source or None, target or None, day or None,
                                              place or None)
            elif row[0] == "pair":
                pairs.append(GoldPair(row[1], row[2], row[3] == "same", row[4]))
    return mentions, pairs


def gold_articles(corpus: Path) -> list[tuple[Article, list[Event]]]:
    """The corpus articles that hold gold mentions, each with its hand-coded events."""
    mentions, _ = merge_gold()
    wanted = {m.doc_id for m in mentions.values()}
    records = {}
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                records[record["id"]] = record
    coded = []
    for doc_id in sorted(wanted):
        record = records[doc_id]
        article = Article(id=doc_id, text=record["text"], title=record.get("title"),
                          date=record.get("date"), url=record.get("url"),
                          source=urlparse(record.get("url") or "").hostname)
        events = []
        for index, mention in enumerate(m for m in mentions.values() if m.doc_id == doc_id):
            sentence = record["text"][mention.start:mention.end].strip()
            place = Location(mention.place, None, None, None) if mention.place else None
            event = make_event(doc_id, index, sentence, mention.cameo, mention.source,
                               mention.target, mention.date, place)
            event.event_id = mention.id  # so the store's mentions can be traced back
            events.append(event)
        coded.append((article, events))
    return coded


def evaluate(corpus: Path = DEFAULT_CORPUS) -> dict[str, object]:
    coded = gold_articles(corpus)
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "merge.duckdb"
        ingest_articles([a for a, _ in coded], db, coder=replaying_coder(coded), progress=False,
                        min_confidence=0.0)
        con = duckdb.connect(str(db), read_only=True)
        event_of = dict(con.execute("SELECT coded_event_id, event_id FROM mentions").fetchall())
        con.close()
    _, pairs = merge_gold()
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    errors = []
    for pair in pairs:
        merged = event_of[pair.first] == event_of[pair.second]
        key = ("t" if merged == pair.same else "f") + ("p" if merged else "n")
        counts[key] += 1
        if merged != pair.same:
            errors.append(f"{pair.first}-{pair.second}: gold {'same' if pair.same else 'different'}"
                          f", merged={merged} ({pair.why})")
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs": len(pairs), **counts, "precision": precision, "recall": recall, "f1": f1,
            "errors": errors}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    if not corpus.exists():
        print(f"merge evaluation skipped: {corpus} is absent", file=sys.stderr)
        return 0
    result = evaluate(corpus)
    print(f"merge rule on {result['pairs']} labelled pairs: precision {result['precision']:.3f}, "
          f"recall {result['recall']:.3f}, F1 {result['f1']:.3f} (tp {result['tp']}, "
          f"fp {result['fp']}, fn {result['fn']}, tn {result['tn']})")
    for error in result["errors"]:
        print(f"  {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
