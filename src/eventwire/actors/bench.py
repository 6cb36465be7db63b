"""Benchmark: the cost of loading the actor dictionary (``make bench``).

Run in a fresh process so the load is measured from cold: wall time and the memory the
dictionary adds (resident set size before and after).
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable

from eventwire.actors.dictionary import Dictionary


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def measure(label: str, load: Callable[[], Dictionary], repeat: int = 1) -> None:
    """Time ``load`` (first run from cold, then repeats) and the memory the first run adds."""
    before = rss_mb()
    times = []
    cpu = []  # CPU time: on a shared machine the wall clock also measures the neighbours
    dictionary = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        dictionary = load()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        if len(times) == 1:
            added = rss_mb() - before
    assert dictionary is not None
    spread = f" (best of {repeat}: {min(times):.3f} s)" if repeat > 1 else ""
    print(
        f"{label}: {times[0]:.3f} s{spread}, CPU {min(cpu):.3f} s, +{added:.1f} MB resident, "
        f"{len(dictionary.lexicon)} lexicon keys"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--phoenix", metavar="DIR", help="also time importing Phoenix from DIR")
    args = parser.parse_args()
    from eventwire.actors.dictionary import build_dictionary

    measure("packaged actor dictionary", build_dictionary, repeat=3)
    if args.phoenix:
        from eventwire.actors.phoenix import import_phoenix

        measure("packaged + Phoenix dictionaries", lambda: import_phoenix(args.phoenix).dictionary)


if __name__ == "__main__":
    main()
