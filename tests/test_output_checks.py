"""The site's promises hold on the built output, whoever built it: a site built with ProperDocs passes the
same checks, and a site built without the build steps (as an engine that ignores `hooks:` would) fails them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ENV, EXAMPLE, ROOT, SITE, build, copy_project, load_data
from support import crisis
from carers_hub.checks import built_site as promises


def codes_and_messages(problems) -> str:
    return "\n".join(str(p) for p in problems)


def test_the_example_keeps_every_promise(built_site):
    assert promises.check(built_site, *load_data()) == []


@pytest.fixture(scope="module")
def site_without_build_steps(tmp_path_factory) -> Path:
    """The example built by stock mkdocs-material without the carers-hub plugin (so no build steps and none
    of its templates) and without macros: what an engine that skips them would publish."""
    from support.project import copy_project

    project = copy_project(tmp_path_factory.mktemp("bare") / "project")
    config = (project / "mkdocs.yml").read_text()
    settings = yaml.safe_load(config)
    settings["plugins"] = [{"search": {"lang": "en"}}]
    settings["theme"].pop("language")
    settings["site_url"] = "https://carers.example.org/"
    settings.pop("validation")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False))
    result = build(project, strict=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def test_a_site_built_without_the_build_steps_fails_loudly(site_without_build_steps):
    found = promises.check(site_without_build_steps, *load_data())
    text = codes_and_messages(found)
    assert {p.code for p in found} == {"OUTPUT_CHECK_FAILED"}
    assert 'no "Get help now" link' in text
    assert "no Content-Security-Policy" in text
    assert "this crisis page does not show" in text
    assert "services have no page" in text
    assert "the browser editor's page is missing" in text


def test_make_check_refuses_such_a_site(site_without_build_steps):
    result = subprocess.run([sys.executable, "-m", "carers_hub.tools.check", "--site", str(site_without_build_steps)],
                            cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=600)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "OUTPUT_CHECK_FAILED" in result.stdout and "Not ready to publish. Fix: promises" in result.stdout


@pytest.fixture(scope="module")
def site_built_by_properdocs(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("properdocs") / "site"
    project = ROOT if EXAMPLE else copy_project(tmp_path_factory.mktemp("properdocs-project"))  # the site under test
    result = build(project, site, engine="properdocs")
    assert result.returncode == 0, f"ProperDocs did not build {SITE}:\n{result.stdout}\n{result.stderr}"
    return site


# Pagefind names its files by their content, and writes its filters (and so the page list naming them) in an
# order that changes from run to run: those are compared by what they hold, not by name.
SHUFFLED = re.compile(r"^pagefind/(filter/.*\.pf_filter|pagefind\..*\.pf_meta|pagefind-entry\.json)$")


def files_of(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()
            and not SHUFFLED.match(p.relative_to(site).as_posix())}


def search_index_of(site: Path) -> tuple:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    pages = [language["page_count"] for language in entry["languages"].values()]
    return pages, len(list((site / "pagefind" / "filter").iterdir())), len(list((site / "pagefind").glob("*.pf_meta")))


def test_properdocs_builds_the_same_site_and_it_keeps_every_promise(site_built_by_properdocs, built_site):
    assert promises.check(site_built_by_properdocs, *load_data()) == []
    made, expected = files_of(site_built_by_properdocs), files_of(built_site)
    assert made == expected
    assert search_index_of(site_built_by_properdocs) == search_index_of(built_site)
    crisis_page = yaml.safe_load((SITE / "data" / "site.yaml").read_text())["get_help_now"]["page"]
    for page in ("index.html", f"{crisis.address(crisis_page).strip('/')}/index.html", "services/index.html"):
        assert (site_built_by_properdocs / page).read_text() == (built_site / page).read_text(), page
