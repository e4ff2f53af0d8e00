"""The crisis pages the build guarantees, and the "Get help now" link on every page."""

from __future__ import annotations

import re

from carers_hub.data.models import Contact, CrisisPage
from carers_hub.core.problems import Problem

HELP_LINK = re.compile(r'<a class="ch-crisis-bar__link" href="([^"]+)">Get help now</a>')


def missing_pages(required: tuple[CrisisPage, ...], pages: set[str]) -> list[Problem]:
    return [
        Problem(code="CRISIS_PAGE_MISSING", file="data/site.yaml", line=None, field=f"crisis_pages[{i}].page",
                message=f'the crisis page "{crisis.page}" is missing from content/.',
                fix=f"Put content/{crisis.page} back (it is in the project's history), or, if it has moved, "
                    "change crisis_pages in data/site.yaml to its new path.")
        for i, crisis in enumerate(required) if crisis.page not in pages
    ]


def missing_contacts(crisis: CrisisPage, file: str, html: str, contacts: dict[str, Contact]) -> list[Problem]:
    """A crisis page must link every contact it is required to show, with the number from data."""
    problems = []
    for contact_id in crisis.contacts:
        contact = contacts[contact_id]
        links = [link.uri for link in (contact.phone_link, contact.sms_link) if link]
        if not any(f'href="{uri}"' in html or f'href="{uri.replace("&", "&amp;")}"' in html for uri in links):
            problems.append(Problem(
                code="CRISIS_CONTACT_MISSING", file=file, line=None, field="",
                message=f"this crisis page does not show {contact.name} ({contact_id}).",
                fix=f'Add {{{{ contact_card("{contact_id}") }}}} to the page, on a line of its own.'))
    return problems


def help_link_missing(output: str, file: str) -> list[Problem]:
    if HELP_LINK.search(output):
        return []
    return [Problem(
        code="GET_HELP_LINK_MISSING", file=file, line=None, field="",
        message='the built page has no "Get help now" link at the top.',
        fix="Every page must show the crisis bar. If a template in overrides/ changed the header, put "
            '{% include "partials/carers/crisis-bar.html" %} back in the header block of overrides/main.html.')]
