"""Where an event sits in its article: its sentence and its trigger token (used by geo and time).

The coder puts ``evidence["spans"]["trigger"] = [start, end]`` (offsets within the sentence text)
when it can; otherwise the trigger's words are looked up in the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.records import Event, ParsedArticle, ParsedSentence


def sentence_of(parsed: ParsedArticle, event: Event) -> ParsedSentence | None:
    for sentence in parsed.sentences:
        if sentence.index == event.sentence_index:
            return sentence
    return None


def trigger_token(sentence: ParsedSentence, event: Event) -> Token:
    """The token of the event's trigger; the sentence's root when the trigger cannot be found."""
    span = sentence.span
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
