"""Where a fact came from, and the sentence that tells a carer exactly that.

Every contact and service records its source as one of three kinds: the provider's (or council's) own page,
a secondary source (a leaflet, a news story, another organisation's page), or unconfirmed. A source is old
when it was more than SOURCE_OLD_AFTER old on the day someone last checked it: the check is only as good as
what was read. Only a provider's own page that was not old counts as confirmed.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from hooks.core.render import long_date
from hooks.data.fields import HttpsUrl, SafeText
from hooks.data.base import Strict

SourceKind = Literal["own", "secondary", "unconfirmed"]
SOURCE_OLD_AFTER = timedelta(days=2 * 365)

KIND_WORDS = {
    "own": "the provider's or council's own page",
    "secondary": "a secondary source (someone else's page, a leaflet, a news story)",
    "unconfirmed": "unconfirmed (no source, or one nobody could confirm)",
}


class Source(Strict):
    """A source as an editor writes it in data:

        source:
          url: https://www.samaritans.org/how-we-can-help/contact-samaritan/
          kind: own
          title: an Age UK blog post      # for a secondary source: what it is, as it reads after "in"
          dated: 2020                     # the year (or day) the source itself shows, if it shows one
          note: why it is used, what disagrees, what to confirm
    """

    url: HttpsUrl | None = None
    kind: SourceKind
    title: SafeText | None = None
    dated: date | int | None = Field(default=None)
    note: SafeText | None = None

    @model_validator(mode="after")
    def _says_where(self):
        if isinstance(self.dated, int) and not 1900 <= self.dated <= 2100:
            raise PydanticCustomError("SOURCE_DATED_INVALID", "dated is {value}, which is not a year",
                                      {"value": self.dated})
        if self.kind != "unconfirmed" and not (self.url or self.title):
            raise PydanticCustomError("SOURCE_NOT_NAMED", "has no url or title, so nobody can check it again")
        if self.kind == "secondary" and not self.title:
            raise PydanticCustomError("SOURCE_TITLE_MISSING",
                                      "is a secondary source without a title saying what it is")
        return self

    @property
    def site(self) -> str | None:
        """The web site the source is on (samaritans.org), when it has an address."""
        return urlsplit(self.url).netloc.removeprefix("www.") if self.url else None

    @property
    def year(self) -> int | None:
        return self.dated.year if isinstance(self.dated, date) else self.dated

    def is_old(self, checked: date) -> bool:
        """Was the source more than SOURCE_OLD_AFTER old when it was checked? A year alone counts from its end."""
        if self.dated is None:
            return False
        shown = self.dated if isinstance(self.dated, date) else date(self.dated, 12, 31)
        return checked - shown > SOURCE_OLD_AFTER

    def confirmed(self, checked: date) -> bool:
        return self.kind == "own" and not self.is_old(checked)


def _link(url: str | None, text: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(url, text) if url else escape(text)


def sentence(source: Source, checked: date, what: str = "this number") -> Markup:
    """Exactly what was done, in one or two plain sentences, as HTML (data escaped).

    what: the thing the source backs, as it reads after "We checked" ("this number", "these details")."""
    what = escape(what)
    checking = Markup(" We are checking this is still right.")
    year = f" ({source.year})" if source.year else ""
    named = _link(source.url, source.title or source.site or "")
    if source.kind == "unconfirmed":
        if source.title or source.url:
            return Markup(f"We found {what} only in ") + named + Markup(f"{year}. We could not confirm it.") + checking
        return Markup(f"We could not find a source for {what}.") + checking
    if source.kind == "secondary":
        return Markup(f"We found {what} in ") + named + Markup(f"{year}, not on the provider's own website.") + checking
    if source.is_old(checked):
        shown = f"a {source.year} page" if source.year else "an old page"
        return Markup(f"We found {what} on {shown} of their own website, ") + \
            _link(source.url, source.site or source.title or "") + Markup(".") + checking
    if not source.url:  # something printed, like the council's own strategy
        return Markup(f"We checked {what} in ") + escape(source.title) + Markup(f", on {long_date(checked)}.")
    return Markup(f"We checked {what} on their own website, ") + _link(source.url, source.site) + \
        Markup(f", on {long_date(checked)}.")


class FactSource(Source):
    """A source for a fact on a page, listed in the page's front matter under `sources:`.

        sources:
          - fact: the notice you must give        # as it reads after "We checked"
            url: https://www.legislation.gov.uk/uksi/2024/251/regulation/7/made
            kind: own
            checked: 2026-11-30
    """

    fact: SafeText
    checked: date

    @property
    def sentence(self) -> Markup:
        return sentence(self, self.checked, self.fact)
