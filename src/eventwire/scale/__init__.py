"""Scale stage: the pre-filter, all cores of one machine, and Dask clusters.

Modules (imported on demand, so ``eventwire --help`` stays fast):
- ``prefilter``: parse only sentences that could hold an event (switch: ``EVENTWIRE_PREFILTER``).
- ``local``: ``ParallelCoder(workers)``, a coder for ``store.ingest.ingest_articles`` on N
  processes, each loading the models and dictionaries once.
- ``cluster``: ``ingest_on_cluster(...)`` codes shards on a Dask cluster; workers write Parquet
  shards and the driver merges them into the store.
- ``cli``: the ``--workers``/``--cluster`` options of ``eventwire ingest``.
"""
