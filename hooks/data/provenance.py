"""Where a fact came from, and the sentence that tells a carer exactly that.

Every contact and service records its source as one of four kinds: the provider's (or council's) own page, read
on their live website; a saved copy of their page (read in a stored copy, not on the live website: the sentence
says so, with the date the copy shows if it shows one); a secondary source (a leaflet, a news story, another
organisation's page); or unconfirmed. A source is old when it was more than SOURCE_OLD_AFTER old on the day
someone last checked it: the check is only as good as what was read. The provider's own words, live or in a
saved copy, that were not old count as confirmed; the sentence always says exactly which was read, and
`make freshness` lists every saved copy for someone to check on the live website.

Some sources a council would not cite (WEAK_SOURCES: encyclopaedias anyone can edit, readers' letters, forums).
Carers never see one named as the source of anything: the sentence says it is being checked instead.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal, Self
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from carers_hub.core.render import long_date
from carers_hub.data.fields import HttpsUrl, SafeText
from carers_hub.data.base import Strict

SourceKind = Literal["own", "saved_copy", "secondary", "unconfirmed"]
SOURCE_OLD_AFTER = timedelta(days=2 * 365)

OWN_WORDS = ("own", "saved_copy")  # the provider's own words: on their website, or in a saved copy of it
KIND_WORDS = {
    "own": "the provider's or council's own page",
    "saved_copy": "a saved copy of the provider's or council's page (not their live website)",
    "secondary": "a secondary source (someone else's page, a leaflet, a news story)",
    "unconfirmed": "unconfirmed (no source, or one nobody could confirm)",
}


# What a council would not cite, in one place: a source on one of these sites (or their subdomains), with one of
# these folders in its address, or whose title names one of these words, is weak. Matched on whole host names,
# path parts and words, so that "notwikipedia.org" or "a newsletter" are not caught.
WEAK_SOURCES = {
    "an encyclopaedia anyone can edit": {
        "hosts": ("wikipedia.org", "wikiwand.com", "wikia.org", "fandom.com"),
        "paths": (),
        "words": ("wikipedia", "encyclopaedia", "encyclopedia")},
    "a readers' letter or comment in a newspaper": {
        "hosts": (),
        "paths": ("letters", "your-say", "readers-letters", "letters-to-the-editor"),
        "words": ("letter", "letters")},
    "a forum or question-and-answer site": {
        "hosts": ("reddit.com", "quora.com", "mumsnet.com", "answers.com"),
        "paths": ("forum", "forums"),
        "words": ("forum", "forums")},
}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


class Source(Strict):
    """A source as an editor writes it in data:

        source:
          url: https://www.samaritans.org/how-we-can-help/contact-samaritan/
          kind: own
          title: an Age UK blog post      # for a secondary source: what it is, as it reads after "in"
          dated: 2020                     # the year (or day) the source itself shows, if it shows one;
                                          # for kind saved_copy: the date the saved copy shows, if any
          note: why it is used, what disagrees, what to confirm
    """

    url: HttpsUrl | None = None
    kind: SourceKind
    title: SafeText | None = None
    dated: date | int | None = Field(default=None)
    note: SafeText | None = None

    @model_validator(mode="after")
    def _says_where(self) -> Self:
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
    def weak(self) -> str | None:
        """What kind of source a council would not cite this is (WEAK_SOURCES), or None."""
        host = (urlsplit(self.url).hostname or "").rstrip(".") if self.url else ""  # lower case, no port or user
        parts = {part.lower() for part in urlsplit(self.url).path.split("/")} if self.url else set()
        words = _words(self.title or "")
        for what, rule in WEAK_SOURCES.items():
            if (any(host == h or host.endswith("." + h) for h in rule["hosts"])
                    or parts & set(rule["paths"]) or words & set(rule["words"])):
                return what
        return None

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
        return self.kind in OWN_WORDS and not self.is_old(checked) and not self.weak


def _shown(dated: date | int) -> str:
    return long_date(dated) if isinstance(dated, date) else str(dated)


def _link(url: str | None, text: str | None) -> Markup:
    return Markup('<a href="{}">{}</a>').format(url, text) if url else escape(text)


def sentence(source: Source, checked: date, what: str = "this number") -> Markup:
    """Exactly what was done, in one or two plain sentences, as HTML (data escaped).

    what: the thing the source backs, as it reads after "We checked" ("this number", "these details")."""
    what = escape(what)
    checking = Markup(" We are checking this is still right.")
    if source.weak:  # never shown to carers as where anything came from
        return Markup(f"We are checking {what}.")
    year = f" ({source.year})" if source.year else ""
    named = _link(source.url, source.title or source.site or "")
    if source.kind == "unconfirmed":
        if source.title or source.url:
            return Markup(f"We found {what} only in ") + named + Markup(f"{year}. We could not confirm it.") + checking
        return Markup(f"We could not find a source for {what}.") + checking
    if source.kind == "secondary":
        return Markup(f"We found {what} in ") + named + Markup(f"{year}, not on the provider's own website.") + checking
    if source.kind == "saved_copy":  # read in a stored copy: say so, and its date, never "we checked"
        copy = _link(source.url, source.site) if source.url else escape(source.title)
        dated = Markup(f" The copy is dated {_shown(source.dated)}.") if source.dated else Markup(
            " The copy shows no date.")
        return Markup(f"We read {what} on a saved copy of their website, ") + copy + Markup(
            f", on {long_date(checked)}.") + dated + (checking if source.is_old(checked) else Markup(""))
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
