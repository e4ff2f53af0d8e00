"""Review dates: a report of what falls due, and a notice on published pages once their date has passed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from conftest import ROOT, SUITE_TODAY
from carers_hub.tools import freshness


def test_report_lists_what_falls_due_within_60_days_with_owner():
    rows = freshness.everything_due(ROOT, date(2027, 5, 1))
    text, overdue = freshness.report(rows, date(2027, 5, 1), 60)
    assert overdue == sum(1 for r in rows if r.due < date(2027, 5, 1)) >= 2
    assert text.count("OVERDUE  page            Get help now") == 2  # the page and its easy read
    assert "carers-information@example.org" in text
    assert "crisis contact" in text and "Samaritans" in text
    lines = [line for line in text.splitlines() if line[:4].isdigit()]
    assert lines == sorted(lines), "soonest first"


def test_nothing_due_today_and_exit_code_tells_the_weekly_job():
    assert freshness.main(["--today", SUITE_TODAY.isoformat()]) == 0
    assert freshness.main(["--today", "2027-06-01"]) == 1


@pytest.mark.browser
def test_a_published_page_says_when_it_is_past_its_review_date(browser, site_url):
    """The note appears in the reader's browser once the review date has passed, even with no new build.
    The browser's clock is set, so the test gives the same result on any day."""
    context = browser.new_context()
    tab = context.new_page()
    tab.clock.set_fixed_time(datetime.combine(SUITE_TODAY, time(12)))
    tab.goto(site_url + "/support/carers-assessment/")
    note = tab.locator(".ch-outdated")
    assert note.is_hidden()
    due = date.fromisoformat(note.get_attribute("data-review-by"))
    tab.clock.set_fixed_time(datetime.combine(due + timedelta(days=1), time(12)))
    tab.reload()
    assert note.is_visible() and "may be out of date" in note.inner_text()
    context.close()
