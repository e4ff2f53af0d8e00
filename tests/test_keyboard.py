"""Shortcuts act only on bare keys: anything pressed with Ctrl, Cmd or Alt, or typed in a field, reaches the
browser untouched (carers use Ctrl+F to find a word on a long page), and the site's own search key still works."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Records, once every listener on the page has had the key, whether anything stopped the browser's own action.
# (The modifier keys' own keydown events are left out.)
RECORD = """() => { window.__keys = [];
  window.addEventListener('keydown', e => ['Control', 'Meta', 'Alt', 'Shift'].includes(e.key) || setTimeout(() =>
    window.__keys.push([e.key, e.ctrlKey || e.metaKey || e.altKey, e.defaultPrevented])), true); }"""


def search_is_open(tab) -> bool:
    return tab.evaluate("document.getElementById('__search').checked")


def pressed(tab) -> list:
    return tab.evaluate("window.__keys")


@pytest.mark.parametrize("keys", ["Control+f", "Meta+f", "Alt+f", "Control+s", "Meta+s"])
def test_keys_with_ctrl_cmd_or_alt_reach_the_browser(page, site_url, keys):
    page.goto(site_url + "/support/carers-assessment/")
    page.evaluate(RECORD)
    page.keyboard.press(keys)
    page.wait_for_function("() => window.__keys.length === 1")
    assert pressed(page) == [["f" if keys.endswith("f") else "s", True, False]], pressed(page)
    assert not search_is_open(page)


def test_ctrl_f_still_reaches_the_browser_after_the_theme_has_loaded(page, site_url):
    page.goto(site_url + "/support/carers-assessment/")
    page.keyboard.press("f")  # loads the theme's script, which has shortcuts of its own
    page.wait_for_function("() => document.querySelector('.md-search-result__meta') !== null")
    page.keyboard.press("Escape")
    page.locator("h1").click()
    page.evaluate(RECORD)
    page.keyboard.press("Control+f")
    page.keyboard.press("Alt+f")
    page.wait_for_function("() => window.__keys.length === 2")
    assert [prevented for _, _, prevented in pressed(page)] == [False, False], pressed(page)


def test_the_bare_search_key_opens_search(page, site_url):
    page.goto(site_url + "/support/carers-assessment/")
    page.evaluate(RECORD)
    page.keyboard.press("f")
    assert search_is_open(page)
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")


def test_letters_typed_in_an_editable_element_are_left_alone(page, site_url):
    page.goto(site_url + "/support/carers-assessment/")
    page.evaluate("""() => { const box = document.createElement('div'); box.contentEditable = 'true';
                            box.id = 'note'; document.querySelector('article').prepend(box); }""")
    page.evaluate(RECORD)
    page.locator("#note").click()
    page.keyboard.type("fs/")
    assert page.locator("#note").inner_text() == "fs/"
    assert not search_is_open(page)
