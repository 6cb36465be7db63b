"""The actor dictionary: countries, organisations, people with dated roles and agent words.

The knowledge lives in tab-separated files in ``data/`` (documented in ``data/README.md`` and
``docs/actors.md``). This module reads them into a ``Dictionary`` whose ``lexicon`` maps a
normalised word sequence to the entries it names, so a sentence is matched with one dictionary
look-up per position and length (longest match wins). Errors name the file and line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
LIST_SEPARATOR = "|"
MAX_KEY_WORDS = 12
# When a state title (state_titles.tsv) gives its country: always (unless the dateline is
# elsewhere), named (only in articles naming that country or none), unique (no other state has
# the title: it decides whatever the dateline, and as a phrase's head too: "the Taoiseach").
STATE_TITLE_WHEN = ("always", "named", "unique")

# Entry kinds a lexicon key can name.
COUNTRY = "country"  # a country's name: "Russia", "the US"
ADJECTIVE = "adjective"  # a demonym or adjective: "Russian", "Russians"
CAPITAL = "capital"  # a capital used as a metonym for the government: "Moscow"
PLACE = "place"  # another city or a region: "Kharkiv", "Crimea" (detail: city or region)
ORGANIZATION = "organization"  # an organisation, armed group, party, agency or seat of power
PERSON = "person"
AGENT = "agent"  # a role word: "president", "security forces"
MODIFIER = "modifier"  # a word that changes how a phrase resolves: "former", "pro"


class DictionaryError(ValueError):
    """A malformed dictionary line; the message names the file and line."""

    def __init__(self, path: Path | str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path = str(path)
        self.line = line


_INITIALISM = re.compile(r"(?<![a-z])((?:[a-z]\.){2,})")
_WORD = re.compile(r"[a-z0-9]+")
_SECTOR = re.compile(r"[A-Z]{3}")
_SECTOR_SEPARATORS = re.compile(r"[\s,|]+")


def words(text: str) -> list[str]:
    """Normalised words of a name or token: lower case, accents and punctuation dropped.

    "U.S." and "US" both give ["us"]; "People's" gives ["people", "s"], as spaCy's "People" + "'s"
    do.
    """
    if text.isascii():  # most names: no accents to drop (the loader reads thousands)
        text = text.lower()
    else:
        text = text.replace("\u2019", "'").replace("\u2018", "'")  # curly apostrophes split words
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = _INITIALISM.sub(lambda m: m.group(1).replace(".", ""), text)
    return _WORD.findall(text)


def split_list(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]


def parse_date(value: str) -> date | None:
    value = value.strip()
    if value in ("", "-"):
        return None
    # Partial dates are allowed: "2014" is the 1st of January, "2014-03" the 1st of March.
    if len(value) == 10:
        return date.fromisoformat(value)
    parts = value.split("-")
    padded = parts + ["01"] * (3 - len(parts))
    return date(int(padded[0]), int(padded[1]), int(padded[2]))


@dataclass(frozen=True)
class Role:
    """One dated role of a person or organisation: country + sectors from start to end."""

    country: str
    sectors: tuple[str, ...]
    start: date | None
    end: date | None
    title: str = ""
    code: str = ""  # organisation code block after the country, e.g. "EUREEC" in "IGOEUREEC"

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    @property
    def actor_code(self) -> str:
        """The CAMEO-style code of the role: country, organisation block, sectors."""
        return self.country + self.code + "".join(self.sectors)

    def span_words(self) -> str:
        start = self.start.isoformat() if self.start else "..."
        end = self.end.isoformat() if self.end else "present"
        return f"{start} to {end}"


@dataclass
class Named:
    """A named actor (person or organisation) with its dated roles."""

    name: str
    kind: str  # PERSON or ORGANIZATION
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    gender: str = ""  # "m", "f" or "" (for he/she coreference)
    source: str = ""  # file:line of its first row

    def role_on(self, day: date | None) -> Role | None:
        """The role held on ``day``; with no day, the most recent one (ongoing, else latest end)."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=lambda r: (r.end or date.max, r.start or date.min))
        holding = [r for r in self.roles if r.holds_on(day)]
        if holding:
            return max(holding, key=lambda r: r.start or date.min)
        return None

    def roles_ended_before(self, day: date) -> list[Role]:
        return [r for r in self.roles if r.end is not None and r.end <= day]


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    source: str = ""


@dataclass(frozen=True)
class Agent:
    pattern: str
    sectors: tuple[str, ...]
    flags: frozenset[str] = frozenset()
    source: str = ""


@dataclass(frozen=True)
class Entry:
    """What a lexicon key names."""

    kind: str
    country: str = ""  # COUNTRY / ADJECTIVE / CAPITAL / PLACE
    detail: str = ""  # PLACE: "city" or "region"
    named: Named | None = None  # PERSON / ORGANIZATION
    agent: Agent | None = None  # AGENT / MODIFIER
    source: str = ""

    def marks_alignment(self, after: bool) -> bool:
        """A sympathy word: "pro" before a country ("pro-Russian"), or, with ``after``,
        "backed" after it ("Russia-backed"). The country it joins is no nationality."""
        flags = self.agent.flags if self.agent else frozenset()
        return self.kind == MODIFIER and "alignment" in flags and ("after" in flags) == after


@dataclass
class Dictionary:
    countries: dict[str, Country] = field(default_factory=dict)
    lexicon: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    named: dict[str, Named] = field(default_factory=dict)  # key: kind + canonical name
    files: list[str] = field(default_factory=list)
    # Office-holders by country, for "the Russian foreign minister" on a given date.
    holders: dict[str, list[tuple[Named, Role]]] = field(default_factory=dict)
    # Longest key ending in each word: the matcher only tries lengths that can exist.
    longest_ending: dict[str, int] = field(default_factory=dict)
    # Titles used by one state only ("sen" -> USA), with their file:line (state_titles.tsv).
    state_titles: dict[tuple[str, ...], tuple[str, str, str]] = field(default_factory=dict)
    # Words that tell a person's sex ("ms", "wife" -> f), for he/she (gender_words.tsv).
    gender_words: dict[str, str] = field(default_factory=dict)

    def add(self, key_text: str, entry: Entry) -> None:
        key = tuple(words(key_text))
        if len(key) > 1 and key[0] == "the":  # "the Kremlin" is matched on "Kremlin"
            key = key[1:]
        if not key or len(key) > MAX_KEY_WORDS:
            return
        self.longest_ending[key[-1]] = max(self.longest_ending.get(key[-1], 0), len(key))
        bucket = self.lexicon.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def lookup(self, key: tuple[str, ...]) -> list[Entry]:
        return self.lexicon.get(key, [])

    def country_name(self, code: str) -> str:
        country = self.countries.get(code)
        return country.name if country else code


def read_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str], str]]:
    """Rows of a TSV file as dicts, with their line number and "file:line" source.

    Lines starting with '#' and blank lines are comments; the first other line is the header,
    which must list ``columns`` (in any order; extra columns are ignored).
    """
    with path.open(encoding="utf-8", newline="") as handle:
        header: list[str] | None = None
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\r\n").split("\t")  # no quoting: a tab always separates
            if header is None:
                header = [c.strip() for c in cells]
                missing = [c for c in columns if c not in header]
                if missing:
                    raise DictionaryError(
                        path, number, f"header lacks column(s) {', '.join(missing)}"
                    )
                continue
            if len(cells) > len(header):
                raise DictionaryError(
                    path, number, f"{len(cells)} cells but the header has {len(header)} columns"
                )
            cells += [""] * (len(header) - len(cells))
            yield (
                number,
                dict(zip(header, [c.strip() for c in cells], strict=True)),
                f"{path.name}:{number}",
            )


def _sectors(path: Path, number: int, cell: str, known: frozenset[str]) -> tuple[str, ...]:
    sectors = tuple(s for s in _SECTOR_SEPARATORS.split(cell.strip()) if s and s != "-")
    for sector in sectors:
        if not _SECTOR.fullmatch(sector):
            raise DictionaryError(path, number, f"sector {sector!r} is not a 3-letter code")
        if known and sector not in known:
            raise DictionaryError(path, number, f"unknown sector {sector!r} (see sectors.tsv)")
    return sectors


def _country(path: Path, number: int, cell: str, countries: dict[str, Country]) -> str:
    code = cell.strip()
    if code in ("", "-"):
        return ""
    if code not in countries and code not in ORGANIZATION_COUNTRIES:
        raise DictionaryError(path, number, f"unknown country code {code!r}")
    return code


# Actors of no single country: CAMEO's intergovernmental and non-governmental organisations,
# multinational corporations and international militarised groups (al-Qaeda).
ORGANIZATION_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "IMG"})


def _date(path: Path, number: int, cell: str) -> date | None:
    try:
        return parse_date(cell)
    except ValueError as exc:
        raise DictionaryError(path, number, f"bad date {cell!r}: {exc}") from exc


def plural_forms(word: str) -> list[str]:
    """English plurals of a role word, for agent patterns written in the singular."""
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if word.endswith("person"):
        return [word[:-6] + "people", word + "s"]
    if word.endswith(("s", "x", "ch", "sh", "z")):
        return [word + "es"]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith("f") and not word.endswith("ff"):
        return [word[:-1] + "ves", word + "s"]
    return [word + "s"]


class DictionaryBuilder:
    """Reads the data files into a ``Dictionary``; each reader checks its rows."""

    def __init__(self) -> None:
        self.dictionary = Dictionary()
        self.known_sectors: frozenset[str] = frozenset()

    def read_sectors(self, path: Path) -> None:
        self.dictionary.files.append(str(path))
        codes = []
        for number, row, _ in read_tsv(path, ("code", "name")):
            if not re.fullmatch(r"[A-Z]{3}", row["code"]):
                raise DictionaryError(
                    path, number, f"sector {row['code']!r} is not a 3-letter code"
                )
            codes.append(row["code"])
        self.known_sectors = frozenset(codes)

    def read_countries(self, path: Path) -> None:
        d = self.dictionary
        d.files.append(str(path))
        columns = ("code", "name", "aliases", "adjectives", "capitals")
        for number, row, source in read_tsv(path, columns):
            code = row["code"]
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise DictionaryError(path, number, f"country code {code!r} is not ISO alpha-3")
            if not row["name"]:
                raise DictionaryError(path, number, "country without a name")
            d.countries[code] = Country(code, row["name"], source)
            for name in [row["name"], *split_list(row["aliases"])]:
                d.add(name, Entry(COUNTRY, country=code, source=source))
            for adjective in split_list(row["adjectives"]):
                d.add(adjective, Entry(ADJECTIVE, country=code, source=source))
            for capital in split_list(row["capitals"]):
                d.add(capital, Entry(CAPITAL, country=code, source=source))

    def read_places(self, path: Path) -> None:
        d = self.dictionary
        d.files.append(str(path))
        for number, row, source in read_tsv(path, ("name", "country", "kind")):
            if row["kind"] not in ("city", "region"):
                raise DictionaryError(path, number, f"kind {row['kind']!r} is not city or region")
            country = _country(path, number, row["country"], d.countries)
            d.add(row["name"], Entry(PLACE, country=country, detail=row["kind"], source=source))

    def read_named(self, path: Path, kind: str) -> None:
        d = self.dictionary
        d.files.append(str(path))
        columns = ("name", "aliases", "country", "sectors", "start", "end")
        for number, row, source in read_tsv(path, columns):
            name = row["name"]
            if not name:
                raise DictionaryError(path, number, "row without a name")
            start, end = _date(path, number, row["start"]), _date(path, number, row["end"])
            if start and end and end < start:
                raise DictionaryError(path, number, f"role ends ({end}) before it starts ({start})")
            code = row.get("code", "").strip()
            role = Role(
                country=_country(path, number, row["country"], d.countries),
                sectors=_sectors(path, number, row["sectors"], self.known_sectors),
                start=start,
                end=end,
                title=row.get("role", "") or row.get("kind", ""),
                code="" if code == "-" else code,
            )
            self.add_named(
                name, kind, role, split_list(row["aliases"]), row.get("gender", ""), source
            )

    def add_named(
        self, name: str, kind: str, role: Role, aliases: Iterable[str], gender: str, source: str
    ) -> Named:
        d = self.dictionary
        named = d.named.get(kind + ":" + name)
        if named is None:
            named = Named(name=name, kind=kind, gender=gender.strip().lower(), source=source)
            d.named[kind + ":" + name] = named
            d.add(name, Entry(kind, named=named, source=source))
        named.roles.append(role)
        if kind == PERSON and role.title:
            d.holders.setdefault(role.country, []).append((named, role))
        for alias in aliases:
            if alias not in named.aliases:
                named.aliases.append(alias)
                d.add(alias, Entry(kind, named=named, source=source))
        return named

    def read_agents(self, path: Path) -> None:
        d = self.dictionary
        d.files.append(str(path))
        for number, row, source in read_tsv(path, ("pattern", "sectors", "flags")):
            flags = frozenset(split_list(row["flags"].replace(",", "|")))
            patterns = split_list(row["pattern"])
            if not patterns:
                raise DictionaryError(path, number, "agent without a pattern")
            agent = Agent(
                pattern=patterns[0],
                sectors=_sectors(path, number, row["sectors"], self.known_sectors),
                flags=flags,
                source=source,
            )
            kind = MODIFIER if "modifier" in flags else AGENT
            for pattern in patterns:
                d.add(pattern, Entry(kind, agent=agent, source=source))
                if kind == AGENT and "noplural" not in flags:
                    head = words(pattern)
                    for plural in plural_forms(head[-1]):
                        d.add(
                            " ".join(head[:-1] + [plural]), Entry(kind, agent=agent, source=source)
                        )


    def read_state_titles(self, path: Path) -> None:
        d = self.dictionary
        d.files.append(str(path))
        for number, row, source in read_tsv(path, ("pattern", "country", "when")):
            country = _country(path, number, row["country"], d.countries)
            if not country:
                raise DictionaryError(path, number, "a state title needs its country")
            if row["when"] not in STATE_TITLE_WHEN:
                raise DictionaryError(path, number, f"when {row['when']!r} is not one of "
                                      f"{', '.join(STATE_TITLE_WHEN)}")
            for pattern in split_list(row["pattern"]):
                d.state_titles[tuple(words(pattern))] = (country, row["when"], source)


    def read_gender_words(self, path: Path) -> None:
        d = self.dictionary
        d.files.append(str(path))
        for number, row, _ in read_tsv(path, ("word", "gender")):
            if row["gender"] not in ("m", "f"):
                raise DictionaryError(path, number, f"gender {row['gender']!r} is not m or f")
            d.gender_words[row["word"].lower()] = row["gender"]


def build_dictionary(
    data_dir: Path = DATA_DIR, extra: Iterable[Path] = (), skip: Iterable[str] = ()
) -> Dictionary:
    """Read the packaged data files (and optional extra people/organisation files), less the
    files named in ``skip`` (the Phoenix list's generator reads our own files alone)."""
    skipped = set(skip)
    builder = DictionaryBuilder()
    builder.read_sectors(data_dir / "sectors.tsv")
    builder.read_countries(data_dir / "countries.tsv")
    builder.read_agents(data_dir / "agents.tsv")
    builder.read_places(data_dir / "places.tsv")
    if (data_dir / "state_titles.tsv").exists():
        builder.read_state_titles(data_dir / "state_titles.tsv")
    if (data_dir / "gender_words.tsv").exists():
        builder.read_gender_words(data_dir / "gender_words.tsv")
    for path in sorted(data_dir.glob("organizations*.tsv")):
        if path.name not in skipped:
            builder.read_named(path, ORGANIZATION)
    for path in sorted(data_dir.glob("people*.tsv")):
        if path.name not in skipped:
            builder.read_named(path, PERSON)
    for path in extra:
        builder.read_named(path, PERSON if "people" in path.name else ORGANIZATION)
    return builder.dictionary


def sector_codes(data_dir: Path = DATA_DIR) -> frozenset[str]:
    """The sector codes of sectors.tsv (for importers that check codes)."""
    builder = DictionaryBuilder()
    builder.read_sectors(data_dir / "sectors.tsv")
    return builder.known_sectors


@lru_cache(maxsize=1)
def default_dictionary() -> Dictionary:
    """The packaged dictionary, loaded once per process."""
    return build_dictionary()
