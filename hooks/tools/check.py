"""`make check`: build the site as it will be published and run every check an editor cares about.

    python -m carers_hub.tools.check                 build with MkDocs, then check the result
    python -m carers_hub.tools.check --site DIR      check a site some other way built (another engine, say)

Prints one summary: what failed, in which file and line, and how to fix it. Exit 0 only if all passed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from carers_hub.checks import built_site, links, oruk_validator, service_text
from carers_hub.core import yaml_source
from carers_hub.core.paths import ROOT
from carers_hub.core.problems import Problem, ProblemsFound, exits_on_problems
from carers_hub.core.today import today
from carers_hub.data import front_matter, services, site_data
from carers_hub.tools import freshness, reading_report


@dataclass(frozen=True)
class Section:
    """One check of the built site: what `make check` prints, and its problems as data (for pr_report.py)."""

    title: str
    name: str  # in the summary's "Fix: ..." when it fails
    text: str
    problems: list[Problem]
    failed: bool


def section(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 70 - len(title)))


def build(site: Path, root: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    # Not --quiet: it silences warnings before --strict can count them, and the build would pass with them.
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


def build_output(result: subprocess.CompletedProcess) -> str:
    """What a failed build said, without the theme's notices."""
    return "\n".join(line for line in (result.stdout + result.stderr).splitlines()
                     if "Material for MkDocs" not in line and line.strip() and not line.startswith(("\x1b", "INFO")))


def site_sections(site: Path, root: Path = ROOT) -> Iterator[Section]:
    """Every check of a built site, each as it finishes, in the order `make check` prints them."""
    day = today()
    data = site_data.load_site_data(root / "data", root=root, check_dates=False)
    directory = services.load_directory(root / "data", data, root=root, today=day)
    yield _promises(site, data, directory)
    yield _reading(site, root, data, directory, day)
    yield _links(site, root)
    yield _review_dates(root, day)
    yield _open_data(site)


def _promises(site, data, directory) -> Section:
    broken = built_site.check(site, data, directory)
    text = "\n".join(str(problem) for problem in broken[:20])
    if len(broken) > 20:
        text += f"\n... and {len(broken) - 20} more."
    return Section("2. Promises on every page (the site as readers get it)", "promises", text or (
        "Every page has Get help now and a security policy, loads nothing from elsewhere; crisis pages, "
        "services and search are all there."), broken, bool(broken))


def _reading(site, root, data, directory, day) -> Section:
    metas = {p.relative_to(root / "content").as_posix():
             front_matter.check_page(p.read_text(encoding="utf-8"), "", set(data.audiences), day)[0]
             for p in (root / "content").rglob("*.md")}
    readings = reading_report.read_site(site, root, data, metas)
    located = {file: yaml_source.load(root / file, file) for file in {s.file for s in directory.listings}}
    descriptions = service_text.check(directory, data.reading_level.standard,
                                      lambda file, index, field: located[file].line(("services", index, field)))
    problems = [p for r in readings for p in r.verdict.problems] + descriptions.problems
    text = reading_report.format_report(readings) + "\n\n" + service_text.format_verdict(descriptions)
    return Section("3. Reading level (worst first)", "reading level", text, problems, bool(problems))


def _links(site, root) -> Section:
    checked = links.check_site(site)
    text = checked.stdout.strip().splitlines()[-2] if checked.stdout.strip() else checked.stderr[-2000:]
    problems = links.problems_from_linkchecker(checked.stdout, root / "content") if checked.returncode else []
    if checked.returncode != 0:
        text += "\n" + checked.stdout[-4000:]
    return Section("4. Links and anchors inside the site", "links", text, problems, checked.returncode != 0)


def _review_dates(root, day) -> Section:
    title = "5. Review dates (next 60 days)"
    try:
        text, overdue = freshness.report(freshness.everything_due(root, day), day, 60)
        late = freshness.overdue_problems(root, day) if overdue else []
    except ProblemsFound as found:
        return Section(title, "review dates", str(found), found.problems, True)
    return Section(title, "review dates", text, late, bool(overdue))


def _open_data(site) -> Section:
    title = "6. Open data (the Open Referral UK validator's steps)"
    if not (oruk_validator.ORUK / "openapi.json").is_file():
        return Section(title, "open data", f"Skipped: the ORUK 3.0 schemas are not in this copy "
                                           f"({oruk_validator.ORUK}).", [], False)
    with links.serve(site) as address:
        run = oruk_validator.validate(address + "/oruk")
    broken = oruk_validator.errors(run)
    problems = [Problem("ORUK_INVALID", f"the open data at {finding.url.removeprefix(address)}", None, "",
                        finding.message, "Run `make check` again after fixing the service's details; if the "
                        "problem stays, tell the site's developers: the open data export needs a fix.")
                for finding in broken]
    text = "\n".join(str(problem) for problem in problems[:20]) or (
        f"Levels 1 and 2 pass: {len(run.asked)} addresses read, every answer valid Open Referral UK 3.0.")
    return Section(title, "open data", text, problems, bool(broken))


def check_site(site: Path, root: Path = ROOT) -> list[str]:
    """Every check of a built site, printed; returns the names of those that failed."""
    failed = []
    for checked in site_sections(site, root):
        section(checked.title)
        print(checked.text)
        if checked.failed:
            failed.append(checked.name)
    return failed


@exits_on_problems
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site folder already built; skip the build")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        section("1. Build (as it will be published)")
        if site is None:
            site = Path(tmp) / "site"
            result = build(site)
            if result.returncode != 0:
                print(build_output(result))
                print("\nFix the problems above first: the other checks need a site that builds.")
                return 1
            print("The site builds.")
        else:
            print(f"Checking {site}, built elsewhere.")
        failed = check_site(site)

    section("Summary")
    if failed:
        print("Not ready to publish. Fix: " + ", ".join(failed) + ".")
        return 1
    print("All checks passed. The site is ready to publish.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
