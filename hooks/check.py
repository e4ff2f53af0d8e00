"""`make check`: build the site as it will be published and run every check an editor cares about.

Prints one summary: what failed, in which file and line, and how to fix it. Exit 0 only if all passed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from hooks import freshness, links, pages, reading_report, site_data
from hooks.problems import ProblemsFound

ROOT = Path(__file__).resolve().parent.parent


def section(title: str) -> None:
    print(f"\n== {title} " + "=" * max(0, 70 - len(title)))


def build(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def main() -> int:
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        section("1. Build (as it will be published)")
        result = build(site)
        messages = "\n".join(line for line in (result.stdout + result.stderr).splitlines()
                             if "Material for MkDocs" not in line and line.strip() and not line.startswith("\x1b"))
        if result.returncode != 0:
            print(messages)
            print("\nFix the problems above first: the other checks need a site that builds.")
            return 1
        print("The site builds.")

        section("2. Reading level (worst first)")
        data = site_data.load_site_data(ROOT / "data", root=ROOT)
        metas = {p.relative_to(ROOT / "content").as_posix():
                 pages.check_page(p.read_text(encoding="utf-8"), "", set(data.audiences), date.today())[0]
                 for p in (ROOT / "content").rglob("*.md")}
        readings = reading_report.read_site(site, ROOT, data, metas)
        print(reading_report.format_report(readings))
        if any(r.verdict.problems for r in readings):
            failed.append("reading level")

        section("3. Links and anchors inside the site")
        checked = links.check_site(site)
        print(checked.stdout.strip().splitlines()[-2] if checked.stdout.strip() else checked.stderr[-2000:])
        if checked.returncode != 0:
            print(checked.stdout[-4000:])
            failed.append("links")

    section("4. Review dates (next 60 days)")
    try:
        text, overdue = freshness.report(freshness.everything_due(ROOT, date.today()), date.today(), 60)
        print(text)
        if overdue:
            failed.append("review dates")
    except ProblemsFound as found:
        print(found)
        failed.append("review dates")

    section("Summary")
    if failed:
        print("Not ready to publish. Fix: " + ", ".join(failed) + ".")
        return 1
    print("All checks passed. The site is ready to publish.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
