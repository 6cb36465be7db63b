"""Cross-article event merging on ECB+ (``eventwire eval ecbplus ../shared/gold/ecbplus_dev``).

ECB+ (CC BY 3.0, see ../shared/gold/SOURCES.md) holds news documents grouped by topic; each topic
reports two similar real events (``N_Mecb.xml`` files one, ``N_Mecbplus.xml`` files the other,
months apart), and annotators linked the event mentions (``ACTION_*`` markables) that refer to the
same real event across documents (``CROSS_DOC_COREF`` / ``INTRA_DOC_COREF`` chains, named by an
instance id). Only the sentences listed in ``ECBplus_coreference_sentences.csv`` were annotated
for coreference: the evaluation keeps the action mentions of those sentences (one with no chain
there is an event of its own).

The evaluation codes every document with the real pipeline, aligns each coded event to the
annotated action mention its trigger overlaps, stores all coded events through the real ingest
path (so the store's merging decides) and scores, over aligned mentions in *different*
documents, pairwise precision/recall (a pair is positive when both mentions are in one gold chain)
and B-cubed. Dates: ``split`` gives the ``ecb`` documents of a topic one publication day and its
``ecbplus`` documents another, 200 days later (topics 61 days apart); ``one-day`` gives every
document the same day, so only places, actors and content can keep events apart.

Coding is slow (spaCy), so the coded events are cached per date mode in a JSON file (``--cache``),
and re-running with another merge rule only re-stores them.
"""

from __future__ import annotations

import csv
import json
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from eventwire.evaluate.split import half_of
from eventwire.records import Actor, Article, Event, Location

MODES = ("split", "one-day")
FIRST_DAY = date(2010, 1, 4)
ONE_DAY = date(2012, 6, 1)
# No space before these tokens, none after the opening ones, when the tokens are joined to text.
_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "'s", "n't", "'", "%", "'re",
                    "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$"}


@dataclass
class GoldMention:
    doc: str
    start: int          # character offsets in the rebuilt document text
    end: int
    chain: str          # the gold event (instance id), or a singleton id of its own


@dataclass
class Document:
    name: str           # e.g. 2_10ecbplus
    topic: str
    subtopic: str       # "ecb" or "ecbplus"
    text: str
    mentions: list[GoldMention]


def topic_dirs(root: Path) -> list[Path]:
    return sorted((p for p in root.iterdir() if p.is_dir() and p.name.isdigit()),
                  key=lambda p: int(p.name))


def coreference_sentences(root: Path) -> dict[str, set[int]]:
    """document name (e.g. 2_10ecbplus) -> the sentences annotators covered for coreference
    (``ECBplus_coreference_sentences.csv``); mentions elsewhere carry no chain and are left out."""
    covered: dict[str, set[int]] = defaultdict(set)
    with (root / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            covered[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return covered


def read_document(path: Path, covered: set[int] | None = None) -> Document:
    """One ECB+ file: the text rebuilt from its tokens (with each token's offsets) and its action
    mentions in the ``covered`` sentences (all when None), each with the chain it belongs to."""
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    parts: list[str] = []
    length = 0
    previous_sentence, previous = None, ""
    for token in root.iter("token"):
        word = token.text or ""
        sentence = token.get("sentence")
        if parts:
            if sentence != previous_sentence:
                separator = "\n"
            elif word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
                separator = ""
            else:
                separator = " "
            parts.append(separator)
            length += len(separator)
        offsets[token.get("t_id", "")] = (length, length + len(word))
        sentence_of[token.get("t_id", "")] = int(sentence or 0)
        parts.append(word)
        length += len(word)
        previous_sentence, previous = sentence, word
    name = path.stem
    chain_of: dict[str, str] = {}
    for relation in root.iter():
        if relation.tag in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            note = relation.get("note") or f"{name}:{relation.get('r_id')}"
            for source in relation.findall("source"):
                chain_of[source.get("m_id", "")] = note
    mentions = []
    markables = root.find("Markables")
    for markable in markables if markables is not None else []:
        if "ACTION" not in markable.tag:
            continue
        spans = [offsets[a.get("t_id", "")] for a in markable.findall("token_anchor")
                 if a.get("t_id") in offsets]
        if not spans:
            continue  # an instance markable (the chain's name), not a mention in the text
        first = markable.find("token_anchor")
        if covered is not None and sentence_of.get(first.get("t_id", "") if first is not None
                                                   else "") not in covered:
            continue
        m_id = markable.get("m_id", "")
        mentions.append(GoldMention(name, min(s for s, _ in spans), max(e for _, e in spans),
                                    chain_of.get(m_id, f"{name}:{m_id}")))
    topic, rest = name.split("_", 1)
    return Document(name, topic, "ecbplus" if rest.endswith("ecbplus") else "ecb",
                    "".join(parts), mentions)


def read_corpus(root: Path, half: str | None = None) -> list[Document]:
    docs = []
    covered = coreference_sentences(root)
    for folder in topic_dirs(root):
        if half in (None, "all") or half_of(folder.name) == half:
            docs.extend(read_document(p, covered.get(p.stem, set()))
                        for p in sorted(folder.glob("*.xml")))
    return docs


def publication_day(doc: Document, mode: str) -> str:
    if mode == "one-day":
        return ONE_DAY.isoformat()
    day = FIRST_DAY + timedelta(days=61 * int(doc.topic))
    if doc.subtopic == "ecbplus":
        day += timedelta(days=200)
    return day.isoformat()


def article_of(doc: Document, mode: str) -> Article:
    # Each document is its own source: ECB+ documents come from many outlets.
    return Article(id=doc.name, text=doc.text, title=None, date=publication_day(doc, mode),
                   url=f"https://ecbplus.example/{doc.name}", source=f"outlet-{doc.name}")


# --- coding, cached ------------------------------------------------------------------------

def _event_from_dict(record: dict[str, Any]) -> Event:
    def actor(value: dict[str, Any] | None) -> Actor | None:
        return Actor(**value) if value else None

    location = record.get("location")
    fields = dict(record)
    fields["source"] = actor(record.get("source"))
    fields["target"] = actor(record.get("target"))
    fields["reported_by"] = actor(record.get("reported_by"))
    fields["location"] = Location(**location) if location else None
    known = set(Event.__dataclass_fields__)
    return Event(**{k: v for k, v in fields.items() if k in known})


def coded_documents(docs: list[Document], mode: str, cache: Path | None,
                    coder: Any = None) -> dict[str, list[Event]]:
    """The coded events of each document (by name), coding only those not in ``cache``."""
    stored: dict[str, list[dict[str, Any]]] = {}
    if cache is not None and cache.exists():
        stored = json.loads(cache.read_text(encoding="utf-8")).get(mode, {})
    missing = [doc for doc in docs if doc.name not in stored]
    if missing:
        if coder is None:
            from eventwire.pipeline import code_articles as coder
        for article, events in coder(article_of(doc, mode) for doc in missing):
            stored[article.id] = [event.to_dict() for event in events]
        if cache is not None:
            everything = json.loads(cache.read_text(encoding="utf-8")) if cache.exists() else {}
            everything[mode] = {**everything.get(mode, {}), **stored}
            cache.write_text(json.dumps(everything), encoding="utf-8")
    return {doc.name: [_event_from_dict(r) for r in stored[doc.name]] for doc in docs}


# --- alignment and scoring ------------------------------------------------------------------

def trigger_span(doc: Document, event: Event) -> tuple[int, int] | None:
    """Where the event's trigger is in the document text."""
    sentence_start = doc.text.find(event.sentence) if event.sentence else -1
    span = (event.evidence or {}).get("spans", {}).get("trigger") if event.evidence else None
    if sentence_start >= 0 and isinstance(span, list | tuple) and len(span) == 2:
        return sentence_start + span[0], sentence_start + span[1]
    if sentence_start >= 0 and event.trigger:
        found = event.sentence.find(event.trigger)
        if found >= 0:
            return sentence_start + found, sentence_start + found + len(event.trigger)
    return None


def align(doc: Document, events: list[Event]) -> dict[str, str]:
    """coded event id -> gold chain, for coded events whose trigger overlaps an action mention
    (the nearest mention start wins; one gold mention takes at most one coded event)."""
    aligned: dict[str, str] = {}
    taken: set[int] = set()
    for event in events:
        span = trigger_span(doc, event)
        if span is None:
            continue
        overlapping = [(abs(m.start - span[0]), i) for i, m in enumerate(doc.mentions)
                       if m.start < span[1] and span[0] < m.end and i not in taken]
        if overlapping:
            _, index = min(overlapping)
            taken.add(index)
            aligned[event.event_id] = doc.mentions[index].chain
    return aligned


def _pairs(clusters: Iterable[list[tuple[str, str]]]) -> Iterator[tuple[tuple[str, str], ...]]:
    for members in clusters:
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                if first[0] != second[0]:
                    yield first, second


def score(items: list[tuple[str, str, str, str]]) -> dict[str, float]:
    """Pairwise P/R over mentions in different documents, and B-cubed over all, from
    (doc, mention, gold chain, predicted event) tuples."""
    by_gold: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_pred: dict[str, list[tuple[str, str]]] = defaultdict(list)
    gold_of, pred_of = {}, {}
    for doc, mention, chain, event in items:
        by_gold[chain].append((doc, mention))
        by_pred[event].append((doc, mention))
        gold_of[(doc, mention)], pred_of[(doc, mention)] = chain, event
    gold_pairs = {frozenset(p) for p in _pairs(by_gold.values())}
    pred_pairs = {frozenset(p) for p in _pairs(by_pred.values())}
    tp = len(gold_pairs & pred_pairs)
    precision = tp / len(pred_pairs) if pred_pairs else 1.0
    recall = tp / len(gold_pairs) if gold_pairs else 0.0
    b_p = b_r = 0.0
    for key in gold_of:
        gold = set(by_gold[gold_of[key]])
        pred = set(by_pred[pred_of[key]])
        b_p += len(gold & pred) / len(pred)
        b_r += len(gold & pred) / len(gold)
    n = max(1, len(gold_of))
    bp, br = b_p / n, b_r / n
    return {"mentions": len(items), "gold_pairs": len(gold_pairs), "predicted_pairs": len(pred_pairs),
            "tp": tp, "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "b3_precision": bp, "b3_recall": br,
            "b3_f1": 2 * bp * br / (bp + br) if bp + br else 0.0}


def merged_events(docs: list[Document], coded: dict[str, list[Event]], mode: str,
                  batch_size: int = 50) -> dict[tuple[str, str], str]:
    """(document, coded event id) -> the store's event id, storing every document through the
    real ingest path in a scratch store."""
    import duckdb

    from eventwire.evaluate.synthetic import replaying_coder
    from eventwire.store.ingest import ingest_articles

    pairs = [(article_of(doc, mode), coded[doc.name]) for doc in docs]
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "ecbplus.duckdb"
        ingest_articles([a for a, _ in pairs], db, coder=replaying_coder(pairs), progress=False,
                        batch_size=batch_size, min_confidence=0.0)
        con = duckdb.connect(str(db), read_only=True)
        rows = con.execute("SELECT article_id, coded_event_id, event_id FROM mentions").fetchall()
        con.close()
    return {(doc, coded_id): event for doc, coded_id, event in rows}


def evaluate_mode(docs: list[Document], mode: str, cache: Path | None,
                  why: bool = False) -> dict[str, Any]:
    """Scores of one half in one date mode; ``why``: also why the gold pairs left apart stay apart
    (``apart``: pairs by the first rule that keeps them apart, see ``ecbplus_why``)."""
    coded = coded_documents(docs, mode, cache)
    event_of = merged_events(docs, coded, mode)
    items = []
    n_coded = 0
    for doc in docs:
        n_coded += len(coded[doc.name])
        for coded_id, chain in align(doc, coded[doc.name]).items():
            items.append((doc.name, coded_id, chain, event_of[(doc.name, coded_id)]))
    result = score(items)
    result.update(documents=len(docs), coded=n_coded,
                  gold_mentions=sum(len(d.mentions) for d in docs))
    if why:
        from eventwire.evaluate.ecbplus_why import why_apart

        result["apart"] = dict(why_apart(
            [(article_of(doc, mode), coded[doc.name]) for doc in docs],
            {(name, coded_id): chain for name, coded_id, chain, _ in items},
            lambda article_id, coded_id: event_of[(article_id, coded_id)]))
    return result


def evaluate(path: str | Path, modes: Iterable[str] = MODES, halves: Iterable[str] = ("tune", "check"),
             cache: Path | None = None, why: bool = False) -> dict[str, Any]:
    root = Path(path)
    cache = cache or Path(tempfile.gettempdir()) / f"eventwire-ecbplus-{_cache_tag(root)}.json"
    results: dict[str, Any] = {"cache": str(cache)}
    for half in halves:
        docs = read_corpus(root, half)
        for mode in modes:
            results[f"{half}/{mode}"] = evaluate_mode(docs, mode, cache, why)
    return results


def _cache_tag(root: Path) -> str:
    # The coder's version names the cache, and so does every source and data file of the
    # package: the version follows the pattern book, not the actor, time or place code, and a
    # cache kept across such a change reported the old figures.
    import hashlib

    import eventwire
    from eventwire.events import EventCoder
    from eventwire.store.rows import short_hash

    package = Path(eventwire.__file__).parent
    digest = hashlib.sha1()
    for file in sorted(p for p in package.rglob("*") if p.suffix in (".py", ".yaml", ".tsv", ".json")):
        digest.update(str(file.relative_to(package)).encode())
        digest.update(file.read_bytes())
    return short_hash(str(root.resolve()), EventCoder.default().version, digest.hexdigest())


def report(results: dict[str, Any]) -> str:
    lines = [f"ECB+ cross-document event merging (coded events cached in {results['cache']})",
             f"{'half/dates':<16} {'docs':>5} {'coded':>6} {'aligned':>8} {'gold pairs':>10} "
             f"{'pred pairs':>10} {'P':>6} {'R':>6} {'F1':>6} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}"]
    for key, r in results.items():
        if not isinstance(r, dict):
            continue
        lines.append(f"{key:<16} {r['documents']:>5} {r['coded']:>6} {r['mentions']:>8} "
                     f"{r['gold_pairs']:>10} {r['predicted_pairs']:>10} {r['precision']:>6.3f} "
                     f"{r['recall']:>6.3f} {r['f1']:>6.3f} {r['b3_precision']:>6.3f} "
                     f"{r['b3_recall']:>6.3f} {r['b3_f1']:>6.3f}")
        if "apart" in r:
            from eventwire.evaluate.ecbplus_why import report_line

            lines.append(report_line(r["apart"]))
    return "\n".join(lines)

