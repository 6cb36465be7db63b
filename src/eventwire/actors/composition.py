"""Composition: the actor a phrase names, built from the dictionary matches inside it.

The head word decides what kind of actor it is: a place, a capital (a metonym for its
government), a country or a demonym; an organisation (with its role on the article date); a
role word (agent) with its sectors and the country its modifiers, possessor or context give;
or a thing an actor owns ("Putin's decision"), which stands for that actor. People are
composed in ``people``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from eventwire.actors.article import ArticleContext
from eventwire.actors.company_officers import BUSINESS, company_behind, is_officer_title, officer_step
from eventwire.actors.country_from_context import context_country
from eventwire.actors.country_in_phrase import phrase_country, residence_country
from eventwire.actors.dictionary import (
    ADJECTIVE,
    CAPITAL,
    COUNTRY,
    ORGANIZATION_COUNTRIES,
    PLACE,
    Entry,
    Named,
    words,
)
from eventwire.actors.evidence import Step, StepKind
from eventwire.actors.matching import Match
from eventwire.actors.mention import Mention, PhraseFacts
from eventwire.actors.phrase import build_mention, former_sectors
from eventwire.actors.spoken_for import party_behind
from eventwire.words import ACTOR_LOCATIVE_PREPOSITIONS

# Kinds of organisation (organizations.tsv, column kind) whose acronyms other countries' bodies
# share ("NPA": Philippine rebels, South Africa's prosecutors; "SDF": Syrian or Japanese forces).
ACRONYM_KINDS = frozenset({"armed group", "party", "militia", "separatist group", "cartel", "gang",
                           "criminal group", "paramilitary", "ruling party"})
# Dependents through which an actor owns the thing a noun names ("U.S. request", "Serbia's move").
ATTRIBUTE_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def compose_place(
    ctx: ArticleContext,
    head: Any,
    tokens: list[Any],
    facts: PhraseFacts,
    sentence: int,
    match: Match,
    entry: Entry,
) -> Mention | None:
    """A place, a capital, a country or a demonym heading the phrase."""
    locative = head.dep_ == "pobj" and head.head.lower_ in ACTOR_LOCATIVE_PREPOSITIONS
    if entry.kind == PLACE and not entry.country:
        return None  # a continent or world region ("Latin America") is no actor
    if entry.kind == PLACE:
        # Alone a city stands for its people ("Mariupol was shelled"), a region for its country.
        sectors = ["CVL"] if entry.detail == "city" and not locative else []
        steps = [Step(
            StepKind.DICTIONARY,
            f"'{ctx.doc[match.start : match.end].text}' is a {entry.detail} in {entry.country}"
            + (", standing for its people" if sectors else "")
            + f" ({entry.source})",
        )]
        return build_mention(ctx, head, tokens, sentence, entry.country, sectors, None, steps, entry)
    if entry.kind == CAPITAL and locative:
        steps = [
            Step(
                StepKind.DICTIONARY,
                f"'{head.head.text} {head.text}' is a place in {entry.country}, "
                f"not a metonym ({entry.source})"
            )
        ]
        return build_mention(
            ctx,
            head,
            tokens,
            sentence,
            entry.country,
            [],
            ctx.dictionary.country_name(entry.country),
            steps,
            entry,
        )
    if entry.kind == CAPITAL:
        steps = [
            Step(
                StepKind.DICTIONARY,
                f"metonymy: '{ctx.doc[match.start : match.end].text}' is the capital or seat of "
                f"{ctx.dictionary.country_name(entry.country)} and stands for its government "
                f"({entry.source})"
            )
        ]
        return build_mention(ctx, head, tokens, sentence, entry.country, ["GOV"], None, steps, entry)
    if entry.kind in (COUNTRY, ADJECTIVE):
        if ctx.is_aligned(match):
            return None
        noun = "country name" if entry.kind == COUNTRY else "demonym"
        steps = [
            Step(
                StepKind.DICTIONARY,
                f"{noun} '{ctx.doc[match.start : match.end].text}' -> {entry.country} "
                f"({entry.source})"
            )
        ]
        country = entry.country
        if entry.kind == ADJECTIVE:
            country = residence_country(ctx, head, facts, entry.country, steps)
        sectors = role_sectors(facts)  # "ordinary Kazakhs" -> KAZCVL
        if sectors:
            written = ", ".join(text for _, text in facts.agents)
            steps.append(Step(StepKind.SECTOR, f"modifier {written} -> {' '.join(sectors)}"))
        name = ctx.dictionary.country_name(country)
        return build_mention(ctx, head, tokens, sentence, country, sectors, name, steps, entry)
    return None  # not reached: PLACE_KINDS are the four kinds above


def compose_agent(
    ctx: ArticleContext, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int, entry: Entry
) -> Mention | None:
    """A role word heading the phrase ("police", "the foreign minister"): its sectors, with
    those of the organisations and role words modifying it, and the country the phrase or its
    context gives; None for a generic title speaking for a party nothing resolves
    ("a spokesman for Roger", with no Roger before)."""
    assert entry.agent is not None
    match = facts.head_match
    assert match is not None
    steps = [
        Step(
            StepKind.DICTIONARY,
            f"agent '{ctx.doc[match.start : match.end].text}' -> "
            f"{' '.join(entry.agent.sectors) or 'no sector'} ({entry.source})"
        )
    ]
    sectors: list[str] = []
    if "victim" in entry.agent.flags:
        # "victims of a terrorist attack": the attachment says what happened to them
        facts = replace(facts, organizations=[], agents=[])
        steps.append(Step(
            StepKind.SECTOR,
            "victims: the words around them name what happened to them, not who "
            "they are"
        ))
    for named, text in facts.organizations:  # "Boko Haram gunmen", "CIA official"
        role = named.role_on(ctx.day)
        if role:
            sectors.extend(s for s in role.sectors if s not in sectors)
            steps.append(Step(
                StepKind.SECTOR,
                f"member of '{text}' ({named.name}) -> {' '.join(role.sectors)}"
            ))
    member = "member" in entry.agent.flags
    if member:  # "intelligence agency officer": the agency first
        for agent_entry, text in facts.agents:
            if agent_entry.agent and agent_entry.agent.sectors:
                sectors.extend(s for s in agent_entry.agent.sectors if s not in sectors)
                steps.append(Step(
                    StepKind.SECTOR,
                    f"member of '{text}' -> {' '.join(agent_entry.agent.sectors)}"
                ))
    # A title speaking for a party the text names ("Eminem's spokesperson") has that party's
    # sector; where nothing resolves the party, its default sector would be a guess.
    company = company_behind(ctx, head) if is_officer_title(entry) else None
    speaks = "speaks" in entry.agent.flags and not sectors and company is None
    party = party_behind(ctx, head, steps) if speaks else None
    if party is not None and not party.sectors:
        return None
    if party is not None:
        sectors = list(party.sectors)
    # One sector per role: "Hamas leader" is REB, "chairman of the Federation Council" LEG
    # (the "member of" steps above say so); a generic title's own sector only when nothing
    # stands behind it.
    if not (member and sectors):
        sectors.extend(s for s in entry.agent.sectors if s not in sectors)
    for agent_entry, text in facts.agents:
        if agent_entry.agent:
            new = [s for s in agent_entry.agent.sectors if s not in sectors]
            if new and state_body_of_state_role(agent_entry, entry):
                steps.append(Step(
                    StepKind.SECTOR,
                    f"'{text}' says whose {head.text} it is, a state's: no second sector"
                ))
                continue
            if new and names_no_one(agent_entry, entry, text, head):
                steps.append(Step(
                    StepKind.SECTOR,
                    f"'{text}' is a person's title inside the name of a thing, not its role: "
                    "no sector"
                ))
                continue
            if new:
                sectors.extend(new)
                steps.append(Step(
                    StepKind.SECTOR,
                    f"modifier '{text}' adds {' '.join(new)} ({agent_entry.source})"
                ))
    sectors = armed_side(sectors, steps)
    if company is not None:  # "Dalbar's president", "a spokesman for the company": one role, BUS
        sectors = [BUSINESS]
        steps.append(officer_step(head, company))
    sectors = former_sectors(facts.former, sectors, steps)
    country = phrase_country(ctx, head, facts, sentence, steps) or (party.country if party else "")
    if not country and sectors and sectors[0] in ORGANIZATION_COUNTRIES:
        # "a human rights group" is an NGO of no named country: CAMEO's top-level NGO.
        country, sectors = sectors[0], sectors[1:]
        steps.append(Step(StepKind.PHRASE_COUNTRY, f"no country named: {country} is the country code"))
    if not country and sectors and not facts.aligned:
        # "police", "the president", "refugees" in an article about one country are its own.
        country = context_country(ctx, head, facts, steps, entry.agent)
    mention = build_mention(ctx, head, tokens, sentence, country, sectors, None, steps, entry)
    mention.individual = "person" in entry.agent.flags and head.tag_ in ("NN", "NNP")
    mention.victim = "victim" in entry.agent.flags
    return mention


def compose_collective(
    ctx: ArticleContext, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int, entry: Entry
) -> Mention | None:
    """'the al-Qaeda network' is al-Qaeda; 'a group of Moroccan diplomats' the diplomats."""
    if facts.organizations:
        organization, text = facts.organizations[-1]
        role = organization.role_on(ctx.day) or organization.role_on(None)
        steps = [
            Step(
                StepKind.DICTIONARY,
                f"'{head.text}' of '{text}': the organisation itself "
                f"({organization.source})"
            )
        ]
        if role is None:
            return build_mention(ctx, head, tokens, sentence, "", [], organization.name, steps, entry)
        country = role.country or phrase_country(ctx, head, facts, sentence, steps)
        return build_mention(
            ctx, head, tokens, sentence, country, list(role.sectors), organization.name, steps,
            entry, role,
        )
    mention = compose_agent(ctx, head, tokens, facts, sentence, entry)
    return mention if mention is not None and mention.actor.code else None  # "the group" alone names no one


def compose_organization(
    ctx: ArticleContext, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int, entry: Entry,
    organization: Named,
) -> Mention:
    """A listed organisation, with its role on the article date (else its latest)."""
    role = organization.role_on(ctx.day) or organization.role_on(None)
    steps = dictionary_step(ctx, facts, organization, entry)
    if role is None:
        return build_mention(ctx, head, tokens, sentence, "", [], organization.name, steps, entry)
    if len(organization.roles) > 1:
        steps.append(Step(StepKind.ROLE, f"role {role.title or ''} ({role.span_words()})"))
    if role.title == "seat":
        steps.append(Step(StepKind.ROLE, f"metonymy: the seat stands for {role.actor_code}"))
    country = role.country
    if not country:
        country = phrase_country(ctx, head, facts, sentence, steps)
    return build_mention(
        ctx, head, tokens, sentence, country, list(role.sectors), organization.name, steps, entry, role
    )


def acronym_vouched(ctx: ArticleContext, match: Match, organization: Named) -> bool:
    """An acronym ("NPA", "SDF") names the listed national organisation unless the article
    speaks against it: it names countries, none of them the organisation's, and never writes
    the organisation's name in full. "The NPA said" in a South African story is the National
    Prosecuting Authority, not the Philippine rebels. Only groups whose short names collide
    across countries (ACRONYM_KINDS) are doubted: "the FBI" in a London story is still the FBI."""
    written = ctx.doc[match.start : match.end].text.replace(".", "")
    if not (written.isupper() and written.isalpha() and len(written) <= 6):
        return True
    role = organization.role_on(ctx.day) or organization.role_on(None)
    if role is None or role.title not in ACRONYM_KINDS or not role.country:
        return True
    names = [n for n in (organization.name, *organization.aliases) if len(n) > len(written)]
    return not ctx.doubts_short_form({role.country}, names)


def compose_attributed(
    ctx: ArticleContext, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int
) -> Mention | None:
    """A thing an actor owns or does stands for that actor, as in CAMEO coding: "Putin's
    decision" -> RUSGOV, "a U.S. request" -> USA, "an Australian ultimatum" -> AUS, "a U.N.
    Security Council resolution" -> IGOUNO. Only a possessor, an organisation, a demonym
    or an initialism ("U.S.", "UK") right before the head counts: a country's name there
    is usually the topic ("the Ukraine ceasefire", "Russia sanctions"), and "of"
    attachments head their own phrases. Never an aligned country ("pro-Russian media").
    """
    if head.pos_ != "NOUN" or facts.aligned:
        return None
    possessor = next((c for c in head.children if c.dep_ == "poss"), None)
    owner = ctx.mention_headed_by(possessor.i) if possessor is not None else None
    if owner is not None:
        actor = owner.actor
        steps = [Step(
            StepKind.ATTRIBUTED,
            f"'{actor.text}' owns '{head.text}': the phrase stands for {actor.code}"
        )]
        mention = build_mention(
            ctx, head, tokens, sentence, actor.country or "", list(actor.sectors), actor.name,
            [*steps, *actor.resolution], None,
        )
        mention.actor.code = actor.code
        return mention
    for named, text in reversed(facts.organizations):
        role = named.role_on(ctx.day) or named.role_on(None)
        if role is not None and role.country and _modifies(head, text):
            steps = [Step(
                StepKind.ATTRIBUTED,
                f"'{text}' modifies '{head.text}': the phrase stands for {named.name}"
            )]
            return build_mention(
                ctx, head, tokens, sentence, role.country, list(role.sectors), named.name, steps,
                None, role,
            )
    for code, text, source, index in reversed(facts.countries):
        token = ctx.doc[index]
        if index >= head.i or token.head.i != head.i or token.dep_ not in ATTRIBUTE_DEPS:
            continue
        kind = ctx.match_at[index].best.kind if index in ctx.match_at else ""
        initialism = text.replace(".", "").isupper() and len(text) <= 5
        if kind == ADJECTIVE or (kind == COUNTRY and initialism):
            steps = [Step(
                StepKind.ATTRIBUTED,
                f"'{text}' modifies '{head.text}': the phrase stands for {code} ({source})"
            )]
            return build_mention(ctx, head, tokens, sentence, code, [], None, steps, None)
    return None


def _modifies(head: Any, text: str) -> bool:
    """True when the words ``text`` end right before ``head`` as its modifier."""
    before = [t for t in head.children if t.i < head.i and t.dep_ in ATTRIBUTE_DEPS]
    return any(words(text)[-1:] == words(t.text)[-1:] for t in before)


# Sectors of a state's own armed, police and intelligence bodies: "government" before them
# names no second role ("government soldiers" MIL). Not JUD: "government prosecutors" (GOV JUD)
# are the state's side before a court (JUD), which they could not target as JUD alone.
STATE_ROLES = frozenset({"MIL", "COP", "SPY"})
# Armed sides that are no state's military: their fighters, commanders and soldiers are theirs
# alone ("rebel commanders" REB, "Taliban commander" REB, "militia soldiers" PRM).
NON_STATE_ARMED = frozenset({"REB", "PRM", "UAF", "CRM", "IMG"})


def state_body_of_state_role(modifier: Entry, head: Entry) -> bool:
    """'government' (GOV alone) before a role word of a state body (STATE_ROLES)."""
    assert modifier.agent is not None and head.agent is not None
    return (list(modifier.agent.sectors) == ["GOV"]
            and bool(STATE_ROLES & set(head.agent.sectors)))


def armed_side(sectors: list[str], steps: list[Step]) -> list[str]:
    """One armed side per role: a military rank or unit of a non-state armed group ("rebel
    commanders", "Taliban commander") is that group's (REB), not also a state's MIL."""
    if "MIL" not in sectors or not NON_STATE_ARMED & set(sectors):
        return sectors
    steps.append(Step(StepKind.SECTOR, "a non-state armed side's rank or unit: no state MIL"))
    return [s for s in sectors if s != "MIL"]


def names_no_one(modifier: Entry, head: Entry, modifier_text: str = "",
                 head_token: Any = None) -> bool:
    """One sector per role: a title of a person ("General", "Minister") modifying a role
    word that names a body or a thing ("Boston General Hospital", "the president's wife" is
    no office) gives that phrase no sector of its own; a possessor's title is the owner's. A
    collective noun ("a group of diplomats") is its members and keeps theirs."""
    assert modifier.agent is not None and head.agent is not None
    return ("person" in modifier.agent.flags and "person" not in head.agent.flags
            and bool(head.agent.sectors) and "collective" not in head.agent.flags
            and inside_a_name(modifier_text, head_token))


def inside_a_name(modifier_text: str, head_token: Any) -> bool:
    """Whether a title and the word it modifies are parts of one capitalised name ("General
    Hospital", "General Assembly"), not a possessor ("the president's staff", "officers'
    union"), whose title says whose the thing is."""
    possessive = modifier_text.endswith(("'s", "'", "’s", "’"))
    return (not possessive and modifier_text[:1].isupper()
            and head_token is not None and head_token.text[:1].isupper())


def role_sectors(facts: PhraseFacts) -> list[str]:
    """The sectors of the role words in a phrase, in order, each once."""
    sectors: list[str] = []
    for agent_entry, _ in facts.agents:
        if agent_entry.agent:
            sectors.extend(s for s in agent_entry.agent.sectors if s not in sectors)
    return sectors


def dictionary_step(ctx: ArticleContext, facts: PhraseFacts, named: Named, entry: Entry) -> list[str]:
    """The step saying which listed person or organisation the written name is."""
    match = facts.head_match
    assert match is not None
    written = ctx.doc[match.start : match.end].text
    return [Step(StepKind.DICTIONARY, f"'{written}' is {named.name} in the dictionary ({entry.source})")]
