"""No calendar in the tests; the calendar in a real build.

The suite takes "today" from CARERS_HUB_TODAY (tests/support/clock.py sets it), so it gives the same result
on any day: `make test` in CI runs it again as if today were 2027-06-01 and 2030-01-01. A real build, with
no CARERS_HUB_TODAY, reads the calendar, so content that is overdue still stops it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from conftest import ENV, ROOT, SUITE_TODAY, build

CALENDAR = re.compile(r"\b(?:date\.today|datetime\.now|datetime\.today|datetime\.utcnow)\(")
ONE_PLACE = ROOT / "hooks" / "core" / "today.py"


def test_only_one_place_reads_the_calendar():
    readers = [f"{path.relative_to(ROOT)}:{number}"
               for folder in ("hooks", "tests", "bench") for path in sorted((ROOT / folder).rglob("*.py"))
               if path != ONE_PLACE
               for number, line in enumerate(path.read_text().splitlines(), 1) if CALENDAR.search(line)]
    assert readers == [], f"Read today from hooks/core/today.py instead: {readers}"
    assert CALENDAR.search(ONE_PLACE.read_text())


def test_the_suite_today_is_set_for_every_build():
    assert ENV["CARERS_HUB_TODAY"] == SUITE_TODAY.isoformat()


# A datefudge around this whole suite (make test-calendar) must not change the date these builds get.
OUTER_CLOCK = ("LD_PRELOAD", "DATEFUDGE")


def without(env: dict, *names: str) -> dict:
    return {key: value for key, value in env.items() if key not in names}


@pytest.fixture
def datefudge():
    found = shutil.which("datefudge")
    assert found, "datefudge is missing: make test installs it (tests/support/system-packages)"
    return found


def build_on(day: str, datefudge: str, project, site, env: dict) -> subprocess.CompletedProcess:
    """A strict build as if run on `day` by the system clock."""
    return subprocess.run([datefudge, day, sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=project, capture_output=True, text=True, env=without(env, *OUTER_CLOCK), timeout=300)


def test_a_real_build_reads_the_calendar_and_stops_on_overdue_content(project, datefudge, tmp_path):
    """As if built on 1 January 2030 with no CARERS_HUB_TODAY: the crisis page is long overdue."""
    result = build_on("2030-01-01", datefudge, project, tmp_path / "site", without(ENV, "CARERS_HUB_TODAY"))
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    assert "CRISIS_PAGE_REVIEW_OVERDUE" in output or "CRISIS_CONTACT_NOT_CHECKED" in output, output[-2000:]
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_same_build_passes_when_today_is_set(project, datefudge, tmp_path):
    result = build_on("2030-01-01", datefudge, project, tmp_path / "site", ENV)
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]


def test_a_wrong_today_is_a_clear_error(project):
    result = build(project, env={**ENV, "CARERS_HUB_TODAY": "30/11/2026"})
    output = result.stdout + result.stderr
    assert result.returncode != 0 and 'CARERS_HUB_TODAY' in output and 'is "30/11/2026"' in output, output[-2000:]
    assert "year-month-day" in output
    assert "Traceback" not in output
