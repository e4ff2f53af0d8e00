"""The directory as a reader meets it: a page per service, filter pages without JavaScript, instant filter."""

from __future__ import annotations

import json
import os
import re

import pytest
import yaml

from conftest import ROOT, SITE, SUITE_TODAY, build, copy_project, edit, serve
from support.written_page import write_page

SERVICES = yaml.safe_load((SITE / "data" / "services.yaml").read_text())["services"]
AUDIENCES = yaml.safe_load((SITE / "data" / "audiences.yaml").read_text())["audiences"]
CATEGORIES = yaml.safe_load((SITE / "data" / "categories.yaml").read_text())["categories"]


def names_listed(html: str) -> set[str]:
    html = re.sub(r"</?abbr[^>]*>", "", html)  # glossary abbreviations are explained inside names too
    return set(re.findall(r'<p class="ch-services__name"><a href="[^"]+">([^<]+)</a>', html))


def list_pages(built_site, folder: str) -> list:
    """A list of services' built pages: its first, then page-2, page-3... (a long list is cut into pages)."""
    first = built_site / folder / "index.html"
    more = sorted(first.parent.glob("page-*/index.html"), key=lambda p: int(p.parent.name.removeprefix("page-")))
    return [first, *more] if first.exists() else []


def names_in_list(built_site, folder: str) -> set[str]:
    """The services a list shows on all its pages."""
    return {unescape(n) for page in list_pages(built_site, folder) for n in names_listed(page.read_text())}


def unescape(text: str) -> str:
    import html
    return html.unescape(text)


def test_every_service_has_a_page_with_its_details_and_json_ld(built_site):
    for service in SERVICES:
        page = built_site / "services" / service["id"] / "index.html"
        assert page.exists(), service["id"]
        html = page.read_text()
        heading = re.search(r'<h1 id="[^"]+"[^>]*>(.*?)</h1>', re.sub(r"</?abbr[^>]*>", "", html))
        assert heading and unescape(heading.group(1)) == service["name"], service["id"]
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        assert data["@type"] == "Service" and data["name"] == service["name"]
        if service.get("website"):
            assert f'href="{service["website"]}"'.replace("&", "&amp;") in html
        assert len(html.encode()) < 25_000, f"{service['id']} page is {len(html.encode())} bytes"


def test_service_pages_are_kept_out_of_the_menu(built_site):
    html = (built_site / "index.html").read_text()
    for service in SERVICES[:5]:
        assert f'services/{service["id"]}/' not in html


@pytest.mark.parametrize("audience", [a["id"] for a in AUDIENCES])
def test_audience_filter_pages_list_the_right_services(built_site, audience):
    expected = {unescape(s["name"]) for s in SERVICES if audience in s["audience"]}
    page = built_site / "services" / "for" / audience / "index.html"
    if not expected:
        assert not page.exists()
        return
    assert {unescape(n) for n in names_listed(page.read_text())} == expected


@pytest.mark.parametrize("category", [c["id"] for c in CATEGORIES])
def test_category_filter_pages_list_the_right_services(built_site, category):
    expected = {s["name"] for s in SERVICES if category in s["categories"]}
    page = built_site / "services" / "kind" / category / "index.html"
    if not expected:
        assert not page.exists()
        return
    assert names_in_list(built_site, f"services/kind/{category}") == expected


def test_directory_lists_every_service_with_its_audience(built_site):
    assert names_in_list(built_site, "services") == {s["name"] for s in SERVICES}
    said = sum(page.read_text().count('class="ch-services__for"') for page in list_pages(built_site, "services"))
    assert said >= len(SERVICES)


@pytest.mark.browser
def test_instant_filter_narrows_the_list(page, site_url, built_site):
    from test_search import first_listed_word

    page.goto(site_url + "/services/")
    before = page.locator(".ch-services__item:visible").count()
    assert before == len(names_listed((built_site / "services" / "index.html").read_text())) > 1
    page.fill("#ch-filter-input", first_listed_word(built_site, "/services/"))
    page.wait_for_function("() => document.querySelector('.ch-filter__count').textContent.includes('match')")
    shown = page.locator(".ch-filter__results .ch-services__item:visible")
    assert 0 < shown.count() < before and page.locator("#ch-services-list").is_hidden()
    assert page.locator(".ch-filter__count").get_attribute("aria-live") == "polite"
    hrefs = [shown.nth(i).locator("a").get_attribute("href") for i in range(shown.count())]
    assert all(h.startswith("/services/") and h.count("/") == 3 for h in hrefs), hrefs  # services only
    page.fill("#ch-filter-input", "")
    page.wait_for_function("() => document.querySelector('.ch-filter__count').textContent === ''")
    assert page.locator(".ch-services__item:visible").count() == before


@pytest.mark.browser
def test_without_javascript_the_filter_box_is_hidden_and_filter_links_work(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "/services/")
    assert tab.locator(".ch-filter").is_hidden()
    tab.get_by_text("Filter the list").click()  # a <details>: opens without JavaScript
    tab.get_by_role("link", name=re.compile(r"^Young carers \(")).click()
    assert "young carers" in tab.locator("h1").inner_text().lower()
    context.close()


def test_unknown_service_in_a_macro_stops_the_build_with_page_and_line(project):
    page = write_page(project, "checks/macro.md", 'Carers can ask for help.\n\n{{ service("no-such-service") }}',
                      SUITE_TODAY)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = next(n for n, text in enumerate(page.read_text().splitlines(), 1) if "no-such-service" in text)
    assert f"content/checks/macro.md, line {line}" in output
    assert "MACRO_UNKNOWN_SERVICE" in output


def test_unknown_category_in_a_macro_stops_the_build(project):
    write_page(project, "checks/macro.md", 'Carers can ask for help.\n\n{{ services(category="no-such-kind") }}',
               SUITE_TODAY)
    result = build(project)
    assert result.returncode != 0 and "MACRO_UNKNOWN_CATEGORY" in result.stdout + result.stderr


def test_service_pages_skip_link_and_heading_agree(built_site):
    """Pages made from data have no Markdown: the skip link still lands on their heading."""
    for service in SERVICES[:5]:
        html = (built_site / "services" / service["id"] / "index.html").read_text()
        skip = re.search(r'<a href="#([^"]+)" class="md-skip">', html)
        assert skip and re.search(f'<h1 id="{skip.group(1)}"[ >]', html), service["id"]


def test_links_to_a_section_of_the_directory_are_checked(project):
    """A link from a page in the menu (the crisis page data/site.yaml names: every site has one, and --strict
    checks anchors) to a heading of the directory, which is made from data."""
    crisis = yaml.safe_load((project / "data" / "site.yaml").read_text())["get_help_now"]["page"]
    page = project / "content" / crisis
    target = os.path.relpath(project / "content" / "services" / "index.md", page.parent)
    page.write_text(page.read_text() + f"\n[Services for you]({target}#filter-kind)\n")
    assert build(project).returncode == 0  # the directory's own headings count as anchors
    edit(page, "index.md#filter-kind)", "index.md#no-such-kind)")
    result = build(project)
    assert result.returncode != 0 and "no-such-kind" in result.stdout + result.stderr


def test_no_listing_carries_words_for_the_instant_filter(built_site):
    """The filter asks the search index, so no page lists every service's words (7 MB at 5,000 services)."""
    pages = [built_site / "services" / "index.html", *(built_site / "services" / "kind").glob("*/index.html")]
    assert pages and not [p for p in pages if "data-search=" in p.read_text()]
    assert "data-ch-filter" in pages[0].read_text()


MORE = 70  # more services than a listing page of 50 shows


@pytest.fixture(scope="module")
def big_directory(tmp_path_factory):
    """The example with a directory of MORE services (bench/synthetic.py), built and served."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import services

    project = copy_project(tmp_path_factory.mktemp("big") / "project")
    (project / "data" / "services.yaml").write_text(services(MORE, project / "data"))
    result = build(project, strict=False)  # made-up descriptions have long sentences (reading-level warnings)
    assert result.returncode == 0, result.stderr[-3000:]
    records = yaml.safe_load((project / "data" / "services.yaml").read_text())["services"]
    with serve(project / "site") as address:
        yield address, records


@pytest.fixture
def tab(browser):
    """A browser tab for the big directory's own server (the `page` fixture allows only the example's)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def first_page_of(html: str, kind: str | None) -> str:
    """The directory as the first of its pages of 50 will be (and, given a kind, as that kind's listing page):
    the instant filter's contract (directory-filter.js) on a page that does not list every service."""
    for item in re.findall(r'<li class="ch-services__item">.*?</li>', html, re.S)[50:]:
        html = html.replace(item, "", 1)
    if kind:
        html = html.replace('<div class="ch-filter" data-ch-filter>',
                            f'<div class="ch-filter" data-ch-filter data-filter-kind="{kind}">')
    return html


def open_listing(page, address: str, kind: str | None = None) -> str:
    def rewrite(route):
        response = route.fetch()
        route.fulfill(response=response, body=first_page_of(response.text(), kind))
    page.route(address + "/services/", rewrite)
    page.goto(address + "/services/")
    return page.content()


def filtered(page, words: str) -> list[str]:
    page.fill("#ch-filter-input", words)
    page.wait_for_function("() => document.querySelector('.ch-filter__count').textContent.includes('match')")
    links = page.locator(".ch-filter__results a")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


@pytest.mark.browser
def test_instant_filter_finds_services_beyond_the_page(tab, big_directory):
    page = tab
    address, records = big_directory
    shown = open_listing(page, address)
    beyond = [r for r in records if f'/{r["id"]}/"' not in shown and r["id"].startswith("service-")]
    assert beyond, "every service is on the page: the test proves nothing"
    target = beyond[-1]
    number = target["name"].rsplit(" ", 1)[1]
    found = filtered(page, f"service {number}")
    assert f"/services/{target['id']}/" in found, found
    assert page.inner_text(".ch-filter__count").startswith(("1 service matches", f"{len(found)} services match"))


@pytest.mark.browser
def test_instant_filter_keeps_to_the_listing_pages_own_kind(tab, big_directory):
    page = tab
    address, records = big_directory
    kind = records[-1]["categories"][0]
    open_listing(page, address, kind)
    found = filtered(page, "carers")
    of_kind = {f"/services/{r['id']}/" for r in records if kind in r["categories"]}
    assert found and set(found) <= of_kind, set(found) - of_kind
    total = int(re.match(r"(\d+) services? match", page.inner_text(".ch-filter__count")).group(1))
    assert len(found) <= total <= len(of_kind)
