"""Record building: one ``Event`` from a matched candidate and its two sides.

The CAMEO code the event gets (a statement's tone, an intention only promised or threatened, a
refusal), negation and modality, the evidence (rule, spans, how each actor was resolved), the
confidence, and the event id. The date is the time stage's (``time.date_events``), the location
the geo stage's.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from eventwire.actors.fixing import identity
from eventwire.events import calibration
from eventwire.events.cameo import CameoCode
from eventwire.events.confidence import RUNNING_TEXT, event_features
from eventwire.events.matching import Candidate
from eventwire.events.patterns import Pattern, PatternBook
from eventwire.nlp import syntax
from eventwire.records import Actor, Event, ParsedArticle, ParsedSentence

Token = Any

# Modalities under which a negated cooperative act is refused ("will not", "does not intend to");
# not a condition ("courts do not offer opinions unless asked" is a habit, not a refusal).
REFUSAL_MODALITIES = {"future", "intended"}
# Modalities under which an action is only expressed as an intention (intent_codes.yaml).
INTENT_MODALITIES = {"future", "intended", "threatened", "conditional"}


@dataclass(frozen=True)
class EventBuilder:
    """Builds the event records of one coder: its patterns, CAMEO table and version."""

    book: PatternBook
    cameo: dict[str, CameoCode]
    version: str

    def event(
        self, parsed: ParsedArticle, sentence: ParsedSentence, candidate: Candidate,
        source: Actor | None, target: Actor | None, reported_by: Actor | None,
    ) -> Event:
        pattern = candidate.pattern
        trigger = candidate.trigger
        negated = syntax.negated(trigger)
        modality = syntax.modality(trigger)
        refusal = self.refusal(pattern.cameo, trigger, negated, modality)
        if refusal:  # "will not lift the embargo": a rejection that took place
            negated, modality = False, "asserted"
        code: CameoCode = self.cameo[refusal or
            self.intent(self.tone(pattern, trigger), modality, reported_by is not None)]
        doc_id = parsed.article.id
        features = event_features(
            kind=pattern.kind, specificity=pattern.specificity, quad_class=code.quad_class,
            statement=code.root == "01",
            source=source, target=target, trigger=trigger,
            arguments=candidate.sources + candidate.targets, modality=modality, negated=negated,
            reported=reported_by is not None, sentence_index=sentence.index,
            sentences=len(parsed.sentences),
        )
        features = calibration.with_root_prior(features, code.root,
                                               running=len(parsed.sentences) >= RUNNING_TEXT)
        features = calibration.with_code_prior(features, code.code)
        confidence = calibration.probability(features)
        key = "|".join([doc_id, str(sentence.index), str(trigger.i - sentence.span.start),
                        code.code, *identity(source), *identity(target)])
        return Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            doc_id=doc_id,
            sentence_index=sentence.index,
            sentence=sentence.text,
            trigger=trigger.text,
            cameo=code.code,
            cameo_root=code.root,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            plover=code.plover,
            plover_mode=code.plover_mode,
            source=source,
            target=target,
            negated=negated,
            modality=modality,
            reported_by=reported_by,
            confidence=confidence,
            coder_version=self.version,
            url=parsed.article.url,
            evidence={
                "rule": pattern.id,
                "rule_source": pattern.rule_source,
                "spans": {
                    "trigger": trigger_span(sentence, trigger),
                    "source": _span(source),
                    "target": _span(target),
                },
                "source_resolution": list(source.resolution) if source else [],
                "target_resolution": list(target.resolution) if target else [],
                "confidence_features": {name: round(value, 3) for name, value in features.items()},
                "confidence_parts": calibration.coded_parts(confidence, source, target),
                **({"sense": pattern.sense} if pattern.sense else {}),
            },
            trigger_index=trigger.i,
        )

    def intent(self, cameo: str, modality: str, reported: bool) -> str:
        """An action only promised, planned or threatened is coded as that intention (03x/13x)."""
        if modality not in INTENT_MODALITIES and not (reported and modality == "hypothetical"):
            return cameo
        intent = self.book.intent_code(cameo)
        if modality == "threatened" and cameo[:2] not in ("13",):
            return intent if intent and intent.startswith("13") else "130"
        return intent or cameo

    def refusal(self, cameo: str, trigger: Token, negated: bool, modality: str) -> str | None:
        """The rejection code of a cooperative act an actor will not, refuses, declines or fails
        to do (intent_codes.yaml, refusal); None for any other act, and for a plain past negation
        ("did not meet" says nothing was refused)."""
        if not negated or not (modality in REFUSAL_MODALITIES or syntax.refused(trigger)):
            return None
        return self.book.refusal_code(cameo)

    def tone(self, pattern: Pattern, trigger: Token) -> str:
        """A plain statement with optimistic or pessimistic words becomes 013 or 012."""
        if pattern.cameo != "010":
            return pattern.cameo
        said = " ".join(t.lemma_.lower() for t in trigger.sent if t.i > trigger.i)
        said = f" {said} "
        if any(f" {cue} " in said for cue in self.book.pessimistic):
            return "012"
        if any(f" {cue} " in said for cue in self.book.optimistic):
            return "013"
        return "010"


def trigger_span(sentence: ParsedSentence, trigger: Token) -> list[int]:
    """The trigger's offsets within ``sentence.text`` (which is stripped of leading whitespace)."""
    offset = sentence.span.start_char
    lead = len(sentence.span.text) - len(sentence.span.text.lstrip())
    return [trigger.idx - offset - lead, trigger.idx - offset - lead + len(trigger)]


def _span(actor: Actor | None) -> list[int] | None:
    """The actor's span; the actors stage already measures it within the stripped sentence."""
    if actor is None or actor.start is None or actor.end is None:
        return None
    return [actor.start, actor.end]
