"""Tune half and check half of every dev set, by a stable hash of each record's id.

Rules are written by reading misses in the tune half only; a change is judged by the check half.
A record's half never changes: it is the parity of the first byte of the SHA-1 of its id (the
string form of whatever identifies the record in its file: ``id``, ``doc_id``, a document name, an
ECB+ topic number). About half of any set falls on each side.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

HALVES = ("tune", "check")

# A dev file that is itself one half of a larger set, cut by this same hash, falls wholly on one
# side: all 172 ids of plover_gsr_dev.jsonl do. Such a file is split by its ids with a salt.
SALTED_SETS = {"plover_gsr": "plover_gsr:"}

T = TypeVar("T")


def half_of(record_id: object, gold_set: str = "") -> str:
    """``"tune"`` or ``"check"`` for a record id (stable across runs, machines and Python versions);
    ``gold_set`` names the file where it is one of ``SALTED_SETS``."""
    salted = SALTED_SETS.get(gold_set, "") + str(record_id)
    digest = hashlib.sha1(salted.encode("utf-8")).digest()
    return HALVES[digest[0] & 1]


def in_half(records: Iterable[T], half: str | None, key: Callable[[T], object]) -> Iterator[T]:
    """The records of one half (all of them when ``half`` is None or ``"all"``)."""
    if half not in (None, "all", *HALVES):
        raise ValueError(f"half must be one of tune, check, all, not {half!r}")
    for record in records:
        if half in (None, "all") or half_of(key(record)) == half:
            yield record
