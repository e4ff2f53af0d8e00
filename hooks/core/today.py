""""Today", read from one place.

Review dates and crisis-contact checks compare against today's date. A real build must use the calendar,
so content that is overdue stops it; the tests set CARERS_HUB_TODAY so they give the same result on any day.
"""

from __future__ import annotations

import os
from datetime import date

class TodayInvalid(ValueError):
    pass


def today(setting: str | None = None) -> date:
    """The date set in CARERS_HUB_TODAY (year-month-day), else the plugin's `today` setting, else the
    calendar's."""
    value = os.environ.get("CARERS_HUB_TODAY", "").strip() or (setting or "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise TodayInvalid(f'The date to build as today (CARERS_HUB_TODAY, or today: under carers-hub in '
                           f'mkdocs.yml) is "{value}": write a date as year-month-day, like 2026-11-30, or remove '
                           "it to use today's date.") from None
