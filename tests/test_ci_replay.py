"""The publishing workflow replayed here before GitHub runs it (hooks/ci, make ci-replay): each job's steps in a
fresh clone with no .venv and no node_modules, in GitHub's environment, failing where the job would fail.

The replay's own rules are tested on small workflows (fast); the real `report` job is replayed on pull requests
(slow: marked whole_site), which shows it failing as it did on 1db7168 and passing now.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import ROOT, edit, line_of
from carers_hub.ci import replay, standins, workspace
from carers_hub.ci.expressions import Evaluator, ExpressionError, condition
from carers_hub.tools import changes, ci_replay, pr_report

FLOW = replay.load(ci_replay.WORKFLOW)
PUSH = replay.Event("push", "a" * 40, "b" * 40)
PULL = replay.Event("pull_request", "c" * 40, "d" * 40, number=7)
PAGE = "content/support/carers-assessment.md"
LONG = ("You can ask for an assessment at any time and the council will arrange a meeting with you at a place "
        "and a time that suits you and the person you look after best, and write down what you need.")


def replay_steps(tmp_path: Path, steps: list, event: replay.Event = PUSH, job: dict | None = None):
    flow = {"jobs": {"job": {"runs-on": "ubuntu-latest", **(job or {}), "steps": steps}}}
    (tmp_path / "ws").mkdir(exist_ok=True)
    return replay.run_job(flow, "job", event, tmp_path / "ws", tmp_path / "out")


def test_steps_run_in_order_with_bash_e_in_githubs_environment(tmp_path):
    result = replay_steps(tmp_path, [
        {"name": "env", "env": {"HEAD": "${{ github.event.pull_request.head.sha }}"},
         "run": 'echo "$CI $GITHUB_ACTIONS $GITHUB_EVENT_NAME $GITHUB_REF $GITHUB_SHA $HEAD $PWD"\n'
                'echo "said=hello" >> "$GITHUB_OUTPUT"\necho "## summary" >> "$GITHUB_STEP_SUMMARY"', "id": "first"},
        {"name": "uses the output", "run": "echo got ${{ steps.first.outputs.said }}"},
        {"name": "stops at the first failing command", "run": "false\necho not reached"},
        {"name": "skipped after a failure", "run": "echo no"},
        {"name": "always runs", "if": "always()", "run": "echo yes"},
        {"name": "only on failure", "if": "failure()", "run": "exit 3", "continue-on-error": True},
    ], PULL)
    env, uses, failing, skipped, always, allowed = result.steps
    assert env.log.split() == ["true", "true", "pull_request", "refs/pull/7/merge", "c" * 40, "c" * 40,
                               str(tmp_path / "ws")]
    assert uses.log.strip() == "got hello" and (tmp_path / "out" / "step-summary.md").read_text() == "## summary\n"
    assert (failing.outcome, failing.exit_code, failing.log) == ("failure", 1, "")
    assert skipped.outcome == "skipped" and always.outcome == "success"
    assert (allowed.outcome, allowed.exit_code, allowed.allowed) == ("failure", 3, True)
    assert result.failed
    assert "| job | stops at the first failing command |" in replay.table([result])
    assert "| **Total** |" in replay.table([result]) and "| failed |" in replay.table([result])


def test_a_failure_allowed_by_continue_on_error_does_not_fail_the_job(tmp_path):
    result = replay_steps(tmp_path, [{"run": "exit 1", "continue-on-error": True}, {"run": "echo after"}])
    assert [s.outcome for s in result.steps] == ["failure", "success"] and not result.failed


def test_the_workflows_conditions_pick_the_jobs_github_would_run():
    def runs(job: str, event: replay.Event) -> bool:
        evaluator = Evaluator({"github": event.github(ROOT)}, failed=False, workspace=ROOT)
        return condition(FLOW["jobs"][job].get("if"), evaluator)

    assert runs("report", PULL) and not runs("report", PUSH)
    assert runs("publish", PUSH) and not runs("publish", PULL)
    assert not runs("publish", replay.Event("push", "a" * 40, "b" * 40, ref="refs/heads/other"))
    assert runs("test-and-build", PUSH) and runs("test-and-build", PULL)


def test_an_expression_the_replay_cannot_read_is_refused_not_guessed():
    evaluator = Evaluator({"github": PUSH.github(ROOT)}, failed=False)
    with pytest.raises(ExpressionError):
        condition("contains(github.ref, 'main')", evaluator)
    with pytest.raises(ExpressionError):
        condition("github.ref === 'x'", evaluator)


def test_a_uses_step_without_a_stand_in_fails_the_job(tmp_path):
    result = replay_steps(tmp_path, [{"uses": "someone/else@v1"}])
    assert result.failed and "no stand-in for someone/else@v1" in result.steps[0].log


def test_a_job_needing_a_failed_job_is_skipped(tmp_path):
    flow = {"jobs": {"build": {"steps": [{"run": "exit 1"}]}, "publish": {"needs": "build", "steps": [{"run": "true"}]}}}
    (tmp_path / "ws").mkdir()
    build, publish = replay.run_jobs(flow, ["build", "publish"], PUSH, tmp_path / "ws", tmp_path / "out")
    assert build.failed and publish.skipped


def test_a_seeded_venv_must_hold_every_pinned_version(tmp_path):
    lock = tmp_path / "test.txt"
    lock.write_text("pyyaml==6.0.3 \\\n    --hash=sha256:00\nnot-a-real-package==1.0\n")
    assert workspace.missing_pins(ROOT / ".venv", lock) == ["not-a-real-package==1.0"]


def comment_step(tmp_path: Path, comments: list[dict], report: str | None) -> dict:
    """The workflow's own comment script, run by the stand-in on a pull request holding `comments`."""
    (tmp_path / "ws").mkdir(parents=True)
    (tmp_path / "out").mkdir()
    if report is not None:
        (tmp_path / "ws" / "checks-report.md").write_text(report)
    (tmp_path / "out" / "comments.json").write_text(json.dumps({"next_id": 10, "comments": comments, "calls": []}))
    script = step_named("report", "Put the report")["with"]["script"]
    call = standins.Call({"script": script}, tmp_path / "ws", tmp_path / "out", PULL.github(tmp_path), dict(os.environ),
                         tmp_path / "out" / "outputs")
    code, log = standins.run(step_named("report", "Put the report")["uses"], call)
    assert code == 0, log
    return json.loads((tmp_path / "out" / "comments.json").read_text())


def step_named(job: str, name: str) -> dict:
    return next(s for s in FLOW["jobs"][job]["steps"] if s.get("name", "").startswith(name))


def test_the_comment_step_updates_its_own_comment_and_no_one_elses(tmp_path):
    mark = pr_report.MARK
    person = {"id": 1, "issue_number": 7, "body": f"{mark}\nI pasted the report", "user": {"type": "User"}}
    other_bot = {"id": 2, "issue_number": 7, "body": "<!-- another bot -->\nhello", "user": {"type": "Bot"}}
    ours = {"id": 3, "issue_number": 7, "body": f"{mark}\nold report", "user": {"type": "Bot"}}
    elsewhere = {"id": 4, "issue_number": 8, "body": f"{mark}\nanother pull request", "user": {"type": "Bot"}}

    added = comment_step(tmp_path / "a", [person, other_bot, elsewhere], f"{mark}\nnew report")
    assert [c["call"] for c in added["calls"]] == ["listComments", "createComment"]
    assert added["comments"][:3] == [person, other_bot, elsewhere] and added["comments"][3]["body"] == f"{mark}\nnew report"

    updated = comment_step(tmp_path / "b", [person, ours, elsewhere], f"{mark}\nnew report")
    assert updated["calls"][-1] == {"call": "updateComment", "comment_id": 3}
    assert [c["body"] for c in updated["comments"]] == [person["body"], f"{mark}\nnew report", elsewhere["body"]]

    assert comment_step(tmp_path / "c", [ours], None)["calls"] == []  # no report written: nothing said


# Which steps a push runs: the real workflow and its real "What changed" step, the slow steps stood in for.

STUBBED = {"bash .ci/run": "echo suite >> ran", "make build-packages": "echo packages >> ran",
           "make site": "echo site >> ran && mkdir -p site && echo '<h1>Hi</h1>' > site/index.html",
           "make check-site": "echo check >> ran"}


@pytest.fixture(scope="module")
def routing_clone(tmp_path_factory):
    target = tmp_path_factory.mktemp("routing") / "workspace"
    workspace.clone(ROOT, target)
    return target, workspace.git("rev-parse", "HEAD", cwd=target)


def steps_run(routing_clone, tmp_path, change: dict[str, str | None], event: str = "push") -> list[str]:
    """Commit `change` (path: new text, or None to delete) on the clone's first commit, replay test-and-build
    and publish for `event`, and list the slow steps that ran."""
    target, base = routing_clone
    workspace.git("reset", "--quiet", "--hard", base, cwd=target)
    workspace.git("clean", "-fdxq", cwd=target)
    for path, text in change.items():
        if text is None:
            (target / path).unlink()
        else:
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            (target / path).write_text(text)
    head = workspace.commit(target, "A change")
    flow = json.loads(json.dumps(FLOW))
    for one in flow["jobs"]["test-and-build"]["steps"]:
        one["run"] = STUBBED.get(one.get("run"), one.get("run"))
        if one["run"] is None:
            del one["run"]
    built, published = replay.run_jobs(flow, ["test-and-build", "publish"], replay.Event(event, head, base),
                                       target, tmp_path / "out")
    assert not built.failed, built.log()
    assert published.skipped == (event != "push")
    return (target / "ran").read_text().split()


def test_a_change_to_content_or_data_only_is_built_checked_and_published_without_the_suite(routing_clone, tmp_path):
    page = (ROOT / PAGE).read_text()
    assert steps_run(routing_clone, tmp_path / "1", {PAGE: page + "\nA new line.\n"}) == ["packages", "site", "check"]
    assert (tmp_path / "1" / "out" / "pages-artifact.txt").read_text() == "index.html\n"
    assert json.loads((tmp_path / "1" / "out" / "deploy.json").read_text())["files"] == 1
    assert steps_run(routing_clone, tmp_path / "2", {"data/new.yaml": "a: 1\n", PAGE: None}) == [
        "packages", "site", "check"]
    assert steps_run(routing_clone, tmp_path / "3", {PAGE: page + "x"}, event="pull_request") == [
        "packages", "site", "check"]


@pytest.mark.parametrize("change", [
    {"hooks/macros.py": "x = 1\n"},  # code
    {"overrides/main.html": "{% extends 'base.html' %}\n"},  # templates
    {"content/index.md": "# Hi\n", "Makefile": "all:\n"},  # content and code together
    {"requirements/site.txt": "\n"}, {".github/workflows/publish.yml": "on: push\n"}, {"tests/test_x.py": "\n"},
    {"contents.md": "# not in content/\n"},
], ids=["code", "templates", "content-and-code", "requirements", "workflow", "tests", "lookalike"])
def test_any_other_change_runs_the_whole_suite_first(routing_clone, tmp_path, change):
    assert steps_run(routing_clone, tmp_path, change) == ["suite", "packages", "site", "check"]


def test_moving_code_into_content_counts_as_a_code_change(routing_clone, tmp_path):
    code = (ROOT / "hooks" / "macros.py").read_text()
    assert steps_run(routing_clone, tmp_path, {"hooks/macros.py": None, "content/macros.py": code})[0] == "suite"


def test_a_change_whose_files_cannot_be_listed_runs_the_suite(tmp_path):
    assert changes.scope([]) == "code"
    assert changes.changed_files("0" * 40) is None and changes.changed_files("") is None
    assert changes.changed_files("f" * 40) is None  # a commit this clone does not have


# The real workflow's `report` job, on pull requests. One clone (and one copy of the venv) for every case.

@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    target = tmp_path_factory.mktemp("replay") / "workspace"
    try:
        extra = ci_replay.prepare(target)
    except workspace.CannotReplay as reason:
        pytest.skip(f"The replay cannot install offline here: {reason}")
    assert not (target / "node_modules").exists()
    return target, extra, workspace.git("rev-parse", "HEAD", cwd=target)


def pull_request(clone, out: Path, number: int, message: str) -> replay.JobResult:
    target, extra, base = clone
    head = workspace.commit(target, message)
    return replay.run_job(FLOW, "report", replay.Event("pull_request", head, base, number=number), target, out, extra)


def step(result: replay.JobResult, name: str) -> replay.StepResult:
    return next(s for s in result.steps if s.name.startswith(name))


@pytest.mark.whole_site
# This repository's own CI, replayed in a clone of it: its pull requests build the example at the clone's root
# and this test edits the example's own page (PAGE). A council's site has its own workflow (tools/new_site.py).
@pytest.mark.example
def test_the_report_job_on_pull_requests(clone, tmp_path):
    target, _, base = clone
    build = "Build and check the change"

    # As on 1db7168: `make pr-report` did not install the npm packages, so every pull request failed.
    makefile = target / "Makefile"
    edit(makefile, "pr-report: $(SITE_DEPS) $(NODE_DEPS) ##", "pr-report: $(SITE_DEPS) ##")
    before = pull_request(clone, tmp_path / "pr-1", 1, "pr-report without the npm packages, as on 1db7168")
    assert before.failed and step(before, build).exit_code == 2, before.log()
    assert "EDITOR_BUNDLE_MISSING" in step(before, build).log
    assert not (target / "node_modules").exists()
    workspace.git("checkout", base, "--", "Makefile", cwd=target)

    # Now, an editor's pull request with three mistakes gets one comment naming each, where it is and its fix.
    page = target / PAGE
    original = page.read_text()
    edit(page, "It is free.", "It is free. " + LONG)
    edit(page, "last_reviewed: 2026-11-23\nreview_by: 2027-05-23", "last_reviewed: 2025-06-01\nreview_by: 2025-12-01")
    edit(page, "## Your right to an assessment\n", "## Your right to an assessment\n\nRead [the old guide](old-guide.md).\n")
    where = {name: line_of(page, needle) for name, needle in
             (("sentence", LONG[:40]), ("review", "review_by:"), ("link", "old-guide.md"))}
    first = pull_request(clone, tmp_path / "pr-2", 2, "An editor's change with three mistakes")
    assert first.failed and step(first, build).exit_code == 2, first.log()[-5000:]
    assert step(first, "Put the report").outcome == "success"  # the comment step runs although the build failed
    store = json.loads((tmp_path / "pr-2" / "comments.json").read_text())
    assert [c["call"] for c in store["calls"]] == ["listComments", "createComment"]
    (comment,) = store["comments"]
    body = comment["body"]
    head = workspace.git("rev-parse", "HEAD", cwd=target)  # the pull request's own commit, from PR_HEAD_SHA
    for line in where.values():
        assert f"[{PAGE}, line {line}](https://github.com/council/carers-site/blob/{head}/{PAGE}#L{line})" in body
    assert body.count("How to fix:") == 3, body
    sections = {name: body.split(f"### {heading}")[1].split("###")[0] for name, heading in
                (("sentence", "Reading level"), ("review", "Review dates"), ("link", "Links"))}
    assert f"line {where['sentence']}" in sections["sentence"] and "this sentence has 40 words" in sections["sentence"]
    assert "Split it into two" in sections["sentence"]
    assert f"line {where['review']}" in sections["review"] and "Check the page is still right" in sections["review"]
    assert f"line {where['link']}" in sections["link"] and "Check the link." in sections["link"]
    assert "words; pages allow 25" in sections["sentence"] and "due for review on 2025-12-01" in sections["review"]
    assert 'the link "old-guide.md"' in sections["link"]
    assert "The site did not build" in body and "Other messages" not in body  # nothing left unexplained
    assert (tmp_path / "pr-2" / "step-summary.md").read_text() == body  # the job's summary page holds it too

    # The editor fixes them and pushes again: the job passes, and the same comment now says so.
    page.write_text(original)
    second = pull_request(clone, tmp_path / "pr-2", 2, "The editor's fixes")
    assert not second.failed, second.log()[-5000:]
    assert all(s.outcome in ("success", "skipped") for s in second.steps)
    assert step(second, build).outcome == step(second, "Put the report").outcome == "success"
    store = json.loads((tmp_path / "pr-2" / "comments.json").read_text())
    assert store["calls"][2:] == [{"call": "listComments", "issue_number": 2},
                                  {"call": "updateComment", "comment_id": comment["id"]}]
    (updated,) = store["comments"]
    assert updated["id"] == comment["id"] and "All checks passed" in updated["body"] and "to fix" not in updated["body"]
    # The second push's summary is written after the first's (the replay keeps one summary file for the pull request).
    assert (tmp_path / "pr-2" / "step-summary.md").read_text().endswith(updated["body"])
