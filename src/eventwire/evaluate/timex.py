"""TimeBank 1.2 (TempEval-3 TimeML files): date expressions found and normalised.

For every gold TIMEX3 of type DATE, it is *found* when one of our expressions overlaps it, and
*normalised* when that expression's value equals the gold value exactly (same precision:
``1998-01-08``, ``1998-W02``, ``1998-Q3``, ``PRESENT_REF`` ...). The acceptance figure is
normalised / found; extraction recall is found / gold.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate.metrics import progress
from eventwire.evaluate.split import HALVES, half_of, in_half
from eventwire.nlp import load_nlp
from eventwire.time.expressions import find_times

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    kind: str
    value: str


def read_tml(path: Path) -> tuple[str, dt.date | None, list[GoldTimex]]:
    """The plain text of a TimeML file, its creation date and its TIMEX3s (offsets in the text)."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    published = dt.date.fromisoformat(dct_match.group(1)) if dct_match else None
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    pieces: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in TAG.finditer(body):
        chunk = html.unescape(body[position:tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(ATTRIBUTE.findall(tag.group(3))))
        elif open_timex is not None:
            start, attributes = open_timex
            text = "".join(pieces)[start:length]
            timexes.append(GoldTimex(start, length, text, attributes.get("type", ""),
                                     attributes.get("value", "")))
            open_timex = None
    pieces.append(html.unescape(body[position:]))
    return "".join(pieces), published, timexes


COUNTS = ("documents", "gold_dates", "found", "normalised", "predicted")


def evaluate(path: str | Path, limit: int | None = None, half: str | None = None,
             **_options: object) -> dict:
    """Score the .tml folder (the files of one half, by file name, or all); the figures of the
    whole selection at the top level, each half's under ``halves``. Options of other evaluations
    (``min_confidence``) do not apply."""
    files = list(in_half(sorted(Path(path).glob("*.tml"))[:limit], half, key=lambda f: f.name))
    if not files:
        raise FileNotFoundError(f"no .tml files in {path}")
    nlp = load_nlp()
    halves = {name: Counter(dict.fromkeys(COUNTS, 0)) for name in HALVES}
    misses: Counter[str] = Counter()
    wrong: list[tuple[str, str, str | None]] = []
    for file in progress(files, "document"):
        side = half_of(file.name)
        # misses are listed from the tune half only: rules are written from them
        halves[side].update(_score_document(file, nlp, misses if side == "tune" else Counter(),
                                            wrong if side == "tune" else []))
    return {**_figures(sum(halves.values(), Counter()), misses, wrong),
            "halves": {name: _figures(totals, Counter(), []) for name, totals in halves.items()
                       if totals["documents"]}}


def _score_document(file: Path, nlp, misses: Counter, wrong: list) -> Counter:
    totals: Counter = Counter(documents=1)
    text, published, timexes = read_tml(file)
    doc = nlp(text)
    ours = [e for e in find_times(doc[:], published) if e.value]
    totals["predicted"] += len(ours)
    for gold in (t for t in timexes if t.kind == "DATE"):
        totals["gold_dates"] += 1
        overlapping = [e for e in ours if e.start < gold.end and gold.start < e.end]
        if not overlapping:
            misses[gold.text.lower()] += 1
            continue
        totals["found"] += 1
        if any(e.value == gold.value for e in overlapping):
            totals["normalised"] += 1
        elif len(wrong) < 25:
            wrong.append((gold.text, gold.value, overlapping[0].value))
    return totals


def _figures(totals: Counter, misses: Counter, wrong: list) -> dict:
    return {
        **{name: totals[name] for name in COUNTS},
        "recall": totals["found"] / totals["gold_dates"] if totals["gold_dates"] else 0.0,
        "normalisation": totals["normalised"] / totals["found"] if totals["found"] else 0.0,
        "missed": misses.most_common(15), "wrong": wrong[:25],
    }


def report(result: dict) -> str:
    """The figures of the whole selection, then each half's."""
    lines = _report_lines(result, "TimeBank")
    for name, figures in result.get("halves", {}).items():
        lines += ["", *_report_lines(figures, f"{name} half")[:4]]
    return "\n".join(lines)


def _report_lines(result: dict, title: str) -> list[str]:
    return [
        f"{title}: {result['documents']} documents, {result['gold_dates']} gold DATE timexes",
        f"extraction recall      {result['recall']:.3f} ({result['found']}/{result['gold_dates']})",
        f"normalised (of found)  {result['normalisation']:.3f} "
        f"({result['normalised']}/{result['found']})",
        f"our date expressions   {result['predicted']}",
        "most missed (tune half): " + ", ".join(f"{text!r} x{n}" for text, n in result["missed"]),
        "wrong values (tune half; text, gold, ours):",
        *(f"  {text!r}: {gold} vs {ours}" for text, gold, ours in result["wrong"]),
    ]
