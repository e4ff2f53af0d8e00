"""MkDocs pages made from data (services, the directory, filter and journey pages).

Their HTML comes straight from the modules in hooks/directory/: there is no Markdown to
read or convert, which is most of the time MkDocs would spend on each of thousands of service pages.
This is how mkdocs-material's blog plugin makes its index pages: a Page of its own kind, set on the
file before MkDocs builds the menu, so MkDocs uses it instead of making one.
"""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify as toc_slugify
from markupsafe import escape
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from hooks.directory.generated import Generated

ID = re.compile(r'\sid="([^"]+)"')


def heading(title: str, slugify=toc_slugify) -> tuple[str, str]:
    """The page's <h1> and its id: the id as Markdown's toc extension makes it for a "# title" heading (a
    title with no letters or digits gets "title", where Markdown would number it)."""
    anchor = slugify(title, "-") or "title"
    return anchor, f'<h1 id="{anchor}">{escape(title)}</h1>'


class DataPage(Page):
    def __init__(self, made: Generated, file: File, config) -> None:
        super().__init__(None, file, config)
        self.made = made

    def read_source(self, config) -> None:
        self.markdown = ""  # MkDocs and its plugins expect a string
        self.meta = dict(self.made.meta)

    def render(self, config, files) -> None:
        slugify = (config["mdx_configs"].get("toc") or {}).get("slugify", toc_slugify)
        anchor, h1 = heading(self.made.title, slugify)
        self.content = f"{h1}\n{self.made.html()}"
        self.toc = get_toc([{"level": 1, "id": anchor, "name": str(escape(self.made.title)), "children": []}])
        # Links from other pages to a section here (#carers-assessment) are checked against these.
        self.present_anchor_ids = set(ID.findall(self.content))


def release(page) -> None:
    """After MkDocs has written a page made from data, let its HTML go: MkDocs keeps every page's content to the
    end of the build, which for 70,000 pages is most of its memory. Nothing reads it again (anchors were taken
    at render)."""
    if isinstance(page, DataPage):
        page.content = None
