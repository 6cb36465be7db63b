"""Throughput of main-text extraction alone on the L3S-GN1 pages, as a ratio to trafilatura
called directly on the same pages in the same run (each page timed for each, in turn).

eventwire extracts metadata too (title, date with a search of the page text when the metadata
has none, site name, author); "trafilatura with metadata" shows what that part costs.

Usage: python bench/ingest_extraction.py ../shared/corpora/l3s_gn1
"""

from __future__ import annotations

import sys
from pathlib import Path

import trafilatura

from eventwire.evaluate.extraction import EXTRACTORS, score_extractors, throughput_line


def trafilatura_with_metadata(html: str) -> str:
    document = trafilatura.bare_extraction(html, with_metadata=True)
    return (document.text if document is not None else "") or ""


def main(corpus: str) -> int:
    extractors = {**EXTRACTORS, "trafilatura with metadata": trafilatura_with_metadata}
    ours, baseline, with_metadata = score_extractors(Path(corpus), extractors=extractors)
    print(throughput_line(ours, baseline))
    print(f"  trafilatura with metadata: {with_metadata.documents / with_metadata.seconds:.1f} "
          f"pages/s (eventwire at {with_metadata.seconds / ours.seconds:.2f}x its speed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/l3s_gn1"))
