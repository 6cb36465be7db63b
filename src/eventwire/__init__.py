"""eventwire: reads the news and writes down who did what to whom, where and when.

Notebook API::

    import eventwire
    articles = eventwire.extract("article.html")
    events = eventwire.code("article.txt", date="2015-05-12")
    events[0].to_dict()
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("eventwire")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"

from eventwire.pipeline import code, extract  # noqa: E402

__all__ = ["__version__", "code", "extract"]
