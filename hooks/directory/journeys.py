"""A start page for each kind of carer, gathering the guidance pages and services tagged for them.

Made at build time from page front matter (`audience`) and service audiences, so it stays current
as pages and services change. Pages are at /journeys/<audience>/ and kept out of the menu.
"""

from __future__ import annotations

from markupsafe import Markup

from carers_hub.core import urls
from carers_hub.directory import service_pages
from carers_hub.directory.listing_pages import PER_PAGE
from carers_hub.directory.generated import Generated, Sources, make_page, search_entry
from carers_hub.data.models import PageMeta
from carers_hub.core.render import render

SKIP = {"all-carers"}  # every page is for all carers: that is the whole site, not a journey


def journey_src(audience: str) -> str:
    return f"journeys/{audience}.md"


def pages_for(audience: str, metas: dict[str, PageMeta | None]) -> list[tuple[str, PageMeta]]:
    found = [(src, meta) for src, meta in metas.items()
             if meta and audience in meta.audience and not src.startswith(("check/", "journeys/"))]
    return sorted(found, key=lambda item: item[1].title.lower())


def pages(sources: Sources) -> dict[str, Generated]:
    metas, directory, data = sources.metas, sources.directory, sources.data
    out = {}
    for audience in data.audiences.values():
        if audience.id in SKIP:
            continue
        src = journey_src(audience.id)
        guides = pages_for(audience.id, metas)
        listed = directory.for_audience(audience.id)
        if not guides and not listed:
            continue
        body = render(
            "journey.html", audience=audience,
            guides=[{"title": meta.title, "description": meta.description,
                     "url": urls.link(page, src)} for page, meta in guides],
            # At most one page of a list: the full list, paged and filtered, is a link away.
            services=service_pages.items(sorted(listed, key=lambda s: s.service.name.lower())[:PER_PAGE], data,
                                         directory, src),
            services_total=len(listed),
            services_url=urls.link(service_pages.audience_src(audience.id), src),
            help_url=urls.link(data.get_help_now.page, src),
        )
        meta = {"description": f"Help and services for {audience.label.lower()}: {audience.description}",
                "audience": [audience.id]}
        title = f"Help for {audience.label.lower()}"
        # Found by its title and the pages it gathers; its services are found on their own pages.
        entry = search_entry(src, title, [audience.description] + [
            f"{meta.title}: {meta.description}" for _, meta in guides])
        out[src] = make_page(meta, title, Markup(body), entry)
    return out
