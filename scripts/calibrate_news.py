"""Fit the confidence of events in running text on judged news alone; add it to calibration.json.

    make calibrate-news       # = python scripts/calibrate_news.py --audit VERDICTS STORE ... (Makefile)

The gold dev sets are lone sentences picked for one labelled event; news coding goes wrong in
ways they do not show (history told as context, threats and plans coded as acts, generic
statements), so a model fitted on them ranks news events poorly (docs/evidence.md). This script
fits a second logistic regression on the judged mentions of the audits only and writes it as
the ``news`` section of ``src/eventwire/events/data/calibration.json``; the coder scores an
event of running text (``running_text``) with it and a lone sentence with the gold-fitted model.

- Rows: every judged mention of each ``--audit`` (verdict file and store), coded again by this
  checkout (calibrate.audit_rows), running text only; a mention judged in two audits counts once.
- Features: those of ``events.confidence.event_features`` and ``code_prior``, the log-odds of
  the share right of the event's CAMEO code among the judged mentions, pulled towards the share
  of statements (root 01) or of other events by ``PRIOR_EVENTS`` events. For the fit each row
  takes the table of the *other* stores (out of store), so the weight of ``code_prior`` is what
  a code's share is worth on news it was not counted on; the shipped table uses every store.
- Fit: L2-penalised logistic regression (calibrate.fit_logistic), penalty ``NEWS_L2``; the
  confidence is its logistic, with no isotonic step (left-one-store-out it is calibrated as is).
- Honest figures: the whole fit repeated leaving each store out and scored on it ("leave one
  store out", every judged news event once), and each ``--held-out`` audit, never fitted on.
  The audits are fitted whole, not on their tune halves: the news model gains much from more
  events (left-one-store-out AUC 0.64 fitted on tune halves, 0.68 on whole audits), and its
  honest measures are the two above.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from calibrate import DATA_FILE, DEFAULT_MIN_CONFIDENCE, audit_rows, fit_logistic

from eventwire.evaluate.calibration import format_summary, summary
from eventwire.events.calibration import probability, with_code_prior

NEWS_L2 = 5.0  # chosen leaving each store out among 1, 5 and 20 (docs/evidence.md)
PRIOR_EVENTS = 10  # events of the statement / other share added to each CAMEO code's share


def running(rows: list[dict]) -> list[dict]:
    """The judged events of running text."""
    return [row for row in rows if row["right"] is not None and row["features"].get("running_text")]


def code_prior_table(rows: list[dict]) -> dict[str, float]:
    """Share right by CAMEO code, pulled towards the share of its kind (statements, root 01, or
    other events) by PRIOR_EVENTS events; ``other statement`` and ``other``: those shares."""
    kinds: dict[str, list[int]] = {"other statement": [0, 0], "other": [0, 0]}
    codes: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        for tally in (kinds[_kind(row["cameo"])], codes[row["cameo"]]):
            tally[0] += bool(row["right"])
            tally[1] += 1
    base = {kind: (right + 1) / (n + 2) for kind, (right, n) in kinds.items()}
    table = {code: round((right + PRIOR_EVENTS * base[_kind(code)]) / (n + PRIOR_EVENTS), 3)
             for code, (right, n) in sorted(codes.items())}
    return {**table, **{kind: round(share, 3) for kind, share in base.items()}}


def _kind(code: str) -> str:
    return "other statement" if code.startswith("01") else "other"


def _with_prior(row: dict, table: dict[str, float]) -> dict[str, float]:
    return with_code_prior(row["features"], row["cameo"], {"news": {"code_prior": table}})


def fit_news(rows: list[dict], l2: float = NEWS_L2) -> dict:
    """The news model fitted on ``rows`` (judged events of running text from several stores)."""
    stores = sorted({row["store"] for row in rows})
    features = []
    for store in stores:  # each row's code prior from the other stores
        table = code_prior_table([row for row in rows if row["store"] != store])
        features += [(_with_prior(row, table), row) for row in rows if row["store"] == store]
    names = sorted({name for found, _ in features for name in found})
    x = np.array([[found.get(name, 0.0) for name in names] for found, _ in features])
    y = np.array([1.0 if row["right"] else 0.0 for _, row in features])
    weights = fit_logistic(x, y, l2=l2)
    return {"intercept": round(float(weights[0]), 4),
            "coefficients": {name: round(float(w), 4)
                             for name, w in zip(names, weights[1:], strict=True)},
            "code_prior": code_prior_table(rows)}


def scored(rows: list[dict], news: dict) -> list[tuple[float, bool]]:
    """(confidence, right) of each row under a model whose news section is ``news``."""
    model = {"news": news}
    return [(probability(_with_prior(row, news["code_prior"]), model), bool(row["right"]))
            for row in rows]


def left_out_figures(rows: list[dict], l2: float = NEWS_L2) -> dict:
    """Each store scored by the model fitted on the others: all together, statements and other
    events apart, and by store."""
    by_store: dict[str, list[tuple[float, bool]]] = {}
    statements: list[tuple[float, bool]] = []
    others: list[tuple[float, bool]] = []
    for store in sorted({row["store"] for row in rows}):
        news = fit_news([row for row in rows if row["store"] != store], l2)
        held = [row for row in rows if row["store"] == store]
        by_store[store] = scored(held, news)
        for row, pair in zip(held, by_store[store], strict=True):
            (statements if row["cameo"].startswith("01") else others).append(pair)
    return {"leave one store out": summary(statements + others),
            "leave one store out, statements": summary(statements),
            "leave one store out, other events": summary(others),
            **{f"leave out {store}": summary(pairs) for store, pairs in by_store.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audit", nargs=2, action="append", default=[], metavar=("VERDICTS", "STORE"),
                        help="an audit verdict file and its store: fitted on, whole (repeatable)")
    parser.add_argument("--held-out", nargs=2, action="append", default=[],
                        metavar=("VERDICTS", "STORE"), help="an audit only measured (repeatable)")
    parser.add_argument("--output", type=Path, default=DATA_FILE)
    parser.add_argument("--measure", action="store_true",
                        help="fit nothing: print the shipped news model's figures on the audits")
    parser.add_argument("--l2", type=float, default=NEWS_L2)
    parser.add_argument("--rows", type=Path, default=None,
                        help="read/write the judged rows here (re-used when it exists: fast fits)")
    args = parser.parse_args(argv)
    if args.rows and args.rows.exists():
        rows = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines()]
    else:
        rows = audit_rows(args.audit, held_out=False) + audit_rows(args.held_out, held_out=True)
        if args.rows:
            args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    fitted_rows = running([row for row in rows if not row["held_out"]])
    held_rows = running([row for row in rows if row["held_out"]])
    model = json.loads(args.output.read_text(encoding="utf-8"))
    if args.measure:
        news = model["news"]
        report = {"fitted audits (in sample)": summary(scored(fitted_rows, news))}
    else:
        news = fit_news(fitted_rows, args.l2)
        report = left_out_figures(fitted_rows, args.l2)
    for name in sorted({row["audit"] for row in held_rows}):
        report[f"held out {name}"] = summary(scored([r for r in held_rows if r["audit"] == name], news))
    if not args.measure:
        news["provenance"] = {
            "command": "make calibrate-news", "l2": args.l2, "prior_events": PRIOR_EVENTS,
            "audits": {Path(v).name: Path(s).name for v, s in args.audit},
            "events": len(fitted_rows),
            "held_out": {Path(v).name: Path(s).name for v, s in args.held_out}}
        news["figures"] = report
        model["news"] = news
        model["default_min_confidence"] = DEFAULT_MIN_CONFIDENCE
        fitted = {key: model[key] for key in ("root_prior", "intercept", "coefficients", "isotonic",
                                              "parts", "default_min_confidence")}
        fitted["news"] = {key: news[key] for key in ("intercept", "coefficients", "code_prior")}
        model["version"] = hashlib.sha1(json.dumps(fitted, sort_keys=True).encode()).hexdigest()[:8]
        args.output.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote the news model to {args.output} (version {model['version']}, "
              f"{len(fitted_rows)} judged news events)", file=sys.stderr)
    for name, result in report.items():
        print(f"\n== {name}")
        print("\n".join(format_summary(result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
