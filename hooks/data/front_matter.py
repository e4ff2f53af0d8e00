"""Check the front matter of every page in content/ before anything is built."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from carers_hub.core import yaml_source
from carers_hub.data.fields import direction_control_at
from carers_hub.data.models import PageMeta, PageOptions
from carers_hub.core.problems import Problem, ProblemsFound
from carers_hub.data.site_data import validate

EMPTY_ALT = re.compile(r"!\[\s*\]\(|<img(?![^>]*\balt=\"[^\"]+\")[^>]*>", re.IGNORECASE)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)


def read_front_matter(text: str, file: str) -> yaml_source.Located | None:
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    return yaml_source.parse(match.group(1) or "", file, line_offset=1, limit=yaml_source.FRONT_MATTER)


def check_page(text: str, file: str, audiences: set[str], today: date,
               crisis: bool = False) -> tuple[PageMeta | None, list[Problem]]:
    """Return the page's checked front matter and any problems. An overdue review is a warning, but an error
    on a crisis page: carers rely on it being right."""
    try:
        source = read_front_matter(text, file)
    except ProblemsFound as found:
        return None, found.problems
    if source is None or not isinstance(source.data, dict):
        return None, [Problem(
            code="PAGE_FRONT_MATTER_MISSING", file=file, line=1, field="",
            message="this page has no front matter (the block between two '---' lines at the very top).",
            fix="Start the page with a '---' line, then title, description, owner, last_reviewed, review_by and "
                "audience, one a line, then another '---' line. Copy the block from a page like it.",
        )]
    try:
        meta = validate(PageMeta, source)
        validate(PageOptions, dataclasses.replace(source, data=dict(meta.model_extra or {})))
    except ProblemsFound as found:
        return None, found.problems
    problems = [
        Problem(code="AUDIENCE_UNKNOWN", file=file, line=source.line(("audience", index)), field=f"audience[{index}]",
                message=f'"{name}" is not an audience we know.',
                fix="Use one of: " + ", ".join(sorted(audiences)) + " (the list is in data/audiences.yaml).")
        for index, name in enumerate(meta.audience) if name not in audiences
    ]
    problems += missing_alt_text(text, file) + direction_controls(text, file)
    if meta.overdue(today):
        problems.append(_overdue(meta, file, source.line(("review_by",)), crisis))
    return meta, problems


def missing_alt_text(text: str, file: str) -> list[Problem]:
    """Pictures need words for people who cannot see them. Markdown's ![](x.png) gives alt="", which
    accessibility checkers read as "decorative" and never flag, so the source is checked here."""
    return [
        Problem(code="IMAGE_ALT_MISSING", file=file, line=number, field="",
                message="this picture has no text saying what it shows.",
                fix="Write what the picture shows inside the square brackets: ![A carer and her mother](photo.jpg).")
        for number, line in enumerate(text.splitlines(), 1) if EMPTY_ALT.search(line)
    ]


def direction_controls(text: str, file: str) -> list[Problem]:
    """The page's words, and any front matter the model does not check (hide, search), hold no character that
    changes the direction of text: shown, the words would read differently from what is written and reviewed.
    (The fields the model checks refuse them by name, before this runs.)"""
    return [
        Problem(code="TEXT_DIRECTION_CONTROL", file=file, line=number, field="",
                message=f"this line has a hidden character that changes the direction of text, at column {column}.",
                fix=f"Remove the hidden character that changes text direction at column {column}: delete the "
                    "letters either side of it and type them again.")
        for number, line in enumerate(text.splitlines(), 1) if (column := direction_control_at(line))
    ]


def _overdue(meta: PageMeta, file: str, line: int | None, crisis: bool) -> Problem:
    if crisis:
        return Problem(
            code="CRISIS_PAGE_REVIEW_OVERDUE", file=file, line=line, field="review_by",
            message=f"this crisis page was due for review on {meta.review_by}. Carers rely on it being right.",
            fix="Check every number and sentence on the page today, then set last_reviewed to today and review_by "
                "to a date no more than 6 months ahead.")
    return Problem(
        code="PAGE_REVIEW_OVERDUE", file=file, line=line, field="review_by", warning=True,
        message=f"this page was due for review on {meta.review_by}.",
        fix="Check the page is still right, then set last_reviewed to today and review_by to a date in the future.")
