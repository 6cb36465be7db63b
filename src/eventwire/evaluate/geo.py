"""GeoWebNews (Gritta et al. 2019): toponym resolution against the gold coordinates.

Two settings, both over the gold toponyms that carry coordinates:
- *resolution* (the acceptance figure): each gold toponym span is resolved by the gazetteer in the
  context of its article (the other gold toponyms and the names our recogniser finds); a name the
  gazetteer lacks (a street, a building) is placed at the nearest town of the article's country
  named around it, else at the article's focus place. Scored as the share within
  161 km (100 miles) of the gold point, where resolving to the gold GeoNames entry itself counts
  as within (our reference point for a country or state may differ from GeoNames': the United
  States is at 38N 97W in our country table, at 39.76N 98.5W in GeoNames); the share within 161
  km by coordinates alone is reported beside it. Also the share with the gold GeoNames id (over
  gold toponyms that have one), and country accuracy (gold country = the country of the
  gazetteer town nearest the gold point, for points within 100 km of a town).
- *end to end*: the share of gold toponyms our recogniser finds (any overlap): the article's
  places and its non-locational mentions (``geo.mentions``: "Russian officials", "Malaysia
  Airlines"), which GeoWebNews counts as toponyms; and of those, the share it places within 161
  km (the gold GeoNames entry counting as within, as above; by coordinates alone beside it). The
  same figures for the article's places alone (what events may be located at) are reported too.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eventwire.evaluate.metrics import progress
from eventwire.evaluate.split import HALVES, half_of, in_half
from eventwire.geo.gazetteer import CITY, EARTH_RADIUS_KM, Gazetteer, Place, distance_km, load_gazetteer
from eventwire.geo.mentions import mentions_of
from eventwire.geo.toponyms import Toponym, candidates_of, link_qualifiers, places_of, resolve
from eventwire.nlp import load_nlp

ACCURACY_KM = 161.0
COUNTRY_MATCH_KM = 100.0


@dataclass
class GoldToponym:
    text: str
    start: int
    end: int
    lat: float
    lon: float
    geonameid: int | None


def read_geowebnews(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """(article text, gold toponyms with coordinates) for each article."""
    return [(text, gold) for _, text, gold in read_geowebnews_records(path)]


def read_geowebnews_records(path: Path) -> list[tuple[str, str, list[GoldToponym]]]:
    """(article id: its ``file`` attribute, text, gold toponyms with coordinates) per article."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for toponym in article.iter("toponym"):
            lat, lon = toponym.findtext("latitude"), toponym.findtext("longitude")
            if not lat or not lon:
                continue
            geonameid = toponym.findtext("geonamesID")
            gold.append(GoldToponym(
                toponym.findtext("extractedName") or "", int(toponym.findtext("start")),
                int(toponym.findtext("end")), float(lat), float(lon),
                int(geonameid) if geonameid else None,
            ))
        articles.append((article.get("file", ""), article.findtext("text") or "", gold))
    return articles


class NearestTown:
    """The country of the gazetteer town nearest a point (vectorised haversine)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        towns = [p for p in gazetteer.places if p.kind == CITY and p.country]
        self.countries = [p.country for p in towns]
        self.lat = np.radians([p.lat for p in towns])
        self.lon = np.radians([p.lon for p in towns])

    def country(self, lat: float, lon: float) -> str | None:
        lat_r, lon_r = np.radians(lat), np.radians(lon)
        a = (np.sin((self.lat - lat_r) / 2) ** 2
             + np.cos(lat_r) * np.cos(self.lat) * np.sin((self.lon - lon_r) / 2) ** 2)
        kilometres = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, a)))
        nearest = int(np.argmin(kilometres))
        return self.countries[nearest] if kilometres[nearest] <= COUNTRY_MATCH_KM else None


def _gold_candidates(gazetteer: Gazetteer, text: str) -> list[tuple[Place, bool]]:
    """Gold marks demonyms ("Russian") as toponyms too: they name their country."""
    place = gazetteer.demonym_place(text)
    return [(place, True)] if place is not None else candidates_of(gazetteer, text)


COUNTS = ("gold", "within", "within_strict", "with_id", "id_match", "with_country",
          "country_match", "unresolved", "found", "found_within", "found_within_strict",
          "found_place", "found_place_within", "found_place_within_strict")


def evaluate(path: str | Path, limit: int | None = None, half: str | None = None,
             **_options: object) -> dict:
    """Score the gold file (the articles of one half, or all); the figures of the whole selection
    at the top level, and each half's under ``halves``. Options of other evaluations
    (``min_confidence``) do not apply."""
    gazetteer = load_gazetteer()
    nlp = load_nlp()
    towns = NearestTown(gazetteer)
    records = list(in_half(read_geowebnews_records(Path(path))[:limit], half, key=lambda r: r[0]))
    halves = {name: Counter(dict.fromkeys(COUNTS, 0)) for name in HALVES}
    errors: list[tuple[str, float]] = []
    for record_id, text, gold in progress(records, "article"):
        side = half_of(record_id)
        # misses are listed from the tune half only: rules are written from them
        halves[side].update(_score_article(text, gold, gazetteer, nlp, towns,
                                           errors if side == "tune" else []))
    return {**_figures(sum(halves.values(), Counter()), errors),
            "halves": {name: _figures(totals, []) for name, totals in halves.items()
                       if totals["gold"]}}


def _score_article(text: str, gold: list[GoldToponym], gazetteer: Gazetteer, nlp,
                   towns: NearestTown, errors: list[tuple[str, float]]) -> Counter:
    totals: Counter = Counter()
    doc = nlp(text)
    ours = places_of(doc, 0, gazetteer)
    mentions = mentions_of(doc, ours, gazetteer)
    gold_toponyms = [
        Toponym(g.text, g.start, g.end, _gold_candidates(gazetteer, g.text)) for g in gold
    ]
    context = [t for t in ours.toponyms
               if not any(t.start < g.end and g.start < t.end for g in gold)]
    link_qualifiers(text, sorted(gold_toponyms + context, key=lambda t: t.start))
    resolved = resolve(gold_toponyms + context, gazetteer)
    for item, toponym in zip(gold, gold_toponyms, strict=True):
        totals["gold"] += 1
        place = toponym.place or resolved.focus
        if toponym.place is None or toponym.inferred:
            totals["unresolved"] += 1
        km = distance_km(place.lat, place.lon, item.lat, item.lon) if place else None
        same_entry = place is not None and place.geonameid == item.geonameid is not None
        totals["within_strict"] += km is not None and km <= ACCURACY_KM
        if same_entry or (km is not None and km <= ACCURACY_KM):
            totals["within"] += 1
        elif len(errors) < 40:
            errors.append((item.text, -1.0 if km is None else km))
        if item.geonameid is not None:
            totals["with_id"] += 1
            totals["id_match"] += bool(place and place.geonameid == item.geonameid)
        gold_country = towns.country(item.lat, item.lon)
        if gold_country is not None:
            totals["with_country"] += 1
            totals["country_match"] += bool(place and place.country == gold_country)
        as_place = _found_within(ours.toponyms, item)
        if as_place is not None:
            totals["found_place"] += 1
            totals["found_place_within"] += as_place[0]
            totals["found_place_within_strict"] += as_place[1]
        found = as_place if as_place is not None else _found_within(mentions, item)
        if found is not None:
            totals["found"] += 1
            totals["found_within"] += found[0]
            totals["found_within_strict"] += found[1]
    return totals


def _found_within(toponyms: list[Toponym], item: GoldToponym) -> tuple[bool, bool] | None:
    """None where no toponym overlaps the gold one, else whether the first is placed within
    161 km (the gold GeoNames entry counting as within, as for resolution) and whether it is
    by coordinates alone."""
    mine = [t for t in toponyms if t.start < item.end and item.start < t.end]
    if not mine:
        return None
    placed = mine[0].place
    if placed is None:
        return False, False
    near = distance_km(placed.lat, placed.lon, item.lat, item.lon) <= ACCURACY_KM
    return near or placed.geonameid == item.geonameid is not None, near


def _figures(totals: Counter, errors: list[tuple[str, float]]) -> dict:
    def share(part: str, whole: str) -> float:
        return totals[part] / totals[whole] if totals[whole] else 0.0

    return {
        **{name: totals[name] for name in COUNTS},
        "accuracy_161km": share("within", "gold"),
        "accuracy_161km_coordinates": share("within_strict", "gold"),
        "geonameid_accuracy": share("id_match", "with_id"),
        "country_accuracy": share("country_match", "with_country"),
        "recognition_recall": share("found", "gold"),
        "end_to_end_161km_of_found": share("found_within", "found"),
        "place_recall": share("found_place", "gold"),
        "end_to_end_161km_of_found_coordinates": share("found_within_strict", "found"),
        "place_161km_of_found": share("found_place_within", "found_place"),
        "place_161km_of_found_coordinates": share("found_place_within_strict", "found_place"),
        "errors": errors,
    }


def report(result: dict) -> str:
    """The figures of the whole selection, then each half's."""
    lines = _report_lines(result, "GeoWebNews")
    for name, figures in result.get("halves", {}).items():
        lines += ["", *_report_lines(figures, f"{name} half")[:-1]]
    return "\n".join(lines)


def _report_lines(result: dict, title: str) -> list[str]:
    return [
        f"{title}: {result['gold']} gold toponyms with coordinates "
        f"({result['unresolved']} not in the gazetteer: placed at a town named near them, "
        f"else the article's focus place)",
        f"resolved within 161 km   {result['accuracy_161km']:.3f} "
        f"({result['within']}/{result['gold']}; the gold GeoNames entry counts as within)",
        f"  by coordinates alone   {result['accuracy_161km_coordinates']:.3f} "
        f"({result['within_strict']}/{result['gold']})",
        f"exact GeoNames id        {result['geonameid_accuracy']:.3f} "
        f"({result['id_match']}/{result['with_id']})",
        f"country                  {result['country_accuracy']:.3f} "
        f"({result['country_match']}/{result['with_country']})",
        f"recogniser recall        {result['recognition_recall']:.3f} "
        f"({result['found']}/{result['gold']})",
        f"end to end within 161 km {result['end_to_end_161km_of_found']:.3f} of those found "
        f"({result['found_within']}/{result['found']}; the gold GeoNames entry counts as within; "
        f"by coordinates alone {result['end_to_end_161km_of_found_coordinates']:.3f})",
        f"  as places only: recall {result['place_recall']:.3f} ({result['found_place']}/"
        f"{result['gold']}), within 161 km {result['place_161km_of_found']:.3f} "
        f"({result['found_place_within']}/{result['found_place']}; by coordinates alone "
        f"{result['place_161km_of_found_coordinates']:.3f}); the rest are demonyms and names "
        "inside other names (geo/mentions.py), which locate no event",
        "some tune-half misses (text, km; -1 = no place): "
        + ", ".join(f"{text!r} {km:.0f}" for text, km in result["errors"][:25]),
    ]
