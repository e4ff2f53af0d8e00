"""Where a page in content/ is published: the one rule every part of the build uses.

Carers Hub publishes with directory URLs (support/carers-assessment.md -> support/carers-assessment/): short
addresses that read well on paper and in a leaflet. The adapter refuses a mkdocs.yml that turns them off,
rather than let links made from data point at the wrong place.
"""

from __future__ import annotations

import re


def slug(text: str) -> str:
    """Text as a part of an address or an anchor: small letters and digits, "-" between ("North Town" -> north-town)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def page_url(src_uri: str) -> str:
    """support/carers-assessment.md -> support/carers-assessment/; a/index.md -> a/; index.md -> ./"""
    path = src_uri.removesuffix(".md")
    if path == "index":
        return "./"
    return path.removesuffix("index") if path.endswith("/index") else path + "/"


def built_file(src_uri: str) -> str:
    """The HTML file a page is written to: support/x.md -> support/x/index.html."""
    return page_url(src_uri).removeprefix("./") + "index.html"


def _parts(url: str) -> list[str]:
    parts: list[str] = []
    for part in url.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts


def relative(target_url: str, from_url: str) -> str:
    """A link from one page's address to another's, written as MkDocs writes it (../kind/dementia/): the
    same rule as mkdocs.utils.get_relative_url, kept here so the core needs no engine."""
    folder, _, last = from_url.rpartition("/")
    base = _parts(folder if "." in last else from_url)
    dest = _parts(target_url)
    common = 0
    for a, b in zip(base, dest):
        if a != b:
            break
        common += 1
    rel = "/".join([".."] * (len(base) - common) + dest[common:]) or "."
    return rel + "/" if target_url.endswith("/") else rel


def link(target_src: str, from_src: str) -> str:
    """A relative link between two pages, by their paths under content/."""
    return relative(page_url(target_src), page_url(from_src))
