"""What a run read and skipped, for the summary line that ends every run."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from eventwire.records import WARNING, Article, ReadError


@dataclass
class IngestReport:
    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # kind of skip -> count

    def record(self, item: Article | ReadError) -> None:
        if isinstance(item, ReadError):
            if item.kind != WARNING:  # a warned document comes next, as an Article
                self.skipped[item.kind] += 1
        else:
            self.read += 1

    @property
    def duplicates(self) -> int:
        return self.skipped["duplicate"]

    def summary(self) -> str:
        """One line, e.g. ``eventwire: read 12 articles; skipped 3 (2 unreadable, 1 language)``."""
        line = f"eventwire: read {self.read} article{'s' if self.read != 1 else ''}"
        total = sum(self.skipped.values())
        if total:
            reasons = ", ".join(f"{count} {kind}" for kind, count in sorted(self.skipped.items()))
            line += f"; skipped {total} ({reasons})"
        return line
