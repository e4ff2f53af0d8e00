"""Lists of services: the directory, and every combination of kind of service, who it is for and area.

A council's directory holds hundreds to thousands of services, so every list is paged (PER_PAGE a page, with
plain links between pages, rel="prev"/"next" and a count), and the filters combine without JavaScript: each
list links to the lists narrowed by one more filter, and every combination that has services has its pages
(addresses: hooks/directory/selection.py).

With JavaScript, the instant filter on each list narrows across every service the list could show
(overrides/assets/javascripts/directory-filter.js), reading the list's filters from data attributes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import product

from markupsafe import Markup

from carers_hub.core import urls
from carers_hub.core.render import render
from carers_hub.data.services import Directory, Listing
from carers_hub.data.site_data import SiteData
from carers_hub.directory import near_me, service_pages
from carers_hub.directory.generated import Generated, Sources, make_page, search_entry
from carers_hub.directory.selection import FACETS, Selection, area_slug

PER_PAGE = 50
ANY = {"kind": "Any kind of service", "who": "Any carer", "area": "Any area"}


def keys_of(s: Listing) -> list[Selection]:
    """Every list a service is on: each of its kinds or any, each of its groups or any, its area or any."""
    return [Selection(kind, who, area) for kind, who, area in product(
        (None, *dict.fromkeys(s.service.categories)), (None, *dict.fromkeys(s.service.audience)),
        (None, area_slug(s.service.area)))]


def lists(directory: Directory) -> dict[Selection, list[Listing]]:
    """Every non-empty list, each sorted by name: one pass over the directory, so it grows with its size."""
    out: dict[Selection, list[Listing]] = {}
    for s in sorted(directory.listings, key=lambda x: x.service.name.lower()):
        for key in keys_of(s):
            out.setdefault(key, []).append(s)
    return out


@dataclass(frozen=True)
class Labels:
    kind: dict[str, str]
    who: dict[str, str]
    area: dict[str, str]

    @classmethod
    def of(cls, directory: Directory, data: SiteData) -> "Labels":
        return cls(kind={c.id: c.label for c in directory.categories.values()},
                   who={a.id: a.label for a in data.audiences.values()},
                   area={area_slug(s.service.area): s.service.area for s in directory.listings})

    def title(self, sel: Selection) -> str:
        """"Respite care for young carers in the City of London", "Services in England", "Find a service"."""
        if sel == Selection():
            return "Find a service"
        head = self.kind[sel.kind] if sel.kind else "Services"
        who = f" for {self.who[sel.who].lower()}" if sel.who else ""
        area = f" in {self.area[sel.area]}" if sel.area else ""
        return head + who + area


def pager(src_of: Callable[[int], str], page: int, pages: int, src: str) -> dict:
    """What pager.html shows for page `page` of `pages`: the first, last and nearby pages (GOV.UK's pagination),
    previous and next. src_of gives a page's path under content/; links are made relative to `src`."""
    if pages <= 1:
        return {"pager": [], "prev_url": None, "next_url": None}
    near = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    out, last = [], 0
    for number in near:
        if number - last > 1:
            out.append({"gap": True, "number": None, "url": None, "current": False})
        out.append({"gap": False, "number": number, "url": urls.link(src_of(number), src), "current": number == page})
        last = number
    return {"pager": out, "prev_url": urls.link(src_of(page - 1), src) if page > 1 else None,
            "next_url": urls.link(src_of(page + 1), src) if page < pages else None}


def facet_links(sel: Selection, all_lists: dict[Selection, list[Listing]], labels: Labels, src: str) -> list[dict]:
    """For each filter: "any", then every value that still has services once combined with the others."""
    groups = []
    names = {"kind": "Kind of service", "who": "Who it is for", "area": "Area"}
    for facet in FACETS:
        values = getattr(labels, facet)
        choices = [{"label": ANY[facet],
                    "url": urls.link(sel.with_(**{facet: None}).src(), src), "current": getattr(sel, facet) is None,
                    "count": len(all_lists.get(sel.with_(**{facet: None}), []))}]
        for value, label in sorted(values.items(), key=lambda kv: kv[1].lower()):
            narrowed = sel.with_(**{facet: value})
            if narrowed in all_lists:
                choices.append({"label": label, "url": urls.link(narrowed.src(), src),
                                "current": getattr(sel, facet) == value, "count": len(all_lists[narrowed])})
        groups.append({"id": f"filter-{facet}", "name": names[facet], "choices": choices})
    return groups


def list_pages(sel: Selection, listed: list[Listing], all_lists, labels: Labels, directory: Directory,
               data: SiteData, places: bool, counts: tuple = ()) -> dict[str, Generated]:
    """counts: how many services each list has (what the filters show), for the preview (Generated.made_from)."""
    pages = max(1, math.ceil(len(listed) / PER_PAGE))
    near = places and sel == Selection()  # "near me" sorts the whole directory, so it is offered there
    out = {}
    for page in range(1, pages + 1):
        src = sel.src(page)
        title = labels.title(sel) + (f" (page {page} of {pages})" if page > 1 else "")
        links = pager(sel.src, page, pages, src)
        # Made when MkDocs renders the page (Generated.html): thousands of lists are never all in memory at once.
        body = partial(_body, sel, page, listed, all_lists, labels, directory, data, links, near)
        scripts = ["directory-filter.js", "near-me.js"] if near else ["directory-filter.js"]
        meta = {"description": _description(sel, labels, data), "scripts": scripts,
                "pager": {"prev": links["prev_url"], "next": links["next_url"]}}
        entry = None
        if sel == Selection() and page == 1:  # the directory itself is found by search; its lists are not
            entry = search_entry(src, "Find a service", [_intro(sel, data), *labels.kind.values()])
        # The page shows its part of the list (each service with its organisation and categories), and every
        # list's count.
        shown = listed[(page - 1) * PER_PAGE:page * PER_PAGE]
        out[src] = make_page(meta, title, body, entry, made_from=(sel, page, pages, shown, counts, labels, near))
    return out


def _body(sel: Selection, page: int, listed: list[Listing], all_lists, labels: Labels, directory: Directory,
          data: SiteData, links: dict, near: bool) -> Markup:
    src = sel.src(page)
    start = (page - 1) * PER_PAGE
    shown = listed[start:start + PER_PAGE]
    return render(
        "service-listing.html", intro=_intro(sel, data) if page == 1 else None,
        first=start + 1, last=start + len(shown), total=len(listed),
        facets=facet_links(sel, all_lists, labels, src), filter={f: getattr(sel, f) for f in FACETS},
        items=service_pages.items(shown, data, directory, src), **links,
        near_me=urls.relative(near_me.PATH, urls.page_url(src)) if near else None)


def _intro(sel: Selection, data: SiteData) -> str:
    if sel == Selection():
        return (f"Services that can help you as a carer in {data.council.area}, and national helplines you can "
                "call from anywhere. Choose a kind of help, who you are, or an area, to see fewer.")
    return "Choose another filter below to see fewer, or any to see more."


def _description(sel: Selection, labels: Labels, data: SiteData) -> str:
    if sel == Selection():
        return f"Services and helplines for carers in {data.council.area}."
    return f"{labels.title(sel)}: services and helplines for carers."


def pages(sources: Sources) -> dict[str, Generated]:
    directory, data = sources.directory, sources.data
    all_lists = lists(directory)
    all_lists.setdefault(Selection(), [])
    labels = Labels.of(directory, data)
    out: dict[str, Generated] = {}
    places = near_me.has_places(directory)
    counts = tuple((sel, len(listed)) for sel, listed in all_lists.items())
    for sel, listed in all_lists.items():
        out.update(list_pages(sel, listed, all_lists, labels, directory, data, places, counts))
    return out
