"""Actors as event arguments: which actor a word the events stage chose stands for, and the sides
of an event filled in where the text leaves them open.

The events stage reads the parse for an event's source and target words; this module says who
they are: the actor the actors stage resolved for the word, the actor it belongs to ("army
bulldozers"), a nationality modifier ("German goods"), the people a group noun groups ("members
of X"); less the victims of a violent act; a party with no country given that of the place or of
the other party ("domestic"); the government a protest with no target is aimed at; the implied
agent of a passive ("were arrested": police). The word lists come from the events stage's
``events/data/arguments.yaml`` (``SideRules``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from eventwire.actors.dictionary import AGENT, CAPITAL, COUNTRY, Dictionary, words
from eventwire.actors.nationality import Nationalities
from eventwire.nlp import syntax
from eventwire.records import Actor, Event

if TYPE_CHECKING:
    from eventwire.actors.resolve import ArticleActors

Token = Any

# Verbs whose subject (active) or passive subject suffered the act: victims, not authors.
SUFFERING_LEMMAS = frozenset({"die", "perish"})
# The tags of an event named by a noun or a gerund ("the shooting"), which those a participle
# says were hurt ("a man injured in the shooting") underwent.
NOMINAL_TAGS = frozenset({"NN", "NNS", "NNP", "VBG"})
HARM_LEMMAS = frozenset({"kill", "wound", "injure", "hurt", "maim", "behead", "murder", "shoot",
                         "stab"})


@dataclass(frozen=True)
class SideRules:
    """The word lists of ``events/data/arguments.yaml`` that say who an argument is."""

    group_nouns: frozenset[str] = frozenset()
    follower_nouns: frozenset[str] = frozenset()
    force_modifiers: frozenset[str] = frozenset()
    state_sectors: frozenset[str] = frozenset()
    foreign_sectors: frozenset[str] = frozenset()
    domestic_sectors: frozenset[str] = frozenset()


@dataclass
class Arguments:
    """The actors of one article as arguments are read: the phrases the actors stage resolved,
    then the nationality modifiers of things ("German goods")."""

    resolved: ArticleActors
    nationalities: Nationalities
    dictionary: Dictionary
    rules: SideRules
    nationality: bool = True  # whether a nationality modifier may stand for an actor
    _name_ends: dict[str, list[int]] | None = field(default=None, init=False, repr=False)

    def actor_at(self, token: Token) -> Actor | None:
        return self.resolved.actor_at(token)

    def named_only(self) -> Arguments:
        return replace(self, nationality=False)

    def actors(self, tokens: list[Token]) -> list[Actor]:
        """The actors named by ``tokens`` and the actors coordinated with them ("the US and
        the EU"); a word that is no actor brings in none of its conjuncts ("negotiations" that a
        misparse coordinates with "Syria, Yemen and Libya")."""
        resolved: list[Actor] = []
        for token in tokens:
            if self.actor_of(token) is None:
                continue
            members = syntax.conjuncts(token)
            for member in members:
                actor = self.actor_of(member)
                if actor is None or any(actor is r for r in resolved):
                    continue
                if actor.name is None and self._title_of_next(member, members):
                    continue  # "X and Turkish President | Recep Tayyip Erdogan": one person
                resolved.append(actor)
        return resolved

    def _title_of_next(self, member: Token, members: list[Token]) -> bool:
        """Whether ``member`` is a title that spaCy split off the name right after it as a
        conjunct of its own ("Putin and *Turkish President* Recep Tayyip Erdogan met"): real
        conjuncts have a comma or a conjunction between them; these touch."""
        after = member.right_edge.i + 1
        for other in members:
            if other.i != member.i and other.left_edge.i == after:
                named = self.actor_of(other)
                return named is not None and named.name is not None
        return False

    def actor_of(self, token: Token) -> Actor | None:
        if self.is_force_modifier(token):
            return self._force(token)
        actor = self.actor_at(token)
        if actor is None:
            # "X, the envoy"; "army bulldozers", "police firing": the instrument's owner
            related = syntax.children(token, {"appos", "compound", "poss", "nmod", "amod"})
            actor = next((a for a in map(self.actor_at, related) if a), None)
        if actor is None and self.nationality and token.pos_ in ("NOUN", "PROPN"):
            # "German goods": Germany's; "X, the U.N. relief coordinator": the UN's
            owners = [token, *syntax.children(token, {"appos"})]
            actor = next(filter(None, map(self.nationalities.modifier_actor, owners)), None)
        if actor is None and token.lemma_.lower() in self.rules.group_nouns:
            return self._group(token)
        if actor is None and token.lemma_.lower() in self.rules.follower_nouns:
            return self._followers(token)
        return actor

    def is_force_modifier(self, token: Token) -> bool:
        """A force's role word modifying a noun ("the *police* killing", "an *army* raid";
        ``force_modifiers``), which the actors stage resolves as no phrase of its own."""
        if (token.dep_ not in ("compound", "amod") or token.head.pos_ not in ("NOUN", "PROPN")
                or token.lemma_.lower() not in self.rules.force_modifiers):
            return False
        actor = self.actor_at(token)  # none, or the noun's phrase as a country's ("Israeli army raids")
        return actor is None or (actor is self.actor_at(token.head) and not actor.sectors
                                 and actor.name is None)

    def _force(self, token: Token) -> Actor | None:
        """The force a modifier names: its sectors from the dictionary, its country from a
        nationality modifier beside it ("Israeli army raids"), else, for forces that act at
        home (``domestic_sectors``: police), the article's own."""
        entry = next((e for e in self.dictionary.lookup((token.lemma_.lower(),))
                      if e.kind == AGENT and e.agent is not None and e.agent.sectors), None)
        if entry is None or entry.agent is None:
            return None
        sectors = list(entry.agent.sectors)
        steps = [f"'{token.text}' modifying '{token.head.text}' names the force that carried it "
                 f"out -> {' '.join(sectors)} ({entry.source})"]
        beside = (self.actor_at(token) or self.nationalities.modifier_actor(token.head)
                  or self.nationalities.modifier_actor(token))
        country = beside.country if beside is not None and beside.country else None
        context = getattr(self.resolved, "context", None)
        if beside is not None and country:
            steps.append(f"nationality '{beside.text}' -> {country}")
        elif context and context[0] and set(sectors) & self.rules.domestic_sectors:
            country = context[0]  # police act at home; an army may be anyone's
            steps.extend(context[1])
        sentence = token.sent
        lead = len(sentence.text) - len(sentence.text.lstrip())
        start = token.idx - sentence.start_char - lead
        return Actor(text=token.text, code=(country or "") + "".join(sectors), country=country,
                     sectors=sectors, start=start, end=start + len(token.text), resolution=steps)

    def _followers(self, token: Token) -> Actor | None:
        """"supporters of former President X": X's country, in the opposition when X is an
        opposition figure or a former office-holder, else the country's people; never X."""
        for backed in syntax.prep_objects(token, "of"):
            actor = self.actor_of(backed)
            if actor is None or not actor.country:
                continue
            sectors = ["OPP"] if {"OPP", "ELI"} & set(actor.sectors) else []
            phrase = token.doc[token.left_edge.i : backed.right_edge.i + 1].text
            return Actor(text=phrase, code=actor.country + "".join(sectors),
                         country=actor.country, sectors=sectors, resolution=[
                             *actor.resolution,
                             f"'{token.text}' of '{actor.text}': its backers, "
                             f"{actor.country}{' OPP' if sectors else ''}"])
        return None

    def _group(self, token: Token) -> Actor | None:
        """"members of X", "a group of X diplomats", "doctors from X aid groups": the group is
        the actor's people, not the actor itself; "opposition groups in X": X's people."""
        members = [o for p in ("of", "from") for o in syntax.prep_objects(token, p)]
        for member in members:  # "thousands of students from X": down the tree
            actor = self.actor_of(member)
            if actor is not None:
                phrase = token.doc[token.left_edge.i : member.right_edge.i + 1].text
                return replace(actor, text=phrase, resolution=[
                    f"group noun '{token.text}' of '{actor.text}'", *actor.resolution])
        for place in syntax.prep_objects(token, "in"):
            found = self.actor_at(place)
            if found is not None and found.country in self.dictionary.countries:
                phrase = token.doc[token.left_edge.i : place.right_edge.i + 1].text
                return Actor(text=phrase, code=found.country, country=found.country,
                             sectors=[], resolution=[
                                 f"group noun '{token.text}' in '{found.text}' -> "
                                 f"{found.country}", *found.resolution])
        return None

    def authors(self, sources: list[Token], trigger: Token, assault: bool) -> list[Actor]:
        """The sources, less the victims of a violent act: a phrase naming victims ("the victims
        of last week's terror attack"; actors stage, ``ArticleActors.is_victim``) and those who
        died or were hurt in it ("25,000 people died during the bombing") never carried it out."""
        if not assault:  # only an assault, a fight or mass violence has victims among its sources
            return self.actors(sources)
        authors = [t for t in sources if not _suffers(t, trigger)]
        is_victim = getattr(self.resolved, "is_victim", None)  # stand-ins may lack it
        return [s for s in self.actors(authors) if not (is_victim and is_victim(s))]

    def private_people(self, tokens: list[Token], offset: int) -> list[Actor]:
        """People's names the dictionary lacks and no title places ("police arrested John
        Connors", "shot at Scott"), as the target of a coercive or violent act: private
        people (CVL), whose country comes later from the place, the police or the article
        (``domestic``, ``private_country``). ``offset``: where the sentence text starts."""
        found = []
        for token in tokens:
            name = syntax.entity_of(token) if token.ent_type_ == "PERSON" else None
            if name is None or token.pos_ != "PROPN":
                name = self._lone_surname(token)
            if name is None or self.actor_at(token) is not None:
                continue
            found.append(Actor(
                text=name.text, code="CVL", country=None, sectors=["CVL"],
                start=name.start_char - offset, end=name.end_char - offset,
                resolution=[f"'{name.text}' is a person the dictionary lacks, with no title: "
                            f"the target of a coercive act, a private person -> CVL"]))
        return found

    def _lone_surname(self, token: Token) -> Any:
        """A capitalised word spaCy did not tag as a person ("Connors was arrested", "shot at
        Scott" read as an organisation) that is the last word of an earlier full name of a
        person the dictionary lacks ("Anthony Connors, 41, ..."): that person, by surname."""
        entity = syntax.entity_of(token)
        if (not token.text[:1].isupper() or token.pos_ not in ("PROPN", "NOUN")
                or (entity is not None and len(entity) > 1)):
            return None
        for earlier in self._person_name_ends(token.doc).get(token.text, ()):
            if earlier < token.i and self.actor_at(token.doc[earlier]) is None:
                return token.doc[token.i : token.i + 1]
        return None

    def _person_name_ends(self, doc: Any) -> dict[str, list[int]]:
        """Where each person name of several words ends, by its last word: read once per article,
        not once per phrase (a long article has thousands of phrases)."""
        if self._name_ends is None:
            self._name_ends = defaultdict(list)
            for token in doc:
                if token.ent_type_ == "PERSON" and token.ent_iob_ == "I" and not _continues_name(token):
                    self._name_ends[token.text].append(token.i)
        return self._name_ends

    def private_country(self, actor: Actor | None) -> Actor | None:
        """A private person target (``private_people``) still without a country takes the
        article's own: its dateline, else its only country, else its main one."""
        context = getattr(self.resolved, "context", None)
        if (actor is None or actor.country or actor.name or not actor.text or not context
                or not context[0] or actor.code != "CVL"):
            return actor
        country, steps = context
        return replace(actor, code=country + actor.code, country=country,
                       resolution=[*actor.resolution, *steps])

    def domestic(
        self, source: Actor | None, target: Actor | None, places: list[Actor], conflictual: bool
    ) -> tuple[Actor | None, Actor | None]:
        """A party with no country ("about 20 people", "Shona rebels", "Judge X") belongs to
        the country where the act happens ("killed three men in southern Serbia"). Failing a
        place, the unnamed target of a conflictual act (quad class 3-4) by a country's police or
        courts ("domestic_sectors") is of that country, unless it is a government or army role
        ("foreign_sectors"): "Egyptian police opened fire on demonstrators" (not "US airstrikes
        killed civilians", nor "the U.S. supports the rebels", cooperation, nor "an Iranian was
        detained", whose unnamed side is the source). International bodies (IGO, NGO) lend and
        take no country."""
        if source is None or target is None or bool(source.country) == bool(target.country):
            return source, target
        known, unknown = (source, target) if source.country else (target, source)
        countries = self.dictionary.countries
        home = next((p for p in places if p.country in countries), None)
        if (home is None and unknown is target and unknown.name is None and conflictual
                and set(known.sectors) & self.rules.domestic_sectors
                and not set(unknown.sectors) & self.rules.foreign_sectors):
            home = known
        if home is None or home.country not in countries:
            return source, target
        filled = replace(unknown, code=f"{home.country}{unknown.code}", country=home.country,
                         resolution=[*unknown.resolution, "domestic: no country named, that "
                                     f"of '{home.text}' ({home.country})"])
        return (source, filled) if known is source else (filled, target)

    def dissent_target(self, source: Actor | None, act: str = "dissent") -> Actor | None:
        """"Egyptian demonstrators rioted": dissent with no named target is aimed at the
        government of the dissenters' country (roots in arguments.yaml); a state's own
        protest ("Iran protested") keeps no target. ``act`` names the act in the evidence
        (an appeal or demand of a party: "The Tories called for a change in the law")."""
        if source is None or not source.country or self.is_state(source):
            return None
        return Actor(text="", code=f"{source.country}GOV", country=source.country,
                     sectors=["GOV"], resolution=[
                         f"implied target: {act} by '{source.text}' without a named target "
                         f"is aimed at the government of {source.country} (arguments.yaml)"])

    def is_state(self, actor: Actor) -> bool:
        """A government, its forces or the country itself ("Algeria"), not its people
        ("Young Algerians", "Egyptian demonstrators")."""
        if set(actor.sectors) & self.rules.state_sectors:
            return True
        key = tuple(w for w in words(actor.text) if w != "the")
        return not actor.sectors and any(
            e.kind in (COUNTRY, CAPITAL) for e in self.dictionary.lookup(key))


def _continues_name(token: Token) -> bool:
    """Whether the next word belongs to the same named entity (``token`` is not its last)."""
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.ent_iob_ == "I"


def _suffers(token: Token, trigger: Token) -> bool:
    """True for the subject of another verb saying it died or was hurt ("people died during
    the bombing", "three were wounded in the attack"), and for a phrase a participle says was
    hurt ("Man seriously *injured* in Antrim shooting", a headline parsed with "shooting" as
    its verb)."""
    if trigger.tag_ in NOMINAL_TAGS and any(
            c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in HARM_LEMMAS
            for c in token.children):
        return True  # not "soldiers wounded in the blast fired at the crowd": they fired
    verb = token.head
    if verb.i == trigger.i:
        return False
    if trigger.pos_ in ("VERB", "AUX") and any(a.i == verb.i for a in trigger.ancestors):
        return False  # "two gunmen were shot dead after *opening fire*": they opened fire
    lemma = verb.lemma_.lower()
    return (token.dep_ == "nsubj" and lemma in SUFFERING_LEMMAS) or (
        token.dep_ == "nsubjpass" and lemma in HARM_LEMMAS)


def speakers_own(sources: list[Actor], speaker: Actor) -> list[Actor]:
    """"Bosnian Serbs said their forces had withdrawn": a source with no country is the
    speaker's own."""
    return [s if s.country else replace(
        s, code=f"{speaker.country}{s.code}", country=speaker.country,
        resolution=[*s.resolution, f"the speaker's own: '{speaker.text}'"])
        for s in sources]


def implied_agent(sector: str, rule: str) -> Actor:
    """The implied agent of a rule ("five men were arrested": by police); ``rule`` names it."""
    return Actor(text="", code=sector, country=None, sectors=[sector],
                 resolution=[f"implied agent of {rule}"])


def place_implied(resolved: ArticleActors, events: list[Event]) -> None:
    """Implied parties ("were arrested": by police) take the article's country, as the actors
    stage finds it (``ArticleActors.place_implied``; stand-ins for it may lack the method)."""
    place = getattr(resolved, "place_implied", None)
    if place is not None:
        place(events)


def identity(actor: Actor | None) -> tuple[str, str]:
    """Who an actor is, for telling two events of a sentence apart (two RUSGOV people differ)."""
    return (actor.code, actor.name or actor.text) if actor else ("", "")


def named(actor: Actor | None) -> Actor | None:
    """The target, unless it is only implied (a protest: at the government), which a named
    one of the same event replaces. (An implied source, the police of "were arrested", stays:
    a named source of the same kind is often another party's act.)"""
    return actor if actor is not None and actor.text else None
