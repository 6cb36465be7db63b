"""Carry an audit to the final coding.

  python scripts/audit_carry.py sheet DUMP ORIG_SHEET OUT_SHEET OUT_TEMPLATE  # what needs judging
  python scripts/audit_carry.py final DUMP ORIG_VERDICTS REJUDGED OUT_FINAL   # the -final verdicts

DUMP is scripts/audit_diff.py --dump output (every judged mention: same / moved_place / moved_date /
changed / dropped). A changed mention is replaced by the first new event in its sentence (the one
with the same trigger when there is one); dropped ones leave the sample (counted apart).
"""
import argparse
import json
from collections import Counter

FIELDS = ("event", "source", "target", "place", "date", "note")


def load(path):
    return [json.loads(line) for line in open(path) if line.strip()]


def pick(entry):
    """The new event that stands for a changed mention: the first coded in its sentence."""
    return entry["new"][0]


def by_mention(dump):
    out = {}
    for d in dump:
        out.setdefault(d["mention_id"], []).append(d)
    return out


def sheet(dump_path, orig_sheet, out_sheet, out_template):
    orig = {s["mention_id"]: s for s in load(orig_sheet)}
    entries = by_mention(load(dump_path))
    with open(out_sheet, "w") as fs, open(out_template, "w") as ft:
        for mention, ds in entries.items():
            statuses = {d["status"] for d in ds}
            if statuses <= {"same"} or "dropped" in statuses:
                continue
            d = ds[0]
            if "changed" in statuses:
                d = next(x for x in ds if x["status"] == "changed")
                n = pick(d)
                parts = "all"
            else:
                n = d["new"][0]
                parts = ",".join(sorted(x["status"].split("_")[1] for x in ds
                                        if x["status"].startswith("moved_")))
            rec = n["record"]
            base = dict(orig[mention])
            for k in ("cameo", "trigger", "statement", "goldstein", "plover", "source", "target",
                      "negated", "modality", "date", "date_precision", "location", "confidence",
                      "evidence"):
                if k in rec:
                    base[k] = rec[k]
            base["statement"] = str(rec.get("cameo", "")).startswith("01")
            base["mention_id"] = n["mention_id"]
            base["rejudge"] = parts
            fs.write(json.dumps(base) + "\n")
            ft.write(json.dumps({"mention_id": n["mention_id"], "old_mention_id": mention,
                                 "rejudge": parts, "event": None, "source": None,
                                 "target": None, "place": None, "date": None, "note": ""}) + "\n")


def final(dump_path, orig_verdicts, rejudged_path, out_final):
    entries = by_mention(load(dump_path))
    rejudged = {r["old_mention_id"]: r for r in load(rejudged_path)} if rejudged_path != "-" else {}
    counts = Counter()
    with open(out_final, "w") as f:
        for v in load(orig_verdicts):
            ds = entries.get(v["mention_id"])
            if not ds:
                counts["unlocated"] += 1
                continue
            statuses = {d["status"] for d in ds}
            out = dict(v)
            if "dropped" in statuses:
                counts[f"dropped_{v['event']}"] += 1
                continue
            if "changed" in statuses:
                d = next(x for x in ds if x["status"] == "changed")
                n = pick(d)
                r = rejudged.get(v["mention_id"])
                if r is None:
                    counts["changed_unjudged"] += 1
                    continue
                counts[f"changed_{v['event']}->{r['event']}"] += 1
                out.update({k: r[k] for k in FIELDS})
                out["mention_id"] = n["mention_id"]
                out["cameo"] = n["record"]["cameo"]
                out["statement"] = str(n["record"]["cameo"]).startswith("01")
                out["confidence"] = n["record"].get("confidence")
            else:
                n = ds[0]["new"][0]
                out["confidence"] = n["record"].get("confidence")
                r = rejudged.get(v["mention_id"])
                for d in ds:
                    if d["status"].startswith("moved_"):
                        part = d["status"].split("_")[1]
                        if r is None:
                            counts[f"moved_{part}_unjudged"] += 1
                        else:
                            counts[f"moved_{part}_{v.get(part)}->{r[part]}"] += 1
                            out[part] = r[part]
                counts["same"] += 1
            f.write(json.dumps(out) + "\n")
    for k, c in sorted(counts.items()):
        print(f"{k}\t{c}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    step = steps.add_parser("sheet", help="a worksheet and template of what needs judging again")
    for name in ("dump", "orig_sheet", "out_sheet", "out_template"):
        step.add_argument(name)
    step = steps.add_parser("final", help="the -final verdicts (REJUDGED '-' when none changed)")
    for name in ("dump", "orig_verdicts", "rejudged", "out_final"):
        step.add_argument(name)
    args = parser.parse_args()
    if args.step == "sheet":
        sheet(args.dump, args.orig_sheet, args.out_sheet, args.out_template)
    else:
        final(args.dump, args.orig_verdicts, args.rejudged, args.out_final)


if __name__ == "__main__":
    main()
