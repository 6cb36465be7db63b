"""Geo stage: the gazetteer, toponym recognition and resolution, and event locations."""
