"""Benchmark: Carers Hub against a stock mkdocs-material build of the same pages, side by side.

    .venv/bin/python bench/build_speed.py [5000] [runs]

Builds the example site with a synthetic directory of 5,000 services (bench/synthetic.py) with Carers Hub,
and the same pages (every page of every list and the A to Z included) written as Markdown with stock
mkdocs-material: the same menu, theme features,
Markdown extensions and search plugin, and none of Carers Hub's templates, hooks, macros or checks (so its
search index has an entry for every heading of every page, where Carers Hub's has one a service). Two more
stock builds show how much the menu matters: the same pages with a one-page menu (stock mkdocs-material
writes the whole menu into every page, which Carers Hub leaves out of pages made from data), and the
service pages alone with a one-page menu, the smallest site that still holds the directory (the comparison
earlier runs made). Each build runs `runs` times (3 unless given), taking turns; the table shows the
median time and the largest peak memory.
Target: Carers Hub at most 0.8 times the stock build of the same pages, peak memory under 1 GB.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from builds import copy_project, scratch, timed_build  # noqa: E402
from synthetic import services  # noqa: E402

JINJA = re.compile(r"{{.*?}}|{%.*?%}|{#.*?#}", re.DOTALL)


def service_markdown(s: dict) -> str:
    hours = "; ".join(f"{', '.join(h['days'])} {h['opens']} to {h['closes']}" for h in s.get("opening_hours", []))
    return (f"# {s['name']}\n\nRun by {s['organisation']}\n\n{s['description']}\n\n## Who it is for\n\n"
            + "".join(f"- {a}\n" for a in s["audience"]) + f"\nArea: {s['area']}\n\n## How to get in touch\n\n"
            f"Call {s.get('phone', '')}\n\n[Website]({s.get('website', 'https://example.org')})\n\n"
            f"## When it is open\n\n{hours}\n\n## Kind of service\n\n" + "".join(f"- {c}\n" for c in s["categories"]))


def write_services(docs: Path, records: list[dict]) -> None:
    (docs / "services").mkdir(parents=True, exist_ok=True)
    for s in records:
        (docs / "services" / f"{s['id']}.md").write_text(service_markdown(s))


def lists_of(hub: Path) -> dict[str, tuple[str, str]]:
    """Every page Carers Hub makes from data other than a service's (the directory and its filters, page by
    page, the journeys, the A to Z): (title, HTML body) by path under content/, as the hub's own build makes
    them."""
    from carers_hub.core.today import today as current_date
    from carers_hub.data import front_matter, services as hub_services, site_data
    from carers_hub.directory import generated_pages
    from carers_hub.directory.generated import Sources

    today = current_date()
    data = site_data.load_site_data(hub / "data", root=hub, today=today)
    directory = hub_services.load_directory(hub / "data", data, root=hub, today=today)
    audiences = set(data.audiences)
    metas = {p.relative_to(hub / "content").as_posix(): front_matter.check_page(p.read_text(), p.name, audiences, today)[0]
             for p in (hub / "content").rglob("*.md")}
    service_pages = {f"services/{listing.id}.md" for listing in directory.listings}
    return {path: (made.title, str(made.html())) for path, made in generated_pages(Sources(data, directory, metas)).items()
            if path not in service_pages}


def write_same_pages(docs: Path, hub: Path, records: list[dict]) -> None:
    """Every page Carers Hub builds, as Markdown: its guidance pages with the macros taken out (so the stock
    build has a little less text to render), the service pages written as Markdown, and every other page made
    from data (every page of every list, the journeys, the A to Z) with the same HTML in a Markdown page."""
    for source in (hub / "content").rglob("*"):
        target = docs / source.relative_to(hub / "content")
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif source.suffix == ".md":
            target.write_text(JINJA.sub("", source.read_text()))
        else:
            target.write_bytes(source.read_bytes())
    write_services(docs, records)
    for path, (title, body) in lists_of(hub).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(f"# {title}\n\n{body}\n")


def stock_config(hub: Path, whole_menu: bool) -> dict:
    """Carers Hub's settings less everything of its own: no overrides, hooks, macros or extra CSS."""
    config = yaml.safe_load((hub / "mkdocs.yml").read_text())
    theme = {k: v for k, v in config["theme"].items() if k not in ("custom_dir", "favicon")}
    theme["language"] = "en"
    keep = ("use_directory_urls", "markdown_extensions", "nav", "not_in_nav", "validation")
    stock = {"site_name": "Stock", "docs_dir": "docs", "theme": theme, "plugins": ["search"],
             **{k: config[k] for k in keep if k in config}}
    if not whole_menu:
        stock.update(nav=[{"Home": "index.md"}], not_in_nav="*")
    return stock


def stock_same_pages(root: Path, hub: Path, records: list[dict], whole_menu: bool = True) -> Path:
    write_same_pages(root / "docs", hub, records)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(stock_config(hub, whole_menu), sort_keys=False))
    return root


def stock_services_only(root: Path, records: list[dict]) -> Path:
    docs = root / "docs"
    write_services(docs, records)
    (docs / "index.md").write_text("# Services\n")
    (root / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "Stock", "theme": {"name": "material"}, "plugins": ["search"],
        "nav": [{"Home": "index.md"}], "not_in_nav": "/services/**"}))
    return root


def main(n: int, runs: int) -> None:
    with scratch() as tmp:
        hub = copy_project(Path(tmp) / "hub")
        text = services(n, hub / "data")
        (hub / "data" / "services.yaml").write_text(text)
        records = yaml.safe_load(text)["services"]
        builds = {
            "Carers Hub (whole site, checks, leaflets, open data)": hub,
            "stock mkdocs-material, the same pages": stock_same_pages(Path(tmp) / "same", hub, records),
            "stock, the same pages, one-page menu": stock_same_pages(Path(tmp) / "short", hub, records, False),
            "stock, service pages only, one-page menu": stock_services_only(Path(tmp) / "services", records),
        }
        results = {name: [] for name in builds}
        for _ in range(runs):
            for name, project in builds.items():
                results[name].append(timed_build(project))
    print(f"Build speed, {n} services, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}, median of {runs} runs")
    print(f"| {'build':<52} | {'seconds':>7} | {'runs':<22} | {'cpu s':>7} | {'peak MB':>7} |")
    print(f"|{'-' * 54}|{'-' * 9}|{'-' * 24}|{'-' * 9}|{'-' * 9}|")
    medians, cpu = {}, {}
    for name, measured in results.items():
        medians[name] = statistics.median(run.seconds for run in measured)
        cpu[name] = statistics.median(run.cpu_seconds for run in measured)
        each = ", ".join(f"{run.seconds:.1f}" for run in measured)
        print(f"| {name:<52} | {medians[name]:>7.1f} | {each:<22} | {cpu[name]:>7.1f} | "
              f"{max(run.peak_mb for run in measured):>7.0f} |")
    hub_s, same_s, short_s, services_s = medians.values()
    hub_cpu, same_cpu = list(cpu.values())[:2]
    print(f"\nCarers Hub's time over the stock build of the same pages: {hub_s / same_s:.2f} (target at most 0.8; "
          f"in processor time {hub_cpu / same_cpu:.2f}); "
          f"with a one-page menu: {hub_s / short_s:.2f}; the service pages alone: {hub_s / services_s:.2f}.\n"
          "Peak memory: the most the processes of a build held at one time.")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
