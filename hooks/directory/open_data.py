"""The service directory as Open Referral UK 3.0 open data.

The build writes, under site/oruk/:
  index.json                 API details (which standard and profile this follows)
  services/index.json        a service list response (every service, one page)
  services/<uuid>.json       one full service record each

This is schema-valid open data in static files, not a full ORUK API: there is no search, paging or filtering.
The export's own typed model (below) enforces ORUK's required fields, UUIDs and status values, so a clone of
the project checks the essentials even without the ORUK schemas; the tests also validate every record
against the ORUK 3.0 JSON Schemas when they are present.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from pathlib import Path
from typing import Literal

from uuid import UUID

from pydantic import BaseModel, ConfigDict

from hooks.directory import safe_markdown
from hooks.data.services import NAMESPACE, Directory, Listing
from hooks.data.site_data import SiteData

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


def _drop_empty(value):
    """Leave out empty optional fields, as ORUK asks."""
    if isinstance(value, dict):
        return {k: _drop_empty(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_drop_empty(v) for v in value]
    return value


def organisation(s: Listing) -> dict:
    org = s.organisation
    return {"id": str(uuidlib.uuid5(NAMESPACE, f"organisation:{org.id}")), "name": org.name,
            "description": org.description, "website": org.website}


def service_record(s: Listing, data: SiteData) -> dict:
    service = s.service
    sid = s.uuid
    record = {
        "id": sid,
        "organization_id": organisation(s)["id"],
        "name": service.name,
        "description": safe_markdown.plain(service.description),
        "url": service.website,
        "email": service.email,
        "status": service.status,
        "assured_date": service.last_reviewed.isoformat(),
        "organization": organisation(s),
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
                          "description": ", ".join(p for p in (place.address, place.postcode) if p),
                          "latitude": place.latitude, "longitude": place.longitude,
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
    return _drop_empty(record)


def _category_attribute(sid: str, category) -> dict:
    if category.esd_id:
        term = {"id": str(uuidlib.uuid5(NAMESPACE, f"esd:{category.esd_id}")), "name": category.esd_label,
                "description": category.label, "taxonomy": "esdServiceTypes",
                "term_uri": ESD_TERM.format(category.esd_id), "term": str(category.esd_id)}
    else:
        term = {"id": str(uuidlib.uuid5(NAMESPACE, f"category:{category.id}")), "name": category.label,
                "description": category.label, "taxonomy": "carers-hub-categories"}
    return {"id": child_id(sid, "attribute", category.id), "link_id": sid, "link_type": "service",
            "taxonomy_term_id": term["id"], "taxonomy_term": term}


def documents(directory: Directory, data: SiteData) -> dict[str, dict]:
    """Every open-data file, by its path under the site, checked against the export's own model."""
    records = [service_record(s, data) for s in directory.listings]
    for record in records:
        ServiceRecord.model_validate(record)
    summary_keys = ("id", "organization_id", "name", "description", "url", "email", "status", "assured_date",
                    "organization")
    listing = {
        "total_items": len(records), "total_pages": 1, "page_number": 1, "size": len(records),
        "first_page": True, "last_page": True, "empty": not records,
        "contents": [{k: r[k] for k in summary_keys if k in r} for r in records],
    }
    ServiceList.model_validate(listing)
    out = {"oruk/index.json": {"version": VERSION, "profile": PROFILE, "openapi_url": OPENAPI},
           "oruk/services/index.json": listing}
    for record in records:
        out[f"oruk/services/{record['id']}.json"] = record
    return out


def write(directory: Directory, data: SiteData, site_dir: Path) -> None:
    for path, document in documents(directory, data).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
