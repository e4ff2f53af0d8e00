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

from conftest import edit, load_data
from support import crisis, serving
from support.serving import fetch
from support.project import copy_project

# As `make serve` runs it (Makefile serve): --dirty builds again only the pages an edit touches.
SERVE = ["serve", "--livereload", "--dirty"]
RELOAD_LIMIT = 180  # seconds: a rebuild on a heavily loaded 2-core machine (1 to 2 s on a quiet one)
# The site under test's pages and data the tests edit: its crisis page and its first service (every site has them).
DATA, _ = load_data()
PAGE = "content/" + DATA.get_help_now.page
ADDRESS = crisis.address(DATA.get_help_now.page).lstrip("/")


def first_service(project: Path) -> str:
    """The id of the first service written in data/services.yaml, whose description the tests change."""
    return re.search(r"(?m)^  - id: (\S+)$", (project / "data" / "services.yaml").read_text()).group(1)


def titled_in_the_menu(project: Path) -> str:
    """A page of content/ that mkdocs.yml's nav lists by its file alone, so the menu shows the page's own title."""
    import yaml

    def bare(entries) -> list[str]:
        found = []
        for entry in entries:
            if isinstance(entry, str):
                found.append(entry)
            elif isinstance(entry, dict):
                found += [item for value in entry.values() if isinstance(value, list) for item in bare(value)]
        return found
    config = yaml.load((project / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)  # its !!python tags unread
    pages = [page for page in bare(config.get("nav", [])) if page.endswith(".md") and not page.endswith("index.md")]
    assert pages, ("mkdocs.yml's nav gives every page a label of its own, so no page's title shows in the menu: "
                   "this test needs one page listed by its file alone (- page.md)")
    return "content/" + pages[0]


def listed_on(url: str, service: str) -> str:
    """The directory's page that lists the service (its first page, or the next)."""
    for n in range(1, 100):
        html = fetch(url + ("services/" if n == 1 else f"services/page-{n}/"))
        if f'href="{service}/"' in html:
            return html
    raise AssertionError(f"no page of the directory lists {service}")


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
    tab.goto(url + ADDRESS)
    assert "livereload" in tab.content(), "the preview page has no live reload script"
    reloaded_with(tab, lambda: edit(project / PAGE, "\n## ", "\nA sentence added in the preview.\n\n## "),
                  "A sentence added in the preview.")

    service = first_service(project)
    tab.goto(url + f"services/{service}/")
    services = project / "data" / "services.yaml"
    reloaded_with(tab, lambda: edit(services, "\n    description: ", "\n    description: Changed in the preview. "),
                  "Changed in the preview.")
    # The directory's page that lists the service shows its description's first words, and was built again.
    assert "Changed in the preview." in listed_on(url, service)


def test_pages_not_built_again_still_show_what_every_page_shares(preview):
    """A dirty rebuild must not leave the other pages with an old menu or an old header: a page's new title is
    in every page's menu, and the council's name from data/site.yaml on every page."""
    project, url, _, tab = preview
    page = titled_in_the_menu(project)
    tab.goto(url + crisis.address(page.removeprefix("content/")).lstrip("/"))
    title = re.search(r"(?m)^title: (.+)$", (project / page).read_text()).group(1).strip("\"'")
    reloaded_with(tab, lambda: edit(project / page, f"title: {title}", "title: Retitled in the preview"),
                  "Retitled in the preview")
    assert "Retitled in the preview" in fetch(url)  # the home page, which the edit did not touch
    council = DATA.council.name
    site_yaml = project / "data" / "site.yaml"

    def rename() -> None:
        text, count = re.subn(rf'(?m)^(  name: "?){re.escape(council)}', rf"\g<1>{council} Preview",
                              site_yaml.read_text(), count=1)
        assert count, f"the council's name {council!r} is not in {site_yaml}"
        site_yaml.write_text(text)
    reloaded_with(tab, rename, f"{council} Preview")
    assert f"{council} Preview" in fetch(url + f"services/{first_service(project)}/")


def test_a_mistake_shows_as_the_builds_problem_and_its_fix_reloads_the_tab(preview):
    project, url, log, tab = preview
    tab.goto(url + ADDRESS)
    page = project / PAGE
    before = page.read_text()
    seen = len(log.read_text())
    edit(page, "\n## ", '\n<script src="https://tracker.example.com/t.js"></script>\n\n## ')
    deadline = time.monotonic() + RELOAD_LIMIT
    while PAGE not in log.read_text()[seen:]:
        assert time.monotonic() < deadline, "the preview never named the page with the mistake"
        time.sleep(0.2)
    problem = log.read_text()[seen:]
    assert re.search(r"\b[A-Z]+(?:_[A-Z]+)+\b", problem), f"no problem code in:\n{problem}"
    assert "Traceback" not in problem

    site_yaml = project / "data" / "site.yaml"
    phone = re.search(r"(?m)^ +phone: (.+)$", site_yaml.read_text()).group(1)  # a contact's, a digit short:
    seen = len(log.read_text())
    edit(site_yaml, f"phone: {phone}\n", f"phone: {phone[:-1]}\n")
    while "PHONE_INVALID" not in log.read_text()[seen:]:
        assert time.monotonic() < deadline + RELOAD_LIMIT, "the preview never showed the wrong phone number"
        time.sleep(0.2)

    edit(site_yaml, f"phone: {phone[:-1]}\n", f"phone: {phone}\n")
    reloaded_with(tab, lambda: page.write_text(before.replace("\n## ", "\nFixed in the preview.\n\n## ", 1)),
                  "Fixed in the preview.")
