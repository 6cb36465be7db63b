"""Plain-words explanations of coded events, from the event record alone.

The record (CONTRACT.md) carries everything needed: the sentence, the character spans of
trigger, source and target, the rule and the file and line it came from, how each actor's code
was reached, and the features behind the confidence.
"""

from __future__ import annotations

from typing import Any

from eventwire.events.calibration import contributions, weights_for
from eventwire.events.cameo import cameo_table

# Plain words for the confidence features (events.confidence.event_features); a role's actor
# path reads "<role> <words>".
FEATURE_WORDS = {
    "specific_pattern": "a specific pattern", "noun_pattern": "a nominal event",
    "statement": "a plain statement", "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict", "material_conflict": "material conflict",
    "no_source": "no source", "no_target": "no target", "negated": "negation",
    "not_asserted": "not asserted", "reported_speech": "reported speech",
    "main_clause": "trigger in the main clause", "far_argument": "an argument far from the trigger",
    "clause_depth": "trigger in an embedded clause", "argument_distance": "distance to the arguments",
    "sentence_length": "sentence length",
    "running_statement": "a statement in an article, not a lone sentence",
    "sentence_position": "how far into the article the sentence is",
    "running_text": "an article, not a lone sentence", "quoted": "inside quotation marks",
    "root_prior": "how often events of this CAMEO root are right",
    "code_prior": "how often events of this CAMEO code are right in judged news",
}
PATH_WORDS = {
    "implied": "implied", "coreference": "found by coreference", "modifier": "a modifier",
    "named": "named in the dictionary", "country": "a country", "agent": "an agent word",
    "other": "resolved otherwise", "country_inferred": "country inferred, not named",
    "no_country": "a kind of actor with no country",
}
MARKS = {"trigger": ("[[", "]]"), "source": ("{", "}"), "target": ("<", ">")}


def marked_sentence(record: dict[str, Any]) -> str:
    """The sentence with [[trigger]], {source} and <target> marked."""
    sentence = record["sentence"]
    spans = record.get("evidence", {}).get("spans", {})
    inserts: list[tuple[int, int, str]] = []  # (offset, order, text): closers before openers
    for name, (opener, closer) in MARKS.items():
        span = spans.get(name)
        if span and 0 <= span[0] < span[1] <= len(sentence):
            inserts += [(span[0], 1, opener), (span[1], 0, closer)]
    for offset, _, text in sorted(inserts, reverse=True):
        sentence = sentence[:offset] + text + sentence[offset:]
    return sentence


def _actor_line(role: str, actor: dict[str, Any] | None, steps: list[str]) -> str:
    if not actor:
        return f"{role}: none found in the sentence."
    who = f"'{actor['text']}'" + (f" ({actor['name']})" if actor.get("name") else "")
    line = f"{role}: {who} is {actor['code']}"
    return line + (": " + "; ".join(steps) if steps else ".")


def explain(record: dict[str, Any]) -> str:
    """A few lines an analyst can check in seconds."""
    evidence = record.get("evidence", {})
    code = cameo_table().get(record["cameo"])
    name = code.name if code else "?"
    plover = record.get("plover") or "no PLOVER type (a statement)"
    lines = [
        f"event {record['event_id']} in {record['doc_id']}, sentence {record['sentence_index']}:",
        "  " + marked_sentence(record),
        f"1. The rule '{evidence.get('rule')}' ({evidence.get('rule_source')}) matched "
        f"'{record['trigger']}'" + (f" ({evidence['sense']})" if evidence.get("sense") else "")
        + f": CAMEO {record['cameo']} {name}, Goldstein {record['goldstein']}, "
        f"QuadClass {record['quad_class']}, PLOVER {plover}.",
        "2. " + _actor_line("Source", record.get("source"), evidence.get("source_resolution", [])),
        "3. " + _actor_line("Target", record.get("target"), evidence.get("target_resolution", [])),
    ]
    mood = f"4. Modality {record['modality']}" + (", negated" if record.get("negated") else "")
    if record.get("reported_by"):
        mood += f"; reported by {record['reported_by']['code']} ('{record['reported_by']['text']}')"
    lines.append(mood + ".")
    where = record.get("location")
    place = (f"{where['name']} ({where.get('country')})" + (" — the article's focus location"
             if where.get("precision") == "article_focus" else "")) if where else "unknown"
    lines.append(f"5. {_date_words(record, evidence)}; place {place}.")
    lines += _confidence_lines(record, evidence)
    lines.append(f"   Coded by eventwire {record.get('coder_version')}.")
    return "\n".join(lines)


def _date_words(record: dict, evidence: dict) -> str:
    if record.get("date"):
        return f"Date {record['date']} ({record.get('date_precision')} precision)"
    unknown = (evidence.get("date") or {}).get("unknown")
    # why the time stage left it undated (docs/geo_time.md, Unknown dates)
    return "Date unknown" + (f" (earlier than the report, not stated: {unknown})" if unknown else "")


def _feature_words(name: str) -> str:
    role, _, path = name.partition("_")
    if role in ("source", "target") and path in PATH_WORDS:
        return f"{role} {PATH_WORDS[path]}"
    return FEATURE_WORDS.get(name, name.replace("_", " "))


def _confidence_lines(record: dict[str, Any], evidence: dict[str, Any]) -> list[str]:
    """The confidence, what raised and lowered it (log-odds of the fitted model), and the parts."""
    features = evidence.get("confidence_features") or {}
    if isinstance(features, list):  # records coded before the calibration: names only
        features = dict.fromkeys(features, 1.0)
    found = contributions(features)
    base, _ = weights_for(features)
    raised = ", ".join(f"{_feature_words(n)} {w:+.2f}" for n, w in found if w > 0.005) or "nothing"
    lowered = ", ".join(f"{_feature_words(n)} {w:+.2f}" for n, w in found if w < -0.005) or "nothing"
    lines = [f"6. Confidence {record.get('confidence')}: the share of events like this one judged "
             f"right on the gold dev sets and news audits (calibration.json); from a base of "
             f"{base:+.2f}, raised by {raised}; lowered by {lowered} "
             "(log-odds)."]
    parts = evidence.get("confidence_parts")
    if parts:
        shown = ", ".join(f"{name} {'-' if value is None else value}" for name, value in parts.items())
        lines.append(f"   How sure each part is: {shown}.")
    return lines
