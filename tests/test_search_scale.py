"""Search keeps a carer's meaning on directories of 5,000 services made unlike ours (issue 31): two directories
(bench/synthetic.py, and bench/cloned.py whose services are named "Respite ...", "Money worries clinic ...",
with young carers among the audiences of most), indexed in seconds (tests/support/big_directory.py), searched
in Chromium through the site's own search script with every query of tests/support/search_queries.py."""

from __future__ import annotations

from urllib.parse import urlsplit

from carers_hub.checks.page_weight import gzipped
from carers_hub.outputs import pagefind_compact

import pytest

from conftest import SUITE_TODAY
from support.project import EXAMPLE
from support.big_directory import indexed_site, within
from support.search_queries import FIRST, QUERIES

SERVICES = 5000
GENERATORS = ("synthetic", "cloned")
# What the search script asks Pagefind and the first three results, as the header's search box would show them.
TOP_THREE = """async queries => {
  const pf = await window.carersSearch.pagefind();
  const found = {};
  for (const q of queries) {
    const results = (await pf.search(window.carersSearch.essential(q))).results.slice(0, 3);
    found[q] = (await Promise.all(results.map(r => r.data()))).map(d => [d.url, d.meta.label]);
  }
  return found;
}"""


@pytest.fixture(scope="session")
def big_sites(built_site, tmp_path_factory):
    """{generator: site folder}: the example with each directory of SERVICES services, its search indexed."""
    return {name: indexed_site(built_site, tmp_path_factory.mktemp(name), name, SERVICES, SUITE_TODAY)
            for name in GENERATORS}


@pytest.fixture(scope="session")
def big_directories(big_sites):
    """{generator: address}: each of big_sites, served."""
    from contextlib import ExitStack

    from carers_hub.checks.links import serve

    with ExitStack() as stack:
        yield {name: stack.enter_context(serve(site)) for name, site in big_sites.items()}


@pytest.fixture(scope="session")
def top_three(browser, big_directories):
    """{generator: {query: [(url, label), ...]}}: every query, once, on each directory."""
    found = {}
    for name, address in big_directories.items():
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(address + "/")
        found[name] = tab.evaluate(TOP_THREE, list(QUERIES))
        context.close()
    return found


@pytest.mark.browser
@pytest.mark.example  # which page each query must find is the example's: its guides are written for these words
@pytest.mark.parametrize("generator", GENERATORS)
def test_every_carers_search_finds_its_page_in_the_first_three(top_three, generator):
    """The topic words ("respite", "dementia", "money") find the guide that explains them although thousands of
    services repeat them, and "young carer", "money worries", "sitting service" and "carers allowance" find
    theirs first although their words are on most pages."""
    missed = {}
    for query, expected in QUERIES.items():
        paths = [urlsplit(url).path for url, _ in top_three[generator][query]]
        wanted = paths[:1] if query in FIRST else paths
        if "/" + expected not in wanted:
            missed[query] = paths
    assert not missed, f"{len(missed)} of {len(QUERIES)} searches missed on the {generator} directory: {missed}"


@pytest.mark.browser
@pytest.mark.parametrize("generator", GENERATORS)
def test_each_result_says_what_it_is(top_three, big_sites, generator):
    """Every result found is labelled by what it is: the directory's services "Service", the site's own pages
    "Guide" or "Easy read"."""
    labels = {urlsplit(url).path: label for results in top_three[generator].values() for url, label in results}
    made = {path for path in labels if path.startswith("/services/") and path.count("/") == 3}
    assert made and {labels[path] for path in made} == {"Service"}, {path: labels[path] for path in made}
    own = {path: label for path, label in labels.items() if path not in made}
    assert "Guide" in own.values() and set(own.values()) <= {"Guide", "Easy read"}, own


@pytest.mark.browser
def test_a_query_whose_words_are_on_most_pages_keeps_them(browser, big_directories):
    """On the cloned directory "young" and "money" are on most pages: they are asked all the same."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(big_directories["cloned"] + "/")
    asked = tab.evaluate("qs => window.carersSearch.pagefind().then(() => qs.map(window.carersSearch.essential))",
                         ["young carer", "money worries", "help for young carers", "the"])
    context.close()
    assert asked == ["young carer", "money worries", "help young carers", "the"]


# Issue 31: a first search sends at most 150 KB on any directory. The bytes are the gzipped files a first search
# fetches plus HEADERS for each (bench/search.py counts what the server really sends: about 190 bytes of status
# line and headers a file), so this times nothing; bench/search.py measures the seconds.
BUDGET = 150_000
HEADERS = 250


def first_search_bytes(browser, address: str, site, query: str) -> dict[str, int]:
    """{path: bytes} of what a first search for `query` fetches after the home page has loaded, in a new tab with
    an empty cache, put into the header's box at once. One search: typed key by key on a busy machine, a pause of
    more than the script's WAIT between two keys makes a search for the half-typed words too (CI once fetched
    twelve fragments for "young carer"), and that second search is not a first search."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(address + "/")
    tab.wait_for_load_state("load")
    fetched = []
    tab.on("requestfinished", lambda r: fetched.append(urlsplit(r.url).path))
    tab.locator("#ch-search-input").click()
    tab.locator("#ch-search-input").fill(query)  # one input event: the finished words are preloaded, then searched
    tab.wait_for_function("q => document.getElementById('ch-search-status').textContent.endsWith(' for ' + q)",
                          arg=query, timeout=60_000)
    found = not tab.locator("#ch-search-status").inner_text().startswith("No results")
    context.close()
    return found, {path: gzipped(site / path.lstrip("/")) + HEADERS for path in fetched}


@pytest.mark.browser
@pytest.mark.parametrize("generator", GENERATORS)
@pytest.mark.parametrize("query", QUERIES)
def test_every_first_search_stays_within_150_kb(browser, big_sites, big_directories, generator, query):
    """Every query, on any site: one that finds nothing there (the site has no page about it) still fetches the
    index chunks its words fall in, and must keep to the budget as well."""
    found, sizes = first_search_bytes(browser, big_directories[generator], big_sites[generator], query)
    assert found == any(p.endswith(".pf_fragment") for p in sizes), sizes  # the results shown were fetched
    assert found or not EXAMPLE, f"{query!r} finds nothing on the example"
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:6]
    assert sum(sizes.values()) <= BUDGET, f"{sum(sizes.values())} bytes for {query!r} on {generator}: {largest}"


@pytest.mark.parametrize("generator", GENERATORS)
def test_no_chunk_of_the_index_holds_more_than_its_share_of_words(big_sites, generator):
    """Pagefind's own chunks were 10 to 40 KB at 5,000 services, whatever the word: each now holds at most
    pagefind_compact.CHUNK_BYTES of words, or one word alone."""
    index = big_sites[generator] / "pagefind" / "index"
    chunks = [pagefind_compact.chunk_words(pagefind_compact.read(path)) for path in index.iterdir()]
    assert len(chunks) > 100
    large = [pagefind_compact.word_of(words[0]) for words in chunks if not within(words, pagefind_compact.CHUNK_BYTES)]
    assert not large, large
