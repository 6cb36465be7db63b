"""What keeps two different events of one kind apart when nothing else does (same day, same kind,
same actors, shared words): their counts, the people they name, places far apart under a
placeless first report; and what lets reports of one town's event in different articles merge
on fewer shared words; articles whose leads name other people, places and figures. Made-up
articles; real DuckDB files, the real ingest path."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import duckdb

from eventwire.evaluate.synthetic import make_event, replaying_coder
from eventwire.records import Actor, Article, Location
from eventwire.store.ingest import ingest_articles

TOWN = Location("Woodburn", "USA", 45.144, -122.855, 5761708)
FAR_TOWN = Location("Springfield", "USA", 39.802, -89.644, 4250542)
COUNTRY = Location("United States", "USA", 39.76, -98.5, 6252001)


def report(doc_id: str, sentence: str, *, cameo: str = "1823", place: Location | None = TOWN,
           day: str = "2015-03-06", counts: dict | None = None, target: Actor | None = None,
           extra: str | None = None, trigger: str = "killing") -> tuple[Article, list]:
    """One article stating ``sentence`` (and ``extra``, a second event of the same coding)."""
    events = []
    for index, text in enumerate(s for s in (sentence, extra) if s):
        event = make_event(doc_id, index, text, cameo, "USAUAF", "USACVL", day, place,
                           trigger=trigger)
        events.append(dataclasses.replace(event, counts=counts,
                                          target=target or event.target))
    article = Article(id=doc_id, text=" ".join(e.sentence for e in events) + f" Filed as {doc_id}.",
                      title=None, date=day, source=f"outlet-{doc_id}",
                      url=f"https://{doc_id}.example/story")
    return article, events


def killed(value: int) -> dict:
    return {"killed": {"value": value, "low": value, "high": value, "text": str(value),
                       "span": [0, 1]}}


def stored_rows(items, tmp_path: Path, sql: str) -> list[tuple]:
    """Store ``items`` through the ingest path and return the rows of ``sql`` on the store."""
    db = tmp_path / "s.duckdb"
    ingest_articles([a for a, _ in items], db, coder=replaying_coder(items), progress=False,
                    min_confidence=0.0)
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def stored(items, tmp_path: Path) -> dict[tuple[str, int], str]:
    rows = stored_rows(items, tmp_path, "SELECT article_id, sentence_index, event_id FROM mentions")
    return {(article, index): event for article, index, event in rows}


SHOOTING = "A gunman opened fire at the office party of a health products firm on Friday, killing {}."


def test_reports_that_give_different_death_tolls_are_two_shootings(tmp_path: Path):
    # sources differ on a toll (3 and "at least 10" may be one attack), not by this much
    events = stored([report("one", SHOOTING.format("one person"), counts=killed(1)),
                     report("twelve", SHOOTING.format("twelve people"), counts=killed(12)),
                     report("again", SHOOTING.format("a man"), counts=killed(1)),
                     report("silent", SHOOTING.format("people"))], tmp_path)
    assert events[("one", 0)] != events[("twelve", 0)]
    assert events[("one", 0)] == events[("again", 0)]
    # a report without a toll is no conflict with either
    assert events[("silent", 0)] in (events[("one", 0)], events[("twelve", 0)])


def test_at_least_a_figure_meets_a_higher_one(tmp_path: Path):
    at_least = {"killed": {"value": 3, "low": 3, "high": None, "text": "at least three",
                           "span": [0, 1]}}
    events = stored([report("early", SHOOTING.format("at least three people"), counts=at_least),
                     report("later", SHOOTING.format("five people"), counts=killed(5))], tmp_path)
    assert events[("early", 0)] == events[("later", 0)]


HOST = "{} will host the Oscars ceremony next year, the Academy of Motion Picture Arts announced."


def test_sentences_naming_different_people_are_two_events(tmp_path: Path):
    def announcement(doc_id: str, who: str):
        return report(doc_id, HOST.format(who), cameo="010", place=None, trigger="announced")

    events = stored([announcement("jackman", "Hugh Jackman"),
                     announcement("degeneres", "Ellen DeGeneres"),
                     announcement("jackman-again", "Actor Hugh Jackman")], tmp_path)
    assert events[("jackman", 0)] != events[("degeneres", 0)]
    assert events[("jackman", 0)] == events[("jackman-again", 0)]


def test_two_named_victims_are_two_killings_and_a_surname_is_the_same_person(tmp_path: Path):
    def victim(name: str) -> Actor:
        return Actor(text=name, code="USACVL", country="USA", sectors=["CVL"], name=name)

    sentence = "A gunman shot dead a shopkeeper outside a store in the town centre on Friday."
    events = stored([report("a", sentence, target=victim("Tom Tennant")),
                     report("b", sentence, target=victim("Mary Jones")),
                     report("c", sentence, target=victim("Thomas Tennant"))], tmp_path)
    assert events[("a", 0)] != events[("b", 0)]
    assert events[("a", 0)] == events[("c", 0)]


def test_a_placeless_first_report_does_not_gather_reports_of_distant_towns(tmp_path: Path):
    sentence = SHOOTING.format("one person")
    events = stored([report("first", sentence, place=None, day="2015-03-05"),
                     report("near", sentence, place=TOWN),
                     report("far", sentence, place=FAR_TOWN)], tmp_path)
    assert events[("near", 0)] != events[("far", 0)]
    assert events[("first", 0)] in (events[("near", 0)], events[("far", 0)])


LEAD = ("A bomb exploded at a bank branch in the old market square on Friday evening, killing a "
        "police officer and injuring two passers-by.")
# shares three content words with LEAD ("bank", "branch", "killing"): 11% of their words and a
# quarter of LEAD's, too few within an article or for reports placed in a country only
OTHER_WORDS = ("An explosive device hidden in a parcel went off inside the crowded lobby of the "
               "downtown bank branch building late, killing one guard and wounding several customers.")


def test_reports_of_one_town_in_two_articles_merge_on_fewer_shared_words(tmp_path: Path):
    # the second report words the event its own way: few shared words
    events = stored([report("lead", LEAD, trigger="killing"),
                     report("other", OTHER_WORDS, trigger="killing")], tmp_path)
    assert events[("lead", 0)] == events[("other", 0)]


def test_fewer_shared_words_are_not_enough_for_reports_placed_in_a_country_only(tmp_path: Path):
    events = stored([report("lead", LEAD, place=COUNTRY),
                     report("other", OTHER_WORDS, place=COUNTRY)], tmp_path)
    assert events[("lead", 0)] != events[("other", 0)]


def test_fewer_shared_words_are_not_enough_within_one_article(tmp_path: Path):
    # an article's list of attacks shares words without reporting one event twice
    events = stored([report("list", LEAD, extra=OTHER_WORDS)], tmp_path)
    assert events[("list", 0)] != events[("list", 1)]


def with_lead(item: tuple[Article, list], lead: str) -> tuple[Article, list]:
    """The article of ``item`` with ``lead`` before its text: its headline and first lines."""
    article, events = item
    return dataclasses.replace(article, text=f"{lead} {article.text}"), events


def test_articles_whose_leads_name_other_people_and_places_report_two_events(tmp_path: Path):
    # one wording, day, town and kind: only the leads tell the two shootings apart
    sentence = "A gunman opened fire at an office party on Friday, killing one person."
    first = with_lead(report("first", sentence), "Officers named the gunman as Gary Mendell, 46, a "
                      "former employee of Pacific Health Supplies in Woodburn.")
    same = with_lead(report("same", sentence), "Gary Mendell, 46, opened fire at Pacific Health "
                     "Supplies in Woodburn, Sheriff Dana Ortiz said.")
    other = with_lead(report("other", sentence), "Deputies said Lorna Fitch, 29, walked into "
                      "Cascade Timber Works near Salem and fired at her supervisor, Ned Brauer, "
                      "Marion County Sheriff Joe Kast said.")
    events = stored([first, same, other], tmp_path)
    assert events[("first", 0)] == events[("same", 0)]
    assert events[("other", 0)] != events[("first", 0)]


def test_the_merge_evidence_gives_how_much_the_articles_leads_share(tmp_path: Path):
    sentence = "A gunman opened fire at an office party on Friday, killing one person."
    items = [with_lead(report(doc, sentence), f"Gary Mendell, 46, fired at Pacific Health Supplies "
                       f"in Woodburn, {who} said.") for doc, who in (("a", "Dana Ortiz"),
                                                                   ("b", "Ray Cole"))]
    evidence = stored_rows(items, tmp_path, "SELECT evidence ->> 'context_overlap' FROM merge_evidence")
    # mendell, 46, pacific, health, supplies, woodburn and "Filed" shared; dana, ortiz, ray, cole
    # not (the text's first word, "Gary", is no name: nothing is before it)
    assert [float(row[0]) for row in evidence] == [round(7 / 11, 3)]


FOUND = "Rescuers pulled the body of the watchman from the burned warehouse near the river on Friday."
SET_FIRE = "Investigators said an arsonist set the warehouse ablaze late Friday night, killing a guard."
QUILL = ("Marlow Freight owner Dana Quill said the fire at its Harbor Street depot in Woodburn was "
         "no accident.")
QUILL_AGAIN = ("Dana Quill of Marlow Freight told reporters the Woodburn fire began at the Harbor "
               "Street depot.")


def fire_reports(cameo: str = "1823", index: int = 0) -> list[tuple[Article, list]]:
    """Two articles whose leads name one firm, owner and street, each reporting the fire its own
    way ("warehouse" alone is shared); the second report is its article's sentence ``index``."""
    first = with_lead(report("first", FOUND, cameo=cameo), QUILL)
    article, events = with_lead(report("same", SET_FIRE, cameo=cameo), QUILL_AGAIN)
    return [first, (article, [dataclasses.replace(e, sentence_index=index) for e in events])]


def test_reports_in_articles_whose_leads_agree_merge_on_one_shared_word(tmp_path: Path):
    other = with_lead(report("other", SET_FIRE), "Deputies said Lorna Fitch, 29, watched the "
                      "Cascade Timber Works shed burn near Salem with Ned Brauer.")
    events = stored(fire_reports() + [other], tmp_path)
    assert events[("first", 0)] == events[("same", 0)]
    # leads that name other people and places: no such allowance
    assert events[("other", 0)] != events[("first", 0)]


def test_close_leads_do_not_merge_talks_nor_reports_far_down_an_article(tmp_path: Path):
    # leaders meet and talk every day: close leads are no sign of one meeting
    (tmp_path / "talks").mkdir()
    events = stored(fire_reports(cameo="040"), tmp_path / "talks")
    assert events[("first", 0)] != events[("same", 0)]
    # the twelfth sentence is no longer what the article is about (a list, background)
    (tmp_path / "far").mkdir()
    events = stored(fire_reports(index=12), tmp_path / "far")
    assert events[("first", 0)] != events[("same", 12)]


def test_close_leads_do_not_merge_reports_that_share_no_word(tmp_path: Path):
    first = with_lead(report("first", "Rescuers pulled the body of the watchman from the river."),
                      QUILL_AGAIN)
    second = with_lead(report("second", "An arsonist set the depot ablaze, killing a guard."),
                       QUILL_AGAIN)
    events = stored([first, second], tmp_path)
    assert events[("first", 0)] != events[("second", 0)]


def test_a_report_cut_from_a_distant_towns_event_joins_its_next_best_match(tmp_path: Path):
    # "copy" repeats the placeless report word for word (its best match), which joined the
    # far town's first report; cut from that event, it takes its next best match, the other
    # report of its own town, instead of founding an event alone
    sentence = SHOOTING.format("one person")
    local = ("A gunman opened fire at the office party of a health products firm in the crowded "
             "town centre near the railway station, wounding several staff members and killing "
             "one person.")
    events = stored([report("far", sentence, place=FAR_TOWN),
                     report("placeless", sentence, place=None),
                     report("local", local, place=TOWN),
                     report("copy", sentence, place=TOWN)], tmp_path)
    assert events[("far", 0)] == events[("placeless", 0)]
    assert events[("copy", 0)] != events[("far", 0)]
    assert events[("copy", 0)] == events[("local", 0)]


def with_source(item: tuple[Article, list], code: str) -> tuple[Article, list]:
    """``item`` with its events' source actor recoded as ``code`` (country, then sector)."""
    article, events = item
    actor = Actor(text=code, code=code, country=code[:3], sectors=[])
    return article, [dataclasses.replace(e, source=actor) for e in events]


def test_close_leads_forgive_the_sector_the_coder_gave_an_unnamed_gunman(tmp_path: Path):
    # one report took the gunman for the police ("police said"), the other for a worker: a
    # sector conflict, which the articles' leads (one firm, owner and street) outweigh
    first = with_source(with_lead(report("first", "A former worker opened fire at the warehouse "
                                          "party, killing a guard, police said."), QUILL), "USACOP")
    second = with_source(with_lead(report("second", "The guard was found dead at the warehouse "
                                           "party after the shooting."), QUILL_AGAIN), "USALAB")
    events = stored([first, second], tmp_path)
    assert events[("first", 0)] == events[("second", 0)]


def with_target(item: tuple[Article, list], code: str) -> tuple[Article, list]:
    """``item`` with its events' target actor recoded as ``code`` (country, then sector)."""
    article, events = item
    actor = Actor(text=code, code=code, country=code[:3], sectors=[])
    return article, [dataclasses.replace(e, target=actor) for e in events]


def test_close_leads_keep_apart_acts_on_others_or_by_named_doers(tmp_path: Path):
    # whom an act befell is no weak guess: the killing of a guard and the killing of the suspect
    # the next day, told in articles whose leads agree, are two killings
    def pair(first_target: str, second_target: str, second_source: str = "USALAB"):
        first = with_target(with_source(with_lead(report(
            "first", "A former worker opened fire at the warehouse party, killing a guard, "
            "police said."), QUILL), "USACOP"), first_target)
        second = with_target(with_source(with_lead(report(
            "second", "The guard was found dead at the warehouse party after the shooting."),
            QUILL_AGAIN), second_source), second_target)
        return [first, second]

    (tmp_path / "victims").mkdir()
    events = stored(pair("USACVL", "USACRM"), tmp_path / "victims")
    assert events[("first", 0)] != events[("second", 0)]
    # the same victim: the source's sector, a guess about an unnamed gunman, is let go
    (tmp_path / "same").mkdir()
    events = stored(pair("USACVL", "USACVL"), tmp_path / "same")
    assert events[("first", 0)] == events[("second", 0)]


def test_close_leads_forgive_a_country_the_coder_placed_a_report_in(tmp_path: Path):
    # the geocoder placed one report in the wrong country only (a fallback), the other in the
    # town the leads name: one fire; with leads about another firm the conflict stands
    sentence = "An arsonist set the warehouse ablaze, killing a guard, police said."
    canada = Location("Canada", "CAN", 60.108, -113.643, 6251999)
    first = with_lead(report("first", sentence, place=canada), QUILL)
    found = "The guard was found dead in the burned warehouse."
    second = with_lead(report("second", found), QUILL_AGAIN)
    (tmp_path / "close").mkdir()
    events = stored([first, second], tmp_path / "close")
    assert events[("first", 0)] == events[("second", 0)]
    other = with_lead(report("other", found), "Deputies said Lorna Fitch, 29, watched the Cascade "
                      "Timber Works shed burn near Salem with Ned Brauer.")
    (tmp_path / "far").mkdir()
    events = stored([first, other], tmp_path / "far")
    assert events[("first", 0)] != events[("other", 0)]


def test_a_bombing_and_the_killing_it_caused_are_one_event_a_wounding_is_not(tmp_path: Path):
    # 183 (bombing) and 1823 (killing) tell one attack; 182 (wounding) another act
    events = stored([report("bomb", "A bomb exploded at the Woodburn bank on Friday, killing two "
                            "officers.", cameo="183", trigger="exploded"),
                     report("killed", "Two officers were killed when a bomb went off at the "
                            "Woodburn bank on Friday.", trigger="killed"),
                     report("hurt", "Two officers were wounded when a bomb went off at the "
                            "Woodburn bank on Friday.", cameo="182", trigger="wounded")], tmp_path)
    assert events[("bomb", 0)] == events[("killed", 0)]
    assert events[("hurt", 0)] != events[("killed", 0)]
