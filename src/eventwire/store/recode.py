"""Re-code a stored corpus with the coder as it is now, keeping what it replaces as revisions.

Users change dictionaries and patterns; they should not have to re-download or re-ingest. A
re-code codes every stored article again, compares each article's coded events with the stored
ones and reports what changed:

- unchanged: the same coded event (id and record, but for ``coder_version``);
- recoded: the same trigger in the same sentence now coded differently (other code or actors);
- added / removed: events with no counterpart on the other side.

Superseded mentions (recoded and removed) are copied to ``mention_revisions`` (schema migration
2) with the coder version that replaced them, then the mentions and merged events are rebuilt in
one transaction. A mention that the rebuild takes out of the merged event it was in (the new
codes tell two reports apart) is recorded there too, as 'split', with both event ids.
Merging is deterministic (ids derive from founding mentions, which derive from the coded
events), so events untouched by the change keep their ids and records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.records import Article, Event
from eventwire.store.connection import open_reader, writing
from eventwire.store.ingest import DEFAULT_BATCH_SIZE, Coder
from eventwire.store.merge import arrow_tables, write_batch
from eventwire.store.rows import coded_article_rows

# Fields that may differ between two codings of the same event without it being recoded.
VOLATILE_FIELDS = ("coder_version",)


@dataclass
class RecodeReport:
    articles: int = 0
    unchanged: int = 0
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    recoded: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    coder_version: str | None = None
    split: int = 0  # mentions that left the merged event they were in (mention_revisions 'split')

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.recoded)

    def summary(self) -> str:
        return (f"{self.articles} articles re-coded with {self.coder_version}: "
                f"{self.unchanged} events unchanged, {len(self.recoded)} recoded, "
                f"{len(self.added)} added, {len(self.removed)} removed"
                + (f"; {self.split} mentions split from their merged event" if self.split else ""))

    def lines(self) -> Iterator[str]:
        def short(record: dict[str, Any]) -> str:
            source = (record.get("source") or {}).get("code", "-")
            target = (record.get("target") or {}).get("code", "-")
            return (f"{record['doc_id']}#{record['sentence_index']} {record['trigger']!r} "
                    f"{record['cameo']} {source}->{target} ({record['evidence'].get('rule')})")

        for old, new in self.recoded:
            yield f"recoded  {short(old)}  =>  {new['cameo']} ({new['evidence'].get('rule')})"
        for record in self.added:
            yield f"added    {short(record)}"
        for record in self.removed:
            yield f"removed  {short(record)}"


def _comparable(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in VOLATILE_FIELDS}


def _slot(record: dict[str, Any]) -> tuple[int, tuple[int, int] | None, str]:
    """Where an event is stated: its sentence and trigger span."""
    span = record.get("evidence", {}).get("spans", {}).get("trigger")
    return record["sentence_index"], tuple(span) if span else None, record["trigger"]


def diff_article(old: list[dict[str, Any]], new: list[dict[str, Any]],
                 report: RecodeReport) -> list[dict[str, Any]]:
    """Compare one article's stored and new records; return the superseded stored records."""
    old_by_id = {r["event_id"]: r for r in old}
    new_by_id = {r["event_id"]: r for r in new}
    superseded = []
    unmatched_old = [r for i, r in old_by_id.items() if i not in new_by_id]
    unmatched_new = [r for i, r in new_by_id.items() if i not in old_by_id]
    for event_id in old_by_id.keys() & new_by_id.keys():
        before, after = old_by_id[event_id], new_by_id[event_id]
        if _comparable(before) == _comparable(after):
            report.unchanged += 1
        else:
            report.recoded.append((before, after))
            superseded.append(before)
    new_slots: dict[Any, list[dict[str, Any]]] = {}
    for record in unmatched_new:
        new_slots.setdefault(_slot(record), []).append(record)
    for record in unmatched_old:
        candidates = new_slots.get(_slot(record))
        if candidates:
            report.recoded.append((record, candidates.pop(0)))
        else:
            report.removed.append(record)
        superseded.append(record)
    report.added.extend(r for group in new_slots.values() for r in group)
    return superseded


def _stored_articles(db_path: str | Path) -> list[tuple[int, Article, list[dict[str, Any]]]]:
    con = open_reader(db_path)
    try:
        rows = con.execute(
            "SELECT seq, article_id, title, text, CAST(date AS VARCHAR), url, source, language, "
            "origin FROM articles ORDER BY seq").fetchall()
        records: dict[str, list[dict[str, Any]]] = {}
        for article_id, record in con.execute(
                "SELECT article_id, record FROM mentions ORDER BY seq, sentence_index").fetchall():
            records.setdefault(article_id, []).append(json.loads(record))
    finally:
        con.close()
    stored = []
    for seq, article_id, title, text, date, url, source, language, origin in rows:
        article = Article(id=article_id, text=text, title=title, date=date, url=url,
                          source=source, language=language, origin=origin)
        stored.append((seq, article, records.get(article_id, [])))
    return stored




def recode(db_path: str | Path, coder: Coder, dry_run: bool = False) -> RecodeReport:
    """Re-code every stored article with ``coder`` (the pipeline's ``code_articles``); unless
    ``dry_run``, rebuild the store from the new codes."""
    report = RecodeReport()
    stored = _stored_articles(db_path)
    recoded_articles: list[tuple[int, Article, list[Event]]] = []
    superseded: list[tuple[str, dict[str, Any]]] = []
    by_id = {article.id: (seq, old) for seq, article, old in stored}
    for article, events in coder(article for _, article, _ in stored):
        report.articles += 1
        seq, old = by_id[article.id]
        new = [event.to_dict() for event in events]
        if events and events[0].coder_version:
            report.coder_version = events[0].coder_version
        removed_before = len(report.removed)
        replaced = diff_article(old, new, report)
        removed_ids = {r["event_id"] for r in report.removed[removed_before:]}
        superseded += [("removed" if r["event_id"] in removed_ids else "recoded", r)
                       for r in replaced]
        recoded_articles.append((seq, article, events))
    if dry_run or not report.changed:
        return report
    with writing(db_path) as con:
        con.execute("BEGIN TRANSACTION").fetchall()
        try:
            con.executemany(
                "INSERT INTO mention_revisions VALUES (?, ?, ?, ?, ?, ?)",
                [[r["event_id"], r["doc_id"], r.get("coder_version"), report.coder_version,
                  change, json.dumps(r, ensure_ascii=False)] for change, r in superseded])
            before = _merged_events(con)
            for table in ("mentions", "events", "event_anchors", "merge_evidence", "actors",
                          "articles", "event_counts"):
                con.execute(f"DELETE FROM {table}").fetchall()  # fixed names, no user input
            _rewrite(con, recoded_articles)
            report.split = _record_splits(con, before, report.coder_version)
            con.execute("COMMIT").fetchall()
        except BaseException:
            con.execute("ROLLBACK").fetchall()
            raise
    return report


def _merged_events(con: Any) -> dict[str, tuple[str, int, str, str, str | None, str]]:
    """mention id -> (event id, mentions in that event, coded event id, article id, coder
    version, record): the merged events before a rebuild."""
    rows = con.execute(
        "SELECT m.mention_id, m.event_id, count(*) OVER (PARTITION BY m.event_id), "
        "m.coded_event_id, m.article_id, m.coder_version, CAST(m.record AS VARCHAR) "
        "FROM mentions m").fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def _record_splits(con: Any, before: dict[str, tuple[str, int, str, str, str | None, str]],
                   coder_version: str | None) -> int:
    """A mention of a merged event that the rebuild put in another event (a better coding told
    the reports apart) goes to ``mention_revisions`` as 'split', naming both events."""
    after = dict(con.execute("SELECT mention_id, event_id FROM mentions").fetchall())
    rows = []
    for mention_id, (event_id, size, coded_id, article_id, version, record) in before.items():
        now = after.get(mention_id)
        if size > 1 and now is not None and now != event_id:
            old = json.loads(record)
            old["merged_event"] = {"before": event_id, "after": now}
            rows.append([coded_id, article_id, version, coder_version, "split",
                         json.dumps(old, ensure_ascii=False)])
    if rows:
        con.executemany("INSERT INTO mention_revisions VALUES (?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _rewrite(con: Any, articles: list[tuple[int, Article, list[Event]]]) -> None:
    """Insert the re-coded articles in their original order and batches, merging as ingest does."""
    for start in range(0, len(articles), DEFAULT_BATCH_SIZE):
        article_rows, mention_rows = [], []
        for seq, article, events in articles[start:start + DEFAULT_BATCH_SIZE]:
            row, mentions = coded_article_rows(article, seq, events)
            article_rows.append(row)
            mention_rows.extend(mentions)
        write_batch(con, *arrow_tables(article_rows, mention_rows), own_transaction=False)
