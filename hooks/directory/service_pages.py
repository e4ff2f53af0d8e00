"""A page for each service in the directory.

Pure functions: they take the checked data and return, for each page, its title, front matter (meta),
body as HTML rendered with autoescaping, and search entry. The page never passes through Markdown or
the macros plugin (hooks/engine/data_pages.py), so text from data can never run as a template, and a large
directory builds fast.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from carers_hub.core import urls
from carers_hub.data.described import search_words
from carers_hub.directory import safe_markdown
from carers_hub.directory.generated import Generated, Sources, make_page, search_entry
from carers_hub.directory.selection import ROOT, Selection, area_slug
from carers_hub.core.render import render
from carers_hub.data.services import Directory, Listing
from carers_hub.data.site_data import SiteData

ACCESS = {
    "self-referral": "You can contact them yourself.",
    "referral": "You need someone, such as your GP or a social worker, to refer you.",
    "either": "You can contact them yourself, or someone such as your GP can refer you.",
}


def service_src(service_id: str) -> str:
    return f"{ROOT}/{service_id}.md"


def audience_src(audience: str) -> str:
    return Selection(who=audience).src()


def category_src(category: str) -> str:
    return Selection(kind=category).src()


DIRECTORY_SRC = Selection().src()

def by_name(listings) -> list[Listing]:
    return sorted(listings, key=lambda x: x.service.name.lower())


@dataclass(frozen=True)
class Item:
    s: Listing
    url: str
    summary: str
    audiences: list[str]
    theirs: bool = False  # the summary is cut from a provider's words: kept out of the page's reading level


def summary_of(service, longest: int) -> tuple[str, bool]:
    """What a listing says about a service, and whether those are a provider's words.

    The council's `summary` when it has written one. Otherwise the description's first sentence, cut to the
    standard pages' longest sentence (`longest` words) so that a provider's long text never fills a listing."""
    if service.summary:
        return service.summary, False
    return (safe_markdown.shortened(safe_markdown.first_sentence(service.description), longest),
            service.description_by == "provider")


def items(listings: list[Listing], data: SiteData, directory: Directory, from_src: str) -> list[Item]:
    out = []
    longest = data.reading_level.standard.max_sentence_words
    for s in by_name(listings):
        labels = [data.audiences[a].label for a in s.service.audience]
        summary, theirs = summary_of(s.service, longest)
        out.append(Item(s=s, url=urls.link(service_src(s.id), from_src), audiences=labels,
                        summary=summary, theirs=theirs))
    return out


def json_ld(s: Listing, data: SiteData) -> Markup:
    """schema.org description of the service, for search engines and other tools."""
    service = s.service
    doc = {
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": f"urn:uuid:{s.uuid}",
        "name": service.name,
        "description": safe_markdown.plain(service.description),
        "areaServed": service.area,
        "audience": [{"@type": "Audience", "audienceType": data.audiences[a].label} for a in service.audience],
        "serviceType": [c.label for c in s.categories],
    }
    if s.organisation:
        doc["provider"] = {"@type": "Organization", "name": s.organisation.name,
                           **({"url": s.organisation.website} if s.organisation.website else {})}
    if service.website:
        doc["url"] = service.website
    channel = {"@type": "ServiceChannel"}
    if s.phone and s.phone_label == "Call":
        channel["servicePhone"] = {"@type": "ContactPoint", "telephone": s.phone.uri.removeprefix("tel:")}
    if service.website:
        channel["serviceUrl"] = service.website
    if len(channel) > 1:
        doc["availableChannel"] = channel
    if service.locations:
        doc["availableChannel"] = doc.get("availableChannel", {"@type": "ServiceChannel"})
        doc["availableChannel"]["serviceLocation"] = [
            {"@type": "Place", "name": p.name, **({"address": {"@type": "PostalAddress", "streetAddress": p.address,
                                                               "postalCode": p.postcode, "addressCountry": "GB"}}
                                                  if p.address else {})} for p in service.locations]
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    # Inside <script>, markup characters could end the block early: write them as JSON escapes.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def service_page(s: Listing, data: SiteData, directory: Directory) -> Generated:
    src = service_src(s.id)
    summary, _ = summary_of(s.service, data.reading_level.standard.max_sentence_words)
    source = s.service.source
    body = lambda: render(  # noqa: E731  (made when the page is rendered: see Generated.html)
        "service-page.html", s=s,
        description=safe_markdown.render(s.service.description),
        # a source a council would not cite is never named (provenance.WEAK_SOURCES)
        theirs_from="a source we are still checking" if source.weak else source.title or source.site,
        audiences=[{"label": data.audiences[a].label, "url": urls.link(audience_src(a), src)} for a in s.service.audience],
        categories=[{"label": c.label, "url": urls.link(category_src(c.id), src)} for c in s.categories],
        access=ACCESS[s.service.how_to_access],
        council_name=data.council.name, council_website=data.council.website,
        directory_url=urls.link(DIRECTORY_SRC, src),
        json_ld=json_ld(s, data),
    )
    meta = {"description": summary[:300],
            "last_reviewed": s.service.last_reviewed, "review_by": s.service.review_by,
            "audience": list(s.service.audience)}
    # The page shows the service with what it refers to (s), and otherwise only what every page shares (data).
    return make_page(meta, s.service.name, body, _service_entry(s, data), search_filters(s), made_from=(s,))


def search_filters(s: Listing) -> dict[str, tuple[str, ...]]:
    """A service's search filters, as the directory's instant filter asks for them (directory-filter.js):
    kind of service (category ids), who it is for (audience ids) and area (its name as a slug); and type, so the
    filter finds services only."""
    return {"type": ("service",), "kind": tuple(c.id for c in s.categories), "who": tuple(s.service.audience),
            "area": (area_slug(s.service.area),)}


def pages(sources: Sources) -> dict[str, Generated]:
    """One page for each service (the lists of services are hooks/directory/listing_pages.py)."""
    return {service_src(s.id): service_page(s, sources.data, sources.directory) for s in sources.directory.listings}


def _service_entry(s: Listing, data: SiteData) -> dict:
    """What search knows of a service: its name and kinds of service are its tags, so the words carers use for
    them (data/synonyms.yaml) find it near the top; its text says no more (body_words False): at thousands of
    services, the words of every group a description happens to mention would make each search fetch more
    (docs/developers/benchmarks.md)."""
    service = s.service
    entry = search_entry(service_src(s.id), service.name, [
        f"Run by {s.organisation.name}." if s.organisation else None, service.summary,
        safe_markdown.plain(service.description),
        "Who it is for: " + ", ".join(data.audiences[a].label for a in service.audience) + ".",
        service.eligibility, service.ages, f"Area: {service.area}.", ACCESS[service.how_to_access], service.access_note,
        service.cost, s.hours_text, service.hours_note, *(place.name for place in service.locations),
        ", ".join(service.languages), "Kind of service: " + ", ".join(c.label for c in s.categories) + ".",
        *search_words(service)])
    return {**entry, "tags": [service.name.lower(), *(c.label.lower() for c in s.categories)], "body_words": False}
