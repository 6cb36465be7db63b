"""Counting helpers shared by the evaluations."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from tqdm import tqdm

Item = TypeVar("Item")


def progress(items: Sequence[Item], unit: str) -> Iterable[Item]:
    """``items`` with a progress bar on stderr when it is a terminal (evaluations parse for
    minutes)."""
    return tqdm(items, unit=unit, disable=not sys.stderr.isatty(), leave=False)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return (f"{name:<14} {self.precision:6.3f} {self.recall:6.3f} {self.f1:6.3f}"
                f" {self.tp:5d} {self.fp:5d} {self.fn:5d}")


HEADER = f"{'':<14} {'prec':>6} {'recall':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"


def deciles(scored: Iterable[tuple[float, bool]]) -> list[tuple[float, float, int, float]]:
    """Precision by confidence decile: (low, high, count, precision), lowest decile first.

    Sorted by confidence alone (ties keep their input order), so that events of equal
    confidence are not ordered by whether they are correct.
    """
    items = sorted(scored, key=lambda item: item[0])
    if not items:
        return []
    rows = []
    for d in range(10):
        chunk = items[d * len(items) // 10:(d + 1) * len(items) // 10]
        if chunk:
            correct = sum(1 for _, ok in chunk if ok)
            rows.append((chunk[0][0], chunk[-1][0], len(chunk), correct / len(chunk)))
    return rows


def format_deciles(rows: list[tuple[float, float, int, float]]) -> str:
    lines = [f"{'decile':<7} {'confidence':>13} {'events':>7} {'precision':>9}"]
    for number, (low, high, count, precision) in enumerate(rows, start=1):
        lines.append(f"{number:<7} {low:6.3f}-{high:6.3f} {count:7d} {precision:9.3f}")
    return "\n".join(lines)
