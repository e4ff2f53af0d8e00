"""A page rendered as the build renders it: mkdocs-macros, set up from mkdocs.yml with hooks/macros.py and the
example's data, without the check that runs before it (hooks/checks/page_template.py), so tests reach the
renderer itself."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from carers_hub.site_build import SiteView


def macros_plugin(root: Path, data, directory):
    """mkdocs-macros as the build configures it, its on_config run (which loads hooks/macros.py)."""
    config = load_config(str(root / "mkdocs.yml"))
    config.extra["carers"] = SiteView(data=data, directory=directory)  # as the build's on_config sets it
    plugin = config.plugins["macros"]
    plugin.on_config(config)
    plugin.config["on_error_fail"] = False  # the error comes back as the page's text, instead of exit(100)
    return plugin


def render(plugin, text: str, src_uri: str = "about/test-page.md", meta: dict | None = None,
           title: str = "A test page") -> str:
    """The Markdown mkdocs-macros makes of a page's text (its error message, if rendering failed); the title it
    made is plugin.page.title."""
    config = plugin.conf
    page = Page(title, File(src_uri, config.docs_dir, config.site_dir, True), config)
    page.meta = dict(meta or {})  # a page's front matter, which mkdocs-macros hands the template as variables
    return plugin.on_page_markdown(text, page=page, config=config)
