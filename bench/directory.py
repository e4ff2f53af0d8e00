"""Benchmark: how build time and output grow with the size of the service directory.

    .venv/bin/python bench/directory.py [100 1000 5000]

Builds a copy of the project with a synthetic directory of each size and prints a table.
Target on a 2-core machine: 5,000 services in under 60 s, service pages under 25 KB of HTML each.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from builds import copy_project, scratch, timed_build  # noqa: E402
from synthetic import services  # noqa: E402


def folder_size(path: Path, pattern: str = "**/*") -> int:
    return sum(p.stat().st_size for p in path.glob(pattern) if p.is_file())


def measure(n: int) -> dict:
    with scratch() as tmp:
        project = copy_project(Path(tmp) / "project")
        (project / "data" / "services.yaml").write_text(services(n, project / "data"))
        seconds, peak_mb = timed_build(project)
        site = project / "site"
        pages = [p for p in (site / "services").glob("*/index.html") if p.parent.name not in ("for", "kind")]
        return {
            "services": n, "seconds": seconds, "ms_per_service": 1000 * seconds / n,
            "output_mb": folder_size(site) / 1e6, "kb_per_page": sum(p.stat().st_size for p in pages) / len(pages) / 1000,
            "index_kb": folder_size(site / "pagefind") / 1000, "peak_mb": peak_mb,
        }


def main(sizes: list[int]) -> None:
    print(f"Service directory build, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}")
    print(f"{'services':>8} | {'build s':>7} | {'ms/service':>10} | {'output MB':>9} | {'KB/page':>7} | "
          f"{'search KB':>9} | {'peak MB':>7}")
    print("-" * 78)
    for n in sizes:
        r = measure(n)
        print(f"{r['services']:>8} | {r['seconds']:>7.1f} | {r['ms_per_service']:>10.1f} | {r['output_mb']:>9.1f} | "
              f"{r['kb_per_page']:>7.1f} | {r['index_kb']:>9.0f} | {r['peak_mb']:>7.0f}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 5000])
