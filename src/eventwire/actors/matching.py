"""Where the actor phrases are and what the dictionary matches in them.

``find_matches`` finds the dictionary keys in each sentence (longest first, from the right);
``phrase_tokens`` and ``is_head`` say which tokens make up a noun phrase and which token heads
it, on the spaCy dependency parse. The resolver (``resolve.py``) composes actors from both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from eventwire.actors.dictionary import (
    ADJECTIVE,
    AGENT,
    CAPITAL,
    COUNTRY,
    MODIFIER,
    ORGANIZATION,
    PERSON,
    PLACE,
    Dictionary,
    Entry,
    words,
)
from eventwire.nlp.syntax import is_label, verb_compounds

# Which entry wins when one key names several things ("Georgia" the country, not a person).
KIND_PRIORITY = {
    PERSON: 0,
    ORGANIZATION: 1,
    COUNTRY: 2,
    CAPITAL: 3,
    ADJECTIVE: 4,
    PLACE: 5,
    AGENT: 6,
    MODIFIER: 7,
}
# Proper names: in cased text they need a capital letter ("US", not "us"; "al-Qaeda").
PROPER_KINDS = frozenset({PERSON, ORGANIZATION, COUNTRY, CAPITAL, ADJECTIVE, PLACE})
PLACE_KINDS = frozenset({COUNTRY, CAPITAL, ADJECTIVE, PLACE})

# Dependents that belong to the noun phrase of their head (and are never heads themselves).
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "flat", "det", "nummod", "quantmod", "case"})
PHRASE_DEPS = MODIFIER_DEPS | {"poss", "punct", "npadvmod", "advmod", "predet", "prep", "pobj"}
# Prepositions whose object tells where an actor belongs ("leaders in France", "president of X").
PLACE_PREPOSITIONS = frozenset({"of", "in", "from", "at", "across", "inside", "within"})
HEAD_POS = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "X", "NUM"})


@dataclass
class Match:
    """Dictionary entries matched on tokens [start, end) of the document."""

    start: int
    end: int
    entries: list[Entry]
    suffix: tuple[str, ...] = ()  # words after the match inside its last token ("U.S.-led": led)

    @property
    def best(self) -> Entry:
        return min(self.entries, key=lambda e: KIND_PRIORITY[e.kind])

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def first(self, kinds: Iterable[str]) -> Entry | None:
        wanted = set(kinds)
        for entry in sorted(self.entries, key=lambda e: KIND_PRIORITY[e.kind]):
            if entry.kind in wanted:
                return entry
        return None


_HYPHEN = re.compile(r"[-\u2010\u2013]")


def find_matches(doc: Any, dictionary: Dictionary) -> list[Match]:
    """Longest non-overlapping dictionary matches within each sentence, taken from the right.

    English noun phrases end in their head, so the longest key ending at a word wins
    ("foreign military intelligence agency" is "military" + "intelligence agency", not
    "military intelligence" + "agency"). Words are compared after ``words()`` normalisation,
    so "U.S." matches "US" and a token spaCy splits differently ("Ki-moon") still matches.
    """
    # Proper names need a capital letter, except in text with none at all (lower-cased
    # corpora); a short phrase without capitals is ordinary lower case, not such a corpus.
    cased = any(token.text[:1].isupper() for token in doc) or len(doc) < 12
    matches: list[Match] = []
    for sent in doc.sents:
        seq: list[str] = []
        owner: list[int] = []  # token index of each word
        capital: dict[int, bool] = {}
        starts: set[int] = set()  # word positions where a token or a hyphenated part starts
        ends: set[int] = set()  # ... and where one ends ("U.S.-led" is "U.S." + "led")
        for token in sent:
            capital[token.i] = token.text[:1].isupper()
            for part in _HYPHEN.split(token.text):
                part_words = words(part)
                if not part_words:
                    continue
                starts.add(len(seq))
                seq.extend(part_words)
                owner.extend([token.i] * len(part_words))
                ends.add(len(seq) - 1)
        found: list[Match] = []
        end = len(seq)  # exclusive end of the words still to match
        while end > 0:
            match = None
            longest = dictionary.longest_ending.get(seq[end - 1], 0)
            if longest and end - 1 in ends:
                for length in range(min(longest, end), 0, -1):
                    start = end - length
                    if start not in starts:
                        continue
                    entries = dictionary.lookup(tuple(seq[start:end]))
                    # A capital anywhere in the name: "al-Qaeda", "bin Laden", "de Klerk".
                    if cased and not any(capital[owner[i]] for i in range(start, end)):
                        entries = [e for e in entries if e.kind not in PROPER_KINDS]
                    if owner[start] == owner[end - 1] and surname(doc[owner[start]], dictionary):
                        entries = [e for e in entries if e.kind != AGENT]
                    if owner[start] == owner[end - 1] and is_label(doc[owner[start]]):
                        # a role word as a list's field label names no one ("ATTACKER: unknown");
                        # names keep their match ("NATO: ...")
                        entries = [e for e in entries if e.kind != AGENT]
                    if not title_before_name(doc, owner[start], owner[end - 1]):
                        entries = [e for e in entries
                                   if not (e.agent and "title" in e.agent.flags)]
                    if entries:
                        last = owner[end - 1]
                        rest = end
                        while rest < len(seq) and owner[rest] == last:
                            rest += 1
                        match = Match(owner[start], last + 1, entries, tuple(seq[end:rest]))
                        end = start
                        break
            if match:
                found.append(match)
            else:
                end -= 1
        matches.extend(reversed(found))
    return matches


def title_before_name(doc: Any, first: int, last: int) -> bool:
    """Whether words are a capitalised title right before a person's name ("Major Ali Khan"):
    role words flagged ``title`` in agents.tsv are roles only there ("major" is mostly an
    adjective)."""
    return (doc[first].text[:1].isupper() and last + 1 < len(doc)
            and doc[last + 1].ent_type_ == "PERSON" and doc[last + 1].text[:1].isupper())


def surname(token: Any, dictionary: Dictionary) -> bool:
    """A role word that ends a person's name is a surname ("Rep. Steve King", "Angus King"):
    the name runs on from a capitalised given name that is no dictionary word ("King
    Salman" and "Saudi King Salman" keep their title)."""
    if token.ent_type_ != "PERSON" or token.ent_iob_ != "I" or not token.text[:1].isupper():
        return False
    given = token.doc[token.i - 1]
    return (given.ent_type_ == "PERSON" and given.text[:1].isupper() and given.is_alpha
            and not dictionary.lookup(tuple(words(given.text))))


def phrase_tokens(head: Any) -> list[Any]:
    """The head and the dependents of its noun phrase (no clauses, conjuncts or appositions)."""
    collected = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ not in PHRASE_DEPS:
                continue
            if child.dep_ == "prep" and child.lower_ not in PLACE_PREPOSITIONS:
                continue
            if child.dep_ == "punct" and child.text not in ("-", "‐"):
                continue
            if child.dep_ == "advmod" and child.i > head.i:
                continue
            collected.append(child)
            stack.append(child)
    return sorted(collected, key=lambda t: t.i)


def is_head(token: Any) -> bool:
    if token.dep_ == "compound" and token.head.pos_ == "VERB" and token in verb_compounds(token.head):
        return True  # "*Turkey* shells Syrian city": a headline's subject the parse compounded
    if token.pos_ not in HEAD_POS or token.dep_ in MODIFIER_DEPS:
        return False
    if token.dep_ == "conj" and token.head.dep_ in MODIFIER_DEPS:
        return False  # "Egyptian" in "French and Egyptian warships" modifies, it heads nothing
    if token.pos_ in ("ADJ", "NUM", "X"):  # "the British", "Two Russians": only as arguments
        return token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "ROOT", "appos", "attr")
    return True
