"""Keys belong to the reader: anything pressed with Ctrl, Cmd or Alt reaches the browser untouched (carers use
Ctrl+F to find a word on a long page), before and after search has loaded, and the site has no single-key
shortcuts (WCAG 2.2 success criterion 2.1.4: a letter typed by voice control or by mistake must not act)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Records, once every listener on the page has had the key, whether anything stopped the browser's own action.
# (The modifier keys' own keydown events are left out.)
RECORD = """() => { window.__keys = [];
  window.addEventListener('keydown', e => ['Control', 'Meta', 'Alt', 'Shift'].includes(e.key) || setTimeout(() =>
    window.__keys.push([e.key, e.ctrlKey || e.metaKey || e.altKey, e.defaultPrevented])), true); }"""


def pressed(tab) -> list:
    return tab.evaluate("window.__keys")


@pytest.mark.parametrize("keys", ["Control+f", "Meta+f", "Alt+f", "Control+s", "Meta+s"])
def test_keys_with_ctrl_cmd_or_alt_reach_the_browser(page, site_url, keys):
    page.goto(site_url + "/support/carers-assessment/")
    page.evaluate(RECORD)
    page.keyboard.press(keys)
    page.wait_for_function("() => window.__keys.length === 1")
    assert pressed(page) == [["f" if keys.endswith("f") else "s", True, False]], pressed(page)


def test_ctrl_f_still_reaches_the_browser_after_search_has_loaded(page, site_url):
    page.goto(site_url + "/support/carers-assessment/")
    page.locator("#ch-search-input").click()
    page.keyboard.type("respite")
    page.wait_for_selector(".ch-search__list a")
    page.evaluate(RECORD)
    page.keyboard.press("Control+f")  # in the search box, with results open
    page.keyboard.press("Escape")
    page.locator("h1").click()
    page.keyboard.press("Alt+f")
    page.wait_for_function("() => window.__keys.filter(k => k[1]).length === 2")
    assert [prevented for _, modified, prevented in pressed(page) if modified] == [False, False], pressed(page)


@pytest.mark.parametrize("key", ["/", "s", "f"])
def test_no_single_key_shortcut(page, site_url, key):
    page.goto(site_url + "/support/carers-assessment/")
    page.evaluate(RECORD)
    page.keyboard.press(key)
    page.wait_for_function("() => window.__keys.length === 1")
    assert pressed(page) == [[key, False, False]]
    assert page.evaluate("document.activeElement === document.body")


def test_letters_typed_in_an_editable_element_are_left_alone(page, site_url):
    page.goto(site_url + "/support/carers-assessment/")
    page.evaluate("""() => { const box = document.createElement('div'); box.contentEditable = 'true';
                            box.id = 'note'; document.querySelector('article').prepend(box); }""")
    page.evaluate(RECORD)
    page.locator("#note").click()
    page.keyboard.type("fs/")
    assert page.locator("#note").inner_text() == "fs/"
    page.locator("#ch-search-input").click()
    page.keyboard.type("fs/")
    assert page.locator("#ch-search-input").input_value() == "fs/"
