"""A second process for the build's work that needs nothing more from the pages being built.

Reading levels (textstat loads a 130,000-word dictionary), the PDF leaflets and the open-data files
run here while the main process renders pages, so a two-core machine builds with both cores. The
build waits for every job before it ends, and a job's error stops the build like any other.

The process starts with MkDocs (pipeline.on_startup) and lives until MkDocs shuts down, so
`mkdocs serve` loads the dictionary once, not on every rebuild. It is a fork of this process, made
while it still runs a single thread: nothing is imported again and it exits at once. If it must be
started later, when `mkdocs serve` runs threads (a fork could then hang), it is started fresh.
"""

from __future__ import annotations

import multiprocessing
import site
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable

# A freshly started process imports the jobs from hooks/, so it needs the project folder on its path
# (MkDocs takes it off the main process's path again after loading hooks/pipeline.py).
PROJECT = str(Path(__file__).resolve().parent.parent)
_pool: ProcessPoolExecutor | None = None


def start() -> None:
    global _pool
    if _pool is None:
        fork_safe = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
        method = "fork" if fork_safe else "spawn"
        # One process beside the main one: the build is sized for two cores.
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(method),
                                    initializer=site.addsitedir, initargs=(PROJECT,))
        _pool.submit(_ready).result()  # start it now, before this process starts any thread


def _ready() -> None:
    pass


def submit(job: Callable, *args) -> Future:
    """Run job(*args) in the second process. `job` must be a function of a module in hooks/."""
    global _pool
    start()
    try:
        return _pool.submit(job, *args)
    except BrokenProcessPool:  # it died (out of memory, killed): start another
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
        start()
        return _pool.submit(job, *args)


def stop() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None
