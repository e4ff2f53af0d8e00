"""Each Python package is installed for a reason, in the layer that needs it (requirements/*.in), and the
tests' Playwright drives the Chromium Debian ships: the pairing is checked, not assumed."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from importlib.metadata import distribution, packages_distributions
from pathlib import Path

from conftest import CHECKOUT, ROOT
from support.browser import CHROMIUM

# In the site layer but imported by nothing in hooks/, each with the reason it is there.
NOT_IMPORTED = {
    "click": "pinned below the release that stops `mkdocs serve` reloading (mkdocs-material issue 8478)",
    "linkchecker": "run as a command by checks/links.py (make check)",
}
# Playwright's own Chromium (its browsers.json) and Debian's, as last checked together by the browser tests.
# When either moves, run the browser tests (make test) and then change this and the coupling row
# "Playwright and Debian's Chromium" in docs/developers/how-it-works.md.
PAIRED = {"playwright": 159, "debian": 156}


def requirements(layer: str) -> set[str]:
    """The packages a requirements/<layer>.in names itself (not through -r), by normalised name."""
    names = set()
    for line in (ROOT / "requirements" / f"{layer}.in").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            names.add(normalised(re.split(r"[=<>!~\[; ]", line, maxsplit=1)[0]))
    return names


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_by_hooks() -> set[str]:
    """The top-level name of every module hooks/ imports, at the top of a file or inside a function."""
    names = set()
    for path in (ROOT / "hooks").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def distributions_imported() -> set[str]:
    by_module = packages_distributions()
    return {normalised(dist) for module in imported_by_hooks() for dist in by_module.get(module, [])}


def test_every_package_of_the_site_layer_is_imported_by_the_generator_or_says_why():
    unused = requirements("site") - distributions_imported() - set(NOT_IMPORTED)
    assert not unused, f"in requirements/site.in but imported by nothing in hooks/: {sorted(unused)}"
    stale = set(NOT_IMPORTED) & distributions_imported()
    assert not stale, f"imported after all, so NOT_IMPORTED need not explain them: {sorted(stale)}"


def test_the_generator_imports_nothing_only_the_tests_install():
    test_only = requirements("test") - requirements("site")
    reached = test_only & distributions_imported()
    assert not reached, f"hooks/ imports packages only the test layer installs: {sorted(reached)}"


def test_the_test_layer_adds_only_what_some_test_or_tool_uses():
    used = {"pytest", "pytest-xdist", "properdocs", "ruff", "mypy", "types-pyyaml", "import-linter"}  # commands, plugins
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    imported = {"playwright": "playwright", "axe-playwright-python": "axe_playwright_python",
                "pdfplumber": "pdfplumber", "hypothesis": "hypothesis"}
    for name in requirements("test") - requirements("site") - used:
        assert name in imported and re.search(rf"^\s*(from|import) {imported[name]}\b", text, re.M), name


def test_the_pagefind_binary_comes_from_the_site_layer_and_runs():
    from carers_hub.outputs.pagefind_index import executable

    assert "pagefind-bin" in requirements("site") and "pagefind" not in requirements("site")
    version = subprocess.run([str(executable()), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"pagefind {distribution('pagefind_bin').version}", version


def playwright_chromium() -> str:
    import playwright

    browsers = json.loads((Path(playwright.__file__).parent / "driver" / "package" / "browsers.json").read_text())
    [chromium] = [b["browserVersion"] for b in browsers["browsers"] if b["name"] == "chromium"]
    return chromium


def debian_chromium() -> str:
    said = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=60).stdout
    return re.search(r"Chromium (\d+(?:\.\d+)+)", said).group(1)


def test_playwright_and_debians_chromium_are_the_pair_the_browser_tests_last_passed_with():
    majors = {"playwright": int(playwright_chromium().split(".")[0]), "debian": int(debian_chromium().split(".")[0])}
    assert majors == PAIRED, (f"Playwright is built for Chromium {playwright_chromium()} and Debian ships "
                              f"{debian_chromium()}: run the browser tests with this pair, then update PAIRED and "
                              "the coupling row in docs/developers/how-it-works.md")


def test_playwright_drives_debians_chromium_in_every_way_the_suite_uses(browser):
    """Playwright promises only its own Chromium: what the suite relies on is tried on Debian's."""
    context = browser.new_context()
    context.clock.set_fixed_time("2026-06-01T09:00:00Z")
    tab = context.new_page()
    tab.add_init_script("window.__started = new Date().toISOString();")
    tab.goto('data:text/html,<main><h1>Carers</h1><a href="/help/">Get help now</a></main>')
    assert tab.evaluate("window.__started") == "2026-06-01T09:00:00.000Z"
    snapshot = tab.locator("main").aria_snapshot()
    assert '- heading "Carers" [level=1]' in snapshot and '- link "Get help now"' in snapshot
    assert tab.screenshot()[:8] == b"\x89PNG\r\n\x1a\n"
    context.close()


def test_the_tests_import_this_checkouts_code_whichever_checkout_was_installed():
    """The shared venv's editable install points at the checkout that ran `make` last; the tests and the commands
    they start read this one's hooks/ all the same (tests/conftest.py's link)."""
    import carers_hub

    hooks = (ROOT / "hooks").resolve()
    assert Path(carers_hub.__file__).resolve().parent == hooks
    code = "import carers_hub, sys; print(carers_hub.__file__)"
    started = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                             env={**os.environ, "PYTHONPATH": CHECKOUT})
    assert Path(started.stdout.strip()).resolve().parent == hooks, started
