"""The theme's <article>: where a page's own content is in the HTML mkdocs-material writes, found in one place.

Coupling point "article markup" (docs/developers/how-it-works.md): leaflets, the reading report, abbreviations,
the search marks and search documents all read the article through here.
"""

from __future__ import annotations

import re
from typing import NamedTuple

OPEN = '<article class="md-content__inner md-typeset"'  # then ">", or " data-pagefind-body>" once marked
SEARCH_MARK = " data-pagefind-body"
CLOSE = "</article>"
# What the build puts at the start of a marked article for search only (pagefind_index.marks_html): spans only.
SEARCH_WORDS = re.compile(r'<div class="ch-search-words" hidden>.*?</div>', re.DOTALL)


class Bounds(NamedTuple):
    start: int  # where the opening tag starts
    inner: int  # where the content starts, after the opening tag
    end: int  # where </article> starts


def bounds(html: str, marked: bool = False) -> Bounds | None:
    """Where the article is (only once marked for search, if marked), or None when the page has none."""
    start = html.find(OPEN + (SEARCH_MARK + ">" if marked else ""))
    if start < 0:
        return None
    inner = html.find(">", start) + 1
    end = html.find(CLOSE, inner)
    return Bounds(start, inner, end) if end >= 0 else None


def content(html: str) -> str | None:
    """The article's own content, without what the build adds for search (the mark and the hidden words)."""
    found = bounds(html)
    if found is None:
        return None
    inner = html[found.inner:found.end]
    words = SEARCH_WORDS.match(inner)
    return inner[words.end():] if words else inner


def mark(html: str, first: str) -> str | None:
    """The page with its article marked for search and `first` (HTML) put at its start, or None without one not
    yet marked (a page is marked once)."""
    found = bounds(html)
    if found is None or not html.startswith(OPEN + ">", found.start):
        return None
    return html[:found.inner - 1] + SEARCH_MARK + ">" + first + html[found.inner:]
