"""Write one batch of articles and mentions, merging mentions of the same real event (GDELT-style).

Merging is by evidence (rules and weights in ``data/merge_rules.yaml``). Two mentions may report
the same event when nothing forbids it:

- the same kind of event (CAMEO root, or roots listed as one kind) and the same negation;
- dates within a window that depends on what the coder knew of each side (two days for two days
  the sentences state, three for two publication days, the day an undated event is given; a
  stated day up to three days before the other's publication day, the latest the event can be;
  half a month for a month; a year only never merges);
- no actor conflict: on each side (source, target) either one is missing or both are of the same
  country (a person and their government agree); for symmetric acts (meet, cooperate) the dyad
  may be reversed; sectors that disagree are forgiven for a material act in two articles whose
  leads tell one event (``leads_forgive``);
- no place conflict: the same place, one inside the other (a country or first-level region holds
  its towns), within ``near_km``, or one place unknown;
- no count conflict (one killed is not twelve) and not two different people or things named
  (two named victims; "Hugh Jackman" and "Ellen DeGeneres" hosting the Oscars).

Among the allowed candidates a score adds points for agreement (same actor codes, same place,
same stated day, same full CAMEO code, the sentences' shared content words, numbers and names); a
mention joins its best candidate at or above the threshold. An unknown place or actor earns
nothing, so a mention without a place needs other evidence and is no wildcard.

Candidates come from an equi-join on *anchors* (kind | country, actor, place or name) and day,
within the batch and against ``event_anchors`` of stored events, so a batch of 500k mentions
costs a few set-based statements; the join keeps only pairs whose dyads agree (each anchor row
holds its event's countries), as one country alone matches most of a large store. The days by
which a stated day may precede a publication day beyond ``days.dated`` are joined only against
stored events dated by their publication day (each anchor row says whether it is). Candidates
that a conflict of actors, place, code, counts or dates rules out (most of the rest) are dropped
before the sentences' content words, the costly part, are computed.
A mention links to its best candidate: a stored event (it joins
it: the event keeps its id) or an earlier mention of the batch (ordered by date, ingest order,
id). Links are followed to their root mention, which founds a new event whose id derives from its
own id, so the same input gives the same ids. A mention whose root it conflicts with (a placeless
mention between Sicily and California) is cut off and takes its next best candidate outside
that tree, else founds its own event. Why each mention
joined (score and evidence) goes to ``merge_evidence``.

This module runs the procedure; the rules as SQL expressions are in ``merge_scoring.py``, the
Arrow tables of a batch in ``merge_arrow.py`` and the ids of events in ``merge_ids.py``.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from eventwire.store.counts import EVENT_COLUMNS, counted_mention_ids, reconcile_sql
from eventwire.store.merge_arrow import ARTICLE_SCHEMA, MENTION_FIELDS, MENTION_SCHEMA, arrow_tables
from eventwire.store.merge_candidates import candidates_sql, stage_anchors_sql
from eventwire.store.merge_ids import NEW_IDS, event_id_for, global_event_id
from eventwire.store.merge_places import wide_places
from eventwire.store.merge_scoring import (
    content_sql,
    context_sql,
    lag_days,
    merge_rules,
    names_sql,
    pair_sql,
    places_apart_sql,
    plausible_sql,
    sentence_day_sql,
    side_sql,
    window_sql,
)

# Kept importable from here, where callers found them before the split.
__all__ = ["ARTICLE_SCHEMA", "LEAD_SENTENCES", "MENTION_FIELDS", "MENTION_SCHEMA", "arrow_tables",
           "event_id_for", "global_event_id", "merge_rules", "wide_places", "write_batch"]

# Sentences up to this index (0 = headline) count as the lead: GDELT's IsRootEvent.
LEAD_SENTENCES = 2
# Links are followed to their root in at most this many rounds (each halves the depth).
_MAX_JUMPS = 64


def _stage() -> str:
    """The batch with what merging compares, computed once; ``ord`` orders it (earlier first).
    Only the keys are sorted: sorting whole rows costs three times more; the order is joined back
    on the row's position in the batch (``_row``: an integer; joining the id strings cost a
    tenth of the statement). Every column is kept:
    the inserts read them here (each scan of the Arrow batch costs as much as this copy)."""
    merge_date = "coalesce(TRY_CAST(m.date AS DATE), TRY_CAST(m.article_date AS DATE))"
    before, after = window_sql()
    return f"""
CREATE OR REPLACE TEMP TABLE stage AS
WITH ordered AS (
    SELECT _row, row_number() OVER (ORDER BY merge_date, seq, mention_id) AS ord
    FROM (SELECT m._row, m.seq, m.mention_id, {merge_date} AS merge_date FROM batch_mentions m)
)
SELECT * EXCLUDE (_row), list_distinct(list_filter([coalesce(source_country, source_code),
                                     coalesce(target_country, target_code),
                                     coalesce(location_country, place_key)] || names,
                                    lambda a: a IS NOT NULL)) AS anchors
FROM (
    SELECT m.*, {merge_date} AS merge_date, {before} AS days_before, {after} AS days_after,
           {sentence_day_sql('m.date', 'm.article_date')} AS sentence_day,
           TRY_CAST(m.date AS DATE) IS NULL AND m.date_precision = 'month' AS month_day,
           {side_sql('m', terms=False)}
    FROM batch_mentions m
) JOIN ordered USING (_row)
"""


def _stage_terms() -> str:
    """The content words of the batch mentions that have a candidate (most have none)."""
    return f"""
CREATE OR REPLACE TEMP TABLE stage_terms AS
SELECT s.mention_id, {content_sql('s')}, {context_sql('a')} AS context
FROM stage s LEFT JOIN articles a USING (article_id)
WHERE s.ord IN (SELECT later FROM batch_candidates UNION ALL SELECT earlier FROM batch_candidates)
   OR s.mention_id IN (SELECT mention_id FROM stored_candidates)
"""


def _stored_sides() -> str:
    """The stored events that are candidates, with what merging compares but their content
    words (computed later, for the events that stay candidates). They are found by their
    integer ``global_event_id`` (derived from the event id, ``merge_ids``), then their ids are
    checked: matching every stored event's id string took 0.4 s of CPU per batch at 10M events,
    the integers 0.08 s."""
    return f"""
CREATE OR REPLACE TEMP TABLE stored_sides AS
SELECT e.event_id, e.date AS merge_date, e.cameo, e.cameo_root, e.source_code, e.target_code,
       e.source_name, e.target_name, e.first_article_id AS article_id,
       e.location_country, e.lat, e.lon, e.sentence,
       {sentence_day_sql('e.date', 'e.first_seen')} AS sentence_day, false AS month_day,
       {side_sql('e', terms=False, names=False, counts='c')}
FROM (WITH found AS MATERIALIZED (
          SELECT * FROM events WHERE global_event_id IN (
              SELECT ('0x' || substr(event_id, 1, 15))::BIGINT FROM stored_candidates))
      SELECT * FROM found) e
LEFT JOIN event_counts c USING (event_id)
WHERE e.event_id IN (SELECT event_id FROM stored_candidates)
"""


def _plausible_candidates() -> str:
    """Drop the candidates that a conflict of actors, place or code rules out (most of them):
    the content words, the costliest part of a pair, are then computed for few mentions."""
    return f"""
CREATE OR REPLACE TEMP TABLE stored_candidates AS
SELECT c.mention_id, c.event_id FROM stored_candidates c JOIN stage s USING (mention_id)
JOIN stored_sides e ON e.event_id = c.event_id WHERE {plausible_sql('s', 'e')};
CREATE OR REPLACE TEMP TABLE batch_candidates AS
SELECT c.later, c.earlier FROM batch_candidates c JOIN stage s ON s.ord = c.later
JOIN stage o ON o.ord = c.earlier WHERE {plausible_sql('s', 'o')}
"""


def _stored_terms() -> str:
    return f"""
CREATE OR REPLACE TEMP TABLE stored_terms AS
SELECT e.*, {content_sql('e')}, {names_sql('e')} AS names, {context_sql('a')} AS context
FROM stored_sides e LEFT JOIN articles a ON a.article_id = e.article_id
WHERE e.event_id IN (SELECT event_id FROM stored_candidates)
"""

def _links() -> str:
    """Each mention's best allowed candidate at or above the threshold: a stored event, else an
    earlier mention of the batch (the higher score wins; stored events first on a tie)."""
    threshold = float(merge_rules()["threshold"])
    stored = pair_sql("s", "e", "stored_candidates c JOIN stage s USING (mention_id) "
                   "JOIN stage_terms st USING (mention_id) "
                   "JOIN stored_terms e ON e.event_id = c.event_id",
                   "s.mention_id, e.event_id AS candidate, NULL::BIGINT AS candidate_ord",
                   "st", "e")
    batch = pair_sql("s", "o", "batch_candidates c JOIN stage s ON s.ord = c.later "
                  "JOIN stage o ON o.ord = c.earlier JOIN stage_terms st ON st.mention_id = "
                  "s.mention_id JOIN stage_terms ot ON ot.mention_id = o.mention_id",
                  "s.mention_id, o.mention_id AS candidate, o.ord AS candidate_ord",
                  "st", "ot")
    return f"""
CREATE OR REPLACE TEMP TABLE link_options AS
SELECT mention_id, candidate, candidate_ord, score, evidence FROM (
    SELECT mention_id, candidate, candidate_ord, score, evidence, ok FROM ({stored})
    UNION ALL
    SELECT mention_id, candidate, candidate_ord, score, evidence, ok FROM ({batch})
)
WHERE ok AND score >= {threshold};
{_BEST_LINKS}
"""


# Each mention's best option (the higher score wins; stored events first on a tie).
_BEST_LINKS = """
CREATE OR REPLACE TEMP TABLE links AS
SELECT * FROM link_options
QUALIFY row_number() OVER (PARTITION BY mention_id
                           ORDER BY score DESC, candidate_ord NULLS FIRST, candidate) = 1
"""


# Every mention with its parent: the stored event it joins (``joins``), or the earlier batch
# mention it links to, or none (it founds an event). ``root`` starts as the parent.
_TREE = """
CREATE OR REPLACE TEMP TABLE tree AS
SELECT s.mention_id, s.ord,
       CASE WHEN l.candidate_ord IS NULL THEN l.candidate END AS joins,
       coalesce(l.candidate_ord, s.ord) AS root
FROM stage s LEFT JOIN links l USING (mention_id)
"""

# One round of pointer jumping: each mention's root becomes its root's root.
_JUMP = """
CREATE OR REPLACE TEMP TABLE tree AS
SELECT t.mention_id, t.ord, t.joins, r.root FROM tree t JOIN tree r ON r.ord = t.root
"""
_UNSETTLED = "SELECT count(*) FROM tree t JOIN tree r ON r.ord = t.root WHERE r.root <> t.root"


def _conflicts() -> str:
    """Mentions that reached, through links, a root they may not merge with (a placeless mention
    between two places), or whose specific place is far from the first specific place of their
    tree (a root without a place, or with only a country, that mentions of Sicily and of
    California both joined): their link is cut and they found their own event."""
    check = pair_sql("s", "r", "tree t JOIN stage s USING (mention_id) JOIN stage r ON r.ord = t.root "
                  "JOIN stage_terms st ON st.mention_id = s.mention_id "
                  "JOIN stage_terms rt ON rt.mention_id = r.mention_id WHERE t.root <> t.ord",
                  "s.mention_id", "st", "rt")
    specific = "{0}.lat IS NOT NULL AND {0}.place_key IS NOT NULL AND NOT {0}.wide_place"
    return f"""
CREATE OR REPLACE TEMP TABLE cut AS
SELECT mention_id FROM ({check}) WHERE NOT ok
UNION
SELECT s.mention_id
FROM tree t JOIN stage s USING (mention_id)
JOIN (SELECT root, min(ord) AS first FROM (
          SELECT t.root, t.ord FROM tree t JOIN stage s USING (mention_id)
          WHERE {specific.format('s')}) GROUP BY root) f ON f.root = t.root
JOIN stage a ON a.ord = f.first
WHERE t.ord <> f.first AND {specific.format('s')} AND {places_apart_sql('s', 'a')}"""


_CUT = """
DELETE FROM links WHERE mention_id IN (SELECT mention_id FROM cut)
"""

# A cut mention's options that lead into the tree it conflicts with (a candidate of the batch
# with the same root) are dropped; its next best option, if any, is taken instead: one bad
# first choice (a placeless report between two places) does not leave it alone.
_DROP_OPTIONS = """
DELETE FROM link_options o USING tree t, tree c
WHERE o.mention_id IN (SELECT mention_id FROM cut) AND t.mention_id = o.mention_id
  AND c.ord = o.candidate_ord AND c.root = t.root
  AND c.mention_id NOT IN (SELECT mention_id FROM cut)
"""

# Which event each mention belongs to: its root's stored event, else the one its root founded.
_ASSIGN = """
CREATE OR REPLACE TEMP TABLE assigned AS
SELECT t.mention_id, t.ord, coalesce(r.joins, n.event_id) AS event_id
FROM tree t JOIN tree r ON r.ord = t.root LEFT JOIN new_ids n ON n.founder_ord = r.ord
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


# Most new events have one mention (counts 1, 1, 1): only events of several mentions are counted.
# A new event's mentions are those of its founder's tree (integers: grouping the mentions' event
# ids cost more).
_NEW_OF_SEVERAL = """
SELECT n.event_id, s.article_id, s.publisher
FROM tree t JOIN new_ids n ON n.founder_ord = t.root JOIN stage s ON s.ord = t.ord
WHERE t.root IN (SELECT root FROM tree GROUP BY root HAVING count(*) > 1)"""

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
JOIN stage s ON s.ord = n.founder_ord
LEFT JOIN ({_counts(_NEW_OF_SEVERAL)}) c ON c.event_id = n.event_id
"""

# The anchors by which later mentions find a new event: its founder's (``stage_anchors``), on its
# founder's day, with its actors' countries (the candidate join's dyad test) and whether that day
# is its article's publication day (the lag probes look for those alone).
_INSERT_ANCHORS = """
INSERT INTO event_anchors (key, date, event_id, src, tgt, published)
SELECT a.key, a.day, n.event_id, a.src, a.tgt, a.published
FROM new_ids n JOIN stage_anchors a ON a.ord = n.founder_ord
"""

# Why each mention that joined an event did: the link it took, its score and evidence.
_INSERT_EVIDENCE = """
INSERT INTO merge_evidence
SELECT l.mention_id, a.event_id, l.candidate,
       CASE WHEN l.candidate_ord IS NULL THEN 'event' ELSE 'mention' END, l.score,
       to_json(l.evidence)
FROM links l JOIN assigned a USING (mention_id)
"""

_INSERT_MENTIONS = """
INSERT INTO mentions
SELECT s.mention_id, a.event_id, s.coded_event_id, s.article_id, s.seq,
       s.publisher, s.sentence_index, s.sentence, s.in_title, s.sentence_start, s.trigger,
       s.trigger_start, s.trigger_end, s.source_start, s.target_start, s.cameo, s.cameo_root,
       s.quad_class, s.goldstein, s.plover, s.plover_mode, s.source_code, s.target_code,
       s.negated, s.modality, TRY_CAST(s.date AS DATE), s.date_precision, s.location_name,
       s.confidence, s.coder_version, s.record
FROM stage s JOIN assigned a ON a.ord = s.ord
"""

# New events got their counts when inserted; those that gained mentions are recounted.
_UPDATE_COUNTS = f"""
UPDATE events SET num_mentions = c.n_mentions, num_sources = c.n_sources,
                  num_articles = c.n_articles
FROM ({_counts("SELECT event_id, article_id, publisher FROM mentions "
               "WHERE event_id IN (SELECT joins FROM tree WHERE joins IS NOT NULL)")}) c
WHERE events.event_id = c.event_id
"""

_UPSERT_ACTORS = """
INSERT INTO actors
SELECT code, name, any_value(country), any_value(sectors), count(*)
FROM (
    SELECT source_code AS code, coalesce(source_name, '') AS name, source_country AS country,
           source_sectors AS sectors FROM stage WHERE source_code IS NOT NULL
    UNION ALL
    SELECT target_code, coalesce(target_name, ''), target_country, target_sectors
    FROM stage WHERE target_code IS NOT NULL
)
GROUP BY code, name
ON CONFLICT (code, name) DO UPDATE SET num_mentions = actors.num_mentions + excluded.num_mentions
"""


def write_batch(
    con: duckdb.DuckDBPyConnection, articles: pa.Table, mentions: pa.Table,
    own_transaction: bool = True,
) -> dict[str, int]:
    """Insert a batch of new articles and their mentions in one transaction, merging events.

    The caller has left out articles already stored. Returns counts of what was written.
    ``own_transaction=False``: the caller holds a transaction around several batches (re-code).
    """
    if not own_transaction:
        return _write(con, articles, mentions)
    con.execute("BEGIN TRANSACTION").fetchall()
    try:
        counts = _write(con, articles, mentions)
        con.execute("COMMIT").fetchall()
    except BaseException:
        con.execute("ROLLBACK").fetchall()
        raise
    return counts


def _write(
    con: duckdb.DuckDBPyConnection, articles: pa.Table, mentions: pa.Table
) -> dict[str, int]:
    con.register("batch_articles", articles)
    # ``_row``: each mention's position, by which _stage joins its order back
    con.register("batch_mentions", mentions.append_column(
        "_row", pa.array(np.arange(mentions.num_rows, dtype=np.int64))))
    con.register("wide_places", wide_places())
    try:
        con.execute(
            "INSERT INTO articles SELECT article_id, content_hash, seq, title, text, "
            "TRY_CAST(date AS DATE), url, source, language, origin, n_mentions FROM batch_articles"
        ).fetchall()
        lag = _lag(con)
        for statement in (_stage(), stage_anchors_sql()):
            con.execute(statement).fetchall()
        partial = bool(con.execute("SELECT count(*) FROM (SELECT 1 FROM stage_anchors "
                                   "WHERE src IS NULL OR tgt IS NULL LIMIT 1)").fetchall()[0][0])
        for statement in (candidates_sql(lag, partial), _stored_sides(), _plausible_candidates(),
                          _stage_terms(), _stored_terms(), _links()):
            con.execute(statement).fetchall()
        _settle(con)
        for statement in (NEW_IDS, _ASSIGN, _INSERT_EVENTS, _INSERT_ANCHORS, _INSERT_MENTIONS,
                          _INSERT_EVIDENCE, _UPDATE_COUNTS, _UPSERT_ACTORS):
            con.execute(statement).fetchall()
        _reconcile(con, mentions)
        counts = {"articles": articles.num_rows, "mentions": mentions.num_rows,
                  "new_events": _count(con, "new_ids"),
                  "merged_into_stored": int(con.execute(
                      "SELECT count(*) FROM tree WHERE joins IS NOT NULL").fetchall()[0][0])}
        con.execute("DROP TABLE stage; DROP TABLE stage_anchors; DROP TABLE stage_terms"
                    ).fetchall()
        return counts
    finally:
        for name in ("batch_articles", "batch_mentions", "wide_places"):
            con.unregister(name)


def _lag(con: duckdb.DuckDBPyConnection) -> tuple[int, int] | None:
    """The ``lag_days`` when the store holds an event dated by its publication day, the only
    kind those days may find; else None (no lag probes, no second join: a store of events whose
    sentences all state their day, as the synthetic bulk load's, pays nothing for them)."""
    lag = lag_days()
    if lag is None:
        return None
    found = con.execute("SELECT 1 FROM event_anchors WHERE published LIMIT 1").fetchall()
    return lag if found else None


# The events whose counts the batch changes: those of its counted mentions (``counted_mentions``);
# ``new``: founded by this batch, so all their mentions and their row are the batch's own.
_COUNTED_EVENTS = """
CREATE OR REPLACE TEMP TABLE counted_events AS
SELECT DISTINCT event_id, event_id IN (SELECT event_id FROM new_ids) AS new
FROM assigned WHERE mention_id IN (SELECT mention_id FROM counted_mentions)
"""
_BATCH_MENTION_RECORDS = "(SELECT a.event_id, s.record FROM assigned a JOIN stage s ON s.ord = a.ord)"
# The rows of the new events as _INSERT_EVENTS writes them (``date`` is the merge date).
_NEW_EVENT_ROWS = ("(SELECT n.event_id, " + ", ".join(
    f"s.merge_date AS {name}" if name == "date" else f"s.{name}" for name in EVENT_COLUMNS)
    + " FROM new_ids n JOIN stage s ON s.ord = n.founder_ord)")


def _reconcile(con: duckdb.DuckDBPyConnection, mentions: pa.Table) -> None:
    """Recompute ``event_counts`` for the events the batch's counted mentions belong to: those
    stored before from the store's tables, those the batch founded from its own rows (reading
    the whole store's mentions and events for them cost more than the rest of the counting)."""
    counted = counted_mention_ids(mentions)
    if counted.num_rows == 0:
        return
    con.register("counted_mentions", counted)
    try:
        con.execute(_COUNTED_EVENTS).fetchall()
        stored = "SELECT event_id FROM counted_events WHERE NOT new"
        if con.execute(f"SELECT count(*) FROM ({stored})").fetchall()[0][0]:
            con.execute(f"DELETE FROM event_counts WHERE event_id IN ({stored})").fetchall()
            con.execute(f"INSERT INTO event_counts BY NAME {reconcile_sql(stored)}").fetchall()
        con.execute("INSERT INTO event_counts BY NAME " + reconcile_sql(
            "SELECT event_id FROM counted_events WHERE new", _BATCH_MENTION_RECORDS, _NEW_EVENT_ROWS)
        ).fetchall()
    finally:
        con.unregister("counted_mentions")


def _settle(con: duckdb.DuckDBPyConnection, rounds: int = 3) -> None:
    """Follow links to their roots; cut the links of mentions that conflict with their root and
    follow again (a cut mention founds an event that its own followers then join)."""
    for round_ in range(rounds):
        _follow(con)
        con.execute(_conflicts()).fetchall()
        if not _count(con, "cut"):
            return
        if round_ < rounds - 1:
            con.execute(_DROP_OPTIONS).fetchall()
            con.execute(_BEST_LINKS).fetchall()
        else:
            con.execute(_CUT).fetchall()
    _follow(con)  # the last cut stands: its mentions found their own events


def _follow(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(_TREE).fetchall()
    for _ in range(_MAX_JUMPS):
        if not con.execute(_UNSETTLED).fetchall()[0][0]:
            return
        con.execute(_JUMP).fetchall()


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    # ``table`` is always one of this module's temp tables, never user input.
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])
