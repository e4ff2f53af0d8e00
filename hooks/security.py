"""What a built page may load and link: only this site's own files, a Content-Security-Policy that says
so, and links to other websites marked as external."""

from __future__ import annotations

import base64
import hashlib
import re

from hooks.problems import Problem

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>",
                           re.DOTALL)
# Tags that load something, then the attribute that says where from: two short searches are much faster
# than one pattern that tries every alternative at every character of a large page.
LOADING_TAG = re.compile(r"<(?:(link)|script|img|iframe|audio|video|source|embed)\b[^>]*\b(?:src|href)=\"(?:https?:)?//[^>]*>",
                         re.IGNORECASE)  # only tags with an address on another website: most pages have none
OFF_SITE_SRC = re.compile(r"\bsrc=\"((?:https?:)?//[^\"]+)\"", re.IGNORECASE)
OFF_SITE_HREF = re.compile(r"\bhref=\"((?:https?:)?//[^\"]+)\"", re.IGNORECASE)
LOADING_REL = re.compile(r"\brel=\"[^\"]*\b(?:stylesheet|preconnect|preload|dns-prefetch|icon|modulepreload|prefetch)\b",
                         re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\s+url\(\s*['\"]?((?:https?:)?//[^'\")]+)", re.IGNORECASE)
EXTERNAL_LINK = re.compile(r"<a\s[^>]*?\bhref=\"https?://([^/\"]+)[^>]*>", re.IGNORECASE)
REL = re.compile(r"\srel=", re.IGNORECASE)


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


def content_security_policy(html: str) -> str:
    """Only this site's own files may load; the theme's few inline scripts are allowed by their hashes."""
    hashes = sorted({"'sha256-%s'" % base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
                     for body in INLINE_SCRIPT.findall(html)})
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_security_headers(html: str) -> str:
    policy = content_security_policy(html)
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            '<meta name="referrer" content="strict-origin-when-cross-origin">\n')
    return html.replace("<head>", "<head>\n" + tags, 1)


def mark_external_links(html: str, own_host: str) -> str:
    """Links to other websites get rel="external" (and a small arrow from the stylesheet)."""
    def mark(match: re.Match) -> str:
        tag = match.group(0)
        if match.group(1) == own_host or REL.search(tag):
            return tag
        return tag[:-1] + ' rel="external noopener">'
    return EXTERNAL_LINK.sub(mark, html)
