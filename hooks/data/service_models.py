"""Typed shapes of the service directory: data/services.yaml, organisations.yaml and categories.yaml.

Field names follow what a communications officer would call them; hooks/directory/open_data.py maps them to
Open Referral UK 3.0 field by field.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal, NamedTuple, Self
from uuid import UUID

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from carers_hub.data.fields import (ClockTime, Description, Email, HttpsUrl, PhoneNumber, Postcode, SafeText, ServiceId,
                                    Slug, WebUrl)
from carers_hub.data.base import DataFile, Strict
from carers_hub.core.described import About, Oruk
from carers_hub.data.provenance import Source
from carers_hub.data.review import Reviewed

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")



class Bounds(NamedTuple):
    """The lowest and highest a number may be: the model's limits, and the importer's (which drops what is out)."""
    low: float
    high: float

    def hold(self, value: float) -> bool:
        return self.low <= value <= self.high


UK_LATITUDE = Bounds(49.0, 61.0)  # the UK, roughly
UK_LONGITUDE = Bounds(-8.7, 2.0)
AGES = Bounds(0, 120)


class Organisation(Strict):
    id: Slug
    uuid: UUID | None = None  # an imported organisation keeps its id in the feed
    name: SafeText
    description: SafeText | None = None  # imported directories often give none; open data then repeats the name
    website: HttpsUrl | None = None


class Category(Strict):
    id: Slug
    label: SafeText
    esd_id: int | None = None
    esd_label: SafeText | None = None


class Location(Strict):
    name: SafeText
    address: SafeText | None = None  # the street address, without the town
    town: SafeText | None = None
    postcode: Postcode | None = None
    latitude: float | None = Field(default=None, ge=UK_LATITUDE.low, le=UK_LATITUDE.high)
    longitude: float | None = Field(default=None, ge=UK_LONGITUDE.low, le=UK_LONGITUDE.high)
    accessibility: SafeText | None = None


class OpeningHours(Strict):
    days: list[Weekday] = Field(min_length=1)
    opens: ClockTime
    closes: ClockTime

    @model_validator(mode="after")
    def _closes_after_opening(self) -> Self:
        if self.closes <= self.opens:
            raise PydanticCustomError("HOURS_CLOSE_BEFORE_OPEN", "closes at {closes}, before it opens at {opens}",
                                      {"closes": self.closes.strftime("%H:%M"), "opens": self.opens.strftime("%H:%M")})
        return self


SUMMARY_MAX = 300  # characters: a listing line, and a page's description for search engines


class Service(Strict, Reviewed):
    id: ServiceId
    uuid: UUID | None = None  # the record's id in an imported feed, or an old open-data id after renaming `id`
    name: SafeText
    status: Literal["active", "inactive", "defunct", "temporarily closed"] = "active"
    organisation: Slug | None = None  # None only when an imported feed does not say who runs it
    summary: SafeText | None = Field(None, description=(  # shown on listings instead of the description
        "The council's own short words: one or two sentences, 300 characters at most, shown in lists."))
    description: Description
    # Whose words the description is: the council's follow the site's reading rules; a provider's (an imported
    # directory's) are shown as theirs, labelled, and listed by `make check` for a summary (editors/services.md).
    description_by: Literal["council", "provider"] = "council"
    audience: list[Slug] = Field(min_length=1)
    categories: list[Slug] = Field(min_length=1)
    area: SafeText
    eligibility: SafeText | None = None
    minimum_age: int | None = Field(default=None, ge=AGES.low, le=AGES.high)
    maximum_age: int | None = Field(default=None, ge=AGES.low, le=AGES.high)
    how_to_access: Literal["self-referral", "referral", "either"]
    access_note: SafeText | None = None
    cost: SafeText | None = None
    contact: Slug | None = Field(None, description="A helpline or council team whose number is shown. Choose this "
                                                   "or write a phone number, not both.")
    phone: PhoneNumber | None = Field(None, description="Only a number printed on the source page.")
    email: Email | None = None
    website: WebUrl | None = None  # http:// kept: the page says it is not secure
    languages: list[SafeText] = []
    locations: list[Location] = []
    delivery: Annotated[list[Literal["in_person", "phone", "online", "home_visits"]] | None, About(
        label="How you can use it",
        hint="Ways carers can use the service: write only those the service's own words or page say.",
        example="[in_person, phone]",
        choices={"in_person": "In person", "phone": "By phone", "online": "Online", "home_visits": "Home visits"},
        search=True,
    ), Oruk(
        read=("attending_type", "schedules[].attending_type", "service_at_locations[].attending_type",
              "service_at_locations[].schedules[].attending_type"),
        # HSDS-UK 3.0 has no place for it on a service, only a schedule's free-text attending_type; the service's
        # own attending_type is ORUK v1's name, published as an extra property (3.0 allows them).
        write=("attending_type", "schedules[].attending_type"),
        values={"venue": "in_person", "in person": "in_person", "face to face": "in_person", "phone": "phone",
                "telephone": "phone", "by phone": "phone", "online": "online", "video": "online",
                "home visit": "home_visits", "home visits": "home_visits", "at home": "home_visits"},
    )] = None
    opening_hours: list[OpeningHours] = []
    hours_note: SafeText | None = None
    source: Source
    last_reviewed: date = Field(description="The day someone last read the source and compared these details.")
    review_by: date = Field(description="When the details must be checked again, after the day they were reviewed.")
    last_modified: datetime | None = None  # when the details last changed, if known (an imported feed says)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.contact and self.phone:
            raise PydanticCustomError("SERVICE_PHONE_AND_CONTACT", "has both phone and contact")
        if self.minimum_age is not None and self.maximum_age is not None and self.minimum_age > self.maximum_age:
            raise PydanticCustomError("SERVICE_AGES_REVERSED", "minimum_age ({low}) is over maximum_age ({high})",
                                      {"low": self.minimum_age, "high": self.maximum_age})
        if self.summary and len(self.summary) > SUMMARY_MAX:
            raise PydanticCustomError("SUMMARY_TOO_LONG", "summary has {count} characters; {limit} at most",
                                      {"count": len(self.summary), "limit": SUMMARY_MAX})
        return self

    @property
    def ages(self) -> str | None:
        """The age limits in words: "Ages 18 and over", "Ages 11 to 17", "Up to age 25"."""
        low, high = self.minimum_age, self.maximum_age
        if low is not None and high is not None:
            return f"Age {low}" if low == high else f"Ages {low} to {high}"
        if low is not None:
            return f"Ages {low} and over" if low else None
        return f"Up to age {high}" if high is not None else None


class OrganisationsFile(DataFile):
    UNIQUE = (("organisations", "id", "ORGANISATION_DUPLICATE_ID"),)
    organisations: list[Organisation]


class CategoriesFile(DataFile):
    UNIQUE = (("categories", "id", "CATEGORY_DUPLICATE_ID"),)
    categories: list[Category]


class ServicesFile(DataFile):
    UNIQUE = (("services", "id", "SERVICE_DUPLICATE_ID"),)
    services: list[Service]
