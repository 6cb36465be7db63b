"""Events stage: code CAMEO/PLOVER events from parsed sentences and resolved actors.

Public surface:
- ``EventCoder.default()``: the coder with the packaged patterns, loaded once.
- ``EventCoder.code(parsed, actors) -> list[Event]``.
- ``cameo_table()``: the CAMEO codes with Goldstein, QuadClass and PLOVER mapping.
"""

from eventwire.events.cameo import CameoCode, cameo_table
from eventwire.events.coder import EventCoder

__all__ = ["CameoCode", "EventCoder", "cameo_table"]
