"""Where an event sits in its parsed article: its sentence and its trigger token (used by geo and time).

The coder keeps the trigger's token index (``Event.trigger_index``); an event read back from JSON
has only ``evidence["spans"]["trigger"] = [start, end]`` (offsets within the sentence text), else
the trigger's words are looked up in the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.records import Event, ParsedArticle, ParsedSentence

FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
CLAUSE_DEPENDENCIES = {"ccomp", "advcl", "relcl", "csubj", "parataxis", "acl"}


def opens_clause(token: Token) -> bool:
    """Does the token head a clause of its own (a finite verb, or a subordinate clause)?"""
    return token.pos_ in ("VERB", "AUX") and (
        token.tag_ in FINITE_TAGS or token.dep_ in CLAUSE_DEPENDENCIES)


def path_crosses(low: Token, high: Token, test) -> bool:
    """Does any token from ``low`` up to (not including) its ancestor ``high`` pass ``test``?"""
    token = low
    while token != high and token.head != token:
        if test(token):
            return True
        token = token.head
    return False


def sentence_of(parsed: ParsedArticle, event: Event) -> ParsedSentence | None:
    return sentence_at(parsed, event.sentence_index)


def sentence_at(parsed: ParsedArticle, index: int) -> ParsedSentence | None:
    """The parsed sentence numbered ``index``, or None (the pre-filter may leave some out)."""
    if 0 <= index < len(parsed.sentences) and parsed.sentences[index].index == index:
        return parsed.sentences[index]  # sentences are numbered in order: no scan of them all
    for sentence in parsed.sentences:
        if sentence.index == index:
            return sentence
    return None


def trigger_token(sentence: ParsedSentence, event: Event) -> Token:
    """The token of the event's trigger; the sentence's root when the trigger cannot be found."""
    span = sentence.span
    known = sentence.token_at(event.trigger_index)
    if known is not None:
        return known
    offsets = (event.evidence or {}).get("spans", {}).get("trigger")
    if offsets and len(offsets) == 2:
        # ParsedSentence.text is the span's text stripped: offsets count from its first character.
        lead = len(span.text) - len(span.text.lstrip())
        start = span.start_char + lead + int(offsets[0])
        end = span.start_char + lead + int(offsets[1])
        found = span.doc.char_span(start, end, alignment_mode="expand")
        if found is not None and len(found):
            return found.root
    words = event.trigger.lower().split()
    if words:
        # The same word first, then the same lemma ("met" for "meet"); verbs before other words.
        for same in (lambda t: t.lower_ == words[0], lambda t: t.lemma_.lower() == words[0]):
            matches = [t for t in span if same(t)]
            verbs = [t for t in matches if t.pos_ in ("VERB", "AUX")]
            if verbs or matches:
                return (verbs or matches)[0]
    return span.root
