"""A built site's search indexed in parts, as a national directory's is, and read: which words each part's pages
hold, and which pages a search finds (tests/test_search.py and bench/search_parts.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from carers_hub.outputs import cbor, pagefind_compact, pagefind_index


def marked_pages(site: Path) -> int:
    """How many of the built site's pages are marked to be found (what is dealt into parts)."""
    return sum("data-pagefind-body" in page.read_text() for page in site.rglob("*.html"))


def in_parts(built: Path, into: Path, part_pages: int, every_word: bool = True) -> Path:
    """A copy of the built site at `into`, its search indexed again in parts of `part_pages` pages (the build's
    hold 10,000). Without `every_word`, each part holds only its own pages' words, as Pagefind makes them."""
    shutil.copytree(built, into)
    shutil.rmtree(into / "pagefind")
    pages = sorted(into.rglob("*.html"))
    kept = pagefind_index.PART_PAGES, pagefind_compact.words_in
    pagefind_index.PART_PAGES = part_pages
    if not every_word:
        pagefind_compact.words_in = lambda folders: {}
    try:
        documents = pagefind_index.SearchDocuments()
        documents.expect(marked_pages(into))
        for page in pages:
            documents.add(page.relative_to(into).as_posix(), page.read_text())
        pagefind_index.index_site(into, documents=documents)
        documents.close()
    finally:
        pagefind_index.PART_PAGES, pagefind_compact.words_in = kept
    return into


def part_folders(site: Path) -> list[Path]:
    """Each index of the built site, the first first."""
    return [entry.parent for entry in pagefind_index.entries(site)]


def words_on_pages(index: Path) -> tuple[set[str], int]:
    """The words an index (a folder of Pagefind's files) holds on at least one page, and how many it holds on
    none. A word with accents is stored without them, its pages under its written forms ("naiv": "naïve")."""
    found, empty = set(), 0
    for _, entry in pagefind_compact.word_entries(index):
        word, pages, forms = cbor.loads(entry)[0]
        if pages or forms:
            found.add(word)
        else:
            empty += 1
    return found, empty


def words_one_part_lacks(site: Path) -> list[str]:
    """Words (of letters) on the pages of some parts, where another part's pages have a shorter word they begin
    with and no word that begins with them: Pagefind would cut them down to that shorter word there."""
    on_pages = [words_on_pages(folder)[0] for folder in part_folders(site)]
    return [word for word in sorted(set().union(*on_pages)) if word.isalpha() and any(
        not any(other.startswith(word) for other in words)
        and any(word.startswith(other) and len(other) >= 3 for other in words) for words in on_pages)]


def spread(words: list[str], most: int) -> list[str]:
    """At most `most` of the words, spread over the list (so over the alphabet)."""
    return words[:: max(1, len(words) // most)][:most]


def pages_found(browser, address: str, queries: list[str]) -> dict[str, set[str]]:
    """Every page the site's search (all its parts merged) finds for each query, in Chromium."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(address + "/")
    found = tab.evaluate("""queries => window.carersSearch.pagefind().then(pf => Promise.all(queries.map(q =>
        pf.search(q).then(f => Promise.all(f.results.map(r => r.data()))).then(pages => pages.map(p => p.url))))
    )""", queries)
    context.close()
    return {query: set(urls) for query, urls in zip(queries, found)}


def largest_chunk(index: Path) -> int:
    """The bytes of the index's largest word chunk, before gzip (what pagefind_compact.CHUNK_BYTES limits)."""
    return max(len(pagefind_compact.read(chunk)) for chunk in (index / "index").glob("*.pf_index"))
