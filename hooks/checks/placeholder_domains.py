"""Addresses at placeholder domains go live only on the example: a real council's site refuses them.

example.org, example.com and example.net (and any name under them) and the .test, .example, .invalid and .localhost
endings are reserved (RFC 2606, RFC 6761): mail sent there goes nowhere and links there lead nowhere. The shipped
example uses them on purpose while its own address (site.url in data/site.yaml) is one of them. Once site.url is
a real domain, any such address left in data/ or content/ stops the build: "Report a problem" and every review
reminder would be sent to nobody.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from carers_hub.core.problems import Problem

CODE = "PLACEHOLDER_DOMAIN"
_RESERVED = r"(?:example\.(?:org|com|net)|[a-z0-9-]+\.(?:test|example|invalid|localhost)|localhost)"
# A name ending in a reserved one, not part of a longer name (example.org.uk is a real domain).
ADDRESS = re.compile(rf"(?<![\w.-])(?:[\w.+-]+@)?(?:[a-z0-9-]+\.)*{_RESERVED}(?![\w-]|\.[a-z0-9])", re.IGNORECASE)
_KEY = re.compile(r"^\s*(?:-\s+)?([A-Za-z_]\w*):")


def reserved_host(host: str) -> bool:
    return bool(ADDRESS.fullmatch(host.lower().rstrip(".")))


def site_is_example(site_url: str) -> bool:
    """Is the site's own address a placeholder (the shipped example), so placeholders elsewhere are expected?"""
    return reserved_host(urlsplit(site_url).hostname or "")


def in_text(text: str, file: str) -> list[Problem]:
    """Each line of a YAML file or a page that holds an address at a placeholder domain, with the key it is under."""
    if not ADDRESS.search(text):
        return []
    problems, field, in_top_block = [], "", file.endswith(".yaml") or text.startswith("---")
    for number, line in enumerate(text.splitlines(), 1):
        if file.endswith(".md") and number > 1 and line.rstrip() == "---":
            in_top_block, field = False, ""
        key = _KEY.match(line) if in_top_block else None
        field = key.group(1) if key else field  # a value over several lines belongs to the key above it
        for found in ADDRESS.finditer(line):
            problems.append(_problem(file, number, field, found.group(0)))
    return problems


def project_problems(root: Path, site_url: str) -> list[Problem]:
    """Every placeholder address in data/ and content/, unless the site itself is the example."""
    if site_is_example(site_url):
        return []
    files = sorted((root / "data").rglob("*.yaml")) + sorted((root / "content").rglob("*.md"))
    return [p for path in files for p in in_text(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())]


def _problem(file: str, line: int, field: str, address: str) -> Problem:
    if "@" in address:
        fix = ("Put the council's real mailbox here (the team's own address, which someone reads), for example "
               "carers-team@" + "yourcouncil.gov.uk.")
    else:
        fix = "Put the real web address here, the one carers should reach, or take the link out."
    return Problem(code=CODE, file=file, line=line, field=field,
                   message=f'"{address}" is a placeholder address (a reserved name that reaches nobody), but this '
                           "site is published at a real address (site.url in data/site.yaml).", fix=fix)
