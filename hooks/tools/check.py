"""`make check`: build the site as it will be published and run every check an editor cares about.

    python -m hooks.tools.check                 build with MkDocs, then check the result
    python -m hooks.tools.check --site DIR      check a site some other way built (another engine, say)

Prints one summary: what failed, in which file and line, and how to fix it. Exit 0 only if all passed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from hooks.checks import built_site, links, service_text
from hooks.core import yaml_source
from hooks.core.paths import ROOT
from hooks.core.problems import ProblemsFound
from hooks.core.today import today
from hooks.data import front_matter, services, site_data
from hooks.tools import freshness, reading_report


def section(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 70 - len(title)))


def build(site: Path, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                          cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def check_site(site: Path, root: Path = ROOT) -> list[str]:
    """Every check of a built site; returns the names of those that failed."""
    failed = []
    day = today()
    data = site_data.load_site_data(root / "data", root=root, check_dates=False)
    directory = services.load_directory(root / "data", data, root=root, today=day)

    section("2. Promises on every page (the site as readers get it)")
    broken = built_site.check(site, data, directory)
    for problem in broken[:20]:
        print(problem)
    if len(broken) > 20:
        print(f"... and {len(broken) - 20} more.")
    if broken:
        failed.append("promises")
    else:
        print("Every page has Get help now and a security policy, loads nothing from elsewhere; crisis pages, "
              "services and search are all there.")

    section("3. Reading level (worst first)")
    metas = {p.relative_to(root / "content").as_posix():
             front_matter.check_page(p.read_text(encoding="utf-8"), "", set(data.audiences), day)[0]
             for p in (root / "content").rglob("*.md")}
    readings = reading_report.read_site(site, root, data, metas)
    print(reading_report.format_report(readings))
    located = {file: yaml_source.load(root / file, file) for file in {s.file for s in directory.listings}}
    descriptions = service_text.check(directory, data.reading_level.standard,
                                      lambda file, index, field: located[file].line(("services", index, field)))
    print("\n" + service_text.format_verdict(descriptions))
    if any(r.verdict.problems for r in readings) or descriptions.problems:
        failed.append("reading level")

    section("4. Links and anchors inside the site")
    checked = links.check_site(site)
    print(checked.stdout.strip().splitlines()[-2] if checked.stdout.strip() else checked.stderr[-2000:])
    if checked.returncode != 0:
        print(checked.stdout[-4000:])
        failed.append("links")

    section("5. Review dates (next 60 days)")
    try:
        text, overdue = freshness.report(freshness.everything_due(root, day), day, 60)
        print(text)
        if overdue:
            failed.append("review dates")
    except ProblemsFound as found:
        print(found)
        failed.append("review dates")
    return failed


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
                print("\n".join(line for line in (result.stdout + result.stderr).splitlines()
                                if "Material for MkDocs" not in line and line.strip() and not line.startswith("\x1b")))
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
