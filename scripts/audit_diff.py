"""Compare the current checkout's coding with the judged audits (docs/audit.md, carrying).

For each audit (verdict file, store built by the Makefile), every judged mention whose article
is in the store is coded again with the checkout on PYTHONPATH, and put in one of:
  same     - the coder still produces this mention (same id: same sentence, trigger, code, actors)
  changed  - the sentence is now coded otherwise (another event in the same sentence)
  dropped  - the sentence no longer has any event
Tallies are given per half (tune/check) and by the verdict the mention had.

  .venv/bin/python scripts/audit_diff.py [--stores DIR] [--only SUBSTR] [--dump F.jsonl]
      [--json F.json] [--half tune|check|all] [--extra VERDICTS STORE]
The stores are the Makefile's (.cache/audit-stores/, built by the version that drew the audit, so
that mention ids match). The dump (sentence text included) must stay out of the repository
(.cache/ or /tmp); scripts/audit_carry.py turns it into a re-judging worksheet and a -final file.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AUDITS = [
    ("audits/2026-12-06-seed2026120614.jsonl", "world_news_2001_2400"),
    ("audits/2026-12-06-seed2026120622-final.jsonl", "world_news_2001_2400"),
    ("audits/2026-12-06-seed2026120731.jsonl", "world_news_2401_2800"),
    ("audits/2026-12-07-seed2026120703-final.jsonl", "world_news_2801_3200"),
    ("audits/2026-12-07-seed2026120718-final.jsonl", "world_news_3469_3824"),
    ("audits/2026-12-07-l3s-seed2026120706-final.jsonl", "l3s_gn1"),
    ("audits/2026-12-07-l3s-seed2026120761-final.jsonl", "l3s_gn1"),
    ("audits/2026-12-07-bbc-seed2026120791-final.jsonl", "bbc_politics"),
    ("audits/2026-12-07-timebank-seed2026120712-final.jsonl", "timebank"),
    ("audits/2026-12-07-geowebnews-seed2026120722-final.jsonl", "geowebnews"),
    ("audits/2026-12-07-world1601-seed2026120744-final.jsonl", "world_news_1601_2000"),
]


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stores", default=str(REPO / ".cache/audit-stores"))
    ap.add_argument("--verdicts-dir", default=str(REPO))
    ap.add_argument("--only", default="")
    ap.add_argument("--extra", nargs=2, action="append", default=[],
                    metavar=("VERDICTS", "STORE"), help="another audit (store path)")
    ap.add_argument("--dump")
    ap.add_argument("--json")
    ap.add_argument("--half", default="all")
    args = ap.parse_args()
    import duckdb

    from eventwire.evaluate.split import half_of
    from eventwire.pipeline import code_articles
    from eventwire.records import Article
    from eventwire.store.rows import short_hash

    audits = [(Path(args.verdicts_dir) / v, Path(args.stores) / f"{s}.duckdb") for v, s in AUDITS]
    audits += [(Path(v), Path(s)) for v, s in args.extra]
    audits = [a for a in audits if args.only in str(a[0])]
    dump = open(args.dump, "w") if args.dump else None
    summary = {}
    grand = Counter()
    for verdict_path, store in audits:
        judged = {r["mention_id"]: r for r in records(verdict_path)
                  if r.get("event") in ("right", "wrong", "not_event")}
        if args.half != "all":
            judged = {m: r for m, r in judged.items() if half_of(m) == args.half}
        con = duckdb.connect(str(store), read_only=True)
        ids = list(judged)
        where = ", ".join("?" * len(ids))
        located, stored = {}, {}
        for m, a, s, sent, rec in con.execute(
                f"SELECT mention_id, article_id, sentence_index, sentence, record FROM mentions "
                f"WHERE mention_id IN ({where})", ids).fetchall():
            located[m] = (a, s, sent)
            stored[m] = json.loads(rec) if isinstance(rec, str) else rec
        art_ids = sorted({a for a, _, _ in located.values()})
        rows = con.execute(
            "SELECT article_id, title, text, CAST(date AS VARCHAR), url, source, language "
            f"FROM articles WHERE article_id IN ({', '.join('?' * len(art_ids))}) ORDER BY seq",
            art_ids).fetchall() if art_ids else []
        con.close()
        articles = [Article(id=a, text=t, title=ti, date=d, url=u, source=s, language=la)
                    for a, ti, t, d, u, s, la in rows]
        coded = {}
        by_sentence = defaultdict(list)
        for article, events in code_articles(articles):
            for event in events:
                mention = short_hash("mention", article.id, event.event_id)
                coded[mention] = event
                by_sentence[(article.id, event.sentence_index)].append(event)
        tally = Counter()
        for mention, record in judged.items():
            half = half_of(mention)
            verdict = record["event"]
            if mention not in located:
                tally[(half, "unlocated", verdict)] += 1
                continue
            article_id, sentence_index, sentence = located[mention]
            if mention in coded:
                status = "same"
                event = coded[mention]
                for part in ("source", "target"):
                    if verdict == "right" and record.get(part) in ("right", "wrong"):
                        tally[(half, f"same_{part}", record[part])] += 1
                old = stored[mention]
                new_place = (event.location.name if event.location else None)
                old_place = (old.get("location") or {}).get("name")
                for part, a, b in (("place", old_place, new_place),
                                   ("date", old.get("date"), event.date)):
                    kept = "kept" if str(a) == str(b) else "moved"
                    if verdict == "right" and record.get(part) in ("right", "wrong", "na"):
                        tally[(half, f"{part}_{kept}", record[part])] += 1
                    if kept == "moved" and dump:
                        dump.write(json.dumps({"audit": verdict_path.name, "mention_id": mention,
                                               "half": half, "status": f"moved_{part}",
                                               "old": record, "old_value": a, "sentence": sentence,
                                               "new": [{"mention_id": mention,
                                                        "record": event.to_dict()}]},
                                              default=str) + "\n")
            elif by_sentence.get((article_id, sentence_index)):
                status = "changed"
            else:
                status = "dropped"
            tally[(half, status, verdict)] += 1
            if dump and status == "same":
                dump.write(json.dumps({"audit": verdict_path.name, "mention_id": mention,
                                       "half": half, "status": "same", "old": record,
                                       "sentence": sentence,
                                       "new": [{"mention_id": mention, "cameo": event.cameo,
                                                "confidence": event.confidence,
                                                "record": event.to_dict()}]},
                                      default=str) + "\n")
            if dump and status != "same":
                new = [{"mention_id": short_hash("mention", article_id, e.event_id),
                        "cameo": e.cameo, "trigger": e.trigger,
                        "source": e.source and (e.source.code, e.source.text),
                        "target": e.target and (e.target.code, e.target.text),
                        "confidence": e.confidence, "record": e.to_dict()}
                       for e in by_sentence.get((article_id, sentence_index), [])]
                dump.write(json.dumps({"audit": verdict_path.name, "mention_id": mention,
                                       "half": half, "status": status, "old": record,
                                       "sentence": sentence, "new": new},
                                      default=str) + "\n")
        name = verdict_path.name.replace(".jsonl", "")
        summary[name] = {"|".join(k): v for k, v in sorted(tally.items())}
        grand.update(tally)
        print(f"== {name}")
        for half in ("tune", "check"):
            line = []
            for status in ("same", "changed", "dropped", "unlocated"):
                c = {v: tally[(half, status, v)] for v in ("right", "wrong", "not_event")}
                if sum(c.values()):
                    line.append(f"{status} R{c['right']}/W{c['wrong']}/N{c['not_event']}")
            print(f"  {half}: " + "  ".join(line))
        sys.stdout.flush()
    print("== ALL")
    for half in ("tune", "check"):
        line = []
        for status in ("same", "changed", "dropped", "unlocated"):
            c = {v: grand[(half, status, v)] for v in ("right", "wrong", "not_event")}
            line.append(f"{status} R{c['right']}/W{c['wrong']}/N{c['not_event']}")
        src = grand[(half, "same_source", "right")], grand[(half, "same_source", "wrong")]
        tgt = grand[(half, "same_target", "right")], grand[(half, "same_target", "wrong")]
        print(f"  {half}: " + "  ".join(line) + f"  | same src R{src[0]}/W{src[1]} tgt R{tgt[0]}/W{tgt[1]}")
        for part in ("place", "date"):
            print(f"    {part}: " + "  ".join(
                f"{k} " + "/".join(f"{v[0].upper()}{grand[(half, f'{part}_{k}', v)]}"
                                   for v in ("right", "wrong", "na"))
                for k in ("kept", "moved")))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
