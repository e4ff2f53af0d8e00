"""A feed's records as Carers Hub services and organisations, and a note for everything not kept as it was.

Rules (docs/editors/bring-in-your-directory.md says them in plain words):
- nothing invented: a value the feed gives is kept only if the build's own field types accept it; a value it
  does not give comes from data/import/mapping.yaml (and the note says so), never from a guess;
- a field that cannot be made valid is dropped from that record, with the reason;
- a record is left out only when it cannot stand without what is missing (a name, a description, an id a
  later import could find it by), or when the feed marks it deleted; the note says why;
- the feed's id becomes the service's `uuid` (an id that is not a UUID gives a UUID made from it, and stays in
  the source note); the source is the record in the feed; review dates come from the feed's own dates;
- ids are compared as UUIDs, capitals or not (uuid_key): a record whose id came before is left out, with a note.
"""

from __future__ import annotations

import re
import unicodedata
import uuid as uuidlib
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal
from urllib.parse import quote, urlsplit

from pydantic import ValidationError

from carers_hub.core.described import described, feed_choices
from carers_hub.data.fields import service_id_error
from carers_hub.data.service_models import AGES, UK_LATITUDE, UK_LONGITUDE, WEEKDAYS, Category, Organisation, Service
from carers_hub.importer import clean
from carers_hub.importer.mapping import Mapping
from carers_hub.importer.shapes import FeedLocation, FeedService, FeedTerm

# Fixed forever: a feed id that is not a UUID always gives the same UUID (with the feed's host name).
IMPORT_NAMESPACE = uuidlib.UUID("3b0f8a4e-2f6d-4c1e-9d57-8a1c2e6b4f03")
GRACE = timedelta(days=60)  # an import whose feed dates are long past is due for review this soon
GONE = {"deleted", "archived", "withdrawn", "removed"}
STATUSES = {"active": "active", "inactive": "inactive", "defunct": "defunct", "closed": "defunct",
            "temporarily closed": "temporarily closed", "temporarily_closed": "temporarily closed",
            "suspended": "temporarily closed"}
DAYS = {**{d[:2].upper(): d for d in WEEKDAYS}, **{d[:3].upper(): d for d in WEEKDAYS},
        **{d.upper(): d for d in WEEKDAYS}}
ESD_URI = re.compile(r"id\.esd\.org\.uk/service/(\d+)", re.IGNORECASE)
REQUIRED = {name for name, info in Service.model_fields.items() if info.is_required()}

NoteKind = Literal["left out", "dropped", "changed", "default", "info"]


@dataclass(frozen=True)
class Note:
    feed_id: str | None
    name: str | None
    field: str
    kind: NoteKind
    message: str


@dataclass
class Context:
    mapping: Mapping
    today: date
    area: str  # used when the feed gives no service area
    categories: dict[str, Category]
    feed_base: str  # the feed's address without /services: each record's address is made from it
    feed_title: str
    id_namespace: str  # the feed's host name: with a feed id that is not a UUID, it makes the service's UUID
    slugs: dict[str, str] = field(default_factory=dict)  # service uuid -> id, from the last import
    org_slugs: dict[str, str] = field(default_factory=dict)  # organisation uuid -> id, from the last import
    taken: set[str] = field(default_factory=set)  # service ids in use (hand-made, or given this run)
    org_taken: set[str] = field(default_factory=set)
    hand_orgs: dict[str, str] = field(default_factory=dict)  # a hand-made organisation's name (lower) -> id
    esd: dict[int, str] = field(init=False)  # an ESD service type's number -> category id

    def __post_init__(self):
        self.esd = {c.esd_id: c.id for c in self.categories.values() if c.esd_id}


@dataclass
class Converted:
    services: dict[str, dict] = field(default_factory=dict)  # by uuid, in feed order
    feed_ids: dict[str, str] = field(default_factory=dict)  # uuid -> the id the feed gives
    organisations: dict[str, dict] = field(default_factory=dict)  # by uuid
    notes: list[Note] = field(default_factory=list)
    unmapped_terms: Counter = field(default_factory=Counter)  # (vocabulary, term) -> services using it
    read: int = 0


def slugify(name: str, taken: set[str]) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()  # Café -> Cafe
    words = re.sub(r"[^a-z0-9]+", "-", plain.lower().replace("'", "")).strip("-")
    base = words[:60].rsplit("-", 1)[0] if len(words) > 60 else words
    base = base or "service"
    slug, number = base, 2
    while slug in taken or service_id_error(slug):  # e.g. in, page-2: the directory's own addresses
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


def uuid_key(value: Any) -> str:
    """How ids are compared: a UUID as a UUID (capitals or not, braces or not: one spelling), anything else
    exactly as written."""
    try:
        return str(uuidlib.UUID(str(value)))
    except ValueError:
        return str(value)


def feed_uuid(feed_id: str, namespace: str) -> tuple[str, bool]:
    """The feed's id as a UUID, and whether it was one already. An id that is not a UUID gives the same UUID
    every time from the same host (the port, http or https, and the path may change). Made from the id exactly
    as written: v1 feeds' own ids (CARER-001, a database's) may tell capitals apart, and changing how it is made
    would give every service imported before a new UUID."""
    try:
        return str(uuidlib.UUID(feed_id)), True
    except ValueError:
        return str(uuidlib.uuid5(IMPORT_NAMESPACE, f"{namespace}|{feed_id}")), False


def record_url(feed_base: str, feed_id: str) -> str | None:
    """The record's own address in the feed, when that is an https address the site can link to."""
    if not feed_base.startswith("https://"):
        return None
    url, why = clean.valid("website", f"{feed_base}/services/{quote(feed_id, safe='')}")
    return url if not why else None


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def esd_number(term: FeedTerm) -> int | None:
    for value in (term.uri, term.code):
        match = ESD_URI.search(value or "")
        if match:
            return int(match.group(1))
    vocabulary = re.sub(r"[^a-z]", "", (term.vocabulary or "").lower())
    if "esd" in vocabulary and "service" in vocabulary:
        digits = re.findall(r"\d+", term.code or "")
        return int(digits[-1]) if digits else None
    return None


def _key(words: str | None) -> str:
    return " ".join((words or "").lower().split())


class _Notes:
    """The notes about one record."""

    def __init__(self, out: list[Note], feed: FeedService, name: str | None):
        self.out, self.feed_id, self.name = out, feed.id, name

    def add(self, field_name: str, kind: NoteKind, message: str) -> None:
        self.out.append(Note(self.feed_id, self.name, field_name, kind, message))

    def from_prose(self, field_name: str, notes: list[str]) -> None:
        for note in notes:
            kind, _, message = note.partition(": ")
            self.add(field_name, "dropped" if kind == "dropped" else "changed", message)


def _text(value: str | None, field_name: str, notes: _Notes, kind: str = "text") -> str | None:
    cleaned, found = clean.prose(value, kind)
    notes.from_prose(field_name, found)
    return cleaned


def _age(value: Any, field_name: str, notes: _Notes) -> int | None:
    if value in (None, "") or isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        notes.add(field_name, "dropped", f'it is "{value}", which is not an age')
        return None
    if not number.is_integer() or not AGES.hold(number):
        notes.add(field_name, "dropped", f"it is {value}, which is not an age from {AGES.low} to {AGES.high}")
        return None
    return int(number)


def _time(value: str | None) -> str | None:
    match = re.fullmatch(r"\s*(\d{1,2}):?(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*", value or "")
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def _days(byday: str | None) -> list[str] | None:
    tokens = [re.sub(r"^[+-]?\d+", "", t) for t in re.split(r"[\s,;]+", (byday or "").upper()) if t]
    days = [DAYS.get(t) for t in tokens]
    return sorted(set(days), key=WEEKDAYS.index) if days and all(days) else None


def _opening(feed: FeedService, notes: _Notes) -> tuple[list[dict], str | None]:
    hours, said = [], []
    for schedule in feed.schedules:
        days, opens, closes = _days(schedule.byday), _time(schedule.opens), _time(schedule.closes)
        if days and opens and closes and closes > opens:
            entry = {"days": days, "opens": opens, "closes": closes}
            if entry not in hours:
                hours.append(entry)
        elif schedule.byday or schedule.opens or schedule.closes:
            notes.add("opening_hours", "dropped", f'"{schedule.byday or ""} {schedule.opens or ""}-'
                      f'{schedule.closes or ""}" is not a day and opening and closing time the site can show')
        note = _text(schedule.note, "hours_note", notes)
        if note and note not in said:
            said.append(note)
    return hours, " ".join(said) or None


def _location(place: FeedLocation, notes: _Notes) -> dict | None:
    address = _text(place.address, "locations.address", notes)
    name = _text(place.name, "locations.name", notes) or address
    if not name:
        notes.add("locations", "dropped", "a place with neither a name nor an address")
        return None
    found: dict[str, Any] = {"name": name}
    if address and address != name:
        found["address"] = address
    found["town"] = _text(place.town, "locations.town", notes)
    if place.postcode:
        found["postcode"], why = clean.valid("postcode", place.postcode)
        if why:
            notes.add("locations.postcode", "dropped", f"it {why}")
    for axis, bounds in (("latitude", UK_LATITUDE), ("longitude", UK_LONGITUDE)):
        value = getattr(place, axis)
        if value in (None, ""):
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not bounds.hold(number):
            notes.add(f"locations.{axis}", "dropped", f"it is {value}, which is not in the UK")
        else:
            found[axis] = number
    found["accessibility"] = _text(place.accessibility, "locations.accessibility", notes)
    return {k: v for k, v in found.items() if v is not None}


def _how_to_access(words: str | None) -> str | None:
    said = (words or "").lower()
    referral = "referr" in said
    yourself = any(w in said for w in ("self", "drop", "walk", "open access", "no referral", "direct"))
    if "no referral" in said:
        referral = False
    return "either" if referral and yourself else "referral" if referral else "self-referral" if yourself else None


def _reviewed(feed: FeedService, ctx: Context, notes: _Notes) -> tuple[date, date, date | None]:
    """last_reviewed, review_by and the source's date, from the feed's own modified or assured date."""
    known = [d for d in (feed.assured, feed.modified.date() if feed.modified else None) if d]
    for what in feed.unreadable_dates:
        notes.add("last_reviewed", "dropped", f"the {what} is not a date")
    reviewed = max(known) if known else feed.created
    if reviewed is None:
        reviewed = ctx.today
        notes.add("last_reviewed", "default", "the feed gives no date it was changed or checked: set to the day "
                                              "of the import")
    elif reviewed > ctx.today:
        notes.add("last_reviewed", "changed", f"the feed's date {reviewed} is after today: set to today")
        reviewed = ctx.today
    review_by = add_months(reviewed, ctx.mapping.review_every_months)
    if review_by <= ctx.today:
        review_by = ctx.today + GRACE
        notes.add("review_by", "info", f"the feed last changed or checked it on {reviewed}, more than "
                                       f"{ctx.mapping.review_every_months} months ago: due for review by {review_by}")
    dated = feed.modified.date() if feed.modified else feed.assured
    return reviewed, review_by, min(dated, ctx.today) if dated else None


def _organisation(feed: FeedService, ctx: Context, out: Converted, notes: _Notes) -> str | None:
    org = feed.organisation
    name = _text(org.name, "organisation.name", notes) if org else None
    if not name:
        notes.add("organisation", "info", "the feed does not say who runs it: the page says nothing about it")
        return None
    if _key(name) in ctx.hand_orgs:  # the same organisation the council already keeps by hand
        return ctx.hand_orgs[_key(name)]
    org_uuid = feed_uuid(org.id, ctx.id_namespace)[0] if org.id else str(
        uuidlib.uuid5(IMPORT_NAMESPACE, f"{ctx.id_namespace}|organisation|{_key(name)}"))
    if org_uuid in out.organisations:
        return out.organisations[org_uuid]["id"]
    slug = ctx.org_slugs.get(org_uuid) or slugify(name, ctx.org_taken)
    ctx.org_taken.add(slug)
    record: dict[str, Any] = {"id": slug, "uuid": org_uuid, "name": name,
                              "description": _text(org.description, "organisation.description", notes)}
    if org.website:
        record["website"], why = clean.valid("website", org.website)
        if why:
            notes.add("organisation.website", "dropped", f"it {why}")
    record = {k: v for k, v in record.items() if v is not None}
    try:
        Organisation.model_validate(record)  # every value was checked on its own above
    except ValidationError as error:
        notes.add("organisation", "dropped", f"it {clean.reason(error)}")
        return None
    out.organisations[org_uuid] = record
    return slug


def _kinds(feed: FeedService, ctx: Context, out: Converted, notes: _Notes) -> tuple[list[str], list[str]]:
    mapping, esd = ctx.mapping, ctx.esd
    categories: list[str] = []
    audiences: list[str] = []
    for term in feed.terms:
        mapped = False
        number = esd_number(term)
        if number in esd:
            categories.append(esd[number])
            mapped = True
        for target, table in ((categories, mapping.categories_for_terms), (audiences, mapping.audience_for_terms)):
            ids = table.get(_key(term.name)) or table.get(_key(term.code))
            if ids:
                target.extend(ids)
                mapped = True
        if not mapped and term.name:
            out.unmapped_terms[(term.vocabulary or "", term.name)] += 1
    for audience in feed.audiences:
        ids = mapping.audience_for_terms.get(_key(audience))
        if ids:
            audiences.extend(ids)
        else:
            out.unmapped_terms[("target audience", audience)] += 1
    if not categories:
        categories = list(mapping.categories)
        notes.add("categories", "default", "nothing in the feed maps to a kind of service: "
                                           f"{', '.join(categories)} from mapping.yaml")
    if not audiences:
        audiences = list(mapping.audience)
        notes.add("audience", "default", f"the feed does not say who it is for: {', '.join(audiences)} from "
                                         "mapping.yaml")
    return list(dict.fromkeys(categories)), list(dict.fromkeys(audiences))


def _contacts(feed: FeedService, record: dict, notes: _Notes) -> None:
    kept = None
    for number in dict.fromkeys(feed.phones):
        value, why = clean.valid("phone", number)
        if why:
            notes.add("phone", "dropped", f"it {why}")
        elif kept is None:
            kept = value
        else:
            notes.add("phone", "dropped", f'"{number}" is another number: a service shows one')
    record["phone"] = kept
    if feed.email:
        record["email"], why = clean.valid("email", feed.email.strip())
        if why:
            notes.add("email", "dropped", f"it {why}")
    if feed.url:
        record["website"], note = clean.website(feed.url)
        if note:
            notes.from_prose("website", [note])


def _described(feed: FeedService, record: dict, notes: _Notes) -> None:
    """Each described field the feed gives, through its fixed table only: other words are dropped, with a note."""
    for kept in described(Service):
        if not kept.oruk or kept.name not in feed.described:
            continue
        chosen, unknown = feed_choices(kept, feed.described[kept.name])
        choices = ", ".join(f"{label} ({value})" for value, label in kept.about.choices.items())
        for words in unknown:
            notes.add(kept.name, "dropped", f'"{words[:60]}" is not one the site knows: {choices}')
        if chosen:
            record[kept.name] = chosen


def _validated(record: dict, notes: _Notes) -> tuple[dict | None, str | None]:
    """The record as Service accepts it: an optional field that still fails is dropped with its reason; a
    required one that fails leaves the record out (returns the reason)."""
    for _ in range(len(record) + 10):
        try:
            Service.model_validate(record)
            return record, None
        except ValidationError as error:
            item = error.errors()[0]
            loc = item["loc"]
            why = clean.reason(error)
            if not loc or loc[0] in REQUIRED:
                return None, f"{'.'.join(map(str, loc)) or 'the record'} {why}"
            if len(loc) > 1 and isinstance(loc[1], int):
                del record[loc[0]][loc[1]]
                notes.add(str(loc[0]), "dropped", f"one of them {why}")
            else:
                del record[loc[0]]
                notes.add(str(loc[0]), "dropped", f"it {why}")
    return None, "it could not be made valid"


def convert(feed: FeedService, ctx: Context, out: Converted) -> dict | None:
    """One feed record as a service (added to out.services), or None when it is left out (with a note)."""
    notes = _Notes(out.notes, feed, feed.name)
    name = _text(feed.name, "name", notes)
    notes.name = name or feed.name
    if not feed.id:
        notes.add("id", "left out", "it has no id, so a later import could not find it again")
        return None
    if not name:
        notes.add("name", "left out", "it has no name")
        return None
    status = STATUSES.get(_key(feed.status), "active")
    if _key(feed.status) in GONE:
        notes.add("status", "left out", f'the feed marks it "{feed.status}"')
        return None
    if feed.status and _key(feed.status) not in STATUSES:
        notes.add("status", "default", f'"{feed.status}" is not a status the site knows: shown as active')
    description = _text(feed.description, "description", notes, kind="description")
    if not description:
        notes.add("description", "left out", "it has no description carers could read")
        return None
    sid, was_uuid = feed_uuid(feed.id, ctx.id_namespace)
    if not was_uuid:
        notes.add("uuid", "info", f'its id "{feed.id}" is not a UUID: the site uses {sid}, made from it')
    categories, audiences = _kinds(feed, ctx, out, notes)
    areas = list(dict.fromkeys(a for a in (_text(area, "area", notes) for area in feed.areas) if a))
    if not areas:
        notes.add("area", "default", f"the feed gives no area: {ctx.area}")
    how = _how_to_access(feed.access)
    if how is None:
        how = ctx.mapping.how_to_access
        notes.add("how_to_access", "default", f"the feed does not say how to get it: {how} from mapping.yaml")
    hours, hours_note = _opening(feed, notes)
    reviewed, review_by, dated = _reviewed(feed, ctx, notes)
    low, high = _age(feed.minimum_age, "minimum_age", notes), _age(feed.maximum_age, "maximum_age", notes)
    if low is not None and high is not None and (low > high or high == 0):
        notes.add("minimum_age", "dropped", f"the ages {low} to {high} are not a range")
        low = high = None
    access_note = _text(feed.access, "access_note", notes)
    record: dict[str, Any] = {
        "id": ctx.slugs.get(sid) or slugify(name, ctx.taken), "uuid": sid, "name": name, "status": status,
        "organisation": _organisation(feed, ctx, out, notes),
        "description": description, "description_by": "provider",
        "audience": audiences, "categories": categories, "area": ", ".join(areas) or ctx.area,
        "eligibility": _text(feed.eligibility, "eligibility", notes), "minimum_age": low, "maximum_age": high,
        "how_to_access": how,
        "access_note": access_note if access_note and len(access_note.split()) > 3 else None,
        "cost": "; ".join(dict.fromkeys(c for c in (_text(f, "cost", notes) for f in feed.fees) if c)) or None,
        "languages": list(dict.fromkeys(x for x in (_text(x, "languages", notes) for x in feed.languages) if x)),
        "locations": [place for place in (_location(p, notes) for p in feed.locations) if place],
        "opening_hours": hours, "hours_note": hours_note,
        "source": {"url": record_url(ctx.feed_base, feed.id), "kind": ctx.mapping.provider_kind,
                   "title": ctx.feed_title, "dated": dated, "note": f"Imported from the feed, where its id is {feed.id}."},
        "last_reviewed": reviewed, "review_by": review_by, "last_modified": feed.modified,
    }
    ctx.taken.add(record["id"])
    _contacts(feed, record, notes)
    _described(feed, record, notes)
    record["source"] = {k: v for k, v in record["source"].items() if v is not None}
    record = {k: v for k, v in record.items() if v not in (None, [], "")}
    record, why = _validated(record, notes)
    if record is None:
        notes.add("record", "left out", why or "it could not be made valid")
        return None
    out.services[sid] = record
    out.feed_ids[sid] = feed.id
    return record


def drop_shared_home_pages(out: Converted, mapping: Mapping) -> None:
    """A home page given as the website of many services run by different organisations (often the council's)
    is not any of them's own page: drop it, saying so. Addresses in mapping.yaml's list go too."""
    users: dict[str, list[dict]] = {}
    for record in out.services.values():
        if "website" in record:
            users.setdefault(record["website"], []).append(record)
    listed = {url.rstrip("/") for url in mapping.not_service_websites}
    for url, records in users.items():
        home = urlsplit(url).path in ("", "/")
        shared = home and len(records) >= 3 and len({r.get("organisation") for r in records}) > 1
        if shared or url.rstrip("/") in listed:
            why = (f"it is {url}, a home page {len(records)} services give, not this service's own page"
                   if shared else f"it is {url}, listed in mapping.yaml's not_service_websites")
            for record in records:
                del record["website"]
                out.notes.append(Note(out.feed_ids[record["uuid"]], record["name"], "website", "dropped", why))


def _listed_before(feed: FeedService, first: dict[str, FeedService], folded: dict[str, str]) -> Note | None:
    """A note when this record's id came before: left out if it is the same id (a UUID in capitals is the same
    UUID); for information if it is an id that is not a UUID and differs only in capitals (kept: see feed_uuid)."""
    if not feed.id:
        return None
    earlier = first.get(uuid_key(feed.id))
    if earlier is not None:
        same = "the same details" if replace(feed, id=earlier.id) == earlier else "different details"
        spelt = "" if earlier.id == feed.id else f" (first as {earlier.id})"
        return Note(feed.id, feed.name, "id", "left out", f"the feed lists this id twice{spelt}, with {same}: the "
                                                          "first is kept")
    first[uuid_key(feed.id)] = feed
    other = folded.setdefault(feed.id.casefold(), feed.id)
    if other != feed.id:
        return Note(feed.id, feed.name, "id", "info", f'its id differs from "{other}" only in capitals. Ids that are '
                                                      "not UUIDs are kept as the feed writes them, so both are kept: "
                                                      "check they are not the same service")
    return None


def convert_all(feeds: list[FeedService], ctx: Context) -> Converted:
    """Every record, in feed order; a record whose id came before is a duplicate and left out."""
    out = Converted(read=len(feeds))
    first: dict[str, FeedService] = {}  # by uuid_key of the feed's id
    folded: dict[str, str] = {}  # an id in small letters -> the first id written so
    seen_names: dict[tuple[str, str | None], str] = {}
    for feed in feeds:
        note = _listed_before(feed, first, folded)
        if note:
            out.notes.append(note)
            if note.kind == "left out":
                continue
        record = convert(feed, ctx, out)
        if record is None:
            continue
        key = (record["name"].lower(), record.get("organisation"))
        if key in seen_names:
            out.notes.append(Note(feed.id, record["name"], "name", "info",
                                  f"it has the same name and organisation as {seen_names[key]}: is it the same "
                                  "service? Both are kept"))
        else:
            seen_names[key] = record["id"]
    drop_shared_home_pages(out, ctx.mapping)
    return out
