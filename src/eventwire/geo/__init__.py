"""Geo stage: the gazetteer, toponym recognition and resolution, and event locations.

- ``load_gazetteer()``: the gazetteer index, built once per process;
- ``places_of(doc, body_start)``: the resolved place names of a parsed article and its focus;
- ``locate_events(parsed, events)``: sets ``Event.location``.
"""

from eventwire.geo.events import locate_events
from eventwire.geo.gazetteer import Place, load_gazetteer
from eventwire.geo.toponyms import ArticlePlaces, Toponym, places_of

__all__ = ["ArticlePlaces", "Place", "Toponym", "load_gazetteer", "locate_events", "places_of"]
