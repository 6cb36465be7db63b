"""Function words several stages read the same way: one home for each list.

Prepositions that say where something is or happens ("in Sochi", "near Minsk"). The actors and
geo stages each add a few to the shared core; the two sets are named apart so that the
difference is explicit, and kept as they were (issue 16 changed no behaviour).

It sits at the bottom of the flow beside ``records``, not in ``eventwire.nlp``, whose package
loads spaCy: reading a store imports the actors stage (through ``events``) and must not.
"""

# Quotation marks around reported words, straight and curly (a sentence holding one quotes
# someone: the events and time stages read it the same way).
QUOTATION_MARKS = ('"', "\u201c", "\u201d")

# Where something is or happens, for every stage: "in Sochi", "at the summit", "near Minsk".
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "around", "across"})
# The actors stage adds "into": after it ("troops moved into Kyiv") a capital is a place, not a
# metonym for its government, and a city does not stand for its people.
ACTOR_LOCATIVE_PREPOSITIONS = LOCATIVE_PREPOSITIONS | {"into"}
# The geo stage adds "within", "throughout" and "on" ("on the border"): where an event happens,
# and how much a place name says the article is about that place.
GEO_LOCATIVE_PREPOSITIONS = LOCATIVE_PREPOSITIONS | {"within", "throughout", "on"}
