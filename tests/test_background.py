"""The build's second process: jobs run there, their errors reach the build, and a dead process is replaced."""

from __future__ import annotations

import os
import signal
from concurrent.futures.process import BrokenProcessPool

import pytest

from hooks import background


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
