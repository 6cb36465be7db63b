"""What the sentence-level evaluations (PLV, ConfliBERT five-way and spans, coder rounds) share.

Each gold record is one sentence, coded as an article of its own. Definitions used by all of them:

- Predictions: our events that are not negated (a negated event claims the act did not happen)
  and reach ``min_confidence``.
- Span match ("overlap"): one of our actor spans matches a gold span when the two character
  ranges of the record text share at least one letter or digit ("the Croatian government" matches
  "Croatian government's request"; "Iran" does not match "the Iranian embassy in Iraq" unless
  they overlap). Actors without words (an implied agent: "were arrested" by police) match none.
- The primary event of a sentence: the first of its predictions in reading order (by the
  trigger's offset), as coders number the actions they code in reading order ("a bomb killed
  75 ..., a monitor said" is the killing; "Lavrov suggested that ..." a statement). The
  five-way classes pass over a statement whose reported words hold an act of their own ("Putin
  said his country will not lift the ban" is a refusal: the statement only carries it); the
  coder rounds do not, as those coders number the statement first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from eventwire.evaluate.split import in_half
from eventwire.pipeline import code_articles
from eventwire.records import Article, Event

Span = tuple[int, int]


def load_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def code_records(records: list[dict], half: str | None = None,
                 key: str = "id") -> Iterator[tuple[dict, list[Event]]]:
    """Each record of the half (its ``text`` coded as an article of its own) with its events."""
    chosen = list(in_half(records, half, key=lambda r: r[key]))
    by_id = {str(r[key]): r for r in chosen}
    articles = [Article(id=str(r[key]), text=r["text"], date=r.get("date")) for r in chosen]
    for article, events in code_articles(articles):
        yield by_id[article.id], events


def predictions(events: list[Event], min_confidence: float = 0.0) -> list[Event]:
    """Events that claim an act happened, at or above the threshold."""
    return [e for e in events if not e.negated and (e.confidence or 0.0) >= min_confidence]


def sentence_offset(text: str, event: Event) -> int:
    """Where the event's sentence starts in the record text (0 when it cannot be found)."""
    return max(text.find(event.sentence), 0)


def role_span(text: str, event: Event, role: str) -> Span | None:
    """The character span, in the record text, of the event's ``source``, ``target`` or
    ``trigger``; None for a missing or wordless actor."""
    span = (event.evidence.get("spans") or {}).get(role)
    if not span or span[1] <= span[0]:
        return None
    offset = sentence_offset(text, event)
    return offset + span[0], offset + span[1]


def overlaps(text: str, ours: Span, gold: Span) -> bool:
    """The two ranges share at least one letter or digit of ``text``."""
    start, end = max(ours[0], gold[0]), min(ours[1], gold[1])
    return any(ch.isalnum() for ch in text[start:end])


def primary_event(text: str, events: list[Event], past_carriers: bool = False) -> Event | None:
    """The first prediction in reading order (None without any). ``past_carriers``: pass over a
    statement (CAMEO 01) that carries another act of the sentence reported in its words ("Putin
    said his country will not lift the ban": the refusal)."""
    def position(event: Event) -> int:
        span = role_span(text, event, "trigger")
        return span[0] if span else sentence_offset(text, event)
    reported = past_carriers and any(e.reported_by is not None and e.cameo_root != "01" for e in events)
    chosen = [e for e in events if not (reported and e.cameo_root == "01")] or events
    return min(chosen, key=position) if chosen else None


# The five-way class of a CAMEO root, as the coders of cameo_coder_rounds.jsonl assign it (the
# majority of their codings): 0 statement, 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict. 16 (reduce relations) is verbal conflict there.
PENTA_OF_ROOT = {"01": 0, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2,
                 "09": 3, "10": 3, "11": 3, "12": 3, "13": 3, "16": 3,
                 "14": 4, "15": 4, "17": 4, "18": 4, "19": 4, "20": 4}
PENTA_NAMES = ("statement", "verbal coop", "material coop", "verbal conflict", "material conflict")
