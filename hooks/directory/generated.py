"""What a page made from data is: its title, front matter, HTML body and search entry, and what it is made from.

Pages made from data never pass through Markdown or the macros plugin, so text from data can never run
as a template, and a large directory builds fast (hooks/engine/data_pages.py hands them to MkDocs).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from hooks.core import urls
from hooks.data.models import PageMeta
from hooks.data.services import Directory
from hooks.data.site_data import SiteData


@dataclass(frozen=True)
class Sources:
    """Everything a kind of generated page may be made from."""
    data: SiteData
    directory: Directory
    metas: dict[str, PageMeta | None]  # the front matter of every page in content/, by its path there


@dataclass(frozen=True)
class Generated:
    title: str  # as the data has it: escaped wherever it is shown
    meta: dict
    body: Markup | Callable[[], Markup]  # the page after its heading, or how to make it when MkDocs asks
    search: dict | None  # its entry in the search index, made from the data; None keeps it out of search

    def html(self) -> Markup:
        """The body. A directory of 50,000 services has about 70,000 pages made from data: each is made when
        MkDocs renders it, not all held at once."""
        return self.body() if callable(self.body) else self.body


def make_page(meta: dict, title: str, body: Markup | Callable[[], Markup], search: dict | None = None) -> Generated:
    # The theme prints page titles without escaping (overrides/main.html escapes descriptions).
    # The search plugin never reads these pages: they are indexed from data (`search`), or not at all.
    meta = {"title": str(escape(title)), **meta, "render_macros": False, "generated": True, "compact": True,
            "search": {"exclude": True}}
    return Generated(title=title, meta=meta, body=body, search=search)


def search_entry(src: str, title: str, paragraphs: list) -> dict:
    """A page's one entry in the search index: its title and plain paragraphs, escaped as the search plugin
    escapes the text it reads from pages (quotes left as they are, so "carer's" is found as typed)."""
    return {"location": urls.page_url(src), "title": html.escape(title, quote=False),
            "text": "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in paragraphs if text)}
