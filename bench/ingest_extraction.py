"""Throughput of main-text extraction alone on the L3S-GN1 pages, as a ratio to trafilatura
called directly on the same pages in the same run (each page timed for both, in turn).

Usage: python bench/ingest_extraction.py ../shared/corpora/l3s_gn1
"""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.evaluate.extraction import score_extractors, throughput_line


def main(corpus: str) -> int:
    ours, baseline = score_extractors(Path(corpus))
    print(throughput_line(ours, baseline))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/l3s_gn1"))
