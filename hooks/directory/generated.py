"""What a page made from data is: its title, front matter, HTML body and search entry, and what it is made from.

Pages made from data never pass through Markdown or the macros plugin, so text from data can never run
as a template, and a large directory builds fast (hooks/engine/data_pages.py hands them to MkDocs).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Mapping

from markupsafe import Markup, escape

from carers_hub.core import urls
from carers_hub.data.models import PageMeta
from carers_hub.data.services import Directory
from carers_hub.data.site_data import SiteData


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
    search: dict | None  # what search knows of it, made from the data (title, text, tags); None keeps it out of search
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # search filters: {"kind": ("respite-care",)}

    def html(self) -> Markup:
        """The body. A directory of 50,000 services has about 70,000 pages made from data: each is made when
        MkDocs renders it, not all held at once."""
        return self.body() if callable(self.body) else self.body


def make_page(meta: dict, title: str, body: Markup | Callable[[], Markup], search: dict | None = None,
              filters: Mapping[str, tuple[str, ...]] | None = None) -> Generated:
    # The theme prints page titles without escaping (overrides/main.html escapes descriptions).
    # Search indexes the built page (hooks/outputs/pagefind_index.py) only if it has a `search` entry, whose
    # title, tags and text say which of the words carers use (data/synonyms.yaml) the page is about.
    meta = {"title": str(escape(title)), **meta, "render_macros": False, "generated": True, "compact": True}
    return Generated(title=title, meta=meta, body=body, search=search, filters=filters or {})


def search_entry(src: str, title: str, paragraphs: list) -> dict:
    """What search knows of a page made from data: its title and plain paragraphs, escaped as a page's text is
    (quotes left as they are, so "carer's" is matched as typed)."""
    return {"location": urls.page_url(src), "title": html.escape(title, quote=False),
            "text": "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in paragraphs if text)}
