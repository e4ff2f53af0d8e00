"""Benchmark: make import-directory on a feed served from memory on 127.0.0.1, as its size grows.

    .venv/bin/python bench/import_directory.py [100 1000 5000]

Each size is a v1-shaped feed (tests/support/feeds.py big_feed: 100 services a page, list items without
details, HTML, long text and the usual mess), so the importer fetches every service's details, as it must
from most real feeds. No polite pauses (rate limit off): the time is the importer's own work plus a local
server's answers. The column "at 5/s" adds the pauses the default limit of 5 requests a second would make.
Then the same feed is imported again (a re-import with nothing changed), the site is built with the result, and
the heaviest first visit among the pages that list services is measured (gzipped, as tests/test_page_weight.py),
and the ORUK validator's steps at Levels 1 and 2 are run over HTTP against the built site
(hooks/checks/oruk_validator.py: its seconds, addresses read, and errors, which should be 0).
Then every imported service's page is weighed (its first visit, gzipped, against the 60 KB budget) and run
through axe-core in Chromium (WCAG 2.2 A and AA) at 320 px in light colours and 1280 px in dark: the pages
and failures counted, and the first few failures printed.
Target: 1,000 services in under 30 s; every page within its 60 KB budget; no axe failure.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from builds import copy_project, print_table, scratch, timed_build  # noqa: E402
from support.browser import CHROMIUM, CHROMIUM_ARGS, axe_violations  # noqa: E402
from support.feeds import big_feed  # noqa: E402

from carers_hub.checks import oruk_validator  # noqa: E402
from carers_hub.checks.links import serve  # noqa: E402
from carers_hub.checks.page_weight import BUDGETS, first_visit  # noqa: E402
from carers_hub.directory.service_pages import service_src  # noqa: E402
from carers_hub.importer.run import Options, run  # noqa: E402

LISTING_PAGES = ["", "services/", "services/kind/adult-carers/", "services/for/all-carers/", "journeys/adult-carers/",
                 "check/result-carer/", "young-carers-and-families/young-carers/"]


AXE_VIEWS = [(320, "light"), (1280, "dark")]


def service_pages(ids) -> list[str]:
    """Each service's page address in the built site (services/<id>/)."""
    return [service_src(i).removesuffix(".md") + "/" for i in ids]


def weigh(site: Path, pages: list[str]) -> dict:
    """The heaviest first visit among the pages, and how many are over the standard budget."""
    totals = [sum(first_visit(site, page).values()) for page in pages]
    return {"service_max_kb": max(totals) / 1000, "over_budget": sum(t > BUDGETS["standard"] for t in totals)}


def axe_every_page(address: str, pages: list[str]) -> dict:
    """axe on every page at each view, in one browser tab a view; the failures as "page view: rule ..."."""
    from playwright.sync_api import sync_playwright

    started, found = time.perf_counter(), []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, scheme in AXE_VIEWS:
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
            tab = context.new_page()
            for page in pages:
                tab.goto(f"{address}/{page}")
                found += [f"/{page} {width}px {scheme}: {v}" for v in axe_violations(tab)]
            context.close()
        browser.close()
    for line in found[:10]:
        print("axe:", line, file=sys.stderr)
    return {"axe_pages": len(pages) * len(AXE_VIEWS), "axe_failures": len(found),
            "axe_seconds": time.perf_counter() - started}


def measure(n: int) -> dict:
    with scratch() as tmp:
        project = copy_project(Path(tmp) / "project")
        with big_feed(n) as feed:
            first = run(feed.url, project, Options(rate=0, workers=4), stream=io.StringIO())
            requests = sum(feed.requests.values())
            again = run(feed.url, project, Options(rate=0, workers=4), stream=io.StringIO())
        build_seconds = timed_build(project).seconds
        size = (project / "data" / "services-imported.yaml").stat().st_size  # where imported services go
        heaviest = max(sum(first_visit(project / "site", page).values()) for page in LISTING_PAGES)
        started = time.perf_counter()
        with serve(project / "site") as address:
            checked = oruk_validator.validate(address + "/oruk")
            validator_seconds = time.perf_counter() - started
            pages = service_pages(r["id"] for r in first.converted.services.values())
            axe = axe_every_page(address, pages)
        return {**weigh(project / "site", pages), **axe,
                "validator": validator_seconds, "asked": len(checked.asked),
                "errors": len(oruk_validator.errors(checked)), "services": n, "imported": len(first.converted.services),
                "requests": requests,
                "seconds": first.seconds, "fetch": first.timings["fetch"],
                "convert": first.timings["convert and merge"], "check": first.timings["check"],
                "write": first.timings["report and write"], "again": again.seconds,
                "polite": first.seconds + (requests - 1) / 5, "build": build_seconds, "yaml_mb": size / 1e6,
                "heaviest_kb": heaviest / 1000}


def main(sizes: list[int]) -> None:
    print_table("Import benchmark", [
        ("services", "imported", ""), ("requests", "requests", ""), ("import s", "seconds", ".1f"),
        ("fetch", "fetch", ".1f"), ("convert", "convert", ".1f"), ("check", "check", ".1f"), ("write", "write", ".1f"),
        ("again s", "again", ".1f"), ("at 5/s", "polite", ".0f"), ("build s", "build", ".1f"),
        ("YAML MB", "yaml_mb", ".1f"), ("max KB", "heaviest_kb", ".1f"), ("ORUK s", "validator", ".1f"),
        ("read", "asked", ""), ("ORUK errors", "errors", ""), ("service max KB", "service_max_kb", ".1f"),
        ("over budget", "over_budget", ""), ("axe pages", "axe_pages", ""), ("axe failures", "axe_failures", ""),
        ("axe s", "axe_seconds", ".0f"),
    ], (measure(n) for n in sizes))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
