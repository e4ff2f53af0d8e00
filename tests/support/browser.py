"""Chromium as the tests and benchmarks run it, and axe-core's WCAG 2.2 A and AA rules in it."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's package, which .ci/run installs
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page, nodes: int = 3) -> list[str]:
    """Each WCAG 2.2 A or AA failure axe finds on the page, one line a failing element (the first `nodes` of each
    rule): the rule, what it asks, where, and why it failed."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    found = []
    for rule in results.response["violations"]:
        for node in rule["nodes"][:nodes]:
            found.append(f"{rule['id']}: {rule['help']} at {node['target']} ({node.get('failureSummary', '')[:160]})")
    return found
