"""Build the packaged CAMEO table from the references in ../shared/reference/.

    python scripts/build_cameo_table.py ../shared/reference > src/eventwire/events/data/cameo.tsv

The output holds facts (codes, names, Goldstein scores, QuadClass, the PLOVER type/mode/context
each code maps to). Codes the CAMEO->PLOVER table does not list inherit the mapping of their
nearest listed ancestor (1711 -> 171 -> 17). Three editorial choices, documented in
docs/data.md: root 01 (public statements) maps to PLOVER null, as PLOVER has no statement type;
root 02 (appeals) maps to REQUEST, which PLOVER defines as covering CAMEO 02 and 10; and 163
(impose embargo, boycott or sanctions) maps to SANCTION, as the PLOVER reference defines SANCTION
to include "stop or restrict commercial or other material exchange as a form of protest or
punishment", although the 2021 table lists it under COERCE.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


def read_plover_map(path: Path) -> dict[str, tuple[str, str, str]]:
    mapping: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = LINE.match(line.strip())
        if not match:
            continue
        code, plover, mode, context = match.groups()
        mode = (mode or "").strip()
        context = ";".join(part.strip() for part in (context or "").split(";") if part.strip())
        mapping.setdefault(code, (plover, mode, context))
    mapping["01"] = ("", "", "")
    for code in ("02", "020"):
        mapping[code] = ("REQUEST", "", "")
    mapping["163"] = ("SANCTION", "restrict", "economic")
    return mapping


def main(reference_dir: str) -> None:
    reference = Path(reference_dir)
    plover = read_plover_map(reference / "cameo_to_plover_2021.txt")
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(
        ["code", "root", "name", "goldstein", "quad_class", "plover", "plover_mode",
         "plover_context"]
    )
    with open(reference / "cameo_event_codes.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            code = row["cameo_code"]
            ancestors = [code[:n] for n in range(len(code), 1, -1)]
            mapped = next((plover[a] for a in ancestors if a in plover), ("", "", ""))
            if code.startswith("01"):
                mapped = ("", "", "")
            writer.writerow(
                [code, row["root_code"], row["description"], row["goldstein"],
                 row["quad_class"], *mapped]
            )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
