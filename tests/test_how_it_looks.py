"""What each kind of page looks like: no text drawn over by something else (WCAG 1.4.10 and 1.3.1 as a sighted
reader meets them), and screenshots compared with reviewed baselines (tests/baselines/, `make baselines`).

Each view (a width and a colour scheme) is one browser tab; every page is loaded once in it, pictured, then
checked for covered text.
"""

from __future__ import annotations

from datetime import datetime, time

import pytest
from support.kinds import KINDS, first_of_each_list, one, one_of_each
from conftest import EXAMPLE, SUITE_TODAY
from support.looks import BASELINES, against_baseline, covered_text, difference, fonts_as_baselines, screenshot

pytestmark = pytest.mark.browser

WIDTHS = (320, 768, 1280)
VIEWS = [(width, scheme) for scheme in ("light", "dark") for width in WIDTHS]
HEIGHT = 800  # px: a window; the pictures are the first two
PICTURED_IN_DARK = ("home", "directory")  # dark changes colours only: two kinds show it
# The pages' own clock (a page past its review date shows a note) reads the suite's today, never the calendar.
NOON = datetime.combine(SUITE_TODAY, time(12))


def new_tab(browser, width: int, scheme: str = "light", **options):
    context = browser.new_context(viewport={"width": width, "height": HEIGHT}, color_scheme=scheme, **options)
    context.clock.set_fixed_time(NOON)
    return context.new_page()


def pictured(kind: str, scheme: str) -> bool:
    """Pictured for the reviewed baselines, which are of the example's own pages (KINDS)."""
    return EXAMPLE and kind in KINDS and (scheme == "light" or kind in PICTURED_IN_DARK)


def name(kind: str, width: int, scheme: str) -> str:
    return f"{kind.replace(' ', '-').replace(',', '')}-{width}-{scheme}"


@pytest.fixture(scope="module")
def looked(browser, built_site, site_url):
    """Each view's pages, looked at once: {view: {kind: (covered text, screenshot or None)}}. A page of each kind
    the site under test has (failing if it lacks one): on the example, the pages its baselines picture."""
    pages = one_of_each(built_site) | (KINDS if EXAMPLE else {}) | first_of_each_list(built_site)
    seen = {}

    def look(width: int, scheme: str) -> dict:
        if (width, scheme) not in seen:
            tab = new_tab(browser, width, scheme)
            seen[width, scheme] = {}
            for kind, address in pages.items():
                tab.goto(site_url + address)
                picture = screenshot(tab) if pictured(kind, scheme) else None
                seen[width, scheme][kind] = (covered_text(tab), picture)
            tab.context.close()
        return seen[width, scheme]
    return look


@pytest.mark.parametrize("width, scheme", VIEWS, ids=[f"{w}px-{s}" for w, s in VIEWS])
def test_no_text_is_covered_by_anything(looked, width, scheme):
    found = [f"{kind}: {problem}" for kind, (covered, _) in looked(width, scheme).items() for problem in covered]
    assert not found, f"text drawn over at {width}px, {scheme}:\n" + "\n".join(found)


@pytest.mark.example  # the reviewed baselines (tests/baselines/) are pictures of the example's own pages
@pytest.mark.parametrize("width, scheme", VIEWS, ids=[f"{w}px-{s}" for w, s in VIEWS])
def test_each_kind_of_page_looks_as_reviewed(looked, width, scheme):
    if why := fonts_as_baselines():
        pytest.fail(f"Screenshots would differ from the baselines for want of fonts: {why}. "
                    "Run `make system-packages` (as root) on a new Debian machine, or compare on one.")
    differences = [problem for kind, (_, picture) in looked(width, scheme).items() if picture
                   for problem in [against_baseline(picture, BASELINES / f"{name(kind, width, scheme)}.png",
                                              name(kind, width, scheme))] if problem]
    assert not differences, "\n".join(differences)


# The checks shown failing on pages broken on purpose.

@pytest.fixture
def editable_tab(browser, site_url):
    """A tab whose pages the test may restyle (the site's policy rightly refuses styles it did not ship)."""
    tab = new_tab(browser, 1280, bypass_csp=True)
    yield tab
    tab.context.close()


def test_a_box_drawn_over_a_paragraph_is_found(editable_tab, site_url, built_site):
    editable_tab.goto(site_url + one(built_site, "guidance"))
    assert covered_text(editable_tab) == []
    editable_tab.evaluate("""() => {
        const p = [...document.querySelectorAll('article p')].find(p => p.checkVisibility() && p.offsetWidth > 100);
        const r = p.getBoundingClientRect(), box = document.createElement('div');
        Object.assign(box.style, {position: 'absolute', left: r.left + 40 + 'px', top: r.top + scrollY + 'px',
                                  width: '3rem', height: '1.5rem', background: '#fff'});
        document.body.append(box); }""")
    found = covered_text(editable_tab)
    assert len(found) == 1 and "(p) is covered by div" in found[0], found


def test_an_icon_drawn_over_its_own_label_is_found(editable_tab, site_url, built_site):
    # As the filter's summary icon was: a positioned ::before on top of the text it belongs to.
    editable_tab.goto(site_url + one(built_site, "guidance"))
    heading = editable_tab.locator("article h1").get_attribute("id")
    editable_tab.add_style_tag(content=".md-typeset h1 { position: relative; } .md-typeset h1::before { content: '';"
                                       " position: absolute; left: 1rem; top: 0.2em; width: 1rem; height: 1rem;"
                                       " background: currentColor; }")
    found = covered_text(editable_tab)
    assert heading and len(found) == 1 and found[0].endswith(f"is covered by h1#{heading}::before"), found


def test_a_bar_that_covers_the_top_of_the_page_is_found(editable_tab, site_url, built_site):
    # A bar kept on screen may cover text as the page scrolls, but never where the page starts.
    editable_tab.goto(site_url + one(built_site, "guidance"))
    editable_tab.add_style_tag(content=".ch-crisis-bar { position: fixed; top: 0; left: 0; right: 0; z-index: 10; }")
    found = covered_text(editable_tab)
    assert any("covered by a.ch-crisis-bar__link, div.ch-crisis-bar" in problem for problem in found), found


def test_a_transparent_box_over_text_is_not_reported(editable_tab, site_url, built_site):
    # A box that paints nothing hides nothing: the check looks through it.
    editable_tab.goto(site_url + one(built_site, "guidance"))
    editable_tab.evaluate("""() => { const box = document.createElement('div');
        Object.assign(box.style, {position: 'fixed', inset: '0', zIndex: 50}); document.body.append(box); }""")
    assert covered_text(editable_tab) == []


@pytest.mark.example  # compared with the reviewed baseline of the example's own home page
def test_a_changed_page_differs_from_its_baseline(editable_tab, site_url):
    editable_tab.goto(site_url + KINDS["home"])
    before = screenshot(editable_tab)
    editable_tab.add_style_tag(content=".md-typeset h1 { margin-top: 3rem; }")
    after = screenshot(editable_tab)
    baseline = BASELINES / "home-1280-light.png"
    assert baseline.exists() or pytest.fail("no baseline for the home page: run `make baselines`")
    assert difference(before, baseline, "check-unchanged") is None
    found = difference(after, baseline, "check-moved-heading")
    assert found and "of pixels differ" in found, found
