"""Write the GeoWebNews articles as JSON Lines articles that `eventwire ingest` reads.

GeoWebNews (``../shared/gold/geowebnews.xml``, Gritta et al. 2019) holds 200 news articles of 2018
from 200 different outlets. They were only ever used to score toponyms, never to write event rules,
so they make a fresh real-news audit of recent, varied news. The file gives no publication date; an
article is dated by the day its address names (``/2018/01/23/``, read by htmldate, as a user
ingesting these pages would get it), and left undated when the address names none. The text is
read from ``../shared`` at run time and written to stdout; nothing is copied into the repository.

    python scripts/geowebnews_articles.py ../shared/gold/geowebnews.xml | eventwire ingest - --db X
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ElementTree

import htmldate

_EMPTY_PAGE = "<html><body></body></html>"


def day_in_address(url: str) -> str | None:
    """The publication day an article's address names, or None (htmldate's URL rule only)."""
    if not url:
        return None
    return htmldate.find_date(_EMPTY_PAGE, url=url, extensive_search=False)


def main(path: str) -> None:
    for article in ElementTree.parse(path).getroot().iter("article"):
        url = (article.findtext("link") or "").strip()
        record = {"id": f"geowebnews-{article.get('file')}", "url": url,
                  "date": day_in_address(url),
                  "title": (article.findtext("title") or "").strip(),
                  "text": (article.findtext("text") or "").strip()}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
