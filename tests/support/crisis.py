"""The site under test's crisis pages as its data names them (data/site.yaml get_help_now and crisis_pages), for
the tests to expect on any council's site."""

from __future__ import annotations

from pathlib import Path

import yaml


def address(page: str) -> str:
    """Where a page of content/ is built, from the site's root (the build's own rule, urls.page_url):
    get-help-now.md is /get-help-now/, index.md is /."""
    from carers_hub.core.urls import page_url

    return "/" + page_url(page).removeprefix("./")


def title(site: Path, page: str) -> str:
    """A content page's title, from its front matter."""
    return yaml.safe_load((site / "content" / page).read_text().split("---")[1])["title"]


def printed(data) -> list:
    """The contacts every page prints at its end (get_help_now.printed_contacts), as data defines them."""
    return [data.contacts[contact] for contact in data.get_help_now.printed_contacts]
