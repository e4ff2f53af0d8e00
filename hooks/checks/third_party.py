"""A built page may load only this site's own files: anything fetched from another website would tell it
who reads about caring. Checked on every page as it is built, and on the built site by make check.

Tags are read with html.parser (hooks/core/html_read.py), so an address counts however it is quoted
(src='...', src=..., src="..."), spelled (&#x2F;&#x2F;, \\\\, http:host) or listed (srcset). Only the tags
that can load something are read, which keeps the check well under a millisecond a page; an attribute that
can load from any tag (style, ping, xlink:href, background, formaction, manifest) anywhere in the page has
the whole page read instead.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Iterator

from carers_hub.core import html_read
from carers_hub.core.problems import Problem

# Tags that fetch by an attribute of their own: HTML's, and SVG's that take href.
LOADING_TAGS = ("link", "script", "img", "image", "iframe", "frame", "portal", "audio", "video", "source", "track",
                "embed", "object", "applet", "input", "form", "base", "meta", "style",
                "use", "feimage", "pattern", "lineargradient", "radialgradient", "filter", "textpath", "mpath",
                "tref", "cursor", "set", "animate", "animatemotion", "animatetransform", "discard", "altglyph",
                "glyphref", "color-profile", "font-face-uri")
FIND_LOADING_TAGS = html_read.finder(LOADING_TAGS)
# Attributes that fetch from (nearly) any tag: if one is in the page, every tag is read. One search for each
# name, then a look at the character before it: patterns that start with a choice of words, or with a
# look-behind, are tried at every character of the page and are many times slower.
ANY_TAG = [re.compile(name + r"\s*=") for name in ("style", "ping", "xlink:href", "background", "formaction", "manifest")]
BEFORE_ATTRIBUTE = set(" \t\n\r\f\"'/")
LOADING_ATTRIBUTES = {"poster", "data", "background", "action", "formaction", "ping", "codebase", "archive",
                      "manifest", "xlink:href", "longdesc"}  # and every name ending in src or srcset
# <link rel> kinds a browser never fetches by itself; any other (stylesheet, icon, preload, dns-prefetch...) counts.
LINK_NOT_FETCHED = {"canonical", "alternate", "prev", "next", "author", "license", "help", "bookmark", "me",
                    "external", "nofollow", "noopener", "noreferrer", "tag"}


def tag_addresses(tag: html_read.Tag) -> Iterator[str]:
    """Every address a tag makes the browser fetch (or, for <meta http-equiv=refresh>, go to by itself)."""
    for name, value in tag.attrs:
        if not value:
            continue
        if name.endswith("srcset"):
            yield from html_read.srcset_addresses(value)
        elif name.endswith("src") or name in LOADING_ATTRIBUTES:
            yield value
        elif name == "href" and tag.name not in ("a", "area"):
            if tag.name != "link" or set((tag.get("rel") or "").lower().split()) - LINK_NOT_FETCHED:
                yield value
        elif name == "style":
            yield from html_read.css_addresses(value)
        elif name == "content" and tag.name == "meta" and (tag.get("http-equiv") or "").strip().lower() == "refresh":
            yield html_read.refresh_address(value)


class _EveryTag(HTMLParser):
    """The slow way, for a page with an attribute that can load from any tag: every tag, and <style>'s text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.addresses: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.addresses += tag_addresses(html_read.Tag(tag, tuple(attrs), 0, 0))
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.addresses += html_read.css_addresses(data)

    def handle_endtag(self, tag):
        self._in_style = False


def _addresses(html: str) -> Iterator[str]:
    low = html_read.lowered(html)
    if any(low[m.start() - 1] in BEFORE_ATTRIBUTE for attribute in ANY_TAG for m in attribute.finditer(low)):
        reader = _EveryTag()
        reader.feed(html)
        reader.close()
        yield from reader.addresses
        return
    for tag in html_read.tags(html, FIND_LOADING_TAGS, low):
        if not tag.readable:  # what the parser could not read is suspect: every word that could be an address
            yield from html_read.srcset_addresses(html[tag.start + 1:tag.end - 1].replace("=", " ").replace('"', " ")
                                                  .replace("'", " "))
            continue
        yield from tag_addresses(tag)
        if tag.name == "style":
            yield from html_read.css_addresses(html_read.raw_text(html, tag, low))


def third_party_resources(html: str, own_host: str) -> list[str]:
    """Anything the page would fetch from another website (fonts, scripts, trackers, pictures), or send the
    reader to by itself (a refresh)."""
    found: list[str] = []
    for url in _addresses(html):
        if html_read.elsewhere(url, own_host) and url not in found:
            found.append(url)
    return found


def third_party_problems(html: str, own_host: str, file: str) -> list[Problem]:
    return [Problem(code="THIRD_PARTY_REQUEST", file=file, line=None, field="",
                    message=f"the page would load {url} from another website.",
                    fix="Carers' visits must not be shared with other websites. Copy the file into the site "
                        "(for example overrides/assets/) and link to that, or remove it.")
            for url in third_party_resources(html, own_host)]
