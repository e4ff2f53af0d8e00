"""WCAG 2.2 AA criteria that axe leaves to people, checked in Chromium on every kind of page (tests/support/
wcag_checks.py): reflow, text spacing, focus visible and not obscured, target size, content on hover, orientation,
forced colours (Windows high contrast) and print. Then each check is shown to fail on a page broken on purpose.

docs/developers/accessibility.md says which criterion each check covers and what a person still checks by hand.
"""

from __future__ import annotations

import pytest
from support import wcag_checks as check
from support.kinds import first_of_each_list, one, one_of_each

pytestmark = pytest.mark.browser

WIDTHS = (320, 768, 1280)
VIEWS = [(width, scheme) for scheme in ("light", "dark") for width in WIDTHS]
# Tabbing through every stop is the slow check: at the narrowest and widest views, in both colour schemes.
FOCUS_VIEWS = [(320, "light"), (1280, "dark")]


def pages(site) -> dict[str, str]:
    """A page of every kind the site under test has (failing if it lacks one), and one of each list."""
    return one_of_each(site) | first_of_each_list(site)


def tab_for(browser, width: int, height: int = 900, scheme: str = "light", **options):
    return browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme, **options).new_page()


def every_page_passes(browser, site, site_url: str, *checks, **view) -> None:
    """Each check on every kind of page, in one tab of the given view (tab_for's arguments); fails naming every
    problem found."""
    tab = tab_for(browser, **view)
    found = failures(tab, site_url, pages(site), *checks)
    tab.context.close()
    assert not found, "\n".join(found)


def failures(tab, site_url: str, addresses: dict[str, str], *checks) -> list[str]:
    """Each check on each page, in the order given, on one load of the page: a check that changes the page
    (text_spacing) comes last."""
    found = []
    for kind, address in addresses.items():
        tab.goto(site_url + address)
        for run in checks:
            found += [f"{kind} ({address}), {run.__name__}: {problem}" for problem in run(tab)]
    return found


@pytest.mark.parametrize("width, scheme", VIEWS, ids=[f"{w}px-{s}" for w, s in VIEWS])
def test_every_kind_of_page_reflows_keeps_spaced_text_and_has_big_enough_targets(browser, built_site, site_url,
                                                                                  width, scheme):
    """1.4.10 (no sideways scroll at 320 px), 1.4.12 (nothing cut off with the spacing applied), 2.5.8."""
    every_page_passes(browser, built_site, site_url, check.reflow, check.target_size, check.text_spacing,
                      width=width, scheme=scheme)


def test_every_kind_of_page_reflows_at_400_percent_zoom(browser, built_site, site_url):
    """A 1280 by 900 px window at 400% zoom is 320 by 225 CSS pixels."""
    every_page_passes(browser, built_site, site_url, check.reflow, check.clipped_text, width=320, height=225)


@pytest.mark.parametrize("width, scheme", FOCUS_VIEWS, ids=[f"{w}px-{s}" for w, s in FOCUS_VIEWS])
def test_every_stop_shows_its_focus_and_is_never_hidden(browser, built_site, site_url, width, scheme):
    """2.4.7 and 2.4.11: Tab through every stop of every kind of page."""
    every_page_passes(browser, built_site, site_url, check.focus, width=width, scheme=scheme)


def test_nothing_appears_on_hover_that_cannot_be_dismissed(browser, built_site, site_url):
    """1.4.13: with a mouse, at desktop width."""
    every_page_passes(browser, built_site, site_url, check.hover_content, width=1280)


@pytest.mark.parametrize("width, height", [(390, 844), (844, 390)], ids=["portrait", "landscape"])
def test_every_kind_of_page_works_either_way_up(browser, built_site, site_url, width, height):
    """1.3.4 Orientation: a phone held upright and on its side."""
    every_page_passes(browser, built_site, site_url, check.orientation, check.reflow, width=width, height=height)


@pytest.mark.parametrize("width, with_focus", [(320, False), (1280, True)], ids=["320px", "1280px-with-focus"])
def test_every_control_and_focus_can_be_seen_in_high_contrast(browser, built_site, site_url, width, with_focus):
    """Windows high contrast (forced colours), as Chromium emulates it: the focus tabbed through at one width."""

    def forced_colours(page):
        return check.forced_colours(page, with_focus=with_focus)
    every_page_passes(browser, built_site, site_url, forced_colours, width=width, forced_colors="active")


def test_every_kind_of_page_prints_whole_on_the_paper(browser, built_site, site_url):
    """Print: an A4 page is about 794 CSS pixels wide."""
    every_page_passes(browser, built_site, site_url, check.print_layout, width=794)


# -- Each check fails on a page broken on purpose ------------------------------------------------------------

def add_rule(tab, *rules: str) -> None:
    """Style rules added through the page's own style sheet (its Content-Security-Policy refuses new ones)."""
    for css in rules:
        tab.evaluate("""css => { const sheet = [...document.styleSheets].find(s => s.href && s.href.includes('carers'));
                                 sheet.insertRule(css, sheet.cssRules.length); }""", css)


def add_tooltip(tab) -> None:
    """A link whose tooltip shows on hover and stays after Escape, the mistake 1.4.13 is about."""
    tab.evaluate("""() => { const heading = document.querySelector('article h1');
      const link = Object.assign(document.createElement('a'), {href: '#', className: 'ch-tipped', textContent: 'Tipped'});
      const tip = Object.assign(document.createElement('span'), {className: 'ch-tip', textContent: 'More about this'});
      heading.after(link, tip); }""")
    add_rule(tab, ".ch-tip { display: none; }")
    add_rule(tab, ".ch-tipped:hover + .ch-tip { display: block; }")


BROKEN = {
    "reflow": (320, 900, lambda tab: add_rule(tab, ".md-typeset h1 { min-width: 30rem; }"), check.reflow,
               "past the 320 px screen"),
    "text spacing": (320, 900, lambda tab: add_rule(tab, ".md-typeset h1 { height: 1.3em; overflow: hidden; }"),
                     check.text_spacing, "cuts off its text"),
    "focus too faint": (1280, 900, lambda tab: add_rule(
        tab, "html body .md-typeset a:focus-visible { outline: 1px dotted #ddd !important; background: none !important; "
             "box-shadow: none !important; color: inherit !important; }"), check.focus, "too faint or too small"),
    "focus hidden": (1280, 900, lambda tab: add_rule(
        tab, ".ch-crisis-bar { position: fixed !important; inset: 0 !important; z-index: 100; }"), check.focus,
        "is hidden when focused"),
    "target size": (1280, 900, lambda tab: add_rule(
        tab, ".md-typeset ul li { margin: 0 !important; font-size: 6px !important; line-height: 1 !important; }",
        ".md-typeset ul a { display: inline-block; font-size: 6px !important; line-height: 1 !important; }"),
        check.target_size, "within its 24 px circle"),
    "hover": (1280, 900, add_tooltip, check.hover_content, "which Escape does not hide"),
    "orientation": (844, 390, lambda tab: add_rule(tab, "@media (orientation: landscape) { main { display: none; } }"),
                    check.orientation, "main content is hidden"),
    "print": (794, 900, lambda tab: add_rule(tab, "@media print { .md-main { display: none !important; } }"),
              check.print_layout, "not printed"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_each_check_fails_on_a_page_broken_on_purpose(browser, built_site, site_url, case):
    width, height, breaks, run, expected = BROKEN[case]
    guide = one(built_site, "guidance")
    tab = tab_for(browser, width, height)
    tab.goto(site_url + guide)
    assert not run(tab), f"{case}: the page fails before it is broken"
    tab.goto(site_url + guide)
    breaks(tab)
    found = run(tab)
    tab.context.close()
    assert any(expected in problem for problem in found), found


def test_forced_colours_finds_a_control_with_nothing_but_a_background(browser, built_site, site_url):
    tab = tab_for(browser, 1280, forced_colors="active")
    tab.goto(site_url + one(built_site, "guidance"))
    assert not check.forced_colours(tab)
    tab.evaluate("""() => { const b = document.createElement('button'); b.className = 'ch-bare';
      b.setAttribute('aria-label', 'Close'); document.querySelector('article').prepend(b); }""")
    add_rule(tab, ".ch-bare { border: none; width: 2rem; height: 2rem; background: #2e3a59; }")
    found = check.forced_colours(tab)
    tab.context.close()
    assert any("disappears in high contrast" in problem for problem in found), found
