"""Time stage: date expressions resolved against the publication date, and event dates.

- ``find_times(span, published)``: the date expressions of a spaCy span, with TIMEX3-style values;
- ``as_contract(value)``: a value at the contract's day / month / year precision;
- ``date_events(parsed, events)``: sets ``Event.date`` and ``Event.date_precision``.
"""

from eventwire.time.events import date_events
from eventwire.time.expressions import TimeExpression, as_contract, find_times

__all__ = ["TimeExpression", "as_contract", "date_events", "find_times"]
