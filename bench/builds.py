"""What the build benchmarks share: a throwaway copy of the project, and one timed build with its peak memory."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parents[1] / "tests")]
from support.project import copy_project  # noqa: E402,F401  (the benchmarks import it from here)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def scratch() -> tempfile.TemporaryDirectory:
    """A folder for builds, in memory where the machine has room (a container may give /dev/shm only 64 MB):
    this machine's shared disk takes from 0.3 to 6 seconds to write the same 5,000 pages, which would swamp
    what the benchmark compares."""
    memory = Path("/dev/shm")
    roomy = memory.is_dir() and os.access(memory, os.W_OK) and shutil.disk_usage(memory).free > 2e9
    return tempfile.TemporaryDirectory(dir=memory if roomy else None)


def _alive(pid: int) -> dict[int, int]:
    """The memory in use now (VmRSS) of a process and each of its children alive."""
    found, todo = {}, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                found[current] = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(child) for child in children.read().split()]
        except (OSError, StopIteration):
            continue
    return found


def _peak_at_once(samples: list[dict[int, int]]) -> int:
    """The most memory the build's processes held at one time: the largest sum, over the samples (every 50 ms),
    of the memory each process then alive was using. Processes that run one after another (Pagefind, once for
    each part of the index) are not added together, and memory a process has given back is not counted. A
    process seen fewer than 4 times is left out: WeasyPrint looks for its libraries by running gcc, and a
    process just forked to do that shares its parent's memory but reports it as its own, which would count it
    twice."""
    seen: dict[int, int] = {}
    for sample in samples:
        for pid in sample:
            seen[pid] = seen.get(pid, 0) + 1
    return max((sum(used for pid, used in sample.items() if seen[pid] >= 4) for sample in samples), default=0)


class Timed(NamedTuple):
    seconds: float  # wall clock: what a reader of the tables waits
    peak_mb: float  # the most the build's processes held at one time (_peak_at_once)
    cpu_seconds: float  # processor time of the build and every process it started: what load on the machine
                        # does not change, so runs made while others share the machine can still be compared


def timed_build(project: Path) -> Timed:
    """Seconds, peak memory (MB) and processor seconds of `mkdocs build` in a project. The memory is the most
    the build's processes (the main one, the second, hooks/core/background.py, and Pagefind) held at one time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"], cwd=project,
                             env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[dict[int, int]] = []

    def sample():
        while child.poll() is None:
            samples.append(_alive(child.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = child.communicate()
    seconds = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if child.returncode:
        raise SystemExit(f"build failed in {project}:\n{err.decode()[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(seconds, _peak_at_once(samples) / 1e6, cpu)


GENERATORS = ("synthetic", "cloned")  # bench/synthetic.py, bench/cloned.py: two directories made unlike each other


def with_directory(project: Path, n: int, generator: str = "synthetic") -> Path:
    """The project (a copy) with a synthetic directory of n services for its own, made by one of GENERATORS."""
    import importlib

    services = importlib.import_module(generator).services
    (project / "data" / "services.yaml").write_text(services(n, project / "data"))
    return project


def print_table(title: str, columns: list[tuple[str, str, str]], rows) -> None:
    """A benchmark's table, a row printed as soon as it is measured: columns are (heading, key, format) and each
    row is a dict of measurements, e.g. ("build s", "seconds", ".1f")."""
    print(f"{title}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}")
    widths = [max(len(heading), 6) for heading, _, _ in columns]
    print(" | ".join(f"{h:>{w}}" for (h, _, _), w in zip(columns, widths)))
    print("-" * (sum(widths) + 3 * (len(widths) - 1)))
    for row in rows:
        print(" | ".join(f"{row[key]:>{w}{fmt}}" for (_, key, fmt), w in zip(columns, widths)), flush=True)
