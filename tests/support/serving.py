"""A preview server (`mkdocs serve`, `carers-hub serve`) started on a free port, in its own process group, and
stopped with everything it started. MkDocs cannot be told to pick a port itself (given 0, it prints port 0), so
if another program takes the port first, the server stops at once and the next free port is tried."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Callable

from carers_hub.checks.links import free_port

START_LIMIT = 240  # seconds: the first build on a heavily loaded 2-core machine


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


def start(command: Callable[[int], list[str]], cwd: Path, env: dict | None = None) -> tuple[subprocess.Popen, str, Path]:
    """command(port): the server's command line. Returns the server, its address and its log, once it answers."""
    for attempt in range(5):
        port = free_port()
        log = cwd / f"serve-{attempt}.log"  # a file, not a pipe, which a long preview could fill
        with log.open("w") as output:
            server = subprocess.Popen(command(port), cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT,
                                      start_new_session=True)
        deadline = time.monotonic() + START_LIMIT
        while time.monotonic() < deadline and server.poll() is None:
            try:
                fetch(f"http://127.0.0.1:{port}/")
                return server, f"http://127.0.0.1:{port}/", log
            except OSError:
                time.sleep(0.2)  # polling the server, not waiting for luck
        if server.poll() is None:
            stop(server)
            raise AssertionError(f"the preview did not start within {START_LIMIT} s:\n{log.read_text()[-3000:]}")
        if "Address already in use" not in log.read_text():
            raise AssertionError(f"the preview stopped:\n{log.read_text()[-3000:]}")
    raise AssertionError("no free port after 5 tries")


def stop(server: subprocess.Popen) -> None:
    """Stop the server and whatever it started (its own process group)."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def wait_for(url: str, text: str, limit: float = START_LIMIT) -> str:
    """The page at url once it shows text (a preview rebuilds after a change); AssertionError after limit seconds."""
    deadline = time.monotonic() + limit
    while True:
        try:
            page = fetch(url)
            if text in page:
                return page
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{text!r} never appeared at {url}"
        time.sleep(0.2)  # polling the server
