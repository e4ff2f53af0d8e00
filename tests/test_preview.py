"""`make serve` rebuilds the preview when an editor saves a page or a data file."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

from conftest import free_port


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds}s")


def start_preview(project) -> tuple[subprocess.Popen, str]:
    """`mkdocs serve` on a free port. MkDocs cannot be told to pick one itself (it would print port 0), so if
    another program takes the port first, the server stops at once and the next free port is tried."""
    for attempt in range(5):
        port = free_port()
        log = project / f"serve-{attempt}.log"  # a file, not a pipe, which a long preview could fill
        with log.open("w") as output:
            server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
                cwd=project, stdout=subprocess.DEVNULL, stderr=output)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and server.poll() is None:
            try:
                fetch(f"http://127.0.0.1:{port}/")
                return server, f"http://127.0.0.1:{port}/"
            except OSError:
                time.sleep(0.2)
        if server.poll() is None:
            server.terminate()
            raise AssertionError("the preview did not start within 60 s")
        if "Address already in use" not in log.read_text():
            raise AssertionError("the preview stopped")
    raise AssertionError("no free port after 5 tries")


def test_preview_reloads_after_markdown_and_yaml_edits(project):
    server, url = start_preview(project)
    try:
        first = wait_for(url, "Help for carers in the City of London")
        assert "livereload" in first, "the preview page has no live reload script"

        page = project / "content" / "index.md"
        page.write_text(page.read_text().replace("there is help for you.", "there is help for you today."))
        wait_for(url, "there is help for you today.")

        site_yaml = project / "data" / "site.yaml"
        site_yaml.write_text(site_yaml.read_text().replace("name: City of London Corporation",
                                                           "name: City of London Corporation Preview"))
        wait_for(url, "City of London Corporation Preview")
    finally:
        server.terminate()
        server.wait(timeout=10)
