"""The build's second process: jobs run there, their errors reach the build, and a dead process is replaced."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from conftest import ROOT
from carers_hub.core import background


@pytest.fixture
def second_process():
    background.start()
    yield background
    background.stop()


def test_jobs_run_in_another_process(second_process):
    assert second_process.submit(os.getpid).result(timeout=60) != os.getpid()


def test_a_job_that_fails_raises_its_error_where_the_build_waits_for_it(second_process):
    with pytest.raises(ValueError, match="invalid literal"):
        second_process.submit(int, "not a number").result(timeout=60)


def test_a_process_that_died_is_replaced(second_process):
    pid = second_process.submit(os.getpid).result(timeout=60)
    os.kill(pid, signal.SIGKILL)
    results = []
    for _ in range(2):  # a job sent before the death is noticed is lost; the one after runs
        try:
            results.append(second_process.submit(os.getpid).result(timeout=60))
        except BrokenProcessPool:
            results.append(None)
    assert results[-1] not in (None, pid, os.getpid())


def test_it_ends_with_the_main_process_however_that_ends(tmp_path):
    """`mkdocs serve` stopped with a signal runs no shutdown hook: the second process must not outlive it."""
    script = ("import os, sys, time; sys.path.insert(0, sys.argv[1]); from carers_hub.core import background; "
              "print(background.submit(os.getpid).result(), flush=True); time.sleep(120)")
    main = subprocess.Popen([sys.executable, "-c", script, str(ROOT)], stdout=subprocess.PIPE, text=True)
    worker = int(main.stdout.readline())
    main.kill()
    main.wait(timeout=30)
    for _ in range(100):
        if not Path(f"/proc/{worker}").exists() or " Z " in Path(f"/proc/{worker}/stat").read_text():
            return
        time.sleep(0.1)
    os.kill(worker, signal.SIGKILL)
    pytest.fail("the second process outlived the main one")


def _full_collections(second_process) -> int:
    return second_process.submit(gc.get_stats).result(timeout=60)[2]["collections"]


def test_only_a_job_that_asks_gives_memory_back(second_process):
    """Collecting every object of the second process after each page's reading level took 10 s of a 16 s build
    of the example: a job gives memory back only when it asks (the open data and leaflets do)."""
    before = _full_collections(second_process)
    for _ in range(5):
        second_process.submit(len, "a page's words").result(timeout=60)
    assert _full_collections(second_process) == before, "a small job collected all the second process's garbage"
    second_process.submit(len, "the open data", give_back=True).result(timeout=60)
    assert _full_collections(second_process) == before + 1


def test_what_the_second_process_inherits_is_left_to_the_main_one(second_process):
    """A forked process that collected the objects it inherited would copy their memory and spend the time."""
    assert second_process.submit(gc.get_freeze_count).result(timeout=60) > 0
