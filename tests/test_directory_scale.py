"""A council's directory of hundreds of services: paged lists, filters that combine without JavaScript, the A to Z,
and "near me", as a reader meets them in the built site."""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SITE, build
from support.kinds import find_kinds
from support.project import copy_project

sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402  (the benchmarks' generator: every record passes the real checks)

SERVICES = 260


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("big") / "project")
    (project / "data" / "services.yaml").write_text(synthetic.services(SERVICES, project / "data"))
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def services_data() -> list[dict]:
    return yaml.safe_load(synthetic.services(SERVICES, SITE / "data"))["services"]


def article(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text()
    return html[html.index("<article"):html.index("</article>")]


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&#39;", "'").replace("&amp;", "&")


def listed_names(html: str) -> list[str]:
    return [text(name) for name in re.findall(r'<p class="ch-services__name"><a href="[^"]*">(.*?)</a></p>', html)]


def test_every_list_shows_at_most_50_with_a_count_and_links_between_pages(big_site):
    pages = math.ceil(SERVICES / 50)
    seen = []
    for number in range(1, pages + 1):
        path = "services" if number == 1 else f"services/page-{number}"
        html = (big_site / path / "index.html").read_text()
        body = article(big_site, path)
        names = listed_names(body)
        assert 0 < len(names) <= 50
        first = (number - 1) * 50 + 1
        assert f"Showing {first} to {first + len(names) - 1} of {SERVICES} services" in body
        assert ('rel="prev"' in html) == (number > 1) and ('rel="next"' in html) == (number < pages)
        assert re.search(r'<link rel="next" href="[^"]*page-%d/">' % (number + 1), html) or number == pages
        assert 'aria-current="page"' in body
        seen += names
    assert len(seen) == SERVICES and len(set(seen)) == len(seen), "every service once, in order"
    assert seen == sorted(seen, key=str.lower)


def test_filters_combine_without_javascript_and_count_what_they_show(big_site):
    data = services_data()
    kind, who = data[40]["categories"][0], data[40]["audience"][0]
    expected = [s for s in data if kind in s["categories"] and who in s["audience"]]
    path = f"services/kind/{kind}/for/{who}"
    body = article(big_site, path)
    total = int(re.search(r"of (\d+) services|(\d+) services?<", body).group(1) or
                re.search(r"(\d+) services?<", body).group(1))
    assert total == len(expected)
    # The kind list links to the combined list, with its count.
    kind_page = article(big_site, f"services/kind/{kind}")
    assert re.search(r'href="for/%s/">[^<]*\(%d\)</a>' % (who, len(expected)), kind_page)
    # Every name on the combined list is a service of that kind for that group.
    names = {s["name"] for s in expected}
    assert set(listed_names(body)) <= names


def test_every_combination_with_services_has_its_pages_and_none_without(big_site):
    data = services_data()
    areas = {re.sub(r"[^a-z0-9]+", "-", s["area"].lower()).strip("-") for s in data}
    for area in areas:
        count = sum(1 for s in data if re.sub(r"[^a-z0-9]+", "-", s["area"].lower()).strip("-") == area)
        assert (big_site / "services" / "in" / area / "index.html").exists()
        assert f"{count} services" in article(big_site, f"services/in/{area}") or \
            f"of {count} services" in article(big_site, f"services/in/{area}")
    assert not (big_site / "services" / "in" / "nowhere").exists()


def test_journey_pages_show_at_most_one_page_of_services_and_link_to_the_rest(big_site):
    body = article(big_site, "journeys/young-carers")
    assert 0 < len(listed_names(body)) <= 50
    assert re.search(r"See all \d+ services for young carers", body)


SEE = re.compile(r'<li>([^<]+): see <a href="[^"]*">([^<]+)</a></li>')


def test_the_a_to_z_lists_every_page_and_service_with_see_entries(big_site, built_site):
    small = article(built_site, "a-z")
    groups = yaml.safe_load((SITE / "data" / "synonyms.yaml").read_text())["groups"]
    see = [(text(word).lower(), text(title).lower()) for word, title in SEE.findall(small)]
    assert see, "no 'see' entries: the words carers use (data/synonyms.yaml) lead nowhere"
    for word, title in see:  # a word carers use leads to a page whose title holds a word of its group
        assert any(word in [w.lower() for w in group] and any(w.lower() in title for w in group) for group in groups), \
            (word, title)
    services = yaml.safe_load((SITE / "data" / "services.yaml").read_text())["services"]
    assert [s["name"] for s in services if s["name"] + " (service)" not in text(small)] == []
    # A big directory moves its services to a page a letter, still reachable from the A to Z.
    big = article(big_site, "a-z")
    letters = re.findall(r'href="(services/[a-z0-9-]+/)">Services starting with', big)
    assert letters
    names = set()
    for link in letters:
        letter_page = article(big_site, "a-z/" + link.rstrip("/"))
        names |= {text(n) for n in re.findall(r'<li><a href="[^"]*">(.*?)</a></li>', letter_page)}
    assert len(names) == SERVICES


@pytest.mark.example
def test_the_examples_a_to_z_sends_respite_to_its_replacement_care_guide(built_site):
    assert "Respite: see Replacement care and short breaks" in text(article(built_site, "a-z"))


def test_a_to_z_is_linked_from_every_footer(built_site):
    kinds = find_kinds(built_site)
    for address in (kinds["home"], kinds["guidance"], kinds["service"]):
        footer = (built_site / address.strip("/") / "index.html").read_text().split('<footer', 1)[1]
        assert re.search(r'href="[./]*a-z/">A to Z[^<]*</a>', footer), address


def on_the_map(service: dict) -> bool:
    """A service with a place whose latitude and longitude are known (an address alone is not on the map)."""
    return any(p.get("latitude") is not None and p.get("longitude") is not None for p in service.get("locations", []))


def test_near_me_data_has_only_services_with_a_place_and_the_directory_offers_it(big_site, built_site):
    rows = json.loads((big_site / "services" / "near-me.json").read_text())
    placed = [s for s in services_data() if on_the_map(s)]
    assert len(rows) == len(placed) and all(len(r) == 4 for r in rows)
    assert "data-near-me=" in article(big_site, "services")
    # The site under test offers it only if one of its own services has a place on the map.
    own = yaml.safe_load((SITE / "data" / "services.yaml").read_text())["services"]
    on_map = any(on_the_map(s) for s in own)
    assert (built_site / "services" / "near-me.json").exists() == on_map
    assert ("data-near-me=" in article(built_site, "services")) == on_map


FILTERS = {"kind": "categories", "for": "audience"}
SEE_ALL = re.compile(r'href="(?:\.\./)+services/(kind|for)/([a-z0-9-]+)/">See all (\d+) services</a>')


def guide_with_a_long_list(site: Path) -> tuple[str, re.Match]:
    """The first guide (by address) whose list of services is cut short, with its "See all" link."""
    for page in sorted(site.rglob("index.html")):
        address = page.parent.relative_to(site).as_posix()
        if address.startswith(("services", "journeys", "a-z")) or "<article" not in page.read_text():
            continue
        if found := SEE_ALL.search(article(site, address)):
            return address, found
    raise AssertionError("no guide shows a list of services cut short: give a guide {{ services(...) }}")


def matching(services: list[dict], kind: str, value: str) -> int:
    return sum(value in s.get(FILTERS[kind], []) for s in services)


def test_a_list_of_services_in_a_guidance_page_shows_ten_and_links_to_the_whole_list(big_site, built_site):
    address, link = guide_with_a_long_list(big_site)
    kind, value, count = link.group(1), link.group(2), int(link.group(3))
    body = article(big_site, address)
    assert len(listed_names(body)) == 10 < count == matching(services_data(), kind, value)
    # The same guide on the site as it is: its list whole if it has ten or fewer, cut short with the count if not.
    own = matching(yaml.safe_load((SITE / "data" / "services.yaml").read_text())["services"], kind, value)
    small = article(built_site, address)
    if own <= 10:
        assert "See all" not in small and len(listed_names(small)) == own
    else:
        assert len(listed_names(small)) == 10 and f"See all {own} services" in small


@pytest.mark.browser
def test_near_me_sorts_by_distance_on_the_device_after_the_reader_asks(browser, big_site):
    from conftest import serve

    with serve(big_site) as url:
        context = browser.new_context(geolocation={"latitude": 51.5, "longitude": -0.1}, permissions=["geolocation"])
        tab = context.new_page()
        requests = []
        tab.on("request", lambda r: requests.append(r.url))
        tab.goto(url + "/services/")
        assert not any("near-me.json" in r for r in requests), "nothing loads before the reader asks"
        tab.get_by_role("button", name="Show services near me").click()
        tab.wait_for_selector(".ch-near-me__list li")
        distances = [float(t.split()[0]) for t in tab.locator(".ch-near-me__list li p:nth-child(2)").all_inner_texts()
                     if not t.startswith("Less")]
        assert distances == sorted(distances) and len(distances) <= 50
        assert all(r.startswith(url) for r in requests), "no request leaves the site"
        context.close()
