"""The pages a site promises its readers (promised_pages in data/site.yaml): a path is checked at load, the build
stops without one of the pages, and `make check` fails, naming it, when the built site lacks one."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import SITE, SUITE_TODAY, line_of, load_data

from carers_hub.checks import built_site as output_checks
from carers_hub.core import urls
from carers_hub.core.problems import ProblemsFound
from carers_hub.data.site_data import load_site_data
from carers_hub.site_build import SiteBuild

PROMISES = re.compile(r"^promised_pages:.*?(?=^\S)", re.MULTILINE | re.DOTALL)


def with_promises(data_dir: Path, block: str) -> Path:
    """data/site.yaml with its promised_pages (if any) replaced by `block`, written before reading_level."""
    site = data_dir / "site.yaml"
    text = PROMISES.sub("", site.read_text())
    assert "\nreading_level:" in text
    site.write_text(text.replace("\nreading_level:", "\n" + block + "reading_level:", 1))
    return site


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    shutil.copytree(SITE / "data", tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture(scope="module")
def data():
    data, _ = load_data()
    assert data.promised_pages, f"{SITE.name} promises no pages: a site made by carers-hub new promises two"
    return data


def built_pages(site: Path, pages) -> Path:
    for page in pages:
        built = site / urls.built_file(page)
        built.parent.mkdir(parents=True, exist_ok=True)
        built.write_text("<h1>A page</h1>")
    return site


def test_a_promised_page_missing_from_the_built_site_is_named(data, tmp_path):
    *kept, lost = data.promised_pages
    site = built_pages(tmp_path / "site", kept)
    problems = output_checks.promised_problems(site, data)
    assert [(p.code, p.file, p.field) for p in problems] == [
        ("PROMISED_PAGE_MISSING", "data/site.yaml", f"promised_pages[{len(kept)}]")]
    assert f'"{lost}"' in problems[0].message and "built site" in problems[0].message
    assert problems[0].line == line_of(SITE / "data" / "site.yaml", lost) and f"content/{lost}" in problems[0].fix
    # and with it there, nothing is reported: the check looks at the page, not at the list
    assert output_checks.promised_problems(built_pages(site, [lost]), data) == []


def test_make_check_runs_it(data, tmp_path):
    """The promises section of `make check` (hooks/tools/check.py) is built_site.check: it names the page too."""
    site = built_pages(tmp_path / "site", data.promised_pages[1:])
    found = [p for p in output_checks.check(site, data, load_data()[1]) if p.code == "PROMISED_PAGE_MISSING"]
    assert len(found) == 1 and f'"{data.promised_pages[0]}"' in found[0].message


def test_the_build_stops_without_a_promised_page(data):
    """A page deleted from content/, or left out of the build, is found before anything is written."""
    content = SITE / "content"
    sources = {p.relative_to(content).as_posix(): p for p in content.rglob("*.md")}
    lost = data.promised_pages[-1]
    assert sources.pop(lost, None), f"{lost} is promised but not in {content}"
    _, directory = load_data()
    build = SiteBuild(root=SITE, today=SUITE_TODAY, make_leaflets=False, data=data, directory=directory)
    with pytest.raises(ProblemsFound) as raised:
        build.add_data_pages(sources)
    promised = [p for p in raised.value.problems if p.code == "PROMISED_PAGE_MISSING"]
    assert len(promised) == 1 and f'"{lost}"' in promised[0].message and "content/" in promised[0].message


@pytest.mark.parametrize("bad", ["support/carers-assessment", "../secrets.md", "/etc/passwd.md",
                                 "https://www.example.org/page.md", "support/../../x.md", "Support/Page.MD"])
def test_a_path_that_is_not_a_page_is_refused_at_load(data_dir, bad):
    site = with_promises(data_dir, f'promised_pages:\n  - get-help-now.md\n  - "{bad}"\n')
    with pytest.raises(ProblemsFound) as raised:
        load_site_data(data_dir, root=data_dir.parent, today=SUITE_TODAY)
    problem, = [p for p in raised.value.problems if p.field.startswith("promised_pages")]
    assert (problem.code, problem.file, problem.line, problem.field) == (
        "PATH_INVALID", "data/site.yaml", line_of(site, f'"{bad}"'), "promised_pages[1]")
    assert bad.strip() in problem.message and problem.fix


def test_a_site_without_promised_pages_still_loads(data_dir):
    with_promises(data_dir, "")
    assert load_site_data(data_dir, root=data_dir.parent, today=SUITE_TODAY).promised_pages == ()


def test_the_built_site_keeps_its_promises(built_site, data):
    assert output_checks.promised_problems(built_site, data) == []


@pytest.mark.example
def test_the_example_promises_the_pages_the_city_of_londons_strategy_asks_for(data):
    """Easy-read pages, the crisis pages, how to ask for a carer's assessment, replacement care (respite) and
    help with language: the example's own promises, now kept by its data rather than by tests naming pages."""
    assert {"get-help-now.md", "planning-ahead/emergency-plan.md", "support/carers-assessment.md",
            "support/replacement-care.md", "support/replacement-care-in-practice.md", "support/language-support.md",
            "specialist-help/index.md",
            *(f"easy-read/{name}.md" for name in ("what-is-a-carer", "carers-assessment", "get-help-now",
                                                   "emergency-plan", "taking-a-break", "money-help"))
            } <= set(data.promised_pages)
