"""Import PETRARCH's CAMEO verb dictionary into a verb pattern file of ours.

    python scripts/import_petrarch_verbs.py ../shared/reference/phoenix_dictionaries/CAMEO.2.0.txt \
        .cache/verb_petrarch.yaml

The coder does not load the result (it is not in ``patterns.VERB_FILES``): measured on the check
halves (issue 17, docs/events.md), it raised recall and F1 but lowered precision a little (PLV
type P 0.689 -> 0.688, tuple P 0.335 -> 0.332, span target P 0.687 -> 0.683), and the issue
keeps an import only where check-half precision does not drop. To try it, write the file into a
copy of ``events/data`` named by ``$EVENTWIRE_PATTERNS_DIR`` and add it to ``VERB_FILES``.

CAMEO.2.0.txt (MIT licence, Open Event Data Alliance) groups verbs in blocks: a header with the
block's default CAMEO code (``---  OFFER  [030]  ---``), the block's verbs (WordNet synonyms), and
patterns (``- * AID  [070]``: the verb with the object AID). We take the parts our pattern format
can say without loss:

- every single-word verb (or verb + particle, ``+SHUT_DOWN``) of a block with a default code:
  a pattern with that code;
- every ``- * WORD [code]`` pattern (the verb, then one plain word as its object) whose code is
  not the block's default: a pattern with that object, for the verb its comment names (where
  TABARI's coders found it; ``# RUSH``), else the block's own verb.

Verbs that our own files (verb_patterns.yaml, verb_coverage.yaml) already hold are left out: those
patterns were written and tested against our parse, and stay the only ones for their verbs. Verbs
and codes named in ``EXCLUDED`` are left out too (the reason is beside each). Codes with a colon
(PETRARCH's paired codes) and synonym-set objects (``&FOOD``) are not imported. Each pattern's
``note`` names its line in CAMEO.2.0.txt; every event it codes shows the rule id (``cameo2-...``)
and the line of the generated file in its evidence (``rule``, ``rule_source``).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from eventwire import events
from eventwire.events.cameo import cameo_table
from eventwire.events.patterns import VERB_FILES

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
PATTERN = re.compile(r"^-\s+\*\s+([A-Z]+)\s*\[([0-9]+)\]\s*(?:#\s*([A-Z]+))?")
VERB = re.compile(r"^\+?([A-Z]+)(?:_([A-Z]+))?(?:\s|$|\{|#)")
PARTICLES = {"out", "down", "up", "off", "back", "away", "over", "in", "on"}
# A block's default code alone (the verb with any object) was right for 37% of the events it
# coded on the tune halves: defaults are not imported, only the object patterns.
IMPORT_DEFAULTS = False
# Verbs whose usual news sense is not the block's: left out.
EXCLUDED: set[str] = set()
# (verb, object) patterns wrong more often than right on the tune halves of the dev sets
# ("approved the deployment of a U.N. team" is no peacekeeping; "abandoned his policy" no demand).
EXCLUDED_OBJECTS = {("approve", "deployment"), ("award", "millions"), ("approve", "plan"),
                    ("form", "alliance"), ("improve", "relations"), ("abandon", "policy")}


Block = tuple[str | None, list[tuple[str, int]], list[tuple[str, str, int, str]]]


def read_blocks(path: Path) -> list[Block]:
    """(default code, [(verb key, line)], [(object, code, line, verb)]) for each verb block; a
    pattern's verb is the one its comment names (where TABARI's coders found it), else the
    block's own."""
    blocks: list[Block] = []
    block_verb = ""
    started = False
    for number, raw in enumerate(path.read_text(encoding="latin-1").splitlines(), start=1):
        line = raw.rstrip()
        if "VERB PATTERNS" in line:
            started = True
            continue
        if not started or not line.strip() or line.startswith("#"):
            continue
        header = HEADER.match(line)
        if header:
            code = header.group(2)
            blocks.append((code if code in cameo_table() else None, [], []))
            block_verb = header.group(1).split("_")[0].lower()
            continue
        if not blocks:
            continue
        pattern = PATTERN.match(line)
        if pattern:
            if pattern.group(2) in cameo_table():
                verb_named = (pattern.group(3) or block_verb).lower()
                blocks[-1][2].append((pattern.group(1).lower(), pattern.group(2), number, verb_named))
            continue
        if line.startswith("-"):
            continue
        verb = VERB.match(line)
        if verb:
            lemma, particle = verb.group(1).lower(), (verb.group(2) or "").lower()
            if particle and particle not in PARTICLES:
                continue
            blocks[-1][1].append((f"{lemma} {particle}".strip(), number))
    return blocks


def our_verbs(data_dir: Path) -> set[str]:
    verbs: set[str] = set()
    for name in VERB_FILES:
        if name == OUTPUT_NAME:
            continue
        loaded = yaml.safe_load((data_dir / name).read_text(encoding="utf-8")) or {}
        verbs.update(str(key).split(" ")[0].lower() for key in loaded.get("verbs") or {})
    return verbs


OUTPUT_NAME = "verb_petrarch.yaml"
# Our own pattern files, whose verbs are not imported.
DATA_DIR = Path(events.__file__).parent / "data"


def lemma_forms(word: str) -> list[str]:
    """The word and its singular: PETRARCH writes objects as they appear ("SANCTIONS"), our
    patterns match the object's lemma ("sanction")."""
    if word.endswith("ies") and len(word) > 4:
        return [word, word[:-3] + "y"]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return [word, word[:-1]]
    return [word]


def build(source: Path, data_dir: Path) -> dict[str, list[dict[str, object]]]:
    ours = our_verbs(data_dir)
    verbs: dict[str, list[dict[str, object]]] = {}
    seen: set[str] = set()
    for default, members, objects in read_blocks(source):
        for key, line in members:
            lemma = key.split(" ")[0]
            if lemma in ours or lemma in EXCLUDED:
                continue
            entries = verbs.setdefault(key, [])
            slug = key.replace(" ", "-")
            candidates = [({"id": f"cameo2-{slug}-{word}-{number}", "cameo": code,
                            "object": lemma_forms(word), "note": f"CAMEO.2.0.txt:{number}"})
                          for word, code, number, verb in objects
                          if verb == key and code != default and (key, word) not in EXCLUDED_OBJECTS]
            if default and IMPORT_DEFAULTS:
                candidates.append({"id": f"cameo2-{slug}-{line}", "cameo": default,
                                   "note": f"CAMEO.2.0.txt:{line}"})
            for entry in candidates:
                if entry["id"] not in seen:  # a verb listed twice in one block
                    seen.add(str(entry["id"]))
                    entries.append(entry)
    return {key: entries for key, entries in sorted(verbs.items()) if entries}


def write(verbs: dict[str, list[dict[str, object]]], output: Path) -> None:
    lines = [
        "# eventwire verb patterns imported from PETRARCH's CAMEO verb dictionary - version 1",
        "# GENERATED by scripts/import_petrarch_verbs.py from CAMEO.2.0.txt (PETRARCH, MIT licence,",
        "# Open Event Data Alliance); do not edit by hand: change the script and run it again.",
        "# Each pattern's note is its line in CAMEO.2.0.txt. Same format as verb_patterns.yaml.",
        "verbs:",
    ]
    for key, entries in verbs.items():
        lines.append(f'  "{key}":')
        for entry in entries:
            fields = [f"id: {entry['id']}", f'cameo: "{entry["cameo"]}"']
            if "object" in entry:
                words = ", ".join(f'"{w}"' for w in entry["object"])  # type: ignore[attr-defined]
                fields.append(f"object: [{words}]")
            fields.append(f'note: "{entry["note"]}"')
            lines.append("    - {" + ", ".join(fields) + "}")
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="CAMEO.2.0.txt")
    parser.add_argument("output", type=Path, help="the verb pattern file to write")
    args = parser.parse_args(argv)
    verbs = build(args.source, DATA_DIR)
    write(verbs, args.output)
    count = sum(len(v) for v in verbs.values())
    print(f"{args.output}: {count} patterns for {len(verbs)} verbs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
