"""What every built page carries for its readers' safety: a Content-Security-Policy that lets only this
site's own files load, a referrer policy, and links to other websites marked as external."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

# No other website may show this site's pages inside its own (a frame), where it could lay its own buttons over
# ours, or lead a reader to click "Clear my plan", or an editor to click in the editor. Sent as headers where the
# host reads `_headers` (Netlify, Cloudflare Pages: hooks/directory/static_api.py writes it); a <meta> tag cannot
# set frame-ancestors, so on GitHub Pages the pages guard themselves with a script (overrides/main.html, and
# /admin/'s hooks/editor/js/frame-guard.js).
NOT_FRAMED = {"Content-Security-Policy": "frame-ancestors 'none'", "X-Frame-Options": "DENY"}

EXTERNAL_LINK = re.compile(r"<a\s[^>]*?\bhref=\"https?://([^/\"]+)[^>]*>", re.IGNORECASE)
REL = re.compile(r"\srel=", re.IGNORECASE)


@lru_cache(maxsize=64)  # the same few scripts on every page
def script_hash(body: str) -> str:
    return "'sha256-%s'" % base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()


def content_security_policy(scripts: list[str], preview: bool = False) -> str:
    """Only this site's own files may load; the inline scripts given (page_scripts.py: only the listed ones)
    are allowed by their hashes, and the search's WebAssembly (Pagefind, from this site) may be compiled.
    preview: the page is for `mkdocs serve` on the editor's own computer, whose live-reload script (added by
    the server to every page it sends, with the build's time in it) has no hash the build could know: inline
    scripts run there. The build still refuses a page with an unlisted inline script (page_scripts.py)."""
    hashes = sorted({script_hash(body) for body in scripts})
    inline = " 'unsafe-inline'" if preview else "".join(" " + h for h in hashes)
    return "; ".join([
        "default-src 'self'",
        # 'wasm-unsafe-eval' lets the site's own search (Pagefind) compile its WebAssembly; it allows no eval().
        "script-src 'self' 'wasm-unsafe-eval'" + inline,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_security_headers(html: str, scripts: list[str], preview: bool = False) -> str:
    """scripts: the page's listed inline scripts (page_scripts.page_scripts(html).listed); preview: see
    content_security_policy."""
    policy = content_security_policy(scripts, preview)
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
