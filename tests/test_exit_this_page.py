""""Exit this page" on a page whose front matter asks for it: a plain link to a neutral website that works without
JavaScript; with it, the page is blanked and replaced in the browser's history, and Shift pressed 3 times leaves.
The neutral website is answered by the test itself (page.route): nothing goes to the internet."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import crisis, yaml_fields
from support.kinds import find_kinds, one

from conftest import SITE, SUITE_TODAY, build, copy_project, edit, load_data, serve
from carers_hub.outputs import leaflets

pytestmark = pytest.mark.browser

EXIT_URL = "https://exit.example.net/weather"
FLAGGED_KINDS = ("guidance", "crisis")  # a guide, and the crisis page with its small layout: both flagged in the copy
BROWSING_SAFELY = "about/browsing-safely.md"  # the page the note links to where a site has one
SAFE_PAGE = "<!doctype html><html lang='en'><head><title>Weather</title></head><body><h1>Weather</h1></body></html>"
NOT_LOCAL = re.compile(r"^(?!https?://127\.0\.0\.1[:/])")


def has_browsing_safely() -> bool:
    return (SITE / "content" / BROWSING_SAFELY).is_file()


@dataclass(frozen=True)
class Pages:
    """The site under test's pages the tests flag and look at, as addresses without slashes at either end."""
    flagged: dict[str, str]  # kind -> address
    sources: dict[str, str]  # kind -> its file in content/
    unflagged: list[str]  # a page of every other kind the site has


@pytest.fixture(scope="module")
def pages(built_site) -> Pages:
    crisis_page = load_data()[0].get_help_now.page
    flagged = {kind: one(built_site, kind).strip("/") for kind in FLAGGED_KINDS}
    sources = {"guidance": flagged["guidance"] + ".md", "crisis": crisis_page}  # a guide is a page in a section
    assert (SITE / "content" / sources["guidance"]).is_file(), sources
    others = [*find_kinds(built_site).values(), *[crisis.address(BROWSING_SAFELY)] * has_browsing_safely()]
    unflagged = sorted({at.strip("/") for at in others} - set(flagged.values()))
    return Pages(flagged, sources, unflagged)


@pytest.fixture(scope="module")
def exit_site(tmp_path_factory, pages) -> Path:
    project = copy_project(tmp_path_factory.mktemp("exit") / "project")
    for source in pages.sources.values():
        edit(project / "content" / source, "---\n", "---\nexit_this_page: true\n")  # into its front matter
    yaml_fields.set_value(project / "data" / "site.yaml", ("exit_this_page", "url"), EXIT_URL)
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def exit_address(exit_site):
    with serve(exit_site) as address:
        yield address


class Exits:
    """A browser context where the neutral website is a tiny page the test serves, and anything else not on
    127.0.0.1 is refused and recorded."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(**options)
        self.visits: list[dict] = []  # requests for the neutral page, with their headers
        self.outside: list[str] = []
        self.context.route(NOT_LOCAL, self._answer)
        self.tab = self.context.new_page()

    def _answer(self, route):
        url = route.request.url
        if not url.startswith(EXIT_URL):
            self.outside.append(url)
            return route.abort()
        self.visits.append(route.request.headers)
        route.fulfill(status=200, content_type="text/html", body=SAFE_PAGE)

    def close(self):
        self.context.close()
        assert not self.outside, f"the page asked other websites for: {self.outside}"


@pytest.fixture
def exits(browser):
    made = []

    def make(**options) -> Exits:
        made.append(Exits(browser, **options))
        return made[-1]

    yield make
    for each in made:
        each.close()


def visit_flagged_page_from_home(tab, address: str, flagged: str) -> None:
    """Home first, then the flagged page: so Back has somewhere to go."""
    tab.goto(address + "/")
    tab.goto(f"{address}/{flagged}/")
    assert tab.locator(".ch-exit__button").is_visible()


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[dict] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))
        if tag == "script" and dict(attrs).get("src"):
            self.scripts.append(dict(attrs)["src"])


def parsed(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# -- the built HTML -----------------------------------------------------------------------------------------------
def test_only_the_flagged_page_has_the_button_with_the_exit_address(exit_site, pages):
    page = parsed(exit_site / pages.flagged["guidance"] / "index.html")
    buttons = [a for a in page.links if "ch-exit__button" in (a.get("class") or "")]
    assert len(buttons) == 1 and buttons[0]["href"] == EXIT_URL
    assert "noreferrer" in buttons[0].get("rel", "")
    assert any(src.endswith("assets/javascripts/exit-this-page.js") for src in page.scripts)
    assert len(pages.unflagged) >= 5, pages.unflagged  # home, directory, a service, ...
    for address in pages.unflagged:
        other = parsed(exit_site / address / "index.html")
        assert not [a for a in other.links if a.get("href") == EXIT_URL or "ch-exit" in (a.get("class") or "")], address
        assert not any("exit-this-page" in src for src in other.scripts), address


def test_get_help_now_is_still_the_first_link_on_the_flagged_page(exit_site, pages):
    guide = pages.flagged["guidance"]
    links = [a.get("href") for a in parsed(exit_site / guide / "index.html").links
             if "md-skip" not in (a.get("class") or "")]
    assert links[0] == posixpath.relpath("/" + pages.flagged["crisis"], "/" + guide) + "/"
    assert links.index(EXIT_URL) > 0


def test_the_note_links_to_the_browsing_safely_page_or_says_what_to_do(exit_site, pages):
    """A site with a page on browsing safely (content/about/browsing-safely.md) is linked to; without one, the
    note says to clear the browsing history."""
    guide = pages.flagged["guidance"]
    note = re.search(r'<div class="ch-exit-note".*?</div>', (exit_site / guide / "index.html").read_text(), re.DOTALL)
    assert note, "the flagged page has no note about browsing history"
    assert "browsing history" in note.group(0)
    safely = crisis.address(BROWSING_SAFELY)
    if has_browsing_safely():
        assert f'href="{posixpath.relpath(safely, "/" + guide)}/"' in note.group(0)
        assert (exit_site / safely.strip("/") / "index.html").exists()
    else:
        assert "<a " not in note.group(0) and "clear your browsing history when you leave" in note.group(0)


def test_the_leaflet_of_a_flagged_page_leaves_the_button_and_note_out(exit_site, pages):
    import pdfplumber

    title = crisis.title(SITE, pages.sources["crisis"])
    made = leaflets.Leaflet(pages.sources["crisis"], title, SUITE_TODAY, crisis=True)
    with pdfplumber.open(exit_site / "leaflets" / made.pdf_name) as leaflet:
        text = "\n".join(page.extract_text() or "" for page in leaflet.pages)
    assert title in text
    assert "Exit this page" not in text and "Keep your visit private" not in text


# -- in the browser -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", FLAGGED_KINDS)
def test_clicking_exits_and_back_does_not_return(exits, exit_address, pages, kind):
    browser = exits(viewport={"width": 1280, "height": 900})
    tab = browser.tab
    visit_flagged_page_from_home(tab, exit_address, pages.flagged[kind])
    tab.locator(".ch-exit__button").click()
    tab.wait_for_url(EXIT_URL)
    assert tab.locator("h1").inner_text() == "Weather"
    assert "referer" not in {name.lower() for name in browser.visits[0]}, "the neutral website was told where from"
    tab.go_back()
    tab.wait_for_url(exit_address + "/")
    assert tab.url == exit_address + "/", "Back went to the page the reader left, not the one before it"


# Playwright waits for a page that is navigating before it runs anything in it, so the page records what it
# showed at the moment it was blanked (in this tab's sessionStorage) and the test reads it after coming Back.
RECORD_BLANKING = """() => new MutationObserver((changes, observer) => {
  if (!document.documentElement.classList.contains('ch-exiting')) return;
  observer.disconnect();
  const shown = selector => { const e = document.querySelector(selector); return !!e && e.checkVisibility(); };
  sessionStorage.setItem('blanked', JSON.stringify({
    h1: shown('h1'), crisisBar: shown('.ch-crisis-bar'), button: shown('.ch-exit__button'),
    overlay: shown('.ch-exit-overlay')}));
}).observe(document.documentElement, {attributes: true, attributeFilter: ['class']})"""


def test_the_page_is_blanked_as_it_is_left(exits, exit_address, pages):
    tab = exits(viewport={"width": 1280, "height": 900}).tab
    visit_flagged_page_from_home(tab, exit_address, pages.flagged["guidance"])
    tab.evaluate(RECORD_BLANKING)
    tab.locator(".ch-exit__button").click()
    tab.wait_for_url(EXIT_URL)
    tab.go_back()
    tab.wait_for_url(exit_address + "/")
    blanked = tab.evaluate("JSON.parse(sessionStorage.getItem('blanked'))")
    assert blanked == {"h1": False, "crisisBar": False, "button": False, "overlay": True}, blanked


def test_shift_three_times_exits_and_twice_does_not(exits, exit_address, pages):
    browser = exits(viewport={"width": 1280, "height": 900})
    tab = browser.tab
    visit_flagged_page_from_home(tab, exit_address, pages.flagged["guidance"])
    status = tab.locator(".ch-exit__status")
    tab.keyboard.press("Shift")
    tab.wait_for_function("() => document.querySelector('.ch-exit__status').textContent.includes('2 more times')")
    tab.keyboard.press("Shift")
    tab.wait_for_function("() => document.querySelector('.ch-exit__status').textContent.includes('1 more time')")
    assert status.inner_text() == "Shift, press 1 more time to exit."
    assert status.get_attribute("role") == "status"
    assert tab.url == f"{exit_address}/{pages.flagged['guidance']}/" and not browser.visits
    tab.keyboard.press("Shift")
    tab.wait_for_url(EXIT_URL)
    tab.go_back()
    tab.wait_for_url(exit_address + "/")


def test_shift_presses_more_than_5_seconds_apart_or_with_a_letter_do_not_exit(exits, exit_address, pages):
    browser = exits(viewport={"width": 1280, "height": 900})
    tab = browser.tab
    tab.clock.install()  # the test moves time on itself: no waiting
    visit_flagged_page_from_home(tab, exit_address, pages.flagged["guidance"])
    status = tab.locator(".ch-exit__status")
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    tab.wait_for_function("() => document.querySelector('.ch-exit__status').textContent.includes('1 more time')")
    tab.clock.run_for(5_100)
    tab.wait_for_function("() => document.querySelector('.ch-exit__status').textContent.includes('expired')")
    tab.keyboard.press("Shift")
    tab.wait_for_function("() => document.querySelector('.ch-exit__status').textContent.includes('2 more times')")
    # A capital letter is typed with Shift held: that Shift is not counted.
    tab.keyboard.press("Shift+KeyA")
    tab.keyboard.press("Shift")
    tab.keyboard.press("Shift")
    tab.wait_for_function("() => document.querySelector('.ch-exit__status').textContent.includes('1 more time')")
    assert tab.url == f"{exit_address}/{pages.flagged['guidance']}/" and not browser.visits
    assert status.is_visible()


def test_without_javascript_the_button_is_a_plain_link_that_leaves(exits, exit_address, pages):
    browser = exits(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    tab = browser.tab
    visit_flagged_page_from_home(tab, exit_address, pages.flagged["guidance"])
    assert tab.locator("[data-ch-exit-keys]").is_hidden(), "Shift does nothing without JavaScript: do not offer it"
    tab.locator(".ch-exit__button").click()
    tab.wait_for_url(EXIT_URL)
    assert tab.locator("h1").inner_text() == "Weather"
    assert "referer" not in {name.lower() for name in browser.visits[0]}, "the neutral website was told where from"


def test_with_javascript_the_note_mentions_the_shift_key(exits, exit_address, pages):
    tab = exits(viewport={"width": 1280, "height": 900}).tab
    tab.goto(f"{exit_address}/{pages.flagged['guidance']}/")
    assert "press the Shift key 3 times" in tab.locator(".ch-exit-note").inner_text()


@pytest.mark.parametrize("width, kind", [(320, "guidance"), (1280, "guidance"), (320, "crisis")])
def test_the_button_is_big_enough_fits_the_screen_and_is_reached_by_keyboard(exits, exit_address, pages, width, kind):
    tab = exits(viewport={"width": width, "height": 800}).tab
    tab.goto(f"{exit_address}/{pages.flagged[kind]}/")
    button = tab.locator(".ch-exit__button")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert tab.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    # Still in view after scrolling down the page (it sticks below the header).
    tab.mouse.wheel(0, 1500)
    tab.wait_for_function("() => window.scrollY > 500")
    assert button.is_visible() and tab.evaluate(
        "(() => { const r = document.querySelector('.ch-exit__button').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; })()")
    button.focus()
    style = tab.evaluate("""(() => { const s = getComputedStyle(document.activeElement);
        return [s.outlineStyle, s.outlineWidth, s.backgroundColor]; })()""")
    assert style[0] == "solid" and float(style[1].removesuffix("px")) >= 3 and style[2] == "rgb(255, 221, 0)"
    # Keyboard: Enter on the focused button leaves.
    tab.keyboard.press("Enter")
    tab.wait_for_url(EXIT_URL)


def test_the_button_and_the_note_are_not_printed(exits, exit_address, pages):
    tab = exits(viewport={"width": 1280, "height": 900}).tab
    tab.goto(f"{exit_address}/{pages.flagged['guidance']}/")
    tab.emulate_media(media="print")
    assert tab.locator(".ch-exit").is_hidden() and tab.locator(".ch-exit-note").is_hidden()
    assert tab.locator("h1").is_visible()


@pytest.mark.parametrize("width, scheme", [(320, "light"), (1280, "dark")])
def test_the_flagged_page_has_no_wcag_violations(exits, exit_address, pages, width, scheme):
    from test_accessibility import violations

    tab = exits(viewport={"width": width, "height": 900}, color_scheme=scheme).tab
    tab.goto(f"{exit_address}/{pages.flagged['guidance']}/")
    tab.keyboard.press("Shift")  # with the status line showing
    tab.wait_for_function("() => document.querySelector('.ch-exit__status').textContent !== ''")
    found = violations(tab)
    assert not found, "\n".join(found)
