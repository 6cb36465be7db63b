"""Share of event sources and targets without a country in an events JSONL file.

Usage: python scripts/countryless.py EVENTS.jsonl [--top N]
Prints the shares and the most frequent country-less actors (code and text), so the stages that
leave them can be found.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    left: dict[str, Counter[str]] = {"source": Counter(), "target": Counter()}
    with open(args.events, encoding="utf-8") as handle:
        for line in handle:
            event = json.loads(line)
            for role in ("source", "target"):
                actor = event.get(role)
                if not actor:
                    continue
                totals[role] += 1
                if not actor.get("country"):
                    missing[role] += 1
                    left[role][f"{actor.get('code') or '-'}\t{actor.get('text')}"] += 1
    for role in ("source", "target"):
        share = missing[role] / totals[role] if totals[role] else 0.0
        print(f"{role}: {missing[role]} of {totals[role]} without a country = {share:.1%}")
    for role in ("source", "target"):
        print(f"\nmost frequent country-less {role}s:")
        for key, count in left[role].most_common(args.top):
            print(f"{count:>4}  {key}")


if __name__ == "__main__":
    main()
