"""Review dates: one rule for everything that must be checked again (pages, services, crisis contacts, facts).

A review is due on its date and overdue the day after (on the day itself it is still in time); review_by comes
after last_reviewed; and "six months" is one length of time everywhere.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Self

from pydantic import BaseModel, model_validator
from pydantic_core import PydanticCustomError

SIX_MONTHS = timedelta(days=183)  # half a leap year: a date this far on is never short of six calendar months


def overdue(due: date, today: date) -> bool:
    """Whether something due for review (or a check) on `due` is overdue on `today`."""
    return due < today


class Reviewed(BaseModel):
    """A model with last_reviewed and review_by: the two in order, and whether it is overdue.

    It declares no fields: each model keeps its own two (their place in the editor's form and their help), and
    this check runs after the model's fields and before the model's own after-validators (coupling point
    "validators with mixins")."""

    if TYPE_CHECKING:
        last_reviewed: date
        review_by: date

    @model_validator(mode="after")
    def _review_after_last_reviewed(self) -> Self:
        if self.review_by <= self.last_reviewed:
            raise PydanticCustomError("REVIEW_BEFORE_REVIEWED", "review_by is on or before last_reviewed",
                                      {"field": "review_by"})
        return self

    def overdue(self, today: date) -> bool:
        return overdue(self.review_by, today)
