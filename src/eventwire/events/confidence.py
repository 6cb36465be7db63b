"""Confidence of an event, in [0, 1]: the probability that a coder judges it right.

Two steps:

1. ``event_features`` reads the evidence of a coded event as named numbers (0/1 flags and a few
   scaled counts): the rule (kind, specificity), the CAMEO quad class, how each actor was
   resolved, negation and modality, reported speech, how deep the trigger sits in the sentence,
   how far its arguments are from it, and where the sentence sits in its text (a statement in
   an article; how far into the article).
2. ``events.calibration`` maps the features to a probability with the logistic regression fitted
   on judged gold events and audited news (``scripts/calibrate.py``; coefficients in
   ``events/data/calibration.json``, whose version enters ``coder_version``).

The features present (non-zero) are kept in the evidence (``confidence_features``) with their
values, so ``eventwire explain`` can say what raised and what lowered the confidence.
"""

from __future__ import annotations

import math
from typing import Any

from eventwire.records import Actor

Token = Any

# How an actor's code was reached, from the first matching step of its resolution (actors
# stage, actors/fixing.py and actors/nationality.py word them so). Order matters: a coreference
# chain back to a dictionary name is a coreference first.
PATHS = (
    ("implied", ("implied agent", "implied target")),
    ("coreference", ("coreference",)),
    ("modifier", ("nationality modifier", "organisation modifier")),
    ("named", ("in the dictionary",)),
    ("country", ("country name", "metonymy", "country from")),
    ("agent", ("agent ", "title ", "group noun", "a former office-holder")),
)
# Steps that lend an actor a country the phrase does not name.
INFERRED_COUNTRY = ("the article's only country", "domestic:", "country from the context",
                    "the speaker's own")
# Sectors of a source acting as the state's forces, and as its government.
FORCE_SECTORS = frozenset({"COP", "MIL", "SPY"})
GOVERNMENT_SECTORS = frozenset({"GOV", "LEG", "JUD"})
FAR = 8  # tokens between trigger and an argument beyond which the argument is "far"
# Sentences from which a text is running text (an article), not a lone sentence: the gold sets
# hold lone sentences of one to three sentences, picked for one labelled event.
RUNNING_TEXT = 4
POSITION_CAP = 30  # sentence index beyond which the position saturates
OPENING_QUOTES = frozenset({"\u201c", "\u2018", "``"})
CLOSING_QUOTES = frozenset({"\u201d", "\u2019", "''"})
STRAIGHT_QUOTES = frozenset({'"'})


def actor_path(actor: Actor | None) -> str:
    """``none``, ``implied``, ``coreference``, ``modifier``, ``named``, ``country``, ``agent`` or
    ``other``: how the actor was found."""
    if actor is None:
        return "none"
    # "'Putin' refers to 'Vladimir Putin' (the same person)" links a name to its fuller mention:
    # the actor is then found as that mention was; only pronouns and nominals ("refers back
    # to") are coreference proper.
    steps = " | ".join(step for step in actor.resolution if not _same_person(step))
    for path, cues in PATHS:
        if any(cue in steps for cue in cues):
            return path
    return "other"


def _same_person(step: str) -> bool:
    return step.startswith("coreference:") and step.endswith("the same person)")


def _clause_depth(trigger: Token) -> int:
    """Verbs above the trigger on its way to the root: 0 for the main verb of the sentence."""
    return sum(1 for node in trigger.ancestors if node.pos_ in ("VERB", "AUX"))


def _quoted(trigger: Token) -> bool:
    """The trigger sits inside quotation marks of its sentence (someone's own words)."""
    before = [t.text for t in trigger.sent if t.i < trigger.i]
    opened = sum(1 for text in before if text in OPENING_QUOTES)
    closed = sum(1 for text in before if text in CLOSING_QUOTES)
    straight = sum(1 for text in before if text in STRAIGHT_QUOTES)
    return opened > closed or straight % 2 == 1


def _actor_features(role: str, actor: Actor | None) -> dict[str, float]:
    path = actor_path(actor)
    features = {f"{role}_{path}": 1.0} if path != "none" else {}
    if actor is None:
        return features
    if not actor.country:  # "police", "protesters", "officials": a kind of actor, no country
        features[f"{role}_no_country"] = 1.0
    if any(cue in step for step in actor.resolution for cue in INFERRED_COUNTRY):
        features[f"{role}_country_inferred"] = 1.0
    if FORCE_SECTORS & set(actor.sectors):
        features[f"{role}_forces"] = 1.0
    elif GOVERNMENT_SECTORS & set(actor.sectors):
        features[f"{role}_government"] = 1.0
    return features


def event_features(
    *, kind: str, specificity: int, quad_class: int, statement: bool, source: Actor | None,
    target: Actor | None, trigger: Token, arguments: list[Token], modality: str, negated: bool,
    reported: bool, sentence_index: int, sentences: int,
) -> dict[str, float]:
    """The named features of one coded event (only the non-zero ones). ``sentence_index`` and
    ``sentences``: the event's sentence and the text's sentence count, as the parse numbers them."""
    distances = [abs(t.i - trigger.i) for t in arguments]
    depth = _clause_depth(trigger)
    flags = {
        "specific_pattern": specificity > 0,
        "noun_pattern": kind == "noun",
        "statement": statement,  # CAMEO root 01 (its quad class is 1)
        "material_cooperation": quad_class == 2,
        "verbal_conflict": quad_class == 3,
        "material_conflict": quad_class == 4,
        "no_source": source is None,
        "no_target": target is None,
        "negated": negated,
        "not_asserted": modality != "asserted",
        "reported_speech": reported,
        "main_clause": depth == 0,
        "far_argument": any(d > FAR for d in distances),
        "quoted": _quoted(trigger),
    }
    features = {name: 1.0 for name, on in flags.items() if on}
    # Scaled to about [0, 1] so coefficients compare: depth 3+ and 30+ tokens saturate. Rounded
    # as the evidence keeps them, so the fit (which reads the evidence) sees what the coder used.
    if depth:
        features["clause_depth"] = round(min(depth, 3) / 3, 3)
    if distances:
        features["argument_distance"] = round(
            min(math.log1p(max(distances)) / math.log1p(30), 1.0), 3)
    features["sentence_length"] = round(min(len(trigger.sent), 60) / 60, 3)
    if sentences >= RUNNING_TEXT:
        # Articles are coded less surely than the lone gold sentences, most of all in sources
        # unlike the fitting data (the audits of L3S, BBC and TimeBank news)
        features["running_text"] = 1.0
        # A statement in an article is most often the report itself ("X said ..."), right on
        # news; in a lone gold sentence it is most often beside the one labelled event.
        if statement:
            features["running_statement"] = 1.0
        if sentence_index:  # later sentences hold more background (scaled 0-1, 30+ saturates)
            features["sentence_position"] = round(
                min(sentence_index, POSITION_CAP) / POSITION_CAP, 3)
    features |= _actor_features("source", source) | _actor_features("target", target)
    return features
