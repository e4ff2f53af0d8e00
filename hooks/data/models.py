"""Typed shapes of the site's data files. Data is checked once, here, at the edge."""

from __future__ import annotations

from datetime import date
from functools import cached_property
from typing import ClassVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from hooks.data import phones
from hooks.data.fields import (AssetPath, Colour, ContentPath, Email, HttpsUrl, IconName, PhoneNumber, SafeText, Slug,
                               SmsNumber, Source, TextphoneNumber)


class Strict(BaseModel):
    # Unknown fields are usually typos ("phnoe:"), so they are errors, not silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class DataFile(Strict):
    """A whole file in data/. UNIQUE lists (list, key, error code): no two items of the list share the key."""

    UNIQUE: ClassVar[tuple[tuple[str, str, str], ...]] = ()


class SiteInfo(Strict):
    name: SafeText
    description: SafeText
    url: HttpsUrl
    logo: AssetPath | None = None  # a picture in content/, e.g. assets/logo.svg, shown in the header


class Council(Strict):
    name: SafeText
    short_name: SafeText
    area: SafeText
    website: HttpsUrl
    address: SafeText | None = None
    address_source: Source | None = None
    address_checked: date | None = None


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on a background colour."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


class Colours(Strict):
    """White text sits on both colours (the header and the Get help now bar), so both need 4.5:1."""

    primary: Colour
    accent: Colour

    @model_validator(mode="after")
    def _readable(self):
        for name in ("primary", "accent"):
            ratio = contrast_with_white(getattr(self, name))
            if ratio < 4.5:
                raise PydanticCustomError(
                    "COLOUR_LOW_CONTRAST", "{name} colour {colour} is too light for white text ({ratio}:1, needs 4.5:1)",
                    {"name": name, "colour": getattr(self, name), "ratio": f"{ratio:.1f}"})
        return self


class Contact(Strict):
    id: Slug
    name: SafeText
    purpose: SafeText
    phone: PhoneNumber | None = None
    textphone: TextphoneNumber | None = None
    sms: SmsNumber | None = None
    sms_keyword: SafeText | None = None
    hours: SafeText | None = None
    cost: SafeText | None = None
    website: HttpsUrl | None = None
    crisis: bool = False
    source: Source
    checked: date
    confirm_with_council: bool = False
    confirm_with_source: HttpsUrl | None = None

    @model_validator(mode="after")
    def _reachable(self):
        if not (self.phone or self.sms):
            raise PydanticCustomError("CONTACT_NO_NUMBER", "has no phone or sms number")
        return self

    @cached_property
    def phone_link(self) -> phones.Phone | None:
        return phones.parse_phone(self.phone) if self.phone else None

    @cached_property
    def textphone_link(self) -> phones.Phone | None:
        return phones.parse_textphone(self.textphone) if self.textphone else None

    @cached_property
    def sms_link(self) -> phones.Phone | None:
        if not self.sms:
            return None
        link = phones.parse_sms(self.sms)
        uri = link.uri + (f"?body={self.sms_keyword}" if self.sms_keyword else "")
        return phones.Phone(display=link.display, uri=uri)

    @property
    def source_site(self) -> str | None:
        """The web site a number came from (www.example.org), when the source is a web address."""
        return urlsplit(self.source).netloc.removeprefix("www.") if self.source.startswith("https://") else None

    @property
    def needs_confirming(self) -> bool:
        return self.confirm_with_council or self.confirm_with_source is not None


class PageLink(Strict):
    title: SafeText
    page: ContentPath  # a page in content/, checked when the pages are known


class GetHelpNow(Strict):
    page: ContentPath
    top_contact: Slug
    printed_contacts: list[Slug]


class CrisisPage(Strict):
    page: ContentPath
    contacts: list[Slug]


class ReadingLimits(Strict):
    warn_grade: float
    max_grade: float
    max_sentence_words: int


class ReadingLevels(Strict):
    standard: ReadingLimits
    crisis: ReadingLimits
    easy_read: ReadingLimits


class ReadingOverride(Strict):
    """A page's own limits, in front matter, with the reason it needs them."""

    max_grade: float | None = None
    max_sentence_words: int | None = None
    reason: SafeText


class Footer(Strict):
    contacts: list[Slug]
    links: list[PageLink]


class SiteFile(DataFile):
    """data/site.yaml"""

    site: SiteInfo
    council: Council
    get_help_now: GetHelpNow
    crisis_pages: list[CrisisPage]
    reading_level: ReadingLevels
    footer: Footer
    colours: Colours
    contacts: list[Contact] = []


class ContactsFile(DataFile):
    """data/contacts.yaml"""

    contacts: list[Contact]


class Audience(Strict):
    id: Slug
    label: SafeText
    description: SafeText


class AudiencesFile(DataFile):
    """data/audiences.yaml"""

    UNIQUE = (("audiences", "id", "AUDIENCE_DUPLICATE_ID"),)

    audiences: list[Audience]


class GlossaryTerm(Strict):
    term: SafeText
    abbr: SafeText | None = None
    definition: SafeText
    link: ContentPath | None = None


class GlossaryFile(DataFile):
    """data/glossary.yaml"""

    UNIQUE = (("terms", "term", "GLOSSARY_DUPLICATE_TERM"),)

    terms: list[GlossaryTerm]


class Picture(Strict):
    name: Slug
    icon: IconName  # a Material Design icon bundled with the theme, e.g. material/phone
    alt: SafeText  # what the picture shows, for people who cannot see it


class PicturesFile(DataFile):
    """data/pictures.yaml"""

    UNIQUE = (("pictures", "name", "PICTURE_DUPLICATE_NAME"),)

    pictures: list[Picture]


class SynonymsFile(DataFile):
    """data/synonyms.yaml: words carers use for the same thing; search finds a page by any word of its group."""

    groups: list[list[SafeText]]


class PageMeta(BaseModel):
    """The front matter every page in content/ must have."""

    # Pages may carry other fields for the theme (hide, search...), so extra keys are allowed.
    model_config = ConfigDict(extra="allow", frozen=True)

    title: SafeText
    description: SafeText
    owner: Email
    last_reviewed: date
    review_by: date
    audience: list[Slug]
    reading_level: ReadingOverride | None = None
    easy_read_of: ContentPath | None = None  # on an easy-read page: the full page it is the easy version of

    @model_validator(mode="after")
    def _dates_in_order(self):
        if self.review_by <= self.last_reviewed:
            raise PydanticCustomError("REVIEW_BEFORE_REVIEWED", "review_by is on or before last_reviewed")
        return self
