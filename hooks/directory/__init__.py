"""The service directory as pages and open data.

Each kind of page made from data is a module with one function, `pages(sources) -> {path: Generated}`,
listed in PAGE_KINDS. Adding a kind is writing that module and adding it here: the build gives every
page to MkDocs, keeps it out of the menu and puts its search entry in the index.
"""

from __future__ import annotations

from carers_hub.directory import a_to_z, journeys, listing_pages, service_pages
from carers_hub.directory.generated import Generated, Sources

PAGE_KINDS = (service_pages.pages, listing_pages.pages, journeys.pages, a_to_z.pages)


def generated_pages(sources: Sources) -> dict[str, Generated]:
    """Every page made from data, by its path under content/."""
    out: dict[str, Generated] = {}
    for kind in PAGE_KINDS:
        made = kind(sources)
        clash = out.keys() & made.keys()
        if clash:  # data/ cannot cause this (reserved service ids): a new kind of page that reuses addresses
            raise RuntimeError(f"two kinds of generated page make {sorted(clash)[:3]}")
        out.update(made)
    return out
