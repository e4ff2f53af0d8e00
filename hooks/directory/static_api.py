"""The paths Open Referral UK tools call, as files a static host serves.

ORUK tools are given a base address (here https://<site>/oruk) and ask for `{base}`, `{base}/services`,
`{base}/services?page=2` and `{base}/services/{id}`. A static host has no program to answer those, so the build
writes a file wherever a host looks for one, and two files that Netlify and Cloudflare Pages read
(`_headers`, `_redirects`; `_headers` also carries the headers every page gets, security_headers.NOT_FRAMED):

  oruk/index.json, oruk/index.html                   the API details (`{base}`, `{base}/`)
  oruk/services/index.json, oruk/services/index.html every service in one list page (`{base}/services`)
  oruk/services/pages/<n>.json                       the list PAGE_SIZE at a time (`?page=n`, Netlify only)
  oruk/services/<uuid>.json, oruk/services/<uuid>    one service in full (`{base}/services/{id}`)
and the same for each of ORUK's Level 2 lists (KINDS): taxonomies, taxonomy_terms, organizations and
service_at_locations.

What each host does with them (docs/editors/bring-in-your-directory.md has the table):
- GitHub Pages sends every file with `Access-Control-Allow-Origin: *` but takes no settings: a folder's address
  redirects to its `index.html` (so the .html files hold the same JSON, its < > & written as \\u escapes so no
  browser can read markup in it), a file's type comes from its name (text/html, or application/octet-stream
  for no extension), and the query string is ignored, so `?page=2` gets the whole list again.
- Netlify reads both files: JSON content type and CORS on everything under /oruk, and `?page=n` answered from
  the pages (its redirect rules can match a query parameter).
- Cloudflare Pages reads both files too, but its redirect rules cannot match a query string (it skips the rule
  that does), so `?page=n` gets the whole list, as on GitHub Pages.
The whole list is one page everywhere a page number cannot be honoured, so a tool never misses a service.
"""

from __future__ import annotations

from carers_hub.outputs.security_headers import NOT_FRAMED

BASE = "oruk"
PAGE_SIZE = 100  # services in each page of the list that Netlify serves for ?page=n

KINDS = ("services", "taxonomies", "taxonomy_terms", "organizations", "service_at_locations")  # Levels 1 and 2

API_FILES = (f"{BASE}/index.json", f"{BASE}/index.html")


def list_files(kind: str) -> tuple[str, ...]:
    return f"{BASE}/{kind}/index.json", f"{BASE}/{kind}/index.html"


def record_files(kind: str, uuid: str) -> tuple[str, ...]:
    return f"{BASE}/{kind}/{uuid}.json", f"{BASE}/{kind}/{uuid}"


def page_file(kind: str, number: int) -> str:
    return f"{BASE}/{kind}/pages/{number}.json"


EVERY_PAGE = "".join(f"  {name}: {value}\n" for name, value in NOT_FRAMED.items())
HEADERS = f"""# Headers for every page (no other website may frame them) and for the Open Referral UK open data.
# hooks/directory/static_api.py writes this file on every build, and nothing else does.
# Netlify and Cloudflare Pages read it; GitHub Pages cannot be given headers (see the handbook).
/*
{EVERY_PAGE}/{BASE}
  Access-Control-Allow-Origin: *
  Content-Type: application/json; charset=utf-8
  X-Content-Type-Options: nosniff
/{BASE}/*
  Access-Control-Allow-Origin: *
  Content-Type: application/json; charset=utf-8
  X-Content-Type-Options: nosniff
"""

# Netlify matches `page=:page` against the query string and forces the rule (!) over the folder's index.html.
# Cloudflare Pages expects two or three parts a line and skips the query rules, so it serves the whole list.
REDIRECTS = "# Open Referral UK paths (hooks/directory/static_api.py writes this file on every build).\n" + "".join(
    f"/{BASE}/{kind}{slash} page=:page /{BASE}/{kind}/pages/:page.json 200!\n" for kind in KINDS for slash in ("", "/")
) + "".join(
    f"/{BASE}/{kind}{slash} /{BASE}/{kind}/index.json 200\n" for kind in KINDS for slash in ("", "/")
) + f"/{BASE} /{BASE}/index.json 200\n/{BASE}/ /{BASE}/index.json 200\n"

HOST_FILES = {"_headers": HEADERS, "_redirects": REDIRECTS}


def is_open_data(path: str) -> bool:
    """A built file that holds open data, whatever its name (oruk/services/index.html is JSON)."""
    return path == BASE or path.startswith(BASE + "/")
