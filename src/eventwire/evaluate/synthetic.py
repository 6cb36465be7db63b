"""Synthetic coded articles for tests, the load test and the benchmark (seeded, reproducible).

``synthetic_articles`` makes small articles whose sentences state events between a fixed set of
actors, with the Event records a coder would give, so the store can be exercised before and
independently of the real coder. ``synthetic_mentions`` makes millions of mention rows directly
in DuckDB for the 10-million-event benchmark.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

import duckdb
import pyarrow as pa

from eventwire.events import cameo_table
from eventwire.records import Actor, Article, Event, Location
from eventwire.store.merge import MENTION_SCHEMA

ACTORS: list[tuple[str, str, str, list[str]]] = [
    # (code, country, canonical name, sectors)
    ("USAGOV", "USA", "Barack Obama", ["GOV"]),
    ("RUSGOV", "RUS", "Vladimir Putin", ["GOV"]),
    ("CHNGOV", "CHN", "Xi Jinping", ["GOV"]),
    ("DEUGOV", "DEU", "Angela Merkel", ["GOV"]),
    ("SYRMIL", "SYR", "Syrian army", ["MIL"]),
    ("SYRREB", "SYR", "Syrian rebels", ["REB"]),
    ("UKRGOV", "UKR", "Petro Poroshenko", ["GOV"]),
    ("FRAGOV", "FRA", "Francois Hollande", ["GOV"]),
]
PLACES: list[Location] = [
    Location("Moscow", "RUS", 55.75, 37.62, 524901),
    Location("Berlin", "DEU", 52.52, 13.41, 2950159),
    Location("Aleppo", "SYR", 36.20, 37.16, 170063),
    Location("Kiev", "UKR", 50.45, 30.52, 703448),
]
VERBS: dict[str, str] = {"043": "met", "036": "wants to meet", "112": "accused",
                         "057": "signed an agreement with", "190": "attacked",
                         "042": "visited", "163": "imposed an embargo on"}


def make_event(doc_id: str, sentence_index: int, sentence: str, cameo: str,
               source: str | None, target: str | None, day: str | None,
               place: Location | None = None, trigger: str | None = None) -> Event:
    """An Event as the coder would produce it, for the given codes (actors from ACTORS)."""
    info = cameo_table()[cameo]
    actors = {code: (country, name, sectors) for code, country, name, sectors in ACTORS}

    def actor(code: str | None) -> Actor | None:
        if code is None:
            return None
        country, name, sectors = actors.get(code, (code[:3], None, []))
        return Actor(text=name or code, code=code, country=country, sectors=list(sectors),
                     name=name)

    trigger = trigger or VERBS.get(cameo, "did")
    start = sentence.find(trigger)
    return Event(
        event_id=f"{doc_id}-{sentence_index}-{cameo}", doc_id=doc_id,
        sentence_index=sentence_index, sentence=sentence, trigger=trigger, cameo=cameo,
        cameo_root=info.root, quad_class=info.quad_class, goldstein=info.goldstein,
        plover=info.plover, plover_mode=info.plover_mode, source=actor(source),
        target=actor(target), date=day, date_precision="day" if day else None,
        location=place, confidence=0.9, coder_version="synthetic",
        evidence={"spans": {"trigger": [start, start + len(trigger)]}} if start >= 0 else {},
    )


def synthetic_articles(count: int, seed: int = 7, events_per_article: int = 3,
                       first_day: date = date(2016, 4, 1),
                       days: int = 365) -> list[tuple[Article, list[Event]]]:
    """``count`` articles, each with sentences stating events, and the events coded from them."""
    rng = random.Random(seed)
    outlets = ["Deutsche Welle", "TASS", "Al Jazeera", "BBC", "CNN"]
    result = []
    for number in range(count):
        doc_id = f"synthetic-{seed}-{number}"
        published = first_day + timedelta(days=rng.randrange(days))
        sentences, events = [], []
        for index in range(events_per_article):
            cameo = rng.choice(sorted(VERBS))
            (source, *_), (target, *_) = rng.sample(ACTORS, 2)
            place = rng.choice(PLACES + [None])
            names = {code: name for code, _, name, _ in ACTORS}
            where = f" in {place.name}" if place else ""
            sentence = f"{names[source]} {VERBS[cameo]} {names[target]}{where} ({number}.{index})."
            sentences.append(sentence)
            events.append(make_event(doc_id, index + 1, sentence, cameo, source, target,
                                     published.isoformat(), place))
        article = Article(id=doc_id, title=f"Report {number}", text=" ".join(sentences),
                          date=published.isoformat(), url=f"https://example.org/{doc_id}",
                          source=rng.choice(outlets))
        result.append((article, events))
    return result


def replaying_coder(coded: Iterable[tuple[Article, list[Event]]]):
    """A coder that gives the prepared events of each article (by id), for store tests."""
    by_id = {article.id: events for article, events in coded}

    def code(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, by_id.get(article.id, [])

    return code


def synthetic_mentions(con: duckdb.DuckDBPyConnection, start: int, count: int) -> pa.Table:
    """``count`` mention rows (numbers start..start+count-1) built in SQL: for the benchmark.

    Actors are drawn from 60 countries x 4 sectors, codes from 20 roots, dates over ten years,
    so most rows found their own event and some merge, as in a real feed.
    """
    # con.sql, not con.execute: Arrow output of a DB-API result copies the rows once more (and
    # DuckDB warns about it).
    table = con.sql(
        """
        WITH n AS (SELECT range AS i, hash(range) AS h FROM range(?, ?))
        SELECT
            'm' || i AS mention_id, 'c' || i AS coded_event_id, 'a' || (i // 5) AS article_id,
            i // 5 AS seq, 'outlet' || (h % 50) AS publisher, (i % 5)::BIGINT AS sentence_index,
            'Sentence ' || i AS sentence, false AS in_title, NULL::BIGINT AS sentence_start,
            'verb' AS trigger, NULL::BIGINT AS trigger_start, NULL::BIGINT AS trigger_end,
            NULL::BIGINT AS source_start, NULL::BIGINT AS target_start,
            lpad(((h >> 8) % 20 + 1)::VARCHAR, 2, '0') || '0' AS cameo,
            lpad(((h >> 8) % 20 + 1)::VARCHAR, 2, '0') AS cameo_root,
            (((h >> 8) % 20) // 5 + 1)::BIGINT AS quad_class,
            (((h >> 8) % 20)::DOUBLE - 10.0) AS goldstein, NULL AS plover, NULL AS plover_mode,
            false AS negated, 'asserted' AS modality,
            strftime(DATE '2010-01-01' + ((h >> 16) % 3650)::INTEGER, '%Y-%m-%d') AS date,
            'day' AS date_precision, NULL AS article_date,
            'C' || lpad(((h >> 24) % 60)::VARCHAR, 2, '0')
                || ['GOV', 'MIL', 'REB', 'BUS'][((h >> 32) % 4 + 1)::BIGINT] AS source_code,
            'C' || lpad(((h >> 24) % 60)::VARCHAR, 2, '0') AS source_country, NULL AS source_name,
            NULL::VARCHAR[] AS source_sectors,
            'C' || lpad(((h >> 36) % 60)::VARCHAR, 2, '0')
                || ['GOV', 'MIL', 'REB', 'BUS'][((h >> 44) % 4 + 1)::BIGINT] AS target_code,
            'C' || lpad(((h >> 36) % 60)::VARCHAR, 2, '0') AS target_country, NULL AS target_name,
            NULL::VARCHAR[] AS target_sectors, NULL AS location_name, NULL AS location_country,
            ((h >> 48) % 180)::DOUBLE - 90 AS lat, ((h >> 40) % 360)::DOUBLE - 180 AS lon,
            NULL::BIGINT AS geonameid, NULL AS url, 0.5 AS confidence, 'synthetic' AS coder_version,
            -- one mention in ten gives a death count, as attacks in a real feed do
            CASE WHEN (h >> 52) % 10 = 0
                 THEN '{"counts": {"killed": {"value": ' || ((h >> 56) % 30)::VARCHAR
                      || ', "low": null, "high": null}}}'
                 ELSE '{}' END AS record
        FROM n
        """,
        params=[start, start + count],
    ).to_arrow_table()
    return table.cast(MENTION_SCHEMA)
