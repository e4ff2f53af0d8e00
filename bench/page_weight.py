"""Benchmark: bytes a reader's phone downloads on a first visit to each kind of page.

    .venv/bin/python bench/page_weight.py [SERVICES]

Builds the example site (with SERVICES given: with a synthetic directory of that many services,
bench/synthetic.py), serves it with gzip on 127.0.0.1 and loads each kind of page in headless Chromium
(Debian's /usr/bin/chromium) with an empty cache, then prints bytes transferred by type and the number of
requests, and Lighthouse's scores when `make bench` has installed it. Budgets: 60 KB for every kind of page,
20 KB for the crisis page. Every kind of list page is measured too (the directory's first and second pages, a
kind of service, a kind of carer, an area, kinds combined, a journey, the A to Z and its pages of services):
for each, the heaviest page of that kind in the built site. Search is started on one page to show its files
arrive only then (bench/search.py measures searches in detail).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
from support.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from support.kinds import KINDS, LISTS, heaviest_of_each_list  # noqa: E402  (the tests use the same list)
from carers_hub.checks.links import free_port  # noqa: E402

TYPES = {"html": ("text/html",), "css": ("text/css",), "js": ("javascript",), "fonts": ("font",),
         "images": ("image/",), "json": ("json",), "search": ("octet-stream", "wasm")}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzipped, as a real web server would."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(body)


def kind_of(content_type: str) -> str:
    return next((name for name, marks in TYPES.items() if any(m in content_type for m in marks)), "other")


def measure(browser, base: str, path: str, search: bool = False) -> dict[str, int]:
    context = browser.new_context()  # an empty cache each time
    page = context.new_page()
    seen: list = []
    page.on("requestfinished", lambda request: seen.append(request))
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    if search:
        page.locator("#ch-search-input").click()
        page.keyboard.type("respite")
        page.wait_for_selector(".ch-search__list a", timeout=15_000)
        page.wait_for_load_state("networkidle")
    totals = {name: 0 for name in TYPES} | {"other": 0, "requests": len(seen)}
    for request in seen:
        response = request.response()
        sizes = request.sizes()
        kind = kind_of((response.headers.get("content-type", "") if response else ""))
        totals[kind] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    return totals


LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"  # make bench installs it (bench/package.json)


def lighthouse(url: str) -> dict[str, float]:
    """Scores from the lighthouse npm package (mobile preset) run against Debian's Chromium."""
    import json
    import os

    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                        "--only-categories=performance,accessibility,best-practices,seo",
                        "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)],
                       check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, timeout=300)
        categories = json.loads(report.read_text())["categories"]
    return {name: categories[name]["score"] for name in ("performance", "accessibility", "best-practices", "seo")}


def build(folder: Path, services_count: int | None) -> Path:
    """The example built into folder/site, or a copy of it with a synthetic directory (folder/project/site)."""
    if services_count:
        sys.path.insert(0, str(ROOT / "bench"))
        from builds import copy_project, timed_build, with_directory

        project = with_directory(copy_project(folder / "project"), services_count)
        timed_build(project)
        return project / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(folder / "site")],
                   cwd=ROOT, check=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    return folder / "site"


def main() -> None:
    from playwright.sync_api import sync_playwright

    services_count = int(sys.argv[1]) if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory() as tmp:
        site = build(Path(tmp), services_count)
        kinds = dict(KINDS) | heaviest_of_each_list(site)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()),
                                                 functools.partial(GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        print(f"{services_count or 'The example'}'s services. " + ", ".join(f"{k}: {v}" for k, v in kinds.items()
                                                                            if k in LISTS))
        print(f"First visit, empty cache, gzip, headless Chromium. {time.strftime('%Y-%m-%d')}")
        head = f"{'page':<22} | " + " | ".join(f"{t:>6}" for t in [*TYPES, "other"]) + " |  total | budget | reqs"
        print(head)
        print("-" * len(head))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            rows = [(kind, measure(browser, base, path)) for kind, path in kinds.items()]
            rows.append(("home, after a search", measure(browser, base, "/", search=True)))
            browser.close()
            scores = {kind: lighthouse(base + path) for kind, path in kinds.items()} if LIGHTHOUSE.exists() else {}
        server.shutdown()
        for kind, t in rows:
            total = sum(v for k, v in t.items() if k != "requests")
            budget = 20_000 if kind == "crisis" else (60_000 if "search" not in kind else 0)
            verdict = ("ok" if total <= budget else "OVER") if budget else "-"
            print(f"{kind:<22} | " + " | ".join(f"{t[k] / 1000:>6.1f}" for k in [*TYPES, "other"])
                  + f" | {total / 1000:>6.1f} | {verdict:>6} | {t['requests']:>4}")
        print("(KB; 'home, after a search' shows Pagefind, its WebAssembly and the index chunks arriving on demand)")
        if not scores:
            print("\nLighthouse not installed: run `make bench` (it installs Lighthouse) for the Lighthouse table.")
            return
        print("\nLighthouse, mobile preset (simulated slow 4G), Debian's Chromium")
        print(f"{'page':<22} | {'performance':>11} | {'accessibility':>13} | {'best practices':>14} | {'SEO':>5}")
        print("-" * 72)
        for kind, s in scores.items():
            print(f"{kind:<22} | {s['performance']:>11.2f} | {s['accessibility']:>13.2f} | {s['best-practices']:>14.2f} | "
                  f"{s['seo']:>5.2f}")


if __name__ == "__main__":
    main()
