"""The candidate event a pattern match makes: its pattern, trigger, and the words of its sources
and targets. Shared by matching, statements, filters and building."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.events.patterns import Pattern

Token = Any


@dataclass
class Candidate:
    pattern: Pattern
    trigger: Token
    sources: list[Token]
    targets: list[Token]
    pair: bool = False  # sources and targets are one coordinated group ("X and Y met")
    content: tuple[int, ...] = ()  # tokens the pattern used as its content ("impose *sanctions*")
