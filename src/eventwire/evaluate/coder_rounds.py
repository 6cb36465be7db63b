"""Coder rounds (../shared/gold/cameo_coder_rounds.jsonl): our CAMEO root beside human agreement.

200 sentences, each coded in several training rounds by up to five coders. Definitions:

- A coding's root: the CAMEO root of its first action (coders number actions in reading order);
  ``none`` when the coder coded no action, ``?`` when the action has no root.
- Ours: the root of the sentence's primary event (first prediction in reading order,
  ``sentences.py``); ``none`` without one.
- Human pairwise agreement: the share of pairs of coders of the same round and sentence whose
  roots are equal. Human vs majority: for each coding, the most frequent root among the other
  coders of its round (ties skipped), the share equal to the coding's.
- Ours vs each coder: the share of all codings whose root equals ours. Ours vs majority: for each
  round, the most frequent root of its coders (ties skipped), the share equal to ours.
- Each figure over all rounds and over the final round of each sentence (the coders' most
  trained work).
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path

from eventwire.evaluate.sentences import code_records, load_jsonl, predictions, primary_event
from eventwire.records import Event

NONE = "none"


def coding_root(coding: dict) -> str:
    actions = sorted(coding.get("actions") or [], key=lambda a: a.get("action") or 0)
    if not actions:
        return NONE
    return str(actions[0].get("cameo_root") or "?")


def majority(roots: list[str]) -> str | None:
    """The most frequent root; None for a tie or no roots."""
    top = Counter(roots).most_common(2)
    if not top or (len(top) > 1 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


class Agreement:
    """Agreement counts: matches / comparisons."""

    def __init__(self) -> None:
        self.equal = 0
        self.total = 0

    def add(self, equal: bool) -> None:
        self.equal += equal
        self.total += 1

    @property
    def share(self) -> float:
        return self.equal / self.total if self.total else 0.0


def score_round(ours: str, roots: list[str], counts: dict[str, Agreement]) -> None:
    """Add the comparisons of one round (its coders' roots) to ``counts``."""
    for a, b in combinations(roots, 2):
        counts["human pairwise"].add(a == b)
    for index, root in enumerate(roots):
        others = majority(roots[:index] + roots[index + 1:])
        if others is not None:
            counts["human vs majority"].add(root == others)
        counts["ours vs coder"].add(root == ours)
    everyone = majority(roots)
    if everyone is not None:
        counts["ours vs majority"].add(ours == everyone)


def our_root(text: str, events: list[Event]) -> str:
    primary = primary_event(text, events)
    return primary.cameo_root if primary else NONE


FIGURES = ("human pairwise", "human vs majority", "ours vs coder", "ours vs majority")


def evaluate(path: str | Path, min_confidence: float = 0.0, half: str | None = None) -> dict:
    every = {name: Agreement() for name in FIGURES}
    final = {name: Agreement() for name in FIGURES}
    sentences = 0
    for record, events in code_records(load_jsonl(path), half):
        sentences += 1
        ours = our_root(record["text"], predictions(events, min_confidence))
        rounds = sorted(record["rounds"], key=lambda r: r["round"])
        for number, round_ in enumerate(rounds):
            roots = [coding_root(c) for c in round_["coders"]]
            score_round(ours, roots, every)
            if number == len(rounds) - 1:
                score_round(ours, roots, final)
    return {"half": half or "all", "sentences": sentences, "all": every, "final": final}


def report(result: dict) -> str:
    lines = [f"CAMEO coder rounds ({result['half']}): {result['sentences']} sentences, CAMEO root agreement",
             f"{'':<20} {'all rounds':>16} {'final round':>16}"]
    for name in FIGURES:
        cells = [f"{c[name].share:6.3f} ({c[name].total:4d})" for c in (result["all"], result["final"])]
        lines.append(f"{name:<20} {cells[0]:>16} {cells[1]:>16}")
    return "\n".join(lines)
