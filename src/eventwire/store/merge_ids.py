"""Event ids: an event's id derives from the id of the mention that founded it, so the same input
gives the same ids (in Python here, and in SQL in ``NEW_IDS``, which ``merge.py`` runs)."""

from __future__ import annotations

import hashlib

# Roots that joined no stored event found one; its id derives from the root mention's id
# (sha256, as event_id_for does).
NEW_IDS = """
CREATE OR REPLACE TEMP TABLE new_ids AS
SELECT founder_ord, event_id, ('0x' || substr(event_id, 1, 15))::BIGINT AS global_event_id
FROM (SELECT ord AS founder_ord,
             substr(sha256('event' || chr(31) || mention_id), 1, 16) AS event_id
      FROM tree WHERE root = ord AND joins IS NULL)
"""


def event_id_for(founder_mention_id: str) -> str:
    """The id of the event a mention founds (the same digest NEW_IDS computes in SQL)."""
    return hashlib.sha256(f"event\x1f{founder_mention_id}".encode()).hexdigest()[:16]


def global_event_id(event_id: str) -> int:
    """GDELT's integer GLOBALEVENTID: the first 15 hex digits of the event id (fits BIGINT)."""
    return int(event_id[:15], 16)
