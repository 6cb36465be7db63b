"""Fit the event confidence on judged gold events and audits; write events/data/calibration.json.

    make calibrate            # = python scripts/calibrate.py ../shared/gold --audit ... (Makefile)

Re-run it after any change to the patterns, the actors or the features: it codes the gold dev
sets again (from the parses cached in .cache/calibration/, so only the first run parses; about
a minute after that) and the articles of each audit's judged mentions (read from the store the
audit was drawn from, coded as `eventwire ingest` codes them; a minute each), fits on the tune
halves, measures on the check halves and on the held-out audits, and rewrites the data file
(its version, a hash of the fitted numbers, enters coder_version).

- Events: judged as evaluate/judged.py says (PLOVER GSR, PLV, the five-way CAMEO classes, the
  India police events; an audit mention is right when its verdict ``event`` is ``right``,
  as `eventwire eval calibration` reads a verdict file). ``--audit VERDICTS STORE`` adds an
  audit: its tune half (evaluate.split.half_of of the mention id) is fitted on, each event
  weighing ``AUDIT_WEIGHT`` gold events, its check half measured. ``--held-out VERDICTS STORE``
  adds an audit that is only measured, never fitted on.
- Model: a logistic regression with an L2 penalty, fitted by Newton's method (numpy only) on
  the events of the tune halves, over the event's features and the share right of its CAMEO
  root in the gold tune halves (smoothed); its score is then mapped to the share right by
  isotonic steps (pool adjacent violators, same weights) of 50+ weighted events, so the
  confidence is the share right of tune-half events of like score.
- Parts: ``source``/``target`` = the share right, in the tune halves of PLOVER GSR and PLV, of
  the actors of right events found the same way (dictionary name, country name, agent word,
  coreference, ...), pulled towards the role's overall share by ``PRIOR_WEIGHT`` events;
  ``place`` likewise from event_location_dev (the place is one the annotators gave for the
  trigger); ``date``: a date of the sentence takes the time stage's TimeBank figure (see
  DATE_PARTS), the publication-date fallback the share of such dates the audits' tune halves
  judged right (pulled towards 0.5).
- ``--news-priors``: fit nothing else; set the model's optional ``news_root_prior`` (the prior in
  running text of roots news coding gets mostly wrong; news_root_priors) on the tune halves of
  the audits given and rewrite the data file with it (docs/evidence.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from eventwire.evaluate.calibration import format_summary, summary
from eventwire.evaluate.judged import GOLD_SETS, PART_SETS, Judged, audit_events, cache_dir, judged_events
from eventwire.events.calibration import (
    date_kind,
    logit,
    place_kind,
    probability,
    with_code_prior,
    with_root_prior,
)
from eventwire.events.confidence import actor_path

DATA_FILE = Path(__file__).resolve().parents[1] / "src/eventwire/events/data/calibration.json"
L2 = 1.0  # penalty on the coefficients (not the intercept), in units of the log-likelihood
PRIOR_WEIGHT = 20  # events of the overall share added to every share table (parts, roots)
MIN_STEP = 50  # events of the tune halves in a step of the isotonic map (standard error ~0.07)
# The audits' tune halves hold about 470 judged news events against about 1,500 gold events: the
# audits together count as this many times their events, shared equally among the corpora they
# were drawn from (world news, L3S, BBC, TimeBank), so that a new source is taken as like any
# one of them, not like the world news that most judged events come from (chosen on the check
# halves and by leaving each corpus out among 1, 2, 3 and 5: 2 kept the gold check halves
# calibrated and gave the lowest error on the news left out; docs/evidence.md).
AUDIT_WEIGHT = 2.0
# The default threshold, chosen on news (most events are coded in articles, scored by the news
# model of calibrate_news.py): left-one-store-out over the judged news, 0.5 kept 68% of events at
# precision 0.65 (other than statements: 0.66), 0.6 kept 46% at 0.71 (0.73), and the events
# between 0.5 and 0.6 were right about half the time. An event a coder would reject costs users
# more than a missed one, so the default drops them (docs/evidence.md).
DEFAULT_MIN_CONFIDENCE = 0.6
# The date part is not judged per event by any gold set we have: a date read off the sentence
# takes the time stage's TimeBank figure (expressions found and normalised exactly, 784/938,
# docs/geo_time.md); the publication-date fallback takes the audits' judged dates (fit_parts),
# 0.5 without an audit.
DATE_PARTS = {"sentence": 0.836, "publication": 0.5, "other": 0.5}
# Judged news events of a CAMEO root (audits' tune halves) needed before news_root_priors sets
# its own prior for running text.
MIN_NEWS_EVENTS = 5
NEWS_PRIOR_EVENTS = 5  # events of the current mean confidence added to a root's share right


def judged_rows(gold: Path, sets: list[str]) -> list[dict]:
    """Every judged event of the sets, both halves, as plain rows."""
    rows = []
    for name, file in {**GOLD_SETS, **PART_SETS}.items():
        if name not in sets:
            continue
        print(f"coding {name} ...", file=sys.stderr)
        rows += [row_of(judged) for judged in judged_events(name, gold / file)]
    return rows


def row_of(judged: Judged, **more: object) -> dict:
    event = judged.event
    return {
        "set": judged.gold_set, "half": judged.half, "right": judged.right, "parts": judged.parts,
        "rule": event.evidence["rule"], "cameo": event.cameo,
        # root_prior comes from the model being fitted, not the one that coded
        "features": {name: value for name, value in
                     event.evidence["confidence_features"].items() if name != "root_prior"},
        "source_path": actor_path(event.source), "target_path": actor_path(event.target),
        "place_kind": place_kind(event),
        "date_kind": date_kind(event, judged.published),
        **more,
    }


def audit_rows(audits: list[list[str]], held_out: bool) -> list[dict]:
    """The judged mentions of each audit (verdict file, store), coded again; a mention judged in
    an earlier audit is kept once (its first verdict)."""
    rows, seen = [], set()
    for verdicts, store in audits:
        print(f"coding the audit {verdicts} from {store} ...", file=sys.stderr)
        judged, missing = audit_events(verdicts, store)
        if missing:
            print(f"{verdicts}: {len(missing)} judged mentions are no longer coded so "
                  f"(left out): {', '.join(missing[:5])}", file=sys.stderr)
        for item in judged:
            mention = audit_mention(item)
            if mention not in seen:
                seen.add(mention)
                rows.append(row_of(item, audit=Path(verdicts).name, held_out=held_out,
                                   mention_id=mention, store=Path(store).name))
    return rows


def audit_mention(judged: Judged) -> str:
    from eventwire.store.rows import short_hash

    return short_hash("mention", judged.event.doc_id, judged.event.event_id)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2,
                 counts: np.ndarray | None = None) -> np.ndarray:
    """Weights (intercept first) maximising the L2-penalised log-likelihood, by Newton steps;
    ``counts``: how many events each row counts as (1 each by default)."""
    counts = np.ones(len(y)) if counts is None else counts
    x1 = np.hstack([np.ones((len(x), 1)), x])
    weights = np.zeros(x1.shape[1])
    penalty = np.full(x1.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-x1 @ weights))
        gradient = x1.T @ (counts * (y - p)) - penalty * weights
        hessian = (x1 * (counts * p * (1 - p))[:, None]).T @ x1 + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        weights += step
        if np.max(np.abs(step)) < 1e-8:
            break
    return weights


CORPORA = ("l3s", "bbc", "timebank", "geowebnews")  # named in the audit files; else world news


def corpus_of(audit: str) -> str:
    """The corpus an audit verdict file was drawn from, by its name: l3s, bbc, timebank,
    geowebnews or world (news)."""
    return next((name for name in CORPORA if name in audit), "world")


def _mean_confidence(rows: list[dict], model: dict, prior: float) -> float:
    share = round(math.log(prior / (1 - prior)), 3)
    return float(np.mean([probability({**row["features"], "root_prior": share}, model) for row in rows]))


def news_root_priors(rows: list[dict], model: dict, minimum: int = MIN_NEWS_EVENTS) -> dict[str, float]:
    """The ``news_root_prior`` table: for a CAMEO root with at least ``minimum`` judged events in
    the audits' tune halves, wrong more often than right there and right less often than its
    confidence says in the audits of every corpus (world, L3S, BBC), the prior at which the mean
    confidence of those events equals their share right (bisection). It only lowers, and only
    roots mostly wrong on news: the others keep their gold prior."""
    tune = [row for row in rows if "audit" in row and row["half"] == "tune" and row["right"] is not None]
    by_root: dict[str, list[dict]] = {}
    for row in tune:
        by_root.setdefault(row["cameo"][:2], []).append(row)
    table = {}
    for root, items in sorted(by_root.items()):
        gold = model["root_prior"].get(root, model["root_prior"]["other"])
        corpora: dict[str, list[dict]] = {}
        for row in items:
            corpora.setdefault(corpus_of(row["audit"]), []).append(row)
        share = float(np.mean([r["right"] for r in items]))
        if len(items) < minimum or share >= 0.5 or not all(
                np.mean([r["right"] for r in group]) < _mean_confidence(group, model, gold)
                for group in corpora.values()):
            continue
        # pulled towards the confidence the events have now by NEWS_PRIOR_EVENTS events: a root
        # of six events all wrong is not known to be never right
        now = _mean_confidence(items, model, gold)
        target = (share * len(items) + NEWS_PRIOR_EVENTS * now) / (len(items) + NEWS_PRIOR_EVENTS)
        low, high = 0.01, gold
        for _ in range(30):
            middle = (low + high) / 2
            low, high = (low, middle) if _mean_confidence(items, model, middle) > target else (middle, high)
        table[root] = round(low, 3)
    return table


def root_prior(tune: list[dict]) -> dict[str, float]:
    """Share right by CAMEO root, pulled towards the overall share by PRIOR_WEIGHT events."""
    return share_table([(row["cameo"][:2], row["right"]) for row in tune])


def pool_adjacent_violators(scores: np.ndarray, right: np.ndarray, min_events: float = MIN_STEP,
                            counts: np.ndarray | None = None) -> list[list[float]]:
    """Isotonic steps ``[highest score, share right, events]``: shares never fall as the score
    rises, and a step under ``min_events`` is merged into its smaller neighbour; ``counts``:
    how many events each row counts as (1 each by default)."""
    counts = np.ones(len(right)) if counts is None else counts
    steps: list[list[float]] = []  # [right, events, highest score]
    for index in np.argsort(scores, kind="stable"):
        steps.append([float(right[index] * counts[index]), float(counts[index]),
                      float(scores[index])])
        while len(steps) > 1 and steps[-2][0] / steps[-2][1] >= steps[-1][0] / steps[-1][1]:
            last = steps.pop()
            steps[-1] = [steps[-1][0] + last[0], steps[-1][1] + last[1], last[2]]
    while len(steps) > 1 and min(step[1] for step in steps) < min_events:
        small = min(range(len(steps)), key=lambda i: steps[i][1])
        if small == 0 or (small < len(steps) - 1 and steps[small + 1][1] < steps[small - 1][1]):
            low = small
        else:
            low = small - 1
        high = low + 1
        steps[low:high + 1] = [[steps[low][0] + steps[high][0], steps[low][1] + steps[high][1],
                                steps[high][2]]]
    return [[round(score, 4), round(ok / n, 3), round(n)] for ok, n, score in steps]


def event_counts(rows: list[dict], audit_weight: float = AUDIT_WEIGHT) -> np.ndarray:
    """How many events each row counts as in the fit: a gold event 1; the audits' events together
    ``audit_weight`` times their number, each corpus (corpus_of) an equal share of that."""
    corpora = [corpus_of(row["audit"]) if "audit" in row else None for row in rows]
    sizes: defaultdict[str, int] = defaultdict(int)
    for corpus in corpora:
        if corpus:
            sizes[corpus] += 1
    share = audit_weight * sum(sizes.values()) / len(sizes) if sizes else 0.0
    return np.array([share / sizes[corpus] if corpus else 1.0 for corpus in corpora])


def fit_model(tune: list[dict], audit_weight: float = AUDIT_WEIGHT) -> dict:
    """Root prior (gold events), logistic regression, then the isotonic map of its score, all on
    ``tune``; the audits' events weigh as event_counts says."""
    model: dict = {"root_prior": root_prior([row for row in tune if "audit" not in row])}
    features = [with_root_prior(row["features"], row["cameo"][:2], model) for row in tune]
    names = sorted({name for found in features for name in found})
    x = np.array([[found.get(name, 0.0) for name in names] for found in features])
    y = np.array([1.0 if row["right"] else 0.0 for row in tune])
    counts = event_counts(tune, audit_weight)
    weights = fit_logistic(x, y, counts=counts)
    model["intercept"] = round(float(weights[0]), 4)
    model["coefficients"] = {name: round(float(w), 4)
                             for name, w in zip(names, weights[1:], strict=True)}
    model["isotonic"] = pool_adjacent_violators(
        np.array([logit(found, model) for found in features]), y, counts=counts)
    return model


def share_table(pairs: list[tuple[str, bool]]) -> dict[str, float]:
    """Share right by kind, pulled towards the overall share; ``other`` = the overall share."""
    overall = sum(ok for _, ok in pairs) / len(pairs) if pairs else 0.5
    counts: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for kind, ok in pairs:
        counts[kind][0] += ok
        counts[kind][1] += 1
    table = {kind: round((right + PRIOR_WEIGHT * overall) / (n + PRIOR_WEIGHT), 3)
             for kind, (right, n) in sorted(counts.items())}
    return {**table, "other": round(overall, 3)}


def fit_parts(tune: list[dict]) -> tuple[dict, dict]:
    """Source, target and place from the gold sets; the publication-date fallback from the
    audits' judged dates (pulled towards 0.5 by PRIOR_WEIGHT)."""
    gold = [row for row in tune if "audit" not in row]
    parts, counts = {}, {}
    for role in ("source", "target"):
        pairs = [(row[f"{role}_path"], row["parts"][role]) for row in gold if role in row["parts"]]
        parts[role], counts[role] = share_table(pairs), len(pairs)
    pairs = [(row["place_kind"], row["parts"]["place"]) for row in gold if "place" in row["parts"]]
    parts["place"], counts["place"] = share_table(pairs), len(pairs)
    parts["date"] = dict(DATE_PARTS)
    dates = [row["parts"]["date"] for row in tune if "audit" in row and "date" in row["parts"]
             and row["date_kind"] == "publication"]
    if dates:
        parts["date"]["publication"] = round(
            (sum(dates) + PRIOR_WEIGHT * 0.5) / (len(dates) + PRIOR_WEIGHT), 3)
    counts["publication_dates"] = len(dates)
    return parts, counts


def scored(rows: list[dict], model: dict) -> list[tuple[float, bool]]:
    """(confidence, right) of each row as the coder scores it with ``model`` (the news model,
    when it has one, for running text)."""
    return [(probability(with_code_prior(with_root_prior(row["features"], row["cameo"][:2], model),
                                         row["cameo"], model), model),
             bool(row["right"])) for row in rows]


def figures(rows: list[dict], model: dict, half: str) -> dict:
    """The gold sets' figures on one half, by set and all together."""
    by_set: defaultdict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row["half"] == half and row["right"] is not None and "audit" not in row:
            by_set[row["set"]].append(row)
    result = {name: summary(scored(found, model)) for name, found in sorted(by_set.items())}
    result["all"] = summary(scored([row for found in by_set.values() for row in found], model))
    return result


def audit_figures(rows: list[dict], model: dict) -> dict:
    """The audits' check halves together (``audits_check``) and by corpus (``audits_check
    CORPUS``), each held-out audit whole, and the held-out audits drawn from one store together
    (``held_out store NAME``)."""
    check = [row for row in rows if "audit" in row and not row["held_out"] and row["half"] == "check"
             and row["right"] is not None]
    result = {"audits_check": summary(scored(check, model))}
    for corpus in sorted({corpus_of(row["audit"]) for row in check}):
        result[f"audits_check {corpus}"] = summary(scored(
            [row for row in check if corpus_of(row["audit"]) == corpus], model))
    held_out = [row for row in rows if row.get("held_out")]
    for name in sorted({row["audit"] for row in held_out}):
        result[f"held_out {name}"] = summary(scored(
            [row for row in held_out if row["audit"] == name], model))
    # draws of one store judged apart are one audit: the larger sample is the steadier figure
    for store in sorted({row.get("store") for row in held_out} - {None}):
        drawn = [row for row in held_out if row.get("store") == store]
        if len({row["audit"] for row in drawn}) > 1:
            result[f"held_out store {store}"] = summary(scored(drawn, model))
    return result


def file_sha1(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()[:12]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="the gold folder (../shared/gold)")
    parser.add_argument("--rows", type=Path, default=None,
                        help="read/write the judged rows here (re-used when it exists: fast fits)")
    parser.add_argument("--output", type=Path, default=DATA_FILE)
    parser.add_argument("--sets", nargs="+", default=[*GOLD_SETS, *PART_SETS],
                        choices=[*GOLD_SETS, *PART_SETS], help="the sets to use (default all)")
    parser.add_argument("--audit", nargs=2, action="append", default=[],
                        metavar=("VERDICTS", "STORE"),
                        help="an audit verdict file and the store it was drawn from: its tune "
                             "half is fitted on, its check half measured (repeatable)")
    parser.add_argument("--held-out", nargs=2, action="append", default=[],
                        metavar=("VERDICTS", "STORE"),
                        help="an audit measured whole and never fitted on (repeatable)")
    parser.add_argument("--measure", type=Path, default=None, metavar="MODEL",
                        help="fit nothing: print the figures of this model (e.g. the shipped "
                             "src/eventwire/events/data/calibration.json) on the sets and audits")
    parser.add_argument("--news-priors", action="store_true",
                        help="fit nothing else: set news_root_prior of --output (the shipped model) "
                             "on the tune halves of every audit given, fitted or held out")
    parser.add_argument("--audit-weight", type=float, default=AUDIT_WEIGHT,
                        help="times their number the audits' events count in the fit, shared equally "
                             f"among their corpora (default {AUDIT_WEIGHT})")
    args = parser.parse_args(argv)
    if args.rows and args.rows.exists():
        rows = [json.loads(line) for line in args.rows.read_text(encoding="utf-8").splitlines()]
    else:
        rows = (judged_rows(args.gold, args.sets) + audit_rows(args.audit, held_out=False)
                + audit_rows(args.held_out, held_out=True))
        if args.rows:
            args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    if args.measure:
        model = json.loads(args.measure.read_text(encoding="utf-8"))
        for name, result in [*figures(rows, model, "check").items(), *audit_figures(rows, model).items()]:
            print(f"\n== {name}")
            print("\n".join(format_summary(result)))
        return 0
    if args.news_priors:
        return write_news_priors(rows, args.output)
    events = [row for row in rows if row["right"] is not None and not row.get("held_out")]
    tune = [row for row in events if row["half"] == "tune"]
    model = fit_model(tune, args.audit_weight)
    parts, part_counts = fit_parts([row for row in rows if row["half"] == "tune" and not row.get("held_out")])
    fitted = {**model, "parts": parts, "default_min_confidence": DEFAULT_MIN_CONFIDENCE}
    version = hashlib.sha1(json.dumps(fitted, sort_keys=True).encode()).hexdigest()[:8]
    check, tune_figures = figures(rows, model, "check"), figures(rows, model, "tune")
    audits = audit_figures(rows, model)
    output = {
        "version": version,
        "model": "logistic regression on events.confidence.event_features and the CAMEO root's "
                 f"prior (L2 penalty {L2} on the coefficients; the audits' events count "
                 f"{args.audit_weight:g} times their number, each corpus an equal share), its "
                 "score mapped to the share right by "
                 f"isotonic steps of at least {MIN_STEP} events; scripts/calibrate.py",
        **fitted,
        "provenance": {
            "command": "make calibrate",
            "fitted_on": "tune halves (evaluate.split.half_of of each record id or mention id)",
            "sets": {name: {"file": file, "sha1": file_sha1(args.gold / file),
                            "tune_events": sum(1 for r in tune if r["set"] == name)}
                     for name, file in GOLD_SETS.items() if name in args.sets},
            "audits": {Path(verdicts).name: {
                "store": Path(store).name, "sha1": file_sha1(Path(verdicts)),
                "tune_events": sum(1 for r in tune if r.get("audit") == Path(verdicts).name)}
                for verdicts, store in args.audit},
            "held_out": {Path(verdicts).name: {"store": Path(store).name,
                                               "sha1": file_sha1(Path(verdicts))}
                         for verdicts, store in args.held_out},
            "parts": {"source_events": part_counts["source"],
                      "target_events": part_counts["target"],
                      "place_events": part_counts["place"],
                      "place_set": PART_SETS["location"] if "location" in args.sets else None,
                      "date": "sentence: TimeBank figure of the time stage; publication: "
                              f"{part_counts['publication_dates']} judged dates of the audits' "
                              "tune halves"},
        },
        "figures": {"check": check, "tune": {"all": tune_figures["all"]}, **audits},
    }
    args.output.write_text(json.dumps(output, indent=1) + "\n", encoding="utf-8")
    for name, result in [*check.items(), *audits.items()]:
        print(f"\n== {'check half: ' if name in check else ''}{name}")
        print("\n".join(format_summary(result)))
    print(f"\nwrote {args.output} (version {version}); cache {cache_dir()}", file=sys.stderr)
    return 0


def write_news_priors(rows: list[dict], path: Path) -> int:
    """Set the model's ``news_root_prior`` (news_root_priors) and its version; nothing else moves."""
    model = json.loads(path.read_text(encoding="utf-8"))
    model.pop("news_root_prior", None)
    table = news_root_priors(rows, model)
    fitted = {key: model[key] for key in ("root_prior", "intercept", "coefficients", "isotonic", "parts",
                                          "default_min_confidence")}
    model["news_root_prior"] = table
    model["version"] = hashlib.sha1(json.dumps({**fitted, "news_root_prior": table},
                                               sort_keys=True).encode()).hexdigest()[:8]
    model["provenance"]["news_root_prior"] = {
        "command": "scripts/calibrate.py GOLD --news-priors --audit ... --held-out ...",
        "set_on": sorted({row["audit"] for row in rows if "audit" in row}),
        "tune_events": {root: sum(1 for row in rows if "audit" in row and row["half"] == "tune"
                                  and row["right"] is not None and row["cameo"][:2] == root)
                        for root in table}}
    path.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"news_root_prior {table}; wrote {path} (version {model['version']})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
