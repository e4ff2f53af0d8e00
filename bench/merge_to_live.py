"""Benchmark: from a merged content change to the files GitHub Pages would publish (target: 5 minutes).

    .venv/bin/python bench/merge_to_live.py [cold|warm ...]      (both by default)

Replays the workflow's `test-and-build` and `publish` jobs (make ci-replay) on a push to main whose only change is
a sentence in a page, in a fresh clone, and prints each step's seconds. cold: the workflow's cache is empty (npm
installs from this machine's npm cache; GitHub's runner would download instead). warm: the cache is found
(node_modules in place). Either way the venv is a copy, never a pip install (the replay has no network), and the
Debian packages are already installed here: see docs/developers/benchmarks.md for what that leaves out.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from carers_hub.ci import replay, workspace  # noqa: E402
from carers_hub.tools import ci_replay  # noqa: E402

PAGE = "content/support/carers-assessment.md"


def merge_to_live(warm: bool) -> tuple[float, list[replay.JobResult]]:
    folder = Path(tempfile.mkdtemp(prefix="merge-to-live-"))
    try:
        target = folder / "workspace"
        extra = ci_replay.prepare(target, warm=warm)
        base = workspace.git("rev-parse", "HEAD", cwd=target)
        page = target / PAGE
        page.write_text(page.read_text().replace("It is free.", "It is free, and it is for you.", 1))
        head = workspace.commit(target, "A content change")
        started = time.monotonic()
        results = replay.run_jobs(replay.load(ci_replay.WORKFLOW), ["test-and-build", "publish"],
                                  replay.Event("push", head, base), target, folder / "out", extra, cache_hit=warm)
        return time.monotonic() - started, results
    finally:
        shutil.rmtree(folder)


def main(kinds: list[str]) -> int:
    failed = False
    for kind in kinds or ["cold", "warm"]:
        seconds, results = merge_to_live(kind == "warm")
        failed |= any(job.failed for job in results)
        print(f"\n{kind}: {seconds:.0f} s from the push to the files GitHub Pages would publish\n")
        print(replay.table(results))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
