"""`make serve` shows an editor's change in the open browser tab: the tab reloads by itself once the rebuild ends,
with the change, and a mistake shows as the build's problem, however little the rebuild builds again.

One preview is started for the module (its first build is most of the time); each test edits its own files.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import edit
from support import serving
from support.serving import fetch
from support.project import copy_project

# As `make serve` runs it (Makefile serve): --dirty builds again only the pages an edit touches.
SERVE = ["serve", "--livereload", "--dirty"]
RELOAD_LIMIT = 180  # seconds: a rebuild on a heavily loaded 2-core machine (1 to 2 s on a quiet one)


def start_preview(project: Path) -> tuple[subprocess.Popen, str, Path]:
    return serving.start(lambda port: [sys.executable, "-m", "mkdocs", *SERVE, "--dev-addr", f"127.0.0.1:{port}"],
                         project)


@pytest.fixture(scope="module")
def preview(tmp_path_factory, browser):
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    server, url, log = start_preview(project)
    tab = browser.new_page()
    try:
        yield project, url, log, tab
    finally:
        tab.close()
        serving.stop(server)


def reloaded_with(tab, change, text: str) -> None:
    """Make the change; the tab must reload by itself (MkDocs' live-reload script, nothing from the test) and
    then show `text`."""
    with tab.expect_event("load", timeout=RELOAD_LIMIT * 1000):
        change()
    deadline = time.monotonic() + RELOAD_LIMIT
    while text not in shown(tab):  # an earlier rebuild may reload it first: wait for the next
        assert time.monotonic() < deadline, f"{text!r} never appeared in the tab"
        time.sleep(0.2)


def shown(tab) -> str:
    """The tab's page, or "" while it is reloading (a second rebuild may reload it again)."""
    from playwright.sync_api import Error

    try:
        return tab.content()
    except Error:
        return ""


def test_the_open_tab_reloads_with_a_page_edit_and_a_data_edit(preview):
    project, url, _, tab = preview
    tab.goto(url + "wellbeing/loneliness/")
    assert "livereload" in tab.content(), "the preview page has no live reload script"
    page = project / "content" / "wellbeing" / "loneliness.md"
    reloaded_with(tab, lambda: edit(page, "## Why carers feel lonely", "A sentence added in the preview.\n\n"
                                    "## Why carers feel lonely"), "A sentence added in the preview.")

    tab.goto(url + "services/city-adult-social-care/")
    services = project / "data" / "services.yaml"
    reloaded_with(tab, lambda: edit(services, "description: The council's Adult Social Care Team",
                                    "description: Changed in the preview. The council's Adult Social Care Team"),
                  "Changed in the preview.")
    # The directory's first page lists the service with its description's first words, and was built again.
    assert "Changed in the preview." in fetch(url + "services/")


def test_pages_not_built_again_still_show_what_every_page_shares(preview):
    """A dirty rebuild must not leave the other pages with an old menu or an old header: a page's new title is
    in every page's menu, and the council's name from data/site.yaml on every page."""
    project, url, _, tab = preview
    tab.goto(url + "wellbeing/taking-a-break/")
    reloaded_with(tab, lambda: edit(project / "content" / "wellbeing" / "loneliness.md", "title: Loneliness",
                                    "title: Feeling lonely"), "Feeling lonely")
    assert "Feeling lonely" in fetch(url + "money-and-work/council-tax/")  # a page the edit did not touch
    reloaded_with(tab, lambda: edit(project / "data" / "site.yaml", "name: City of London Corporation",
                                    "name: City of London Corporation Preview"), "City of London Corporation Preview")
    assert "City of London Corporation Preview" in fetch(url + "services/city-adult-social-care/")


def test_a_mistake_shows_as_the_builds_problem_and_its_fix_reloads_the_tab(preview):
    project, url, log, tab = preview
    tab.goto(url + "wellbeing/getting-online/")
    page = project / "content" / "wellbeing" / "getting-online.md"
    before = page.read_text()
    seen = len(log.read_text())
    edit(page, "\n## ", '\n<script src="https://tracker.example.com/t.js"></script>\n\n## ')
    deadline = time.monotonic() + RELOAD_LIMIT
    while "content/wellbeing/getting-online.md" not in log.read_text()[seen:]:
        assert time.monotonic() < deadline, "the preview never named the page with the mistake"
        time.sleep(0.2)
    problem = log.read_text()[seen:]
    assert re.search(r"\b[A-Z]+(?:_[A-Z]+)+\b", problem), f"no problem code in:\n{problem}"
    assert "Traceback" not in problem

    services = project / "data" / "services.yaml"
    seen = len(log.read_text())
    edit(services, "phone: 020 7332 3621", "phone: 020 7332")
    while "PHONE_INVALID" not in log.read_text()[seen:]:
        assert time.monotonic() < deadline + RELOAD_LIMIT, "the preview never showed the wrong phone number"
        time.sleep(0.2)

    edit(services, "phone: 020 7332\n", "phone: 020 7332 3621\n")
    reloaded_with(tab, lambda: page.write_text(before.replace("\n## ", "\nFixed in the preview.\n\n## ", 1)),
                  "Fixed in the preview.")
