"""Every menu in the theme's navigation is a landmark a screen reader can name.

mkdocs-material labels a section's menu (<nav aria-labelledby="__nav_N_label">) by the section's expand button.
For a section with its own page (navigation.indexes) that button holds only an icon, so the open section's
menu is a navigation landmark with no name. Each menu is named instead by the title the theme writes at its
top (<label class="md-nav__title">), which every menu has.
"""

from __future__ import annotations

import html
import re

from markupsafe import escape

MENU = re.compile(r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="(?P<id>[^"]+)_label"'
                  r'(?P<rest>[^>]*>\s*<label class="md-nav__title" for="(?P=id)">)(?P<title>.*?)</label>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def _named(match: re.Match) -> str:
    title = " ".join(html.unescape(TAG.sub("", match["title"])).split())
    return f'{match[1]} aria-label="{escape(title)}"{match["rest"]}{match["title"]}</label>'


def name_menus(page: str) -> str:
    """The page with each section menu named by its title."""
    return MENU.sub(_named, page)
