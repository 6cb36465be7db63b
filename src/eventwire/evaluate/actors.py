"""Actor resolution against ``actor_resolution_cases.jsonl`` (the NGEC actor test cases).

Each case gives an actor text (with an optional context and date) and the expected country
and first sector. A case is right when every expected field that is present matches:

- ``cc`` / ``country``: our country; for an organisation coded IGO the organisation block
  counts too (the EU is IGOEUREEC, so "EUR" matches; the UN Security Council "UNO").
  An empty expectation means "no country".
- ``code_1``: our first sector ("" means no sector).
- ``"code": null``: the text is not an actor.

Only the methods of the acceptance are scored by default: ``agent_to_code``,
``short_text_to_agent`` and ``search_nat`` (``query_wiki`` needs Wikipedia look-ups).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from eventwire.actors.resolve import ActorResolver, resolve_phrase
from eventwire.evaluate.split import in_half
from eventwire.records import Actor

SCORED_METHODS = ("agent_to_code", "short_text_to_agent", "search_nat")
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y")


def case_date(value: str) -> str | None:
    """An ISO date from a case's date ("10 May 2015", "October 1, 2021"); "today" is no date.

    "Today" in the cases means the day they were written, which is unknown: the resolver then
    uses the evidence in the text and the most recent role, as for an undated article.
    """
    text = value.strip()
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    return None


@dataclass
class CaseResult:
    test: str
    method: str
    text: str
    expected: dict[str, Any]
    got_country: str
    got_sector: str
    correct: bool
    resolution: list[str] = field(default_factory=list)


@dataclass
class MethodScore:
    method: str
    cases: int = 0
    correct: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.cases if self.cases else 0.0


@dataclass
class ActorEvaluation:
    results: list[CaseResult]

    def scores(self) -> list[MethodScore]:
        by_method: dict[str, MethodScore] = {}
        for result in self.results:
            score = by_method.setdefault(result.method, MethodScore(result.method))
            score.cases += 1
            score.correct += result.correct
        return [by_method[m] for m in sorted(by_method)]

    def overall(self) -> MethodScore:
        return MethodScore(
            "all", len(self.results), sum(result.correct for result in self.results)
        )

    def report(self, show_failures: bool = False) -> str:
        lines = ["method                 cases  correct  accuracy"]
        for score in [*self.scores(), self.overall()]:
            lines.append(
                f"{score.method:<22} {score.cases:>5}  {score.correct:>7}  {score.accuracy:>8.1%}"
            )
        if show_failures:
            lines.append("")
            for r in self.results:
                if not r.correct:
                    want = {k: v for k, v in r.expected.items() if k in ("cc", "country", "code_1")}
                    lines.append(
                        f"MISS {r.test} {r.text!r}: got country={r.got_country!r} "
                        f"sector={r.got_sector!r}, expected {want}"
                    )
        return "\n".join(lines)


def _country_matches(expected: str, actor: Actor | None) -> bool:
    if actor is None or not actor.country:
        return expected == ""
    if expected == actor.country:
        return True
    if actor.country == "IGO":  # organisation block: IGO + EUREEC -> "EUR", "UNO"
        block = actor.code[3:]
        return bool(expected) and block.startswith(expected)
    return False


def score_case(expected: dict[str, Any], actor: Actor | None) -> bool:
    if "code" in expected and expected["code"] is None:
        return actor is None or (not actor.country and not actor.sectors)
    country = expected.get("cc", expected.get("country"))
    if country is not None and not _country_matches(country, actor):
        return False
    if "code_1" in expected:
        sector = actor.sectors[0] if actor and actor.sectors else ""
        return sector == expected["code_1"]
    return True


def read_cases(path: Path) -> Iterable[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: not JSON: {exc}") from exc


def evaluate_actor_cases(
    path: str | Path,
    resolver: ActorResolver | None = None,
    methods: Iterable[str] = SCORED_METHODS,
    half: str | None = None,
) -> ActorEvaluation:
    """Resolve every case of the chosen methods (of one half, by the case's ``test`` name,
    when ``half`` is "tune" or "check") and score it."""
    resolver = resolver or ActorResolver.default()
    wanted = set(methods)
    results = []
    cases = (case for _, case in read_cases(Path(path)))
    for case in in_half(cases, half, key=lambda c: c.get("test", "")):
        method = case.get("method", "")
        if method not in wanted:
            continue
        args = list(case.get("args", [])) + ["", "", ""]
        text, context, day = str(args[0]), str(args[1] or ""), str(args[2] or "")
        actor = resolve_phrase(resolver, text, date=case_date(day), context=context)
        expected = case.get("expected", {})
        results.append(
            CaseResult(
                test=case.get("test", ""),
                method=method,
                text=text,
                expected=expected,
                got_country=(actor.country or "") if actor else "",
                got_sector=(actor.sectors[0] if actor and actor.sectors else ""),
                correct=score_case(expected, actor),
                resolution=actor.resolution if actor else [],
            )
        )
    return ActorEvaluation(results)


# CAMEO country codes that differ from ISO alpha-3 in the PLOVER gold records.
CAMEO_TO_ISO = {"JAP": "JPN", "VTN": "VNM"}


@dataclass
class InContextScore:
    """Actors of the PLOVER gold sentences, resolved in their sentence."""

    actors: int = 0
    found: int = 0  # the resolver gave an actor for the marked words
    country_right: int = 0
    sector_cases: int = 0
    sector_right: int = 0
    misses: list[str] = field(default_factory=list)

    def report(self, show_failures: bool = False) -> str:
        def share(part: int, whole: int) -> str:
            return f"{part}/{whole} = {part / whole:.1%}" if whole else "0/0"

        lines = [
            f"PLOVER gold actors in context: {self.actors}",
            f"  resolved to an actor:  {share(self.found, self.actors)}",
            f"  country right:         {share(self.country_right, self.actors)}",
            f"  first sector right:    {share(self.sector_right, self.sector_cases)}"
            " (records that give a sector)",
        ]
        if show_failures:
            lines += ["", *self.misses]
        return "\n".join(lines)


def _marked_actors(record: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for role in ("source", "target"):
        value = record.get(role)
        if isinstance(value, list):
            yield from (a for a in value if isinstance(a, dict) and a.get("actorText"))


def evaluate_plover_actors(
    path: str | Path, resolver: ActorResolver | None = None, half: str | None = None
) -> InContextScore:
    """Resolve the marked source/target words of each PLOVER record inside its sentence.

    The records are CAMEO-manual examples with a placeholder date, so they are resolved
    undated. An actor counts as found when a resolved phrase's head lies in the marked words.
    """
    from eventwire.nlp import parse_article
    from eventwire.pipeline import ArticlePlacesOnce
    from eventwire.records import Article

    resolver = resolver or ActorResolver.default()
    score = InContextScore()
    records = (record for _, record in read_cases(Path(path)))
    for record in in_half(records, half, key=lambda r: r.get("id", "")):
        wanted = [a for a in _marked_actors(record) if a.get("code") not in (None, "", "IMG")]
        if not wanted:
            continue
        parsed = parse_article(Article(id=str(record.get("id")), text=record.get("text", "")))
        actors = resolver.annotate(parsed, ArticlePlacesOnce(parsed).named)  # as the pipeline
        for marked in wanted:
            score.actors += 1
            expected = CAMEO_TO_ISO.get(marked["code"], marked["code"])
            sector = str(marked.get("sector") or "")[:3].upper()
            sector = "" if sector in ("", "***") else sector
            score.sector_cases += bool(sector)
            actor = _actor_for_marked_words(parsed, actors, marked["actorText"], expected)
            if actor is None:
                score.misses.append(f"MISS {record.get('id')} {marked['actorText']!r}: no actor")
                continue
            score.found += 1
            country_ok = _country_matches(expected, actor)
            score.country_right += country_ok
            sector_ok = bool(sector) and bool(actor.sectors) and actor.sectors[0] == sector
            score.sector_right += sector_ok
            if not country_ok or (sector and not sector_ok):
                score.misses.append(
                    f"MISS {record.get('id')} {marked['actorText']!r}: got {actor.code}, "
                    f"expected {expected}{sector}"
                )
    return score


def _actor_for_marked_words(
    parsed: Any, actors: Any, marked: str, expected: str
) -> Actor | None:
    """The actor of the phrase that covers most of the marked words (its head inside them).

    A coordinated phrase ("US and British forces") has one actor per country; the one with
    the expected country is taken, as an event coder takes one event per actor.
    """
    start = parsed.doc.text.lower().find(marked.lower())
    if start < 0:
        return None
    end = start + len(marked)
    best: tuple[int, list[Actor]] | None = None
    for token in parsed.doc:
        if not (start <= token.idx < end) or token.i not in actors.head_indices():
            continue
        found = actors.actors_at(token)
        sentence_start = token.sent.start_char
        first = found[0]
        overlap = min(end, sentence_start + (first.end or 0)) - max(
            start, sentence_start + (first.start or 0)
        )
        if best is None or overlap > best[0]:
            best = (overlap, found)
    if best is None:
        return None
    return next((a for a in best[1] if _country_matches(expected, a)), best[1][0])


def is_plover_file(path: str | Path) -> bool:
    for _, record in read_cases(Path(path)):
        return "method" not in record and ("source" in record or "target" in record)
    return False
