"""Store benchmark: bulk ingest of synthetic events and the dyad monthly-series query.

    python bench/store_bench.py --events 10000000 [--batch 500000] [--db PATH]

Bulk insertion goes through the real ingest path (``merge.write_batch``: staging, matching
against stored events, chaining, inserting, counting), in batches; the synthetic rows are made
before the clock starts. The baseline, measured in the same run on the same rows, is a plain
append of the rows to a table without merging. The series query is the API's own SQL
(``api.app.series_sql``) for a dyad, per month, on a warm read-only connection; the counts
query (``api.counts.counts_sql``: people killed per month for the dyad) is timed the same way,
with its ratio to the series.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from eventwire.evaluate.synthetic import synthetic_mentions
from eventwire.store.merge import ARTICLE_SCHEMA, write_batch
from eventwire.store.query import counts_sql, series_sql
from eventwire.store.schema import migrate
from eventwire.web.filters import EventFilters


def bench(n_events: int, batch: int, db: Path) -> dict[str, float]:
    con = duckdb.connect(str(db))
    migrate(con)
    no_articles = pa.Table.from_pylist([], schema=ARTICLE_SCHEMA)
    generator = duckdb.connect()
    baseline_con = duckdb.connect(str(db.with_suffix(".baseline.duckdb")))
    merged_seconds = baseline_seconds = 0.0
    for start in range(0, n_events, batch):
        rows = synthetic_mentions(generator, start, min(batch, n_events - start))
        began = time.perf_counter()
        write_batch(con, no_articles, rows)
        merged_seconds += time.perf_counter() - began
        began = time.perf_counter()
        baseline_con.register("rows", rows)
        if start == 0:
            baseline_con.execute("CREATE TABLE plain AS SELECT * FROM rows").fetchall()
        else:
            baseline_con.execute("INSERT INTO plain SELECT * FROM rows").fetchall()
        baseline_con.unregister("rows")
        baseline_seconds += time.perf_counter() - began
        print(f"  {start + len(rows):>10,} mentions  {merged_seconds:7.1f} s", flush=True)
    began = time.perf_counter()
    con.execute("CHECKPOINT").fetchall()
    merged_seconds += time.perf_counter() - began
    events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    con.close()
    baseline_con.close()

    reader = duckdb.connect(str(db), read_only=True)
    dyad = reader.execute("SELECT source_code, target_code FROM events "
                          "GROUP BY ALL ORDER BY count(*) DESC LIMIT 1").fetchall()[0]
    where, params = EventFilters(source=dyad[0], target=dyad[1]).where()
    sql = series_sql(where)
    timings = []
    for _ in range(21):
        began = time.perf_counter()
        points = reader.execute(sql, ["month", *params]).fetchall()
        timings.append(time.perf_counter() - began)
    # people killed per month for the dyad (GET /api/counts?by=month): event_counts joined to
    # the dyad's events; the baseline in the same run is the plain monthly series above
    killed_timings = []
    for _ in range(21):
        began = time.perf_counter()
        killed_points = reader.execute(counts_sql(where, "month"), ["month", *params]).fetchall()
        killed_timings.append(time.perf_counter() - began)
    counted = reader.execute("SELECT count(*) FROM event_counts").fetchall()[0][0]
    country_where, country_params = EventFilters(country=dyad[0][:3]).where()
    country_timings = []
    for _ in range(11):
        began = time.perf_counter()
        reader.execute(series_sql(country_where), ["month", *country_params]).fetchall()
        country_timings.append(time.perf_counter() - began)
    reader.close()
    return {
        "mentions": n_events, "events": events,
        "insert_seconds": merged_seconds, "insert_per_second": n_events / merged_seconds,
        "baseline_per_second": n_events / baseline_seconds,
        "dyad_series_ms_median": statistics.median(timings[1:]) * 1000,
        "dyad_series_ms_max": max(timings[1:]) * 1000, "series_points": len(points),
        "country_series_ms_median": statistics.median(country_timings[1:]) * 1000,
        "killed_ms_median": statistics.median(killed_timings[1:]) * 1000,
        "killed_ms_max": max(killed_timings[1:]) * 1000, "killed_points": len(killed_points),
        "counted_events": counted,
        "db_mib": db.stat().st_size / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--batch", type=int, default=500_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or Path(scratch) / "bench.duckdb"
        result = bench(args.events, args.batch, db)
    print(f"bulk insertion (with merging): {result['mentions']:,} mentions -> "
          f"{result['events']:,} events in {result['insert_seconds']:.1f} s = "
          f"{result['insert_per_second']:,.0f} events/s "
          f"(plain append baseline {result['baseline_per_second']:,.0f}/s, ratio "
          f"{result['insert_per_second'] / result['baseline_per_second']:.2f})")
    print(f"dyad monthly series: median {result['dyad_series_ms_median']:.1f} ms, "
          f"max {result['dyad_series_ms_max']:.1f} ms ({result['series_points']} months); "
          f"country monthly series median {result['country_series_ms_median']:.1f} ms; "
          f"database {result['db_mib']:.0f} MiB")
    print(f"dyad killed per month (/api/counts): median {result['killed_ms_median']:.1f} ms, "
          f"max {result['killed_ms_max']:.1f} ms ({result['killed_points']} months, "
          f"{result['counted_events']:,} events with counts); ratio to the dyad series "
          f"{result['killed_ms_median'] / result['dyad_series_ms_median']:.2f}")


if __name__ == "__main__":
    main()
