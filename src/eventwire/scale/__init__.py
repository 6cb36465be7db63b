"""Scale stage: the pre-filter, all cores of one machine, and Dask clusters.

Public surface:
- ``parse_candidates(articles)``: parse only sentences that could hold an event (prefilter.py);
  ``prefilter_enabled()`` reads the ``EVENTWIRE_PREFILTER`` switch.
- ``parallel_coder(workers)``: a coder for ``store.ingest.ingest_articles`` on N processes.
- ``ingest_on_cluster(...)``: code on a Dask cluster, Parquet shards merged into the store.
"""

from eventwire.scale.prefilter import parse_candidates, prefilter_enabled

__all__ = ["parse_candidates", "prefilter_enabled"]
