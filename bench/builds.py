"""What the build benchmarks share: a throwaway copy of the project, and one timed build with its peak memory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "content", "data", "overrides", "hooks")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def scratch() -> tempfile.TemporaryDirectory:
    """A folder for builds, in memory where the machine has one: this machine's shared disk takes from
    0.3 to 6 seconds to write the same 5,000 pages, which would swamp what the benchmark compares."""
    memory = Path("/dev/shm")
    return tempfile.TemporaryDirectory(dir=memory if memory.is_dir() and os.access(memory, os.W_OK) else None)


def _tree_memory(pid: int) -> int:
    """Memory, in bytes, of a process and all its children (the build's second process too). Each counts
    its proportional share of pages it shares with the others (Pss), so a forked child is not counted twice."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as rollup:
                total += next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(child) for child in children.read().split()]
        except (OSError, StopIteration):
            continue
    return total


def timed_build(project: Path) -> tuple[float, float]:
    """Seconds and peak memory (MB, every process of the build added up) of `mkdocs build` in a project."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"], cwd=project,
                             env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample():
        while child.poll() is None:
            peak[0] = max(peak[0], _tree_memory(child.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = child.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    if child.returncode:
        raise SystemExit(f"build failed in {project}:\n{err.decode()[-3000:]}")
    return seconds, peak[0] / 1e6
