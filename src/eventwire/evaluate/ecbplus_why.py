"""Why the gold pairs of one event that the store left apart stay apart (``eventwire eval ecbplus
--why``): for each pair of aligned mentions in different documents, in one gold chain but in two
stored events, the first merge rule (``store/merge_scoring.py``) that forbids merging them, in
the order ``REASONS``. Read it on the tune half only.

- ``kind``: different CAMEO kinds (roots) or negation; ``date``: dates outside both windows (or a
  year-only date); ``code``: different codes of one kind that ``code_pairs`` does not allow;
  ``actors``: different countries or roles on a side (either way round for symmetric roots);
  ``place``: two places apart; ``content``: too few shared content words;
- ``score``: allowed, but the score is under the threshold;
- ``linking``: allowed and scored enough, yet each joined a better candidate, or no anchor led
  one to the other, or a conflict with another mention of the chain cut it off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import duckdb
import pyarrow as pa

from eventwire.records import Article, Event

REASONS = ("kind", "date", "code", "actors", "place", "content", "score", "linking")


def _sides(con: duckdb.DuckDBPyConnection) -> None:
    """Each mention with what merging compares (as ``merge.py``'s stage computes it)."""
    from eventwire.store.merge_scoring import context_sql, sentence_day_sql, side_sql, window_sql

    merge_date = "coalesce(TRY_CAST(m.date AS DATE), TRY_CAST(m.article_date AS DATE))"
    con.execute(f"""CREATE TEMP TABLE sides AS
        SELECT m.*, {merge_date} AS merge_date, {window_sql()[0]} AS days_before,
               {sentence_day_sql('m.date', 'm.article_date')} AS sentence_day,
               TRY_CAST(m.date AS DATE) IS NULL AND m.date_precision = 'month' AS month_day,
               {side_sql('m')}, {context_sql('a')} AS context
        FROM batch_mentions m LEFT JOIN articles a USING (article_id)""")


def _first_reasons(con: duckdb.DuckDBPyConnection) -> list[str]:
    from eventwire.store.merge_scoring import merge_rules, pair_sql

    # a year only never merges; other days are judged by pair_sql's dates_ok
    keep = ("x.merge_key <> y.merge_key AS other_kind, "
            "x.days_before IS NULL OR y.days_before IS NULL AS too_far")
    judged = pair_sql("x", "y", "gold_apart g JOIN sides x ON x.mention_id = g.a "
                      "JOIN sides y ON y.mention_id = g.b", keep, "x", "y")
    place_ok = ("(place_unknown OR place_same OR place_inside OR (countries_agree AND "
                f"coalesce(km <= {float(merge_rules()['near_km'])}, true)))")
    reason = f"""CASE WHEN other_kind THEN 'kind' WHEN too_far OR NOT dates_ok THEN 'date'
        WHEN NOT (same_code OR code_pair) THEN 'code' WHEN NOT (direct_ok OR reverse_ok) THEN 'actors'
        WHEN NOT {place_ok} THEN 'place' WHEN NOT ok THEN 'content'
        WHEN score < {float(merge_rules()['threshold'])} THEN 'score' ELSE 'linking' END"""
    return [row[0] for row in con.execute(f"SELECT {reason} FROM ({judged})").fetchall()]


def why_apart(coded: list[tuple[Article, list[Event]]], chain_of: dict[tuple[str, str], str],
              event_of: Callable[[str, str], str]) -> Counter[str]:
    """How many gold pairs each rule keeps apart first. ``coded``: each article with its coded
    events; ``chain_of``: (article id, coded event id) -> gold chain, for aligned mentions;
    ``event_of(article id, coded event id)``: the stored event the mention went to."""
    from eventwire.store.merge import arrow_tables, wide_places
    from eventwire.store.rows import coded_article_rows

    rows = [row for seq, (article, events) in enumerate(coded)
            for row in coded_article_rows(article, seq, events)[1]]
    aligned = [r for r in rows if (r["article_id"], r["coded_event_id"]) in chain_of]
    pairs = [(a["mention_id"], b["mention_id"]) for i, a in enumerate(aligned) for b in aligned[i + 1:]
             if a["article_id"] != b["article_id"]
             and chain_of[(a["article_id"], a["coded_event_id"])]
             == chain_of[(b["article_id"], b["coded_event_id"])]
             and event_of(a["article_id"], a["coded_event_id"])
             != event_of(b["article_id"], b["coded_event_id"])]
    con = duckdb.connect()
    try:
        con.register("batch_mentions", arrow_tables([], aligned)[1])
        con.register("articles", pa.table({"article_id": [a.id for a, _ in coded],
                                           "text": [a.text for a, _ in coded]}))
        con.register("wide_places", wide_places())
        con.register("gold_apart", pa.table({"a": [a for a, _ in pairs], "b": [b for _, b in pairs]}))
        _sides(con)
        return Counter(_first_reasons(con))
    finally:
        con.close()


def report_line(reasons: dict[str, int]) -> str:
    """One line: the gold pairs left apart, by the first rule that keeps them apart."""
    parts = ", ".join(f"{name} {reasons[name]}" for name in REASONS if reasons.get(name))
    return f"  gold pairs apart: {sum(reasons.values())} ({parts or 'none'})"
