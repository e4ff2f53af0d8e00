"""How three static hosts answer a request for a built site's file, as their documentation describes it.

A model, not the hosts themselves (the tests never use the internet): it lets a test ask "what would
GitHub Pages, Netlify or Cloudflare Pages send for /oruk/services?page=2?" of a built site folder.

- GitHub Pages: no settings. A file is sent with a type from its name (no extension: application/octet-stream);
  a folder's address without "/" redirects (301) to the address with it, then its index.html is sent; the
  query string plays no part; every response has `Access-Control-Allow-Origin: *`.
- Netlify: `_redirects` rules are tried in order; a rule may require query parameters (`page=:page`); a rule
  with status 200 rewrites to its target; without "!" a rule does not apply where a file already answers
  the address. `_headers` adds the headers of every block whose path (with `*`) matches.
- Cloudflare Pages: `_redirects` lines must have two or three parts (others are skipped: no query matching);
  rules apply whether or not a file exists; `Access-Control-Allow-Origin: *` is sent by default; `_headers`
  as Netlify.
- `_headers` on both: a path pattern's `*` matches anything, slashes included, and a `:placeholder` one path
  segment; a request gets the headers of every block that matches, and a header set by two blocks is sent once
  with both values joined by ", " (Cloudflare's documentation says so; Netlify joins repeated values alike).
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit


@dataclass
class Answer:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    redirects: list[str] = field(default_factory=list)  # addresses it was redirected through


def _type(path: Path) -> str:
    if not path.suffix:
        return "application/octet-stream"
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _file_for(site: Path, path: str) -> Path | None:
    """The file a plain static server sends for a path: the file, or a folder's index.html."""
    target = site / path.lstrip("/")
    if target.is_file():
        return target
    if target.is_dir() and (target / "index.html").is_file():
        return target / "index.html"
    return None


def github_pages(site: Path, url: str) -> Answer:
    parts = urlsplit(url)
    path, redirects = parts.path, []
    target = site / path.lstrip("/")
    if target.is_dir() and not path.endswith("/"):
        redirects.append(path + "/")
        path += "/"
    found = _file_for(site, path)
    if found is None:
        return Answer(404, redirects=redirects)
    return Answer(200, found.read_bytes(), {"Content-Type": _type(found), "Access-Control-Allow-Origin": "*"},
                  redirects)


def _rules(site: Path) -> list[list[str]]:
    file = site / "_redirects"
    if not file.exists():
        return []
    return [line.split() for line in file.read_text().splitlines() if line.strip() and not line.startswith("#")]


def _header_blocks(site: Path) -> list[tuple[str, dict[str, str]]]:
    file = site / "_headers"
    blocks: list[tuple[str, dict[str, str]]] = []
    if not file.exists():
        return blocks
    for line in file.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line[0].isspace():
            blocks.append((line.strip(), {}))
        else:
            name, value = line.strip().split(":", 1)
            blocks[-1][1][name.strip()] = value.strip()
    return blocks


def _matches(pattern: str, path: str) -> bool:
    parts = re.split(r"(\*|:[A-Za-z_]\w*)", pattern)
    regex = "".join(".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part) for part in parts)
    return re.fullmatch(regex, path) is not None


def _with_headers(site: Path, path: str, found: Path, defaults: dict[str, str]) -> dict[str, str]:
    added: dict[str, list[str]] = {}
    for pattern, block in _header_blocks(site):
        if _matches(pattern, path):
            for name, value in block.items():
                added.setdefault(name, []).append(value)
    # The _headers file overrides what the host would send by itself.
    return {"Content-Type": _type(found), **defaults, **{name: ", ".join(values) for name, values in added.items()}}


def _rewrite(rule: list[str], path: str, query: dict[str, list[str]], with_query: bool) -> str | None:
    """The target of a rule for this request, or None when it does not match."""
    source, rest = rule[0], rule[1:]
    conditions = [part for part in rest if "=" in part and not part.startswith("/")] if with_query else []
    others = [part for part in rest if part not in conditions]
    if source.rstrip("/") != path.rstrip("/") or not others:
        return None
    target = others[0]
    for condition in conditions:
        key, value = condition.split("=", 1)
        if key not in query:
            return None
        if value.startswith(":"):
            target = target.replace(value, query[key][0])
    return target


def _rule_host(site: Path, url: str, netlify: bool) -> Answer:
    parts = urlsplit(url)
    path, query = parts.path, parse_qs(parts.query)
    defaults = {} if netlify else {"Access-Control-Allow-Origin": "*"}
    existing = _file_for(site, path)
    for rule in _rules(site):
        if not netlify and len(rule) not in (2, 3):
            continue  # Cloudflare Pages: "Expected exactly 2 or 3 whitespace-separated tokens"
        status = rule[-1] if rule[-1].rstrip("!").isdigit() else "301"
        if netlify and existing is not None and not status.endswith("!"):
            continue  # a file answers this address: the rule is shadowed
        target = _rewrite(rule, path, query, with_query=netlify)
        if target is None:
            continue
        if status.rstrip("!") != "200":
            return Answer(int(status.rstrip("!")), headers={"Location": target})
        found = _file_for(site, target)
        if found is None:
            return Answer(404)
        return Answer(200, found.read_bytes(), _with_headers(site, path, found, defaults))
    if existing is None:
        return Answer(404)
    return Answer(200, existing.read_bytes(), _with_headers(site, path, existing, defaults))


def netlify(site: Path, url: str) -> Answer:
    return _rule_host(site, url, netlify=True)


def cloudflare_pages(site: Path, url: str) -> Answer:
    return _rule_host(site, url, netlify=False)


HOSTS = {"GitHub Pages": github_pages, "Netlify": netlify, "Cloudflare Pages": cloudflare_pages}
