"""A PLOVER/POLECAT-style export: one row per merged event, tab-separated with a header.

POLECAT (the PLOVER-coded successor of ICEWS) ships one row per event with its type, mode,
context, quad code and intensity, the actor and recipient with their country and sectors, the
place with its administrative levels, and the story it came from. This export gives the same
row for eventwire's events, plus what eventwire adds: the counts (killed, injured, ...), the
confidence and the sentence. Every column is documented in docs/store_api.md ("PLOVER/POLECAT
export"); the list is ``POLECAT_COLUMNS``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import IO, Any

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv

from eventwire.events.cameo import cameo_table
from eventwire.events.counts import CATEGORIES
from eventwire.store.counts import COLUMNS as COUNT_COLUMNS

BATCH_ROWS = 20_000
_LINE_BREAKS = re.compile(r"[\t\r\n]+")

# The columns, in order; docs/store_api.md says what each holds.
POLECAT_COLUMNS = [
    "event_id", "event_date", "event_type", "event_mode", "contexts", "quad_code", "intensity",
    "cameo",
    "actor_name", "actor_country", "actor_sectors", "actor_raw_text",
    "recipient_name", "recipient_country", "recipient_sectors", "recipient_raw_text",
    "placename", "feature_type", "admin1", "admin2", "country", "latitude", "longitude",
    "geonameid", "place_raw_text", "precision",
    "story_source", "story_url", "story_id", "publication_date", "language", "version",
    *[name for kind in (*CATEGORIES, "toll") for name in (kind, f"{kind}_low", f"{kind}_high")],
    "count_reports", "confidence", "num_mentions", "num_sources", "sentence",
]

_QUERY_TEMPLATE = """
SELECT e.event_id, e.date, e.plover, e.plover_mode, e.cameo, e.quad_class, e.goldstein,
       e.source_name, e.source_code, e.source_country, e.source_sectors,
       e.target_name, e.target_code, e.target_country, e.target_sectors,
       e.location_name, e.location_country, e.lat, e.lon, e.geonameid,
       e.first_url, e.first_article_id, e.first_seen, e.num_mentions, e.num_sources, e.sentence,
       a.source AS story_source, a.language, m.record, m.coder_version, m.confidence,
       {counted}, c.n_reports
FROM events e
LEFT JOIN event_counts c USING (event_id)
LEFT JOIN mentions m ON m.mention_id = e.first_mention_id
LEFT JOIN articles a ON a.article_id = e.first_article_id
ORDER BY e.date, e.event_id
"""
_QUERY = _QUERY_TEMPLATE.format(counted=", ".join(f"c.{name}" for name in COUNT_COLUMNS))


@lru_cache(maxsize=1)
def _places() -> dict[int, Any]:
    """GeoNames id -> gazetteer place, for the feature type and the admin-1 region's name."""
    from eventwire.geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    return {p.geonameid: p for p in gazetteer.places if p.geonameid is not None}


def _admin(geonameid: int | None) -> tuple[str | None, str | None, str | None]:
    """(feature type, admin-1 name, admin-2 name) of a place the gazetteer knows."""
    if geonameid is None:
        return None, None, None
    place = _places().get(geonameid)
    if place is None:
        return None, None, None
    from eventwire.geo.gazetteer import load_gazetteer

    region = load_gazetteer().admin1.get((place.country, place.admin1)) if place.admin1 else None
    admin1 = place.name if place.kind == "admin1" else (region.name if region else None)
    admin2 = place.name if place.kind == "admin2" else None
    return place.kind, admin1, admin2


def polecat_row(row: dict[str, Any]) -> dict[str, Any]:
    """One event's POLECAT-style row from the joined query row."""
    record = json.loads(row["record"]) if row.get("record") else {}
    source, target = record.get("source") or {}, record.get("target") or {}
    location = record.get("location") or {}
    info = cameo_table().get(row["cameo"])
    feature, admin1, admin2 = _admin(row["geonameid"])
    out: dict[str, Any] = {
        "event_id": row["event_id"],
        "event_date": row["date"].isoformat() if row["date"] else None,
        "event_type": row["plover"], "event_mode": row["plover_mode"],
        "contexts": getattr(info, "plover_context", None) or None,
        "quad_code": row["quad_class"], "intensity": row["goldstein"], "cameo": row["cameo"],
        "actor_name": row["source_name"] or row["source_code"], "actor_country": row["source_country"],
        "actor_sectors": ";".join(row["source_sectors"] or []) or None,
        "actor_raw_text": source.get("text") or None,
        "recipient_name": row["target_name"] or row["target_code"],
        "recipient_country": row["target_country"],
        "recipient_sectors": ";".join(row["target_sectors"] or []) or None,
        "recipient_raw_text": target.get("text") or None,
        "placename": row["location_name"], "feature_type": feature, "admin1": admin1,
        "admin2": admin2, "country": row["location_country"], "latitude": row["lat"],
        "longitude": row["lon"], "geonameid": row["geonameid"],
        "place_raw_text": location.get("name") or row["location_name"],
        "precision": location.get("precision") if row["location_name"] else None,
        "story_source": row["story_source"], "story_url": row["first_url"],
        "story_id": row["first_article_id"],
        "publication_date": row["first_seen"].isoformat() if row["first_seen"] else None,
        "language": row["language"], "version": row["coder_version"],
        "count_reports": row.get("n_reports"), "confidence": row["confidence"],
        "num_mentions": row["num_mentions"], "num_sources": row["num_sources"],
        "sentence": row["sentence"],
    }
    for kind in (*CATEGORIES, "toll"):
        for name in (kind, f"{kind}_low", f"{kind}_high"):
            out[name] = row.get(name)
    # unquoted tab-separated text: a tab or line break inside a value becomes a space
    return {k: _LINE_BREAKS.sub(" ", v) if isinstance(v, str) else v for k, v in out.items()}


def _rows(con: duckdb.DuckDBPyConnection) -> Iterator[list[dict[str, Any]]]:
    for batch in con.sql(_QUERY).to_arrow_reader(BATCH_ROWS):
        yield [polecat_row(row) for row in batch.to_pylist()]


SCHEMA = pa.schema([(name, pa.float64() if name in ("intensity", "latitude", "longitude",
                                                     "confidence") else
                     pa.int64() if name in ("quad_code", "geonameid", "count_reports",
                                            "num_mentions", "num_sources")
                     or name.split("_")[0] in (*CATEGORIES, "toll") else pa.string())
                    for name in POLECAT_COLUMNS])


def write_polecat(con: duckdb.DuckDBPyConnection, out: IO[bytes]) -> int:
    """Write every event as a POLECAT-style row (tab-separated, header first); rows written."""
    # the header written here: pyarrow would quote the names
    out.write(("\t".join(POLECAT_COLUMNS) + "\n").encode("utf-8"))
    options = pacsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none")
    written = 0
    with pacsv.CSVWriter(out, SCHEMA, write_options=options) as writer:
        for rows in _rows(con):
            writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
            written += len(rows)
    return written
