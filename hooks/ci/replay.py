"""Run one job of the workflow, step by step, as GitHub's runner would: each `run:` with `bash -e` in the
workspace, in GitHub's environment; `if:` and continue-on-error honoured; `uses:` steps by their stand-ins."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from carers_hub.ci import expressions, standins
from carers_hub.ci.expressions import Evaluator

REPOSITORY = "council/carers-site"
# The host's own CI, virtualenv and test-run settings must not leak into the replayed job. (Names written as
# one string: tests/test_error_catalogue.py reads each upper-case string literal in hooks/ as a problem code.)
NOT_PASSED_PREFIXES = tuple("GITHUB_ RUNNER_ ACTIONS_ PYTEST_".split())
NOT_PASSED = set("CI VIRTUAL_ENV PYTHONPATH CARERS_HUB_CACHE CARERS_HUB_PROBLEMS".split())


@dataclass(frozen=True)
class Event:
    """What GitHub's event gives the job. `before` is the push's previous head, or the pull request's base."""
    name: str  # push | pull_request
    sha: str
    before: str
    ref: str = "refs/heads/main"
    number: int = 1

    def payload(self) -> dict[str, Any]:
        if self.name == "pull_request":
            return {"number": self.number, "pull_request": {
                "number": self.number, "head": {"sha": self.sha, "ref": "change"},
                "base": {"sha": self.before, "ref": "main"}}}
        return {"before": self.before, "after": self.sha, "ref": self.ref}

    def github(self, workspace: Path) -> dict[str, Any]:
        ref = f"refs/pull/{self.number}/merge" if self.name == "pull_request" else self.ref
        return {"event_name": self.name, "event": self.payload(), "sha": self.sha, "ref": ref,
                "repository": REPOSITORY, "workspace": str(workspace), "server_url": "https://github.com"}


@dataclass
class StepResult:
    name: str
    outcome: str  # success, failure or skipped
    seconds: float = 0.0
    cpu: float = 0.0  # processor seconds of the step's processes: what load from other work does not change
    exit_code: int | None = None
    log: str = ""
    allowed: bool = False  # continue-on-error: a failure does not fail the job


@dataclass
class JobResult:
    job: str
    steps: list[StepResult] = field(default_factory=list)
    skipped: bool = False

    @property
    def failed(self) -> bool:
        return any(s.outcome == "failure" and not s.allowed for s in self.steps)

    def log(self) -> str:
        return "\n".join(s.log for s in self.steps)


def children_cpu() -> float:
    """Processor seconds (user and system) used so far by this process's finished child processes."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def load(workflow: Path) -> dict[str, Any]:
    return yaml.safe_load(workflow.read_text())


def environment(event: Event, workspace: Path, out: Path, extra: dict[str, str]) -> dict[str, str]:
    """The environment GitHub gives every step, on top of this machine's PATH, HOME and install settings."""
    github = event.github(workspace)
    event_path = out / "event.json"
    event_path.write_text(json.dumps(github["event"], indent=2))
    env = {k: v for k, v in os.environ.items() if not k.startswith(NOT_PASSED_PREFIXES) and k not in NOT_PASSED}
    return env | extra | dict(
        CI="true", GITHUB_ACTIONS="true", GITHUB_EVENT_NAME=event.name, GITHUB_EVENT_PATH=str(event_path),
        GITHUB_REF=github["ref"], GITHUB_SHA=event.sha, GITHUB_REPOSITORY=REPOSITORY,
        GITHUB_SERVER_URL=github["server_url"], GITHUB_WORKSPACE=str(workspace),
        GITHUB_STEP_SUMMARY=str(out / "step-summary.md"), RUNNER_TEMP=str(out / "runner-temp"))


def outputs_of(path: Path) -> dict[str, str]:
    """A step's GITHUB_OUTPUT file: name=value lines and name<<DELIMITER blocks."""
    found, lines = {}, path.read_text().splitlines() if path.exists() else []
    while lines:
        line = lines.pop(0)
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, end = line.split("<<", 1)
            value = []
            while lines and lines[0] != end:
                value.append(lines.pop(0))
            lines = lines[1:]
            found[name] = "\n".join(value)
        elif "=" in line:
            name, value = line.split("=", 1)
            found[name] = value
    return found


def run_shell(script: str, cwd: Path, env: dict[str, str], log: Path, echo: bool) -> int:
    """`bash -e FILE`, GitHub's default shell; its output to `log` (and to the terminal with `echo`)."""
    file = log.with_suffix(".sh")
    file.write_text(script)
    with open(log, "w") as written:
        process = subprocess.Popen(["bash", "-e", str(file)], cwd=cwd, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, text=True, errors="replace")
        for line in process.stdout:  # type: ignore[union-attr]
            written.write(line)
            if echo:
                sys.stdout.write(line)
                sys.stdout.flush()
        return process.wait()


def run_job(flow: dict[str, Any], name: str, event: Event, workspace: Path, out: Path,
            extra_env: dict[str, str] | None = None, echo: bool = False, cache_hit: bool = False) -> JobResult:
    """Replay job `name`; what it would send to GitHub goes in `out`. A job whose `if:` is false is skipped.
    `cache_hit`: what actions/cache answers (true when the caller put the installs in place: a warm run)."""
    job = flow["jobs"][name]
    out.mkdir(parents=True, exist_ok=True)
    (out / "runner-temp").mkdir(exist_ok=True)
    env = environment(event, workspace, out, extra_env or {})
    env |= {k: str(v) for k, v in (flow.get("env") or {}).items()} | {k: str(v) for k, v in (job.get("env") or {}).items()}
    github = event.github(workspace)
    context: dict[str, Any] = {"github": github, "steps": {}, "env": env}
    result = JobResult(name)
    if not expressions.condition(job.get("if"), Evaluator(context, False, workspace)):
        result.skipped = True
        return result
    for number, step in enumerate(job["steps"], 1):
        evaluator = Evaluator(context, result.failed, workspace)
        label = step.get("name") or step.get("uses") or step["run"].splitlines()[0]
        outcome = StepResult(label, "skipped", allowed=bool(step.get("continue-on-error")))
        result.steps.append(outcome)
        if not expressions.condition(step.get("if"), evaluator):
            continue
        step_env = env | {k: expressions.as_text(expressions.substitute(v, evaluator))
                          for k, v in (step.get("env") or {}).items()}
        log = out / "steps" / f"{name}-{number:02d}-{re.sub(r'[^a-z0-9]+', '-', label.lower())[:40].strip('-')}.log"
        log.parent.mkdir(exist_ok=True)
        output_file = log.with_suffix(".output")
        output_file.write_text("")
        step_env |= dict(GITHUB_OUTPUT=str(output_file))
        if echo:
            print(f"\n=== {name}: {label}", flush=True)
        started, cpu = time.monotonic(), children_cpu()
        if "run" in step:
            cwd = workspace / step.get("working-directory", ".")
            outcome.exit_code = run_shell(expressions.substitute(step["run"], evaluator), cwd, step_env, log, echo)
        else:
            inputs = {k: expressions.substitute(v, evaluator) for k, v in (step.get("with") or {}).items()}
            call = standins.Call(inputs, workspace, out, github, step_env, output_file, cache_hit)
            outcome.exit_code, text = standins.run(step["uses"], call)
            log.write_text(text)
            if echo:
                print(text, flush=True)
        outcome.seconds, outcome.cpu = time.monotonic() - started, children_cpu() - cpu
        outcome.outcome = "success" if outcome.exit_code == 0 else "failure"
        outcome.log = log.read_text(errors="replace")
        if step.get("id"):
            context["steps"][step["id"]] = {"outputs": outputs_of(output_file), "outcome": outcome.outcome,
                                            "conclusion": "success" if outcome.allowed else outcome.outcome}
    return result


def table(results: list[JobResult]) -> str:
    """The steps of each job replayed: seconds and result, as a Markdown table."""
    rows = ["| Job | Step | Seconds | Processor seconds | Result |", "|---|---|---:|---:|---|"]
    for job in results:
        if job.skipped:
            rows.append(f"| {job.job} | (the job's `if:` is false for this event) | | | skipped |")
        for step in job.steps:
            status = step.outcome + (f" (exit {step.exit_code})" if step.exit_code else "")
            status += " (allowed to fail)" if step.outcome == "failure" and step.allowed else ""
            ran = step.outcome != "skipped"
            seconds, cpu = (f"{step.seconds:.1f}", f"{step.cpu:.1f}") if ran else ("", "")
            rows.append(f"| {job.job} | {step.name} | {seconds} | {cpu} | {status} |")
    total = sum(s.seconds for job in results for s in job.steps)
    cpu = sum(s.cpu for job in results for s in job.steps)
    result = "failed" if any(j.failed for j in results) else "passed"
    rows.append(f"| | **Total** | **{total:.1f}** | **{cpu:.1f}** | {result} |")
    return "\n".join(rows)


def run_jobs(flow: dict[str, Any], names: list[str], event: Event, workspace: Path, out: Path,
             extra_env: dict[str, str] | None = None, echo: bool = False, cache_hit: bool = False) -> list[JobResult]:
    """Several jobs in the order given, sharing the workspace and `out` (so publish finds the build's artifact);
    a job is skipped when a job it `needs:` failed or was skipped, as GitHub does."""
    done: dict[str, JobResult] = {}
    for name in names:
        needs = flow["jobs"][name].get("needs") or []
        needs = [needs] if isinstance(needs, str) else needs
        if any(n not in done or done[n].skipped or done[n].failed for n in needs):
            done[name] = JobResult(name, skipped=True)
            continue
        done[name] = run_job(flow, name, event, workspace, out, extra_env, echo, cache_hit)
    return list(done.values())
