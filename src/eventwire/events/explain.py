"""Plain-words explanations of coded events, from the event record alone.

The record (CONTRACT.md) carries everything needed: the sentence, the character spans of
trigger, source and target, the rule and the file and line it came from, how each actor's code
was reached, and the features behind the confidence.
"""

from __future__ import annotations

from typing import Any

from eventwire.events.cameo import cameo_table
from eventwire.events.confidence import WEIGHTS

MARKS = {"trigger": ("[[", "]]"), "source": ("{", "}"), "target": ("<", ">")}


def marked_sentence(record: dict[str, Any]) -> str:
    """The sentence with [[trigger]], {source} and <target> marked."""
    sentence = record["sentence"]
    spans = record.get("evidence", {}).get("spans", {})
    inserts: list[tuple[int, int, str]] = []  # (offset, order, text): closers before openers
    for name, (opener, closer) in MARKS.items():
        span = spans.get(name)
        if span and 0 <= span[0] < span[1] <= len(sentence):
            inserts += [(span[0], 1, opener), (span[1], 0, closer)]
    for offset, _, text in sorted(inserts, reverse=True):
        sentence = sentence[:offset] + text + sentence[offset:]
    return sentence


def _actor_line(role: str, actor: dict[str, Any] | None, steps: list[str]) -> str:
    if not actor:
        return f"{role}: none found in the sentence."
    who = f"'{actor['text']}'" + (f" ({actor['name']})" if actor.get("name") else "")
    line = f"{role}: {who} is {actor['code']}"
    return line + (": " + "; ".join(steps) if steps else ".")


def explain(record: dict[str, Any]) -> str:
    """A few lines an analyst can check in seconds."""
    evidence = record.get("evidence", {})
    code = cameo_table().get(record["cameo"])
    name = code.name if code else "?"
    plover = record.get("plover") or "no PLOVER type (a statement)"
    lines = [
        f"event {record['event_id']} in {record['doc_id']}, sentence {record['sentence_index']}:",
        "  " + marked_sentence(record),
        f"1. The rule '{evidence.get('rule')}' ({evidence.get('rule_source')}) matched "
        f"'{record['trigger']}': CAMEO {record['cameo']} {name}, Goldstein {record['goldstein']}, "
        f"QuadClass {record['quad_class']}, PLOVER {plover}.",
        "2. " + _actor_line("Source", record.get("source"), evidence.get("source_resolution", [])),
        "3. " + _actor_line("Target", record.get("target"), evidence.get("target_resolution", [])),
    ]
    mood = f"4. Modality {record['modality']}" + (", negated" if record.get("negated") else "")
    if record.get("reported_by"):
        mood += f"; reported by {record['reported_by']['code']} ('{record['reported_by']['text']}')"
    lines.append(mood + ".")
    where = record.get("location")
    place = (f"{where['name']} ({where.get('country')})" + (" — the article's focus location"
             if where.get("precision") == "focus" else "")) if where else "unknown"
    lines.append(f"5. Date {record.get('date') or 'unknown'} ({record.get('date_precision')} "
                 f"precision); place {place}.")
    features = evidence.get("confidence_features", [])
    parts = ", ".join(f"{f} {WEIGHTS.get(f, 0):+.2f}" for f in features) or "no adjustments"
    lines.append(f"6. Confidence {record.get('confidence')}: base 0.50, {parts}.")
    lines.append(f"   Coded by eventwire {record.get('coder_version')}.")
    return "\n".join(lines)
