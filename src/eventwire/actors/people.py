"""People: a named person with the role the article date or a written title gives, or a
person the dictionary lacks, known by a title ("Minister Juan Jobet") or an earlier full name.
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.article import ArticleContext
from eventwire.actors.company_officers import BUSINESS, officer_company, officer_step
from eventwire.actors.composition import compose_attributed, dictionary_step, role_sectors
from eventwire.actors.coreference import NAME_PARTICLES, corefer, earlier_person_by_surname, first_name
from eventwire.actors.country_from_context import context_country
from eventwire.actors.country_in_phrase import phrase_country
from eventwire.actors.dictionary import COUNTRY, PERSON, Entry, Named, Role, words
from eventwire.actors.evidence import Step, StepKind
from eventwire.actors.matching import PLACE_KINDS, Match
from eventwire.actors.mention import Mention, PhraseFacts
from eventwire.actors.phrase import apposition_title, build_mention, former_sectors
from eventwire.actors.roles_by_date import choose_role, roles_fitting, written_role
from eventwire.actors.spoken_for import Party, party_behind
from eventwire.nlp import syntax

# First words of country names that stand for the country after it was named in full ("the
# North" after "North Korea").
SHORT_FORMS = frozenset({"North", "South"})



def compose_person(
    ctx: ArticleContext, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int, entry: Entry,
    person: Named,
) -> Mention:
    """A listed person, with the role the article date (or, undated, a written title) gives."""
    steps = dictionary_step(ctx, facts, person, entry)
    title = apposition_title(ctx, head, facts)
    title_sectors = role_sectors(title)
    # A place after the name ("John Kerry in Moscow") is where, not whose, so it is no title.
    own = {t.i for t in tokens}
    titled = [c for c in title.countries if c[3] < head.i or c[3] not in own]
    title_country = titled[-1][0] if titled else ""
    role = None
    generic = all(e.agent and "member" in e.agent.flags for e, _ in title.agents)
    if (ctx.day is None and title.agents and not generic
            and not roles_fitting(person, title_country, title_sectors, title.agents)):
        written = " ".join(text for _, text in title.agents)
        role = written_role(person, title_country, title_sectors_of(ctx, title), written, steps)
    if role is None:
        role = choose_role(
            person, ctx.day, title_country, title_sectors, steps, title.agents, ctx.era,
            ctx.written_years,
        )
    former = facts.former or former_office(title, role)
    if former:
        steps.append(Step(StepKind.SECTOR, f"'{former}': a former office-holder -> ELI"))
        country = role.country if role else title_country
        mention = build_mention(
            ctx, head, tokens, sentence, country, ["ELI"], person.name, steps, entry
        )
    elif role is None:
        mention = build_mention(
            ctx, head, tokens, sentence, title_country, title_sectors, person.name, steps, entry
        )
    else:
        mention = build_mention(
            ctx,
            head,
            tokens,
            sentence,
            role.country,
            list(role.sectors),
            person.name,
            steps,
            entry,
            role,
        )
    mention.named = person
    mention.individual = True
    mention.title_fit = bool(title.agents)
    assert facts.head_match is not None
    mention.name_words = facts.head_match.end - facts.head_match.start
    return mention


def former_office(title: PhraseFacts, role: Role | None) -> str:
    """The "former" of a describing apposition ("Wayne Mapp, a former defence minister") when
    it speaks of the role the date gives, or the date gives none: a former office other than
    the one held now ("Joe Biden, a former senator", as president) leaves the role as it is."""
    if not title.former:
        return ""
    if role is None:
        return title.former
    written = {w for _, text in title.agents for w in words(text)} - {"of", "the", "for"}
    return title.former if written and written <= set(words(role.title or "")) else ""


def compose_unlisted(
    ctx: ArticleContext, head: Any, tokens: list[Any], facts: PhraseFacts, sentence: int
) -> Mention | None:
    """A head the dictionary lacks: a titled person ("Minister Juan Jobet") or a surname."""
    if head.ent_type_ != "PERSON" and head.pos_ != "PROPN":
        return compose_attributed(ctx, head, tokens, facts, sentence)
    short = country_short_form(ctx, head, tokens, sentence)
    if short is not None:
        return short
    earlier = earlier_person_by_surname(ctx, head)
    if earlier is not None:
        return corefer(ctx, head, tokens, sentence, earlier, "the same name")
    facts = apposition_title(ctx, head, facts)  # "Kenzo Oshima, the UN relief coordinator"
    if not facts.agents or not (head.ent_type_ == "PERSON" or titled_by_apposition(ctx, head)):
        return None
    sectors = title_sectors_of(ctx, facts)
    titles = ", ".join(f"'{text}'" for _, text in facts.agents)
    steps = [Step(StepKind.SECTOR, f"person not in the dictionary; title {titles} -> {' '.join(sectors)}")]
    officer = officer_company(ctx, head)
    if officer is not None:  # "Louis Harvey, Dalbar Inc.'s president": the company's officer
        sectors = [BUSINESS]
        steps.append(officer_step(*officer))
    party = generic_title_party(ctx, head, facts, steps) if officer is None else None
    if party is not None and not party.sectors:
        return None  # "Tom Ulrik, a spokesman for Harvel": whose, nothing says
    if party is not None:
        sectors = list(party.sectors)
    sectors = former_sectors(facts.former, sectors, steps)
    country = (phrase_country(ctx, head, facts, sentence, steps)
               or (party.country if party is not None else "")
               or context_country(ctx, head, facts, steps))
    name = " ".join(t.text for t in tokens if t.ent_type_ == "PERSON" and t.i <= head.i)
    mention = build_mention(
        ctx, head, tokens, sentence, country, sectors, name or head.text, steps, None
    )
    mention.individual = True
    return mention


def country_short_form(ctx: ArticleContext, head: Any, tokens: list[Any], sentence: int) -> Mention | None:
    """'the North' after 'North Korea', 'the South' after 'South Sudan': a country the
    article has named by its full name, called by its first word with "the"."""
    if len(tokens) != 2 or tokens[0].lower_ != "the" or head.text not in SHORT_FORMS:
        return None
    named: dict[str, str] = {}
    for match in ctx.matches:
        entry = match.first((COUNTRY,))
        text = ctx.doc[match.start : match.end].text
        if match.end <= head.i and entry is not None and words(text)[:1] == [head.lower_]:
            named[entry.country] = text
    if len(named) != 1:
        return None
    code, text = next(iter(named.items()))
    steps = [Step(
        StepKind.PHRASE_COUNTRY,
        f"'the {head.text}' is the short form of '{text}', named before -> {code}"
    )]
    return build_mention(
        ctx, head, tokens, sentence, code, [], ctx.dictionary.country_name(code), steps, None
    )


def titled_by_apposition(ctx: ArticleContext, head: Any) -> bool:
    """A proper name described by a person's title ("Oshima, the UN relief coordinator"),
    whatever entity type the tagger guessed."""
    for child in head.children:
        match = ctx.match_at.get(child.i) if child.dep_ == "appos" else None
        agent = match.best.agent if match is not None else None
        if agent is not None and "person" in agent.flags:
            return True
    return False


def generic_title_party(ctx: ArticleContext, head: Any, facts: PhraseFacts, steps: list[str]) -> Party | None:
    """The party behind a person's title when the title is generic only ("Matthew Frankel, a
    spokesman for the Weinstein Co."): see ``spoken_for.party_behind``."""
    if facts.organizations or any(e.agent and "member" not in e.agent.flags for e, _ in facts.agents):
        return None
    described = [head.head] if head.dep_ == "appos" else []
    described += [c for c in head.children if c.dep_ in ("appos", "compound")]
    for title in described:
        match = ctx.match_at.get(title.i)
        agent = match.best.agent if match is not None else None
        party = party_behind(ctx, title, steps) if agent is not None and "speaks" in agent.flags else None
        if party is not None:
            return party
    return None


def title_sectors_of(ctx: ArticleContext, facts: PhraseFacts) -> list[str]:
    """The sectors of a person's written title, one per role: a generic title ("leader",
    "chairman", "spokesperson") gives way to the organisation or role word behind it
    ("Hamas leader" -> REB; "chairman of the Federation Council" -> LEG)."""
    generic = [e for e, _ in facts.agents if e.agent and "member" in e.agent.flags]
    sectors = [
        s for e, _ in facts.agents if e.agent and "member" not in e.agent.flags
        for s in e.agent.sectors
    ]
    if generic:
        for named, _ in facts.organizations:
            role = named.role_on(ctx.day) or named.role_on(None)
            sectors = [*(role.sectors if role else ()), *sectors]
    if not sectors:
        sectors = [s for e in generic for s in e.agent.sectors]  # type: ignore[union-attr]
    return list(dict.fromkeys(sectors))


def surname_vouched(ctx: ArticleContext, match: Match, facts: PhraseFacts, person: Named) -> bool:
    """A name of one word ("Reeves", "Putin") names the listed person unless the article
    speaks against it: it names countries, none of them the person's, and gives neither
    the full name nor a title. "Reeves said" in an American court story is not the British
    chancellor; "Trump" alone, with nothing around it, is still Donald Trump. A surname after
    another first name ("Colonel Adnan al-Maliki" is not Nouri al-Maliki) names someone else
    (``other_namesake``), and so does a surname alone after another person's full name
    ("Elizabeth Deng ... Deng says": ``named_otherwise``)."""
    if other_namesake(ctx, match, person) or named_otherwise(ctx, match, person):
        return False
    if match.end - match.start > 1 or facts.agents:
        return True
    return not ctx.doubts_short_form({role.country for role in person.roles}, [person.name])


def other_namesake(ctx: ArticleContext, match: Match, person: Named) -> bool:
    """Whether the surname matched belongs to another person: the match is no more than the
    surname of ``person`` and the name it ends begins with a first name that is none of the
    person's ("Colonel Adnan al-Maliki" is not Nouri al-Maliki; the first letters differ:
    "Sergei"/"Sergey Lavrov" and "George W. Bush" still agree). A surname alone elsewhere
    keeps its listed person ("Obama" beside "Michelle Obama")."""
    last = words(ctx.doc[match.start : match.end].text)
    initials = given_initials(person, last)
    first = first_name(ctx, match.start)
    return bool(initials) and first is not None and first[:1] not in initials


def named_otherwise(ctx: ArticleContext, match: Match, person: Named) -> bool:
    """Whether a surname alone ("Deng says") is the surname of the latest full name before it
    in the article ("For Elizabeth Deng of Amnesty"), whose first name is none of the listed
    person's, and the article never writes the listed person's full name: it is that other
    person ("Obama" beside "Michelle Obama" stays Barack Obama where "Barack Obama" is
    written)."""
    if match.end - match.start != 1:
        return False
    last = words(ctx.doc[match.start].text)
    initials = given_initials(person, last)
    if not initials:
        return False  # no listed first name to tell another person's from
    names = (person.name, *person.aliases)
    if any(len(words(name)) > len(last) and name.lower() in ctx.lower_text for name in names):
        return False
    for entity in reversed(ctx.doc.ents):
        if (entity.label_ != "PERSON" or entity.end > match.start or len(entity) < 2
                or words(entity.text)[-len(last):] != last):
            continue
        first = first_name(ctx, entity.end - 1)
        return first is not None and first[:1] not in initials
    return False


def given_initials(person: Named, last: list[str]) -> set[str]:
    """The first letters of the first names a listed person is known by with the surname
    ``last`` (name particles are part of the surname), the surname last ("Nouri al-Maliki")
    or, in Chinese and Korean order, first ("Deng Xiaoping")."""
    initials = set()
    for name in (person.name, *person.aliases):
        written = words(name)
        given: list[str] = []
        if written[-len(last):] == last:
            given = [w for w in written[: -len(last)] if w not in NAME_PARTICLES]
        elif written[: len(last)] == last:
            given = written[len(last):]
        if given:
            initials.add(given[0][:1])
    return initials


def name_extends(ctx: ArticleContext, head: Any, match: Match) -> bool:
    """True when a person's name runs past a place-name match (a surname like "Valencia")."""
    if head.ent_type_ != "PERSON":
        return False
    entity = syntax.entity_of(head)
    if entity is None or (entity.start >= match.start and entity.end <= match.end):
        return False
    # "Bosnian Serbs" tagged as a person is two demonyms, not a name ending in a place.
    outside = [i for i in range(entity.start, entity.end) if not match.start <= i < match.end]
    return any(
        ctx.match_at.get(i) is None or ctx.match_at[i].first(PLACE_KINDS) is None
        for i in outside
    )


def namesake_by_title(
    ctx: ArticleContext, head: Any, facts: PhraseFacts, match: Match, entry: Entry
) -> Entry:
    """Undated, 'Vice President George Bush' is the Bush who held that office: of the people
    a name may mean, the one with a role whose title shares the most written title words
    (dated articles choose by date, see ``prefer_people_of_the_date``)."""
    people = [e for e in match.entries if e.kind == PERSON and e.named]
    if ctx.day is not None or len(people) < 2:
        return entry
    written = {w for _, text in apposition_title(ctx, head, facts).agents for w in words(text)}
    if not written:
        return entry

    def fit(candidate: Entry) -> int:
        roles = candidate.named.roles if candidate.named else []
        return max((len(written & set(words(r.title))) for r in roles), default=0)

    return max(people, key=fit)  # the first of equal fits: the dictionary's order
