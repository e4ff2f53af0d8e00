"""What falls due for review (pages, services, crisis contacts and facts, soonest first), and what to confirm.

    .venv/bin/python -m carers_hub.tools.freshness [--days 60]      (or: make freshness)

Prints a table a team can plan from. Exits with 1 if anything is already overdue, so the weekly
scheduled job fails (and tells someone) even when nobody has changed the site. Below the table it lists the
contacts and active services whose only source is a saved copy, secondary, unconfirmed, old or weak: carers
see a notice on those until someone finds the provider's own, current page.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

from carers_hub.data import facts
from carers_hub.data import front_matter as pages
from carers_hub.data import services
from carers_hub.data import review, site_data
from carers_hub.core.paths import ROOT
from carers_hub.core.today import today as current_date
from carers_hub.core.problems import Problem, ProblemsFound
from carers_hub.data.models import PageMeta



@dataclass(frozen=True)
class Due:
    due: date
    kind: str
    what: str
    where: str
    owner: str


def everything_due(root: Path, today: date) -> list[Due]:
    """Every review date in the site, read without the date checks that would stop a build."""
    data = site_data.load_site_data(root / "data", root=root, today=today, check_dates=False)
    directory = services.load_directory(root / "data", data, root=root, today=today)  # overdue: warnings only
    rows = [Due(meta.review_by, "page", meta.title, shown, meta.owner) for shown, meta, _ in _pages(root, data, today)
            if meta]
    for s in directory.listings:
        rows.append(Due(s.service.review_by, "service", s.service.name, s.file,
                        s.organisation.name if s.organisation else "(not given)"))
    for contact in data.contacts.values():
        if contact.crisis:
            due = site_data.crisis_check_due(contact)
            rows.append(Due(due, "crisis contact", contact.name, "data/contacts.yaml",
                            "check against " + (contact.source.url or contact.source.title or "its provider")))
    statement = data.site_file.accessibility
    if statement:
        rows.append(Due(statement.test_due, "accessibility statement", "Test the site again and review the statement",
                        "data/site.yaml", "whoever tests the site"))
    # A fact is due on its valid_until, and overdue (the build stops) the day after, as a review date is.
    rows += [Due(fact.valid_until, "fact", f"{fact.label}: {fact.shown}", facts.FILE,
                 "check against " + (fact.source.url or fact.source.title or "its source"))
             for fact in data.facts.values()]
    return sorted(rows, key=lambda r: (r.due, r.kind, r.what))


@dataclass(frozen=True)
class ToConfirm:
    kind: str
    what: str
    where: str
    source: str  # what we have now, in words


def everything_to_confirm(root: Path, today: date) -> list[ToConfirm]:
    """Contacts, active services and facts not backed by the provider's own, current page read on their live
    website (a saved copy of it is listed too)."""
    data = site_data.load_site_data(root / "data", root=root, today=today, check_dates=False)
    directory = services.load_directory(root / "data", data, root=root, today=today)
    rows = [ToConfirm("contact", c.name, _contact_file(data, c.id), _in_words(c.source, c.checked))
            for c in data.contacts.values() if _to_confirm(c.source, c.checked)]
    rows += [ToConfirm("service", s.service.name, s.file, _in_words(s.service.source, s.service.last_reviewed))
             for s in directory.listings if s.service.status == "active"
             and _to_confirm(s.service.source, s.service.last_reviewed)]
    rows += [ToConfirm("fact", f"{fact.label}: {fact.shown}", facts.FILE, _in_words(fact.source, fact.checked))
             for fact in data.facts.values() if _to_confirm(fact.source, fact.checked)]
    for shown, meta, _ in _pages(root, data, today):
        rows += [ToConfirm("page fact", f"{meta.title}: {fact.fact}", shown, _in_words(fact, fact.checked))
                 for fact in (meta.sources if meta else []) if _to_confirm(fact, fact.checked)]
    return rows


def overdue_problems(root: Path, today: date) -> list[Problem]:
    """What is overdue, as the build reports it (file, line, field and fix): for the pull request's report."""
    data = site_data.load_site_data(root / "data", root=root, today=today, check_dates=False)
    directory = services.load_directory(root / "data", data, root=root, today=today)
    problems = [p for p in directory.problems if p.code == "SERVICE_REVIEW_OVERDUE"]
    problems += [p for _, _, found in _pages(root, data, today) for p in found if p.code.endswith("_REVIEW_OVERDUE")]
    for contacts, name in ((data.site_file.contacts, "site.yaml"), (data.contacts_file.contacts, "contacts.yaml")):
        problems += [p for p in site_data.check_contacts_fresh(contacts, data.sources[name], today)
                     if p.code == "CRISIS_CONTACT_NOT_CHECKED"]
    problems += facts.expired(data.facts_file.facts, data.sources["facts.yaml"], today)
    return problems


def _pages(root: Path, data: site_data.SiteData, today: date) -> Iterator[tuple[str, PageMeta | None, list[Problem]]]:
    """Each page in content/: its path as editors see it, its checked front matter and its problems."""
    crisis = {c.page for c in data.crisis_pages}
    for path in sorted((root / "content").rglob("*.md")):
        shown = path.relative_to(root).as_posix()
        meta, found = pages.check_page(path.read_text(encoding="utf-8"), shown, set(data.audiences), today,
                                       crisis=path.relative_to(root / "content").as_posix() in crisis)
        yield shown, meta, found


def _contact_file(data, contact_id: str) -> str:
    return "data/site.yaml" if any(c.id == contact_id for c in data.site_file.contacts) else "data/contacts.yaml"


def _to_confirm(source, checked: date) -> bool:
    """Not confirmed, or confirmed only from a saved copy: someone still has to read the live page."""
    return not source.confirmed(checked) or source.kind == "saved_copy"


def _in_words(source, checked: date) -> str:
    where = source.url or source.title or "no source"
    if source.weak:
        return f"not one to cite ({source.weak}): {where}"
    if source.kind == "saved_copy":
        return f"saved copy ({f'dated {source.dated}' if source.dated else 'no date'}): {where}"
    if source.kind == "own":
        return f"old page ({source.year}): {where}"
    return f"{source.kind}: {where}"


def report(rows: list[Due], today: date, days: int) -> tuple[str, int]:
    horizon = today + timedelta(days=days)
    due = [r for r in rows if r.due <= horizon]
    overdue = sum(1 for r in due if review.overdue(r.due, today))
    lines = [f"Reviews due by {horizon} ({days} days from {today}): {len(due)}, of which {overdue} overdue.", ""]
    if due:
        lines.append(f"{'due':<10}  {'':<7}  {'kind':<14}  {'what':<44}  {'where':<36}  owner")
        for r in due:
            flag = "OVERDUE" if review.overdue(r.due, today) else ""
            lines.append(f"{r.due.isoformat():<10}  {flag:<7}  {r.kind:<14}  {r.what[:44]:<44}  {r.where[:36]:<36}  {r.owner}")
    else:
        lines.append("Nothing is due. The next review is on " + (rows[0].due.isoformat() if rows else "(none)") + ".")
    return "\n".join(lines), overdue


def confirm_report(rows: list[ToConfirm]) -> str:
    if not rows:
        return "Every contact and active service is backed by its provider's own, current page."
    lines = [f"To confirm: {len(rows)} contacts and services have only a saved copy, a secondary, unconfirmed, old "
             "or weak source. "
             "Carers see a notice on them. Find the provider's own page, then set source: kind: own.", ""]
    lines += [f"{r.kind:<9}  {r.what[:60]:<60}  {r.where[:40]:<40}  {r.source}" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="default: today (CARERS_HUB_TODAY or the calendar)")
    args = parser.parse_args(argv)
    args.today = args.today or current_date()
    try:
        rows = everything_due(ROOT, args.today)
    except ProblemsFound as found:
        print(found)
        return 2
    text, overdue = report(rows, args.today, args.days)
    print(text)
    print("\n" + confirm_report(everything_to_confirm(ROOT, args.today)))
    return 1 if overdue else 0


if __name__ == "__main__":
    sys.exit(main())
