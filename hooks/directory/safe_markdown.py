"""The little Markdown allowed in service descriptions, rendered safely.

The text is escaped first, so nothing in it can become HTML or script. Then only
**bold**, [links](https://...) and blank-line paragraphs are turned into HTML.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

BOLD = re.compile(r"\*\*(.+?)\*\*")
LINK = re.compile(r"\[([^\]]+)\]\((https://[^)\s]+)\)")


def render(text: str) -> Markup:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    out = []
    for paragraph in paragraphs:
        html = str(escape(" ".join(paragraph.split())))
        html = BOLD.sub(r"<strong>\1</strong>", html)
        html = LINK.sub(r'<a href="\2">\1</a>', html)
        out.append(f"<p>{html}</p>")
    return Markup("\n".join(out))


@lru_cache(maxsize=16384)
def plain(text: str) -> str:
    """The description as plain words (for summaries, search and open data)."""
    text = BOLD.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    return " ".join(text.split())


@lru_cache(maxsize=16384)  # a service's summary appears on its page, the directory and two or more filter pages
def first_sentence(text: str) -> str:
    words = plain(text)
    match = re.match(r"(.+?[.!?])(\s|$)", words)
    return match.group(1) if match else words

