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


def evaluate(path: str | Path, limit: int | None = None, **_options: object) -> dict:
    """Score the .tml folder; options of other evaluations (``min_confidence``) do not apply."""
    files = sorted(Path(path).glob("*.tml"))[:limit]
    if not files:
        raise FileNotFoundError(f"no .tml files in {path}")
    nlp = load_nlp()
    gold_dates = found = normalised = predicted = 0
    misses: Counter[str] = Counter()
    wrong: list[tuple[str, str, str | None]] = []
    for file in progress(files, "document"):
        text, published, timexes = read_tml(file)
        doc = nlp(text)
        ours = [e for e in find_times(doc[:], published) if e.value]
        predicted += len(ours)
        for gold in (t for t in timexes if t.kind == "DATE"):
            gold_dates += 1
            overlapping = [e for e in ours if e.start < gold.end and gold.start < e.end]
            if not overlapping:
                misses[gold.text.lower()] += 1
                continue
            found += 1
            if any(e.value == gold.value for e in overlapping):
                normalised += 1
            else:
                wrong.append((gold.text, gold.value, overlapping[0].value))
    return {
        "documents": len(files), "gold_dates": gold_dates, "found": found,
        "normalised": normalised, "predicted": predicted,
        "recall": found / gold_dates if gold_dates else 0.0,
        "normalisation": normalised / found if found else 0.0,
        "missed": misses.most_common(15), "wrong": wrong[:25],
    }


def report(result: dict) -> str:
    lines = [
        f"TimeBank: {result['documents']} documents, {result['gold_dates']} gold DATE timexes",
        f"extraction recall      {result['recall']:.3f} ({result['found']}/{result['gold_dates']})",
        f"normalised (of found)  {result['normalisation']:.3f} "
        f"({result['normalised']}/{result['found']})",
        f"our date expressions   {result['predicted']}",
        "most missed: " + ", ".join(f"{text!r} x{n}" for text, n in result["missed"]),
        "wrong values (text, gold, ours):",
        *(f"  {text!r}: {gold} vs {ours}" for text, gold, ours in result["wrong"]),
    ]
    return "\n".join(lines)
