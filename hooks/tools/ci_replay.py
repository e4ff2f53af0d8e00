"""Replay jobs of the publishing workflow on this machine, before GitHub runs them.

    python -m carers_hub.tools.ci_replay --job report --event pull_request [--out DIR] [--base REV]
    make ci-replay JOB=report EVENT=pull_request          (JOB=test-and-build,publish for a push to main)

Clones this copy (its uncommitted changes included) into a temporary folder with no .venv and no node_modules,
then runs each step of the job(s) as GitHub's runner would (hooks/ci/replay.py). Prints a table of the steps
with their seconds and results; exits 1 where the job would fail. What the job would send to GitHub (the
pull request's comment, the files to publish) is written to --out (default: a temporary folder, kept).
The event's `before` (the base of a pull request, the previous head of a push) is --base, read in the clone
(default HEAD~1: the commit before this one). The clone is deleted afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from carers_hub.ci import replay, workspace
from carers_hub.core.paths import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def prepare(target: Path, source: Path = ROOT, uncommitted: bool = True, warm: bool = False) -> dict[str, str]:
    """A fresh clone of `source` at `target`, and the environment that makes its installs offline. `warm`: with
    node_modules in place, as the workflow's cache restores it."""
    workspace.clone(source, target, uncommitted)
    if warm:
        workspace.seed_node_modules(source / "node_modules", target)
    if workspace.wheels_ready(target):
        return workspace.install_env(workspace.WHEELS)
    venv = source / ".venv"
    if not (venv / "bin" / "python").exists():
        raise workspace.CannotReplay("No wheels and no .venv to copy: run `make ci-wheels` (needs the network).")
    workspace.seed_venv(venv, target, target / "requirements" / "test.txt")
    return workspace.install_env(None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--job", required=True, help="a job of publish.yml, or several joined by commas")
    parser.add_argument("--event", choices=("push", "pull_request"), default="push")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--base", default="HEAD~1")
    parser.add_argument("--keep", action="store_true", help="keep the clone (its node_modules weigh 400 MB)")
    parser.add_argument("--warm", action="store_true", help="start as with the workflow's cache found: node_modules "
                        "in place (the venv is always a checked copy where no wheels were downloaded)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="ci-replay-"))
    out = args.out or folder / "out"
    target = folder / "workspace"
    try:
        extra = prepare(target, warm=args.warm)
    except workspace.CannotReplay as reason:
        print(reason, file=sys.stderr)
        return 2
    head = workspace.git("rev-parse", "HEAD", cwd=target)
    event = replay.Event(args.event, head, workspace.git("rev-parse", args.base, cwd=target))
    results = replay.run_jobs(replay.load(WORKFLOW), args.job.split(","), event, target, out, extra, echo=True,
                              cache_hit=args.warm)
    report = replay.table(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "steps.md").write_text(report + "\n")
    if not args.keep:
        shutil.rmtree(target)
    print(f"\n{report}\n\nWhat the job would send to GitHub: {out}" + (f"\nThe clone: {target}" if args.keep else ""))
    return 1 if any(job.failed for job in results) else 0


if __name__ == "__main__":
    sys.exit(main())
