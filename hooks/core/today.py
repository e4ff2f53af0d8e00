""""Today", read from one place.

Review dates and crisis-contact checks compare against today's date. A real build must use the calendar,
so content that is overdue stops it; the tests set CARERS_HUB_TODAY so they give the same result on any day.
"""

from __future__ import annotations

import os
from datetime import date

class TodayInvalid(ValueError):
    pass


def today() -> date:
    """The date set in CARERS_HUB_TODAY (year-month-day), or the calendar's when it is not set."""
    value = os.environ.get("CARERS_HUB_TODAY", "").strip()
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise TodayInvalid(f'CARERS_HUB_TODAY is "{value}": write a date as year-month-day, like 2026-11-30, '
                           "or unset it to use today's date.") from None
