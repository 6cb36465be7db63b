"""The candidate joins of merging (store/merge_candidates.py) find exactly the pairs the rule
names: a probe of one side (an anchor on a day of its window) meets an anchor of the other on
that day, and their dyads agree (``dyad_sql``). The joins take a short cut for the sides of two
known countries (one equi-join on kind, dyad and day); here they are checked against the rule
itself, written out over every anchor and day, on made-up mentions of known and unknown actors,
symmetric and directed roots, stated, publication and month days, in a batch and against a
stored batch."""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from eventwire.store.merge import ARTICLE_SCHEMA, MENTION_SCHEMA, _stage, write_batch
from eventwire.store.merge_candidates import candidates_sql, stage_anchors_sql
from eventwire.store.merge_scoring import dyad_sql, lag_days, wide_places
from eventwire.store.schema import migrate

NO_ARTICLES = pa.Table.from_pylist([], schema=ARTICLE_SCHEMA)

# Few roots (04 "meet" is symmetric), four countries and an unknown side now and then, twelve
# days, places in two countries or none; days stated, given by publication, or a month only.
MADE_UP = """
WITH n AS (SELECT range AS i, hash(range) AS h FROM range(?, ?))
SELECT 'm' || i AS mention_id, 'c' || i AS coded_event_id, 'a' || i AS article_id, i AS seq,
    0 AS sentence_index, 'Talks were held.' AS sentence, false AS in_title,
    ['04', '19', '11'][(h % 3 + 1)::BIGINT] || '0' AS cameo,
    ['04', '19', '11'][(h % 3 + 1)::BIGINT] AS cameo_root, 1 AS quad_class, 1.0 AS goldstein,
    false AS negated,
    CASE WHEN (h >> 8) % 5 = 0 THEN '2016-02' WHEN (h >> 8) % 5 = 1 THEN NULL
         ELSE strftime(DATE '2016-02-01' + ((h >> 12) % 12)::INTEGER, '%Y-%m-%d') END AS date,
    CASE WHEN (h >> 8) % 5 = 0 THEN 'month' ELSE 'day' END AS date_precision,
    strftime(DATE '2016-02-01' + ((h >> 16) % 12)::INTEGER, '%Y-%m-%d') AS article_date,
    ['USA', 'RUS', 'SYR', 'FRA', NULL][((h >> 20) % 5 + 1)::BIGINT] AS source_country,
    ['USA', 'RUS', 'SYR', 'FRA', NULL][((h >> 24) % 5 + 1)::BIGINT] AS target_country,
    ['SYR', 'DEU', NULL][((h >> 28) % 3 + 1)::BIGINT] AS location_country, '{}' AS record
FROM n"""


def made_up_mentions(start: int, count: int) -> pa.Table:
    made = duckdb.sql(MADE_UP, params=[start, start + count]).to_arrow_table()
    return pa.table({name: made[name] if name in made.column_names else pa.nulls(count, kind)
                     for name, kind in zip(MENTION_SCHEMA.names, MENTION_SCHEMA.types, strict=True)}
                    ).cast(MENTION_SCHEMA)


# The rule, over every anchor of each side and every day of the prober's window.
_PROBES = """(SELECT ord, mention_id, key, day + CAST(unnest({0}) AS INTEGER) AS day, src, tgt, sym
              FROM stage_anchors {1})"""
RULE_BATCH = f"""
SELECT DISTINCT greatest(p.ord, a.ord), least(p.ord, a.ord)
FROM {_PROBES.format('range(-days_before, days_after + 1)', '')} p JOIN stage_anchors a
  ON a.key = p.key AND a.day = p.day AND {dyad_sql('p', 'a', '(p.sym OR a.sym)')}
WHERE a.ord <> p.ord"""
RULE_STORED = f"""
SELECT DISTINCT p.mention_id, e.event_id
FROM {_PROBES.format('range(-days_before, days_after + 1)', '')} p JOIN event_anchors e
  ON e.key = p.key AND e.date = p.day AND {dyad_sql('p', 'e', 'p.sym')}
UNION
SELECT p.mention_id, e.event_id
FROM {_PROBES.format('range({0}, {1})', 'WHERE NOT published')} p JOIN event_anchors e
  ON e.key = p.key AND e.date = p.day AND {dyad_sql('p', 'e', 'p.sym')} WHERE e.published"""


def staged(con: duckdb.DuckDBPyConnection, batch: pa.Table) -> None:
    """The batch's ``stage`` and ``stage_anchors``, as ``merge.write_batch`` makes them."""
    con.register("batch_mentions", batch.append_column(
        "_row", pa.array(np.arange(batch.num_rows, dtype=np.int64))))
    con.register("wide_places", wide_places())
    con.execute(_stage()).fetchall()
    con.execute(stage_anchors_sql()).fetchall()


def test_the_candidate_joins_find_the_pairs_of_the_rule_and_no_other() -> None:
    con = duckdb.connect()
    migrate(con)
    write_batch(con, NO_ARTICLES, made_up_mentions(0, 1500))
    staged(con, made_up_mentions(1500, 1500))
    lag = lag_days()
    assert lag is not None  # the rules look further back for publication days: joined too
    con.execute(candidates_sql(lag, partial=True)).fetchall()

    found_batch = set(con.execute("SELECT later, earlier FROM batch_candidates").fetchall())
    found_stored = set(con.execute("SELECT mention_id, event_id FROM stored_candidates").fetchall())
    assert found_batch == set(con.execute(RULE_BATCH).fetchall())
    assert found_stored == set(con.execute(RULE_STORED.format(lag[0], lag[1] + 1)).fetchall())

    # both kinds of pair are there: two known dyads (the short cut), reversed for a meeting,
    # and a side with an unknown actor (through all anchors)
    kinds = con.execute("""
        SELECT bool_or(s.src IS NOT NULL AND s.tgt IS NOT NULL AND o.src IS NOT NULL
                       AND o.tgt IS NOT NULL AND s.src = o.tgt AND s.tgt = o.src AND s.src <> s.tgt),
               bool_or(s.src IS NULL OR s.tgt IS NULL OR o.src IS NULL OR o.tgt IS NULL),
               count(*)
        FROM batch_candidates c JOIN stage s ON s.ord = c.later JOIN stage o ON o.ord = c.earlier
        """).fetchall()[0]
    assert kinds[0] and kinds[1] and kinds[2] > 100
    assert len(found_stored) > 100


def test_without_unknown_sides_the_dyad_join_alone_finds_the_same_pairs() -> None:
    con = duckdb.connect()
    migrate(con)
    rows = made_up_mentions(0, 1500)
    staged(con, rows.filter(pc.and_(pc.is_valid(rows["source_country"]),
                                    pc.is_valid(rows["target_country"]))))
    con.execute(candidates_sql(None, partial=False)).fetchall()
    found = set(con.execute("SELECT later, earlier FROM batch_candidates").fetchall())
    assert found and found == set(con.execute(RULE_BATCH).fetchall())
