"""The country a phrase names itself: a country word or demonym in it, a named organisation or
person, a possessive pronoun, a coordinated phrase, or the conflict an aligned group fights in.

``phrase_country`` tries them in that order and writes down the step that gave the country.
"""

from __future__ import annotations

from typing import Any

from eventwire.actors.article import ArticleContext
from eventwire.actors.dictionary import ADJECTIVE, COUNTRY
from eventwire.actors.evidence import Step, StepKind
from eventwire.actors.matching import PLACE_KINDS
from eventwire.actors.mention import PhraseFacts
from eventwire.actors.roles_by_date import dated_role

POSSESSIVE_PRONOUNS = {"its": "", "their": "", "his": "m", "her": "f"}  # with the gender
# A possessor "the country's" stands for the country named just before it.
COUNTRY_WORDS = frozenset({"country", "nation"})


def phrase_country(
    ctx: ArticleContext, head: Any, facts: PhraseFacts, sentence: int, steps: list[str]
) -> str:
    """The country a phrase names, with the step that says where it came from."""
    if facts.countries:
        # The modifier nearest the head: "Russia's ambassador" -> RUS; but a country word
        # right before a demonym says where that people lives: "Bosnian Serb forces" -> BIH.
        code, text, source, index = facts.countries[-1]
        if len(facts.countries) > 1 and index < head.i:
            outer_code, outer_text, outer_source, outer_index = facts.countries[-2]
            match = ctx.match_at.get(index)
            if outer_index == index - 1 and match is not None and match.best.kind == ADJECTIVE:
                steps.append(Step(
                    StepKind.PHRASE_COUNTRY,
                    f"'{outer_text} {text}': a people living in {outer_code}"
                ))
                code, text, source = outer_code, outer_text, outer_source
        steps.append(Step(StepKind.PHRASE_COUNTRY, f"country from '{text}' -> {code} ({source})"))
        return code
    for named, text in facts.organizations + facts.people:
        # "the Reagan administration" in 1999: the person's country, in office or not.
        role = dated_role(named, ctx.day)
        if role and role.country:
            steps.append(Step(StepKind.PHRASE_COUNTRY, f"country from '{text}' -> {role.country}{role.code}"))
            return role.country + role.code  # IGO + block: "European Union legislators"
    inherited = conjunct_country(ctx, head)
    if inherited:
        steps.append(Step(
            StepKind.PHRASE_COUNTRY,
            f"country shared with the conjunct '{inherited[1]}' -> {inherited[0]}"
        ))
        return inherited[0]
    if facts.aligned:
        code, text = facts.aligned[-1]
        place = conflict_country(ctx, sentence, exclude=code)
        if place:
            steps.append(
                Step(
                    StepKind.ALIGNMENT,
                    f"alignment: '{text}' marks sympathy with {code}, not nationality; "
                    f"country of the conflict -> {place}"
                )
            )
            return place
        steps.append(Step(
            StepKind.ALIGNMENT,
            f"alignment: '{text}' marks sympathy with {code}, not nationality"
        ))
    return possessor_country(ctx, head, sentence, steps)


def residence_country(
    ctx: ArticleContext, head: Any, facts: PhraseFacts, nationality: str, steps: list[str]
) -> str:
    """Where a people named by its demonym lives, when the phrase says so.

    A country word before the demonym ("Bosnian Serbs", "Kosovo Albanians", "Soviet Jews")
    or a country or place of an "of" attachment, or of "in" after "ethnic" ("the Albanians
    of southern Serbia", "ethnic Albanians in south Serbia"), is the country; the demonym
    alone is the nationality ("Serbs" -> SRB).
    """
    ethnic = any(t.lower_ == "ethnic" for t in head.children)
    for code, text, source, index in reversed(facts.countries):
        if code == nationality:
            continue
        token = ctx.doc[index]
        if index < head.i and token.dep_ in ("amod", "compound") and token.head.i == head.i:
            steps.append(Step(
                StepKind.PHRASE_COUNTRY,
                f"'{text}' before the demonym: a people living in {code} ({source})"
            ))
            return code
        preposition = token.head if token.dep_ == "pobj" else token.head.head
        kind = ctx.match_at[index].best.kind if index in ctx.match_at else ""
        if (
            index > head.i
            and kind != ADJECTIVE
            and preposition.head.i == head.i
            and (preposition.lower_ == "of" or (ethnic and preposition.lower_ == "in"))
        ):
            steps.append(
                Step(
                    StepKind.PHRASE_COUNTRY,
                    f"'{preposition.text} {text}': a people living in {code} ({source})"
                )
            )
            return code
    return nationality


def possessor_country(ctx: ArticleContext, head: Any, sentence: int, steps: list[str]) -> str:
    """'Bosnian Serbs said their forces ...': 'their' / 'its' refers to the nearest earlier
    group or organisation with a country (this or the previous sentence), 'his' / 'her' to
    the nearest individual."""
    pronoun = next(
        (c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS),
        None,
    )
    if pronoun is None:
        return the_country(ctx, head, sentence, steps)
    gender_of_pronoun = POSSESSIVE_PRONOUNS[pronoun.lower_]
    individual = bool(gender_of_pronoun)
    for earlier in reversed(ctx.mentions):
        if earlier.sentence < sentence - 1:
            break
        actor = earlier.actor
        if earlier.head.i >= head.i or not actor.country or earlier.individual != individual:
            continue
        gender = earlier.named.gender if earlier.named else ""
        if individual and gender and gender != gender_of_pronoun:
            continue
        country = actor.code[: len(actor.code) - 3 * len(actor.sectors)] or actor.country
        steps.append(Step(
            StepKind.PHRASE_COUNTRY,
            f"possessive '{pronoun.text}' refers to '{actor.text}' -> {country}"
        ))
        return country
    return ""


def the_country(ctx: ArticleContext, head: Any, sentence: int, steps: list[str]) -> str:
    """'Turkey votes on Sunday. The country's opposition ...': a possessor "the country" (or
    "the nation") refers to the one country named by name or demonym just before it, in
    this or the previous sentence; nothing where two are named there."""
    owner = next((c for c in head.children if c.dep_ == "poss"
                  and c.lemma_.lower() in COUNTRY_WORDS
                  and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)), None)
    if owner is None:
        return ""
    named: dict[str, str] = {}
    for index in (sentence - 1, sentence):
        for match in ctx.sentence_matches(index):
            entry = match.first((COUNTRY, ADJECTIVE))
            if (match.start < owner.i and entry is not None and entry.country
                    and not ctx.is_aligned(match)):
                named.setdefault(entry.country, ctx.doc[match.start : match.end].text)
    if len(named) != 1:
        return ""
    code, text = next(iter(named.items()))
    steps.append(Step(
        StepKind.PHRASE_COUNTRY,
        f"'the {owner.text}' refers to '{text}', the one country named just before -> {code}"
    ))
    return code


def conjunct_country(ctx: ArticleContext, head: Any) -> tuple[str, str] | None:
    """'Russian individuals and businesses': the second conjunct shares the first's country."""
    if head.dep_ != "conj":
        return None
    first = head.head
    while first.dep_ == "conj":
        first = first.head
    mention = ctx.mention_headed_by(first.i)
    if mention is not None and mention.actor.country:
        return mention.actor.country, mention.actor.text
    return None


def conflict_country(ctx: ArticleContext, sentence: int, exclude: str) -> str:
    """Where 'pro-X rebels' fight: another country in the sentence, else the article's focus."""
    for match in ctx.sentence_matches(sentence):
        entry = match.first(PLACE_KINDS)
        if entry and entry.country not in (exclude, "") and not ctx.is_aligned(match):
            return entry.country
    for code in ctx.focus_countries():
        if code != exclude:
            return code
    return ""
