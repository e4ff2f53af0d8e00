"""A page a test writes into a copy of the site under test, to break on purpose: every site can have one, whatever
its own pages say. Its owner and audience are the crisis page's (every site has one), its dates the suite's."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import yaml


def write_page(project: Path, path: str, body: str, today: date) -> Path:
    """content/<path> with valid front matter, the title "A page written by a test" and then `body`."""
    site = yaml.safe_load((project / "data" / "site.yaml").read_text())
    crisis = (project / "content" / site["get_help_now"]["page"]).read_text().split("---")[1]
    meta = yaml.safe_load(crisis)
    front = {"title": "A page written by a test", "description": "A page the tests break on purpose.",
             "owner": meta["owner"], "last_reviewed": today, "review_by": today + timedelta(days=90),
             "audience": meta["audience"]}
    page = project / "content" / path
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n# A page written by a test\n\n{body}\n")
    return page
