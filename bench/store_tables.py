"""Check that a change to the store's write path keeps its results: load the bench's synthetic
mentions through ``merge.write_batch`` and dump every table, sorted, to Parquet; then compare two
dumps (made with two versions' ``src`` on PYTHONPATH) row for row.

    PYTHONPATH=OLD/src python bench/store_tables.py dump /tmp/old --events 200000 --batch 50000
    PYTHONPATH=src python bench/store_tables.py dump /tmp/new --events 200000 --batch 50000
    python bench/store_tables.py compare /tmp/old /tmp/new

The per-statement profile of the same load is ``--profile`` (wall and process CPU seconds per
statement of ``_write``, summed over the batches).
"""

from __future__ import annotations

import argparse
import collections
import resource
import time
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.evaluate.synthetic import synthetic_mentions
from eventwire.store.merge import ARTICLE_SCHEMA, write_batch
from eventwire.store.schema import migrate


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class _Timed:
    """A connection whose ``execute`` adds each statement's wall and CPU seconds to ``spent``."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.spent: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0])

    def execute(self, sql: str, *args: Any) -> duckdb.DuckDBPyConnection:
        began, cpu = time.perf_counter(), _cpu()
        result = self.con.execute(sql, *args)
        rows = result.fetchall()
        entry = self.spent[" ".join(sql.split())[:70]]
        entry[0] += time.perf_counter() - began
        entry[1] += _cpu() - cpu
        entry[2] += 1
        return _Rows(rows)  # type: ignore[return-value]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


class _Rows:
    def __init__(self, rows: list) -> None:
        self.rows = rows

    def fetchall(self) -> list:
        return self.rows


def dump(out: Path, events: int, batch: int, profile: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    db = out / "store.duckdb"
    db.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    migrate(con)
    writer = _Timed(con) if profile else con
    generator = duckdb.connect()
    no_articles = pa.Table.from_pylist([], schema=ARTICLE_SCHEMA)
    wall = cpu = 0.0
    for start in range(0, events, batch):
        rows = synthetic_mentions(generator, start, min(batch, events - start))
        began, used = time.perf_counter(), _cpu()
        write_batch(writer, no_articles, rows)  # type: ignore[arg-type]
        wall += time.perf_counter() - began
        cpu += _cpu() - used
    print(f"{events:,} mentions: {wall:.1f} s wall, {cpu:.1f} s CPU ({events / wall:,.0f}/s)")
    if profile:
        spent = sorted(writer.spent.items(), key=lambda item: -item[1][1])  # type: ignore[union-attr]
        for statement, (seconds, cpu_seconds, times) in spent[:20]:
            print(f"{seconds:8.2f} s {cpu_seconds:8.2f} CPU {times:4d}x  {statement}")
    tables = [name for (name,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = 'store' AND NOT temporary "
        "ORDER BY 1").fetchall()]
    for table in tables:
        # names from the catalogue of the store just written, never from input
        con.execute(f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{out / table}.parquet' "
                    "(FORMAT parquet)").fetchall()
    con.close()


def compare(first: Path, second: Path) -> bool:
    names = sorted(p.name for p in first.glob("*.parquet"))
    if names != sorted(p.name for p in second.glob("*.parquet")):
        print("the two dumps hold different tables")
        return False
    con = duckdb.connect()
    same = True
    for name in names:
        a, b = first / name, second / name
        count = con.execute("SELECT count(*) FROM read_parquet(?)", [str(a)]).fetchall()[0][0]
        only = [con.execute("SELECT count(*) FROM (SELECT * FROM read_parquet(?) EXCEPT ALL "
                            "SELECT * FROM read_parquet(?))", [str(x), str(y)]).fetchall()[0][0]
                for x, y in ((a, b), (b, a))]
        print(f"{name:28s} {count:>10,} rows  only in the first {only[0]}, only in the second {only[1]}")
        same = same and only == [0, 0]
    print("identical" if same else "DIFFERENT")
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--events", type=int, default=200_000)
    dumping.add_argument("--batch", type=int, default=50_000)
    dumping.add_argument("--profile", action="store_true")
    comparing = sub.add_parser("compare")
    comparing.add_argument("first", type=Path)
    comparing.add_argument("second", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.out, args.events, args.batch, args.profile)
    elif not compare(args.first, args.second):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
