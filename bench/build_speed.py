"""Benchmark: Carers Hub against a stock mkdocs-material build of the same pages, side by side.

    .venv/bin/python bench/build_speed.py [5000]

Builds the synthetic directory (bench/synthetic.py) with Carers Hub, then the same service pages
written out as plain Markdown files and built by a stock mkdocs-material site (search plugin only, pages
kept out of the nav as Carers Hub keeps them). Prints both times, their ratio and peak memory.
Target: Carers Hub at most 1.3 times the stock build, peak memory under 1 GB.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from directory import copy_project  # noqa: E402
from synthetic import services  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed_build(project: Path) -> tuple[float, float]:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"], cwd=project,
                             env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err = child.communicate()
    seconds = time.perf_counter() - start
    if child.returncode:
        raise SystemExit(err[-3000:])
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, usage.ru_maxrss / 1024


def stock_project(root: Path, records: list[dict]) -> Path:
    docs = root / "docs"
    (docs / "services").mkdir(parents=True)
    (docs / "index.md").write_text("# Services\n")
    for s in records:
        hours = "; ".join(f"{', '.join(h['days'])} {h['opens']} to {h['closes']}" for h in s.get("opening_hours", []))
        (docs / "services" / f"{s['id']}.md").write_text(
            f"# {s['name']}\n\nRun by {s['organisation']}\n\n{s['description']}\n\n## Who it is for\n\n"
            + "".join(f"- {a}\n" for a in s["audience"]) + f"\nArea: {s['area']}\n\n## How to get in touch\n\n"
            f"Call {s.get('phone', '')}\n\n[Website]({s.get('website', 'https://example.org')})\n\n"
            f"## When it is open\n\n{hours}\n\n## Kind of service\n\n" + "".join(f"- {c}\n" for c in s["categories"]))
    (root / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "Stock", "theme": {"name": "material"}, "plugins": ["search"],
        "nav": [{"Home": "index.md"}], "not_in_nav": "/services/**"}))
    return root


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        hub = copy_project(Path(tmp) / "hub")
        text = services(n, hub / "data")
        (hub / "data" / "services.yaml").write_text(text)
        hub_seconds, hub_mb = timed_build(hub)
        stock = stock_project(Path(tmp) / "stock", yaml.safe_load(text)["services"])
        stock_seconds, stock_mb = timed_build(stock)
    print(f"Build speed, {n} services, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}")
    print(f"{'build':<40} | {'seconds':>7} | {'peak MB':>7}")
    print("-" * 62)
    print(f"{'Carers Hub (whole example site + services)':<40} | {hub_seconds:>7.1f} | {hub_mb:>7.0f}")
    print(f"{'stock mkdocs-material, same pages':<40} | {stock_seconds:>7.1f} | {stock_mb:>7.0f}")
    print(f"ratio {hub_seconds / stock_seconds:.2f} (target at most 1.3); peak memory is the largest child so far")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
