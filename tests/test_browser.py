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


@pytest.mark.parametrize("width", [320, 1280])
def test_get_help_now_is_visible_and_reached_by_keyboard(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(site_url + "/support/carers-assessment/")
    link = tab.locator(".ch-crisis-bar__link")
    assert link.is_visible()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] < 100
    # Tab once reaches the skip link, twice reaches Get help now.
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent.trim()") == "Get help now"
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/get-help-now/")
    context.close()


def test_printed_page_ends_with_the_numbers_to_call_and_leaves_out_the_menu(page, site_url):
    import io

    import pdfplumber

    page.goto(site_url + "/money-and-work/carers-allowance/")
    page.emulate_media(media="print")
    with pdfplumber.open(io.BytesIO(page.pdf(format="A4"))) as document:
        text = "\n".join(p.extract_text() or "" for p in document.pages)
    assert "Carer's Allowance" in text
    tail = text[text.rindex("Get help now"):]
    for name, number in [("Emergency services", "999"), ("NHS 111", "111"), ("Samaritans", "116 123"),
                         ("Out-of-hours social care", "020 8356 8855")]:
        assert name in tail and number in tail
    assert "Your wellbeing" not in text and "Search this site" not in text


def test_crisis_page_works_without_css_or_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.route("**/*.css", lambda route: route.abort())
    tab.goto(site_url + "/get-help-now/")
    assert tab.locator("h1").inner_text() == "Get help now"
    assert tab.locator('a[href="tel:999"]').count() >= 1
    assert tab.locator('a[href="tel:116123"]').count() >= 1
    context.close()
