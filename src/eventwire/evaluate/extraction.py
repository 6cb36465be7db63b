"""Main-text extraction scored against the L3S-GN1 ground truth (``../shared/corpora/l3s_gn1``).

The metric is the one of the article-extraction-benchmark (scrapinghub): each text becomes the
multiset of its 4-word shingles of ``\\w+`` tokens; per document, precision and recall come from
the shingles in common; both are averaged over documents and F1 is taken from the two averages.
A text of fewer than four tokens gives one shorter shingle; an empty extraction scores 0/0.

Also here: the same pages read from the corpus's WARC file must give the same articles as the
HTML files, and the throughput of extraction alone against trafilatura called directly.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from eventwire.ingest.decode import DocumentError, decode_text
from eventwire.ingest.html import extract_html
from eventwire.ingest.readers import read_articles
from eventwire.records import Article

TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE_SIZE = 4
WARC_NAME = "l3s_gn1_original_reconstructed.warc.gz"

Extractor = Callable[[str], str]  # decoded HTML -> main text


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
            f"{self.name:<22} pages={self.documents} precision={self.precision:.4f} "
            f"recall={self.recall:.4f} F1={self.f1:.4f} ({self.seconds:.1f} s)"
        )


def load_ground_truth(corpus: Path) -> dict[str, str]:
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: record.get("fulltext") or "" for page_id, record in truth.items()}


def iter_pages(corpus: Path, limit: int | None = None) -> Iterator[tuple[str, str, str]]:
    """(page id, decoded HTML, ground-truth full text) for each page, in id order."""
    truth = load_ground_truth(corpus)
    for page_id in sorted(truth)[:limit]:
        data = (corpus / "html" / f"{page_id}.html").read_bytes()
        yield page_id, decode_text(data), truth[page_id]


def eventwire_text(html: str) -> str:
    try:
        return extract_html(html, "page").text
    except DocumentError:
        return ""


def trafilatura_defaults(html: str) -> str:
    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Extractor] = {
    "eventwire": eventwire_text,
    "trafilatura defaults": trafilatura_defaults,
}


def score_extractors(
    corpus: Path, limit: int | None = None, extractors: dict[str, Extractor] | None = None
) -> list[ExtractionScore]:
    """Score each extractor on the same pages: each page is decoded once, then every extractor
    runs on it in turn, so that a busy machine slows them alike."""
    extractors = extractors or EXTRACTORS
    sums = {name: [0.0, 0.0, 0.0] for name in extractors}  # precision, recall, seconds
    count = 0
    for _, html, fulltext in iter_pages(corpus, limit):
        count += 1
        for name, extractor in extractors.items():
            started = time.perf_counter()
            text = extractor(html)
            sums[name][2] += time.perf_counter() - started
            precision, recall = precision_recall(fulltext, text)
            sums[name][0] += precision
            sums[name][1] += recall
    return [
        ExtractionScore(name, count, total[0] / count, total[1] / count, total[2])
        for name, total in sums.items()
    ]


def throughput_line(ours: ExtractionScore, baseline: ExtractionScore) -> str:
    """Pages per second of each, and ours as a ratio of trafilatura's (same run, same pages)."""
    ratio = baseline.seconds / ours.seconds if ours.seconds else 0.0
    return (
        f"throughput: eventwire {ours.documents / ours.seconds:.1f} pages/s, trafilatura "
        f"{baseline.documents / baseline.seconds:.1f} pages/s (eventwire at {ratio:.2f}x "
        "trafilatura's speed)"
    )


def _read_pages(sources: list[str]) -> tuple[dict[str, Article], set[str]]:
    """Articles by id, and the page ids (file stem or record UUID) that gave none."""
    articles: dict[str, Article] = {}
    failed: set[str] = set()
    for item in read_articles(sources, languages=None, dedupe=False, progress=False):
        if isinstance(item, Article):
            articles[item.id] = item
        else:
            failed.add(Path(item.document.split("#")[-1]).stem)
    return articles, failed


@dataclass
class WarcAgreement:
    same: int  # pages giving an article with the same id, title and text both ways
    failed_both: int  # pages giving no article both ways
    differing: list[str]  # page ids that differ (an article one way only, or another text)

    def line(self) -> str:
        pages = self.same + self.failed_both + len(self.differing)
        return (
            f"WARC vs HTML files: {pages} pages; {self.same} give identical articles (id, title, "
            f"text), {self.failed_both} give none either way, {len(self.differing)} differ"
            + (f" ({', '.join(self.differing[:5])})" if self.differing else "")
        )


def warc_agreement(corpus: Path) -> WarcAgreement:
    from_html, html_failed = _read_pages([str(corpus / "html")])
    from_warc, warc_failed = _read_pages([str(corpus / WARC_NAME)])

    def content(article: Article | None) -> tuple[str | None, str] | None:
        return (article.title, article.text) if article else None

    keys = from_html.keys() | from_warc.keys()
    differing = sorted(
        key for key in keys if content(from_html.get(key)) != content(from_warc.get(key))
    )
    differing += sorted((html_failed ^ warc_failed) - keys)
    return WarcAgreement(len(keys) - len(differing), len(html_failed & warc_failed), differing)


def report(corpus: Path, limit: int | None = None, warc: bool = True) -> tuple[list[str], bool]:
    """The lines ``eventwire eval extraction`` prints, and whether the targets are met
    (F1 ≥ 0.90 and not below plain trafilatura)."""
    ours, baseline = score_extractors(corpus, limit)
    lines = [ours.line(), baseline.line(), throughput_line(ours, baseline)]
    ok = ours.f1 >= 0.90 and ours.f1 >= baseline.f1
    if warc and limit is None:
        agreement = warc_agreement(corpus)
        lines.append(agreement.line())
        ok = ok and not agreement.differing
    return lines, ok
