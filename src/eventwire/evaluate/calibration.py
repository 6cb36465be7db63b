"""`eventwire eval calibration FILE [--half tune|check|all]`: does the confidence mean something?

FILE is either

- a gold dev set (by its file name, see ``evaluate.judged.GOLD_SETS``): its articles are coded
  and their events judged (an event matching gold is right; another event of a gold sentence is
  wrong); parses are cached in ``.cache/calibration/``;
- or a JSONL file of judged records, one per line, each with a ``confidence`` (0-1) and a boolean
  ``right`` (``event_ok`` is read the same way), or an ``eventwire audit`` verdict file (docs/
  audit.md): ``event`` ``right`` is right, ``wrong`` and ``not_event`` are wrong, lines not
  judged yet are skipped. Other fields are ignored; a record with a ``record_id``,
  ``mention_id`` or ``event_id`` is split into halves by it. A record without ``confidence`` but
  with an ``event`` object (a stored mention) takes the event's. With ``--db STORE`` each
  record's confidence is instead the one its ``mention_id`` has in that store: an audit drawn
  before a re-fit is judged with the confidence users now see after `eventwire recode` of a
  copy of the store (records whose mention the store no longer holds are counted, left out).

It prints the reliability table (ten confidence bins of width 0.1; the ones holding at least
``MIN_BIN`` events are compared), the expected calibration error (ECE: the bins' gaps between
mean confidence and share right, weighted by their share of events), and precision and share
of events kept at a few thresholds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.split import half_of

MIN_BIN = 20  # bins with fewer events are shown but not judged
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
BINS = 10
RECORD_IDS = ("record_id", "mention_id", "event_id")
AUDIT_VERDICTS = ("", None)  # the empty judgment of a verdict file line not filled in yet


@dataclass
class Bin:
    low: float
    high: float
    count: int
    mean_confidence: float
    share_right: float

    @property
    def gap(self) -> float:
        return abs(self.share_right - self.mean_confidence)


def reliability(scored: list[tuple[float, bool]]) -> list[Bin]:
    """Ten bins of width 0.1 (the last includes 1.0), empty ones left out."""
    bins = []
    for number in range(BINS):
        low, high = number / BINS, (number + 1) / BINS
        inside = [(c, ok) for c, ok in scored
                  if low <= c < high or (number == BINS - 1 and c == high)]
        if inside:
            bins.append(Bin(low, high, len(inside), sum(c for c, _ in inside) / len(inside),
                            sum(ok for _, ok in inside) / len(inside)))
    return bins


def expected_calibration_error(scored: list[tuple[float, bool]]) -> float:
    total = len(scored)
    return sum(b.count / total * b.gap for b in reliability(scored)) if total else 0.0


def at_threshold(scored: list[tuple[float, bool]], threshold: float) -> tuple[float, float, int]:
    """(precision, share of events kept, events kept) at ``confidence >= threshold``."""
    kept = [ok for c, ok in scored if c >= threshold]
    precision = sum(kept) / len(kept) if kept else 0.0
    return precision, (len(kept) / len(scored) if scored else 0.0), len(kept)


def summary(scored: list[tuple[float, bool]]) -> dict:
    """The figures of one set of judged events, as plain data (for reports and the data file)."""
    bins = reliability(scored)
    return {
        "events": len(scored),
        "share_right": round(sum(ok for _, ok in scored) / len(scored), 3) if scored else 0.0,
        "ece": round(expected_calibration_error(scored), 3),
        "max_gap": round(max((b.gap for b in bins if b.count >= MIN_BIN), default=0.0), 3),
        "bins": [{"bin": f"{b.low:.1f}-{b.high:.1f}", "events": b.count,
                  "mean_confidence": round(b.mean_confidence, 3),
                  "share_right": round(b.share_right, 3)} for b in bins],
        "thresholds": {f"{t:.1f}": dict(zip(("precision", "share_kept", "kept"),
                                            _rounded(at_threshold(scored, t)), strict=True))
                       for t in THRESHOLDS},
    }


def _rounded(values: tuple[float, float, int]) -> tuple[float, float, int]:
    return round(values[0], 3), round(values[1], 3), values[2]


def _verdict(record: dict) -> bool | None:
    """right / event_ok (booleans), or an `eventwire audit` verdict file's ``event``."""
    for key in ("right", "event_ok"):
        if isinstance(record.get(key), bool):
            return record[key]
    verdict = record.get("event")
    return verdict == "right" if verdict in ("right", "wrong", "not_event") else None


def store_confidences(db: str | Path) -> dict[str, float]:
    """mention_id -> confidence of every mention stored in ``db`` (read only)."""
    from eventwire.store.connection import open_reader

    con = open_reader(db)
    try:
        return {mention: confidence for mention, confidence in
                con.execute("SELECT mention_id, confidence FROM mentions").fetchall()
                if confidence is not None}
    finally:
        con.close()


def _judged_file(path: Path, half: str | None,
                 confidences: dict[str, float] | None = None) -> tuple[list[tuple[float, bool]], int]:
    """The (confidence, right) pairs of a judged file and how many records had no mention in
    ``confidences`` (when given)."""
    scored, missing = [], 0
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            right = _verdict(record)
            if right is None and "event" in record and record["event"] in AUDIT_VERDICTS:
                continue  # an audit line not judged yet
            event = record.get("event") if isinstance(record.get("event"), dict) else {}
            confidence = record.get("confidence", event.get("confidence"))
            if confidences is not None:
                if right is not None and record.get("mention_id") not in confidences:
                    missing += 1
                    continue
                confidence = confidences.get(record.get("mention_id"), confidence)
            if right is None or not isinstance(confidence, int | float):
                raise ValueError(f"{path}:{number}: a judged record needs a numeric 'confidence' "
                                 "and a boolean 'right' (or 'event_ok', or an audit verdict "
                                 "'event': right/wrong/not_event)")
            key = next((record[k] for k in RECORD_IDS if record.get(k) is not None), None)
            if half in (None, "all") or key is None or half_of(key) == half:
                scored.append((float(confidence), right))
    return scored, missing


def judged_scores(path: str | Path, half: str | None = None,
                  db: str | Path | None = None) -> tuple[str, list[tuple[float, bool]], int]:
    """The name of what was read, its (confidence, right) pairs and the number of judged
    records whose mention ``db`` lacks (confidences from ``db`` when given)."""
    from eventwire.evaluate.judged import GOLD_SETS, judged_events, set_of

    gold_set = set_of(path)
    if gold_set in GOLD_SETS:
        if db is not None:
            raise ValueError("--db applies to a judged file of stored mentions, not a gold set")
        events = judged_events(gold_set, path, half)
        return gold_set, [(j.event.confidence or 0.0, bool(j.right)) for j in events], 0
    scored, missing = _judged_file(Path(path), half, None if db is None else store_confidences(db))
    return Path(path).name, scored, missing


def evaluate(path: str | Path, half: str | None = None, db: str | Path | None = None) -> dict:
    name, scored, missing = judged_scores(path, half, db)
    result = {"name": name, "half": half or "all", **summary(scored)}
    if db is not None:
        result |= {"db": str(db), "not_in_db": missing}
    return result


def format_summary(result: dict) -> list[str]:
    """The reliability table, ECE and thresholds of one ``summary``, as lines."""
    lines = [f"{'confidence':<11} {'events':>6} {'mean conf':>9} {'share right':>11} {'gap':>6}"]
    for row in result["bins"]:
        gap = abs(row["share_right"] - row["mean_confidence"])
        mark = "" if row["events"] >= MIN_BIN else "  (under 20: not judged)"
        lines.append(f"{row['bin']:<11} {row['events']:6d} {row['mean_confidence']:9.3f} "
                     f"{row['share_right']:11.3f} {gap:6.3f}{mark}")
    lines += [f"ECE {result['ece']:.3f}; largest gap in bins of {MIN_BIN}+ events "
              f"{result['max_gap']:.3f}; {result['events']} events, "
              f"{result['share_right']:.3f} right", "",
              f"{'threshold':<10} {'precision':>9} {'kept':>6} {'share kept':>10}"]
    for threshold, row in result["thresholds"].items():
        lines.append(f">= {threshold:<7} {row['precision']:9.3f} {row['kept']:6d} "
                     f"{row['share_kept']:10.3f}")
    return lines


def report(result: dict) -> str:
    head = f"Calibration of the confidence on {result['name']} ({result['half']} half)"
    if "db" in result:
        head += (f", confidences from {result['db']} ({result['not_in_db']} judged mentions "
                 "not in it, left out)")
    if not result["events"]:
        return f"{head}: no judged events"
    return "\n".join([head, *format_summary(result)])
