"""The country of a phrase that names none, from its context, in order of trust.

A title used by one state ("Sen."), the party a role word speaks for ("a spokesman for
President Ashraf Ghani"), the dateline, the article's only country, the one country where the
sentence says things happen, the country the article is mainly about. ``article_context`` is
the article's own country, for parties an event implies without naming them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from eventwire.actors.article import ArticleContext
from eventwire.actors.country_in_phrase import phrase_country
from eventwire.actors.dictionary import ORGANIZATION, ORGANIZATION_COUNTRIES, PERSON, words
from eventwire.actors.evidence import Step, StepKind
from eventwire.actors.matching import MODIFIER_DEPS, PLACE_KINDS, phrase_tokens
from eventwire.actors.mention import PhraseFacts
from eventwire.actors.phrase import body_place_country, inside_longer_name, phrase_facts, unknown_body
from eventwire.actors.roles_by_date import dated_role
from eventwire.words import ACTOR_LOCATIVE_PREPOSITIONS

# Verbs of going somewhere: their place is a destination, not where the mover belongs.
MOVEMENT_LEMMAS = frozenset({"visit", "travel", "arrive", "fly", "go", "come", "return", "tour",
                             "head", "land", "move", "flee", "emigrate", "migrate"})
# The article's main country must be named at least this many times as often as the next one.
MAIN_COUNTRY_LEAD = 2
# A country the article names only once, as a modifier ("the Madrid bombings"), is the
# article's for phrases of that sentence and the NEAR_SENTENCES after it, and for the whole
# article when it is named in its first LEAD_SENTENCES sentences (the headline and lead).
NEAR_SENTENCES = 3
LEAD_SENTENCES = 3
# An article naming no country takes the country of its listed bodies and people when at
# least this many of them, all of one country, are named.
NAMED_BODIES = 2
# An article naming no country the dictionary knows takes the country of its place names (the
# gazetteer's reading) when they weigh at least PLACE_WEIGHT (a name after "in" weighs 2, one
# modifying a noun 0.25) and PLACE_LEAD times as much as any other country's.
PLACE_WEIGHT = 2.0
PLACE_LEAD = 2


def context_country(
    ctx: ArticleContext, head: Any, facts: PhraseFacts, steps: list[str], agent: Any = None
) -> str:
    """The country of a phrase that names none, from its context, in order of trust: a
    title used by one state ("Sen."), the organisation or person it speaks for ("a
    spokesman for President Ashraf Ghani"), the dateline ("BEIJING (Reuters) -"), the
    article's only country, the one country where the sentence says things happen, the
    country the article is mainly about. Role words that
    belong to no state ("the international community", flag ``open``) take none. Each
    step is written down; with none, so is that the text leaves the country open."""
    if agent is not None and "open" in agent.flags:
        steps.append(Step(
            StepKind.NO_COUNTRY,
            f"'{head.text}' belongs to no one state: no country from the context"
        ))
        return ""
    # "the IIHF president" holds an office of a body the dictionary lacks; "the Higher
    # Education Minister" (flag ``portfolio``) a state office whose portfolio it lacks.
    unknown = unknown_body(ctx, head) if agent is not None and "portfolio" not in agent.flags else None
    place = body_place_country(ctx, unknown) if unknown is not None else ""
    if place:
        steps.append(Step(
            StepKind.PHRASE_COUNTRY,
            f"'{unknown.text}' is a place in {place}: the body is of that place's country"
        ))
        return place
    if unknown is not None:
        steps.append(Step(
            StepKind.NO_COUNTRY,
            f"'{unknown.text}' names a body the dictionary lacks: its country is "
            "not the article's"
        ))
        return ""
    country = (
        state_title_country(ctx, facts, steps)
        or spoken_for_country(ctx, head, steps)
        or dateline_country(ctx, steps)
        or article_country(ctx, head, steps)
        or sentence_place_country(ctx, head, steps)
        or main_country(ctx, head, steps)
        or named_bodies_country(ctx, steps)
        or place_names_country(ctx, steps)
    )
    if not country:
        steps.append(Step(
            StepKind.NO_COUNTRY,
            "no country: the text leaves it open (no title, organisation, "
            "dateline or main country of the article gives one)"
        ))
    return country


def state_title_country(ctx: ArticleContext, facts: PhraseFacts, steps: list[str]) -> str:
    """'Sen. Mark Warner' -> USA: a title used by one state (state_titles.tsv), unless the
    dateline is elsewhere (or, for titles marked ``named``, the article names countries,
    none of them the title's)."""
    titles = [text for _, text in reversed(facts.agents)]
    if facts.head_match is not None:
        titles.append(ctx.doc[facts.head_match.start : facts.head_match.end].text)
    for position, text in enumerate(titles):
        found = ctx.dictionary.state_titles.get(tuple(words(text)))
        if found is None:
            continue
        country, when, source = found
        if when != "unique" and (position == len(facts.agents) or _elsewhere(ctx, country, when)):
            continue  # a head "congressman" or "MP" alone may be another state's
        steps.append(Step(
            StepKind.STATE_TITLE,
            f"title '{text}' is used by one state -> {country} ({source})"
        ))
        return country
    return ""


def _elsewhere(ctx: ArticleContext, country: str, when: str) -> bool:
    """The dateline is in another country, or (for titles other states use too, ``named``)
    the article names countries, none of them the title's."""
    dateline = ctx.dateline.first(PLACE_KINDS) if ctx.dateline else None
    named = set(ctx.focus_countries())
    return bool(dateline and dateline.country != country) or (
        when == "named" and bool(named) and country not in named)


def spoken_for_country(ctx: ArticleContext, head: Any, steps: list[str]) -> str:
    """'a spokesman for President Ashraf Ghani', 'an official of the Foreign Ministry of
    China': the country of the party the role word speaks for."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "with"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            facts = phrase_facts(ctx, phrase_tokens(obj), obj)
            inner: list[str] = []
            country = phrase_country(ctx, obj, facts, ctx.sentence_of.get(obj.i, 0), inner)
            match = facts.head_match
            if match is not None and inside_longer_name(ctx, match):
                continue  # "for the Social Democratic Party": not the Democratic Party
            if not country and match is not None:
                named = match.best.named
                role = dated_role(named, ctx.day) if named else None
                country = role.country if role else ""
                if not country and match.best.kind in PLACE_KINDS:
                    country = match.best.country
            if country and country not in ORGANIZATION_COUNTRIES and len(country) == 3:
                steps.append(Step(StepKind.SPOKEN_FOR, f"speaks for '{obj.text}' -> {country}"))
                return country
    return ""


def dateline_country(ctx: ArticleContext, steps: list[str]) -> str:
    """The country of the dateline's place, if the article has a dateline."""
    entry = ctx.dateline.first(PLACE_KINDS) if ctx.dateline else None
    if entry is None or not entry.country:
        return ""
    assert ctx.dateline is not None
    written = ctx.doc[ctx.dateline.start : ctx.dateline.end].text
    steps.append(Step(
        StepKind.DATELINE,
        f"no country in the phrase: the dateline '{written}' -> {entry.country}"
    ))
    return entry.country


def article_country(ctx: ArticleContext, head: Any, steps: list[str]) -> str:
    """The article's only country, for a phrase that names none ('President Ivan Petrovsky
    imposed a curfew in Minsk' -> BLR, 'police' in an article about Nigeria -> NGA),
    leaving out countries that belong to another named person's title in the same
    sentence ('Ukrainian leader Leonid Kravchuk'). Nothing when the article names two.
    """
    candidates = [code for code, _ in article_counts(ctx, head).most_common()]
    if len(candidates) != 1:
        return ""
    steps.append(Step(
        StepKind.ARTICLE_COUNTRY,
        f"no country in the phrase: the article's only country -> {candidates[0]}"
    ))
    return candidates[0]


def sentence_place_country(ctx: ArticleContext, head: Any, steps: list[str]) -> str:
    """The one country of the places where the sentence says things happen ("killed three
    men in southern Serbia"), when the sentence names no other country."""
    index = ctx.sentence_of.get(head.i)
    if index is None:
        return ""
    found: dict[str, str] = {}
    in_sentence = ctx.sentence_matches(index)
    for match in in_sentence:
        entry = match.first(PLACE_KINDS)
        token = ctx.doc[match.end - 1]
        while token.dep_ in ("compound", "amod") and token.head.i > token.i:
            token = token.head
        if (entry is None or not entry.country or token.dep_ != "pobj"
                or token.head.lower_ not in ACTOR_LOCATIVE_PREPOSITIONS or ctx.is_aligned(match)):
            continue
        verb = token.head.head
        if verb.lemma_.lower() in MOVEMENT_LEMMAS and head.head.i == verb.i:
            continue  # "the Queen visited the King in Thailand": where she went, not hers
        found.setdefault(entry.country, ctx.doc[match.start : match.end].text)
    named = {m.first(PLACE_KINDS).country for m in in_sentence  # type: ignore[union-attr]
             if m.first(PLACE_KINDS) is not None}
    if len(found) != 1 or len(named - {""}) != 1:
        return ""  # "Police detained two French tourists in Lagos": whose, it does not say
    code, text = next(iter(found.items()))
    steps.append(Step(
        StepKind.SENTENCE_PLACE,
        f"no country in the phrase: the sentence happens in '{text}' -> {code}"
    ))
    return code


def main_country(ctx: ArticleContext, head: Any, steps: list[str], whole_article: bool = False) -> str:
    """The country the article is mainly about: named (title counting double) at least
    MAIN_COUNTRY_LEAD times as often as any other."""
    ranked = article_counts(ctx, head, whole_article).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] < MAIN_COUNTRY_LEAD * ranked[1][1]):
        return ""
    code = ranked[0][0]
    steps.append(
        Step(
            StepKind.MAIN_COUNTRY,
            f"no country in the phrase: the article is mainly about {code} "
            f"(named {ranked[0][1]} times, next {ranked[1][1] if len(ranked) > 1 else 0})"
        )
    )
    return code


def named_bodies_country(ctx: ArticleContext, steps: list[str]) -> str:
    """In an article that names no country at all (a British politics story speaks of
    Labour, the Tories and Tony Blair, never of Britain), the one country of the listed
    national organisations and people it names: at least NAMED_BODIES of them, since one
    name alone may be another country's ("Labour" is also Ireland's); nothing when they
    belong to two countries."""
    if ctx.focus_counts():
        return ""
    found: dict[str, set[str]] = {}
    for match in ctx.matches:
        entry = match.best
        if entry.kind not in (ORGANIZATION, PERSON) or entry.named is None:
            continue
        role = dated_role(entry.named, ctx.day)
        if role is None or len(role.country) != 3 or role.country in ORGANIZATION_COUNTRIES:
            continue
        found.setdefault(role.country, set()).add(entry.named.name)
    if len(found) != 1:
        return ""
    code, names = next(iter(found.items()))
    if len(names) < NAMED_BODIES:
        return ""
    steps.append(Step(
        StepKind.MAIN_COUNTRY,
        f"no country in the phrase: the article names no country, and its listed bodies and "
        f"people ({', '.join(repr(n) for n in sorted(names)[:3])}) are all of {code}"
    ))
    return code


def article_counts(ctx: ArticleContext, head: Any, whole_article: bool = False) -> Counter[str]:
    """How often the article names each country, leaving out for the sentence of ``head``
    the countries that are other named people's titles there ("Ukrainian leader Leonid
    Kravchuk": that "Ukrainian" is Kravchuk's, not the article's; "French President Macron
    arrived in Moscow" in a story about France and Russia: Russia's police). Only a title
    country the article names elsewhere more often than any other country stays, less its
    title mentions ("French candidate Francois Fillon ... the prosecutor's office said" in a
    story about France is still about France). A country named once, and only as a demonym or a word
    modifying a noun (a sentence the pre-filter did not parse has no syntax, but a demonym
    modifies all the same), past the lead and more than NEAR_SENTENCES sentences from the
    phrase, is not the article's ("Irish republican Bernadette Devlin" or "the Madrid
    bombings" near the end of a story about Westminster; "in Britain" there still is).
    ``whole_article``: for no phrase in particular (the parties an event implies), where
    that rule does not apply."""
    sentence = None if whole_article else ctx.sentence_of.get(head.i, 0)
    others = other_title_countries(ctx, head)
    focus = ctx.focus_counts()
    counts = Counter({c: n for c, n in focus.items() if c not in others})
    rest = max(counts.values(), default=0)
    for code, titles in others.items():
        if focus[code] - titles > rest:
            counts[code] = focus[code] - titles
    return _near(ctx, counts, sentence)


def _near(ctx: ArticleContext, counts: Counter[str], sentence: int | None) -> Counter[str]:
    """``counts`` less the countries named once, far from ``sentence``, as a modifier only."""
    if sentence is None:
        return counts
    for code in [c for c, n in counts.items() if n == 1]:
        if not any(where < LEAD_SENTENCES or abs(where - sentence) <= NEAR_SENTENCES or not modifier
                   for where, modifier in ctx.country_mentions.get(code, ())):
            del counts[code]
    return counts


def place_names_country(ctx: ArticleContext, steps: list[str]) -> str:
    """In an article that names no country, capital or city the dictionary knows (a local
    story speaks of Stourbridge and the West Midlands, never of Britain), the country of its
    place names as the gazetteer reads them, where they clearly point to one: at least
    PLACE_WEIGHT, PLACE_LEAD times any other country's, and one of them a place where the
    text says something happens ("in Stourbridge", weighing PLACE_WEIGHT itself)."""
    if ctx.focus_counts():
        return ""
    weights: Counter[str] = Counter()
    names: dict[str, list[str]] = {}
    where: set[str] = set()  # countries of a name the text says something happens in
    for name, country, weight in ctx.place_names:
        weights[country] += weight
        if weight >= PLACE_WEIGHT:
            where.add(country)
        if name not in names.setdefault(country, []):
            names[country].append(name)
    ranked = weights.most_common(2)
    if not ranked or ranked[0][1] < PLACE_WEIGHT or ranked[0][0] not in where or (
            len(ranked) > 1 and ranked[0][1] < PLACE_LEAD * ranked[1][1]):
        return ""  # "Zango said", twice: a company the gazetteer takes for a town
    code = ranked[0][0]
    steps.append(Step(
        StepKind.PLACE_NAMES,
        f"no country in the phrase: the article names no country, and its places "
        f"({', '.join(repr(n) for n in names[code][:3])}) are in {code}"
    ))
    return code


def other_title_countries(ctx: ArticleContext, head: Any) -> Counter[str]:
    """Countries of other named people's titles in the sentence ("Ukrainian leader Leonid
    Kravchuk"), each as often as written (counted as in ``ArticleContext.focus_counts``)."""
    others: Counter[str] = Counter()
    for match in ctx.sentence_matches(ctx.sentence_of.get(head.i)):
        entry = match.first(PLACE_KINDS)
        token = ctx.doc[match.end - 1]
        owner = token.head
        if entry is None or owner.i == head.i or token.dep_ not in MODIFIER_DEPS | {"poss"}:
            continue
        if _names_person(ctx, owner) or _names_person(ctx, owner.head):
            others[entry.country] += 2 if ctx.doc[match.start].idx < ctx.parsed.title_offset else 1
    return others


def _names_person(ctx: ArticleContext, token: Any) -> bool:
    match = ctx.match_at.get(token.i)
    return token.ent_type_ == "PERSON" or (match is not None and match.best.kind == PERSON)


def article_context(ctx: ArticleContext) -> tuple[str, list[str]]:
    """The article's own country for parties the text leaves unnamed ("were arrested": by
    police): the dateline, else the only country named, else the main one, else that of
    its place names (in an article that names no country)."""
    steps: list[str] = []
    country = dateline_country(ctx, steps)
    if not country and len(ctx.focus_counts()) == 1:
        country = ctx.focus_countries()[0]
        steps.append(Step(StepKind.ARTICLE_COUNTRY, f"the article's only country -> {country}"))
    if not country and ctx.matches:
        country = main_country(ctx, ctx.doc[ctx.matches[0].start], steps, whole_article=True)
    if not country:
        country = place_names_country(ctx, steps)
    return country, steps
