"""The example site's search over a directory of thousands of services, indexed in seconds instead of built.

A full build of 5,000 services takes minutes (bench/search.py does it). Search only reads what the build gives
Pagefind: each marked page's search document. So the example's own pages are taken from its built site, and
each service's page is made by the project's own code (hooks/directory/service_pages.service_page, its
template, site_build.data_page_marks, pagefind_index.mark_page) inside a stand-in for the theme's page (its
<article> and description), then indexed by pagefind_index.index_site as the build does. The services' own
pages are not written: search results only need their addresses.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from markupsafe import Markup

from support.project import ROOT, SITE

sys.path.insert(0, str(ROOT / "bench"))

STAND_IN = Markup('<!doctype html><html lang="en-GB"><head><meta name="description" content="{description}" '
                  'data-pagefind-meta="summary[content]"></head><body>'
                  '<article class="md-content__inner md-typeset"><h1 id="x">{title}</h1>{body}</article></body></html>')


def indexed_site(built_site: Path, target: Path, generator: str, services: int, today) -> Path:
    """A copy of the built example whose search holds its guidance pages and `services` services made by
    bench/<generator>.py (the shipped services among them)."""
    import importlib

    from carers_hub.data.services import load_directory
    from carers_hub.data.site_data import load_site_data
    from carers_hub.directory.service_pages import service_page
    from carers_hub.outputs import pagefind_index, search_index
    from carers_hub.site_build import data_page_marks

    data_dir = target / "data"
    shutil.copytree(SITE / "data", data_dir)
    records = importlib.import_module(generator).services(services, data_dir)
    (data_dir / "services.yaml").write_text(records)
    data = load_site_data(data_dir, root=target, today=today)
    directory = load_directory(data_dir, data, root=target, today=today)
    groups = search_index.groups(data.synonyms_file)

    site = target / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    documents = pagefind_index.SearchDocuments()
    documents.expect(services + 200)
    made_again = {f"services/{listing.id}/index.html" for listing in directory.listings}
    for page in sorted(site.rglob("*.html")):
        built_file = page.relative_to(site).as_posix()
        if built_file not in made_again:  # the example's services are made again below, with the rest
            documents.add(built_file, page.read_text())
    for listing in directory.listings:
        made = service_page(listing, data, directory)
        html = STAND_IN.format(description=made.meta["description"], title=made.title, body=made.html())
        documents.add(f"services/{listing.id}/index.html", pagefind_index.mark_page(str(html), data_page_marks(made, groups)))
    try:
        pagefind_index.index_site(site, documents=documents)
    finally:
        documents.close()
    return site


def within(words: list[bytes], limit: int) -> bool:
    """Whether a chunk's word entries (pagefind_compact.chunk_words) keep to `limit` bytes: all of them, or the
    first alone; past the limit, only small words that begin with a word before them in the chunk (of
    pagefind_compact.SHORTEST_STEM letters or more)."""
    from carers_hub.outputs.pagefind_compact import SHORTEST_STEM, word_of

    names = [word_of(entry) for entry in words]
    size = 0
    for n, entry in enumerate(words):
        size += len(entry)
        if n and size > limit and not (len(entry) <= limit and any(
                names[n].startswith(w) and len(w) >= SHORTEST_STEM for w in names[:n])):
            return False
    return True
