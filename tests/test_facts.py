"""Facts carers act on are written once, in data/facts.yaml: checked when loaded, quoted by {{ fact("id") }},
never typed into a page, and due for checking (then refused) after the day they hold until."""

from __future__ import annotations

from html import unescape
import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import SITE, SUITE_TODAY, build, edit, line_of, load_data
from carers_hub.checks import page_template, typed_facts
from carers_hub.core.problems import ProblemsFound
from carers_hub.data.facts import Fact
from carers_hub.tools import freshness

FACT_CALL = re.compile(r'fact\("([a-z0-9_-]+)"\)')
GOOD = """\
facts:
  - id: carers_allowance_weekly
    label: Carer's Allowance, a week
    unit: pounds_per_week
    value: 86.45
    valid_from: 2026-04-06
    valid_until: 2027-04-05
    source:
      url: https://www.gov.uk/carers-allowance
      kind: own
    checked: 2026-12-01
  - id: earnings_limit
    label: Carer's Allowance earnings limit, a week
    unit: pounds_per_week
    value: 196
    valid_from: 2025-04-07
    valid_until: 2026-04-05
    source:
      url: https://www.gov.uk/carers-allowance/eligibility
      kind: own
    checked: 2026-12-01
"""


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return Path(shutil.copytree(SITE / "data", tmp_path / "data"))


def problems_of(data_dir: Path, text: str) -> list:
    (data_dir / "facts.yaml").write_text(text)
    with pytest.raises(ProblemsFound) as caught:
        load_data(data_dir)
    return [p for p in caught.value.problems if p.file == "data/facts.yaml"]


@pytest.mark.parametrize("old, new, code, field, line", [
    ("value: 86.45", 'value: "£86.45"', "FACT_VALUE_INVALID", "facts[0].value", 5),
    ("value: 86.45", "value: 86.456", "FACT_VALUE_INVALID", "facts[0].value", 5),
    ("value: 86.45", "value: .inf", "FACT_VALUE_INVALID", "facts[0].value", 5),  # no pence to count: not a TypeError
    ("value: 86.45", "value: true", "FACT_VALUE_INVALID", "facts[0].value", 5),
    ("value: 86.45", "value: [86, 45]", "FACT_VALUE_INVALID", "facts[0].value", 5),
    ("unit: pounds_per_week\n    value: 86.45", "unit: hours_per_week\n    value: 35.5", "FACT_VALUE_INVALID",
     "facts[0].value", 5),
    ("unit: pounds_per_week", "unit: pounds_a_fortnight", "VALUE_NOT_ALLOWED", "facts[0].unit", 4),
    ("valid_until: 2027-04-05", "valid_until: 2026-04-05", "FACT_DATES_REVERSED", "facts[0].valid_until", 7),
    ("valid_until: 2027-04-05", "valid_until: 5 April 2027", "DATE_INVALID", "facts[0].valid_until", 7),
    ("    value: 86.45\n", "", "FIELD_MISSING", "facts[0].value", 2),
    ("id: earnings_limit", "id: carers_allowance_weekly", "FACT_DUPLICATE_ID", "facts[1].id", 12),
    ("label: Carer's Allowance, a week", "label: <b>Carer's Allowance</b>", "TEXT_UNSAFE", "facts[0].label", 3),
])
def test_a_fact_written_wrong_is_a_problem_with_file_line_field_and_fix(data_dir, old, new, code, field, line):
    assert old in GOOD
    found = problems_of(data_dir, GOOD.replace(old, new, 1))
    assert [(p.code, p.field, p.line) for p in found] == [(code, field, line)], [str(p) for p in found]
    assert found[0].fix and "Traceback" not in str(found[0])


def test_the_shipped_facts_load_and_read_as_carers_read_them(data_dir):
    (data_dir / "facts.yaml").write_text(GOOD.replace("value: 86.45", 'value: "86.45"'))  # as the form saves it
    facts = load_data(data_dir)[0].facts
    assert facts["carers_allowance_weekly"].shown == "£86.45 a week" and facts["earnings_limit"].shown == "£196 a week"
    shipped = load_data()[0].facts
    assert {f.unit for f in shipped.values()} >= {"pounds_per_week", "hours_per_week", "years"}
    assert all(f.source.url and f.checked <= SUITE_TODAY <= f.valid_until for f in shipped.values())


def test_each_fact_a_page_quotes_is_in_the_built_page_as_the_data_says(built_site):
    facts = load_data()[0].facts
    quoted = {}
    for path in (SITE / "content").rglob("*.md"):
        for fact_id in FACT_CALL.findall(path.read_text()):
            quoted.setdefault(path.relative_to(SITE / "content").with_suffix(""), set()).add(fact_id)
    for page, ids in quoted.items():
        html = (built_site / page / "index.html").read_text()
        for fact_id in ids:
            assert facts[fact_id].html() in html, (page, fact_id)


@pytest.mark.example  # the example's own pages and amounts
def test_the_examples_money_pages_show_its_amounts(built_site):
    allowance = (built_site / "money-and-work" / "carers-allowance" / "index.html").read_text()
    assert "Carer's Allowance is £86.45 a week." in allowance.replace("&#39;", "'")
    assert "up to £204 a week" in allowance and "£196" not in allowance
    easy = (built_site / "easy-read" / "money-help" / "index.html").read_text()
    assert "at least 35 hours a week. That is about 5 hours a day." in easy


def test_a_page_that_quotes_a_fact_says_where_it_comes_from(built_site):
    """Its source is shown at the page's end, whether or not the page lists sources of its own (the easy-read
    money page lists none)."""
    facts = load_data()[0].facts
    for path in (SITE / "content").rglob("*.md"):
        ids = set(FACT_CALL.findall(path.read_text()))
        if not ids:
            continue
        html = (built_site / path.relative_to(SITE / "content").with_suffix("") / "index.html").read_text()
        section = re.search(r'<section class="ch-sources".*?</section>', html, re.DOTALL)
        assert section, f"{path.name} quotes {sorted(ids)} but does not say where they come from"
        for fact_id in ids:
            fact = facts[fact_id]
            # Its own line: two facts can have the same value (35 hours a week), each line names its fact
            line = next((li for li in re.findall(r"<li.*?</li>", section.group(0), re.DOTALL)
                         if fact.html() in li and f"({fact.label}" in unescape(li)), None)
            assert line, (path.name, fact_id)
            assert fact.source.url is None or f'href="{fact.source.url}"' in line, (path.name, fact_id)


def test_no_page_of_the_site_types_an_amount_or_a_weekly_limit():
    """A rule for every site (a published build stops on it): amounts and limits come from data/facts.yaml."""
    facts = load_data()[0].facts
    typed = [str(p) for path in sorted((SITE / "content").rglob("*.md"))
             for p in typed_facts.typed(path.read_text(), path.relative_to(SITE).as_posix(), facts)]
    assert typed == []


@pytest.mark.example  # the example's own page
def test_the_examples_carers_allowance_page_quotes_its_amounts_from_data():
    assert "{{ fact(" in (SITE / "content" / "money-and-work" / "carers-allowance.md").read_text()


FACTS = {f.id: f for f in [
    Fact(id="limit", label="Earnings limit", unit="pounds_per_week", value=196, valid_from="2025-04-07",
         valid_until="2026-04-05", source={"url": "https://www.gov.uk/carers-allowance", "kind": "own"},
         checked="2026-12-01"),
    *[Fact(id=name, label=name, unit="hours_per_week", value=35, valid_from="2026-04-06", valid_until="2027-04-05",
           source={"url": "https://www.gov.uk/carers-allowance", "kind": "own"}, checked="2026-12-01")
      for name in ("allowance_hours", "council_tax_hours")]]}
PAGE = """\
---
title: Money
description: "Costs £196 a week: front matter is not prose."
---

# Money

You can earn up to £196 a week and keep it.

```text
£196 a week in code is not a page's words
```

Write `£196 a week` to show code. Care for 35 Hours a week, or pay £1,250.50.

{{ point("time", "You must care for at least 35 hours each week.") }}
"""


def test_an_amount_typed_into_a_page_names_its_line_and_the_fact_to_use():
    found = typed_facts.typed(PAGE, "content/money.md", FACTS)
    assert [(p.code, p.file, p.line, p.warning) for p in found] == [
        ("FACT_TYPED_IN_PAGE", "content/money.md", 8, True), ("FACT_TYPED_IN_PAGE", "content/money.md", 14, True),
        ("FACT_TYPED_IN_PAGE", "content/money.md", 14, True), ("FACT_TYPED_IN_PAGE", "content/money.md", 16, True)]
    money, unknown, hours, in_a_point = found
    assert '"£196 a week"' in money.message and '{{ fact("limit") }}' in money.fix
    assert '{{ fact("allowance_hours") }}' in hours.fix and '{{ fact("council_tax_hours") }}' in hours.fix
    assert '"£1,250.50"' in unknown.message and "Add the fact to data/facts.yaml" in unknown.fix
    assert "35 hours each week" in in_a_point.message


def test_an_easy_read_point_may_join_its_words_to_a_fact_and_to_nothing_else():
    ok = '{{ point("time", "Care for at least " ~ fact("carers_allowance_hours") ~ " or more.") }}'
    assert page_template.problems(ok, "content/x.md") == []
    for refused in ['{{ point("time", "a" ~ "b") }}', '{{ point("time", "a" ~ config) }}',
                    '{{ point("time", "a" ~ fact(council.name)) }}', '{{ point("time", "a" ~ phone("x")) }}',
                    '{{ point("time", "a" ~ fact("x").__class__) }}']:
        assert [p.code for p in page_template.problems(refused, "content/x.md")] == ["PAGE_TEMPLATE_NOT_ALLOWED"], \
            refused


def test_a_fact_is_due_in_make_freshness_on_its_last_day_and_overdue_after_it():
    facts = load_data()[0].facts
    last = min(f.valid_until for f in facts.values())
    rows = [r for r in freshness.everything_due(SITE, SUITE_TODAY) if r.kind == "fact"]
    assert len(rows) == len(facts) and all(r.where == "data/facts.yaml" for r in rows)
    text, _ = freshness.report(rows, last + timedelta(days=1), 60)
    assert "OVERDUE  fact" in text and next(f for f in facts.values() if f.valid_until == last).shown in text
    assert not freshness.overdue_problems(SITE, last) or \
        all(p.code != "FACT_EXPIRED" for p in freshness.overdue_problems(SITE, last))
    expired = [p for p in freshness.overdue_problems(SITE, last + timedelta(days=1)) if p.code == "FACT_EXPIRED"]
    assert expired and all(p.file == "data/facts.yaml" and p.line and "valid_until" in p.field for p in expired)


def test_a_fact_from_a_secondary_source_is_listed_to_confirm(project):
    import yaml

    from carers_hub.core.yaml_source import CoreLoader

    facts_file = project / "data" / "facts.yaml"  # the site's first fact, read in a newsletter
    facts = yaml.load(facts_file.read_text(), Loader=CoreLoader)
    facts["facts"][0]["source"] = {"kind": "secondary", "title": "a local newsletter"}
    facts_file.write_text(yaml.safe_dump(facts, sort_keys=False, allow_unicode=True))
    loaded = load_data(project / "data")[0].facts
    secondary = {f"{f.label}: {f.shown}" for f in loaded.values() if f.source.kind == "secondary"}
    listed = {r.what for r in freshness.everything_to_confirm(project, SUITE_TODAY) if r.kind == "fact"}
    assert secondary and secondary <= listed


@pytest.mark.example  # the example's own second-hand amount
def test_the_examples_earnings_limit_is_listed_to_confirm():
    listed = {r.what for r in freshness.everything_to_confirm(SITE, SUITE_TODAY) if r.kind == "fact"}
    assert "Carer's Allowance earnings limit, a week: £204 a week" in listed


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory):
    """The site with an expired fact (its first), an amount typed into its crisis page and a fact that does not
    exist asked for on its home page."""
    import yaml

    from carers_hub.core.yaml_source import CoreLoader
    from support.project import copy_project

    project = copy_project(tmp_path_factory.mktemp("facts") / "project")
    facts_file = project / "data" / "facts.yaml"
    facts = yaml.load(facts_file.read_text(), Loader=CoreLoader)
    facts["facts"][0].update(valid_from=SUITE_TODAY - timedelta(days=365), valid_until=SUITE_TODAY - timedelta(days=1))
    facts_file.write_text(yaml.safe_dump(facts, sort_keys=False, allow_unicode=True))
    edit(crisis_page(project), "\n# ", "\nYou can earn up to £196 a week.\n\n# ")
    edit(project / "content" / "index.md", "\n# ", '\nAsk about {{ fact("council_tax_hours") }}.\n\n# ')
    result = build(project, project / "out")
    return project, result.returncode, result.stdout + result.stderr


def crisis_page(project) -> Path:
    return project / "content" / load_data(project / "data")[0].site_file.get_help_now.page


def test_an_expired_fact_stops_a_published_build(broken_build):
    project, code, out = broken_build
    line = line_of(project / "data" / "facts.yaml", f"valid_until: {SUITE_TODAY - timedelta(days=1)}")
    assert code != 0 and f"data/facts.yaml, line {line}" in out and "[FACT_EXPIRED]" in out, out[-3000:]


def test_an_amount_typed_into_a_page_stops_a_published_build_at_its_line(broken_build):
    project, code, out = broken_build
    page = crisis_page(project)
    line = line_of(page, "£196 a week")
    assert code != 0 and f"{page.relative_to(project).as_posix()}, line {line}" in out, out[-3000:]
    assert "[FACT_TYPED_IN_PAGE]" in out


def test_a_page_asking_for_a_fact_that_does_not_exist_stops_the_build_with_the_ids(broken_build):
    project, code, out = broken_build
    line = line_of(project / "content" / "index.md", 'fact("council_tax_hours")')
    assert code != 0 and f"content/index.md, line {line}" in out and "[MACRO_UNKNOWN_FACT]" in out
    assert all(fact_id in out for fact_id in load_data(project / "data")[0].facts), "the ids to choose from"
    assert "Traceback" not in out, out[-3000:]
