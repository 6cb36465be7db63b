"""Web pages to articles: trafilatura for the main text and metadata (htmldate for the date)."""

from __future__ import annotations

import re

import htmldate
import trafilatura

from eventwire.ingest.clean import is_boilerplate_line
from eventwire.ingest.decode import DocumentError
from eventwire.records import Article

# An unclosed <title> swallows the whole page (the parser reads it as raw text); seen in saved
# pages. The title then ends with its line.
UNCLOSED_TITLE = re.compile(r"(<title[^>]*>[^<\n]*)(?![^<]*</title>)", re.IGNORECASE)

EXTRACTION_OPTIONS = {
    # The coder wants the story only: reader comments and layout tables are the largest
    # sources of extra text in news pages (measured on L3S-GN1, docs/ingest.md).
    "include_comments": False,
    "include_tables": False,
    # Metadata dates first (fast); the search of the page text runs only when they give none,
    # directly with htmldate, which is several times quicker than through trafilatura.
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


def repair_html(html: str) -> str:
    head_end = html.lower().find("</head>")
    window = html[: head_end if head_end > 0 else 20_000]
    if "<title" in window.lower() and "</title>" not in window.lower():
        return UNCLOSED_TITLE.sub(r"\1</title>", html, count=1)
    return html


def clean_extracted_text(text: str, title: str | None = None) -> str:
    """Drop the headline (it is the ``title``) and the furniture lines trafilatura kept
    (share, advertisement, copyright lines: the rules of the plain-text cleaner)."""
    lines = [line.strip() for line in text.splitlines()]
    if title and lines and lines[0].casefold() == title.strip().casefold():
        lines = lines[1:]
    return "\n".join(line for line in lines if line and not is_boilerplate_line(line))


def page_text_date(html: str, url: str | None) -> str | None:
    """A publication date found in the page's text (htmldate's extensive search)."""
    try:
        return htmldate.find_date(html, url=url, extensive_search=True, original_date=True)
    except (ValueError, TypeError):
        return None


def extract_html(
    html: str,
    name: str,
    *,
    url: str | None = None,
    date: str | None = None,
    article_id: str | None = None,
) -> Article:
    """Main text and metadata of one page; raises DocumentError when there is no main text."""
    html = repair_html(html)
    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, **EXTRACTION_OPTIONS)
    document = extracted.as_dict() if extracted is not None else {}
    title = document.get("title") or None
    text = clean_extracted_text(document.get("text") or "", title)
    if not text:
        raise DocumentError("no main text found in the HTML page")
    return Article(
        id=article_id or name,
        text=text,
        title=title,
        date=document.get("date") or page_text_date(html, url) or date,
        url=document.get("url") or url,
        source=document.get("sitename") or None,
        language=document.get("language") or None,
        origin=name,
        author=document.get("author") or None,
    )
