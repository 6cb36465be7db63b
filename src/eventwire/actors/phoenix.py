"""Importer for the Phoenix / PETRARCH (TABARI-format) actor and agent dictionaries.

Users who have those dictionaries (``Phoenix.Countries.actors.txt``,
``Phoenix.International.actors.txt``, ``Phoenix.MilNonState.actors.txt``,
``Phoenix.agents.txt``) can add them to the packaged dictionary at run time; nothing is copied
into eventwire. The packaged dictionary stays the default and wins: an imported name or
pattern is only added when the packaged files do not already know it.

Formats read (TABARI conventions):

- actors: an entry line ``JOHN_KERRY_`` (underscores join words), ``+SYNONYM`` lines, and code
  lines ``[USAGOVLEG 850103-130201]``, ``[USAGOV >130201]``, ``[USAELI <650101]`` or an
  undated ``[ELI]`` (the code once the dated roles are over); a code may also follow the
  entry on its own line (``AFGHANISTAN_ [AFG]``). Dates are YYMMDD (years up to 30 are
  20xx) or YYYYMMDD.
- agents: ``FARMER [~AGR]``, ``THIEF {THIEVES} [~CRM]`` (plurals in braces) and macros such
  as ``!PERSON! = MAN, MEN, WOMAN``, which ``CATTLE!PERSON!`` expands.

Phoenix's MED (media) becomes eventwire's JRN (MED here is medical, the NGEC convention).
Lines that cannot be read are counted and listed with file and line in the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.actors.dictionary import (
    AGENT,
    COUNTRY,
    ORGANIZATION,
    ORGANIZATION_COUNTRIES,
    PERSON,
    Agent,
    Dictionary,
    DictionaryBuilder,
    Entry,
    Role,
    build_dictionary,
    sector_codes,
    words,
)

ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)
AGENT_FILE = "Phoenix.agents.txt"
SECTOR_RENAMES = {"MED": "JRN"}
_CODE = re.compile(r"\[([^\]\s]*)\s*([^\]]*)\]")


@dataclass
class PhoenixImport:
    dictionary: Dictionary
    added_names: int = 0
    added_agents: int = 0
    kept_packaged: int = 0  # names the packaged dictionary already had
    skipped: list[str] = field(default_factory=list)  # "file:line: reason"

    def summary(self) -> str:
        return (
            f"Phoenix import: {self.added_names} names and {self.added_agents} agent patterns "
            f"added, {self.kept_packaged} already in the packaged dictionary, "
            f"{len(self.skipped)} lines skipped"
        )


def phoenix_date(text: str) -> date:
    digits = text.strip()
    if len(digits) == 6:
        year = int(digits[:2])
        year += 2000 if year <= 30 else 1900
        return date(year, int(digits[2:4]), int(digits[4:6]))
    if len(digits) == 8:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")


def phrase(token: str) -> str:
    return token.strip().strip("+").replace("_", " ").strip()


class _Importer:
    def __init__(self, base: Dictionary):
        self.builder = DictionaryBuilder()
        self.builder.dictionary = base
        self.builder.known_sectors = sector_codes()
        self.result = PhoenixImport(base)
        self.packaged_keys = set(base.lexicon)

    # ---- codes -----------------------------------------------------------------------

    def split_code(self, code: str) -> tuple[str, str, tuple[str, ...]]:
        """'USAGOVLEG' -> ('USA', '', ('GOV', 'LEG')); 'IGOUNO' -> ('IGO', 'UNO', ())."""
        code = code.strip().lstrip("~")
        country, rest = "", code
        head = code[:3]
        sectors: list[str] = []
        if head in self.builder.dictionary.countries or head in ORGANIZATION_COUNTRIES:
            country, rest = head, code[3:]
        elif head == "IMG":  # international militarised group: armed, of no one country
            sectors, rest = ["REB"], code[3:]
        chunks = [rest[i : i + 3] for i in range(0, len(rest), 3)]
        block = ""
        for chunk in chunks:
            chunk = SECTOR_RENAMES.get(chunk, chunk)
            if chunk in self.builder.known_sectors:
                sectors.append(chunk)
            elif country in ORGANIZATION_COUNTRIES and not sectors:
                block += chunk  # the organisation's own code: IGO + UNO
        return country, block, tuple(sectors)

    def role(self, code: str, dates: str, last_country: str) -> Role:
        country, block, sectors = self.split_code(code)
        start = end = None
        dates = dates.strip()
        if dates.startswith(">"):
            start = phoenix_date(dates[1:])
        elif dates.startswith("<"):
            end = phoenix_date(dates[1:])
        elif "-" in dates:
            first, _, last = dates.partition("-")
            start, end = phoenix_date(first), phoenix_date(last)
        elif dates:
            raise ValueError(f"dates {dates!r} not understood")
        return Role(country or last_country, sectors, start, end, "Phoenix dictionary", block)

    # ---- actors ------------------------------------------------------------------------

    def read_actor_file(self, path: Path) -> None:
        for number, names, codes in _actor_entries(path):
            source = f"{path.name}:{number}"
            roles: list[Role] = []
            last_country = ""
            try:
                for code, dates in codes:
                    role = self.role(code, dates, last_country)
                    last_country = role.country
                    roles.append(role)
            except ValueError as exc:
                self.result.skipped.append(f"{source}: {exc}")
                continue
            if not roles:
                self.result.skipped.append(f"{source}: no code for {names[0]!r}")
                continue
            self.add_entry(names, roles, source)

    def add_entry(self, names: list[str], roles: list[Role], source: str) -> None:
        new = [n for n in names if tuple(words(n)) not in self.packaged_keys and words(n)]
        self.result.kept_packaged += len(names) - len(new)
        if not new:
            return
        dictionary = self.builder.dictionary
        only = roles[0]
        if len(roles) == 1 and not only.sectors and not only.code and only.start is None \
                and only.end is None and only.country in dictionary.countries:
            for name in new:  # "AFGHANISTAN_ [AFG]" and its synonyms name the country
                dictionary.add(name, Entry(COUNTRY, country=only.country, source=source))
            self.result.added_names += len(new)
            return
        dated = any(r.start or r.end for r in roles)
        kind = PERSON if dated else ORGANIZATION
        named = None
        for role in roles:
            named = self.builder.add_named(new[0].title(), kind, role, [], "", source)
        assert named is not None
        for alias in new[1:]:
            named.aliases.append(alias)
            dictionary.add(alias, Entry(kind, named=named, source=source))
        self.result.added_names += len(new)

    # ---- agents ------------------------------------------------------------------------

    def read_agent_file(self, path: Path) -> None:
        macros: dict[str, list[str]] = {}
        for number, line in _lines(path):
            source = f"{path.name}:{number}"
            macro = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
            if macro:
                macros[macro.group(1)] = [m.strip() for m in macro.group(2).split(",")]
                continue
            code = re.search(r"\[~([A-Z]+)[\]}]", line)
            if code is None:
                self.result.skipped.append(f"{source}: no [~CODE] in {line!r}")
                continue
            _, _, sectors = self.split_code("~" + code.group(1))
            if not sectors:
                self.result.skipped.append(f"{source}: unknown sector in {code.group(0)}")
                continue
            head = line[: line.index("[")]
            plural = re.search(r"\{([^}]*)\}", head)
            patterns = [head.split("{")[0].strip()]
            if plural:
                patterns += [p for p in plural.group(1).split() if p]
            agent = Agent(phrase(patterns[0]), sectors, frozenset(), source)
            for pattern in patterns:
                for expanded in _expand(pattern, macros):
                    key = tuple(words(phrase(expanded)))
                    if not key or key in self.packaged_keys:
                        continue
                    self.builder.dictionary.add(
                        phrase(expanded), Entry(AGENT, agent=agent, source=source)
                    )
                    self.result.added_agents += 1


def _expand(pattern: str, macros: dict[str, list[str]]) -> list[str]:
    found = re.search(r"![A-Z]+!", pattern)
    if not found or found.group(0) not in macros:
        return [pattern]
    out = []
    for value in macros[found.group(0)]:
        out += _expand(pattern.replace(found.group(0), value, 1), macros)
    return out


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.split("#", 1)[0].rstrip()
            if line.strip():
                yield number, line


def _actor_entries(path: Path) -> Iterator[tuple[int, list[str], list[tuple[str, str]]]]:
    """(line, names, [(code, dates)]) for each entry of a TABARI actor file."""
    start = 0
    names: list[str] = []
    codes: list[tuple[str, str]] = []
    for number, line in _lines(path):
        stripped = line.strip()
        if stripped.startswith("+"):
            names.append(phrase(stripped.split("[")[0]))
        elif stripped.startswith("[") and (line[0].isspace() or names):
            codes.extend(_CODE.findall(stripped))
        elif names and not codes:  # consecutive entry lines share the codes that follow
            names.append(phrase(stripped.split("[")[0]))
            codes = _CODE.findall(stripped)
        else:
            if names:
                yield start, names, codes
            start = number
            names = [phrase(stripped.split("[")[0])]
            codes = _CODE.findall(stripped)
    if names:
        yield start, names, codes


def import_phoenix(directory: str | Path, base: Dictionary | None = None) -> PhoenixImport:
    """The packaged dictionary (or ``base``) plus the Phoenix dictionaries in ``directory``."""
    folder = Path(directory)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: not a folder of Phoenix dictionaries")
    present = [folder / name for name in (*ACTOR_FILES, AGENT_FILE) if (folder / name).exists()]
    if not present:
        raise FileNotFoundError(f"{folder}: none of {', '.join(ACTOR_FILES + (AGENT_FILE,))}")
    importer = _Importer(base if base is not None else build_dictionary())
    for path in present:
        if path.name == AGENT_FILE:
            importer.read_agent_file(path)
        else:
            importer.read_actor_file(path)
    importer.builder.dictionary.files.append(str(folder))
    return importer.result
