"""How many, per stored event: the counts of its mentions reconciled, UCDP-style.

Each mention keeps the counts its sentence gave (``counts`` in the mention's record, the
CONTRACT.md event record). An event's counts, in ``event_counts`` (one row per event that has
any), reconcile its mentions the way UCDP reconciles sources:

- ``<category>``: the best estimate, the median of the reported values (the lower middle one
  when their number is even, so two reports of 3 and 10 give 3: the conservative choice);
- ``<category>_low`` / ``_high``: the lowest and highest figure any report gives, the bounds of
  ranges included; a bound no report gives stays null ("at least 30" alone: low 30, high null);
- ``toll``: the highest cumulative toll reported (tolls only grow), with its bounds;
- ``n_reports``: how many mentions gave a count.

Rows are recomputed for the events a batch's counted mentions joined (``reconcile_batch``),
inside the batch's transaction, so ``event_counts`` is always consistent with ``mentions``. Each
row also copies the event's filter columns (``EVENT_COLUMNS``: date, codes, names, countries,
place), so that sums over a selection read this table alone (``api/counts.py``).
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from eventwire.events.counts import CATEGORIES

# Fixed names only: the SQL below is built from these, never from input.
KINDS = (*CATEGORIES, "toll")
COLUMNS = [name for kind in KINDS for name in (kind, f"{kind}_low", f"{kind}_high")]


def _value(kind: str, part: str) -> str:
    return f"TRY_CAST(json_extract_string(record, '$.counts.{kind}.{part}') AS BIGINT)"


def _aggregates() -> str:
    parts = []
    for kind in KINDS:
        value = _value(kind, "value")
        best = f"max({value})" if kind == "toll" else f"quantile_disc({value}, 0.5)"
        low, high = _value(kind, "low"), _value(kind, "high")
        if kind == "toll":  # the bounds of the highest toll reported
            parts += [f"{best} AS {kind}", f"arg_max({low}, {value}) AS {kind}_low",
                      f"arg_max({high}, {value}) AS {kind}_high"]
        else:
            # a bound no report gives stays unknown ("at least 20" alone has no high)
            parts += [f"{best} AS {kind}",
                      f"CASE WHEN count({low}) > 0 THEN min(coalesce({low}, {value})) END AS {kind}_low",
                      f"CASE WHEN count({high}) > 0 THEN max(coalesce({high}, {value})) END "
                      f"AS {kind}_high"]
    return ",\n       ".join(parts)


# The event's columns copied beside its counts: those the API's filters read (web/filters.py).
EVENT_COLUMNS = ("date", "cameo", "plover", "quad_class", "source_code", "source_name",
                 "source_country", "target_code", "target_name", "target_country",
                 "location_country", "lat", "lon")


def reconcile_sql(events: str) -> str:
    """The event_counts rows of the events listed by the query ``events`` (one column)."""
    copied = ", ".join(f"e.{name}" for name in EVENT_COLUMNS)
    return f"""
    SELECT {copied}, r.*
    FROM (SELECT event_id,
             {_aggregates()},
             count(*) AS n_reports
          FROM mentions
          WHERE event_id IN ({events}) AND json_exists(record, '$.counts')
          GROUP BY event_id) r
    JOIN events e USING (event_id)"""


def counted_mention_ids(mentions: pa.Table) -> pa.Table:
    """The ids of a batch's mentions whose record has counts (a cheap text test first)."""
    if mentions.num_rows == 0 or "record" not in mentions.column_names:
        return pa.table({"mention_id": pa.array([], pa.string())})
    has = pc.match_substring(mentions["record"], '"counts": {')
    return pa.table({"mention_id": pc.filter(mentions["mention_id"], pc.fill_null(has, False))})


def reconcile_batch(con: duckdb.DuckDBPyConnection, mentions: pa.Table) -> int:
    """Recompute the counts of the events that the batch's counted mentions belong to."""
    counted = counted_mention_ids(mentions)
    if counted.num_rows == 0:
        return 0
    con.register("counted_mentions", counted)
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE counted_events AS SELECT DISTINCT event_id "
                    "FROM mentions WHERE mention_id IN (SELECT mention_id FROM counted_mentions)"
                    ).fetchall()
        return _replace(con, "SELECT event_id FROM counted_events")
    finally:
        con.unregister("counted_mentions")


def reconcile_all(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute every event's counts (after a re-code or a merge that moved mentions)."""
    con.execute("DELETE FROM event_counts").fetchall()
    con.execute(f"INSERT INTO event_counts BY NAME {reconcile_sql('SELECT event_id FROM mentions')}"
                ).fetchall()
    return int(con.execute("SELECT count(*) FROM event_counts").fetchall()[0][0])


def _replace(con: duckdb.DuckDBPyConnection, events: str) -> int:
    con.execute(f"DELETE FROM event_counts WHERE event_id IN ({events})").fetchall()
    con.execute(f"INSERT INTO event_counts BY NAME {reconcile_sql(events)}").fetchall()
    return int(con.execute(f"SELECT count(*) FROM ({events})").fetchall()[0][0])
