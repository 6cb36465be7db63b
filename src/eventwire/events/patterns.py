"""The pattern dictionary: verb and noun patterns that map predicates to CAMEO codes.

Patterns live in ``events/data/verb_patterns.yaml`` and ``events/data/noun_patterns.yaml``
(format in docs/data.md). Each pattern keeps the file and line it came from, so every event can
say which rule fired (the evidence issue).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.events.cameo import cameo_table

DATA_FILES = ("verb_patterns.yaml", "noun_patterns.yaml", "discards.yaml", "statement_cues.yaml")


class PatternError(ValueError):
    """A pattern file is malformed; the message names the file and line."""


@dataclass(frozen=True)
class Pattern:
    """One rule: a predicate (verb lemma + optional particle, or event noun) and its constraints."""

    id: str
    cameo: str
    kind: str  # "verb" or "noun"
    lemma: str
    particle: str | None = None  # verb particle ("pull *out*")
    objects: frozenset[str] = frozenset()  # required direct-object lemmas ("impose *sanctions*")
    prep: str | None = None  # required preposition ("meet *with*"); its object is the target
    source_preps: tuple[str, ...] = ()  # noun patterns: prepositions introducing the source
    target_preps: tuple[str, ...] = ()  # noun patterns: prepositions introducing the target
    requires: frozenset[str] = frozenset()  # lemmas that must occur in the sentence
    symmetric: bool = False  # "X and Y met" codes both directions
    implies: str | None = None  # code implied for the author of the object ("claims X denied")
    source_file: str = ""
    line: int = 0

    @property
    def rule_source(self) -> str:
        return f"{self.source_file}:{self.line}"

    @property
    def specificity(self) -> int:
        """More constraints = more specific = tried first and trusted more."""
        return (
            2 * bool(self.objects) + bool(self.prep) + bool(self.particle) + bool(self.requires)
        )


@dataclass
class PatternBook:
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)  # by lemma
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)  # by lemma
    discards: list[dict[str, Any]] = field(default_factory=list)
    optimistic: tuple[str, ...] = ()  # statement cues (statement_cues.yaml)
    pessimistic: tuple[str, ...] = ()
    version_hash: str = ""

    @property
    def by_id(self) -> dict[str, Pattern]:
        return {p.id: p for group in (self.verbs, self.nouns) for ps in group.values() for p in ps}


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that records the line of every mapping as ``__line__``.

    It also reads ``on``/``off``/``yes``/``no`` as words, not booleans (YAML 1.1 would turn
    ``prep: on`` into ``prep: True``); only ``true``/``false`` are booleans.
    """


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _pattern(kind: str, key: str, entry: dict[str, Any], file: str) -> Pattern:
    line = entry.get("__line__", 0)
    where = f"{file}:{line}"
    known = {"id", "cameo", "object", "prep", "source", "target", "requires", "symmetric",
             "implies", "__line__", "note"}
    unknown = set(entry) - known
    if unknown:
        raise PatternError(f"{where}: unknown keys {sorted(unknown)}")
    if "id" not in entry or "cameo" not in entry:
        raise PatternError(f"{where}: a pattern needs an id and a cameo code")
    cameo = str(entry["cameo"])
    implies = str(entry["implies"]) if entry.get("implies") else None
    for code in filter(None, (cameo, implies)):
        if code not in cameo_table():
            raise PatternError(f"{where}: {code!r} is not a CAMEO code")
    lemma, _, particle = key.partition(" ")
    return Pattern(
        id=str(entry["id"]),
        cameo=cameo,
        kind=kind,
        lemma=lemma.lower(),
        particle=particle.lower() or None,
        objects=frozenset(o.lower() for o in _as_tuple(entry.get("object"))),
        prep=(entry.get("prep") or None),
        source_preps=_as_tuple(entry.get("source")),
        target_preps=_as_tuple(entry.get("target")),
        requires=frozenset(r.lower() for r in _as_tuple(entry.get("requires"))),
        symmetric=bool(entry.get("symmetric", False)),
        implies=implies,
        source_file=f"events/data/{file}",
        line=line,
    )


def _load_section(
    kind: str, data: dict[str, Any], file: str, seen: dict[str, str]
) -> dict[str, list[Pattern]]:
    section: dict[str, list[Pattern]] = {}
    for key, entries in data.items():
        if key == "__line__":
            continue
        if not isinstance(entries, list):
            raise PatternError(f"{file}: {key!r} must hold a list of patterns")
        for entry in entries:
            pattern = _pattern(kind, str(key), entry, file)
            if pattern.id in seen:
                raise PatternError(
                    f"{pattern.rule_source}: duplicate id {pattern.id!r} (first at {seen[pattern.id]})"
                )
            seen[pattern.id] = pattern.rule_source
            section.setdefault(pattern.lemma, []).append(pattern)
    for patterns in section.values():
        patterns.sort(key=lambda p: -p.specificity)
    return section


# A folder holding the user's own copies of DATA_FILES, used instead of the packaged ones.
PATTERNS_DIR_VARIABLE = "EVENTWIRE_PATTERNS_DIR"


@lru_cache(maxsize=1)
def pattern_book() -> PatternBook:
    """Load the pattern files once per process: the packaged ones, or those in the folder
    named by ``$EVENTWIRE_PATTERNS_DIR`` (a user's edited copies)."""
    override = os.environ.get(PATTERNS_DIR_VARIABLE)
    folder = Path(override) if override else resources.files("eventwire.events") / "data"
    digest = hashlib.sha256()
    loaded: dict[str, Any] = {}
    for name in DATA_FILES:
        raw = (folder / name).read_text(encoding="utf-8")
        digest.update(raw.encode("utf-8"))
        try:
            loaded[name] = yaml.load(raw, Loader=_LineLoader) or {}
        except yaml.YAMLError as exc:
            raise PatternError(f"events/data/{name}: {exc}") from exc
    seen: dict[str, str] = {}
    return PatternBook(
        verbs=_load_section("verb", loaded["verb_patterns.yaml"].get("verbs", {}),
                            "verb_patterns.yaml", seen),
        nouns=_load_section("noun", loaded["noun_patterns.yaml"].get("nouns", {}),
                            "noun_patterns.yaml", seen),
        discards=list(loaded["discards.yaml"].get("discards", [])),
        optimistic=_as_tuple(loaded["statement_cues.yaml"].get("optimistic")),
        pessimistic=_as_tuple(loaded["statement_cues.yaml"].get("pessimistic")),
        version_hash=digest.hexdigest()[:12],
    )
