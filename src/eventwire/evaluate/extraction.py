"""Main-text extraction scored against the L3S-GN1 ground truth.

The metric is the one of the article-extraction-benchmark (scrapinghub): each text becomes the
multiset of its 4-word shingles of ``\\w+`` tokens; per document, precision and recall are
computed from the shingles in common; both are averaged over documents and F1 is taken from
the two averages. Documents with fewer than four tokens give one shorter shingle.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE_SIZE = 4


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))


def precision_recall(expected: str, predicted: str) -> tuple[float, float]:
    """Shingle precision and recall of one document (an empty side scores 0, both empty 1)."""
    truth, guess = shingles(expected), shingles(predicted)
    if not truth and not guess:
        return 1.0, 1.0
    common = sum((truth & guess).values())
    precision = common / sum(guess.values()) if guess else 0.0
    recall = common / sum(truth.values()) if truth else 0.0
    return precision, recall


@dataclass
class ExtractionScore:
    name: str
    documents: int
    precision: float
    recall: float
    seconds: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def line(self) -> str:
        return (
            f"{self.name:<24} docs={self.documents} precision={self.precision:.4f} "
            f"recall={self.recall:.4f} F1={self.f1:.4f} ({self.seconds:.1f} s)"
        )


Extractor = Callable[[str, str], str]  # (html, page id) -> main text


def load_ground_truth(corpus: Path) -> dict[str, str]:
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: record.get("fulltext") or "" for page_id, record in truth.items()}


def score_extractor(name: str, extractor: Extractor, corpus: Path) -> ExtractionScore:
    truth = load_ground_truth(corpus)
    precisions: list[float] = []
    recalls: list[float] = []
    started = time.perf_counter()
    for page_id, fulltext in sorted(truth.items()):
        html = (corpus / "html" / f"{page_id}.html").read_bytes().decode("utf-8", "replace")
        precision, recall = precision_recall(fulltext, extractor(html, page_id))
        precisions.append(precision)
        recalls.append(recall)
    seconds = time.perf_counter() - started
    count = len(precisions)
    return ExtractionScore(name, count, sum(precisions) / count, sum(recalls) / count, seconds)


def trafilatura_defaults(html: str, page_id: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""
