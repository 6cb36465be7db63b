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

Rows are recomputed for the events a batch's counted mentions joined (``merge._reconcile``),
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


_PARTS = ("value", "low", "high")


def _value(kind: str, part: str) -> str:
    """A figure of a mention's record, as ``_figures`` names it."""
    return f"{kind}__{part}"


def _figures(mentions: str) -> str:
    """Each mention's figures (``_value``) from its record, read in one pass over the JSON (a
    path at a time parsed each record 21 times: most of the time of counting a bulk batch)."""
    paths = [f"'$.counts.{kind}.{part}'" for kind in KINDS for part in _PARTS]
    figures = ", ".join(f"TRY_CAST(v[{i}] AS BIGINT) AS {_value(kind, part)}" for i, (kind, part) in
                        enumerate(((k, p) for k in KINDS for p in _PARTS), start=1))
    return (f"(SELECT event_id, {figures} FROM (SELECT event_id, "
            f"json_extract_string(record, [{', '.join(paths)}]) AS v FROM {mentions}))")


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


def reconcile_sql(events: str, mentions: str = "mentions", event_rows: str = "events") -> str:
    """The event_counts rows of the events listed by the query ``events`` (one column), from
    their ``mentions`` (a relation with ``event_id`` and ``record``) and their rows in
    ``event_rows`` (``event_id`` and ``EVENT_COLUMNS``): the stored tables, or a batch's own
    rows for the events it founded (``merge.py``), which spares reading the whole store."""
    copied = ", ".join(f"e.{name}" for name in EVENT_COLUMNS)
    return f"""
    SELECT {copied}, r.*
    FROM (SELECT event_id,
             {_aggregates()},
             count(*) AS n_reports
          FROM {_figures(f"(SELECT event_id, record FROM {mentions} WHERE event_id IN ({events}) "
                         "AND json_exists(record, '$.counts'))")}
          GROUP BY event_id) r
    JOIN {event_rows} e USING (event_id)"""


def counted_mention_ids(mentions: pa.Table) -> pa.Table:
    """The ids of a batch's mentions whose record has counts (a cheap text test first)."""
    if mentions.num_rows == 0 or "record" not in mentions.column_names:
        return pa.table({"mention_id": pa.array([], pa.string())})
    has = pc.match_substring(mentions["record"], '"counts": {')
    return pa.table({"mention_id": pc.filter(mentions["mention_id"], pc.fill_null(has, False))})


def reconcile_all(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute every event's counts (after a re-code or a merge that moved mentions)."""
    con.execute("DELETE FROM event_counts").fetchall()
    con.execute(f"INSERT INTO event_counts BY NAME {reconcile_sql('SELECT event_id FROM mentions')}"
                ).fetchall()
    return int(con.execute("SELECT count(*) FROM event_counts").fetchall()[0][0])
