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
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventwire.events.business import DATA_FILE as BUSINESS_FILE
from eventwire.events.business import BusinessGuard, guard_from
from eventwire.events.cameo import cameo_table
from eventwire.events.commentary import DATA_FILE as COMMENTARY_FILE
from eventwire.events.commentary import CommentaryGuard, commentary_guard
from eventwire.events.sections import LinkLists, OffTopicSections, link_lists, off_topic_sections

# Verb and noun patterns may be spread over several files (the core ones and the broad-coverage
# ones); a lemma's patterns from all files are merged and tried most specific first.
VERB_FILES = ("verb_patterns.yaml", "verb_coverage.yaml")
NOUN_FILES = ("noun_patterns.yaml", "noun_coverage.yaml")
DATA_FILES = (*VERB_FILES, *NOUN_FILES, "discards.yaml", "statement_cues.yaml",
              "intent_codes.yaml", "arguments.yaml", "senses.yaml", "sections.yaml", BUSINESS_FILE,
              COMMENTARY_FILE)
# Files added after override folders were first made: a folder without one reads the packaged
# copy (hashed all the same, so the coder version says what was read).
OPTIONAL_FILES = (BUSINESS_FILE, COMMENTARY_FILE)


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
    modifiers: frozenset[str] = frozenset()  # noun patterns: a required modifier ("*hunger* strike")
    complements: frozenset[str] = frozenset()  # verbs: a required to-complement ("refused *to comment*")
    passive: bool = False  # only in the passive voice ("fifty people were *held*")
    # lemmas of which one must be among the predicate's own words - subject, objects,
    # prepositional objects, modifiers: the means of the act ("killed *in a bomb blast*")
    means: frozenset[str] = frozenset()
    # verbs: lemmas of which one must say what the act carries or goes to - a modifier or "of"
    # object of the direct object, or the object (or its modifier) of to/for/into/as: "sent
    # troops *to the peacekeeping force*", "suspended *food* supplies" (not "amid peacekeeping talks")
    details: frozenset[str] = frozenset()
    # first sectors of which the named source must be one ("*police* raided": a search)
    source_sectors: frozenset[str] = frozenset()
    # the object must name an actor, or be one of these words ("received *the king*" hosts him,
    # "received *criticism*" hosts no one); None: no such condition
    actor_object: frozenset[str] | None = None
    agent: str | None = None  # sector of the implied source when none is named ("were arrested")
    symmetric: bool = False  # "X and Y met" codes both directions
    implies: str | None = None  # code implied for the author of the object ("claims X denied")
    sense: str | None = None  # why senses.yaml changed the pattern's code here (evidence "sense")
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
            + 2 * bool(self.modifiers) + bool(self.passive) + bool(self.complements)
            + bool(self.means) + bool(self.source_sectors) + bool(self.details)
        )


@dataclass
class PatternBook:
    verbs: dict[str, list[Pattern]] = field(default_factory=dict)  # by lemma
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)  # by lemma
    discards: list[dict[str, Any]] = field(default_factory=list)
    uncoded_modalities: frozenset[str] = frozenset()  # discards.yaml: "could attack" codes nothing
    negated_roots: tuple[str, ...] | None = None  # discards.yaml: the only roots a negated act codes
    optimistic: tuple[str, ...] = ()  # statement cues (statement_cues.yaml)
    pessimistic: tuple[str, ...] = ()
    condemning: frozenset[str] = frozenset()  # statement_cues.yaml: "said X was illegal" -> 111
    condemning_copulas: tuple[str, ...] = ("be",)  # "was a crime", "constitutes a violation"
    obligating: tuple[str, ...] = ("must", "should")  # "said Iran must / needs to free" -> 100
    advising: frozenset[str] = frozenset()  # obligating cues that ask only actors ("should")
    demanded_of: frozenset[str] = frozenset()  # nouns a "should" about is still a demand
    # statement_cues.yaml: what the speaker says its side will do ("would retaliate" -> 130) or
    # will never do ("would never accept" -> 120), by verb (with particle or object)
    threatening: dict[str, str] = field(default_factory=dict)
    refusing: dict[str, str] = field(default_factory=dict)
    # "will not lift the ban until the EU provides": a rejection aimed at the EU, by condition word
    refusing_until: dict[str, str] = field(default_factory=dict)
    accusing: dict[str, str] = field(default_factory=dict)  # "said X violated the truce" -> 112
    # statement_cues.yaml: "told X to act" / "tells X: act!" appeals to X; "quoted X as saying"
    instructing: dict[str, str] = field(default_factory=dict)
    disagreeing: dict[str, str] = field(default_factory=dict)
    framing_verbs: frozenset[str] = frozenset()  # "said I think that X was a crime"
    condemning_qualities: frozenset[str] = frozenset()  # "was a stupid remark"
    praising: frozenset[str] = frozenset()  # statement_cues.yaml: "said X was a wise leader" -> 051
    discrediting: frozenset[str] = frozenset()  # "said X's account was not credible" -> 111
    refuting: frozenset[str] = frozenset()  # "said X's conclusions were false" -> 111
    opposing: dict[str, str] = field(default_factory=dict)  # "said it opposed X's plan" -> 110
    warning_fates: dict[str, str] = field(default_factory=dict)  # "said X would pay a price"
    faulting: dict[str, str] = field(default_factory=dict)  # "said X had failed to act" -> 111
    duties: frozenset[str] = frozenset()  # what a party is faulted for failing to do
    denying: dict[str, str] = field(default_factory=dict)  # "said it was not involved" -> 016
    appraisal_hedges: frozenset[str] = frozenset()  # "hardly a reliable partner": no praise
    sports_nouns: frozenset[str] = frozenset()  # "a brilliant team": sport, no praise
    discrediting_of_party: frozenset[str] = frozenset()  # "X was not serious", not "X's injuries"
    opposed_undergone: frozenset[str] = frozenset()  # "opposed X's exclusion": X is no target
    heavy_prices: frozenset[str] = frozenset()  # "pay a heavy price", not "a higher price"
    quoting: frozenset[str] = frozenset()
    speech_imperatives: frozenset[str] = frozenset()  # "Let me be clear": no request
    # intent_codes.yaml: the code of an event only promised, planned or threatened, by CAMEO code
    # or root ("will meet" 04 -> 036); conflictual roots map to 13x (THREATEN)
    intent: dict[str, str] = field(default_factory=dict)
    # intent_codes.yaml, refusal: the rejection (12x) a cooperative act becomes when an actor
    # will not, refuses or declines to do it
    refusal: dict[str, str] = field(default_factory=dict)
    # arguments.yaml: where targets are looked for beyond a pattern's own preposition
    target_preps: tuple[str, ...] = ()
    party_preps: tuple[str, ...] = ()
    own_party_preps: tuple[str, ...] = ()
    member_preps: tuple[str, ...] = ()
    topic_verbs: frozenset[str] = frozenset()
    receiving_infinitives: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    follower_nouns: frozenset[str] = frozenset()
    force_modifiers: frozenset[str] = frozenset()
    earlier_doer_preps: frozenset[str] = frozenset()
    doer_act_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    doer_break_words: frozenset[str] = frozenset()
    operation_nouns: frozenset[str] = frozenset()
    enemy_sectors: dict[str, frozenset[str]] = field(default_factory=dict)
    doer_anaphors: frozenset[str] = frozenset()
    anaphor_sectors: frozenset[str] = frozenset()
    dissent_roots: tuple[str, ...] = ()
    appeal_roots: tuple[str, ...] = ()
    appeal_sectors: frozenset[str] = frozenset()
    appeal_addressee_preps: frozenset[str] = frozenset()
    reaction_codes: tuple[str, ...] = ()
    circumstance_preps: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    preventing_verbs: frozenset[str] = frozenset()
    authoring_verbs: frozenset[str] = frozenset()
    telling_verbs: frozenset[str] = frozenset()
    perpetrator_modifiers: frozenset[str] = frozenset()
    responsibility_words: frozenset[str] = frozenset()  # "X was *behind* the attack": its author
    harm_clause_words: frozenset[str] = frozenset()
    sequence_preps: frozenset[str] = frozenset()
    private_target_codes: tuple[str, ...] = ()
    undergoing_preps: frozenset[str] = frozenset()
    receiving_passive_verbs: frozenset[str] = frozenset()
    means_preps: frozenset[str] = frozenset()
    relation_nouns: frozenset[str] = frozenset()
    striving_verbs: frozenset[str] = frozenset()
    unreal_heads: frozenset[str] = frozenset()
    foreign_sectors: frozenset[str] = frozenset()
    domestic_sectors: frozenset[str] = frozenset()
    venue_roots: tuple[str, ...] = ()
    venue_preps: frozenset[str] = frozenset()
    aimed_place_roots: tuple[str, ...] = ()
    summoning_verbs: frozenset[str] = frozenset()
    aimed_place_preps: tuple[str, ...] = ()
    aimed_place_verbs: frozenset[str] = frozenset()
    thing_place_preps: tuple[str, ...] = ()
    press_roots: tuple[str, ...] = ()
    press_sectors: frozenset[str] = frozenset()
    plain_statement_codes: tuple[str, ...] = ()
    content_roots: tuple[str, ...] = ()
    aimed_nouns: frozenset[str] = frozenset()
    author_preps: tuple[str, ...] = ()
    partner_preps: tuple[str, ...] = ()
    state_sectors: frozenset[str] = frozenset()
    # senses.yaml: which uses of an event word are no event of its kind
    other_senses: dict[str, frozenset[str]] = field(default_factory=dict)  # by predicate lemma
    cause_senses: dict[str, frozenset[str]] = field(default_factory=dict)  # read at the killer
    partitives: frozenset[str] = frozenset()  # "half *of* the blossoms": read the of-object
    objectless: frozenset[str] = frozenset()  # "demonstrated *its power*": no protest
    alleged: frozenset[str] = frozenset()  # "*allegedly* killed": an allegation, no act told
    verbal: dict[str, frozenset[str]] = field(default_factory=dict)  # cues of attacks in words
    verbal_code: str = "111"
    forecasts: dict[str, frozenset[str]] = field(default_factory=dict)
    forecast_code: str = "012"
    advice_code: str = "020"  # "warned its citizens against travel": an appeal, no threat
    single_codes: dict[str, str] = field(default_factory=dict)  # mass code -> one-victim code
    unreal_verbs: frozenset[str] = frozenset()  # unreal_heads that count only when not nouns
    unreal_topics: frozenset[str] = frozenset()  # unreal_heads read through about/of only
    unreal_nouns: frozenset[str] = frozenset()  # unreal_heads that count only as nouns
    collective: frozenset[str] = frozenset()
    person_codes: dict[str, str] = field(default_factory=dict)  # force -> its code on one person
    persons: frozenset[str] = frozenset()  # nouns of one person ("an attack on the editor")
    # single_persons keep_sources / keep_words: who or what keeps force on one person military
    person_keep: dict[str, frozenset[str]] = field(default_factory=dict)
    means_carriers: frozenset[str] = frozenset()  # "a *bomb* blast": its modifier is the means
    animals: frozenset[str] = frozenset()  # "with dogs": an instrument, no party
    accident_verbs: frozenset[str] = frozenset()  # "killed when the bus *crashed*": no one's act
    objectless_feelings: frozenset[str] = frozenset()  # "demonstrated *their support*": a rally
    question_marks: frozenset[str] = frozenset()
    question_heads: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    warning_heads: frozenset[str] = frozenset()
    activity_preps: frozenset[str] = frozenset()  # "cooperation *in* fighting X": an activity
    tally_nouns: frozenset[str] = frozenset()  # "the number of rebels killed": a count
    purposes: dict[str, frozenset[str]] = field(default_factory=dict)  # purposes and participles
    past_markers: dict[str, frozenset[str]] = field(default_factory=dict)
    habits: dict[str, frozenset[str]] = field(default_factory=dict)  # "they attack with impunity"
    context: dict[str, frozenset[str]] = field(default_factory=dict)  # acts told as context
    # sections.yaml: sports and entertainment pages keep only events with a state actor
    off_topic: OffTopicSections = field(default_factory=OffTopicSections)
    link_lists: LinkLists = field(default_factory=LinkLists)  # sections.yaml: lines of link lists
    link_marks: tuple[str, ...] = ()  # sections.yaml: "READ MORE:" and the headline after it
    post_signatures: tuple[str, ...] = ()  # sections.yaml: "Name (@name) March 8, 2017" ends a post
    # business.yaml: business news (all sides businesses, a sentence about business) is not coded
    business: BusinessGuard = field(default_factory=lambda: guard_from({}))
    # business.yaml's `sermons`: a cleric's word about faith is no political event, guarded alike
    sermons: BusinessGuard = field(default_factory=lambda: guard_from({}))
    # commentary.yaml: talk and trade outside politics (an analyst on a market) is not coded
    commentary: CommentaryGuard = field(default_factory=CommentaryGuard)
    version_hash: str = ""

    def intent_code(self, code: str) -> str | None:
        """The expressed-intent code for ``code`` (most specific entry first), or None."""
        return _longest(self.intent, code)

    def refusal_code(self, code: str) -> str | None:
        """The rejection code for refusing the act ``code`` (most specific entry first), or None."""
        return _longest(self.refusal, code)

    @cached_property
    def agent_lemmas(self) -> frozenset[str]:
        """Lemmas with a pattern that implies its agent: worth coding without a named actor."""
        return frozenset(p.lemma for group in (self.verbs, self.nouns) for ps in group.values()
                         for p in ps if p.agent)

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
             "implies", "modifier", "passive", "agent", "complement", "means", "source_sector",
             "actor_object", "detail", "__line__", "note"}
    unknown = set(entry) - known
    if unknown:
        raise PatternError(f"{where}: unknown keys {sorted(unknown)}")
    if "id" not in entry or "cameo" not in entry:
        raise PatternError(f"{where}: a pattern needs an id and a cameo code")
    cameo = str(entry["cameo"])
    implies = str(entry["implies"]) if entry.get("implies") else None
    for code in filter(None, (cameo, implies)):
        _require_cameo(code, where)
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
        modifiers=frozenset(m.lower() for m in _as_tuple(entry.get("modifier"))),
        complements=frozenset(c.lower() for c in _as_tuple(entry.get("complement"))),
        passive=bool(entry.get("passive", False)),
        means=frozenset(m.lower() for m in _as_tuple(entry.get("means"))),
        details=frozenset(d.lower() for d in _as_tuple(entry.get("detail"))),
        source_sectors=frozenset(c.upper() for c in _as_tuple(entry.get("source_sector"))),
        actor_object=(frozenset(w.lower() for w in _as_tuple(entry["actor_object"]))
                      if "actor_object" in entry else None),
        agent=str(entry["agent"]) if entry.get("agent") else None,
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


def _merged(
    kind: str, key: str, files: tuple[str, ...], loaded: dict[str, Any], seen: dict[str, str]
) -> dict[str, list[Pattern]]:
    merged: dict[str, list[Pattern]] = {}
    for file in files:
        for lemma, patterns in _load_section(kind, loaded[file].get(key) or {}, file, seen).items():
            merged.setdefault(lemma, []).extend(patterns)
    for patterns in merged.values():
        patterns.sort(key=lambda p: -p.specificity)
    return merged


def _longest(mapping: dict[str, str], code: str) -> str | None:
    for length in range(len(code), 1, -1):
        found = mapping.get(code[:length])
        if found:
            return found
    return None


def _intent_map(data: dict[str, Any], groups: tuple[str, ...] = ("cooperative", "conflictual")
                ) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for group in groups:
        for code, intent in (data.get(group) or {}).items():
            if code == "__line__":
                continue
            code, intent = str(code), str(intent)
            for value in (code, intent):
                if len(value) > 2:  # a root ("03") stands for its codes
                    _require_cameo(value, "events/data/intent_codes.yaml")
            mapping[code] = intent
    return mapping


# A folder holding the user's own copies of DATA_FILES, used instead of the packaged ones.
PATTERNS_DIR_VARIABLE = "EVENTWIRE_PATTERNS_DIR"


@lru_cache(maxsize=1)
def pattern_book() -> PatternBook:
    """Load the pattern files once per process: the packaged ones, or those in the folder
    named by ``$EVENTWIRE_PATTERNS_DIR`` (a user's edited copies)."""
    override = os.environ.get(PATTERNS_DIR_VARIABLE)
    packaged = resources.files("eventwire.events") / "data"
    folder = Path(override) if override else packaged
    digest = hashlib.sha256()
    loaded: dict[str, Any] = {}
    for name in DATA_FILES:
        path = folder / name
        if name in OPTIONAL_FILES and not path.is_file():
            path = packaged / name
        raw = path.read_text(encoding="utf-8")
        digest.update(raw.encode("utf-8"))
        try:
            loaded[name] = yaml.load(raw, Loader=_LineLoader) or {}
        except yaml.YAMLError as exc:
            raise PatternError(f"events/data/{name}: {exc}") from exc
    seen: dict[str, str] = {}

    def arguments(key: str) -> tuple[str, ...]:
        """A word list of arguments.yaml (where the coder looks for targets and parties)."""
        return _as_tuple(loaded["arguments.yaml"].get(key))

    senses = loaded["senses.yaml"]
    codes = {key: str(senses.get(key, default))
             for key, default in (("verbal_code", "111"), ("forecast_code", "012"),
                                  ("advice_code", "020"))}
    for code in codes.values():
        _require_cameo(code, "events/data/senses.yaml")
    return PatternBook(
        verbs=_merged("verb", "verbs", VERB_FILES, loaded, seen),
        nouns=_merged("noun", "nouns", NOUN_FILES, loaded, seen),
        discards=list(loaded["discards.yaml"].get("discards", [])),
        uncoded_modalities=frozenset(_as_tuple(loaded["discards.yaml"].get("uncoded_modalities"))),
        negated_roots=(_as_tuple(loaded["discards.yaml"]["negated_roots"])
                       if "negated_roots" in loaded["discards.yaml"] else None),
        optimistic=_as_tuple(loaded["statement_cues.yaml"].get("optimistic")),
        pessimistic=_as_tuple(loaded["statement_cues.yaml"].get("pessimistic")),
        condemning=frozenset(_as_tuple(loaded["statement_cues.yaml"].get("condemning"))),
        condemning_copulas=_as_tuple(loaded["statement_cues.yaml"].get("condemning_copulas", "be")),
        obligating=_as_tuple(loaded["statement_cues.yaml"].get("obligating", ["must", "should"])),
        advising=frozenset(_as_tuple(loaded["statement_cues.yaml"].get("advising"))),
        demanded_of=frozenset(_as_tuple(loaded["statement_cues.yaml"].get("demanded_of"))),
        threatening=_code_map(loaded["statement_cues.yaml"], "threatening"),
        refusing=_code_map(loaded["statement_cues.yaml"], "refusing"),
        refusing_until=_code_map(loaded["statement_cues.yaml"], "refusing_until"),
        accusing=_code_map(loaded["statement_cues.yaml"], "accusing"),
        instructing=_code_map(loaded["statement_cues.yaml"], "instructing"),
        disagreeing=_code_map(loaded["statement_cues.yaml"], "disagreeing"),
        quoting=frozenset(_as_tuple(loaded["statement_cues.yaml"].get("quoting"))),
        framing_verbs=frozenset(_as_tuple(loaded["statement_cues.yaml"].get("framing_verbs"))),
        condemning_qualities=frozenset(
            _as_tuple(loaded["statement_cues.yaml"].get("condemning_qualities"))),
        praising=frozenset(_as_tuple(loaded["statement_cues.yaml"].get("praising"))),
        discrediting=frozenset(_as_tuple(loaded["statement_cues.yaml"].get("discrediting"))),
        refuting=frozenset(_as_tuple(loaded["statement_cues.yaml"].get("refuting"))),
        opposing=_code_map(loaded["statement_cues.yaml"], "opposing"),
        warning_fates=_code_map(loaded["statement_cues.yaml"], "warning_fates"),
        faulting=_code_map(loaded["statement_cues.yaml"], "faulting"),
        duties=frozenset(_as_tuple(loaded["statement_cues.yaml"].get("duties"))),
        denying=_code_map(loaded["statement_cues.yaml"], "denying"),
        **{key: frozenset(_as_tuple(loaded["statement_cues.yaml"].get(key)))
           for key in ("appraisal_hedges", "sports_nouns", "discrediting_of_party",
                       "opposed_undergone", "heavy_prices")},
        speech_imperatives=frozenset(_as_tuple(loaded["statement_cues.yaml"].get("speech_imperatives"))),
        intent=_intent_map(loaded["intent_codes.yaml"]),
        refusal=_intent_map(loaded["intent_codes.yaml"], ("refusal",)),
        target_preps=arguments("target_preps"),
        party_preps=arguments("party_preps"),
        own_party_preps=arguments("own_party_preps"),
        member_preps=arguments("member_preps"),
        topic_verbs=frozenset(arguments("topic_verbs")),
        receiving_infinitives=frozenset(arguments("receiving_infinitives")),
        group_nouns=frozenset(arguments("group_nouns")),
        follower_nouns=frozenset(arguments("follower_nouns")),
        force_modifiers=frozenset(arguments("force_modifiers")),
        earlier_doer_preps=frozenset(arguments("earlier_doer_preps")),
        doer_act_nouns={str(k): frozenset({str(k), *map(str, v)}) for k, v in
                        (loaded["arguments.yaml"].get("doer_act_nouns") or {}).items()
                        if isinstance(v, list)},
        doer_break_words=frozenset(arguments("doer_break_words")),
        operation_nouns=frozenset(arguments("operation_nouns")),
        enemy_sectors={str(k): frozenset(map(str, v)) for k, v in
                       (loaded["arguments.yaml"].get("enemy_sectors") or {}).items()
                       if isinstance(v, list)},  # (the loader adds the line number)
        doer_anaphors=frozenset(arguments("doer_anaphors")),
        anaphor_sectors=frozenset(arguments("anaphor_sectors")),
        dissent_roots=arguments("dissent_roots"),
        appeal_roots=arguments("appeal_roots"),
        appeal_sectors=frozenset(arguments("appeal_sectors")),
        appeal_addressee_preps=frozenset(arguments("appeal_addressee_preps")),
        reaction_codes=arguments("reaction_codes"),
        circumstance_preps=frozenset(arguments("circumstance_preps")),
        receiving_verbs=frozenset(arguments("receiving_verbs")),
        preventing_verbs=frozenset(arguments("preventing_verbs")),
        authoring_verbs=frozenset(arguments("authoring_verbs")),
        telling_verbs=frozenset(arguments("telling_verbs")),
        perpetrator_modifiers=frozenset(arguments("perpetrator_modifiers")),
        responsibility_words=frozenset(arguments("responsibility_words")),
        harm_clause_words=frozenset(arguments("harm_clause_words")),
        sequence_preps=frozenset(arguments("sequence_preps")),
        private_target_codes=arguments("private_target_codes"),
        undergoing_preps=frozenset(arguments("undergoing_preps")),
        receiving_passive_verbs=frozenset(arguments("receiving_passive_verbs")),
        means_preps=frozenset(arguments("means_preps")),
        relation_nouns=frozenset(arguments("relation_nouns")),
        striving_verbs=frozenset(arguments("striving_verbs")),
        unreal_heads=frozenset(arguments("unreal_heads")),
        foreign_sectors=frozenset(arguments("foreign_sectors")),
        domestic_sectors=frozenset(arguments("domestic_sectors")),
        venue_roots=arguments("venue_roots"),
        venue_preps=frozenset(arguments("venue_preps")),
        aimed_place_roots=arguments("aimed_place_roots"),
        summoning_verbs=frozenset(arguments("summoning_verbs")),
        aimed_place_preps=arguments("aimed_place_preps"),
        aimed_place_verbs=frozenset(arguments("aimed_place_verbs")),
        thing_place_preps=arguments("thing_place_preps"),
        press_roots=arguments("press_roots"),
        press_sectors=frozenset(arguments("press_sectors")),
        plain_statement_codes=arguments("plain_statement_codes"),
        content_roots=arguments("content_roots"),
        aimed_nouns=frozenset(arguments("aimed_nouns")),
        author_preps=arguments("author_preps"),
        partner_preps=arguments("partner_preps"),
        state_sectors=frozenset(arguments("state_sectors")),
        other_senses=_word_sets(senses.get("other_senses")),
        cause_senses=_word_sets(senses.get("cause_senses")),
        partitives=frozenset(_as_tuple(senses.get("partitives"))),
        objectless=frozenset(_as_tuple(senses.get("objectless"))),
        alleged=frozenset(w.lower() for w in _as_tuple(senses.get("alleged"))),
        verbal=_word_sets(senses.get("verbal")),
        verbal_code=codes["verbal_code"],
        forecasts=_word_sets(senses.get("forecasts")),
        forecast_code=codes["forecast_code"],
        advice_code=codes["advice_code"],
        single_codes=_single_codes(senses.get("single_victims")),
        unreal_verbs=frozenset(_as_tuple(senses.get("unreal_verbs"))),
        unreal_topics=frozenset(_as_tuple(senses.get("unreal_topics"))),
        unreal_nouns=frozenset(_as_tuple(senses.get("unreal_nouns"))),
        collective=frozenset(_as_tuple((senses.get("single_victims") or {}).get("collective"))),
        person_codes=_single_codes(senses.get("single_persons")),
        persons=frozenset(_as_tuple((senses.get("single_persons") or {}).get("persons"))),
        person_keep={key: frozenset(_as_tuple((senses.get("single_persons") or {}).get(f"keep_{key}")))
                     for key in ("sources", "words")},
        means_carriers=frozenset(_as_tuple(senses.get("means_carriers"))),
        accident_verbs=frozenset(_as_tuple(senses.get("accident_verbs"))),
        animals=frozenset(_as_tuple(senses.get("animals"))),
        objectless_feelings=frozenset(_as_tuple(senses.get("objectless_feelings"))),
        question_marks=frozenset(_as_tuple(senses.get("question_marks"))),
        question_heads=frozenset(_as_tuple(senses.get("question_heads"))),
        topic_preps=frozenset(_as_tuple(senses.get("topic_preps"))),
        warning_heads=frozenset(_as_tuple(senses.get("warning_heads"))),
        activity_preps=frozenset(_as_tuple(senses.get("activity_preps"))),
        tally_nouns=frozenset(_as_tuple(senses.get("tally_nouns"))),
        purposes=_word_sets(senses.get("purposes")),
        past_markers=_word_sets(senses.get("past_markers")),
        habits=_word_sets(senses.get("habits")),
        context=_word_sets(senses.get("context")),
        off_topic=off_topic_sections(loaded["sections.yaml"].get("off_topic")),
        link_lists=link_lists(loaded["sections.yaml"].get("link_lists")),
        link_marks=tuple(str(m) for m in loaded["sections.yaml"].get("link_marks") or ()),
        post_signatures=tuple(str(m) for m in loaded["sections.yaml"].get("post_signatures") or ()),
        business=guard_from(loaded[BUSINESS_FILE]),
        sermons=guard_from(loaded[BUSINESS_FILE].get("sermons")),
        commentary=commentary_guard(loaded[COMMENTARY_FILE]),
        version_hash=digest.hexdigest()[:12],
    )


def _single_codes(data: dict[str, Any] | None) -> dict[str, str]:
    """senses.yaml's single_victims codes: mass violence -> the act on one person."""
    codes = {str(k): str(v) for k, v in ((data or {}).get("codes") or {}).items() if k != "__line__"}
    for code in (c for pair in codes.items() for c in pair):
        _require_cameo(code, "events/data/senses.yaml")
    return codes


def _code_map(data: dict[str, Any], key: str) -> dict[str, str]:
    """A mapping of phrases to CAMEO codes (statement_cues.yaml ``threatening``, ``refusing``,
    ``refusing_until``, ``accusing``, ``instructing``, ``opposing``, ``warning_fates``, ``faulting``,
    ``denying``)."""
    mapping = {str(phrase).lower(): str(code) for phrase, code in (data.get(key) or {}).items()
               if phrase != "__line__"}
    for code in mapping.values():
        _require_cameo(code, f"events/data/statement_cues.yaml {key}")
    return mapping


def _require_cameo(code: str, where: str) -> None:
    """A data file's code must be in the CAMEO table: a typo would code nothing, silently."""
    if code not in cameo_table():
        raise PatternError(f"{where}: {code!r} is not a CAMEO code")


def _word_sets(data: dict[str, Any] | None) -> dict[str, frozenset[str]]:
    """A mapping of word lists (senses.yaml), each as a set of lower-case words."""
    return {str(key): frozenset(w.lower() for w in _as_tuple(words))
            for key, words in (data or {}).items() if key != "__line__"}
