"""Benchmark: how long the preview (`make serve`) takes to show an edit in the open browser tab (target: 3 s).

    .venv/bin/python bench/serve_rebuild.py [--services 33,1000,5000] [--edits 3] [--command "serve ..."]

For each size of directory, starts the preview on a copy of the project (the shipped example for 33, the
synthetic directory of bench/synthetic.py otherwise) on 127.0.0.1, opens a page in Chromium (Debian's) and
times, from saving a file to the tab having reloaded (MkDocs' live-reload event, sent when the whole rebuild
ends) and showing the change (and the processor seconds the preview used for it, its median, which other
programs on the machine do not change; and the machine's load average after the row):
  page  a sentence added to content/wellbeing/loneliness.md, with that page open;
  data  a service's description changed in data/services.yaml, with that service's page open.
Each row is one size and kind of edit: the seconds of each edit, and their median.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from builds import ENV, copy_project, print_table, scratch, with_directory  # noqa: E402
from carers_hub.checks.links import free_port  # noqa: E402
from carers_hub.core.urls import page_url  # noqa: E402
from carers_hub.directory.service_pages import service_src  # noqa: E402

SERVE = "serve --livereload --dirty"  # as `make serve` runs it (Makefile)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVICE = "city-adult-social-care"  # the first service in data/services.yaml, kept by bench/synthetic.py
FIRST_BUILD_LIMIT = 900  # seconds: 5,000 services on a loaded machine


def start(project: Path, command: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    log = (project / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", *shlex.split(command), "--dev-addr",
                               f"127.0.0.1:{port}"], cwd=project, env=ENV, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + FIRST_BUILD_LIMIT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the preview stopped:\n{(project / 'serve.log').read_text()[-3000:]}")
        try:
            urllib.request.urlopen(url, timeout=FIRST_BUILD_LIMIT).read()
            return server, url
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the preview did not start")


def processor_seconds(pid: int) -> float:
    """Processor seconds used so far by a process and its children alive (the preview's second process)."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(child) for child in children.read().split()]
        except OSError:
            continue
    return total


def reload_seconds(tab, path: Path, text: str, marker: str, limit: float = 300) -> float:
    """Save `text` to `path`; the seconds until the tab has reloaded (its load event) showing `marker`."""
    loaded: list[float] = []

    def on_load(_):
        loaded.append(time.perf_counter())  # when Chromium fired it, not when this thread next looks

    tab.on("load", on_load)
    start = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    try:
        while time.perf_counter() - start < limit:
            tab.wait_for_event("load", timeout=limit * 1000)
            if marker in tab.content():
                return loaded[-1] - start
        raise SystemExit(f"{marker!r} never appeared")
    finally:
        tab.remove_listener("load", on_load)


def measure(services: int, edits: int, command: str, chromium) -> list[dict]:
    with scratch() as tmp:
        project = copy_project(Path(tmp) / "project")
        if services != 33:
            with_directory(project, services)
        page = project / "content" / "wellbeing" / "loneliness.md"
        data = project / "data" / "services.yaml"
        page_text, data_text = page.read_text(), data.read_text()
        server, url = start(project, command)
        rows = []
        try:
            tab = chromium.new_page()
            for kind, path, address, edit in (
                    ("page", page, "wellbeing/loneliness/",
                     lambda m: page_text.replace("## Next steps", f"{m}\n\n## Next steps", 1)),
                    ("data", data, page_url(service_src(SERVICE)),
                     lambda m: data_text.replace("description: ", f"description: {m} ", 1))):
                tab.goto(url + address, timeout=FIRST_BUILD_LIMIT * 1000)
                seconds, cpu = [], []
                for n in range(1, edits + 1):
                    marker = f"Edit number {n} is here."
                    used = processor_seconds(server.pid)
                    seconds.append(reload_seconds(tab, path, edit(marker), marker))
                    cpu.append(processor_seconds(server.pid) - used)
                rows.append({"services": services, "kind": kind, "runs": " ".join(f"{s:.2f}" for s in seconds),
                             "median": statistics.median(seconds), "cpu": statistics.median(cpu),
                             "load": os.getloadavg()[0]})
        finally:
            server.terminate()
            server.wait(timeout=60)
        return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", default="33,1000,5000")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--command", default=SERVE, help=f"mkdocs' arguments before --dev-addr ({SERVE!r})")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        columns = [("services", "services", ""), ("edit", "kind", ""), ("seconds of each edit", "runs", ""),
                   ("median", "median", ".2f"), ("processor s", "cpu", ".2f"), ("load", "load", ".1f")]
        print(f"`mkdocs {args.command}`: seconds from saving a file to the open tab showing the change; "
              f"load average {os.getloadavg()[0]:.1f}")

        def rows():
            for n in (int(s) for s in args.services.split(",")):
                yield from measure(n, args.edits, args.command, chromium)

        print_table("Preview reload", columns, rows())
        chromium.close()


if __name__ == "__main__":
    main()
