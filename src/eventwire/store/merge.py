"""Write one batch of articles and mentions, merging mentions of the same real event (GDELT-style).

Merge rule: two mentions report the same event when they have
- the same CAMEO root code (so 043 and 042 merge: both "consult"), and the same negation;
- the same dyad: the same source actor code and the same target actor code (at least one known);
  for consultations (root 04: meet, phone, negotiate) either way round. With one actor only, the
  same full CAMEO code is needed, and one-sided statements (root 01) never merge;
- dates within one day (the event's date, or the article's publication date when the coder found
  none; mentions with no date at all never merge);
- the same place when both know it (GeoNames id, else the place name); an unknown place merges
  with a known one.

A mention first looks for a stored event it matches (the nearest date wins, then the event with
the most mentions, then the smallest event id); mentions of the batch that match none are chained
by date within their dyad and place, each chain founding a new event whose id is derived from its
first mention, so the same input gives the same ids. Mentions with an unknown place go in a second
pass, so they can join events founded earlier in the same batch. Everything is set-based SQL on
DuckDB, so a batch of 100k mentions costs a few statements, not 100k lookups.
"""

from __future__ import annotations

import hashlib
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.store.counts import reconcile_batch

_STRING = pa.string()
_INT = pa.int64()
_FLOAT = pa.float64()
_BOOL = pa.bool_()
_STRINGS = pa.list_(pa.string())

MENTION_FIELDS: dict[str, pa.DataType] = {
    "mention_id": _STRING, "coded_event_id": _STRING, "article_id": _STRING, "seq": _INT,
    "publisher": _STRING, "sentence_index": _INT, "sentence": _STRING, "in_title": _BOOL,
    "sentence_start": _INT, "trigger": _STRING, "trigger_start": _INT, "trigger_end": _INT,
    "source_start": _INT, "target_start": _INT, "cameo": _STRING, "cameo_root": _STRING,
    "quad_class": _INT, "goldstein": _FLOAT, "plover": _STRING, "plover_mode": _STRING,
    "negated": _BOOL, "modality": _STRING, "date": _STRING, "date_precision": _STRING,
    "article_date": _STRING, "source_code": _STRING, "source_country": _STRING,
    "source_name": _STRING, "source_sectors": _STRINGS, "target_code": _STRING,
    "target_country": _STRING, "target_name": _STRING, "target_sectors": _STRINGS,
    "location_name": _STRING, "location_country": _STRING, "lat": _FLOAT, "lon": _FLOAT,
    "geonameid": _INT, "url": _STRING, "confidence": _FLOAT, "coder_version": _STRING,
    "record": _STRING,
}
MENTION_SCHEMA = pa.schema(list(MENTION_FIELDS.items()))

ARTICLE_SCHEMA = pa.schema([
    ("article_id", _STRING), ("content_hash", _STRING), ("seq", _INT), ("title", _STRING),
    ("text", _STRING), ("date", _STRING), ("url", _STRING), ("source", _STRING),
    ("language", _STRING), ("origin", _STRING), ("n_mentions", _INT),
])

# Sentences up to this index (0 = headline) count as the lead: GDELT's IsRootEvent.
LEAD_SENTENCES = 2

# Consulting (meet, phone, negotiate) is mutual: "A met B" and "B met A" are one meeting, so for
# these roots the dyad is unordered. For all others, who acted on whom matters.
SYMMETRIC_ROOTS = "('04')"
# With one actor only, "Russia said ..." would gather every Russian statement of the day into
# one event (seen on the world-news corpus): such one-sided statements stay apart, and other
# one-sided mentions merge only on the same full CAMEO code, not just its root.
ONE_SIDED_UNMERGED_ROOTS = "('01')"

# The batch with its merge keys, computed once: every statement below reads it. ``pass`` 0 holds
# the mentions with a known place (and those that never merge), 1 those whose place is unknown,
# which go second so that they can join events that mentions with a known place found earlier
# in the same batch.
_STAGE = f"""
CREATE OR REPLACE TEMP TABLE stage_all AS
SELECT *, CASE WHEN place_key IS NOT NULL OR merge_key IS NULL OR merge_date IS NULL
               THEN 0 ELSE 1 END AS pass
FROM (
SELECT m.*,
       coalesce(TRY_CAST(m.date AS DATE), TRY_CAST(m.article_date AS DATE)) AS merge_date,
       CASE WHEN m.source_code IS NULL AND m.target_code IS NULL THEN NULL
            WHEN m.source_code IS NULL OR m.target_code IS NULL THEN
                CASE WHEN m.cameo_root NOT IN {ONE_SIDED_UNMERGED_ROOTS} THEN
                    concat_ws('|', m.cameo, CAST(m.negated AS INTEGER),
                              coalesce(m.source_code, ''), coalesce(m.target_code, ''))
                END
            WHEN m.cameo_root IN {SYMMETRIC_ROOTS} THEN
                concat_ws('|', m.cameo_root, CAST(m.negated AS INTEGER),
                          least(coalesce(m.source_code, ''), coalesce(m.target_code, '')),
                          greatest(coalesce(m.source_code, ''), coalesce(m.target_code, '')))
            ELSE concat_ws('|', m.cameo_root, CAST(m.negated AS INTEGER),
                           coalesce(m.source_code, ''), coalesce(m.target_code, ''))
       END AS merge_key,
       coalesce(CAST(m.geonameid AS VARCHAR), lower(trim(m.location_name))) AS place_key
FROM batch_mentions m
)
"""

# Each staged mention that matches a stored event: the nearest date, then the best-attested
# event (most mentions), then the smallest id.
_MATCH_STORED = """
CREATE OR REPLACE TEMP TABLE matched AS
SELECT s.mention_id, e.event_id
FROM stage s JOIN events e
  ON e.merge_key = s.merge_key
 AND e.date BETWEEN s.merge_date - 1 AND s.merge_date + 1
 AND (s.place_key IS NULL OR e.place_key IS NULL OR s.place_key = e.place_key)
QUALIFY row_number() OVER (
    PARTITION BY s.mention_id
    ORDER BY abs(date_diff('day', e.date, s.merge_date)), e.num_mentions DESC, e.event_id
) = 1
"""

# The others are chained by date within (merge key, place): a gap of more than a day starts a
# new chain; a mention without merge key or date is a chain of its own. Only the keys go through
# the window functions: carrying whole rows through them costs ten times more.
_CHAIN_NEW = """
CREATE OR REPLACE TEMP TABLE chained AS
WITH unmatched AS (
    SELECT mention_id, merge_key, coalesce(place_key, '') AS place, merge_date, seq
    FROM stage ANTI JOIN matched USING (mention_id)
), starts AS (
    SELECT *,
           CASE WHEN merge_key IS NOT NULL
                 AND merge_date - lag(merge_date) OVER chain <= 1 THEN 0 ELSE 1 END AS starts_chain
    FROM unmatched
    WINDOW chain AS (PARTITION BY merge_key, place ORDER BY merge_date, seq, mention_id)
), numbered AS (
    SELECT *, sum(starts_chain) OVER (
        PARTITION BY merge_key, place ORDER BY merge_date, seq, mention_id
        ROWS UNBOUNDED PRECEDING) AS chain_number
    FROM starts
), founders AS (
    SELECT merge_key, place, chain_number,
           arg_min(mention_id, {'date': merge_date, 'seq': seq, 'id': mention_id}) AS founder
    FROM numbered GROUP BY ALL
)
SELECT n.mention_id, f.founder
FROM numbered n JOIN founders f
  ON n.merge_key IS NOT DISTINCT FROM f.merge_key AND n.place = f.place
 AND n.chain_number = f.chain_number
"""

# A new event's id derives from its founding mention's id (sha256, as event_id_for does).
_NEW_IDS = """
CREATE OR REPLACE TEMP TABLE new_ids AS
SELECT founder, event_id, ('0x' || substr(event_id, 1, 15))::BIGINT AS global_event_id
FROM (SELECT DISTINCT founder, substr(sha256('event' || chr(31) || founder), 1, 16) AS event_id
      FROM chained)
"""

# Which event each mention of this pass belongs to.
_ASSIGN = """
CREATE OR REPLACE TEMP TABLE assigned AS
SELECT mention_id, event_id FROM matched
UNION ALL
SELECT c.mention_id, n.event_id FROM chained c JOIN new_ids n USING (founder)
"""

def _counts(mentions: str) -> str:
    """NumMentions, NumArticles, NumSources per event of ``mentions`` (event_id, article_id,
    publisher). Distinct pairs are counted by grouping twice: count(DISTINCT) per group keeps a
    hash set for each of 100k groups and is far slower."""
    return f"""
    WITH m AS ({mentions}),
    per_article AS (SELECT event_id, article_id, count(*) AS n FROM m GROUP BY ALL),
    per_source AS (SELECT DISTINCT event_id, coalesce(publisher, article_id) AS source FROM m)
    SELECT a.event_id, a.n_mentions, a.n_articles, s.n_sources
    FROM (SELECT event_id, sum(n) AS n_mentions, count(*) AS n_articles
          FROM per_article GROUP BY event_id) a
    JOIN (SELECT event_id, count(*) AS n_sources FROM per_source GROUP BY event_id) s
      USING (event_id)"""


# Most new events have one mention (counts 1, 1, 1): only chains of several mentions are
# counted, keyed by their founder.
_CHAINS_OF_SEVERAL = """
SELECT c.founder AS event_id, s.article_id, s.publisher
FROM chained c JOIN stage s USING (mention_id)
WHERE c.founder IN (SELECT founder FROM chained GROUP BY founder HAVING count(*) > 1)"""

_INSERT_EVENTS = f"""
INSERT INTO events
SELECT n.event_id, n.global_event_id, s.merge_key, s.place_key, s.merge_date,
       CASE WHEN TRY_CAST(s.date AS DATE) IS NOT NULL THEN s.date_precision ELSE 'day' END,
       s.cameo, s.cameo_root, s.quad_class, s.goldstein, s.plover, s.plover_mode, s.negated,
       s.modality, s.source_code, s.source_country, s.source_name, s.source_sectors,
       s.target_code, s.target_country, s.target_name, s.target_sectors,
       s.location_name, s.location_country, s.lat, s.lon, s.geonameid, s.sentence, s.trigger,
       s.sentence_index <= {LEAD_SENTENCES}, s.mention_id, s.article_id, s.url,
       TRY_CAST(s.article_date AS DATE), coalesce(c.n_mentions, 1), coalesce(c.n_sources, 1),
       coalesce(c.n_articles, 1)
FROM new_ids n
JOIN stage s ON s.mention_id = n.founder
LEFT JOIN ({_counts(_CHAINS_OF_SEVERAL)}) c ON c.event_id = n.founder
"""

_INSERT_MENTIONS = """
INSERT INTO mentions
SELECT s.mention_id, a.event_id, s.coded_event_id, s.article_id, s.seq,
       s.publisher, s.sentence_index, s.sentence, s.in_title, s.sentence_start, s.trigger,
       s.trigger_start, s.trigger_end, s.source_start, s.target_start, s.cameo, s.cameo_root,
       s.quad_class, s.goldstein, s.plover, s.plover_mode, s.source_code, s.target_code,
       s.negated, s.modality, TRY_CAST(s.date AS DATE), s.date_precision, s.location_name,
       s.confidence, s.coder_version, s.record
FROM stage s JOIN assigned a USING (mention_id)
"""

# New events got their counts when inserted; those that gained mentions are recounted.
_UPDATE_COUNTS = f"""
UPDATE events SET num_mentions = c.n_mentions, num_sources = c.n_sources,
                  num_articles = c.n_articles
FROM ({_counts("SELECT event_id, article_id, publisher FROM mentions "
               "WHERE event_id IN (SELECT event_id FROM matched)")}) c
WHERE events.event_id = c.event_id
"""

_UPSERT_ACTORS = """
INSERT INTO actors
SELECT code, name, any_value(country), any_value(sectors), count(*)
FROM (
    SELECT source_code AS code, coalesce(source_name, '') AS name, source_country AS country,
           source_sectors AS sectors FROM stage_all WHERE source_code IS NOT NULL
    UNION ALL
    SELECT target_code, coalesce(target_name, ''), target_country, target_sectors
    FROM stage_all WHERE target_code IS NOT NULL
)
GROUP BY code, name
ON CONFLICT (code, name) DO UPDATE SET num_mentions = actors.num_mentions + excluded.num_mentions
"""


def event_id_for(founder_mention_id: str) -> str:
    """The id of the event a mention founds (the same digest _NEW_IDS computes in SQL)."""
    return hashlib.sha256(f"event\x1f{founder_mention_id}".encode()).hexdigest()[:16]


def global_event_id(event_id: str) -> int:
    """GDELT's integer GLOBALEVENTID: the first 15 hex digits of the event id (fits BIGINT)."""
    return int(event_id[:15], 16)


def write_batch(
    con: duckdb.DuckDBPyConnection, articles: pa.Table, mentions: pa.Table,
    own_transaction: bool = True,
) -> dict[str, int]:
    """Insert a batch of new articles and their mentions in one transaction, merging events.

    The caller has left out articles already stored. Returns counts of what was written.
    ``own_transaction=False``: the caller holds a transaction around several batches (re-code).
    """
    if not own_transaction:
        return _write_counted(con, articles, mentions)
    con.execute("BEGIN TRANSACTION").fetchall()
    try:
        counts = _write_counted(con, articles, mentions)
        con.execute("COMMIT").fetchall()
    except BaseException:
        con.execute("ROLLBACK").fetchall()
        raise
    return counts


def _write_counted(
    con: duckdb.DuckDBPyConnection, articles: pa.Table, mentions: pa.Table
) -> dict[str, int]:
    """Write the batch, then reconcile the counts of the events its mentions joined."""
    written = _write(con, articles, mentions)
    reconcile_batch(con, mentions)
    return written


def _write(
    con: duckdb.DuckDBPyConnection, articles: pa.Table, mentions: pa.Table
) -> dict[str, int]:
    con.register("batch_articles", articles)
    con.register("batch_mentions", mentions)
    try:
        con.execute(
            "INSERT INTO articles SELECT article_id, content_hash, seq, title, text, "
            "TRY_CAST(date AS DATE), url, source, language, origin, n_mentions FROM batch_articles"
        ).fetchall()
        con.execute(_STAGE).fetchall()
        counts = {"articles": articles.num_rows, "mentions": mentions.num_rows,
                  "new_events": 0, "merged_into_stored": 0}
        passes = [row[0] for row in con.execute(
            "SELECT DISTINCT pass FROM stage_all ORDER BY pass").fetchall()]
        for number in passes:  # an int from stage_all, never user input
            con.execute(
                f"CREATE OR REPLACE TEMP VIEW stage AS SELECT * FROM stage_all WHERE pass = {number}"
            ).fetchall()
            for statement in (_MATCH_STORED, _CHAIN_NEW, _NEW_IDS, _ASSIGN, _INSERT_EVENTS,
                              _INSERT_MENTIONS, _UPDATE_COUNTS):
                con.execute(statement).fetchall()
            counts["new_events"] += _count(con, "new_ids")
            counts["merged_into_stored"] += _count(con, "matched")
        con.execute(_UPSERT_ACTORS).fetchall()
        con.execute("DROP VIEW IF EXISTS stage; DROP TABLE stage_all").fetchall()  # free memory
        return counts
    finally:
        for name in ("batch_articles", "batch_mentions"):
            con.unregister(name)


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    # ``table`` is always one of this module's temp tables, never user input.
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])


def arrow_tables(
    article_rows: list[dict[str, Any]], mention_rows: list[dict[str, Any]]
) -> tuple[pa.Table, pa.Table]:
    return (
        pa.Table.from_pylist(article_rows, schema=ARTICLE_SCHEMA),
        pa.Table.from_pylist(
            [{name: row.get(name) for name in MENTION_FIELDS} for row in mention_rows],
            schema=MENTION_SCHEMA,
        ),
    )
