"""The site's promises, checked on the finished site as a reader gets it, whoever built it.

The build keeps these promises page by page; this checks the output again, so a site built by another
engine (or a build that skipped hooks/mkdocs_hooks.py) fails loudly instead of publishing without them:
  - every page shows "Get help now" and carries a Content-Security-Policy;
  - no page loads anything from another website, or runs a script the site does not list;
  - each crisis page is there and shows every contact it must, with the number from data/;
  - each page data/site.yaml promises (promised_pages) is there;
  - every service in data/services.yaml has its page, and the site's search (Pagefind) indexed it;
  - the editors' page admin/ has its own policy and loads nothing from another website.
Reading levels and review dates are checked by `make check` too (hooks/tools/check.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from carers_hub.checks import crisis, third_party
from carers_hub.core import urls
from carers_hub.core.problems import Problem
from carers_hub.data.services import Directory
from carers_hub.data import site_data
from carers_hub.data.site_data import SiteData
from carers_hub.directory.service_pages import service_src
from carers_hub.directory.static_api import is_open_data
from carers_hub.editor.page import FOLDER
from carers_hub.outputs import page_scripts, pagefind_index

EDITOR = FOLDER + "/"

CSP = '<meta http-equiv="Content-Security-Policy"'
SEARCH_INDEX = "pagefind/pagefind-entry.json"
SEARCH_MARK = "data-pagefind-body"


def _problem(file: str, message: str, fix: str) -> Problem:
    return Problem(code="OUTPUT_CHECK_FAILED", file=file, line=None, field="", message=message, fix=fix)


def html_pages(site: Path) -> list[Path]:
    """Every page a reader can open: not the open data, which is JSON even in the .html files static hosts need,
    nor the editors' page admin/ (the browser editor, with its own policy: hooks/editor/page.py)."""
    return sorted(p for p in site.rglob("*.html") if not is_open_data(p.relative_to(site).as_posix())
                  and not p.relative_to(site).as_posix().startswith(EDITOR))


def page_problems(html: str, shown: str, own_host: str) -> list[Problem]:
    """What every built page must have, and must not load."""
    problems = [_problem(shown, p.message, p.fix) for p in crisis.help_link_missing(html, shown)]
    if CSP not in html:
        problems.append(_problem(shown, "the page has no Content-Security-Policy.",
                                 "Build with the site's own build steps (make site), which add it to every page."))
    problems += [_problem(shown, p.message, p.fix) for p in third_party.third_party_problems(html, own_host, shown)]
    scripts = page_scripts.script_problems(page_scripts.page_scripts(html), shown)
    problems += [_problem(shown, p.message, p.fix) for p in scripts]
    return problems


def crisis_problems(site: Path, data: SiteData) -> list[Problem]:
    problems = []
    for required in data.crisis_pages:
        built = site / urls.built_file(required.page)
        shown = urls.built_file(required.page)
        if not built.exists():
            problems.append(_problem(shown, f"the crisis page made from content/{required.page} is missing.",
                                     "Build the whole site with make site; check the page is in content/."))
            continue
        found = crisis.missing_contacts(required, shown, built.read_text(encoding="utf-8"), data.contacts)
        problems += [_problem(shown, p.message, p.fix) for p in found]
    return problems


def promised_problems(site: Path, data: SiteData) -> list[Problem]:
    return site_data.promised_page_problems(data, lambda page: (site / urls.built_file(page)).exists(),
                                            "in the built site")


def directory_problems(site: Path, directory: Directory) -> list[Problem]:
    missing = [s.id for s in directory.listings if not (site / urls.built_file(service_src(s.id))).exists()]
    problems = []
    if missing:
        problems.append(_problem("services/", f"{len(missing)} services have no page, for example {missing[0]}.",
                                 "Build with make site: pages made from data/services.yaml come from the build steps."))
    return problems + search_problems(site, directory)


def search_problems(site: Path, directory: Directory) -> list[Problem]:
    """Pagefind indexes the pages marked data-pagefind-body: every service page must be marked, and the index
    must hold exactly the marked pages (an index from an older build, or none, fails)."""
    index = site / SEARCH_INDEX
    if not index.exists():
        return [_problem(SEARCH_INDEX, "the site has no search index.",
                         "Build with make site: Pagefind indexes the finished site at the end of every build.")]
    unmarked = [s.id for s in directory.listings if (site / urls.built_file(service_src(s.id))).exists()
                and SEARCH_MARK not in (site / urls.built_file(service_src(s.id))).read_text(encoding="utf-8")]
    problems = []
    if unmarked:
        problems.append(_problem(SEARCH_INDEX, f"{len(unmarked)} services cannot be found by search, for example "
                                 f"{unmarked[0]}.", "Build with make site: the build marks every service page for search."))
    marked = sum(SEARCH_MARK in path.read_text(encoding="utf-8") for path in html_pages(site)
                 if not path.relative_to(site).as_posix().startswith("pagefind/"))
    indexed = sum(language.get("page_count", 0) for entry in pagefind_index.entries(site) if entry.exists()
                  for language in json.loads(entry.read_text(encoding="utf-8")).get("languages", {}).values())
    if indexed != marked:
        problems.append(_problem(SEARCH_INDEX, f"the search index holds {indexed} pages, but {marked} pages are "
                                 "marked to be found.", "Build the whole site again with make site."))
    return problems


def editor_problems(site: Path, own_host: str) -> list[Problem]:
    """The editors' page, admin/, carries its own policy and loads nothing from another website either."""
    page = site / EDITOR / "index.html"
    shown = EDITOR + "index.html"
    if not page.exists():
        return [_problem(shown, "the browser editor's page is missing.", "Build with make site, which writes it.")]
    html = page.read_text(encoding="utf-8")
    problems = [] if CSP in html else [_problem(shown, "the editor's page has no Content-Security-Policy.",
                                                "Build with make site, which writes it with its own policy.")]
    return problems + [_problem(shown, p.message, p.fix) for p in third_party.third_party_problems(html, own_host, shown)]


def check(site: Path, data: SiteData, directory: Directory) -> list[Problem]:
    """Every promise above, on a built site folder."""
    own_host = data.site.url.split("/")[2]
    problems = []
    for path in html_pages(site):
        problems += page_problems(path.read_text(encoding="utf-8"), path.relative_to(site).as_posix(), own_host)
    return (problems + editor_problems(site, own_host) + crisis_problems(site, data) + promised_problems(site, data)
            + directory_problems(site, directory))
