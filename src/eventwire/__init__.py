"""eventwire: reads the news and writes down who did what to whom, where and when.

Notebook API::

    import eventwire
    articles = eventwire.extract("article.html")
    events = eventwire.code("article.txt", date="2015-05-12")
    eventwire.to_frame(events).to_pandas()          # coded events as a table
    store = eventwire.open("events.duckdb")          # a store `eventwire ingest` wrote
    store.events(source="USA", target="RUS")         # Arrow tables, the HTTP API's filters
    store.series("month", actor="RUS")

``import eventwire`` stays light: spaCy and the pipeline load on the first call that codes.
"""

import os
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

# One math-library thread per process, set before spaCy loads numpy: eventwire's parallelism is
# its worker processes (--workers, Dask), and BLAS/OpenMP threads on top of them oversubscribe
# the cores (2 workers went from 1.31x to 1.77x of one on 2 cores; docs/scale.md). A value the
# user has set is kept.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

try:
    __version__ = version("eventwire")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"

# Public name -> the module that defines it, imported on first use (module __getattr__, PEP 562)
# so that reading a store or asking the version never loads spaCy.
_LAZY = {
    "code": "eventwire.pipeline",
    "extract": "eventwire.pipeline",
    "open": "eventwire.store.tables",
    "Store": "eventwire.store.tables",
    "to_frame": "eventwire.store.tables",
}
_ATTRIBUTE = {"open": "open_store"}

__all__ = ["__version__", "code", "extract", "open", "Store", "to_frame"]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), _ATTRIBUTE.get(name, name))
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
