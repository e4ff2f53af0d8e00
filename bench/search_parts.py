"""Benchmark: a directory's search in parts, as a national directory's is (past 10,000 pages), against one index.

    .venv/bin/python bench/search_parts.py [5000] [--parts 2] [--generator synthetic] [--lacking 20]

Builds the project with a directory of N services (bench/builds.py), then indexes the built site three ways:
"one index"; "parts, own words" (PARTS indexes, each with only its own pages' words: Pagefind 1.5 as it is);
"parts, every word" (each part also holds every other part's words on no page: what the build does). For each:

  index KB    every file Pagefind's folder holds (gzipped as served)
  index s     seconds to index and compact
  added       words a part holds on no page (the most of any part)
  chunk KB    the largest word chunk of any part, before gzip (the limit is pagefind_compact.CHUNK_BYTES)
  differ      queries whose pages (every result, all parts merged, in Chromium) are not the one index's: the
              carers' queries of tests/support/search_queries.py, and up to LACKING words on the pages of some
              parts only, which another part's pages begin (the words Pagefind would cut shorter there)
  extra       pages found that the one index does not find, over those queries
  KB search   the most a first search of the carers' queries transfers, Chromium throttled as bench/search.py
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from builds import GENERATORS, copy_project, print_table, scratch, timed_build, with_directory  # noqa: E402
from page_weight import CHROMIUM_ARGS  # noqa: E402
from search import FAST, Server, one_search  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.search_parts import (in_parts, largest_chunk, marked_pages, pages_found, part_folders, spread,  # noqa: E402
                                  words_on_pages, words_one_part_lacks)
from support.search_queries import QUERIES  # noqa: E402


def reindex(built: Path, into: Path, parts: int, every_word: bool) -> float:
    """A copy of the built site indexed in `parts` parts (support/search_parts.py in_parts); the seconds it took."""
    part_pages = -(-marked_pages(built) // parts)
    start = time.perf_counter()
    in_parts(built, into, part_pages, every_word)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[5000])
    parser.add_argument("--parts", type=int, default=2)
    parser.add_argument("--generator", default="synthetic", choices=list(GENERATORS))
    parser.add_argument("--lacking", type=int, default=20)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    columns = [("services", "n", "d"), ("way", "way", ""), ("index KB", "kb", ".0f"), ("index s", "s", ".1f"),
               ("added", "added", "d"), ("chunk KB", "chunk", ".1f"), ("differ", "differ", ""), ("extra", "extra", "d"),
               ("KB search", "search_kb", ".1f")]
    rows = []
    with sync_playwright() as playwright, scratch() as tmp:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for n in args.sizes:
            project = with_directory(copy_project(Path(tmp) / f"p{n}"), n, args.generator)
            timed_build(project)
            ways = {"one index": Path(tmp) / f"one{n}", "parts, own words": Path(tmp) / f"own{n}",
                    "parts, every word": Path(tmp) / f"every{n}"}
            seconds = {way: reindex(project / "site", site, 1 if way == "one index" else args.parts,
                                    way == "parts, every word") for way, site in ways.items()}
            queries = list(QUERIES) + spread(words_one_part_lacks(ways["parts, own words"]), args.lacking)
            servers = {way: Server(site) for way, site in ways.items()}
            expected = pages_found(browser, servers["one index"].url, queries)
            for way, site in ways.items():
                results = pages_found(browser, servers[way].url, queries)
                differ = sum(results[q] != expected[q] for q in queries)
                rows.append({
                    "n": n, "way": way, "s": seconds[way],
                    "kb": sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 1000,
                    "added": max(words_on_pages(folder)[1] for folder in part_folders(site)),
                    "chunk": max(largest_chunk(folder) for folder in part_folders(site)) / 1000,
                    "differ": f"{differ}/{len(queries)}",
                    "extra": sum(len(results[q] - expected[q]) for q in queries),
                    "search_kb": max(one_search(browser, servers[way], "pagefind", q, FAST)["bytes"] for q in QUERIES) / 1000,
                })
            for server in servers.values():
                server.close()
        browser.close()
    print_table(f"Search in {args.parts} parts against one index ({args.generator})", columns, rows)


if __name__ == "__main__":
    main()
