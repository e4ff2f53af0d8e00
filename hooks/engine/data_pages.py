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

from carers_hub.directory.generated import Generated

ID = re.compile(r'\sid="([^"]+)"')


def heading(title: str, slugify=toc_slugify) -> tuple[str, str]:
    """The page's <h1> and its id: the id as Markdown's toc extension makes it for a "# title" heading (a
    title with no letters or digits gets "title", where Markdown would number it)."""
    anchor = slugify(title, "-") or "title"
    return anchor, f'<h1 id="{anchor}">{escape(title)}</h1>'


class DataPage(Page):
    """A page made from data. Its HTML is made only when MkDocs writes the page (`fill`, from the page_context
    event) and let go once written (`release`): MkDocs renders every page before writing any, and keeps each
    page's HTML to the end of the build, which for 70,000 pages made from data would be most of its memory."""

    def __init__(self, made: Generated, file: File, config) -> None:
        super().__init__(None, file, config)
        self.made = made
        self._h1 = ""

    def read_source(self, config) -> None:
        self.markdown = ""  # MkDocs and its plugins expect a string
        self.meta = dict(self.made.meta)

    def render(self, config, files) -> None:
        slugify = (config["mdx_configs"].get("toc") or {}).get("slugify", toc_slugify)
        anchor, self._h1 = heading(self.made.title, slugify)
        self.content = ""  # not None: MkDocs asserts a rendered page has content; `fill` makes the real one
        self.toc = get_toc([{"level": 1, "id": anchor, "name": str(escape(self.made.title)), "children": []}])

    def html(self) -> str:
        return f"{self._h1}\n{self.made.html()}"

    @property
    def present_anchor_ids(self) -> set[str]:
        """The ids links from other pages may point at (#carers-assessment), read from the page's HTML when
        MkDocs checks such a link: rarely, so the HTML is made again rather than kept."""
        return set(ID.findall(self.html()))


def fill(page) -> None:
    """Just before MkDocs puts a page made from data into its template: its HTML."""
    if isinstance(page, DataPage):
        page.content = page.html()


def release(page) -> None:
    """After MkDocs has written a page made from data, let its HTML go (see DataPage)."""
    if isinstance(page, DataPage):
        page.content = None
