"""Events stage: code CAMEO/PLOVER events from parsed sentences and resolved actors.

Public surface:
- ``EventCoder.default()``: the coder with the packaged patterns, loaded once.
- ``EventCoder.code(parsed, actors) -> list[Event]``.
- ``cameo_table()``: the CAMEO codes with Goldstein, QuadClass and PLOVER mapping.

``EventCoder`` is imported on first use (PEP 562): reading the CAMEO table (the store does) loads
neither the coder nor spaCy, which the coder's parse reading (``nlp.syntax``) brings in.
"""

from typing import Any

from eventwire.events.cameo import CameoCode, cameo_table

__all__ = ["CameoCode", "EventCoder", "cameo_table"]


def __getattr__(name: str) -> Any:
    if name != "EventCoder":
        raise AttributeError(f"module 'eventwire.events' has no attribute {name!r}")
    from eventwire.events.coder import EventCoder

    globals()[name] = EventCoder  # later lookups skip this function
    return EventCoder
