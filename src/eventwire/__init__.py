"""eventwire: reads the news and writes down who did what to whom, where and when.

Notebook API::

    import eventwire
    articles = eventwire.extract("article.html")
    events = eventwire.code("article.txt", date="2015-05-12")
    events[0].to_dict()
"""

import os
from importlib.metadata import PackageNotFoundError, version

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

from eventwire.pipeline import code, extract  # noqa: E402

__all__ = ["__version__", "code", "extract"]
