"""ConfliBERT five-way classes (../shared/gold/cameo_class_dev.jsonl): accuracy of the sentence class.

Gold: one class per sentence, 0 statement, 1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict. Ours: the class of the sentence's primary event (the
first prediction in reading order, passing over a statement that only carries an act reported
in its words, ``sentences.py``), from its CAMEO root (``CLASS_OF_ROOT``:
the rounds' classes, but appeals are statements here, as this set's annotators code them).
Several events: only the primary one counts. No event: the sentence is classed 0, a statement
(the class of a sentence that reports no act); the report says how many had none and the
accuracy on the others.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from eventwire.evaluate.sentences import (
    PENTA_NAMES,
    PENTA_OF_ROOT,
    code_records,
    load_jsonl,
    predictions,
    primary_event,
)
from eventwire.records import Event

NO_EVENT_CLASS = 0
# The class of each CAMEO root in this set. Its annotators put appeals (02: "urged X to",
# "called on X to") with statements: of the tune-half sentences whose first event of ours is an
# appeal, 31 of 40 are labelled 0 and 2 are labelled 1. (The coders of the rounds set give
# 02 class 1; sentences.PENTA_OF_ROOT follows them.)
CLASS_OF_ROOT = {**PENTA_OF_ROOT, "02": 0}


def sentence_class(text: str, events: list[Event]) -> int | None:
    """The five-way class of the primary event; None when there is no prediction."""
    primary = primary_event(text, events, past_carriers=True)
    return CLASS_OF_ROOT.get(primary.cameo_root, NO_EVENT_CLASS) if primary else None


def evaluate(path: str | Path, min_confidence: float = 0.0, half: str | None = None) -> dict:
    confusion: Counter[tuple[int, int | None]] = Counter()
    for record, events in code_records(load_jsonl(path), half):
        ours = sentence_class(record["text"], predictions(events, min_confidence))
        confusion[(int(record["penta"]), ours)] += 1
    return {"half": half or "all", "confusion": confusion}


def accuracy(confusion: Counter[tuple[int, int | None]]) -> tuple[float, float, int]:
    """(accuracy with no event read as 0, accuracy where we coded an event, sentences with none)."""
    total = sum(confusion.values())
    right = sum(n for (gold, ours), n in confusion.items()
                if gold == (NO_EVENT_CLASS if ours is None else ours))
    none = sum(n for (_, ours), n in confusion.items() if ours is None)
    coded_right = sum(n for (gold, ours), n in confusion.items() if ours is not None and gold == ours)
    return (right / total if total else 0.0,
            coded_right / (total - none) if total - none else 0.0, none)


def report(result: dict) -> str:
    confusion = result["confusion"]
    total = sum(confusion.values())
    overall, coded, none = accuracy(confusion)
    lines = [f"ConfliBERT five-way classes ({result['half']}): {total} sentences",
             f"ACCURACY {overall:.3f} (no event read as 0: statement); {none} sentences without event;"
             f" accuracy where we coded one {coded:.3f}", "",
             "gold \\ ours        " + " ".join(f"{c:>5}" for c in range(5)) + "  none  recall"]
    for gold, name in enumerate(PENTA_NAMES):
        row = [confusion[(gold, ours)] for ours in range(5)]
        row_total = sum(row) + confusion[(gold, None)]
        right = row[gold] + (confusion[(gold, None)] if gold == NO_EVENT_CLASS else 0)
        lines.append(f"{gold} {name:<17}" + " ".join(f"{n:5d}" for n in row)
                     + f" {confusion[(gold, None)]:5d}  {right / row_total if row_total else 0:.3f}")
    return "\n".join(lines)
