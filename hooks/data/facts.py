"""Facts carers act on (amounts, limits, ages, time limits), written once in data/facts.yaml, with their source
and the dates they hold for. Pages quote them with {{ fact("id") }}; nothing else says the number.

    facts:
      - id: carers_allowance_weekly
        label: Carer's Allowance, a week
        unit: pounds_per_week
        value: 86.45
        valid_from: 2026-04-06      # the day this value started (for a rule: the start of the year it was checked for)
        valid_until: 2027-04-05     # the last day we vouch for it: after it, make freshness lists it and builds stop
        source: {url: https://www.gov.uk/carers-allowance, kind: own}
        checked: 2026-12-03         # the day someone read the source and compared the value with it
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from markupsafe import Markup, escape
from pydantic import Field, TypeAdapter, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from carers_hub.core.problems import Problem
from carers_hub.core.yaml_source import Located
from carers_hub.data.base import DataFile, Strict
from carers_hub.data.fields import SafeText, Slug
from carers_hub.data import review
from carers_hub.data.provenance import FactSource, Source

FILE = "data/facts.yaml"
TEXT = TypeAdapter(SafeText)  # a value in words is checked as all text in data is
QUOTED = re.compile(r'\bfact\(\s*"([^"]*)"\s*\)')  # a page's {{ fact("id") }}: the page template check allows no other form
NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
MONEY = {"pounds": "", "pounds_per_week": " a week", "pounds_per_month": " a month", "pounds_per_year": " a year"}
COUNTS = {"hours_per_week": ("hour", " a week"), "weeks": ("week", ""), "months": ("month", ""), "days": ("day", "")}
Unit = Literal["pounds", "pounds_per_week", "pounds_per_month", "pounds_per_year", "hours_per_week", "weeks",
               "months", "days", "years", "percent", "text"]


def _in_pence(value: int | float) -> bool:
    """At most two places after the point (infinity has none to count: not an amount)."""
    exponent = Decimal(str(value)).as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -2


class Fact(Strict):
    id: Slug
    label: SafeText = Field(description="What the fact is, in a few plain words, e.g. Carer's Allowance earnings "
                                        "limit.")
    unit: Unit = Field(description="What the value counts: pounds_per_week, hours_per_week, years, ... or text.")
    value: float | int | str = Field(description="The number alone (86.45, 35, 16), or words when the unit is text.")
    valid_from: date = Field(description="The first day this value applies.")
    valid_until: date = Field(description="The last day we vouch for it (for a yearly rate, the end of the tax "
                                          "year). After it, the site will not publish until someone checks it.")
    source: Source = Field(description="Where the value was read, so anyone can check it again.")
    checked: date = Field(description="The day someone last read the source and compared the value with it.")

    @field_validator("value", mode="plain")  # the whole check: the unit says which of the three types fits
    @classmethod
    def _value_fits_unit(cls, value: Any, info: ValidationInfo) -> Any:
        unit = info.data.get("unit")
        if unit is None:  # the unit's own problem is reported
            return value
        if unit == "text":
            if not isinstance(value, str):
                raise PydanticCustomError("FACT_VALUE_INVALID", "should be words, as the unit is text")
            return TEXT.validate_python(value)
        if isinstance(value, str) and NUMBER.fullmatch(value.strip()):  # the editor's form writes numbers as text
            value = Decimal(value.strip())
            value = int(value) if value == value.to_integral() else float(value)
        number = isinstance(value, (int, float)) and not isinstance(value, bool)
        whole = number and float(value).is_integer()
        if not number or value < 0 or (unit not in MONEY and unit != "percent" and not whole) or (
                unit in MONEY and not _in_pence(value)):
            kind = "an amount in pounds and pence, like 86.45" if unit in MONEY else \
                "a number, like 25" if unit == "percent" else "a whole number, like 35"
            raise PydanticCustomError("FACT_VALUE_INVALID", 'is "{value}", which is not {kind} (unit {unit})',
                                      {"value": str(value), "kind": kind, "unit": unit})
        return int(value) if whole and unit not in MONEY else value

    @field_validator("valid_until")
    @classmethod
    def _after_start(cls, value: date, info: ValidationInfo) -> date:
        start = info.data.get("valid_from")
        if start is not None and value < start:
            raise PydanticCustomError("FACT_DATES_REVERSED", "is {until}, before valid_from ({start})",
                                      {"until": value.isoformat(), "start": start.isoformat()})
        return value

    @property
    def amount(self) -> Decimal | None:
        """The value as an exact number (None for text)."""
        return None if self.unit == "text" else Decimal(str(self.value))

    @property
    def shown(self) -> str:
        """The value as a carer reads it: "£86.45 a week", "£204 a week", "35 hours a week", "16", "25%"."""
        amount = Decimal(str(self.value))
        if self.unit in MONEY:
            pounds = f"£{amount:,.0f}" if amount == amount.to_integral() else f"£{amount:,.2f}"
            return pounds + MONEY[self.unit]
        if self.unit in COUNTS:
            word, per = COUNTS[self.unit]
            return f"{self.value} {word}{'' if self.value == 1 else 's'}{per}"
        if self.unit == "percent":
            return f"{amount.normalize():f}%"
        return str(self.value)

    def html(self) -> Markup:
        return Markup(escape(self.shown))


class FactsFile(DataFile):
    """data/facts.yaml"""

    UNIQUE = (("facts", "id", "FACT_DUPLICATE_ID"),)

    facts: list[Fact] = []


def expired(facts: list[Fact], source: Located, today: date) -> list[Problem]:
    """Facts past their valid_until: a warning, which a published (--strict) build stops on, as an overdue review."""
    return [Problem(
        code="FACT_EXPIRED", file=source.file, line=source.line(("facts", index, "valid_until")),
        field=f"facts[{index}].valid_until", warning=True,
        message=f'"{fact.label}" ({fact.shown}) was only vouched for until {fact.valid_until}.',
        fix="Read the source again (the amount may have changed in April). Write the current value, set valid_from "
            "and valid_until to the dates it holds for, source to the page you read and checked to today.")
        for index, fact in enumerate(facts) if review.overdue(fact.valid_until, today)]


def quoted_in(page_text: str, facts: dict[str, Fact]) -> list[Fact]:
    """The facts a page quotes, in the order it first quotes them (an unknown id is the macro's own problem)."""
    return [facts[i] for i in dict.fromkeys(QUOTED.findall(page_text)) if i in facts]


def as_page_source(fact: Fact) -> FactSource:
    """A quoted fact's source as a line of the page's "Where these facts come from": a page that quotes a fact
    says where it comes from without the editor copying its source into the page."""
    return FactSource(**fact.source.model_dump(), fact=f"the figure {fact.shown} ({fact.label})", checked=fact.checked)
