"""Web pages to articles: trafilatura for the main text and metadata (htmldate for the date)."""

from __future__ import annotations

import re

import trafilatura

from eventwire.ingest.clean import is_boilerplate_line
from eventwire.ingest.decode import DocumentError
from eventwire.records import Article

# An unclosed <title> swallows the whole page (the parser reads it as raw text); seen in saved
# pages. The title then ends with its line.
UNCLOSED_TITLE = re.compile(r"(<title[^>]*>[^<\n]*)(?![^<]*</title>)", re.IGNORECASE)
# Reader comments that sit inside the article container ("Posted by: Jo of Perth 9:49pm").
COMMENT_SIGNATURE = re.compile(
    r"^(posted|submitted|written|added) (by|on)\b.{0,80}$", re.IGNORECASE
)

EXTRACTION_OPTIONS = {
    # The coder wants the story only: reader comments and layout tables are the largest
    # sources of extra text in news pages (measured on L3S-GN1, docs/ingest.md).
    "include_comments": False,
    "include_tables": False,
}


def repair_html(html: str) -> str:
    head_end = html.lower().find("</head>")
    window = html[: head_end if head_end > 0 else 20_000]
    if "<title" in window.lower() and "</title>" not in window.lower():
        return UNCLOSED_TITLE.sub(r"\1</title>", html, count=1)
    return html


def clean_extracted_text(text: str) -> str:
    """Drop furniture lines trafilatura kept (share/ad/copyright lines, comment signatures).

    When a comment signature appears, the reader comments have begun: the story ends before
    the first comment (the paragraph just above the signature).
    """
    lines = [line.strip() for line in text.splitlines()]
    kept: list[str] = []
    for line in lines:
        if not line:
            continue
        if COMMENT_SIGNATURE.match(line):
            if kept:
                kept.pop()  # the comment's own text, just above its signature
            break
        if not is_boilerplate_line(line):
            kept.append(line)
    return "\n".join(kept)


def extract_html(
    html: str,
    name: str,
    *,
    url: str | None = None,
    date: str | None = None,
    article_id: str | None = None,
) -> Article:
    """Main text and metadata of one page; raises DocumentError when there is no main text."""
    extracted = trafilatura.bare_extraction(
        repair_html(html), url=url, with_metadata=True, **EXTRACTION_OPTIONS
    )
    document = extracted.as_dict() if extracted is not None else {}
    text = clean_extracted_text(document.get("text") or "")
    if not text:
        raise DocumentError("no main text found in the HTML page")
    return Article(
        id=article_id or name,
        text=text,
        title=document.get("title") or None,
        date=document.get("date") or date,
        url=document.get("url") or url,
        source=document.get("sitename") or None,
        language=document.get("language") or None,
        origin=name,
        author=document.get("author") or None,
    )
