"""Benchmark: how long `make serve` takes to show an edit (target: under 3 seconds).

    .venv/bin/python bench/serve_rebuild.py

Starts `mkdocs serve` on a copy of the project, edits a page five times and prints, for each edit,
the seconds from saving the file to the new text being served.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from builds import copy_project  # noqa: E402
from carers_hub.checks.links import free_port  # noqa: E402


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 120) -> float:
    start = time.perf_counter()
    while text not in fetch(url):
        if time.perf_counter() - start > limit:
            raise SystemExit(f"{text!r} never appeared")
        time.sleep(0.05)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr",
                                   f"127.0.0.1:{port}"], cwd=project, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        url = f"http://127.0.0.1:{port}/wellbeing/loneliness/"
        try:
            wait_for(url, "</html>")
            page = project / "content" / "wellbeing" / "loneliness.md"
            print(f"make serve: seconds from saving a page to the new text being served ({time.strftime('%Y-%m-%d')})")
            print(f"{'edit':>4} | {'seconds':>7}")
            print("-" * 16)
            for n in range(1, 6):
                marker = f"Edit number {n} is here."
                page.write_text(page.read_text().replace("## Next steps", f"{marker}\n\n## Next steps", 1))
                print(f"{n:>4} | {wait_for(url, marker):>7.2f}", flush=True)
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
