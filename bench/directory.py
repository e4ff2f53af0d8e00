"""Benchmark: how build time and output grow with the size of the service directory.

    .venv/bin/python bench/directory.py [100 1000 5000]

Builds a copy of the project with a synthetic directory of each size and prints a table.
Targets on a 2-core machine: 5,000 services in under 60 s and 50,000 in under 5 minutes and 2 GB; service
pages under 25 KB of HTML each; lists of services paged, so the largest list stays the same size at any scale.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from builds import copy_project, print_table, scratch, timed_build, with_directory  # noqa: E402


def folder_size(path: Path, pattern: str = "**/*") -> int:
    return sum(p.stat().st_size for p in path.glob(pattern) if p.is_file())


def measure(n: int) -> dict:
    with scratch() as tmp:
        project = with_directory(copy_project(Path(tmp) / "project"), n)
        seconds, peak_mb, cpu_seconds = timed_build(project)
        site = project / "site"
        pages = {p for p in (site / "services").glob("*/index.html") if p.parent.name not in ("for", "kind", "in")
                 and not p.parent.name.startswith("page-")}
        lists = [p for p in (site / "services").rglob("index.html") if p not in pages]
        index = site / "search" / "search_index.json"
        return {
            "services": n, "seconds": seconds, "cpu_seconds": cpu_seconds, "ms_per_service": 1000 * seconds / n,
            "output_mb": folder_size(site) / 1e6, "kb_per_page": sum(p.stat().st_size for p in pages) / len(pages) / 1000,
            "lists": len(lists), "largest_list_kb": max(p.stat().st_size for p in lists) / 1000,
            "index_kb": (index.stat().st_size if index.exists() else folder_size(site / "pagefind")) / 1000,
            "peak_mb": peak_mb,
        }


def main(sizes: list[int]) -> None:
    print_table("Service directory build", [
        ("services", "services", ""), ("build s", "seconds", ".1f"), ("cpu s", "cpu_seconds", ".1f"),
        ("ms/service", "ms_per_service", ".1f"),
        ("output MB", "output_mb", ".1f"), ("KB/page", "kb_per_page", ".1f"), ("lists", "lists", ""),
        ("largest list KB", "largest_list_kb", ".1f"), ("search KB", "index_kb", ".0f"), ("peak MB", "peak_mb", ".0f"),
    ], (measure(n) for n in sizes))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
