"""The accessibility statement says what the 2018 Regulations' model statement asks for, from data/site.yaml's
`accessibility:`: what does not meet WCAG 2.2 AA and why, other formats and how soon we reply, the enforcement
procedure, and when the site was last tested; and it falls due a year after that test."""

from __future__ import annotations

import html
import re
import shutil
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from conftest import SITE, SUITE_TODAY, edit, line_of
from support import yaml_fields

from carers_hub.core.problems import ProblemsFound
from carers_hub.core.render import long_date, render
from carers_hub.data.accessibility import AccessibilityStatement
from carers_hub.data.site_data import load_site_data
from carers_hub.tools import freshness

# The site's own statement (optional: a site without one publishes none), and the tests' own, with one known
# problem, that the tests of the checks write into a copy of data/site.yaml in place of the site's.
SITE_STATEMENT = yaml.safe_load((SITE / "data" / "site.yaml").read_text()).get("accessibility")
OWN = f"""accessibility:
  status: partial
  prepared: {SUITE_TODAY - timedelta(days=20)}
  last_tested: {SUITE_TODAY - timedelta(days=10)}
  tested_how: Automatic tests checked every kind of page.
  reply_within_working_days: 10
  known_problems:
    - what: On a phone, the menu button needs JavaScript to work with a keyboard.
      criterion: 2.1.1 Keyboard
      instead: Use the links on each page to find your way.
"""
STATEMENT = yaml.safe_load(OWN)["accessibility"]


def words(page_html: str) -> str:
    article = re.search(r"<article.*?</article>", page_html, re.DOTALL).group(0)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())
    return re.sub(r" ([.,:])", r"\1", text)  # a tag closed before a full stop left a space


def statement_page() -> str | None:
    """The page that shows the statement (`{{ accessibility_statement() }}`), as built: its path in the site."""
    for path in sorted((SITE / "content").rglob("*.md")):
        if "{{ accessibility_statement() }}" in path.read_text(encoding="utf-8"):
            return path.relative_to(SITE / "content").as_posix().removesuffix(".md") + "/index.html"
    return None


def test_the_published_statement_says_what_the_model_statement_asks_for(built_site):
    if SITE_STATEMENT is None or statement_page() is None:
        pytest.skip(f"{SITE.name} publishes no accessibility statement from data/site.yaml")
    published = SITE_STATEMENT
    page = (built_site / statement_page()).read_text()
    text = words(page)
    assert published.get("known_problems") or published["status"] == "full", "a partial statement lists its problems"
    for problem in published.get("known_problems", []):
        what = " ".join(problem["what"].split())
        assert what in text
        assert f"This fails WCAG 2.2 success criterion {problem['criterion']}." in text
        assert " ".join(problem["instead"].split()) in text
    assert ("partly meets that standard, because of the problems listed below" in text
            if published["status"] == "partial" else "This site fully meets that standard." in text)
    assert f"We will reply within {published['reply_within_working_days']} working days." in text
    assert "braille" in text and "large print" in text
    assert "Equality and Human Rights Commission" in text
    assert 'href="https://www.equalityadvisoryservice.com/"' in page
    assert f"This site was last tested on {long_date(published['last_tested'])}." in text
    assert f"This statement was prepared on {long_date(published['prepared'])}." in text
    assert f'<time datetime="{published["last_tested"].isoformat()}">' in page


def statement(**changes) -> AccessibilityStatement:
    return AccessibilityStatement.model_validate({**STATEMENT, **changes})


def test_a_site_with_no_known_problem_says_so_and_lists_none():
    council = SimpleNamespace(name="A council", website="https://www.example.gov.uk")
    shown = words("<article>" + str(render("accessibility-statement.html", council=council, report=None,
                                           a=statement(status="full", known_problems=[]), reviewed=None)) + "</article>")
    assert "We do not know of any part of this site that is hard to use." in shown
    assert "This site fully meets that standard." in shown
    assert "What does not meet the standard" not in shown


def with_own_statement(data: Path) -> Path:
    """The copy's data/site.yaml with the tests' own statement in place of the site's (if it has one)."""
    site = data / "site.yaml"
    if SITE_STATEMENT is not None:
        yaml_fields.drop(site, "accessibility")
    site.write_text(site.read_text().rstrip("\n") + "\n" + OWN)
    return data


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return with_own_statement(Path(shutil.copytree(SITE / "data", tmp_path / "data")))


def problems_for(data_dir: Path):
    with pytest.raises(ProblemsFound) as raised:
        load_site_data(data_dir, root=data_dir.parent, today=SUITE_TODAY)
    return raised.value.problems


@pytest.mark.parametrize("criterion", ["keyboard", "2.1.1", "Keyboard 2.1.1", "9.9.9 Keyboard", "2.1.1 <b>Keyboard</b>"])
def test_a_known_problem_must_name_its_success_criterion(data_dir, criterion):
    site = data_dir / "site.yaml"
    edit(site, "criterion: 2.1.1 Keyboard", f'criterion: "{criterion}"')
    found = problems_for(data_dir)
    assert [(p.code, p.file, p.line) for p in found] == [
        ("WCAG_CRITERION_INVALID", "data/site.yaml", line_of(site, "criterion:"))]
    assert found[0].field.endswith("criterion") and "2.1.1 Keyboard" in found[0].fix


def test_a_statement_that_claims_full_compliance_with_a_known_problem_is_refused(data_dir):
    edit(data_dir / "site.yaml", "  status: partial", "  status: full")
    found = problems_for(data_dir)
    assert [p.code for p in found] == ["ACCESSIBILITY_STATUS_CONTRADICTS"]
    assert found[0].field == "accessibility" and "status: partial" in found[0].fix


def test_the_statement_falls_due_a_year_after_the_last_test(tmp_path):
    with_own_statement(Path(shutil.copytree(SITE / "data", tmp_path / "data")))
    shutil.copytree(SITE / "content", tmp_path / "content")
    tested = STATEMENT["last_tested"]
    rows = [r for r in freshness.everything_due(tmp_path, SUITE_TODAY) if r.kind == "accessibility statement"]
    assert [(r.due, r.where) for r in rows] == [(tested + timedelta(days=365), "data/site.yaml")]
    edit(tmp_path / "data" / "site.yaml", f"last_tested: {tested.isoformat()}",
         f"last_tested: {(tested - timedelta(days=400)).isoformat()}")
    edit(tmp_path / "data" / "site.yaml", f"prepared: {STATEMENT['prepared'].isoformat()}", "prepared: 2020-01-01")
    overdue = [r for r in freshness.everything_due(tmp_path, tested) if r.kind == "accessibility statement"]
    assert overdue[0].due < tested, "a test over a year old is overdue"
