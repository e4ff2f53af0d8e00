"""Search speaks carers' words: each query finds the right page or service in the first three results."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import ROOT
from hooks.outputs import search_index as search_terms

SERVICES = yaml.safe_load((ROOT / "data" / "services.yaml").read_text())["services"]

QUERIES = {
    "respite": "support/replacement-care/",
    "sitting service": "support/replacement-care/",
    "carers allowance": "money-and-work/carers-allowance/",
    "alzheimers": "specialist-help/dementia/",
    "Imago": "services/city-carers-support-service/",
}


READY = """() => { const meta = document.querySelector('.md-search-result__meta');
  return meta && meta.textContent.trim() !== '' && !/initializing/i.test(meta.textContent); }"""
SEARCHED = """query => document.querySelector('.md-search__input').value === query
  && document.querySelectorAll('.md-search-result__item').length > 0"""


def top_results(page, site_url: str, query: str) -> list[str]:
    page.goto(site_url + "/")
    page.keyboard.press("/")  # loads the theme's script and the index
    page.wait_for_function(READY, timeout=10_000)
    # The whole query at once, then one key to search it: the results read are the query's, not a prefix's.
    page.fill(".md-search__input", query)
    page.keyboard.press("End")
    page.wait_for_function(SEARCHED, arg=query, timeout=10_000)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    return [links.nth(i).get_attribute("href") for i in range(min(3, links.count()))]


@pytest.mark.browser
@pytest.mark.parametrize("query", QUERIES)
def test_query_finds_the_right_page_in_the_first_three(page, site_url, query):
    found = top_results(page, site_url, query)
    assert any(QUERIES[query] in (href or "") for href in found), f"{query!r} gave {found}"


def test_search_index_is_small(built_site):
    size = (built_site / "search" / "search_index.json").stat().st_size
    assert size < 800_000, f"search index is {size} bytes"


def test_services_are_found_by_their_name_kinds_and_audiences(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    docs = {d["location"]: d for d in index["docs"]}
    tags = docs["services/city-carers-support-service/"]["tags"]
    assert "city of london carers support service (imago)" in tags
    assert "information and advice" in docs["services/city-carers-support-service/"]["text"].lower()


@pytest.mark.browser
def test_search_index_loads_only_when_the_reader_starts_a_search(page, site_url):
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(site_url + "/support/carers-assessment/")
    page.wait_for_load_state("networkidle")
    assert not any("search_index.json" in u or "bundle." in u for u in fetched), fetched
    page.keyboard.press("/")
    page.keyboard.type("respite")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert any("search_index.json" in u for u in fetched)


def index_docs(built_site) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text())["docs"]


def test_each_service_has_one_entry_made_from_its_data(built_site):
    docs = index_docs(built_site)
    services = [d for d in docs if d["location"].startswith("services/")]
    assert not [d["location"] for d in services if "#" in d["location"]]  # no "When it is open" sections
    assert {d["location"] for d in services} >= {f"services/{s['id']}/" for s in SERVICES}
    support = next(d for d in services if d["location"] == "services/city-carers-support-service/")
    assert "Run by Imago." in support["text"]


def test_journey_pages_are_found_by_their_guidance_not_every_service(built_site):
    journey = next(d for d in index_docs(built_site) if d["location"] == "journeys/young-carers/")
    assert "Young carers:" in journey["text"]  # the guidance page it gathers
    assert not any(s["name"] in journey["text"] for s in SERVICES if "young-carers" in s["audience"])


def test_the_quick_word_check_never_changes_which_synonyms_a_text_mentions(built_site):
    groups = search_terms.load_groups(ROOT / "data")
    texts = [d["title"] + " " + d.get("text", "") for d in index_docs(built_site)]
    texts += ["Respite's here", "a 'respite' break", "sitting-service", "carer's allowance", "RESPITE care", ""]
    for text in texts:
        found = search_terms.Text(text)
        for group in groups:
            assert found.mentions(group) == bool(search_terms._pattern(tuple(group)).search(found.text)), (text, group)


def test_apostrophes_stay_as_typed_so_synonyms_with_them_match(built_site):
    """Entries made from data are escaped as the search plugin escapes pages: "carer's" is found as typed."""
    docs = index_docs(built_site)
    assert not [d["location"] for d in docs if "&#39;" in d["title"] + d.get("text", "")]
    journey = next(d for d in docs if d["location"] == "journeys/adult-carers/")
    assert "carer's assessment" in journey["text"].lower()  # a guidance page it gathers
    assert "needs assessment" in journey["text"] + " ".join(journey["tags"])  # so it gets that group's words
