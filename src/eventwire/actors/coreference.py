"""Coreference: later mentions take the identity of the earlier mention they refer to.

Surnames and "he"/"she" link to the nearest compatible person, definite descriptions ("the
Russian leader", "the company") to the nearest earlier mention of that kind or to the office's
holder on the article date, appositions to the name they describe; coordinated countries ("US
and British forces") give one actor each, and every mention of a person takes the code of the
mention that names them best.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.actors.article import ArticleContext
from eventwire.actors.company_officers import BUSINESS, unknown_possessor
from eventwire.actors.dictionary import AGENT, PERSON, words
from eventwire.actors.evidence import (
    FROM_ARTICLE,
    GUESSED_FROM_CONTEXT,
    LINKS,
    Step,
    StepKind,
    kind_of,
)
from eventwire.actors.matching import MODIFIER_DEPS, PLACE_KINDS, phrase_tokens
from eventwire.actors.mention import Mention, PhraseFacts
from eventwire.actors.phrase import build_mention, unknown_body
from eventwire.nlp import syntax
from eventwire.records import Actor

# Words before a surname that are no first name: forms of address, and the particles of Arabic,
# Dutch, German and Romance surnames ("al-Maliki", "van Gaal"), which are part of the surname.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})
NAME_PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "bin", "ibn", "ben", "abu", "de", "da",
                            "di", "del", "van", "von", "der", "den", "la", "le"})

PERSONAL_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
# A passive verb heading a clause of its own (not a participle describing a noun): its doer
# ("by X") is the clause's logical subject.
PASSIVE_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp"})
UNSPECIFIC_DETERMINERS = frozenset({"some", "any", "every", "each", "no", "another"})
# "the opposition" refers back to "the Syrian opposition" up to this many sentences before;
# a body of another head word ("the ministry" after "the Greek government") only to the
# previous sentence.
SAME_BODY_SENTENCES = 3


def coordinated_actors(ctx: ArticleContext, mention: Mention) -> list[Actor]:
    """'French and Egyptian warships', 'US and British forces': one actor per country."""
    actor = mention.actor
    if mention.named is not None or not actor.country:
        return []
    others = []
    for token in phrase_tokens(mention.head):
        if token.dep_ not in MODIFIER_DEPS:
            continue
        for conjunct in token.conjuncts:
            match = ctx.match_at.get(conjunct.i)
            entry = match.first(PLACE_KINDS) if match else None
            if entry is None or not entry.country or entry.country == actor.country:
                continue
            others.append(
                Actor(
                    text=actor.text,
                    code=entry.country + "".join(actor.sectors),
                    country=entry.country,
                    sectors=list(actor.sectors),
                    name=None,
                    start=actor.start,
                    end=actor.end,
                    resolution=[
                        Step(
                            StepKind.COORDINATED,
                            f"coordinated modifier '{conjunct.text}' -> {entry.country}: "
                            f"one actor per country ({entry.source})"
                        ),
                        *actor.resolution,
                    ],
                )
            )
    return others


def merge_appositions(ctx: ArticleContext) -> None:
    """'his Russian counterpart Sergei Lavrov': the described head is the named apposition."""
    by_head = {m.head.i: m for m in ctx.mentions}
    for mention in ctx.mentions:
        if mention.head.dep_ != "appos" or mention.named is None:
            continue
        described = by_head.get(mention.head.head.i)
        if described is None or described.named is not None:
            continue
        if not can_corefer(ctx, described, mention):
            continue
        described.actor = Actor(
            text=described.actor.text,
            code=mention.actor.code,
            country=mention.actor.country,
            sectors=list(mention.actor.sectors),
            name=mention.actor.name,
            start=described.actor.start,
            end=described.actor.end,
            resolution=[
                Step(StepKind.APPOSITION, f"apposition: '{described.actor.text}' is '{mention.actor.text}'"),
                *mention.actor.resolution,
            ],
        )
        described.named = mention.named


def can_corefer(ctx: ArticleContext, described: Mention, named: Mention) -> bool:
    """An apposition joins two phrases only when they can name the same one: set off by a
    comma or dash ("Lavrov, Russia's foreign minister"), or a close apposition whose
    described head is a person's role word ("his Russian counterpart Sergei Lavrov"). Two
    phrases run together in a headline ("An Innocent Man Mike Pence Refused To Pardon")
    are subject and object, not one person."""
    first, second = sorted((described.head, named.head), key=lambda t: t.i)
    between = ctx.doc[first.i : second.i]
    if any(t.text in (",", "-", "–", "—", "(") for t in between):
        return True
    if described.head.idx < ctx.parsed.title_offset:
        return False
    entry = described.head_entry
    return entry is not None and entry.agent is not None and "person" in entry.agent.flags


def unify_people(ctx: ArticleContext) -> None:
    """Every mention of a person takes the code of the mention that names them best.

    The anchor is the first mention whose role a title in the text chose ("US Secretary of
    State John Kerry"), else the first mention; a headline "Kerry" before it is cataphora.
    With an article date every mention resolves by the date, so only the evidence changes.
    """
    groups: dict[int, list[Mention]] = {}
    for mention in ctx.mentions:
        if mention.named is not None and mention.named.kind == PERSON:
            groups.setdefault(id(mention.named), []).append(mention)
    for group in groups.values():
        anchor = next(
            (m for m in group if m.title_fit),
            max(group, key=lambda m: (m.name_words, -m.head.i)),
        )
        for mention in group:
            if mention is anchor:
                continue
            first = mention.actor.resolution[:1]
            own = (
                first
                if first
                and kind_of(first[0]) in LINKS
                and (mention.head_entry is None or mention.head_entry.kind != PERSON)
                else []
            )
            link = (
                Step(
                    StepKind.COREFERENCE,
                    f"coreference: '{mention.actor.text}' refers to '{anchor.actor.text}' "
                    f"(sentence {anchor.sentence}, the same person)"
                )
            )
            mention.actor.code = anchor.actor.code
            mention.actor.country = anchor.actor.country
            mention.actor.sectors = list(anchor.actor.sectors)
            mention.actor.name = anchor.actor.name
            mention.actor.resolution = [*(own or [link]), *anchor.base_steps]


def corefer(
    ctx: ArticleContext, head: Any, tokens: list[Any], sentence: int, earlier: Mention, why: str
) -> Mention:
    """A mention of ``head`` that takes the identity and evidence of ``earlier``, saying ``why``."""
    source = earlier.actor
    steps = [
        Step(
            StepKind.COREFERENCE,
            f"coreference: '{ctx.doc[tokens[0].i : tokens[-1].i + 1].text}' refers back to "
            f"'{source.text}' (sentence {earlier.sentence}, {why})"
        ),
        *(earlier.base_steps or source.resolution),
    ]
    mention = build_mention(
        ctx,
        head,
        tokens,
        sentence,
        source.country or "",
        list(source.sectors),
        source.name,
        steps,
        earlier.head_entry,
    )
    mention.actor.code = source.code
    mention.named = earlier.named
    mention.individual = earlier.individual
    mention.base_steps = list(earlier.base_steps or source.resolution)
    return mention


def earlier_person_by_surname(ctx: ArticleContext, head: Any) -> Mention | None:
    """The latest earlier named individual whose name ends with the words of ``head`` and
    whose first name, where both are written, agrees: "Mollik Tariqur Rahman" is not the
    "Kazi Mokhlechur Rahman" of an earlier paragraph, nor "Daniel Tani" his brother "Dick"."""
    key = words(head.text)
    if not key:
        return None
    first = first_name(ctx, head.i)
    for mention in reversed(ctx.people_named(key[-1])):  # named individuals only
        name = words(mention.actor.name)
        if name[-len(key) :] == key and same_first_name(first, name[: -len(key)]):
            return mention
    return None


def same_first_name(first: str | None, given: list[str]) -> bool:
    """Whether a written first name can be one of the ``given`` names of an earlier mention
    (any of them: a name built with a possessor, "Donald Trump's Jared Kushner", has more):
    true when either is missing; an initial agrees with the names it begins ("J." and "John");
    other names agree in their first three letters, which keeps spellings of one name
    ("Sergei", "Sergey") and parts people apart ("Daniel", "Dick"; "Mollik", "Mokhlechur")."""
    given = [w for w in given if w not in NAME_PARTICLES]
    if first is None or not given:
        return True
    return any(first[:1] == other[:1] if min(len(first), len(other)) == 1 else first[:3] == other[:3]
               for other in given)


def first_name(ctx: ArticleContext, start: int) -> str | None:
    """The first word of the person's name that ends at ``start`` (its surname), lower-cased:
    a capitalised proper noun of the same PERSON entity that is no dictionary word (not "Mr",
    not "President", not "Earlier" opening the sentence); None when the surname stands alone."""
    doc = ctx.doc
    entity = syntax.entity_of(doc[start])
    if entity is None or doc[start].ent_type_ != "PERSON" or entity.start >= start:
        return None
    for token in doc[entity.start : start]:
        if (token.is_alpha and token.text[:1].isupper() and token.pos_ == "PROPN"
                and token.lower_ not in HONORIFICS
                and token.lower_ not in NAME_PARTICLES
                and not ctx.dictionary.lookup(tuple(words(token.text)))):
            return token.lower_
    return None


def link_to_earlier(ctx: ArticleContext, mention: Mention, facts: PhraseFacts, tokens: list[Any]) -> None:
    """Later mentions take the identity (and title evidence) of the mention that named them."""
    if mention.named is not None:
        return  # names: unify_people links all mentions of a person after the pass
    if mention.head_entry is None or mention.head_entry.kind != AGENT:
        return
    determiners = {t.lower_ for t in tokens if t.dep_ == "det"}
    possessed = any(t.dep_ == "poss" and t.pos_ == "PROPN" for t in tokens)
    if not determiners & DEFINITE_DETERMINERS and not possessed:
        return
    from_article = any(kind_of(step) in FROM_ARTICLE for step in mention.actor.resolution)
    if not mention.individual:
        link_to_body(ctx, mention, tokens, from_article)
        return
    # A country the article gave it yields to an earlier mention of the same role ("the
    # diplomat" after "the Syrian diplomat", in a story filed from Astana) where none of
    # that country comes before ("the president" after the Ukrainian and the U.S. presidents,
    # filed from Kyiv, is Ukraine's).
    earlier = antecedent_of_description(ctx, mention)
    if earlier is None and from_article:
        earlier = antecedent_of_description(ctx, mention, any_country=True)
    if earlier is None:
        link_to_office_holder(ctx, mention, facts, tokens)
        return
    linked = corefer(
        ctx, mention.head, tokens, mention.sentence, earlier, "definite description"
    )
    mention.actor = linked.actor
    mention.named = earlier.named
    mention.base_steps = linked.base_steps


def link_to_body(
    ctx: ArticleContext, mention: Mention, tokens: list[Any], from_article: bool = False
) -> None:
    """'BP posted a profit, the company announced': a definite role word naming a body
    ("the company", "the ministry") with no country of its own refers to the nearest
    mention of this or the previous sentence that has a country and the same first sector,
    one with the same head word first, up to SAME_BODY_SENTENCES back ("the embassy" is the
    U.S. Embassy named before, not the Greek government between them); a body that belongs
    to no one state (flag ``open``: an embassy, which has no sector of its own) takes only
    one with its head word. A country the article gave it (``from_article``: the dateline,
    the main country) yields to such an earlier mention with its head word ("the armed
    Syrian opposition ... the opposition" in a story filed from Astana is Syria's), unless one
    such mention has its country. With none it keeps what it had."""
    actor = mention.actor
    agent = mention.head_entry.agent if mention.head_entry is not None else None
    body_of_no_state = agent is not None and "open" in agent.flags
    if (actor.country and not from_article) or not (actor.sectors or body_of_no_state) \
            or len(tokens) > 3:
        return
    near = [
        earlier for earlier in reversed(ctx.mentions)
        if earlier.sentence >= mention.sentence - SAME_BODY_SENTENCES
        and earlier.head.i < mention.head.i
        and not earlier.individual and earlier.actor.country
        and earlier.actor.sectors[:1] == actor.sectors[:1]
    ]
    same_head = [e for e in near if e.head.lemma_.lower() == mention.head.lemma_.lower()]
    if actor.country and any(e.actor.country == actor.country for e in same_head):
        return  # "the German government ... the U.S. government ... the government", from Berlin
    near = [e for e in near if e.sentence >= mention.sentence - 1]
    if body_of_no_state or actor.country:
        near = []
    for earlier in [*same_head, *near][:1]:
        linked = corefer(ctx, mention.head, tokens, mention.sentence, earlier,
                         "definite description of the same kind of body")
        mention.actor, mention.named, mention.base_steps = (
            linked.actor, earlier.named, linked.base_steps)


def link_to_office_holder(
    ctx: ArticleContext, mention: Mention, facts: PhraseFacts, tokens: list[Any]
) -> None:
    """'the Russian foreign minister' on a dated article: whoever held that office then.

    The role title must begin with the role words ("Foreign Minister of Russia"; "president"
    never matches "Vice President ...") and exactly one person may hold it on the date.
    Undated articles are left alone: today's holder may not be the article's.
    """
    country = mention.actor.country
    if ctx.day is None or not country or facts.head_match is None:
        return
    match = facts.head_match
    agent = match.best.agent
    if agent is not None and "member" in agent.flags:
        return  # "the chairman of X's committee" names no office of the country itself
    if unknown_body(ctx, mention.head) is not None or unknown_possessor(ctx, mention.head):
        return  # "the IIHF president", "Dalbar's president": an office of something the dictionary lacks
    if BUSINESS in mention.actor.sectors:
        return  # a company's officer ("its president") holds no office of the country
    if any(kind_of(step) in GUESSED_FROM_CONTEXT for step in mention.actor.resolution):
        return  # a country guessed from the context names no office
    if any(_person_title(ctx, t) for t in tokens if t.i < match.start):
        return  # "Iraq's deputy foreign minister": another title before the office's own words
    role_words = words(ctx.doc[match.start : match.end].text)
    holders = {
        id(named): (named, role)
        for named, role in ctx.dictionary.holders.get(country, [])
        if role.holds_on(ctx.day) and title_is(words(role.title), role_words)
    }
    if len(holders) != 1:
        return
    named, role = next(iter(holders.values()))
    steps = [
        Step(
            StepKind.OFFICE_HOLDER,
            f"office-holder: on {ctx.day.isoformat()} the {role.title} was {named.name} "
            f"({role.span_words()}, {named.source})"
        )
    ]
    actor = mention.actor
    actor.code = role.actor_code
    actor.country, actor.sectors, actor.name = role.country, list(role.sectors), named.name
    actor.resolution = steps + actor.resolution
    mention.named = named
    mention.base_steps = list(actor.resolution)


def _person_title(ctx: ArticleContext, token: Any) -> bool:
    """Whether ``token`` is matched as a role word of one person ("deputy", "aide")."""
    found = ctx.match_at.get(token.i)
    entry = found.first((AGENT,)) if found else None
    return entry is not None and entry.agent is not None and "person" in entry.agent.flags


# Words that may follow an office's role words in its listed title ("Foreign Minister of Russia").
TITLE_CONTINUATIONS = frozenset({"of", "for", "to", "in"})


def title_is(title: list[str], role_words: list[str]) -> bool:
    """Whether a listed title is the office the role words name: it begins with them and goes
    on, if at all, with "of X" ("Foreign Minister of Russia"), never with more of another
    title ("United States Attorney" is no "Attorney General")."""
    rest = title[len(role_words):]
    return title[: len(role_words)] == role_words and (not rest or rest[0] in TITLE_CONTINUATIONS)


def antecedent_of_description(
    ctx: ArticleContext, mention: Mention, any_country: bool = False
) -> Mention | None:
    """'the Russian leader': the nearest earlier individual of that country and role. With
    ``any_country`` (the phrase's country is only the article's), one of any country whose
    head word or listed title is the phrase's, never one that merely shares its sector."""
    country = "" if any_country else mention.actor.country
    head_words = set(words(mention.head.lemma_)) | set(words(mention.head.text))
    sectors = set(mention.actor.sectors)
    # one named office ("the minister", "the prime minister"; agents.tsv flag ``office``) is
    # only a person whose titles hold its head word: never the last one of that country
    agent = mention.head_entry.agent if mention.head_entry is not None else None
    office = agent is not None and "office" in agent.flags
    fallback = None
    for earlier in reversed(ctx.mentions):
        if not earlier.individual or earlier.head.i >= mention.head.i:
            continue
        if country and earlier.actor.country != country:
            continue
        if earlier.head.lemma_.lower() == mention.head.lemma_.lower() and not earlier.named:
            return earlier  # "a top US official" ... "the US official"
        if earlier.named is None:
            continue
        # the titles of the role the earlier mention took, not of every office the person
        # ever held ("the Tory leader" is not Tony Blair, PM, once Leader of the Opposition)
        taken = [r for r in earlier.named.roles if r.country == earlier.actor.country
                 and list(r.sectors) == earlier.actor.sectors] or earlier.named.roles
        titles = " ".join(r.title.lower() for r in taken)
        if head_words & set(words(titles)):
            return earlier
        if fallback is None and not office and (not sectors or sectors & set(earlier.actor.sectors)):
            fallback = earlier
    return None if any_country else fallback


def specific(mention: Mention) -> bool:
    """A named person or one singular described person ("the US official", "a spokesman",
    "Russian presidential envoy"), not "some officials" or "any judge"."""
    if mention.actor.name:
        return True
    return mention.head.tag_ not in ("NNS", "NNPS") and not any(
        c.dep_ == "det" and c.lower_ in UNSPECIFIC_DETERMINERS for c in mention.head.children)


@dataclass(eq=False)
class _Unknown:
    """A person's name the dictionary lacks, as a pronoun's possible antecedent."""

    head: Any


def unknown_people(ctx: ArticleContext, pronoun: Any, first: int) -> list[_Unknown]:
    """The heads of people's names (spaCy PERSON, last word) that resolved to no actor, from
    sentence ``first`` up to the pronoun: "he" may mean one of them, and then it is no one
    the coder can name."""
    found = []
    near = []  # the mentions of the window only: a long article stays linear
    for mention in reversed(ctx.mentions):
        if mention.sentence < first:
            break
        near.append(mention)
    named = {m.head.i for m in near}
    people = {m.head.i for m in near if m.individual}
    start = pronoun.i
    while start > 0 and ctx.sentence_of.get(start - 1, -1) >= first:
        start -= 1
    for token in ctx.doc[start:pronoun.i]:
        if token.ent_type_ != "PERSON" or token.i in named:
            continue
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "I":
            continue  # not the last word of the name
        if token.dep_ in MODIFIER_DEPS | {"poss", "appos"} and token.i in ctx.match_at:
            continue  # "the Putin administration", "his counterpart Sergei Lavrov"
        if any(t.i in people for t in token.subtree if t.i != token.i):
            continue  # "X, who served as U.S. attorney": the role described stands for X
        found.append(_Unknown(token))
    return found


def _subject(head: Any) -> bool:
    """A subject, the name set beside one ("A worker, John Smith, said"), or the doer of a
    passive clause ("That charge was denied by Mr Mandelson. He warned ..."; not of a
    participle describing someone else: "Tillerson, nominated by Trump, indicated ...")."""
    if head.dep_ == "appos":
        head = head.head
    if head.dep_ == "pobj" and head.head.dep_ == "agent":
        return head.head.head.dep_ in PASSIVE_CLAUSE_DEPS
    return head.dep_ in ("nsubj", "nsubjpass")


def _possessor(head: Any) -> bool:
    """A phrase named by its owner ("Sessions's account"): the person is the possessor."""
    return head.dep_ == "poss" and head.pos_ == "PROPN"


def written_gender(ctx: ArticleContext, mention: Mention) -> str:
    """A person's sex: the people list's, else a word written with the name ("Ms Jamieson",
    "his wife Sarah", "the spokeswoman"; gender_words.tsv); "" when nothing says."""
    if mention.named is not None and mention.named.gender:
        return mention.named.gender
    head = mention.head
    names = [head, *(c for c in head.children if c.dep_ == "appos")]  # "the minister, Ms X"
    names += [head.head] if head.dep_ == "appos" else []  # "his wife Sarah"
    written = [t for name in names for t in phrase_tokens(name) if t.i <= name.i]
    said = {ctx.dictionary.gender_words.get(t.lower_.rstrip("."), "") for t in written} - {""}
    return said.pop() if len(said) == 1 else ""


def quotation_speaker(pronoun: Any) -> str | None:
    """The last word of the name or description of whoever speaks the quotation ``pronoun``
    stands in ("Craig" in '"Fortunately, he was arrested," Craig said'; "chief" in '..., the
    chief said'): the subject, outside the quotation marks, of a verb the pronoun's clause
    hangs from; None when the pronoun is not quoted in its sentence or a pronoun speaks it."""
    span = syntax.quotation_span(pronoun)
    if span is None:
        return None
    for verb in pronoun.ancestors:
        for child in verb.children:
            if (child.dep_ == "nsubj" and not span[0] < child.i < span[1]
                    and child.pos_ in ("PROPN", "NOUN")):
                return child.lower_
    return None


def _title_words(mention: Mention) -> set[str]:
    """The words of a named person's role titles ("president" for Emmanuel Macron)."""
    roles = mention.named.roles if mention.named is not None else []
    return {w for r in roles for w in words(r.title)}


def resolve_pronoun(ctx: ArticleContext, head: Any, sentence: int) -> Mention | None:
    """'he'/'she' take the nearest compatible named person (or one described person: "the
    US official", "a spokesman") of the same or the previous sentence, a subject before other mentions
    ("Sessions said that during his meeting with Mr Kislyak he ..." is Sessions); with
    none, the pronoun stays unresolved rather than reach into an unrelated part of the
    article. Sentences of a quotation do not count ("X said. 'A. B. C,' he said.": up to
    three of them are passed over to reach the sentence before the quotation)."""
    gender = PERSONAL_PRONOUNS.get(head.lower_)
    if gender is None or head.dep_ == "poss":
        return None
    first = sentence - 1
    while first > sentence - 4 and first in ctx.quoted:
        first -= 1  # "'...' he said": the quotation's sentences lead back to its speaker
    speaker = quotation_speaker(head)
    candidates: list[Mention | _Unknown] = []
    for earlier in reversed(ctx.mentions):
        if earlier.sentence < first:
            break
        if not earlier.individual or earlier.head.i >= head.i or not specific(earlier):
            continue
        if written_gender(ctx, earlier) not in ("", gender):
            continue
        if speaker and speaker in {*words(earlier.actor.text), *_title_words(earlier)}:
            continue  # '"He was arrested," Craig (the chief) said': who speaks says "I", not "he"
        candidates.append(earlier)
    if not candidates:
        return None
    unknown = unknown_people(ctx, head, first)
    candidates = sorted([*candidates, *unknown], key=lambda m: -m.head.i)
    # "him"/"her": a person whose thing the pronoun's own sentence names ("Unswayed by
    # Sessions's account, they called for him to quit") comes before the last sentence's
    # subject, only where no other candidate stands between the owner and the pronoun
    # ("After Putin's speech, Scholz met Zelensky and promised him" is not Putin)
    owner = [m for m in candidates if isinstance(m, Mention) and m.sentence == sentence
             and head.lower_ in ("him", "her") and _possessor(m.head)
             and not any(o.head.i > m.head.i for o in candidates)]
    chosen = owner[0] if owner else next((m for m in candidates if _subject(m.head)), candidates[0])
    if chosen in unknown:
        return None  # "Michael Brown ... before he was killed": a person the dictionary lacks
    why = f"nearest compatible antecedent of '{head.text}'"
    if chosen is not candidates[0]:
        why = f"the nearest compatible subject before '{head.text}'"
    return corefer(ctx, head, [head], sentence, chosen, why)
