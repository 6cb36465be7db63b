"""Auditing stored events as a trained coder would: draw mentions, judge them, tally the verdicts.

The procedure (docs/audit.md):

1. ``eventwire audit draw --db STORE --seed S`` draws N random stored mentions and the K most
   violent ones (lowest Goldstein score), reproducibly for a seed, and writes a *worksheet*: one
   JSON object per mention with its sentence, the sentences around it, the coded event and the
   evidence. The worksheet holds article text: keep it out of the repository.
2. A person reads each worksheet entry and writes one *verdict* line per mention (JSON Lines):
   ``{"mention_id", "sample", "event", "source", "target", "place", "date", "note"}`` where
   ``event`` is ``right``, ``wrong`` (an event, coded as the wrong kind) or ``not_event`` and each
   part is ``right``, ``wrong`` or ``na`` (the event has none and should have none). The draw's
   own fields (``statement``, ``confidence``, ``cameo``) are copied in so a verdict file can be
   tallied without the store. Verdict files hold ids and judgments only: they are committed under
   ``audits/``.
3. ``eventwire audit tally VERDICTS`` prints the shares a coder would report: the event right,
   for statements and for substantive events apart; the full tuple (event, source and target) right;
   each part right where it applies; the violent sample apart.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

VERDICT_EVENT = ("right", "wrong", "not_event")
VERDICT_PART = ("right", "wrong", "na")
PARTS = ("source", "target", "place", "date")

# Plain statements (CAMEO 01x) are a third of all mentions: the tally keeps them apart, since a
# "said" is easy to get right and says little about the coder.
STATEMENT_ROOTS = frozenset({"01"})

_DRAW_COLUMNS = """
    m.mention_id, m.event_id, m.article_id, m.sentence_index, m.sentence, m.in_title,
    m.sentence_start, m.cameo, m.cameo_root, m.goldstein, m.confidence, m.record,
    a.title, a.text, a.date AS article_date, a.url
"""


def draw(con: duckdb.DuckDBPyConnection, seed: int, n_random: int = 100, n_violent: int = 30,
         min_confidence: float = 0.0) -> list[dict]:
    """Worksheet entries: ``n_random`` mentions drawn uniformly, then the ``n_violent`` most violent
    of the rest (ties broken by the same seeded order). The order depends on the seed alone."""
    order = f"hash(m.mention_id || '{int(seed)}')"
    base = (f"SELECT {_DRAW_COLUMNS} FROM mentions m JOIN articles a USING (article_id) "
            "WHERE coalesce(m.confidence, 0) >= ?")
    randoms = con.execute(f"{base} ORDER BY {order} LIMIT ?", [min_confidence, n_random]).fetchall()
    taken = [row[0] for row in randoms]
    violent = con.execute(
        f"{base} AND NOT list_contains(?, m.mention_id) ORDER BY m.goldstein, {order} LIMIT ?",
        [min_confidence, taken, n_violent],
    ).fetchall()
    columns = [c.strip().split(" AS ")[-1].split(".")[-1] for c in _DRAW_COLUMNS.split(",")]
    entries = [_entry(dict(zip(columns, row, strict=True)), "random") for row in randoms]
    entries += [_entry(dict(zip(columns, row, strict=True)), "violent") for row in violent]
    return entries


def _entry(row: dict, sample: str) -> dict:
    record = json.loads(row["record"]) if isinstance(row["record"], str) else row["record"]
    return {
        "mention_id": row["mention_id"],
        "sample": sample,
        "article_id": row["article_id"],
        "article_date": str(row["article_date"]) if row["article_date"] else None,
        "url": row["url"],
        "title": row["title"],
        "context": _context(row),
        "sentence": row["sentence"],
        "trigger": record.get("trigger"),
        "cameo": row["cameo"],
        "statement": row["cameo_root"] in STATEMENT_ROOTS,
        "goldstein": row["goldstein"],
        "plover": record.get("plover"),
        "source": _actor(record.get("source")),
        "target": _actor(record.get("target")),
        "negated": record.get("negated"),
        "modality": record.get("modality"),
        "date": record.get("date"),
        "date_precision": record.get("date_precision"),
        "location": record.get("location"),
        "confidence": row["confidence"],
        "evidence": {k: v for k, v in (record.get("evidence") or {}).items() if k != "spans"},
    }


def _actor(actor: dict | None) -> str | None:
    if not actor:
        return None
    name = f" ({actor['name']})" if actor.get("name") else ""
    return f"{actor.get('text')} -> {actor.get('code')}{name}"


def _context(row: dict, width: int = 400) -> str:
    """The text around the sentence in its article, so a reader sees what came before."""
    text, start = row["text"] or "", row["sentence_start"]
    if row["in_title"] or start is None:
        return text[: 2 * width]
    end = start + len(row["sentence"])
    return text[max(0, start - width): start] + " [[ " + text[start:end] + " ]] " + text[end: end + width]


def format_entry(number: int, entry: dict) -> str:
    """One worksheet entry as a reader sees it."""
    lines = [
        f"## {number}. {entry['mention_id']} ({entry['sample']}, confidence {entry['confidence']})",
        f"article {entry['article_id']} dated {entry['article_date']}: {entry['title']}",
        f"context: {entry['context']}",
        f"coded: {entry['cameo']} {'(statement) ' if entry['statement'] else ''}"
        f"trigger={entry['trigger']!r} negated={entry['negated']} modality={entry['modality']}",
        f"  source: {entry['source']}",
        f"  target: {entry['target']}",
        f"  place: {_place(entry['location'])}   date: {entry['date']} ({entry['date_precision']})",
    ]
    for key, value in entry["evidence"].items():
        if key in ("source_resolution", "target_resolution", "rule"):
            lines.append(f"  {key}: {value}")
    return "\n".join(lines)


def _place(location: dict | None) -> str:
    if not location:
        return "none"
    return f"{location.get('name')}, {location.get('country')}"


@dataclass
class Tally:
    """Shares of right judgments, each with its counts."""

    counts: Counter = field(default_factory=Counter)

    def add(self, verdict: dict) -> None:
        check_verdict(verdict)
        groups = [verdict.get("sample", "random")]
        if verdict.get("sample", "random") == "random":
            groups.append("substantive" if not verdict.get("statement") else "statement")
        for group in groups:
            self._count(group, verdict)

    def _count(self, group: str, verdict: dict) -> None:
        event_right = verdict["event"] == "right"
        self.counts[(group, "mentions")] += 1
        self.counts[(group, "event_right")] += event_right
        if verdict["event"] == "not_event":
            return
        self.counts[(group, "real")] += 1
        tuple_right = event_right and all(verdict.get(p, "na") in ("right", "na")
                                          for p in ("source", "target"))
        self.counts[(group, "tuple_right")] += tuple_right
        for part in PARTS:
            if verdict.get(part, "na") != "na":
                self.counts[(group, f"{part}_judged")] += 1
                self.counts[(group, f"{part}_right")] += verdict[part] == "right"

    def rows(self) -> Iterator[tuple[str, str, int, int]]:
        """(group, measure, right, of) for each measure with a denominator."""
        for group in ("random", "statement", "substantive", "violent"):
            total = self.counts[(group, "mentions")]
            if not total:
                continue
            yield group, "event right (of mentions)", self.counts[(group, "event_right")], total
            real = self.counts[(group, "real")]
            yield group, "full tuple right (of mentions)", self.counts[(group, "tuple_right")], total
            for part in PARTS:
                judged = self.counts[(group, f"{part}_judged")]
                if judged:
                    yield group, f"{part} right (of real events with one)", \
                        self.counts[(group, f"{part}_right")], judged
            yield group, "real events (of mentions)", real, total


def check_verdict(verdict: dict) -> None:
    """Raise ValueError naming the mention when a verdict line is malformed."""
    name = verdict.get("mention_id", "?")
    if verdict.get("event") not in VERDICT_EVENT:
        raise ValueError(f"{name}: event must be one of {VERDICT_EVENT}, not {verdict.get('event')!r}")
    for part in PARTS:
        if verdict.get(part, "na") not in VERDICT_PART:
            raise ValueError(f"{name}: {part} must be one of {VERDICT_PART}, not {verdict.get(part)!r}")


def read_verdicts(path: str | Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from error


def tally(verdicts: Iterable[dict]) -> Tally:
    result = Tally()
    for verdict in verdicts:
        result.add(verdict)
    return result


def report(result: Tally) -> str:
    lines = [f"{'sample':<12} {'measure':<40} {'share':>6}  right/of"]
    for group, measure, right, total in result.rows():
        lines.append(f"{group:<12} {measure:<40} {right / total:>6.2f}  {right}/{total}")
    return "\n".join(lines)


FIELDS = ("event", *PARTS)


@dataclass
class Agreement:
    """How often two readers who judged the same mentions agree, field by field."""

    mentions: int
    same: dict[str, int]
    kappa: dict[str, float | None]

    def lines(self) -> list[str]:
        rows = [f"{self.mentions} mentions judged by both readers",
                f"{'field':<8} {'agree':>6}  same/of  Cohen's kappa"]
        for name in FIELDS:
            kappa = self.kappa[name]
            rows.append(f"{name:<8} {self.same[name] / self.mentions:>6.2f}  "
                        f"{self.same[name]}/{self.mentions}  "
                        + ("-" if kappa is None else f"{kappa:.2f}"))
        return rows


def agreement(first: Iterable[dict], second: Iterable[dict]) -> Agreement:
    """The two readers' agreement on the mentions both judged (by ``mention_id``): the share of
    identical verdicts per field and Cohen's kappa (agreement beyond what chance would give)."""
    theirs = {v["mention_id"]: v for v in second}
    pairs = [(v, theirs[v["mention_id"]]) for v in first if v.get("mention_id") in theirs]
    for a, b in pairs:
        check_verdict(a)
        check_verdict(b)
    if not pairs:
        raise ValueError("no mention was judged by both readers")
    same = {name: sum(a.get(name, "na") == b.get(name, "na") for a, b in pairs) for name in FIELDS}
    kappa = {name: _kappa([(a.get(name, "na"), b.get(name, "na")) for a, b in pairs])
             for name in FIELDS}
    return Agreement(len(pairs), same, kappa)


def _kappa(labels: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two readers' labels; None when chance alone agrees every time."""
    total = len(labels)
    observed = sum(a == b for a, b in labels) / total
    first, second = Counter(a for a, _ in labels), Counter(b for _, b in labels)
    expected = sum(first[k] * second[k] for k in first) / total ** 2
    return None if expected == 1 else (observed - expected) / (1 - expected)
