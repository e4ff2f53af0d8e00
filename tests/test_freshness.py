"""Review dates: a report of what falls due, and a notice on published pages once their date has passed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from support import crisis

from conftest import SITE, SUITE_TODAY, load_data
from carers_hub.tools import freshness

ROWS = freshness.everything_due(SITE, SUITE_TODAY)


def test_report_lists_what_falls_due_within_60_days_with_owner():
    """The day after the crisis page and a crisis contact fall due: both are overdue, and all that falls due in
    60 days is listed with its owner."""
    page = "content/" + load_data()[0].get_help_now.page
    crisis_page = next(r for r in ROWS if r.kind == "page" and r.where == page)
    contact = next(r for r in ROWS if r.kind == "crisis contact")
    when = max(crisis_page.due, contact.due) + timedelta(days=1)
    text, overdue = freshness.report(ROWS, when, 60)
    assert overdue == sum(1 for r in ROWS if r.due < when) >= 2
    assert f"OVERDUE  page            {crisis_page.what}" in text and crisis_page.owner in text
    assert f"OVERDUE  crisis contact  {contact.what}" in text
    due = [r for r in ROWS if r.due <= when + timedelta(days=60)]
    lines = [line for line in text.splitlines() if line[:4].isdigit()]
    assert len(lines) == len(due)
    for row, line in zip(due, lines):
        assert line.startswith(row.due.isoformat()) and row.what[:44] in line and line.endswith(row.owner), line
    assert lines == sorted(lines), "soonest first"


def test_nothing_due_today_and_exit_code_tells_the_weekly_job(monkeypatch):
    monkeypatch.setattr(freshness, "ROOT", SITE)  # the command reads the site it runs in
    assert freshness.main(["--today", SUITE_TODAY.isoformat()]) == 0
    assert freshness.main(["--today", (ROWS[0].due + timedelta(days=1)).isoformat()]) == 1


@pytest.mark.browser
def test_a_published_page_says_when_it_is_past_its_review_date(browser, site_url):
    """The note appears in the reader's browser once the review date has passed, even with no new build.
    The browser's clock is set, so the test gives the same result on any day."""
    context = browser.new_context()
    tab = context.new_page()
    tab.clock.set_fixed_time(datetime.combine(SUITE_TODAY, time(12)))
    tab.goto(site_url + crisis.address(load_data()[0].get_help_now.page))  # a page every site has
    note = tab.locator(".ch-outdated")
    assert note.is_hidden()
    due = date.fromisoformat(note.get_attribute("data-review-by"))
    tab.clock.set_fixed_time(datetime.combine(due + timedelta(days=1), time(12)))
    tab.reload()
    assert note.is_visible() and "may be out of date" in note.inner_text()
    context.close()
