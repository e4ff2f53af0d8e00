"""Every kind of page a site has, and one address of each: what the benchmarks and the tests share.

`find_kinds(site)` finds one page of each kind in any built site by what the page is (the crisis bar's link, the
plan form, the search label the build gives a page), so the tests run on any council's site. KINDS are the City of
London example's own addresses of those kinds: the benchmarks measure them, and the example's reviewed snapshots
(tests/baselines/) are of them. LISTS are the lists of services the build makes, as a glob under the built site,
since which ones exist depends on the directory.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

KINDS = {
    "home": "/", "guidance": "/support/carers-assessment/", "crisis": "/get-help-now/", "directory": "/services/",
    "service": "/services/city-carers-support-service/", "glossary": "/glossary/",
    "emergency plan": "/planning-ahead/make-your-plan/", "easy read": "/easy-read/what-is-a-carer/",
}
LISTS = {
    "directory, page 2": "services/page-2/index.html", "kind of service": "services/kind/*/index.html",
    "kind of carer": "services/for/*/index.html", "area": "services/in/*/index.html",
    "kinds combined": "services/kind/*/for/*/index.html", "three combined": "services/kind/*/for/*/in/*/index.html",
    "list, last page": "services/kind/*/page-*/index.html", "journey": "journeys/*/index.html",
    "A to Z": "a-z/index.html", "A to Z, services": "a-z/services/*/index.html",
}
# What a site's writers add to have a page of each kind the finder looks for, said when one is missing.
HOW_TO_HAVE = {
    "crisis": "the page data/site.yaml names under get_help_now, linked from the crisis bar",
    "service": "a service in data/services.yaml, listed on /services/",
    "guidance": "a guide: a page in a section folder of content/ with a heading (##) in it",
    "glossary": "a page with {{ glossary() }}, the words in data/glossary.yaml",
    "emergency plan": "a page with {{ emergency_plan_form() }}",
    "easy read": "a page in content/easy-read/ other than its index",
}
LABEL = re.compile(r'data-pagefind-meta="label\[data-label\]" data-label="([^"]+)"')
HREF = re.compile(r'href="([^"#?]*)"')


def address(site: Path, page: Path) -> str:
    return "/" + page.parent.relative_to(site).as_posix() + "/" if page.parent != site else "/"


def _html(site: Path, at: str) -> str:
    page = site / at.strip("/") / "index.html"
    return page.read_text() if page.is_file() else ""


def _links(site: Path, at: str, pattern: str = "") -> list[str]:
    """The site's own addresses a built page links to, in the order a reader meets them (within the first match of
    `pattern`, if given)."""
    html = _html(site, at)
    if pattern and (part := re.search(pattern, html, re.DOTALL)):
        html = part.group(0)
    found = [urljoin("http://site" + at, href).removeprefix("http://site") for href in HREF.findall(html)]
    return list(dict.fromkeys(a for a in found if a.startswith("/") and a.endswith("/") and _html(site, a)))


def _in_menu_order(site: Path) -> list[str]:
    """Every built page, those in the home page's menu first in its order, then the rest by address."""
    rest = sorted(address(site, page) for page in site.rglob("index.html"))
    return list(dict.fromkeys(_links(site, "/") + rest))


def _label(html: str) -> str:
    return match.group(1) if (match := LABEL.search(html)) else ""


def _article(html: str) -> str:
    return part.group(0) if (part := re.search(r"<article.*?</article>", html, re.DOTALL)) else ""


def _is_guide(at: str, html: str, crisis: str) -> bool:
    """A guide a council writes: inside a section (not a section's own page), with a heading under its title."""
    return (_label(html) == "Guide" and at.count("/") == 3 and at != crisis and 'id="ch-plan"' not in html
            and not at.startswith(("/journeys/", "/a-z/")) and "<h2" in _article(html))


@lru_cache  # a built site is never changed (conftest's built_site)
def find_kinds(site: Path) -> dict[str, str]:
    """One address of each kind of page in a built site, where it has one: the crisis page the crisis bar links
    to, the directory's first service, and the first in the menu of each of: a guide, an easy-read page, the
    glossary and the page with the emergency plan form."""
    crisis = next(iter(_links(site, "/", r'<[^>]*class="[^"]*ch-crisis-bar.*?</a>')), None)
    found = {"home": "/", "crisis": crisis, "directory": "/services/" if _html(site, "/services/") else None,
             "service": next(iter(_links(site, "/services/", r'<ul class="ch-services".*?</ul>')), None),
             "glossary": None, "guidance": None, "emergency plan": None, "easy read": None}
    for at in _in_menu_order(site):
        html = _html(site, at)
        if found["guidance"] is None and _is_guide(at, html, crisis or ""):
            found["guidance"] = at
        if found["glossary"] is None and '<dl class="ch-glossary">' in html:
            found["glossary"] = at
        if found["emergency plan"] is None and 'id="ch-plan"' in html:
            found["emergency plan"] = at
        if found["easy read"] is None and _label(html) == "Easy read" and at.count("/") == 3:
            found["easy read"] = at
    return {kind: at for kind, at in found.items() if at}


def missing(site: Path, kinds) -> str:
    """Why a test cannot run on this site: the kinds of page it needs that the site lacks, and how to add one."""
    absent = [kind for kind in kinds if kind not in find_kinds(site)]
    return "The site under test has no " + "; no ".join(f"{kind} page ({HOW_TO_HAVE.get(kind, 'built by the generator')})"
                                                         for kind in absent) if absent else ""


def one_of_each(site: Path) -> dict[str, str]:
    """An address of every kind of page: fails naming each kind the site under test lacks."""
    found = find_kinds(site)
    assert not (problem := missing(site, KINDS)), problem
    return found


def one(site: Path, kind: str) -> str:
    """The address of a page of one kind: fails naming the kind if the site under test has none."""
    found = find_kinds(site)
    assert kind in found, missing(site, [kind])
    return found[kind]


def first_of_each_list(site: Path) -> dict[str, str]:
    """One example of each kind of list in a built site: the first by name, so the choice stays put as the
    directory's services change size."""
    return {kind: address(site, found) for kind, pattern in LISTS.items()
            if (found := min(site.glob(pattern), default=None))}


def heaviest_of_each_list(site: Path) -> dict[str, str]:
    """The largest built page of each kind of list: where a growing directory weighs most."""
    return {kind: address(site, found) for kind, pattern in LISTS.items()
            if (found := max(site.glob(pattern), key=lambda p: p.stat().st_size, default=None))}
