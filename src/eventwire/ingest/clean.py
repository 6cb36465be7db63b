"""Plain-text cleaning: remove web boilerplate left in scraped text (placeholder rules)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CleanedText:
    text: str
    title: str | None
    source: str | None


def clean_plain_text(raw: str) -> CleanedText:
    lines = [line.strip() for line in raw.splitlines()]
    return CleanedText(text="\n".join(line for line in lines if line), title=None, source=None)
