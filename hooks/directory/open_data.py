"""The service directory as Open Referral UK 3.0 open data.

The build writes, under site/oruk/, the API details, the list of services (whole, and in pages) and each
service in full, under the names static hosts look for when an ORUK tool calls `/services` or
`/services/{id}` (hooks/directory/static_api.py: which files, and what each host does with them), the same for
ORUK's Level 2 lists (taxonomies and taxonomy terms from the categories, organizations, service_at_locations
from the services' places), plus the `_headers` and `_redirects` files Netlify and Cloudflare Pages read.

This is schema-valid open data in static files, not a full ORUK API: there is no search or filtering.
The export's own typed model (below) enforces ORUK's required fields, UUIDs and status values, so a clone of
the project checks the essentials even without the ORUK schemas; the tests also validate every record
against the ORUK 3.0 JSON Schemas.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from datetime import datetime, time, timezone
from pathlib import Path
from collections.abc import Iterator
from typing import Literal

from uuid import UUID

from pydantic import BaseModel, ConfigDict

from carers_hub.core.render import timestamp
from carers_hub.data import described
from carers_hub.directory import safe_markdown, static_api
from carers_hub.data.service_models import Category, Organisation
from carers_hub.data.services import NAMESPACE, Directory, Listing
from carers_hub.data.site_data import SiteData

VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
OPENAPI = "https://docs.openreferraluk.org/en/latest/openapi30.json"
ESD_TERM = "http://id.esd.org.uk/service/{}"
BYDAY = {"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR",
         "saturday": "SA", "sunday": "SU"}


def child_id(parent: str, kind: str, index: int | str) -> str:
    return str(uuidlib.uuid5(NAMESPACE, f"{parent}:{kind}:{index}"))


class Record(BaseModel):
    # ORUK allows extra properties, and HSDS fields such as phones are published as well.
    model_config = ConfigDict(extra="allow")


class OrganisationRecord(Record):
    id: UUID
    name: str
    description: str


class ServiceRecord(Record):
    id: UUID
    name: str
    status: Literal["active", "inactive", "defunct", "temporarily closed"]
    organization: OrganisationRecord | None = None


class ServiceList(BaseModel):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[ServiceRecord]


class AllKept(dict):
    """Fields ORUK requires even when we do not know them (an address's city): kept, empty, not left out."""


def _drop_empty(value):
    """Leave out empty optional fields, as ORUK asks."""
    if isinstance(value, AllKept):
        return {k: v for k, v in value.items() if v is not None}
    if isinstance(value, dict):
        return {k: _drop_empty(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_drop_empty(v) for v in value]
    return value


def organisation_record(org: Organisation) -> dict:
    return _drop_empty({"id": str(org.uuid) if org.uuid else str(uuidlib.uuid5(NAMESPACE, f"organisation:{org.id}")),
                        "name": org.name, "description": org.description or org.name,  # ORUK requires one
                        "website": org.website})


def organisation(s: Listing) -> dict | None:
    return organisation_record(s.organisation) if s.organisation is not None else None


def last_modified(s: Listing) -> str:
    """When the details last changed: as the data says (an imported feed's date), else the day they were last
    checked, which is when an editor last set them."""
    service = s.service
    return timestamp(service.last_modified or datetime.combine(service.last_reviewed, time(0), timezone.utc))


def _addresses(sid: str, i: int, place) -> list[dict]:
    if not (place.address and place.postcode):
        return []
    # Postcodes are checked as UK postcodes, so the country is GB; a county is never recorded, so it is empty.
    return [AllKept({"id": child_id(sid, "address", i), "location_id": child_id(sid, "location", i),
                     "address_1": place.address, "city": place.town or "", "state_province": "",
                     "postal_code": place.postcode, "country": "GB", "address_type": "physical"})]


def service_record(s: Listing, data: SiteData) -> dict:
    service = s.service
    sid = s.uuid
    org = organisation(s)
    record = {
        "id": sid,
        "organization_id": org["id"] if org else None,
        "name": service.name,
        "description": safe_markdown.plain(service.description),
        "url": service.website,
        "email": service.email,
        "status": service.status,
        "assured_date": service.last_reviewed.isoformat(),
        "last_modified": last_modified(s),
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "organization": org,
        "schedules": [
            {"id": child_id(sid, "schedule", i), "service_id": sid, "freq": "WEEKLY",
             "byday": ",".join(BYDAY[d] for d in hours.days), "opens_at": hours.opens.strftime("%H:%M"),
             "closes_at": hours.closes.strftime("%H:%M"), "notes": service.hours_note}
            for i, hours in enumerate(service.opening_hours)
        ],
        "service_areas": [{"id": child_id(sid, "area", 0), "service_id": sid, "name": service.area}],
        "service_at_locations": [
            {"id": child_id(sid, "at-location", i), "service_id": sid,
             "location_id": child_id(sid, "location", i),
             "location": {"id": child_id(sid, "location", i), "location_type": "physical", "name": place.name,
                          "description": ", ".join(p for p in (place.address, place.town, place.postcode) if p),
                          "latitude": place.latitude, "longitude": place.longitude,
                          "addresses": _addresses(sid, i, place),
                          "accessibility": [{"id": child_id(sid, "access", i), "description": place.accessibility}]
                          if place.accessibility else None}}
            for i, place in enumerate(service.locations)
        ],
        "languages": [{"id": child_id(sid, "language", i), "service_id": sid, "name": name}
                      for i, name in enumerate(service.languages)],
        "cost_options": [{"id": child_id(sid, "cost", 0), "service_id": sid, "amount_description": service.cost}]
        if service.cost else [],
        "attributes": [_category_attribute(sid, c) for c in s.categories],
        # HSDS 3.0 fields the ORUK profile leaves out; published too so carers' phone numbers travel with the data.
        "phones": [{"id": child_id(sid, "phone", 0), "number": s.phone.display,
                    "description": "Text" if s.phone_label == "Text" else None}] if s.phone else [],
        "eligibility_description": service.eligibility,
        "application_process": {"self-referral": "Self-referral", "referral": "Referral needed",
                                "either": "Self-referral or referral"}[service.how_to_access]
        + (f". {service.access_note}" if service.access_note else ""),
    }
    return _drop_empty(described.open_data(service, record))


# The two taxonomies a category's term comes from: the LGA's ESD service types when an editor gave one, else
# the site's own categories. Their ids are fixed, so links between files hold from one build to the next.
TAXONOMIES = {
    "esdServiceTypes": {"id": str(uuidlib.uuid5(NAMESPACE, "taxonomy:esdServiceTypes")), "name": "esdServiceTypes",
                        "description": "The Local Government Association's ESD list of service types."},
    "carers-hub-categories": {"id": str(uuidlib.uuid5(NAMESPACE, "taxonomy:carers-hub-categories")),
                              "name": "carers-hub-categories",
                              "description": "The categories this site sorts its services into."},
}


def taxonomy_term(category: Category) -> dict:
    if category.esd_id:
        return {"id": str(uuidlib.uuid5(NAMESPACE, f"esd:{category.esd_id}")),
                "name": category.esd_label or category.label,
                "description": category.label, "taxonomy": "esdServiceTypes",
                "taxonomy_id": TAXONOMIES["esdServiceTypes"]["id"],
                "term_uri": ESD_TERM.format(category.esd_id), "term": str(category.esd_id)}
    return {"id": str(uuidlib.uuid5(NAMESPACE, f"category:{category.id}")), "name": category.label,
            "description": category.label, "taxonomy": "carers-hub-categories",
            "taxonomy_id": TAXONOMIES["carers-hub-categories"]["id"]}


def _category_attribute(sid: str, category: Category) -> dict:
    term = taxonomy_term(category)
    return {"id": child_id(sid, "attribute", category.id), "link_id": sid, "link_type": "service",
            "taxonomy_term_id": term["id"], "taxonomy_term": term}


SUMMARY_KEYS = ("id", "organization_id", "name", "description", "url", "email", "status", "assured_date",
                "last_modified", "minimum_age", "maximum_age", "organization")


def service_list(contents: list[dict], total: int, number: int, pages: int, size: int) -> dict:
    return {"total_items": total, "total_pages": pages, "page_number": number, "size": size,
            "first_page": number == 1, "last_page": number == pages, "empty": not contents, "contents": contents}


def paged(kind: str, contents: list[dict], page_size: int) -> Iterator[tuple[tuple[str, ...], dict]]:
    """A list as one whole page (where a host cannot read ?page=n) and page_size at a time (where it can)."""
    whole = service_list(contents, len(contents), 1, 1, len(contents))
    if kind == "services":
        ServiceList.model_validate(whole)
    yield static_api.list_files(kind), whole
    pages = max(1, -(-len(contents) // page_size))
    for number in range(1, pages + 1):
        chunk = contents[(number - 1) * page_size:number * page_size]
        yield (static_api.page_file(kind, number),), service_list(chunk, len(contents), number, pages, page_size)


def _unique(records: Iterator[dict]) -> list[dict]:
    """Each record once, in first-seen order (two categories may name the same ESD service type)."""
    seen: dict[str, dict] = {}
    for record in records:
        seen.setdefault(record["id"], record)
    return list(seen.values())


def documents(directory: Directory, data: SiteData,
              page_size: int = static_api.PAGE_SIZE) -> Iterator[tuple[tuple[str, ...], dict]]:
    """Every open-data file, each document once with the paths it is published under (under the site), checked
    against the export's own model. A generator, so a 50,000-service directory never holds every record."""
    summaries, at_locations = [], []
    for listing in directory.listings:
        record = service_record(listing, data)
        ServiceRecord.model_validate(record)
        summary = {k: record[k] for k in SUMMARY_KEYS if k in record}
        summaries.append(summary)
        # Each service at a location names its service (as ORUK's list does), so a reader needs one call.
        at_locations += [{**place, "service": summary} for place in record.get("service_at_locations", [])]
        yield static_api.record_files("services", record["id"]), record
    yield static_api.API_FILES, {"version": VERSION, "profile": PROFILE, "openapi_url": OPENAPI,
                                 "endpoints": [f"/{kind}" for kind in static_api.KINDS]}
    terms = _unique(taxonomy_term(category) for category in directory.categories.values())
    used = {term["taxonomy"] for term in terms}
    taxonomies = [{**taxonomy, "taxonomy_terms": [t for t in terms if t["taxonomy"] == name]}
                  for name, taxonomy in TAXONOMIES.items() if name in used]
    organisations = _unique(organisation_record(org) for org in directory.organisations.values())
    for kind, contents in (("services", summaries), ("taxonomies", taxonomies), ("taxonomy_terms", terms),
                           ("organizations", organisations), ("service_at_locations", at_locations)):
        if kind != "services":
            for item in contents:
                yield static_api.record_files(kind, item["id"]), item
        yield from paged(kind, contents, page_size)


def as_json(document: dict) -> str:
    # < > & as JSON escapes: the same data, and no browser can read markup in a .html file that holds it.
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write(directory: Directory, data: SiteData, site_dir: Path, page_size: int = static_api.PAGE_SIZE) -> None:
    for paths, document in documents(directory, data, page_size):
        text = as_json(document)  # encoded once for all its paths
        for path in paths:
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for name, text in static_api.HOST_FILES.items():
        (site_dir / name).write_text(text, encoding="utf-8")
