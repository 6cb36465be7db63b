"""Load test of the JSON API on loopback: requests/s and latency of the event and series queries.

    python bench/api_load.py --db events.duckdb [--seconds 10] [--concurrency 8]

Starts ``eventwire serve`` on a free 127.0.0.1 port, then for each query keeps ``concurrency``
requests in flight for ``seconds`` (bounded), and reports requests/s, p50 and p99 latency. The
queries use the store's most frequent dyad, as a user exploring it would.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def hammer(base: str, path: str, params: dict, seconds: float,
                 concurrency: int) -> dict[str, float]:
    latencies: list[float] = []
    failures = 0
    deadline = time.perf_counter() + seconds

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal failures
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            response = await client.get(path, params=params)
            latencies.append(time.perf_counter() - began)
            failures += response.status_code != 200

    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "failures": failures, "rps": len(latencies) / elapsed,
            "p50_ms": statistics.median(latencies) * 1000,
            "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    con = duckdb.connect(str(args.db), read_only=True)
    events, articles = con.execute(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM articles)").fetchall()[0]
    dyad = con.execute(
        "SELECT source_code, target_code FROM events WHERE source_code IS NOT NULL AND "
        "target_code IS NOT NULL GROUP BY ALL "
        "ORDER BY count(*) DESC, source_code, target_code LIMIT 1").fetchall()
    con.close()
    source, target = dyad[0] if dyad else ("USA", "RUS")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db",
                               str(args.db), "--port", str(port)], stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        print(f"{args.db}: {articles} articles, {events} events; dyad {source}->{target}; "
              f"{args.concurrency} concurrent clients, {args.seconds:.0f} s per query")
        queries = {
            "events": ("/api/events", {"source": source, "target": target, "limit": 50}),
            "events (text)": ("/api/events", {"q": "president", "limit": 50}),
            "series": ("/api/series", {"source": source, "target": target,
                                       "interval": "month"}),
        }
        for name, (path, params) in queries.items():
            result = asyncio.run(hammer(base, path, params, args.seconds, args.concurrency))
            print(f"  {name:14s} {result['rps']:8.1f} req/s  p50 {result['p50_ms']:7.1f} ms  "
                  f"p99 {result['p99_ms']:7.1f} ms  ({result['requests']} requests, "
                  f"{result['failures']} failed)")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
