"""Reading one phrase in its article: the facts its dictionary matches give (``phrase_facts``),
with a describing apposition (``apposition_title``), and its ``Mention`` once resolved
(``build_mention``: the actor's code and its span within the sentence).
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.article import ArticleContext
from eventwire.actors.dictionary import AGENT, MODIFIER, ORGANIZATION, PERSON, Entry, Role
from eventwire.actors.evidence import Step, StepKind
from eventwire.actors.matching import MODIFIER_DEPS, PLACE_KINDS, Match, phrase_tokens
from eventwire.actors.mention import Mention, PhraseFacts
from eventwire.records import Actor

# Sectors of public offices: who held one is an elite (ELI) once out of it.
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY", "OPP"})


def phrase_facts(ctx: ArticleContext, tokens: list[Any], head: Any) -> PhraseFacts:
    """What the dictionary matches lying wholly inside the phrase ``tokens`` say."""
    facts = PhraseFacts(head_match=ctx.match_at.get(head.i))
    seen: set[int] = set()
    inside = {token.i for token in tokens}
    for token in tokens:
        match = ctx.match_at.get(token.i)
        if match is None or id(match) in seen or match is facts.head_match:
            continue
        if not all(i in inside for i in range(match.start, match.end)):
            continue
        seen.add(id(match))
        add_fact(ctx, facts, match)
    facts.countries.sort(key=lambda c: (c[3] < head.i, c[3] if c[3] < head.i else -c[3]))
    return without_weak(facts)


def without_weak(facts: PhraseFacts) -> PhraseFacts:
    """The facts less the weak role words ("local", "public": agents.tsv flag ``weak``) when
    another role word, an organisation or a role-word head gives the phrase its sector:
    "local officials" are GOV, "local engineer X" CVL."""
    weak = [(e, t) for e, t in facts.agents if e.agent and "weak" in e.agent.flags]
    if not weak:
        return facts
    head = facts.head_match.best if facts.head_match else None
    strong = (len(weak) < len(facts.agents) or facts.organizations
              or (head is not None and head.agent is not None and "weak" not in head.agent.flags))
    if strong:
        facts.agents = [(e, t) for e, t in facts.agents if (e, t) not in weak]
    return facts


def add_fact(ctx: ArticleContext, facts: PhraseFacts, match: Match) -> None:
    """File one dictionary match of a phrase under what it says (country, role word, ...)."""
    text = ctx.doc[match.start : match.end].text
    entry = match.best
    if entry.kind in PLACE_KINDS:
        if not entry.country:
            return  # "Latin American": no country
        if ctx.is_aligned(match):
            facts.aligned.append((entry.country, text))
        else:
            facts.countries.append((entry.country, text, entry.source, match.start))
    elif entry.kind == ORGANIZATION and entry.named:
        if not inside_longer_name(ctx, match):
            facts.organizations.append((entry.named, text))
    elif entry.kind == PERSON and entry.named:
        facts.people.append((entry.named, text))
    elif entry.kind == AGENT and not ctx.is_aligned(match):  # not "pro-government"
        facts.agents.append((entry, text))
    elif entry.kind == MODIFIER and entry.agent and "former" in entry.agent.flags:
        facts.former = text


def unknown_body(ctx: ArticleContext, head: Any) -> Any:
    """The capitalised modifier the dictionary does not know in "the IIHF president": the
    role belongs to that body, whose country the article's context does not give (a place
    the gazetteer reads gives its own: ``body_place_country``)."""
    return next((t for t in head.children
                 if t.i < head.i and t.dep_ in ("compound", "nmod") and t.text[:1].isupper()
                 and t.i not in ctx.match_at and t.ent_type_ != "PERSON"
                 and not t.is_sent_start), None)


def body_place_country(ctx: ArticleContext, body: Any) -> str:
    """The country of a place the gazetteer reads in the article, where it names the body:
    "Dortmund police" are Germany's police, whatever the article's country. One country
    only; else none (the unknown body's rule)."""
    if body.ent_type_ not in ("GPE", "LOC"):
        return ""
    names = {body.text, ctx.doc[body.left_edge.i : body.i + 1].text}
    countries = {country for name, country, _ in ctx.place_names if name in names}
    return next(iter(countries)) if len(countries) == 1 else ""


def inside_longer_name(ctx: ArticleContext, match: Match) -> bool:
    """'Democratic Party' in 'the Social Democratic Party' is part of another name: a
    capitalised word the dictionary does not know modifies it right before the match."""
    if match.start == 0:
        return False
    before = ctx.doc[match.start - 1]
    return (before.text[:1].isupper() and before.i not in ctx.match_at
            and before.dep_ in MODIFIER_DEPS and match.start <= before.head.i < match.end
            and not before.is_sent_start)


def apposition_title(ctx: ArticleContext, head: Any, facts: PhraseFacts) -> PhraseFacts:
    """Title evidence of a name: its own modifiers plus a describing apposition.

    "his Russian counterpart Sergei Lavrov" and "Harry Tseng, Taiwan's deputy foreign
    minister" both say which role the person holds.
    """
    described = [head.head] if head.dep_ == "appos" else []
    described += [child for child in head.children if child.dep_ == "appos"]
    if not described:
        return facts
    merged = PhraseFacts(
        head_match=facts.head_match,
        countries=list(facts.countries),
        agents=list(facts.agents),
        aligned=list(facts.aligned),
        organizations=list(facts.organizations),
        people=list(facts.people),
        former=facts.former,
    )
    for other in described:
        outer = phrase_facts(ctx, phrase_tokens(other), other)
        merged.countries = outer.countries + merged.countries
        merged.agents = outer.agents + merged.agents
        merged.organizations = outer.organizations + merged.organizations
        if outer_office(outer):  # "X, a former MP" (ELI), not "X, a former teacher"
            merged.former = merged.former or former_modifier(ctx, other)
        if outer.head_match and outer.head_match.best.kind == AGENT:
            text = ctx.doc[outer.head_match.start : outer.head_match.end].text
            merged.agents.append((outer.head_match.best, text))
    return without_weak(merged)


def outer_office(facts: PhraseFacts) -> bool:
    """Whether a phrase's head is a public office (OFFICE_SECTORS): a former holder of one is an
    elite (ELI); a former teacher or journalist is not."""
    entry = facts.head_match.best if facts.head_match else None
    return bool(entry and entry.agent and OFFICE_SECTORS & set(entry.agent.sectors))


def former_sectors(former: str, sectors: list[str], steps: list[str]) -> list[str]:
    """The sectors of a role "former" (``former``, the word written) modifies: a former
    holder of a public office (OFFICE_SECTORS) is an elite, ELI; a former teacher keeps the
    teacher's sectors, being no office-holder of any kind."""
    if not former or not OFFICE_SECTORS & set(sectors):
        return sectors
    steps.append(Step(StepKind.SECTOR, f"'{former}': a former office-holder -> ELI"))
    return ["ELI"]


def former_modifier(ctx: ArticleContext, head: Any) -> str:
    """The word saying that the role ``head`` names is no longer held ("a former MP"), when it
    modifies that head itself (not "a lawyer for the former president")."""
    for child in head.children:
        match = ctx.match_at.get(child.i) if child.i < head.i else None
        entry = match.best if match is not None else None
        if entry is not None and entry.kind == MODIFIER and entry.agent and "former" in entry.agent.flags:
            return child.text
    return ""


def build_mention(
    ctx: ArticleContext,
    head: Any,
    tokens: list[Any],
    sentence: int,
    country: str,
    sectors: list[str],
    name: str | None,
    steps: list[str],
    entry: Entry | None,
    role: Role | None = None,
) -> Mention:
    """The mention of ``head`` resolved to ``country`` (with an organisation's block, if any)
    and ``sectors``; its span covers ``tokens``, counted from the start of its sentence."""
    start_char = min(t.idx for t in tokens)
    end_char = max(t.idx + len(t.text) for t in tokens)
    offset = ctx.sentence_offset.get(sentence, 0)
    block = role.code if role else ""
    if len(country) > 3:  # an organisation's country with its block, e.g. IGOEUREEC
        country, block = country[:3], country[3:]
    actor = Actor(
        text=ctx.text[start_char:end_char],
        code=(country or "") + block + "".join(sectors),
        country=country or None,
        sectors=list(sectors),
        name=name,
        start=start_char - offset,
        end=end_char - offset,
        resolution=steps,
    )
    return Mention(head=head, sentence=sentence, actor=actor, head_entry=entry)
