"""A reader in Chromium: find "Get help now" from the home page and reach the crisis page."""

import pytest
from support import crisis
from support.kinds import one

from conftest import SITE, load_data

pytestmark = pytest.mark.browser


def test_home_page_get_help_now_leads_to_crisis_page(page, site_url):
    data, _ = load_data()
    page.goto(site_url + "/")
    link = page.get_by_role("link", name="Get help now", exact=True).first
    assert link.is_visible()
    link.click()
    page.wait_for_url("**" + crisis.address(data.get_help_now.page))
    assert page.locator("h1").inner_text() == crisis.title(SITE, data.get_help_now.page)
    top = data.contacts[data.get_help_now.top_contact]
    assert page.locator(f'a[href="{top.phone_link.uri}"]').first.is_visible(), top.name


@pytest.mark.parametrize("width", [320, 1280])
def test_get_help_now_is_visible_and_reached_by_keyboard(browser, built_site, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto(site_url + one(built_site, "guidance"))
    link = tab.locator(".ch-crisis-bar__link")
    assert link.is_visible()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] < 100
    # Tab once reaches the skip link, twice reaches Get help now.
    tab.keyboard.press("Tab")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent.trim()") == "Get help now"
    tab.keyboard.press("Enter")
    tab.wait_for_url("**" + crisis.address(load_data()[0].get_help_now.page))
    context.close()


def test_printed_page_ends_with_the_numbers_to_call_and_leaves_out_the_menu(page, built_site, site_url):
    import io

    import pdfplumber

    page.goto(site_url + one(built_site, "guidance"))
    title = page.locator("h1").inner_text()
    menu = page.locator(".md-sidebar--primary .md-nav__link").evaluate_all("all => all.map(a => a.textContent.trim())")
    page.emulate_media(media="print")
    # Words of the menu that the printed page does not show elsewhere: none if the menu itself is printed.
    only_in_menu = [name for name in menu if name and name not in page.evaluate("document.body.innerText")]
    assert only_in_menu, "the menu is printed"
    with pdfplumber.open(io.BytesIO(page.pdf(format="A4"))) as document:
        text = " ".join(" ".join(p.extract_text().split()) for p in document.pages if p.extract_text())
    assert " ".join(title.split()) in text
    tail = text[text.rindex("Get help now"):]
    for contact in crisis.printed(load_data()[0]):
        assert contact.name in tail and contact.phone_link.display in tail, contact.name
    assert not [name for name in only_in_menu if name in text] and "Search this site" not in text


def test_crisis_page_works_without_css_or_javascript(browser, site_url):
    data, _ = load_data()
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.route("**/*.css", lambda route: route.abort())
    tab.goto(site_url + crisis.address(data.get_help_now.page))
    assert tab.locator("h1").inner_text() == crisis.title(SITE, data.get_help_now.page)
    for contact in (data.contacts[c] for c in data.crisis_pages[0].contacts):
        link = contact.phone_link or contact.sms_link
        assert tab.locator(f'a[href^="{link.uri}"]').count() >= 1, contact.name
    context.close()
