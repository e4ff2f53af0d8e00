"""Benchmark: the site's search before and after Pagefind, side by side, as a carer on a slow phone network.

    .venv/bin/python bench/search.py [100 1000 5000] [--generators synthetic cloned] [--only pagefind]
                                     [--baseline COMMIT] [--queries N]

For each directory size and each generator (bench/synthetic.py, bench/cloned.py: two directories made unlike
each other), builds two copies of the project: "theme" is the commit before
Pagefind (BASELINE, mkdocs-material's search plugin, loaded by on-demand.js when a search starts), "pagefind" is
this working tree. Each is served gzipped on 127.0.0.1 and, in headless Chromium (Debian's), every query of
tests/support/search_queries.py is typed into a fresh tab (empty cache: a reader's first search) on the home
page, under throttling set with the DevTools protocol (Network.emulateNetworkConditions): THROTTLE below,
400 kbit/s down and up, 400 ms round trip, a slow 4G (or good 3G) phone; and again, in another fresh tab, on a
FAST connection (10 Mbit/s down, 5 up, 40 ms round trip). It records:

  KB       bytes transferred for that search (slow connection), from the moment the page had loaded: every byte
           the server wrote (status lines, headers and gzipped bodies), counted at the server, so requests
           made by a web worker count as much as the page's own
  s        seconds from the first keystroke to the first result shown, slow and fast
  top 3    where the expected page is among the first three results (1, 2, 3, or "-"); FIRST queries must be 1

The page itself loads unthrottled and is not counted: budgets for pages are bench/page_weight.py's.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import platform
import subprocess
import sys
import tarfile
import io
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from builds import GENERATORS, copy_project, scratch, timed_build, with_directory  # noqa: E402
from page_weight import CHROMIUM_ARGS, GzipHandler  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from support.search_queries import FIRST, QUERIES  # noqa: E402

BASELINE = "e2fa9d2"  # the last commit with mkdocs-material's search
THROTTLE = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
FAST = {"offline": False, "latency": 40, "downloadThroughput": 10_000_000 / 8, "uploadThroughput": 5_000_000 / 8}
BUDGET = {"kb": 150, "slow_s": 6.0, "fast_s": 2.5}  # issue 31: every query, every directory
TIMEOUT_MS = 600_000  # the theme's whole index at 5,000 services takes a while at 400 kbit/s


def baseline_project(into: Path, commit: str) -> Path:
    """The project as it was at `commit` (git archive: tracked files only, as a clone has them)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit], capture_output=True,
                             check=True).stdout
    into.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def build(project: Path, n: int, generator: str = "synthetic") -> tuple[Path, float]:
    return project / "site", timed_build(with_directory(project, n, generator)).seconds


class Counted(GzipHandler):
    """GzipHandler that counts every byte it writes (status line, headers and gzipped body) and each request
    while it is being answered: what the reader's phone receives, whichever part of the page (or a worker)
    asked for it."""

    def setup(self):
        super().setup()
        counter, handler = self.server.counter, self

        class Writer:
            def write(self, data):
                counter.sent += len(data)
                return handler.raw_wfile.write(data)

            def flush(self):
                handler.raw_wfile.flush()

            def close(self):
                handler.raw_wfile.close()

            @property
            def closed(self):
                return handler.raw_wfile.closed

        self.raw_wfile, self.wfile = self.wfile, Writer()

    def do_GET(self):  # counted from the request, not the connection (a browser opens some in advance)
        counter = self.server.counter
        counter.open += 1
        try:
            super().do_GET()
        finally:
            counter.open -= 1
            counter.last = time.perf_counter()
            counter.paths.append(self.path.split("?")[0].rsplit("/", 1)[-1])


class Counter:
    def __init__(self):
        self.sent, self.open, self.last, self.paths = 0, 0, time.perf_counter(), []


class Server:
    def __init__(self, site: Path):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counted, directory=str(site)))
        self.httpd.counter = Counter()
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def counter(self) -> Counter:
        return self.httpd.counter

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


# How each search is started and how its results are read.
KINDS = {
    "theme": {
        "start": lambda tab: tab.keyboard.press("/"),  # on-demand.js loads the theme's script and index
        "input": ".md-search__input",
        "first": ".md-search-result__item",
        "links": ".md-search-result__item > .md-search-result__link",
    },
    "pagefind": {
        "start": lambda tab: tab.focus("#ch-search-input"),  # site-search.js loads Pagefind
        "input": "#ch-search-input",
        "first": ".ch-search__list li",
        "links": ".ch-search__list a",
    },
}


def one_search(browser, server: Server, kind: str, query: str, throttle: dict = THROTTLE) -> dict:
    how = KINDS[kind]
    context = browser.new_context(viewport={"width": 412, "height": 823})  # a phone; an empty cache
    tab = context.new_page()
    tab.goto(server.url + "/")
    tab.wait_for_load_state("networkidle")
    cdp = context.new_cdp_session(tab)

    # Search runs partly in web workers (the theme's index; Pagefind can use one), which have targets of their
    # own: each is held at its start, given the same throttling, then let go.
    def to_worker(session: str, message_id: int, method: str, params: dict | None = None) -> None:
        cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": json.dumps(
            {"id": message_id, "method": method, "params": params or {}})})

    def attached(e: dict) -> None:
        session = e["sessionId"]
        to_worker(session, 1, "Network.enable")
        to_worker(session, 2, "Network.setCacheDisabled", {"cacheDisabled": True})
        to_worker(session, 3, "Network.emulateNetworkConditions", throttle)
        to_worker(session, 4, "Runtime.runIfWaitingForDebugger")

    cdp.on("Target.attachedToTarget", attached)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", throttle)
    cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})
    counter = server.counter
    sent_before, counter.paths = counter.sent, []
    start = time.perf_counter()
    how["start"](tab)
    tab.keyboard.type(query)
    tab.wait_for_selector(how["first"], timeout=TIMEOUT_MS)
    seconds = time.perf_counter() - start
    # The results for the whole query (not a prefix typed on the way), then the last responses out.
    tab.wait_for_function("([sel, q]) => document.querySelector(sel).value === q", arg=[how["input"], query])
    while counter.open or time.perf_counter() - counter.last < 2.0:
        tab.wait_for_timeout(100)
    links = tab.locator(how["links"])
    top = [links.nth(i).get_attribute("href") or "" for i in range(min(3, links.count()))]
    context.close()
    sent = counter.sent - sent_before
    if os.environ.get("BENCH_VERBOSE"):
        print(kind, query, sent, counter.paths, flush=True)
    rank = next((i + 1 for i, h in enumerate(top) if h.split("#")[0].endswith("/" + QUERIES[query])), None)
    return {"bytes": sent, "seconds": seconds, "rank": rank, "requests": len(counter.paths),
            "top3": rank is not None and (rank == 1 or query not in FIRST)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000])
    parser.add_argument("--generators", nargs="+", default=list(GENERATORS), choices=list(GENERATORS))
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--queries", type=int, default=len(QUERIES), help="only the first N queries")
    parser.add_argument("--only", choices=list(KINDS), help="measure one side only")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    queries = list(QUERIES)[:args.queries]
    print(f"Search, first search in an empty cache, Chromium throttled to 400 kbit/s down and up, 400 ms round trip"
          f" (and 10 Mbit/s, 40 ms: 'fast').\n{time.strftime('%Y-%m-%d')}, {platform.node()}, {os.cpu_count()} cores; "
          f"theme = {args.baseline}, pagefind = this working tree", flush=True)
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for n in args.sizes:
            for generator in args.generators:
                with scratch() as tmp:
                    sites = {}
                    if args.only in (None, "theme"):
                        sites["theme"] = build(baseline_project(Path(tmp) / "theme", args.baseline), n, generator)
                    if args.only in (None, "pagefind"):
                        sites["pagefind"] = build(copy_project(Path(tmp) / "pagefind"), n, generator)
                    for kind, (site, build_s) in sites.items():
                        server = Server(site)
                        results = {}
                        for q in queries:
                            results[q] = one_search(browser, server, kind, q)
                            results[q]["fast_seconds"] = one_search(browser, server, kind, q, FAST)["seconds"]
                        server.close()
                        rows.append((n, generator, kind, build_s, results))
                        print_row(n, generator, kind, build_s, results)
        browser.close()
    print("\nper query: top 3 position (FIRST queries must be 1) / KB / s slow / s fast")
    for n, generator, kind, _, results in rows:
        print(f"\n{n} services, {generator}, {kind}")
        for q, r in results.items():
            over = [name for name, value, limit in (("KB", r["bytes"] / 1000, BUDGET["kb"]),
                                                    ("slow", r["seconds"], BUDGET["slow_s"]),
                                                    ("fast", r["fast_seconds"], BUDGET["fast_s"])) if value > limit]
            print(f"  {q:<18} {r['rank'] or '-'}{'' if r['top3'] else ' MISSED'} / {r['bytes'] / 1000:.1f} / "
                  f"{r['seconds']:.1f} / {r['fast_seconds']:.1f}{'  OVER: ' + ', '.join(over) if over else ''}")


def print_row(n: int, generator: str, kind: str, build_s: float, results: dict) -> None:
    kb = [r["bytes"] / 1000 for r in results.values()]
    seconds = [r["seconds"] for r in results.values()]
    fast = [r["fast_seconds"] for r in results.values()]
    hits = sum(r["top3"] for r in results.values())
    print(f"{n:>5} services | {generator:<9} | {kind:<9} | build {build_s:5.1f} s | KB a first search: median "
          f"{sorted(kb)[len(kb) // 2]:7.1f}, max {max(kb):7.1f} | s to first result: median "
          f"{sorted(seconds)[len(seconds) // 2]:5.1f}, "
          f"max {max(seconds):5.1f}, fast max {max(fast):4.1f} | top 3: {hits}/{len(results)}", flush=True)


if __name__ == "__main__":
    main()
