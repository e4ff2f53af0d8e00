"""A second process for the build's work that needs nothing more from the pages being built.

Reading levels (textstat loads a 130,000-word dictionary), the PDF leaflets and the open-data files
run here while the main process renders pages, so a two-core machine builds with both cores. The
build waits for every job (wait) before it ends. A problem a job finds in the content is reported
like any other; a job that crashes stops the build with its traceback, and one that hangs stops it
after JOB_TIMEOUT. When a build fails, its jobs are cancelled or finished (settle) before it ends.

The process starts with MkDocs (the adapter's on_startup) and lives until MkDocs shuts down, so
`mkdocs serve` loads the dictionary once, not on every rebuild. It is a fork of this process, made
while it still runs a single thread, so nothing is imported twice. If it must be started later, when
`mkdocs serve` runs threads (a fork could then hang), it is started fresh ("spawn"). It ends with
the main process, however that ends, and leaves Ctrl+C to it.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_all
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable

from carers_hub.core import memory

JOB_TIMEOUT = 600  # seconds: far more than any job takes (5,000 services' open data: about 1 s)
PR_SET_PDEATHSIG = 1  # Linux prctl option: a signal for this process when its parent dies
_pool: ProcessPoolExecutor | None = None


def _init_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the main process, which stops this one
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: on_shutdown still stops it in the usual cases
        pass
    if os.getppid() != parent:  # the main process died before prctl took effect
        os._exit(0)
    # What a fork inherits is the main process's to free: collecting it here would take time on every give_back
    # and copy the pages it touches into this process.
    gc.freeze()


def start() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        fork_safe = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
        # One process beside the main one: the build is sized for two cores.
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork" if fork_safe else "spawn"),
                                    initializer=_init_worker, initargs=(os.getpid(),))
        _pool.submit(_ready).result()  # start it now, before this process starts any thread
    return _pool


def _ready() -> None:
    pass


def _run(job: Callable[..., Any], give_back: bool, *args: Any) -> Any:
    """In the second process: the job, then, if asked, its memory given back (the open data of a national
    directory holds a copy of it, which would otherwise stay with this process while Pagefind needs the room)."""
    try:
        return job(*args)
    finally:
        if give_back:
            memory.give_back()


def submit(job: Callable[..., Any], *args: Any, give_back: bool = False) -> Future[Any]:
    """Run job(*args) in the second process. `job` must be a function of a module in hooks/. give_back: for a
    job that holds much memory. Not for the many small ones: each give_back collects all this process's
    garbage, which takes about 0.1 s once the reading dictionary is loaded (10 s over the example's 76 pages)."""
    global _pool
    pool = start()
    try:
        return pool.submit(_run, job, give_back, *args)
    except BrokenProcessPool:  # it died (out of memory, killed): start another
        pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
        return start().submit(_run, job, give_back, *args)


def wait(job: Future[Any]) -> Any:
    """A job's result; its error, raised here; or TimeoutError if it hangs."""
    return job.result(timeout=JOB_TIMEOUT)


def settle(jobs: list[Future[Any]]) -> None:
    """After a failed build: cancel the jobs not yet started, and let a running one finish, so nothing
    writes into the site folder once the build has stopped (or while `mkdocs serve` starts the next)."""
    for job in jobs:
        job.cancel()
    wait_all(jobs, timeout=JOB_TIMEOUT)


def stop() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None
