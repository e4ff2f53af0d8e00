"""Every kind of page the site has, each with an example address: one list that the benchmarks and the tests share.

KINDS are pages written in content/ (or made from one service); LISTS are the lists of services the build makes,
as a glob under the built site, since which ones exist depends on the directory.
"""

from __future__ import annotations

from pathlib import Path

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


def address(site: Path, page: Path) -> str:
    return "/" + page.parent.relative_to(site).as_posix() + "/" if page.parent != site else "/"


def first_of_each_list(site: Path) -> dict[str, str]:
    """One example of each kind of list in a built site: the first by name, so the choice stays put as the
    directory's services change size."""
    return {kind: address(site, found) for kind, pattern in LISTS.items()
            if (found := min(site.glob(pattern), default=None))}


def heaviest_of_each_list(site: Path) -> dict[str, str]:
    """The largest built page of each kind of list: where a growing directory weighs most."""
    return {kind: address(site, found) for kind, pattern in LISTS.items()
            if (found := max(site.glob(pattern), key=lambda p: p.stat().st_size, default=None))}
