"""Page weight budgets on a first visit (HTML plus the CSS and JavaScript it loads, gzipped).

The benchmark in bench/page_weight.py measures the same in Chromium over HTTP; this test stops the budget
sliding without timing anything.
"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from conftest import SUITE_TODAY
from carers_hub.checks.page_weight import BUDGETS, first_visit

KINDS = {
    "home": "", "guidance": "support/carers-assessment/", "directory": "services/",
    "service": "services/city-carers-support-service/", "glossary": "glossary/",
    "emergency plan": "planning-ahead/make-your-plan/",
    "easy read": "easy-read/what-is-a-carer/",
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_page_is_under_60_kb_on_a_first_visit(built_site, kind):
    sizes = first_visit(built_site, KINDS[kind])
    assert sum(sizes.values()) <= BUDGETS["standard"], f"{kind}: {sizes}"


def test_crisis_page_is_under_20_kb_and_loads_no_theme_javascript(built_site):
    sizes = first_visit(built_site, "get-help-now/")
    assert sum(sizes.values()) <= BUDGETS["crisis"], sizes
    html = (built_site / "get-help-now" / "index.html").read_text()
    assert "bundle." not in html and "main." not in html.split("</head>")[0]


def test_the_budget_check_can_fail(built_site, tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(built_site / "get-help-now", site / "get-help-now")
    shutil.copytree(built_site / "assets", site / "assets")
    page = site / "get-help-now" / "index.html"
    bundle = '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    page.write_text(page.read_text().replace("</head>", bundle + "</head>"))
    assert sum(first_visit(site, "get-help-now/").values()) > BUDGETS["crisis"]


LAYOUT_SHIFTS = """() => new Promise(resolve => {
  const shifts = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => shifts.push(e.value)))
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(shifts), 1000);
})"""


@pytest.mark.browser
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("when", ["in date", "overdue"])
def test_nothing_moves_while_a_page_loads_on_a_phone(browser, site_url, kind, when):
    """Parts that need JavaScript (the directory's instant filter) take their place before the page is drawn,
    and so does the note a page shows once it is past its review date."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    day = SUITE_TODAY if when == "in date" else date(SUITE_TODAY.year + 5, 1, 1)
    tab.clock.set_fixed_time(datetime.combine(day, time(12)))
    tab.goto(f"{site_url}/{KINDS[kind]}")
    shifts = tab.evaluate(LAYOUT_SHIFTS)
    if when == "overdue" and tab.locator(".ch-outdated").count():
        assert tab.locator(".ch-outdated").is_visible(), "the test needs a page showing its out-of-date note"
    context.close()
    assert sum(shifts) < 0.01, f"{kind}: the page moved as it loaded (layout shifts {shifts})"
