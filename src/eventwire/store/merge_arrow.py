"""The Arrow tables a batch of articles and mentions is written from (``merge.write_batch``)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

_STRING = pa.string()
_INT = pa.int64()
_FLOAT = pa.float64()
_BOOL = pa.bool_()
_STRINGS = pa.list_(pa.string())

MENTION_FIELDS: dict[str, pa.DataType] = {
    "mention_id": _STRING, "coded_event_id": _STRING, "article_id": _STRING, "seq": _INT,
    "publisher": _STRING, "sentence_index": _INT, "sentence": _STRING, "in_title": _BOOL,
    "sentence_start": _INT, "trigger": _STRING, "trigger_start": _INT, "trigger_end": _INT,
    "source_start": _INT, "target_start": _INT, "cameo": _STRING, "cameo_root": _STRING,
    "quad_class": _INT, "goldstein": _FLOAT, "plover": _STRING, "plover_mode": _STRING,
    "negated": _BOOL, "modality": _STRING, "date": _STRING, "date_precision": _STRING,
    "article_date": _STRING, "source_code": _STRING, "source_country": _STRING,
    "source_name": _STRING, "source_sectors": _STRINGS, "target_code": _STRING,
    "target_country": _STRING, "target_name": _STRING, "target_sectors": _STRINGS,
    "location_name": _STRING, "location_country": _STRING, "lat": _FLOAT, "lon": _FLOAT,
    "geonameid": _INT, "url": _STRING, "confidence": _FLOAT, "coder_version": _STRING,
    "record": _STRING,
}
MENTION_SCHEMA = pa.schema(list(MENTION_FIELDS.items()))

ARTICLE_SCHEMA = pa.schema([
    ("article_id", _STRING), ("content_hash", _STRING), ("seq", _INT), ("title", _STRING),
    ("text", _STRING), ("date", _STRING), ("url", _STRING), ("source", _STRING),
    ("language", _STRING), ("origin", _STRING), ("n_mentions", _INT),
])


def arrow_tables(
    article_rows: list[dict[str, Any]], mention_rows: list[dict[str, Any]]
) -> tuple[pa.Table, pa.Table]:
    return (
        pa.Table.from_pylist(article_rows, schema=ARTICLE_SCHEMA),
        pa.Table.from_pylist(
            [{name: row.get(name) for name in MENTION_FIELDS} for row in mention_rows],
            schema=MENTION_SCHEMA,
        ),
    )
