"""Judged events: coded events of the gold dev sets, each labelled right or wrong.

The labelled events calibrate the confidence (``scripts/calibrate.py``) and check it
(``eventwire eval calibration``). A set is read as articles, each article's coded events are
judged against its gold record:

- ``plover`` (plover_gsr_dev.jsonl) and ``plv`` (plv_train_dev.jsonl): one gold PLOVER type per
  sentence. An event with a PLOVER type is right when its type is the gold type, wrong
  otherwise (another event in the same sentence is not annotated, so it counts as wrong).
  Statements (no PLOVER type) are outside what these sets annotate and are not judged.
- ``cameo`` (cameo_class_dev.jsonl): one five-way class per sentence (0 statement, 1-4 the
  quad classes). Every event is judged: right when its class is the gold class (a CAMEO root 01
  statement is class 0, other events their quad class).
- ``police`` (india_police_events_dev.jsonl): police KILL/ARREST/FORCE per sentence. Only
  police actions (evaluate.police.is_police_action) are judged: right when their sentence
  carries one of those labels.

Parsing is the slow step (minutes per set on two cores), so the spaCy parses are cached on disk
(``.cache/calibration/``, a DocBin per set keyed by the gold file's SHA-1 and the spaCy model):
actors and events are coded again from the cache on every run, so changes to the actor
dictionaries or the event patterns are seen without parsing again. Sets are parsed whole (no
pre-filter), so the cache does not depend on the patterns.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.evaluate.plover import TYPE_ALIASES, _codes
from eventwire.evaluate.police import POSITIVE_LABELS, _line_of, _line_starts, is_police_action
from eventwire.evaluate.split import half_of
from eventwire.records import Article, Event, ParsedArticle

# name -> file name in the gold folder
GOLD_SETS = {
    "plover": "plover_gsr_dev.jsonl",
    "plv": "plv_train_dev.jsonl",
    "cameo": "cameo_class_dev.jsonl",
    "police": "india_police_events_dev.jsonl",
}
# Sets that judge one part of an event only, not the event: name -> file name.
PART_SETS = {"location": "event_location_dev.jsonl"}
CACHE_ENV = "EVENTWIRE_CALIBRATION_CACHE"


@dataclass
class Judged:
    """One judged event: the coded event, whether it is right, its set and its record's half."""

    event: Event
    right: bool | None  # None: the set judges a part of the event only
    gold_set: str
    half: str
    parts: dict[str, bool] = field(default_factory=dict)  # source, target, place: right or not
    published: str | None = None  # the article's date (the time stage's fallback)


@dataclass
class GoldArticle:
    article: Article
    record_id: str
    gold: object  # the gold label(s) of the record, by set: a type, a class, sentence labels
    record: dict = field(default_factory=dict)  # the gold record itself


def set_of(path: str | Path) -> str | None:
    """The gold set a file is, by its name (None when it is not one of GOLD_SETS)."""
    name = Path(path).name
    return next((key for key, file in {**GOLD_SETS, **PART_SETS}.items() if file == name), None)


def _records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_articles(gold_set: str, path: str | Path) -> list[GoldArticle]:
    """The records of a gold file as articles to code, with their gold labels."""
    records = _records(Path(path))
    if gold_set == "police":
        items = []
        for doc in records:
            sentences = [s["text"].strip().replace("\n", " ") for s in doc["sentences"]]
            labels = [bool(POSITIVE_LABELS & set(s["labels"])) for s in doc["sentences"]]
            items.append(GoldArticle(Article(id=str(doc["doc_id"]), text="\n".join(sentences),
                                             date=doc.get("date")), str(doc["doc_id"]), labels))
        return items
    if gold_set in ("plover", "plv"):
        key = "event" if gold_set == "plover" else "plover"
        return [GoldArticle(Article(id=r["id"], text=r["text"], date=r.get("date")), r["id"],
                            TYPE_ALIASES.get(r[key], r[key]), r) for r in records]
    if gold_set == "location":
        return [GoldArticle(Article(id=r["id"], text=r["text"]), r["id"], r["annotations"])
                for r in records]
    if gold_set == "cameo":
        return [GoldArticle(Article(id=r["id"], text=r["text"]), r["id"], int(r["penta"]))
                for r in records]
    raise ValueError(f"unknown gold set {gold_set!r}: one of {', '.join(GOLD_SETS)}")


def judge(gold_set: str, item: GoldArticle, events: list[Event]) -> Iterator[tuple[Event, bool]]:
    """The judged events of one article (events the set does not annotate are left out)."""
    if gold_set in ("plover", "plv"):
        for event in events:
            if event.plover:
                yield event, event.plover == item.gold
    elif gold_set == "cameo":
        for event in events:
            yield event, five_way_class(event) == item.gold
    elif gold_set == "police":
        labels: list[bool] = item.gold  # type: ignore[assignment]
        starts = _line_starts(item.article.text)
        for event in events:
            if not is_police_action(event):
                continue
            line = _line_of(starts, item.article.text, event.sentence)
            if line is not None and line < len(labels):
                yield event, labels[line]


def _overlaps(span: list[int] | None, spans: list[list[int]]) -> bool:
    return bool(span) and any(span[0] < end and start < span[1] for start, end in spans)


def judge_actor(gold_set: str, item: GoldArticle, event: Event, role: str) -> bool | None:
    """Whether the event's source or target (``role``) is the gold one: the same country
    (PLOVER GSR, whose actors are country codes) or an overlapping span (PLV). None when the
    set does not say or the event has no such actor."""
    actor = getattr(event, role)
    if actor is None or gold_set not in ("plover", "plv"):
        return None
    if gold_set == "plover":
        gold = set(_codes(item.record.get(role)))
        if role == "target" and "(SRC/TAR:" in str(item.record.get("textInfo")):
            gold |= set(_codes(item.record.get("source")))
        return (actor.country or actor.code) in gold
    where = item.article.text.find(event.sentence)
    span = (event.evidence.get("spans") or {}).get(role)
    if where < 0 or not span:
        return None
    return _overlaps([span[0] + where, span[1] + where], (item.record.get("spans") or {}).get(role) or [])


def _same_place(name: str, texts: list[str]) -> bool:
    name = name.lower()
    return any(name in text.lower() or text.lower() in name for text in texts if text)


def judge_place(item: GoldArticle, event: Event) -> bool | None:
    """Whether the event's place is one the annotators gave for its trigger (event_location_dev:
    the place name is or contains a gold place span's words). None when the set has no
    annotation of this trigger or the event has no place."""
    trigger = (event.evidence.get("spans") or {}).get("trigger")
    where = item.article.text.find(event.sentence)
    if event.location is None or not trigger or where < 0:
        return None
    trigger = [trigger[0] + where, trigger[1] + where]
    for annotation in item.gold:  # type: ignore[attr-defined]
        if _overlaps(trigger, [[v["start"], v["end"]] for v in annotation["verbs"]]):
            return _same_place(event.location.name, [p["text"] for p in annotation["locations"]])
    return None


def five_way_class(event: Event) -> int:
    """The class of cameo_class_dev: 0 for a statement (CAMEO root 01), else the quad class."""
    return 0 if event.cameo_root == "01" else event.quad_class


def cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV, ".cache/calibration"))


def _cache_path(path: Path) -> Path:
    from eventwire.nlp import load_nlp

    meta = load_nlp().meta
    digest = hashlib.sha1(path.read_bytes()).hexdigest()[:12]
    return cache_dir() / f"{path.stem}-{digest}-{meta['name']}-{meta['version']}.spacy"


def parsed_articles(items: list[GoldArticle], path: str | Path) -> list[ParsedArticle]:
    """The parses of ``items``, from the cache when it holds them (else parsed and cached)."""
    from spacy.tokens import DocBin

    from eventwire.nlp import _sentences, coded_text, load_nlp, parse_articles

    cached = _cache_path(Path(path))
    if cached.exists():
        nlp = load_nlp()
        docs = list(DocBin().from_disk(cached).get_docs(nlp.vocab))
        if len(docs) == len(items):
            return [ParsedArticle(article=item.article, doc=doc, sentences=_sentences(doc),
                                  title_offset=coded_text(item.article)[1])
                    for item, doc in zip(items, docs, strict=True)]
    parsed = list(parse_articles([item.article for item in items]))
    cached.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=[p.doc for p in parsed]).to_disk(cached)
    return parsed


def judged_events(gold_set: str, path: str | Path, half: str | None = None) -> list[Judged]:
    """Code the set (from cached parses) and judge its events; ``half`` keeps one half."""
    everything = gold_articles(gold_set, path)
    judged = []
    # by position: a gold file may repeat a record id (PLOVER GSR does once)
    for item, parsed in zip(everything, parsed_articles(everything, path), strict=True):
        if half not in (None, "all") and _half(gold_set, item) != half:
            continue
        judged += _judged(gold_set, item, _coded(parsed))
    return judged


def _coded(parsed: ParsedArticle) -> list[Event]:
    """The events of a parsed article as `eventwire code` gives them (actors, events, dates,
    places, confidence parts)."""
    from eventwire.actors import ActorResolver
    from eventwire.events import EventCoder
    from eventwire.events.calibration import add_setting_parts
    from eventwire.geo import locate_events
    from eventwire.pipeline import ArticlePlacesOnce
    from eventwire.time import date_events

    resolver, coder = ActorResolver.default(), EventCoder.default()
    places = ArticlePlacesOnce(parsed)
    events = coder.code(parsed, resolver.annotate(parsed, places.named))
    date_events(parsed, events)
    locate_events(parsed, events, places=places.get() if events else None)
    add_setting_parts(events, parsed.article.date)
    return events


AUDIT_PARTS = ("source", "target", "place", "date")


def audit_verdicts(path: str | Path) -> dict[str, tuple[bool, dict[str, bool]]]:
    """mention_id -> (right, parts), from an `eventwire audit` verdict file (docs/audit.md):
    ``event`` ``right`` is right, ``wrong`` and ``not_event`` are wrong; lines not judged are
    left out. The parts judged right or wrong (not ``na``) of a right event, as gold judges the
    parts of events that happened."""
    verdicts = {}
    for record in _records(Path(path)):
        if record.get("event") in ("right", "wrong", "not_event"):
            right = record["event"] == "right"
            parts = {part: record[part] == "right" for part in AUDIT_PARTS
                     if right and record.get(part) in ("right", "wrong")}
            verdicts[str(record["mention_id"])] = (right, parts)
    return verdicts


def audit_events(verdicts: str | Path, store: str | Path,
                 half: str | None = None) -> tuple[list[Judged], list[str]]:
    """The judged mentions of an audit verdict file, coded again from the articles of the store
    they were drawn from (read only), so that their features and confidence are the current
    coder's; a mention is found again by its id (store.rows: article id and coded event id).
    Returns the judged events (set ``audit``, halved by mention id, with the parts judged) and
    the ids of the mentions the coder no longer produces (their event changed since the
    audit)."""
    from eventwire.pipeline import code_articles
    from eventwire.store.connection import open_reader
    from eventwire.store.rows import short_hash

    right = audit_verdicts(verdicts)
    con = open_reader(store)
    try:
        rows = con.execute(
            "SELECT DISTINCT a.seq, a.article_id, a.title, a.text, CAST(a.date AS VARCHAR), a.url, "
            "a.source, a.language "
            "FROM mentions m JOIN articles a USING (article_id) "
            f"WHERE m.mention_id IN ({', '.join('?' * len(right))}) ORDER BY a.seq",
            list(right)).fetchall() if right else []
    finally:
        con.close()
    articles = [Article(id=article_id, text=text, title=title, date=date, url=url, source=source,
                        language=language)
                for _, article_id, title, text, date, url, source, language in rows]
    judged, found = [], set()
    # coded as `eventwire ingest` coded them (pre-filter and all), so the mention ids match
    for article, events in code_articles(articles):
        for event in events:
            mention = short_hash("mention", article.id, event.event_id)
            if mention in right and mention not in found:
                found.add(mention)
                if half in (None, "all") or half_of(mention) == half:
                    ok, parts = right[mention]
                    judged.append(Judged(event, ok, "audit", half_of(mention), parts,
                                         published=article.date))
    return judged, sorted(set(right) - found)


def _half(gold_set: str, item: GoldArticle) -> str:
    """The record's half; the PLOVER GSR dev file is split by salted ids (evaluate.split)."""
    return half_of(item.record_id, "plover_gsr" if gold_set == "plover" else "")


def _judged(gold_set: str, item: GoldArticle, events: list[Event]) -> list[Judged]:
    half = _half(gold_set, item)
    if gold_set == "location":
        places = ((event, judge_place(item, event)) for event in events)
        return [Judged(event, None, gold_set, half, {"place": ok}, item.article.date)
                for event, ok in places if ok is not None]
    judged = []
    for event, right in judge(gold_set, item, events):
        parts = {}
        if right:  # an actor is judged on events that happened
            for role in ("source", "target"):
                ok = judge_actor(gold_set, item, event, role)
                if ok is not None:
                    parts[role] = ok
        judged.append(Judged(event, right, gold_set, half, parts, item.article.date))
    return judged
