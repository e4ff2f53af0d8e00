"""A built page may load only this site's own files: anything fetched from another website would tell it
who reads about caring. Checked on every page as it is built, and on the built site by make check."""

from __future__ import annotations

import re

from hooks.core.problems import Problem

# Tags that load something, then the attribute that says where from: two short searches are much faster
# than one pattern that tries every alternative at every character of a large page.
LOADING_TAG = re.compile(r"<(?:(link)|script|img|iframe|audio|video|source|embed)\b[^>]*\b(?:src|href)=\"(?:https?:)?//[^>]*>",
                         re.IGNORECASE)  # only tags with an address on another website: most pages have none
OFF_SITE_SRC = re.compile(r"\bsrc=\"((?:https?:)?//[^\"]+)\"", re.IGNORECASE)
OFF_SITE_HREF = re.compile(r"\bhref=\"((?:https?:)?//[^\"]+)\"", re.IGNORECASE)
LOADING_REL = re.compile(r"\brel=\"[^\"]*\b(?:stylesheet|preconnect|preload|dns-prefetch|icon|modulepreload|prefetch)\b",
                         re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\s+url\(\s*['\"]?((?:https?:)?//[^'\")]+)", re.IGNORECASE)


def third_party_resources(html: str, own_host: str) -> list[str]:
    """Anything the page would fetch from another website (fonts, scripts, trackers, pictures)."""
    urls = []
    for tag in LOADING_TAG.finditer(html):
        text = tag.group(0)
        if tag.group(1):  # <link>: only the kinds that make the browser fetch something
            urls += OFF_SITE_HREF.findall(text) if LOADING_REL.search(text) else []
        else:  # every src-like attribute: a script may fetch data-src too
            urls += OFF_SITE_SRC.findall(text)
    if "@import" in html:
        urls += CSS_IMPORT.findall(html)
    return [url for url in urls if own_host not in url.split("/")[2:3]]


def third_party_problems(html: str, own_host: str, file: str) -> list[Problem]:
    return [Problem(code="THIRD_PARTY_REQUEST", file=file, line=None, field="",
                    message=f"the page would load {url} from another website.",
                    fix="Carers' visits must not be shared with other websites. Copy the file into the site "
                        "(for example overrides/assets/) and link to that, or remove it.")
            for url in third_party_resources(html, own_host)]
