"""Page weight budgets on a first visit (HTML plus the CSS and JavaScript it loads, gzipped).

The benchmark in bench/page_weight.py measures the same in Chromium over HTTP; this test stops the budget
sliding without timing anything.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from support.kinds import one

from conftest import SUITE_TODAY
from carers_hub.checks.page_weight import BUDGETS, first_visit

KINDS = ("home", "guidance", "directory", "service", "glossary", "emergency plan", "easy read")  # on the standard budget


def where(site, kind: str) -> str:
    """The address of the site under test's page of that kind, as first_visit takes it (no leading /)."""
    return one(site, kind).lstrip("/")


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_page_is_under_60_kb_on_a_first_visit(built_site, kind):
    sizes = first_visit(built_site, where(built_site, kind))
    assert sum(sizes.values()) <= BUDGETS["standard"], f"{kind}: {sizes}"


def test_crisis_page_is_under_20_kb_and_loads_no_theme_javascript(built_site):
    crisis = where(built_site, "crisis")
    sizes = first_visit(built_site, crisis)
    assert sum(sizes.values()) <= BUDGETS["crisis"], sizes
    html = (built_site / crisis / "index.html").read_text()
    assert "bundle." not in html and "main." not in html.split("</head>")[0]


def test_the_budget_check_can_fail(built_site, tmp_path):
    import shutil

    site, crisis = tmp_path / "site", where(built_site, "crisis")
    shutil.copytree(built_site / crisis, site / crisis)
    shutil.copytree(built_site / "assets", site / "assets")
    page = site / crisis / "index.html"
    bundle = f'<script src="{"../" * crisis.count("/")}assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    page.write_text(page.read_text().replace("</head>", bundle + "</head>"))
    assert sum(first_visit(site, crisis).values()) > BUDGETS["crisis"]


LAYOUT_SHIFTS = """() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => shifts.push(e.value)))
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(shifts), 1000);
})"""


@pytest.mark.browser
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("when", ["in date", "overdue"])
def test_nothing_moves_while_a_page_loads_on_a_phone(browser, site_url, built_site, kind, when):
    """Parts that need JavaScript (the directory's instant filter) take their place before the page is drawn,
    and so does the note a page shows once it is past its review date."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    day = SUITE_TODAY if when == "in date" else date(SUITE_TODAY.year + 5, 1, 1)
    tab.clock.set_fixed_time(datetime.combine(day, time(12)))
    tab.goto(f"{site_url}/{where(built_site, kind)}")
    shifts = tab.evaluate(LAYOUT_SHIFTS)
    if when == "overdue" and tab.locator(".ch-outdated").count():
        assert tab.locator(".ch-outdated").is_visible(), "the test needs a page showing its out-of-date note"
    context.close()
    assert sum(shifts) < 0.01, f"{kind}: the page moved as it loaded (layout shifts {shifts})"
