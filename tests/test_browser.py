"""A reader in Chromium: find "Get help now" from the home page and reach the crisis page."""

import pytest

pytestmark = pytest.mark.browser


def test_home_page_get_help_now_leads_to_crisis_page(page, site_url):
    page.goto(site_url + "/")
    link = page.get_by_role("link", name="Get help now", exact=True).first
    assert link.is_visible()
    link.click()
    page.wait_for_url("**/get-help-now/")
    assert page.locator("h1").inner_text() == "Get help now"
    assert page.locator('a[href="tel:999"]').first.is_visible()


def test_get_help_now_is_visible_on_a_small_phone_and_reached_by_keyboard(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(site_url + "/support/carers-assessment/")
    link = tab.locator(".ch-crisis-bar__link")
    assert link.is_visible()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320 and box["y"] < 100
    # Tab once reaches the skip link, twice reaches Get help now.
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent.trim()") == "Get help now"
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/get-help-now/")
    context.close()
