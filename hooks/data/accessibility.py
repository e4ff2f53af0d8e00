"""The accessibility statement's facts, as data/site.yaml's `accessibility:` gives them.

The 2018 Accessibility Regulations' model statement asks for what does not meet WCAG 2.2 AA and why, how to
ask for another format and how soon we reply, how to complain, and when the site was last tested. The page
about/accessibility.md shows them with `{{ accessibility_statement() }}`, so the statement and the known
problems are written once, here, and the statement falls due for review in `make freshness` a year after the
last test (the Regulations ask for a review at least once a year).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal, Self

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from carers_hub.data.base import Strict
from carers_hub.data.fields import SafeText, WcagCriterion

TEST_EVERY = timedelta(days=365)

STATUS_WORDS = {
    "full": "fully meets",
    "partial": "partly meets",
    "not": "does not meet",
}


class KnownProblem(Strict):
    """Part of the site that does not meet the standard, and what a reader can do until it is fixed."""

    what: SafeText  # in plain words, as a reader meets it
    criterion: WcagCriterion  # the success criterion it fails, e.g. 2.1.1 Keyboard
    instead: SafeText  # what to do meanwhile
    fix_by: SafeText | None = None  # when we plan to fix it, e.g. "June 2027"


class AccessibilityStatement(Strict):
    status: Literal["full", "partial", "not"]
    prepared: date  # when the statement was first written
    last_tested: date  # when the site was last tested, by whom and how: tested_how
    tested_how: SafeText
    reply_within_working_days: int = Field(ge=1, le=20)
    known_problems: list[KnownProblem] = []

    @model_validator(mode="after")
    def _status_fits_problems(self) -> Self:
        if self.status == "full" and self.known_problems:
            raise PydanticCustomError("ACCESSIBILITY_STATUS_CONTRADICTS",
                                      'says status: full, but lists {count} known problem(s)',
                                      {"count": len(self.known_problems)})
        if self.last_tested < self.prepared:
            raise PydanticCustomError("ACCESSIBILITY_TESTED_BEFORE_PREPARED",
                                      "has last_tested before prepared")
        return self

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]

    @property
    def test_due(self) -> date:
        return self.last_tested + TEST_EVERY
