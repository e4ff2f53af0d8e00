"""'Check if you are a carer': every outcome is reached by following links alone, with no JavaScript."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PATHS = {
    ("Yes", "Yes", "No"): "You are a carer",
    ("Yes", "Yes", "Yes"): "You are a young carer",
    ("Yes", "No"): "You are a care worker, not an unpaid carer",
    ("No",): "You may not be a carer right now",
}


@pytest.mark.parametrize("answers", PATHS, ids=lambda a: "-".join(a))
def test_each_outcome_is_reached_by_links(browser, site_url, answers):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "/check/")
    tab.get_by_role("link", name="Start now").click()
    for answer in answers:
        assert tab.locator("h1").inner_text().endswith("?")
        tab.get_by_role("link", name=answer, exact=True).click()
    assert tab.locator("h1").inner_text() == PATHS[answers]
    body = tab.locator("article").inner_text()
    if "carer" in PATHS[answers] and PATHS[answers].startswith("You are a") and "worker" not in PATHS[answers]:
        assert "assessment" in body
        assert tab.locator(".ch-services__item").count() > 0, "the result lists services that fit"
    context.close()
