"""The entity labels of spaCy's small model that the toponym recogniser reads, and the names whose
label the article contradicts."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from eventwire.geo.gazetteer import COUNTRY, Gazetteer
from eventwire.words import GEO_LOCATIVE_PREPOSITIONS as LOCATIVE_PREPOSITIONS

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels the small model gives place names now and then ("Copenhagen" an organisation).
MISLABELLED = {"ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT"}


def trim(span: Span) -> Span:
    """Drop a leading article and a trailing possessive: "the U.S.'s" -> "U.S."."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "'s", "’s"):
        start += 1
    while end > start and span.doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return span.doc[start:end]


class OtherwiseLabelled:
    """A gazetteer name the article labels a place once but more often something else, an
    organisation, a product or a person ("Don't upgrade to Vista" in a story that says "Vista"
    of Windows throughout), is that thing there, not a town or a state of the name. Not after a
    locative preposition ("attacked a target near Palmyra": the small model often labels real
    places otherwise), nor a country's name ("Canada" in sports results, labelled a team)."""

    def __init__(self, doc: Doc) -> None:
        self.places = Counter(trim(ent).text for ent in doc.ents if ent.label_ in PLACE_LABELS)
        self.others = Counter(trim(ent).text for ent in doc.ents if ent.label_ in MISLABELLED)

    def mostly(self, span: Span, gazetteer: Gazetteer) -> bool:
        text = span.text
        if self.others[text] <= self.places[text] or after_locative(span):
            return False
        candidates = gazetteer.lookup(text)
        return bool(candidates) and not any(main and place.kind == COUNTRY
                                            for place, main in candidates)


def after_locative(span: Span) -> bool:
    """A name right after a locative preposition, optionally with "the" ("near the Strait")."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "the" and span.start > 1:
        before = span.doc[span.start - 2]
    return before is not None and before.lower_ in LOCATIVE_PREPOSITIONS
