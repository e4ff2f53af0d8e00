"""A feed's service records as typed records, whichever shape the feed uses.

Open Referral UK 3.0 (`schedules`, `attributes[].taxonomy_term`, `addresses`, `phones`, `last_modified`) and the
older v1 shape most feeds still publish (`regular_schedules`, `service_taxonomys[].taxonomy`,
`physical_addresses`, `contacts[].phones`, `eligibilitys`), with vendor fields (`pc_metadata` dates,
`pc_targetAudience`). Values are kept raw here (HTML and all): clean.py makes them safe, convert.py decides.
Reading never fails: a field of the wrong type reads as missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from carers_hub.data.described import described, read_path
from carers_hub.data.service_models import Service

# Child arrays that list endpoints leave out: an item with none of them needs GET /services/{id}.
DETAIL_KEYS = ("service_at_locations", "contacts", "phones", "schedules", "regular_schedules", "eligibilitys",
               "service_taxonomys", "attributes", "service_areas", "cost_options", "languages")


@dataclass(frozen=True)
class FeedOrganisation:
    id: str | None
    name: str | None
    description: str | None
    website: str | None


@dataclass(frozen=True)
class FeedLocation:
    name: str | None
    address: str | None
    town: str | None
    postcode: str | None
    latitude: Any
    longitude: Any
    accessibility: str | None


@dataclass(frozen=True)
class FeedSchedule:
    byday: str | None
    opens: str | None
    closes: str | None
    note: str | None


@dataclass(frozen=True)
class FeedTerm:
    vocabulary: str | None
    code: str | None
    name: str | None
    uri: str | None


@dataclass(frozen=True)
class FeedService:
    id: str | None
    name: str | None
    description: str | None
    url: str | None
    email: str | None
    status: str | None
    organisation: FeedOrganisation | None
    phones: list[str] = field(default_factory=list)
    locations: list[FeedLocation] = field(default_factory=list)
    schedules: list[FeedSchedule] = field(default_factory=list)
    terms: list[FeedTerm] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)  # a vendor's target audience, in its words
    languages: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    fees: list[str] = field(default_factory=list)
    eligibility: str | None = None
    access: str | None = None  # v1 attending_access, or HSDS application_process: how people get the service
    minimum_age: Any = None
    maximum_age: Any = None
    modified: datetime | None = None
    assured: date | None = None
    created: date | None = None
    unreadable_dates: list[str] = field(default_factory=list)
    # The feed's words for each described field that says where ORUK keeps it (hooks/data/described.py): raw
    # here, and only ever mapped to the field's fixed choices by convert.py.
    described: dict[str, list[str]] = field(default_factory=dict)


def text(value: Any) -> str | None:
    """A string as the feed gave it, or None for anything empty or not text. Numbers read as text (phones)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and value.strip() and value.strip().lower() not in ("null", "none"):
        return value
    return None


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict]:
    return [item for item in _list(value) if isinstance(item, dict)]


def _first(record: dict, *keys: str) -> str | None:
    for key in keys:
        found = text(record.get(key))
        if found:
            return found
    return None


def when(value: Any) -> datetime | None:
    """A date or date-time in the forms feeds write (ISO 8601 with or without Z or time, or day/month/year)."""
    found = text(value)
    if not found:
        return None
    found = found.strip()
    try:
        moment = datetime.fromisoformat(found.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", found)
        if not match:
            return None
        try:
            moment = datetime(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _organisation(raw: Any) -> FeedOrganisation | None:
    org = _dict(raw)
    if not org:
        return None
    return FeedOrganisation(id=_first(org, "id"), name=_first(org, "name"),
                            description=_first(org, "description"), website=_first(org, "website", "url"))


def _location(raw: dict) -> FeedLocation:
    place = _dict(raw.get("location")) or raw
    addresses = _dicts(place.get("addresses")) or _dicts(place.get("physical_addresses"))
    address = addresses[0] if addresses else {}
    access = [_first(a, "description", "accessibility") for a in
              _dicts(place.get("accessibility")) + _dicts(place.get("accessibility_for_disabilities"))]
    return FeedLocation(
        name=_first(place, "name"), address=_first(address, "address_1"), town=_first(address, "city"),
        postcode=_first(address, "postal_code"), latitude=place.get("latitude"), longitude=place.get("longitude"),
        accessibility="; ".join(a for a in access if a) or None)


def _schedules(record: dict) -> list[FeedSchedule]:
    raw = _dicts(record.get("schedules")) + _dicts(record.get("regular_schedules"))
    for place in _dicts(record.get("service_at_locations")):
        raw += _dicts(place.get("schedules")) + _dicts(place.get("regular_schedule")) + \
            _dicts(place.get("regular_schedules"))
    return [FeedSchedule(byday=_first(s, "byday", "weekday"), opens=_first(s, "opens_at"),
                         closes=_first(s, "closes_at"), note=_first(s, "description", "notes")) for s in raw]


def _terms(record: dict) -> list[FeedTerm]:
    terms = []
    for attribute in _dicts(record.get("attributes")):
        term = _dict(attribute.get("taxonomy_term"))
        if term:
            terms.append(FeedTerm(vocabulary=_first(term, "taxonomy", "taxonomy_id"),
                                  code=_first(term, "term", "code", "id"), name=_first(term, "name"),
                                  uri=_first(term, "term_uri")))
    for link in _dicts(record.get("service_taxonomys")):
        term = _dict(link.get("taxonomy"))
        if term:
            terms.append(FeedTerm(vocabulary=_first(term, "vocabulary"), code=_first(term, "id"),
                                  name=_first(term, "name"), uri=_first(term, "uri", "term_uri")))
    return terms


def _names(value: Any, *keys: str) -> list[str]:
    """["Adults", {"name": "Carers"}] -> ["Adults", "Carers"]: vendors write lists either way."""
    out = []
    for item in _list(value):
        found = text(item) if not isinstance(item, dict) else _first(item, *keys)
        if found:
            out.append(found)
    return out


def _ages(record: dict) -> tuple[Any, Any]:
    low, high = record.get("minimum_age"), record.get("maximum_age")
    for rule in _dicts(record.get("eligibilitys")):
        low = low if low not in (None, "") else rule.get("minimum_age")
        high = high if high not in (None, "") else rule.get("maximum_age")
    return low, high


def _described(record: dict, model: type = Service) -> dict[str, list[str]]:
    """Each described field's words in the feed, from every place the field's Oruk says it may be."""
    found = {}
    for kept in described(model):
        if kept.oruk:
            words = [t for path in kept.oruk.read for t in map(text, read_path(record, path)) if t]
            if words:
                found[kept.name] = list(dict.fromkeys(words))
    return found


def read_service(record: dict) -> FeedService:
    """One service record from a list or a detail answer, in either shape."""
    meta = _dict(record.get("pc_metadata")) or _dict(record.get("metadata"))
    dates = {"modified": (record.get("last_modified"), meta.get("date_modified"), meta.get("modified"),
                          record.get("updated_at"), record.get("modified")),
             "assured": (record.get("assured_date"), meta.get("date_assured"), meta.get("assured")),
             "created": (record.get("created_at"), meta.get("date_created"), meta.get("created"))}
    found, unreadable = {}, []
    for kind, values in dates.items():
        written = [v for v in values if text(v)]
        moments = [when(v) for v in written]
        found[kind] = next((m for m in moments if m), None)
        if written and found[kind] is None:
            unreadable.append(f"{kind} date \"{written[0]}\"")
    phones = [number for phone in _dicts(record.get("phones")) if (number := _first(phone, "number"))]
    for contact in _dicts(record.get("contacts")):
        phones += [number for phone in _dicts(contact.get("phones")) if (number := _first(phone, "number"))]
    eligibility = _first(record, "eligibility_description") or "; ".join(
        e for e in (_first(rule, "eligibility") for rule in _dicts(record.get("eligibilitys"))) if e) or None
    costs = [c for c in (_first(option, "amount_description", "option") for option in
                         _dicts(record.get("cost_options"))) if c]
    low, high = _ages(record)
    return FeedService(
        id=_first(record, "id"), name=_first(record, "name"), description=_first(record, "description"),
        url=_first(record, "url"), email=_first(record, "email"), status=_first(record, "status"),
        organisation=_organisation(record.get("organization")), phones=phones,
        locations=[_location(place) for place in _dicts(record.get("service_at_locations"))],
        schedules=_schedules(record), terms=_terms(record),
        audiences=_names(record.get("pc_targetAudience") or record.get("pc_target_audience"), "name", "label"),
        languages=_names(record.get("languages"), "name", "language"),
        areas=_names(record.get("service_areas"), "name", "service_area"),
        fees=[f for f in [_first(record, "fees")] if f] + costs,
        eligibility=eligibility, access=_first(record, "attending_access", "application_process"),
        minimum_age=low, maximum_age=high,
        modified=found["modified"], assured=found["assured"].date() if found["assured"] else None,
        created=found["created"].date() if found["created"] else None, unreadable_dates=unreadable,
        described=_described(record))


def needs_details(record: Any) -> bool:
    """A list item without any child array: only GET /services/{id} has its contacts, places and times."""
    return isinstance(record, dict) and not any(_list(record.get(key)) for key in DETAIL_KEYS)
