"""Scale stage: all cores of one machine, and Dask clusters.

(The pre-filter, which parses only sentences that could hold an event, is ``nlp.prefilter``.)

Modules (imported on demand, so ``eventwire --help`` stays fast):
- ``local``: ``ParallelCoder(workers)``, a coder for ``store.ingest.ingest_articles`` on N
  processes, each loading the models and dictionaries once.
- ``cluster``: ``ingest_on_cluster(...)`` codes shards on a Dask cluster; workers write Parquet
  shards and the driver merges them into the store.
- ``cli``: the ``--workers``/``--cluster`` options of ``eventwire ingest``.
"""
