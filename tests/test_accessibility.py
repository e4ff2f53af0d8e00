"""WCAG 2.2 A and AA on every built page, at phone and desktop widths, light and dark, with axe-core in Chromium."""

from __future__ import annotations

import re

import pytest
from support.browser import IN_FLIGHT, axe_sweep, axe_violations as violations

from support.kinds import one
from support.site_words import a_service_name_word

from conftest import load_data
from carers_hub.checks.built_site import html_pages
from carers_hub.checks.links import serve

pytestmark = pytest.mark.browser

VIEWS = [(320, "light"), (1280, "light"), (320, "dark"), (1280, "dark")]


@pytest.fixture(params=VIEWS, ids=lambda v: f"{v[0]}px-{v[1]}")
def sized_page(request, browser, site_url):
    width, scheme = request.param
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    yield tab
    context.close()


# A word the site under test's directory has (results to show), and one no site has (none).
@pytest.mark.parametrize("query", [a_service_name_word(load_data()[1]), "qxqxqxqx"])
def test_search_results_have_no_wcag_violations(sized_page, site_url, query):
    sized_page.goto(site_url + "/")
    sized_page.locator("#ch-search-input").click()
    sized_page.keyboard.type(query)
    sized_page.wait_for_function("q => document.getElementById('ch-search-status').textContent.endsWith(' for ' + q)",
                                 arg=query, timeout=15_000)
    assert sized_page.locator(".ch-search__results").is_visible()
    found = violations(sized_page)
    assert not found, "search results:\n" + "\n".join(found)


def test_skip_link_moves_focus_to_the_content(page, site_url, built_site):
    page.goto(site_url + one(built_site, "guidance"))
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className")
    assert "md-skip" in skip
    page.wait_for_function("() => document.querySelector('.md-skip').getBoundingClientRect().top >= 0")  # it slides in
    box = page.locator(".md-skip").bounding_box()
    assert box["y"] >= 0 and box["height"] > 10, "the skip link is not visible when focused"
    page.keyboard.press("Enter")
    heading = page.locator("article h1").get_attribute("id")
    assert heading and page.evaluate("location.hash") == "#" + heading


def test_focus_is_clearly_visible(page, site_url, built_site):
    page.goto(site_url + one(built_site, "guidance"))
    for _ in range(2):
        page.keyboard.press("Tab")
    style = page.evaluate("""(() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, s.outlineWidth, s.backgroundColor]; })()""")
    assert style[0] == "solid" and float(style[1].removesuffix("px")) >= 3
    assert style[2] == "rgb(255, 221, 0)"


def test_keyboard_never_gets_trapped(page, site_url, built_site):
    page.goto(site_url + one(built_site, "emergency plan"))  # the page with the most to tab through
    seen = []
    for _ in range(120):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
        if "ch-footer" in page.evaluate("document.activeElement.closest('footer')?.className || ''"):
            break
    assert "ch-footer" in page.evaluate("document.activeElement.closest('footer')?.className || ''"), seen[-5:]


def test_text_resized_to_200_percent_still_fits(browser, site_url, built_site):
    # bypass_csp: the test adds its own style, which the site's policy would rightly block.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    for path in [one(built_site, kind) for kind in ("home", "crisis", "service")]:
        tab.goto(site_url + path)
        tab.add_style_tag(content="html { font-size: 200% !important; }")
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 200% text"
        assert tab.locator(".ch-crisis-bar__link").is_visible()
    context.close()


def every_page(site) -> list[str]:
    """The address of every page in the built site, each kind of generated page included."""
    return sorted("/" + path.relative_to(site).as_posix().removesuffix("index.html")
                  for path in html_pages(site))


LISTS = re.compile(r"^/services/(kind|for|in)/")  # lists of services: one template, hundreds of filter combinations


def one_list_of_each_depth(pages: list[str]) -> list[str]:
    """Every page but the lists of services, and of those the first at each depth (one, two and three filters)."""
    lists = [p for p in pages if LISTS.match(p)]
    kept = {min((p for p in lists if p.count("/") == depth), default=None) for depth in {p.count("/") for p in lists}}
    return [p for p in pages if not LISTS.match(p) or p in kept]


@pytest.mark.parametrize("width, scheme", VIEWS, ids=[f"{w}px-{s}" for w, s in VIEWS])
def test_every_page_has_no_wcag_violations(browser, built_site, site_url, width, scheme):
    """Not a sample: every built page, at the phone width in light colours. The other three views check every
    page too, except that of the hundreds of lists of services (one template, filled with different services)
    they check one of each depth. Several pages at once in one browser context (support/browser.py axe_sweep)."""
    pages = every_page(built_site)
    if (width, scheme) != VIEWS[0]:
        pages = one_list_of_each_depth(pages)
    assert len(pages) > 100
    found = axe_sweep(browser, site_url, pages, width, scheme)
    assert not found, f"{len(found)} violations:\n" + "\n".join(found[:40])


def test_the_sweep_reports_every_page_s_violations_whichever_tab_checks_it(browser, tmp_path):
    """The sweep can fail: of more pages than it checks at once, each with a different mistake, every one is
    reported against its own address (a page checked twice, or a tab's answer taken for another's, would not)."""
    mistakes = {f"/p{n}/": f'<img src="x{n}.png">' if n % 2 else f'<a href="/q{n}"></a>'
                for n in range(IN_FLIGHT * 2 + 1)}
    for address, body in mistakes.items():
        page = tmp_path / address.strip("/") / "index.html"
        page.parent.mkdir()
        page.write_text(f'<!doctype html><html lang="en"><head><title>t</title></head><body><main>{body}</main>'
                        "</body></html>")
    with serve(tmp_path) as base:
        found = axe_sweep(browser, base, list(mistakes), 320, "light")
    reported = {line.split(": ")[0]: line.split(": ")[1] for line in found}
    assert reported == {a: "image-alt" if int(a[2:-1]) % 2 else "link-name" for a in mistakes}, found
