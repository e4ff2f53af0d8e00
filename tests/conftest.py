"""Shared fixtures: a copy of the project to break, builds, a local web server and a browser."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def this_checkout_first(root: Path) -> str:
    """A folder holding `carers_hub`, a link to this checkout's hooks/, put first on the import path of this
    process and of every command it starts: the tests test the code beside them, even where the installed
    (editable) carers-hub is another checkout's, as in a second git worktree."""
    folder = root / ".cache" / "this-checkout"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / "carers_hub"
    try:
        link.symlink_to(root / "hooks", target_is_directory=True)
    except FileExistsError:  # made by an earlier run, or by the other test worker just now
        pass
    return str(folder)


CHECKOUT = this_checkout_first(ROOT)
sys.path.insert(0, CHECKOUT)
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [CHECKOUT, os.environ.get("PYTHONPATH")]))

from carers_hub.checks.links import free_port, serve  # noqa: E402,F401  (free_port: test_preview)
from support import build_cache, fast  # noqa: E402
from support.clock import content_date  # noqa: E402
from support.project import EXAMPLE, SITE, copy_project  # noqa: E402,F401  (copy_project: a throwaway copy of
# everything a build reads)

# No calendar in the tests: every build, and every check run here, takes "today" from this (hooks/core/today.py).
SUITE_TODAY = content_date(SITE)
os.environ["CARERS_HUB_TODAY"] = SUITE_TODAY.isoformat()
# The day a test makes and reads a new council's site on (or another site made of the generator's own data): a new
# site starts with the generator's national contacts (data/contacts.yaml), checked on the example's day, so a
# site under test reviewed before it (Fenmoor) would see them as checked in the future.
NEW_SITE_DAY = max(SUITE_TODAY, content_date(ROOT))
os.environ["NO_MKDOCS_2_WARNING"] = "1"  # the theme's notice about a future MkDocs is not about this site
ENV = dict(os.environ)
ENGINES = {"mkdocs": ["-m", "mkdocs", "build"], "properdocs": ["-m", "properdocs", "build", "-f", "mkdocs.yml"]}

from support.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402,F401  (tests import them from here)


def load_data(data_dir: Path = SITE / "data"):
    """The checked data and directory of a data/ folder (the tested site's by default), as the build loads them."""
    from carers_hub.data.services import load_directory
    from carers_hub.data.site_data import load_site_data

    data = load_site_data(data_dir, root=data_dir.parent, today=SUITE_TODAY)
    return data, load_directory(data_dir, data, root=data_dir.parent, today=SUITE_TODAY)


def edit(path: Path, old: str, new: str) -> None:
    """Change the first `old` in a file to `new`; fail loudly if it is not there (the test would prove nothing)."""
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def build(project: Path, site_dir: Path | None = None, strict: bool = True, engine: str = "mkdocs",
          env: dict | None = None) -> subprocess.CompletedProcess:
    site_dir = site_dir or project / "site"
    command = [sys.executable, *ENGINES[engine], "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300, env=env or ENV)


PROBLEM = re.compile(r"(Error|Warning) in (.*?)\[([A-Z]+(?:_[A-Z]+)+)\]", re.DOTALL)  # hooks/core/problems.py


def reported(output: str) -> list[tuple[str, str, str]]:
    """Each problem a build printed, as (Error or Warning, its whole text, its code)."""
    return [(m.group(1), m.group(0), m.group(3)) for m in PROBLEM.finditer(output)]


def assert_error(output: str, code: str, *texts: str) -> None:
    """One build can show several mistakes: this one was reported as an error (not a warning), with every text in
    that one problem, so the test fails if this check stops finding it whatever the other mistakes do."""
    found = [text for kind, text, c in reported(output) if c == code and kind == "Error"]
    assert any(all(t in text for t in texts) for text in found), f"no {code} error with {texts} in:\n{output}"


@pytest.hookimpl(tryfirst=True)  # before -m reads the markers
def pytest_collection_modifyitems(config, items):
    """Mark the tests that launch Chromium or build a site, so `make test-fast` can leave them out; and group the
    tests of a module that share work done once for the module (a site built, a browser's findings)."""
    for item in items:
        if not EXAMPLE and item.get_closest_marker("example"):
            item.add_marker(pytest.mark.skip(reason=f"checks the example site's own words, not {SITE.name}'s"))
        for kind in fast.kinds(item):
            item.add_marker(kind)
        if fast.shares_module_work(item):  # `--dist loadgroup` (make test) runs them on one worker: done once
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site under test (the shipped example, or CARERS_HUB_TEST_SITE's), built with --strict once for every
    worker and every run with the same inputs (support/build_cache.py). Read it; never change it."""
    def make(site: Path) -> None:
        project = ROOT if EXAMPLE else copy_project(tmp_path_factory.mktemp("site-under-test"))
        result = build(project, site)
        assert result.returncode == 0, f"The site {SITE} did not build:\n{result.stdout}\n{result.stderr}"

    return build_cache.built_once(SITE.name if not EXAMPLE else "example",
                                  build_cache.inputs_key(ROOT, ENV, SITE), make)


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    """The built site served on 127.0.0.1, as a reader's browser would fetch it."""
    with serve(built_site) as address:
        yield address




@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        f"Browser tests need Chromium at {CHROMIUM}. Install it with: apt-get install -y chromium chromium-driver")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh browser tab that fails the test if the page asks any other host for anything."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    outside = []
    tab.on("request", lambda request: outside.append(request.url)
           if not request.url.startswith(site_url) and not request.url.startswith("data:") else None)
    yield tab
    context.close()
    assert not outside, f"The page asked other websites for: {outside}"
