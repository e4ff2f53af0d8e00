"""Chromium as the tests and benchmarks run it, and axe-core's WCAG 2.2 A and AA rules in it."""

from __future__ import annotations

import os
from collections import deque

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's package, which .ci/run installs
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Every WCAG 2.2 A and AA rule, each failing element reported; passes, incomplete and inapplicable rules are
# reported with one element at most (axe-core's documented `resultTypes`), which is all axe then serialises.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
IN_FLIGHT = 4  # pages axe checks at once in a sweep, each in its own tab (its own renderer process)


def axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT  # the axe-core the package ships (axe.min.js)

    return AXE_SCRIPT


def described(violations: list[dict], nodes: int = 3) -> list[str]:
    """One line a failing element (the first `nodes` of each rule): the rule, what it asks, where, and why."""
    return [f"{rule['id']}: {rule['help']} at {node['target']} ({node.get('failureSummary', '')[:160]})"
            for rule in violations for node in rule["nodes"][:nodes]]


def axe_violations(page, nodes: int = 3) -> list[str]:
    """Each WCAG 2.2 A or AA failure axe finds on the page, one line a failing element (described)."""
    if not page.evaluate("typeof axe !== 'undefined'"):  # sent once a document, not once a check
        page.evaluate(axe_script())
    return described(page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"], nodes)


def axe_sweep(browser, base: str, addresses: list[str], width: int, scheme: str,
              in_flight: int = IN_FLIGHT) -> list[str]:
    """Every address checked by axe at one width and colour scheme, in one browser context with axe added to
    each document as it loads (once for the context, not sent once a page), and `in_flight` pages at once:
    while axe checks one tab's page, the next tabs load theirs. Returns "address: violation" lines, in the
    order of `addresses`."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    context.add_init_script(axe_script())
    tabs = [context.new_page() for _ in range(in_flight)]
    running: deque = deque()  # (tab, address), each with axe.run started in window.__axe
    found = []

    def collect() -> None:
        tab, address = running.popleft()
        violations = tab.evaluate("() => window.__axe")  # waits for the run started on this page
        found.extend(f"{address}: {line}" for line in described(violations))

    try:
        for n, address in enumerate(addresses):
            if len(running) == in_flight:
                collect()
            tab = tabs[n % in_flight]
            tab.goto(base + address)
            # Not awaited: the tab checks its page while the next tab loads; collect() takes the answer.
            tab.evaluate("options => { window.__axe = axe.run(document, options).then(r => r.violations); }",
                         AXE_OPTIONS)
            running.append((tab, address))
        while running:
            collect()
    finally:
        context.close()
    return found
