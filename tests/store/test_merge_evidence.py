"""Merging by evidence (store/merge.py): what keeps reports of different events apart, what joins
reports of one event, and what a user sees of it. Real DuckDB files, the real ingest path."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from eventwire.evaluate.synthetic import make_event, replaying_coder
from eventwire.records import Article, Location
from eventwire.store.ingest import ingest_articles
from eventwire.store.recode import recode

PALERMO = Location("Palermo", "ITA", 38.116, 13.361, 2523920)
LOS_ANGELES = Location("Los Angeles", "USA", 34.052, -118.244, 5368361)
ARREST = "Police arrested a man suspected of running the fraud ring at the harbour warehouse."


def coded(doc_id: str, day: str, place: Location | None, sentence: str = ARREST,
          cameo: str = "173", outlet: str = "Wire") -> tuple[Article, list]:
    event = make_event(doc_id, 0, sentence, cameo, "COP", None, day, place, trigger="arrested")
    # Each article's own text (identical texts would be skipped as one article).
    article = Article(id=doc_id, text=f"{sentence} Filed as {doc_id}.", title=None, date=day,
                      source=outlet,
                      url=f"https://{outlet.lower()}.example/{doc_id}")
    return article, [event]


def ingest(items, db: Path) -> None:
    ingest_articles([a for a, _ in items], db, coder=replaying_coder(items), progress=False)


def event_of(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT article_id, event_id FROM mentions").fetchall())
    finally:
        con.close()


def test_two_arrests_of_one_kind_in_two_places_stay_apart_even_through_a_placeless_report(
        tmp_path: Path):
    db = tmp_path / "s.duckdb"
    # Same words, same day, same actors: only the places tell the arrests apart. The report
    # without a place comes between them and may join one, but cannot bridge the two.
    ingest([coded("sicily", "2014-05-09", PALERMO), coded("placeless", "2014-05-09", None),
            coded("california", "2014-05-09", LOS_ANGELES),
            coded("palermo-again", "2014-05-10", PALERMO, outlet="Other")], db)
    events = event_of(db)
    assert events["sicily"] != events["california"]
    assert events["sicily"] == events["palermo-again"]
    assert len(set(events.values())) == 2


def test_a_later_report_joins_the_stored_event_which_keeps_its_id_and_says_why(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    ingest([coded("first", "2014-05-09", PALERMO)], db)
    founded = event_of(db)["first"]
    ingest([coded("second", "2014-05-10", None, outlet="Other"),
            coded("unrelated", "2014-05-10", PALERMO,
                  sentence="Police arrested two teenagers after a stolen scooter chase downtown.")],
           db)
    events = event_of(db)
    assert events["first"] == events["second"] == founded
    assert events["unrelated"] != founded
    con = duckdb.connect(str(db), read_only=True)
    counts = con.execute("SELECT num_mentions, num_articles, num_sources FROM events "
                         "WHERE event_id = ?", [founded]).fetchall()
    linked, kind, evidence = con.execute(
        "SELECT linked_to, linked_kind, evidence FROM merge_evidence m "
        "JOIN mentions USING (mention_id) WHERE mentions.article_id = 'second'").fetchall()[0]
    con.close()
    assert counts == [(2, 2, 2)]
    assert (linked, kind) == (founded, "event")
    evidence = json.loads(evidence)
    assert evidence["place"] == "unknown on one side" and evidence["days_apart"] == 1
    assert {"arrested", "fraud", "warehouse"} <= set(evidence["shared"])


def test_a_recode_that_tells_two_reports_apart_records_the_split(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    items = [coded("first", "2014-05-09", PALERMO), coded("second", "2014-05-09", None, outlet="B")]
    ingest(items, db)
    merged = event_of(db)
    assert merged["first"] == merged["second"]
    # A better geocoder now places the second report in Los Angeles.
    better = [items[0], coded("second", "2014-05-09", LOS_ANGELES, outlet="B")]
    recode(db, coder=replaying_coder(better))
    events = event_of(db)
    assert events["first"] == merged["first"] and events["second"] != merged["first"]
    con = duckdb.connect(str(db), read_only=True)
    splits = con.execute("SELECT article_id, record FROM mention_revisions "
                         "WHERE change = 'split'").fetchall()
    con.close()
    assert [row[0] for row in splits] == ["second"]
    assert json.loads(splits[0][1])["merged_event"] == {"before": merged["first"],
                                                       "after": events["second"]}


PHILADELPHIA = Location("Philadelphia", "USA", 39.952, -75.164, 4560349)
SHOOTING = ("A worker who had been suspended hours earlier came back to the Kraft Foods factory on "
            "the northeast side with a handgun, found her colleagues in a break room and killed two "
            "of them before police officers arrived, a spokesman for the plant said.")


def report(doc_id: str, sentence: str, cameo: str, source: str | None, target: str | None,
           place: Location | None = PHILADELPHIA, day: str = "2010-09-10") -> tuple[Article, list]:
    event = make_event(doc_id, 0, sentence, cameo, source, target, day, place)
    article = Article(id=doc_id, text=f"{sentence} Filed as {doc_id}.", title=None, date=day,
                      source=f"outlet-{doc_id}", url=f"https://{doc_id}.example/story")
    return article, [event]


def test_victims_named_by_different_private_roles_are_one_side_but_soldiers_are_not(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    # One report calls the victims workers (LAB), another residents (CVL): private people both.
    # Soldiers (MIL) killed the same way on the same day are another event.
    ingest([report("workers", SHOOTING, "1823", "USAUAF", "USALAB"),
            report("residents", SHOOTING.replace("hours earlier", "that morning"), "1823", "USAUAF",
                   "USACVL"),
            report("soldiers", SHOOTING.replace("factory", "depot"), "1823", "USAUAF", "USAMIL")], db)
    events = event_of(db)
    assert events["workers"] == events["residents"]
    assert events["soldiers"] != events["workers"]


def test_a_headline_joins_the_long_report_it_sums_up_but_a_statement_needs_more(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    # The headline's few content words are mostly in the long sentence, which has many more:
    # their Jaccard overlap is low, the headline is contained. A statement needs more shared words.
    headline = "Gunman kills two colleagues at Kraft plant"
    ingest([report("lead", SHOOTING, "1823", "USAUAF", "USALAB"),
            report("headline", headline, "1823", "USAUAF", None),
            report("said-long", SHOOTING, "010", "USACOP", None),
            report("said-headline", headline, "010", "USACOP", None)], db)
    events = event_of(db)
    assert events["headline"] == events["lead"]
    assert events["said-headline"] != events["said-long"]


def test_a_headline_of_another_plant_shooting_elsewhere_stays_apart(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    ingest([report("lead", SHOOTING, "1823", "USAUAF", "USALAB"),
            report("elsewhere", "Gunman kills two colleagues at Kraft plant", "1823", "USAUAF", None,
                   place=LOS_ANGELES)], db)
    events = event_of(db)
    assert events["elsewhere"] != events["lead"]


MINISTER = ("Denis Manturov, the industry minister, told a meeting of the ruling party faction on "
            "Tuesday that the Voronezh plant will build forty regional aircraft for Armenian and Kazakh "
            "airlines over the next three years, once the certification of the new engines and "
            "avionics is complete and funding from the state development bank arrives.")


def test_a_short_report_of_a_statement_joins_it_but_another_statement_of_the_speaker_does_not(
        tmp_path: Path):
    db = tmp_path / "s.duckdb"
    moscow = Location("Moscow", "RUS", 55.752, 37.616, 524901)
    # The short report's content words are all in the long one (their Jaccard overlap is under
    # the 40% statements need); the minister's other statement of that day shares only his name.
    ingest([report("long", MINISTER, "010", "RUSGOV", None, place=moscow),
            report("short", "Industry minister Denis Manturov said the plant will build forty "
                   "regional aircraft", "010", "RUSGOV", None, place=moscow),
            report("other", "Industry minister Denis Manturov said imports of oil equipment fell "
                   "to half of the market", "010", "RUSGOV", None, place=moscow)], db)
    events = event_of(db)
    assert events["short"] == events["long"]
    assert events["other"] != events["long"]


MEETING = "Angela Merkel met Barack Obama in Berlin to discuss the sanctions against Moscow."


def dyad_report(doc_id: str, cameo: str, source: str, target: str) -> tuple[Article, list]:
    sentence = MEETING if cameo.startswith("04") else MEETING.replace(" met ", " attacked ")
    event = make_event(doc_id, 0, sentence, cameo, source, target, "2016-06-02", None,
                       trigger="met" if cameo.startswith("04") else "attacked")
    article = Article(id=doc_id, text=f"{sentence} Filed as {doc_id}.", title=None,
                      date="2016-06-02", source=doc_id, url=f"https://{doc_id}.example/a")
    return article, [event]


def test_a_later_meeting_told_the_other_way_round_joins_the_stored_one_an_attack_does_not(
        tmp_path: Path):
    db = tmp_path / "s.duckdb"
    ingest([dyad_report("meet-a", "040", "DEUGOV", "USAGOV"),
            dyad_report("attack-a", "190", "DEUGOV", "USAGOV")], db)
    ingest([dyad_report("meet-b", "040", "USAGOV", "DEUGOV"),
            dyad_report("attack-b", "190", "USAGOV", "DEUGOV"),
            dyad_report("meet-other", "040", "DEUGOV", "CHNGOV")], db)
    events = event_of(db)
    assert events["meet-b"] == events["meet-a"]
    assert events["attack-b"] != events["attack-a"]
    assert events["meet-other"] not in (events["meet-a"], events["attack-a"])


def test_a_store_written_before_the_anchor_dyads_still_merges_into_its_events(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    ingest([dyad_report("meet-a", "040", "DEUGOV", "USAGOV")], db)
    con = duckdb.connect(str(db))
    # As an older eventwire left it: anchors without their events' countries (migration 5) nor
    # whether they are dated by their publication day (migration 6).
    con.execute("ALTER TABLE event_anchors DROP COLUMN src; ALTER TABLE event_anchors DROP COLUMN tgt;"
                "ALTER TABLE event_anchors DROP COLUMN published;"
                "DELETE FROM schema_version WHERE version >= 5").fetchall()
    con.close()
    ingest([dyad_report("meet-b", "040", "USAGOV", "DEUGOV")], db)
    events = event_of(db)
    assert events["meet-b"] == events["meet-a"]
    con = duckdb.connect(str(db), read_only=True)
    dyads = set(con.execute("SELECT src, tgt FROM event_anchors").fetchall())
    con.close()
    assert dyads == {("DEU", "USA")}  # the stored event's anchors got its countries back
