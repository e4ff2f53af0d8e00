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


def test_preview_reloads_after_markdown_and_yaml_edits(project):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
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
