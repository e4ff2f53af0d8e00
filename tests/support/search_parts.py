"""A site's search index in parts, read: which words each part's pages hold (tests/test_search.py and
bench/search_parts.py)."""

from __future__ import annotations

from pathlib import Path

from carers_hub.outputs import cbor, pagefind_compact, pagefind_index


def part_folders(site: Path) -> list[Path]:
    """Each index of the built site, the first first."""
    return [entry.parent for entry in pagefind_index.entries(site)]


def words_on_pages(index: Path) -> tuple[set[str], int]:
    """The words an index (a folder of Pagefind's files) holds on at least one page, and how many it holds on
    none."""
    found, empty = set(), 0
    for _, entry in pagefind_compact.word_entries(index):
        word, pages, _ = cbor.loads(entry)[0]
        if pages:
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
