"""Duplicates across a run and against stored signatures; language identification."""

from __future__ import annotations

import json

from eventwire.ingest import Deduplicator
from eventwire.ingest.language import identify_language
from eventwire.records import Article

from .pages import STORY_PARAGRAPHS

STORY = "\n".join(STORY_PARAGRAPHS)
OTHER = (
    "The national football team lost its qualifying match in the capital on Saturday night. "
    "The coach blamed the wet pitch and said the players would recover before the next game. "
    "Supporters waited outside the stadium for hours to greet the team bus after the match."
)


def test_exact_and_near_duplicates_point_to_the_first_copy():
    dedup = Deduplicator()
    assert dedup.check(Article(id="original", text=STORY)) is None
    assert dedup.check(Article(id="same", text=STORY.upper())) == "original"
    syndicated = "By Staff Reporter\n" + "\n".join(STORY_PARAGRAPHS[:4]) + "\nValley Courier"
    assert dedup.check(Article(id="copy", text=syndicated)) == "original"
    assert dedup.check(Article(id="other", text=OTHER)) is None
    assert len(dedup) == 2


def test_signatures_survive_a_json_round_trip_into_a_new_run():
    stored = Deduplicator()
    stored.add(Article(id="stored-1", text=STORY))
    exported = json.loads(json.dumps(stored.export_signatures()))
    assert exported[0]["id"] == "stored-1"

    next_run = Deduplicator()
    next_run.import_signatures(exported)
    edited = STORY.replace("Wednesday", "Tuesday")
    assert next_run.seen(Article(id="again", text=edited)) == "stored-1"
    assert next_run.seen(Article(id="exact", text=STORY)) == "stored-1"
    assert next_run.seen(Article(id="new", text=OTHER)) is None


def test_language_identification_abstains_on_short_text():
    assert identify_language(STORY) == "en"
    french = (
        "Le gouvernement a présenté mercredi un nouveau projet de loi sur l'énergie. Selon le "
        "ministère, les prix pour les ménages devraient baisser dès l'année prochaine. "
        "L'opposition a critiqué un texte jugé trop tardif et peu ambitieux."
    )
    assert identify_language(french) == "fr"
    assert identify_language("Talks resumed.") is None
