"""People: a named person with the role the article date or a written title gives, or a
person the dictionary lacks, known by a title ("Minister Juan Jobet") or an earlier full name.
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.article import ArticleContext
from eventwire.actors.composition import compose_attributed, dictionary_step, role_sectors
from eventwire.actors.coreference import corefer, earlier_person_by_surname
from eventwire.actors.country_from_context import context_country
from eventwire.actors.country_in_phrase import phrase_country
from eventwire.actors.dictionary import COUNTRY, PERSON, Entry, Named, words
from eventwire.actors.evidence import Step, StepKind
from eventwire.actors.matching import PLACE_KINDS, Match
from eventwire.actors.mention import Mention, PhraseFacts
from eventwire.actors.phrase import apposition_title, build_mention
from eventwire.actors.roles_by_date import choose_role
from eventwire.nlp import syntax

# First words of country names that stand for the country after it was named in full ("the
# North" after "North Korea").
SHORT_FORMS = frozenset({"North", "South"})
# Words before a surname that are no first name: forms of address, and the particles of Arabic,
# Dutch, German and Romance surnames ("al-Maliki", "van Gaal"), which are part of the surname.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})
NAME_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "bin", "ibn", "ben", "abu", "de", "da",
                            "di", "del", "van", "von", "der", "den", "la", "le"})


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
    role = choose_role(person, ctx.day, title_country, title_sectors, steps, title.agents)
    if facts.former:
        steps.append(Step(StepKind.SECTOR, f"'{facts.former}': a former office-holder -> ELI"))
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
    sectors = title_sectors(ctx, facts)
    titles = ", ".join(f"'{text}'" for _, text in facts.agents)
    steps = [Step(StepKind.SECTOR, f"person not in the dictionary; title {titles} -> {' '.join(sectors)}")]
    if facts.former:
        sectors = ["ELI"]
        steps.append(Step(StepKind.SECTOR, f"'{facts.former}': a former office-holder -> ELI"))
    country = (phrase_country(ctx, head, facts, sentence, steps)
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


def title_sectors(ctx: ArticleContext, facts: PhraseFacts) -> list[str]:
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
    (``other_namesake``)."""
    if other_namesake(ctx, match, person):
        return False
    if match.end - match.start > 1 or facts.agents:
        return True
    article = set(ctx.focus_countries())
    if not article or article & {role.country for role in person.roles}:
        return True
    return person.name.lower() in ctx.lower_text


def other_namesake(ctx: ArticleContext, match: Match, person: Named) -> bool:
    """Whether the surname matched belongs to another person: the match is no more than the
    surname of ``person`` and the name it ends begins with a first name that is none of the
    person's ("Colonel Adnan al-Maliki" is not Nouri al-Maliki; the first letters differ:
    "Sergei"/"Sergey Lavrov" and "George W. Bush" still agree). A surname alone elsewhere
    keeps its listed person ("Obama" beside "Michelle Obama")."""
    last = words(ctx.doc[match.start : match.end].text)
    initials = set()
    for name in (person.name, *person.aliases):
        given = [w for w in words(name)[: -len(last)] if w not in NAME_PARTICLES]
        if words(name)[-len(last):] == last and given:
            initials.add(given[0][:1])
    first = _first_name(ctx, ctx.doc, match.start)
    return bool(initials) and first is not None and first[:1] not in initials


def _first_name(ctx: ArticleContext, doc: Any, start: int) -> str | None:
    """The first word of the person's name that ends at ``start`` (its surname), lower-cased:
    a capitalised word of the same PERSON entity that is no dictionary word (not "Mr", not
    "President"); None when the surname stands alone."""
    entity = syntax.entity_of(doc[start])
    if entity is None or doc[start].ent_type_ != "PERSON" or entity.start >= start:
        return None
    for token in doc[entity.start : start]:
        if (token.is_alpha and token.text[:1].isupper() and token.lower_ not in HONORIFICS
                and token.lower_ not in NAME_PARTICLES
                and not ctx.dictionary.lookup(tuple(words(token.text)))):
            return token.lower_
    return None


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
