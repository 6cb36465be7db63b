"""The candidate joins of merging (``merge.py``): which stored events and which other mentions of
the batch a mention is compared with.

A mention's *anchors* (kind | country, actor, place or name) on its own day are in
``stage_anchors``; its *probes* are its anchors on each day of its window. A pair is a candidate
when a probe of one side meets an anchor of the other (same key, same day) and their dyads agree
(``dyad_sql``). Probes are never stored: each join makes those it needs from ``stage`` or
``stage_anchors`` as it reads them (a table of every probe, five rows per anchor, cost as much
to write as all the joins that read it).

Most mentions and events know both their actors' countries. Two such sides agree only on the
same dyad (or the reversed one, for symmetric roots), and then the source country of one is an
anchor of both: those pairs are an equi-join on kind, dyad and day through that one anchor, with
one probe row per day instead of one per anchor and day. The sides with an unknown actor (few)
are matched through all their anchors, as the general rule says.
"""

from __future__ import annotations

from eventwire.store.merge_scoring import dyad_sql, symmetric_sql

_WINDOW = "range(-days_before, days_after + 1)"
_HAS_WINDOW = "days_before IS NOT NULL AND merge_date IS NOT NULL"
_BOTH = "{0}.src IS NOT NULL AND {0}.tgt IS NOT NULL"
_PARTIAL = "({0}.src IS NULL OR {0}.tgt IS NULL)"


def stage_anchors_sql() -> str:
    """Each mention's anchors on its own day, with its window, its actors' countries (the joins
    keep only pairs whose dyads agree), whether its root is symmetric and whether its day is its
    article's publication day (anchors of new events carry that: ``_INSERT_ANCHORS``)."""
    return f"""
CREATE OR REPLACE TEMP TABLE stage_anchors AS
SELECT mention_id, ord, merge_key || '|' || unnest(anchors) AS key, merge_date AS day, days_before,
       days_after, src, tgt, {symmetric_sql('cameo_root')} AS sym, NOT sentence_day AS published
FROM stage WHERE {_HAS_WINDOW}"""


def _probes(days: str, where: str) -> str:
    """The probes of the ``stage_anchors`` rows that ``where`` keeps on the days of ``days``
    (a range of offsets from the anchor's day), as a subquery."""
    return (f"(SELECT mention_id, ord, key, day + CAST(unnest({days}) AS INTEGER) AS day, src, tgt, "
            f"sym FROM stage_anchors p WHERE {where})")


def _stored_matches(days: str, where: str, probes: str, anchors: str) -> str:
    """The stored events (rows of ``anchors``) sharing an anchor with a mention on the days of
    ``days`` (a range) around its day, for the mentions of ``stage`` that ``where`` keeps and
    those of ``stage_anchors`` that ``probes`` keeps, of an agreeing dyad (a necessary condition
    of ``plausible_sql``, checked in the join: one country per anchor matches most of a large
    store, and materialising those pairs, then reading their events, cost more than all the rest
    of a batch).

    A stored event of two known countries agrees with a mention of two only when it has the same
    dyad (or the reversed one, for symmetric roots), and then both have the mention's source
    country as an anchor: that case is an equi-join on the dyad through that one anchor. The
    events or mentions with an unknown side (few) are matched through all their anchors."""
    # The source-country probes of a mention of two known countries, made from ``stage`` with
    # their one key (making every anchor's probes, then keeping one key, cost twice as much).
    # The key is made once per mention, before its days are unnested (once per probe cost as
    # much as the unnesting).
    dyad_probes = (f"SELECT mention_id, key, day + CAST(unnest({days}) AS INTEGER) AS day, {{0}} "
                   f"FROM (SELECT mention_id, merge_key || '|' || src AS key, merge_date AS day, "
                   f"days_before, days_after, src, tgt FROM stage "
                   f"WHERE src IS NOT NULL AND tgt IS NOT NULL AND {where}{{1}})")
    return f"""
    SELECT p.mention_id, e.event_id
    FROM ({dyad_probes.format('src, tgt', '')}
          UNION ALL
          {dyad_probes.format('tgt, src', ' AND ' + symmetric_sql('cameo_root'))}) p
    JOIN {anchors} e ON e.key = p.key AND e.date = p.day AND e.src = p.src AND e.tgt = p.tgt
    UNION ALL
    SELECT p.mention_id, e.event_id
    FROM {_probes(days, f"{probes} AND {_BOTH.format('p')}")} p JOIN {anchors} e
      ON e.key = p.key AND e.date = p.day AND {dyad_sql('p', 'e', 'p.sym')}
    WHERE e.src IS NULL OR e.tgt IS NULL
    UNION ALL
    SELECT p.mention_id, e.event_id
    FROM {_probes(days, f"{probes} AND {_PARTIAL.format('p')}")} p JOIN {anchors} e
      ON e.key = p.key AND e.date = p.day AND {dyad_sql('p', 'e', 'p.sym')}"""


def _batch_dyads(probe: bool) -> str:
    """The batch's mentions of two known countries as one row per dyad (and one per reversed
    dyad, for the symmetric roots): on each day of their window (``probe``), else on their day.
    A probe's direct dyad meets a target's direct dyad (same dyad), a reversed one meets a
    direct one (the reversed dyad, when either root is symmetric: ``dyad_sql``)."""
    day = f"merge_date + CAST(unnest({_WINDOW}) AS INTEGER)" if probe else "merge_date"
    rows = (f"SELECT ord, merge_key, {{0}} AS a, {{1}} AS b, {day} AS day FROM stage "
            f"WHERE {_HAS_WINDOW} AND {_BOTH.format('stage')}")
    return (f"({rows.format('src', 'tgt')} UNION ALL "
            f"{rows.format('tgt', 'src')} AND {symmetric_sql('cameo_root')})")


def candidates_sql(lag: tuple[int, int] | None, partial: bool) -> str:
    """Candidates: stored events and other mentions of the batch sharing an anchor within the
    window, of an agreeing dyad (``_stored_matches``); a stated day's ``lag`` days only against
    stored events dated by their publication day (``event_anchors.published``: fewer rows to
    join than all of them). A pair of batch mentions is oriented from the later to the earlier
    one; a publication day's window holds the stated days up to ``lag`` before it, so the pairs
    of a batch need no lag probes. ``partial``: the batch has a mention with a window and an
    unknown side (``stage_anchors``), whose pairs are joined through all their anchors."""
    stored = _stored_matches(_WINDOW, _HAS_WINDOW, "true", "event_anchors")
    if lag is not None:
        stored += "\n    UNION ALL" + _stored_matches(
            f"range({lag[0]}, {lag[1] + 1})", f"{_HAS_WINDOW} AND sentence_day", "NOT p.published",
            "(SELECT * FROM event_anchors WHERE published)")
    # Two mentions of two known countries each: the dyad join. Any other pair is found from
    # either side (a probe of one meets an anchor of the other), as the general rule says.
    batch = f"""
SELECT p.ord AS p_ord, a.ord AS a_ord
FROM {_batch_dyads(True)} p JOIN {_batch_dyads(False)} a
  ON a.merge_key = p.merge_key AND a.a = p.a AND a.b = p.b AND a.day = p.day"""
    if partial:
        general = """
UNION ALL
SELECT p.ord, a.ord FROM {0} p JOIN stage_anchors a
  ON a.key = p.key AND a.day = p.day AND {1}
WHERE {2}"""
        dyad = dyad_sql("p", "a", "(p.sym OR a.sym)")
        batch += general.format(_probes(_WINDOW, _PARTIAL.format("p")), dyad, "true")
        batch += general.format(_probes(_WINDOW, "true"), dyad, _PARTIAL.format("a"))
    return f"""
CREATE OR REPLACE TEMP TABLE stored_candidates AS
SELECT DISTINCT mention_id, event_id FROM ({stored});
CREATE OR REPLACE TEMP TABLE batch_candidates AS
SELECT DISTINCT greatest(p_ord, a_ord) AS later, least(p_ord, a_ord) AS earlier
FROM ({batch}) WHERE p_ord <> a_ord
"""

