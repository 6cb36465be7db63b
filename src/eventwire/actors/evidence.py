"""Evidence of actor resolution: each step written into ``Actor.resolution``, tagged by its kind.

A step is the text a reader sees in an event's evidence, and it carries its kind, so that the
resolver decides by kind ("was this country guessed from the context?") and never by reading
its own wording back. The kinds live only inside the resolver's pass over an article: it hands
over plain text (``as_plain_text``), so what leaves the actors stage is the same list of
strings as ever.
"""

from __future__ import annotations

from enum import Enum
from typing import Any


class StepKind(Enum):
    """What a step of the resolution says."""

    DICTIONARY = "dictionary"  # a word or name the actor dictionary lists
    ROLE = "role"  # which of a named actor's dated roles holds
    SECTOR = "sector"  # sectors from role words, modifiers, membership, "former"
    PHRASE_COUNTRY = "phrase country"  # a country the phrase itself names or implies
    ALIGNMENT = "alignment"  # "pro-Russian": sympathy with a country, not its nationality
    ATTRIBUTED = "attributed"  # a thing an actor owns stands for that actor
    STATE_TITLE = "state title"  # a title one state uses ("Sen.")
    SPOKEN_FOR = "spoken for"  # the party a role word speaks for
    DATELINE = "dateline"  # the place the article was filed from
    ARTICLE_COUNTRY = "article country"  # the only country the article names
    SENTENCE_PLACE = "sentence place"  # the one country where the sentence happens
    MAIN_COUNTRY = "main country"  # the country the article is mainly about
    PLACE_NAMES = "place names"  # the country of the article's places (the geo stage's reading)
    NO_COUNTRY = "no country"  # why the text leaves the country open
    COORDINATED = "coordinated"  # one actor per coordinated country
    APPOSITION = "apposition"  # a described head is its named apposition
    COREFERENCE = "coreference"  # a later mention takes an earlier one's identity
    OFFICE_HOLDER = "office-holder"  # whoever held an office on the article date


# Countries guessed from the article around a phrase rather than read in it: such a country
# names no office ("the president" in a story filed from Kyiv is not Ukraine's president). The
# article's only country is not among them: an office of that country is still looked up.
GUESSED_FROM_CONTEXT = frozenset(
    {StepKind.DATELINE, StepKind.SENTENCE_PLACE, StepKind.MAIN_COUNTRY, StepKind.STATE_TITLE,
     StepKind.PLACE_NAMES}
)
# Countries the article around a phrase gave it (the dateline, the article's only or main
# country, the sentence's place): a weaker reading than an earlier mention the phrase refers
# back to ("the opposition" after "the Syrian opposition" in a story filed from Astana).
FROM_ARTICLE = frozenset(
    {StepKind.DATELINE, StepKind.ARTICLE_COUNTRY, StepKind.SENTENCE_PLACE, StepKind.MAIN_COUNTRY,
     StepKind.PLACE_NAMES}
)
# Steps that link a mention to another one rather than resolve it on its own.
LINKS = frozenset({StepKind.COREFERENCE, StepKind.APPOSITION, StepKind.OFFICE_HOLDER})


class Step(str):
    """One resolution step: exactly the text of the evidence, plus its ``kind``."""

    kind: StepKind

    def __new__(cls, kind: StepKind, text: str) -> Step:
        step = super().__new__(cls, text)
        step.kind = kind
        return step


def kind_of(step: Any) -> StepKind | None:
    """The kind of a step (None for plain text)."""
    return getattr(step, "kind", None)


def as_plain_text(steps: list[Any]) -> None:
    """Turn the steps of a resolution into plain strings, in place (the list may be shared)."""
    steps[:] = [str(step) for step in steps]
