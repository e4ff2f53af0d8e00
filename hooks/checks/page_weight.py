"""What a first visit to a page costs: its HTML plus the CSS, JavaScript and fonts it loads, gzipped.

Used by the tests (budgets that fail when a page grows) and by bench/page_weight.py.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ASSET = re.compile(r'<link\b[^>]*\brel="(?:stylesheet|preload|modulepreload)"[^>]*\bhref="([^"]+)"'
                   r'|<script\b[^>]*\bsrc="([^"]+)"', re.IGNORECASE)
BUDGETS = {"standard": 60_000, "crisis": 20_000}


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def first_visit(site: Path, page_path: str) -> dict[str, int]:
    """Bytes by type (html, css, js) that loading `page_path` (like "get-help-now/") fetches before any click."""
    page = site / page_path / "index.html" if not page_path.endswith(".html") else site / page_path
    html = page.read_text(encoding="utf-8")
    sizes = {"html": gzipped(page), "css": 0, "js": 0}
    base = "/" + page_path if page_path.endswith("/") else "/" + page_path.rsplit("/", 1)[0] + "/"
    for match in ASSET.finditer(html):
        url = match.group(1) or match.group(2)
        path = urlsplit(urljoin("http://site" + base, url)).path.lstrip("/")
        sizes["css" if match.group(1) else "js"] += gzipped(site / path)
    return sizes
