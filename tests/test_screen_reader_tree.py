"""What a screen reader meets on each kind of page: Chromium's accessibility tree, kept as a reviewed snapshot
(tests/baselines/aria/, `make baselines`), and rules every page keeps: headings in order, landmarks named, links
that make sense alone, and the search and the directory's filter saying how many they found."""

from __future__ import annotations

import difflib
from datetime import datetime, time

import pytest
from support.kinds import KINDS, first_of_each_list, one, one_of_each
from support.looks import BASELINES, RESULTS, updating
from support.screen_reader import heading_problems, landmark_problems, link_problems, read

from support.site_words import a_service_name_word

from conftest import SUITE_TODAY, load_data

pytestmark = pytest.mark.browser

ARIA = BASELINES / "aria"
NO_SEARCH = {"crisis"}  # the crisis page is kept to what a person in crisis needs: no search box


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.clock.set_fixed_time(datetime.combine(SUITE_TODAY, time(12)))  # a page's "out of date" note reads it
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def tree(tab, site_url):
    """A page's accessibility tree as an ARIA snapshot, each address read once: tree(address) is (url, snapshot)."""
    read_already: dict[str, tuple[str, str]] = {}

    def snapshot(address: str) -> tuple[str, str]:
        if address not in read_already:
            tab.goto(site_url + address)
            read_already[address] = (site_url + address, tab.locator("body").aria_snapshot())
        return read_already[address]
    return snapshot


@pytest.fixture(scope="module")
def trees(tree, built_site):
    """The tree of a page of each kind the site under test has (failing if it lacks one) and of each list:
    {kind: (url, snapshot)}."""
    return {kind: tree(address) for kind, address in (one_of_each(built_site) | first_of_each_list(built_site)).items()}


def file_name(kind: str) -> str:
    return kind.replace(", ", "-").replace(" ", "-") + ".yaml"


@pytest.mark.example  # the reviewed snapshots are of the example's own pages (KINDS), in its words
@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_page_reads_as_reviewed(tree, kind):
    snapshot = tree(KINDS[kind])[1] + "\n"
    baseline = ARIA / file_name(kind)
    if updating():
        ARIA.mkdir(parents=True, exist_ok=True)
        baseline.write_text(snapshot)
        return
    assert baseline.exists(), f"no snapshot {baseline}: run `make baselines`, read it and commit it"
    if snapshot != baseline.read_text():
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"aria-{file_name(kind)}").write_text(snapshot)
        changes = difflib.unified_diff(baseline.read_text().splitlines(), snapshot.splitlines(), "reviewed", "now",
                                       lineterm="", n=1)
        pytest.fail(f"{kind}: a screen reader now meets something else. If it is meant, run `make baselines` and "
                    "commit the snapshot for review.\n" + "\n".join(list(changes)[:60]))


@pytest.mark.parametrize("rule", ["headings", "landmarks", "links"])
def test_every_kind_of_page_keeps_the_rules(trees, rule):
    found = []
    for kind, (address, snapshot) in trees.items():
        nodes = read(snapshot)
        problems = (heading_problems(nodes) if rule == "headings"
                    else landmark_problems(nodes, search=kind not in NO_SEARCH) if rule == "landmarks"
                    else link_problems(nodes, address))
        found += [f"{kind} ({address}): {problem}" for problem in problems]
    assert not found, "\n".join(found)


def announces(tab, site_url: str, address: str, field: str, status: str, typed: dict[str, str]) -> None:
    """The status region is empty at first; after each thing typed into the field, its text matches the pattern."""
    tab.goto(site_url + address)
    assert tab.locator(status).inner_text() == ""
    for words, pattern in typed.items():
        tab.locator(field).fill(words)
        tab.wait_for_function("([status, pattern]) => new RegExp(pattern).test(document.querySelector(status).textContent)",
                              arg=[status, pattern], timeout=15_000)


def test_the_search_says_how_many_it_found(tab, built_site, site_url):
    guide, word = one(built_site, "guidance"), a_service_name_word(load_data()[1])
    assert tab.goto(site_url + guide) and tab.locator("#ch-search-status").get_attribute("role") == "status"
    announces(tab, site_url, guide, "#ch-search-input", "#ch-search-status", {word: rf"^\d+ results? for {word}$"})


def test_the_directory_filter_says_how_many_services_match(tab, built_site, site_url):
    directory, word = one(built_site, "directory"), a_service_name_word(load_data()[1])
    assert tab.goto(site_url + directory)
    assert tab.locator(".ch-filter [role=status]").get_attribute("aria-live") == "polite"
    announces(tab, site_url, directory, "#ch-filter-input", ".ch-filter [role=status]",
              {word: r"^\d+ services? match", "qxqxqxqx": "^No services match"})


def test_the_theme_menus_are_named_landmarks_in_every_built_page(built_site):
    # Coupling: hooks/outputs/nav_names.py rewrites mkdocs-material's section menus; if the theme's markup moves,
    # the menus keep its icon-only labels, and this says so.
    for page in [built_site / "index.html", built_site / one(built_site, "glossary").strip("/") / "index.html"]:
        html = page.read_text()
        assert html.count('<nav class="md-nav" data-md-level') > 3
        assert 'aria-labelledby="__nav_' not in html, page


# The rules shown failing on trees broken on purpose (the shapes Chromium writes).

BROKEN = """- banner:
  - navigation "Header":
    - link "Home":
      - /url: /
- main:
  - navigation:
    - link "Carers' rights":
      - /url: /support/rights/
    - link "Home":
      - /url: /about/
  - heading "Carers' rights" [level=1]
  - heading "Your rights at work" [level=3]
  - paragraph:
    - link "click here":
      - /url: /support/work/
    - link:
      - /url: /x/
    - link "cityoflondon.gov.uk (another website)":
      - /url: https://www.cityoflondon.gov.uk/a
    - link "cityoflondon.gov.uk (another website)":
      - /url: https://www.cityoflondon.gov.uk/b
  - heading "Second title" [level=1]
  - link "Carer's Allowance":
    - /url: /money/carers-allowance/
  - heading "Services" [level=2]
  - link "Carer's Allowance":
    - /url: /services/carers-allowance/
"""


def test_the_rules_find_what_a_screen_reader_would_stumble_on():
    nodes = read(BROKEN)
    assert heading_problems(nodes) == ["2 level-1 headings: a page has one, its title",
                                       'heading "Your rights at work" is level 3 straight after level 1']
    # One name to two places under two headings is told apart by them; the website's own address is true.
    assert landmark_problems(nodes) == ["0 contentinfo landmarks (one expected)",
                                        "no search landmark", "a navigation landmark without a name"]
    assert landmark_problems(nodes, search=False)[-1] == "a navigation landmark without a name"
    assert link_problems(nodes, "https://carers.example/support/rights/") == [
        "a link to /x/ has no name",
        'link "click here" (to /support/work/) says nothing out of context',
        "links named \"home\" lead to 2 places: ['https://carers.example/', 'https://carers.example/about/']",
    ]


def test_the_rules_find_a_broken_page_in_the_browser(tab, built_site, site_url):
    tab.goto(site_url + one(built_site, "guidance"))
    tab.evaluate("""() => {
        const article = document.querySelector('article');
        article.querySelector('h2').outerHTML = '<h4>' + article.querySelector('h2').textContent + '</h4>';
        article.insertAdjacentHTML('beforeend', '<p><a href="/elsewhere/">read more</a></p>');
        document.querySelector('nav[aria-label]').removeAttribute('aria-label'); }""")
    nodes = read(tab.locator("body").aria_snapshot())
    assert any("level 4 straight after level 1" in p for p in heading_problems(nodes))
    assert "a navigation landmark without a name" in landmark_problems(nodes)
    assert any('"read more"' in p for p in link_problems(nodes, tab.url))


def test_a_section_menu_is_named_by_its_title_escaped():
    from carers_hub.outputs.nav_names import name_menus

    theme = ('<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_3_label" aria-expanded="true">\n'
             '  <label class="md-nav__title" for="__nav_3"><span class="md-nav__icon md-icon"></span>\n'
             '    Money &amp; &#34;work&#34;\n  </label>')
    assert name_menus(theme).startswith('<nav class="md-nav" data-md-level="1" aria-label="Money &amp; &#34;work&#34;"'
                                        ' aria-expanded="true">')
    assert 'aria-labelledby' not in name_menus(theme)
