"""Invented pages shared by the ingest tests."""

from __future__ import annotations

STORY_PARAGRAPHS = [
    "The northern province opened its new water treatment plant on Wednesday, officials said.",
    "The plant will supply clean water to about forty thousand households in six districts.",
    "Engineers spent three years building the facility beside the river, the ministry said.",
    "Local residents had complained for a decade about shortages during the dry season.",
    "The governor thanked the workers and promised two more plants before the next election.",
]


def story_html(title: str, paragraphs: list[str], date: str = "2024-03-06") -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Valley Courier">
<meta name="date" content="{date}"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>{body}</article>
<footer>Copyright Valley Courier</footer></body></html>"""
