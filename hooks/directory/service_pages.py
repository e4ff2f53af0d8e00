"""The pages made from the service directory: one per service, the directory, and filter pages.

Pure functions: they take the checked data and return, for each page, its title, front matter (meta),
body as HTML rendered with autoescaping, and search entry. The page never passes through Markdown or
the macros plugin (hooks/engine/data_pages.py), so text from data can never run as a template, and a large
directory builds fast.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from markupsafe import Markup

from hooks.core import urls
from hooks.directory import safe_markdown
from hooks.directory.generated import Generated, Sources, make_page, search_entry
from hooks.core.render import render
from hooks.data.services import Directory, Listing
from hooks.data.site_data import SiteData

ROOT = "services"
ACCESS = {
    "self-referral": "You can contact them yourself.",
    "referral": "You need someone, such as your GP or a social worker, to refer you.",
    "either": "You can contact them yourself, or someone such as your GP can refer you.",
}


def service_src(service_id: str) -> str:
    return f"{ROOT}/{service_id}.md"


def audience_src(audience: str) -> str:
    return f"{ROOT}/for/{audience}.md"


def category_src(category: str) -> str:
    return f"{ROOT}/kind/{category}.md"


DIRECTORY_SRC = f"{ROOT}/index.md"


@dataclass(frozen=True)
class Item:
    s: Listing
    url: str
    summary: str
    audiences: list[str]


def items(listings: list[Listing], data: SiteData, directory: Directory, from_src: str) -> list[Item]:
    out = []
    for s in sorted(listings, key=lambda x: x.service.name.lower()):
        labels = [data.audiences[a].label for a in s.service.audience]
        out.append(Item(s=s, url=urls.link(service_src(s.id), from_src), audiences=labels,
                        summary=safe_markdown.first_sentence(s.service.description)))
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
        "provider": {"@type": "Organization", "name": s.organisation.name,
                     **({"url": s.organisation.website} if s.organisation.website else {})},
        "areaServed": service.area,
        "audience": [{"@type": "Audience", "audienceType": data.audiences[a].label} for a in service.audience],
        "serviceType": [c.label for c in s.categories],
    }
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
    body = render(
        "service-page.html", s=s,
        description=safe_markdown.render(s.service.description),
        audiences=[{"label": data.audiences[a].label, "url": urls.link(audience_src(a), src)} for a in s.service.audience],
        categories=[{"label": c.label, "url": urls.link(category_src(c.id), src)} for c in s.categories],
        access=ACCESS[s.service.how_to_access],
        council_name=data.council.name, council_website=data.council.website,
        directory_url=urls.link(DIRECTORY_SRC, src),
        json_ld=json_ld(s, data),
    )
    meta = {"description": safe_markdown.first_sentence(s.service.description)[:300],
            "last_reviewed": s.service.last_reviewed, "review_by": s.service.review_by,
            "audience": list(s.service.audience)}
    return make_page(meta, s.service.name, body, _service_entry(s, data), search_filters(s))


def slug(text: str) -> str:
    """A filter value from a name: "City of London" -> "city-of-london"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def search_filters(s: Listing) -> dict[str, tuple[str, ...]]:
    """A service's search filters, as the directory's instant filter asks for them (directory-filter.js):
    kind of service (category ids), who it is for (audience ids) and area (its name as a slug); and type, so the
    filter finds services only."""
    return {"type": ("service",), "kind": tuple(c.id for c in s.categories), "who": tuple(s.service.audience),
            "area": (slug(s.service.area),)}


def _filters(directory: Directory, data: SiteData, from_src: str) -> Markup:
    audiences = [{"label": a.label, "url": urls.link(audience_src(a.id), from_src), "count": len(directory.for_audience(a.id))}
                 for a in data.audiences.values() if directory.for_audience(a.id)]
    categories = [{"label": c.label, "url": urls.link(category_src(c.id), from_src), "count": len(directory.with_category(c.id))}
                  for c in directory.categories.values() if directory.with_category(c.id)]
    return render("directory-filters.html", audiences=audiences, categories=categories)


def _directory_intro(data: SiteData) -> Markup:
    return Markup("<p>Services that can help you as a carer in {}, and national helplines you can call from "
                  "anywhere. Choose who you are, or a kind of help, to see fewer.</p>").format(data.council.area)


def directory_page(directory: Directory, data: SiteData) -> Generated:
    src = DIRECTORY_SRC
    parts = [_directory_intro(data),
             _filters(directory, data, src), Markup('<div id="ch-services-list">')]
    for category in directory.categories.values():
        listed = directory.with_category(category.id)
        if listed:
            parts.append(Markup('<section class="ch-services-group"><h2 id="{}">{}</h2>').format(category.id, category.label))
            parts.append(render("service-list.html", items=items(listed, data, directory, src)))
            parts.append(Markup("</section>"))
    parts.append(Markup("</div>"))
    meta = {"description": f"Services and helplines for carers in {data.council.area}.",
            "scripts": ["directory-filter.js"]}
    kinds = [c.label for c in directory.categories.values() if directory.with_category(c.id)]
    entry = search_entry(src, "Find a service", [_directory_intro(data).striptags(), *kinds])
    return make_page(meta, "Find a service", Markup("\n").join(parts), entry)


def filter_page(title: str, intro: str, listed: list[Listing], src: str, directory: Directory,
                data: SiteData) -> Generated:
    body = Markup("\n").join([
        Markup("<p>{}</p>").format(intro),
        render("service-list.html", items=items(listed, data, directory, src)),
        Markup('<p><a href="{}">See all services</a></p>').format(urls.link(DIRECTORY_SRC, src)),
    ])
    # Filter pages repeat what each service's own page says: leave them out of search, so results point to
    # the service itself and the index stays small as the directory grows.
    return make_page({"description": intro}, title, body)


def pages(sources: Sources) -> dict[str, Generated]:
    """Every page made from the directory, by its path under content/."""
    directory, data = sources.directory, sources.data
    pages = {DIRECTORY_SRC: directory_page(directory, data)}
    for s in directory.listings:
        pages[service_src(s.id)] = service_page(s, data, directory)
    for audience in data.audiences.values():
        listed = directory.for_audience(audience.id)
        if listed:
            pages[audience_src(audience.id)] = filter_page(
                f"Services for {audience.label.lower()}", f"Services for {audience.description[0].lower()}{audience.description[1:]}",
                listed, audience_src(audience.id), directory, data)
    for category in directory.categories.values():
        listed = directory.with_category(category.id)
        if listed:
            pages[category_src(category.id)] = filter_page(
                category.label, f"Services for carers: {category.label.lower()}.", listed, category_src(category.id),
                directory, data)
    return pages


def _service_entry(s: Listing, data: SiteData) -> dict:
    """What search knows of a service: its name and kinds of service are its tags, so the words carers use for
    them (data/synonyms.yaml) find it near the top; its text says no more (body_words False): at thousands of
    services, the words of every group a description happens to mention would make each search fetch more
    (docs/developers/benchmarks.md)."""
    service = s.service
    entry = search_entry(service_src(s.id), service.name, [
        f"Run by {s.organisation.name}.", safe_markdown.plain(service.description),
        "Who it is for: " + ", ".join(data.audiences[a].label for a in service.audience) + ".",
        service.eligibility, f"Area: {service.area}.", ACCESS[service.how_to_access], service.access_note,
        service.cost, s.hours_text, service.hours_note, *(place.name for place in service.locations),
        ", ".join(service.languages), "Kind of service: " + ", ".join(c.label for c in s.categories) + "."])
    return {**entry, "tags": [service.name.lower(), *(c.label.lower() for c in s.categories)], "body_words": False}
