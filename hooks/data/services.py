"""Load the service directory into typed objects, checked against each other and the site's data."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from collections.abc import Callable, Iterable, Sequence
from datetime import date, time
from functools import cached_property
from pathlib import Path
from typing import Any

from carers_hub.core.today import today as current_date
from markupsafe import Markup
from pydantic import BaseModel

from carers_hub.data import data_files, phones, provenance, site_data
from carers_hub.core.problems import Problem, ProblemsFound, split_warnings
from carers_hub.core.yaml_source import FieldPath, Located, field_name
from carers_hub.data.service_models import (WEEKDAYS, CategoriesFile, Category, Organisation, OrganisationsFile, Service,
                                  ServicesFile)

# Fixed forever: every service's open-data id is made from this and its `id`, so it never changes by itself.
NAMESPACE = uuid.UUID("6f1d3c52-5a7e-4c8e-9a43-0c2b7d1e9f10")


def stable_uuid(kind: str, slug: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{slug}"))


@dataclass(frozen=True)
class Listing:
    """A service with everything it refers to looked up."""

    service: Service
    uuid: str
    organisation: Organisation | None  # None when an imported feed does not say who runs it
    categories: tuple[Category, ...]
    phone: phones.Phone | None
    phone_label: str | None  # "Call" or "Text"
    hours_text: str | None = None
    file: str = "data/services.yaml"  # where the service is written, and its place in that file's list
    index: int = 0

    @property
    def id(self) -> str:
        return self.service.id

    @property
    def provenance(self) -> Markup:
        return provenance.sentence(self.service.source, self.service.last_reviewed, "these details")

    @property
    def unconfirmed(self) -> bool:
        """An active service whose only source is a saved copy, secondary, unconfirmed, old or weak: carers are told so."""
        return self.service.status == "active" and not self.service.source.confirmed(self.service.last_reviewed)


@dataclass(frozen=True)
class Directory:
    listings: tuple[Listing, ...]
    organisations: dict[str, Organisation]
    categories: dict[str, Category]
    problems: tuple[Problem, ...] = field(default=())  # warnings such as overdue reviews

    def __repr__(self) -> str:
        # Short: the macros plugin writes every config.extra value as text on each build, debug log or not.
        return f"Directory({len(self.listings)} services, {len(self.organisations)} organisations)"

    @cached_property
    def by_id(self) -> dict[str, Listing]:
        return {listing.id: listing for listing in self.listings}

    @cached_property
    def _by_category(self) -> dict[str, list[Listing]]:
        return _index(self.listings, lambda item: item.service.categories)

    @cached_property
    def _by_audience(self) -> dict[str, list[Listing]]:
        return _index(self.listings, lambda item: item.service.audience)

    def with_category(self, category: str) -> list[Listing]:
        return list(self._by_category.get(category, []))

    def for_audience(self, audience: str) -> list[Listing]:
        return list(self._by_audience.get(audience, []))


def _index(listings: Iterable[Listing], keys: Callable[[Listing], Iterable[str]]) -> dict[str, list[Listing]]:
    """Listings by each of their keys, in directory order (the filter and directory pages ask many times)."""
    out: dict[str, list[Listing]] = {}
    for item in listings:
        for key in dict.fromkeys(keys(item)):
            out.setdefault(key, []).append(item)
    return out


def _phone(service: Service, data: site_data.SiteData) -> tuple[phones.Phone | None, str | None]:
    if service.phone:
        return phones.parse_phone(service.phone), "Call"
    if service.contact and service.contact in data.contacts:
        contact = data.contacts[service.contact]
        if contact.phone_link:
            return contact.phone_link, "Call"
        return contact.sms_link, "Text"
    return None, None


def hours_text(service: Service) -> str | None:
    """Opening hours in words: "Monday to Friday, 9am to 5pm"."""
    parts: list[str] = []
    for hours in service.opening_hours:
        parts.append(f"{day_range(hours.days)}, {clock(hours.opens)} to {clock(hours.closes)}")
    return "; ".join(parts) or None


def clock(value: time) -> str:
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    if value.hour == 12 and value.minute == 0:
        return "midday"
    return f"{hour}{f'.{value.minute:02d}' if value.minute else ''}{suffix}"


def day_range(days: Sequence[str]) -> str:
    indexes = sorted(WEEKDAYS.index(day) for day in set(days))
    names = [WEEKDAYS[i].capitalize() for i in indexes]
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{names[0]} to {names[-1]}"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


SERVICE_FILES, ORGANISATION_FILES = data_files.SERVICES, data_files.ORGANISATIONS  # hand-made, then imported


@dataclass(frozen=True)
class Placed:
    """An item of a data file, with where it is written (for messages)."""
    item: Any  # a Service or an Organisation
    index: int
    source: Located


def load_list(data_dir: Path, names: tuple[str, ...], model: type[BaseModel], key: str, code: str,
              root: Path, stand_ins: bool = False) -> tuple[list[Placed], list[Problem]]:
    """The items of the first file and of the others when they exist, checked; an id used in two files is an error."""
    placed: list[Placed] = []
    problems: list[Problem] = []
    seen: dict[str, tuple[Located, int]] = {}
    for number, name in enumerate(names):
        if number and not (data_dir / name).exists():
            continue
        loaded, src, found = site_data.load_file(data_dir, name, model, root, stand_ins)
        problems += found
        if loaded is None or src is None:
            continue
        for index, item in enumerate(getattr(loaded, key)):
            first = seen.setdefault(item.id, (src, index))
            if first[0] is not src:
                problems.append(Problem(
                    code=code, file=src.file, line=src.line((key, index, "id")), field=f"{key}[{index}].id",
                    message=f'the id "{item.id}" is also used in {first[0].file} (line {first[0].line((key, first[1], "id"))}).',
                    fix="Give each its own id. If both are the same thing, keep one: the one in the hand-made file "
                        "is the council's own."))
            placed.append(Placed(item, index, src))
    return placed, problems


def load_directory(data_dir: Path, data: site_data.SiteData, root: Path | None = None,
                   today: date | None = None, stand_ins: bool = False) -> Directory:
    """Read services, organisations and categories; raise ProblemsFound with every problem at once (stand_ins:
    the preview's, site_data.load_file)."""
    root = root or data_dir.parent
    today = today or current_date()
    orgs, problems = load_list(data_dir, ORGANISATION_FILES, OrganisationsFile, "organisations",
                               "ORGANISATION_DUPLICATE_ID", root, stand_ins)
    cats, _, more = site_data.load_file(data_dir, data_files.CATEGORIES, CategoriesFile, root, stand_ins)
    problems += more
    services, more = load_list(data_dir, SERVICE_FILES, ServicesFile, "services", "SERVICE_DUPLICATE_ID", root, stand_ins)
    problems += more
    problems, warnings = split_warnings(problems)
    if problems or cats is None:
        raise ProblemsFound(problems)

    organisations: dict[str, Organisation] = {o.item.id: o.item for o in orgs}
    categories = {c.id: c for c in cats.categories}
    for placed in services:
        service, index, src = placed.item, placed.index, placed.source
        problems += _references(service, index, src, organisations, categories, data)
        if service.overdue(today):
            warnings.append(Problem(
                code="SERVICE_REVIEW_OVERDUE", file=src.file, line=src.line(("services", index, "review_by")),
                field=f"services[{index}].review_by", warning=True,
                message=f"{service.name} was due for review on {service.review_by}.",
                fix="Check the service's details against its source, fix what changed, then set last_reviewed "
                    "to today and review_by to the next review date."))
    if problems:
        raise ProblemsFound(problems)

    listings: list[Listing] = []
    for placed in services:
        service = placed.item
        phone, label = _phone(service, data)
        listings.append(Listing(
            service=service, uuid=str(service.uuid) if service.uuid else stable_uuid("service", service.id),
            organisation=organisations[service.organisation] if service.organisation else None,
            categories=tuple(categories[c] for c in service.categories),
            phone=phone, phone_label=label, hours_text=hours_text(service),
            file=placed.source.file, index=placed.index))
    return Directory(listings=tuple(listings), organisations=organisations, categories=categories,
                     problems=tuple(warnings))


def _references(service: Service, index: int, src: Located, organisations: dict[str, Organisation],
                categories: dict[str, Category], data: site_data.SiteData) -> list[Problem]:
    """Every id a service names must exist in the file that defines it."""
    def problem(path: FieldPath, code: str, message: str, fix: str) -> Problem:
        loc = ("services", index) + path
        return Problem(code=code, file=src.file, line=src.line(loc), field=field_name(loc),
                       message=message, fix=fix)

    found: list[Problem] = []
    if service.organisation and service.organisation not in organisations:
        found.append(problem(("organisation",), "ORGANISATION_UNKNOWN",
                             f'there is no organisation with the id "{service.organisation}".',
                             "Use an id from data/organisations.yaml, or add the organisation there first."))
    for i, category in enumerate(service.categories):
        if category not in categories:
            found.append(problem(("categories", i), "CATEGORY_UNKNOWN", f'"{category}" is not a category we know.',
                                 "Use one of: " + ", ".join(sorted(categories)) + " (from data/categories.yaml)."))
    for i, audience in enumerate(service.audience):
        if audience not in data.audiences:
            found.append(problem(("audience", i), "AUDIENCE_UNKNOWN", f'"{audience}" is not an audience we know.',
                                 "Use one of: " + ", ".join(sorted(data.audiences)) + " (from data/audiences.yaml)."))
    if service.contact and service.contact not in data.contacts:
        found.append(problem(("contact",), "CONTACT_UNKNOWN", f'there is no contact with the id "{service.contact}".',
                             "Use an id from data/contacts.yaml or data/site.yaml, or write the number under phone:."))
    return found
