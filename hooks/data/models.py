"""Typed shapes of the site's data files. Data is checked once, here, at the edge."""

from __future__ import annotations

from datetime import date
from functools import cached_property

from markupsafe import Markup
from typing import Literal, Self

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from carers_hub.data import phones, provenance
from carers_hub.data.base import DataFile, Strict
from carers_hub.data.fields import (AssetPath, BranchName, Colour, ContentPath, Email, GitHubRepo, HttpsUrl, IconName,
                               PhoneNumber, SafeText, ScriptName, SectionPath, Slug, SmsNumber, TextphoneNumber)
from carers_hub.data.provenance import Source
from carers_hub.data.review import Reviewed
from carers_hub.data.accessibility import AccessibilityStatement

__all__ = ["DataFile", "Strict"]  # re-exported: other model modules import them from here


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
        share = c / 255
        return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


class Colours(Strict):
    """White text sits on both colours (the header and the Get help now bar), so both need 4.5:1."""

    primary: Colour
    accent: Colour

    @model_validator(mode="after")
    def _readable(self) -> Self:
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
    other_phone: PhoneNumber | None = None  # when the provider itself gives two numbers for the same line
    textphone: TextphoneNumber | None = None
    sms: SmsNumber | None = None
    sms_keyword: SafeText | None = None
    hours: SafeText | None = None
    cost: SafeText | None = None
    website: HttpsUrl | None = None
    crisis: bool = Field(False, description=(
        "Yes for a number carers call in an emergency or crisis. Carers dial it in the worst moment, so the site "
        "will not build unless it comes from the provider's own, current page and was checked in the last 6 "
        "months."))
    source: Source = Field(description="The page you took the number from, so anyone can check it again.")
    checked: date = Field(description="The day someone last read the source and compared the number with it.")

    @model_validator(mode="after")
    def _reachable(self) -> Self:
        if not (self.phone or self.sms):
            raise PydanticCustomError("CONTACT_NO_NUMBER", "has no phone or sms number")
        return self

    @cached_property
    def phone_link(self) -> phones.Phone | None:
        return phones.parse_phone(self.phone) if self.phone else None

    @cached_property
    def other_phone_link(self) -> phones.Phone | None:
        return phones.parse_phone(self.other_phone) if self.other_phone else None

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
    def confirmed(self) -> bool:
        return self.source.confirmed(self.checked)

    @property
    def provenance(self) -> Markup:
        return provenance.sentence(self.source, self.checked, "this number")


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


class ExitThisPage(Strict):
    """Where the "Exit this page" button goes: a busy, neutral website that gives nothing away."""

    url: HttpsUrl = "https://www.bbc.co.uk/weather"


class ReportProblem(Strict):
    """Where "Report a problem with this page" goes: a mailbox, or the council's own form (not both)."""

    email: Email | None = None
    form: HttpsUrl | None = None
    form_parameter: Slug = "page"  # the form's field that is given the page's address

    @model_validator(mode="after")
    def _one_way(self) -> Self:
        if self.email and self.form:
            raise PydanticCustomError("REPORT_PROBLEM_TWO_WAYS", "has both email and form")
        return self


class Editor(Strict):
    """The browser editor at /admin/ (docs/editors/edit-in-your-browser.md)."""

    repo: GitHubRepo | None = None  # the site's repository on GitHub: saves become pull requests there
    branch: BranchName = "main"  # the branch the site is published from
    edit_link: bool = False  # an "Edit this page" link on every page, for editors


class SiteFile(DataFile):
    """data/site.yaml"""

    site: SiteInfo
    council: Council
    get_help_now: GetHelpNow
    crisis_pages: list[CrisisPage]
    # The parts of the site about money, rights, health and the law: every page there lists its sources.
    sourced_sections: list[SectionPath] = []
    # The pages the site promises its readers (paths in content/): the build stops, and `make check` fails, if
    # one is missing. Left out: no pages beyond the crisis pages are promised.
    promised_pages: list[ContentPath] = []
    reading_level: ReadingLevels
    footer: Footer
    colours: Colours
    contacts: list[Contact] = []
    exit_this_page: ExitThisPage = ExitThisPage()
    report_problem: ReportProblem | None = None  # left out: pages have no "Report a problem" link
    editor: Editor = Editor()
    accessibility: AccessibilityStatement | None = None  # the statement's facts (hooks/data/accessibility.py)


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


class WordsToAvoidFile(DataFile):
    """data/words-to-avoid.yaml: words the reading report (make check) flags, each with the plainer words to use."""

    words: dict[SafeText, SafeText] = {}


class SearchOption(Strict):
    exclude: bool = False  # keep the page out of the site's search


class PageOptions(Strict):
    """What a page's front matter may set for the theme, besides PageMeta's fields, and nothing else: the theme's
    templates read front matter and print some of it as it is (coupling point 'front matter in templates'), and
    the macros plugin makes every key a variable of the page's template."""

    hide: list[Literal["navigation", "toc", "footer", "path"]] = []
    search: SearchOption = SearchOption()  # not None: the build and the theme read search.exclude from the raw block
    scripts: list[ScriptName] = []  # the site's own scripts the page needs, from overrides/assets/javascripts/
    minimal: bool = False  # the crisis page: nothing but its content, the header and Get help now
    compact: bool = False  # a short menu instead of the full one


class PageMeta(Reviewed):
    """The front matter every page in content/ must have."""

    # The theme's options (PageOptions) are kept as extra keys, checked on their own, out of the editor's form.
    model_config = ConfigDict(extra="allow", frozen=True)

    title: SafeText
    description: SafeText = Field(description="One plain sentence saying what the page helps with. Search results "
                                              "show it under the title.")
    owner: Email = Field(description="The team's email address: the review reminders go there.")
    last_reviewed: date = Field(description="The day someone last checked the whole page.")
    review_by: date = Field(description="When the page must be checked again, after the day it was reviewed.")
    audience: list[Slug]
    reading_level: ReadingOverride | None = None
    easy_read_of: ContentPath | None = None  # on an easy-read page: the full page it is the easy version of
    exit_this_page: bool = False  # an "Exit this page" button at the top, for pages about abuse or danger at home
    sources: list[provenance.FactSource] = []  # where the page's facts come from, shown at its end
