"""Render data as HTML with the same templates the theme uses, always escaped.

Macros and theme templates share `overrides/partials/carers/`, so a contact looks
the same in a page, in the footer and on paper.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from carers_hub.core.paths import THEME
from carers_hub.data.described import field_label, field_words



def long_date(value: date) -> str:
    """23 November 2026, the GOV.UK way."""
    return f"{value.day} {value:%B %Y}"


def timestamp(moment: datetime) -> str:
    """A moment as Open Referral UK writes it, in UTC with milliseconds: 2023-03-15T10:30:45.123Z."""
    moment = moment.astimezone(timezone.utc) if moment.tzinfo else moment
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@lru_cache(maxsize=4)
def environment(overrides: Path = THEME) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(overrides)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = long_date
    env.filters["field_label"] = field_label  # a described field's label and words (hooks/data/described.py)
    env.filters["field_words"] = field_words
    return env


def render(template: str, **context: object) -> Markup:
    html = environment().get_template(f"partials/carers/{template}").render(**context)
    # Markdown ends a raw HTML block at a blank line, so keep the block in one piece.
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))
