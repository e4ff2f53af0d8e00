"""Benchmark: Carers Hub against a stock mkdocs-material build of the same pages, side by side.

    .venv/bin/python bench/build_speed.py [5000] [runs]

Builds the example site with a synthetic directory of 5,000 services (bench/synthetic.py) with Carers Hub,
and the same pages written as plain Markdown with stock mkdocs-material: the same menu, theme features,
Markdown extensions and search plugin, and none of Carers Hub's templates, hooks, macros or checks (so its
search index has an entry for every heading of every page, where Carers Hub's has one a service). Two more
stock builds show how much the menu matters: the same pages with a one-page menu (stock mkdocs-material
writes the whole menu into every page, which Carers Hub leaves out of pages made from data), and the
service pages alone with a one-page menu, the smallest site that still holds the directory (the comparison
earlier runs made). Each build runs `runs` times (3 unless given), taking turns; the table shows the
median time and the largest peak memory.
Target: Carers Hub at most 1.3 times the stock build of the same pages, peak memory under 1 GB.
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


def listing(records: list[dict], prefix: str) -> str:
    return "".join(f"- [{s['name']}]({prefix}{s['id']}.md): {s['description'].split('.')[0]}.\n"
                   for s in sorted(records, key=lambda s: s["name"].lower()))


def write_services(docs: Path, records: list[dict]) -> None:
    (docs / "services").mkdir(parents=True, exist_ok=True)
    for s in records:
        (docs / "services" / f"{s['id']}.md").write_text(service_markdown(s))


def write_same_pages(docs: Path, hub: Path, records: list[dict]) -> None:
    """Every page Carers Hub builds, as plain Markdown: its guidance pages with the macros taken out (so the
    stock build has a little less text to render), and the directory, filter, journey and service pages."""
    for source in (hub / "content").rglob("*"):
        target = docs / source.relative_to(hub / "content")
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif source.suffix == ".md":
            target.write_text(JINJA.sub("", source.read_text()))
        else:
            target.write_bytes(source.read_bytes())
    write_services(docs, records)
    data = hub / "data"
    categories = yaml.safe_load((data / "categories.yaml").read_text())["categories"]
    audiences = yaml.safe_load((data / "audiences.yaml").read_text())["audiences"]
    directory = "# Find a service\n\n"
    for category in categories:
        listed = [s for s in records if category["id"] in s["categories"]]
        if listed:
            directory += f"## {category['label']}\n\n" + listing(listed, "") + "\n"
            (docs / "services" / "kind").mkdir(exist_ok=True)
            (docs / "services" / "kind" / f"{category['id']}.md").write_text(
                f"# {category['label']}\n\n" + listing(listed, "../"))
    (docs / "services" / "index.md").write_text(directory)
    for audience in audiences:
        listed = [s for s in records if audience["id"] in s["audience"]]
        if listed:
            for folder, prefix in (("services/for", "../"), ("journeys", "../services/")):
                (docs / folder).mkdir(parents=True, exist_ok=True)
                (docs / folder / f"{audience['id']}.md").write_text(
                    f"# Help for {audience['label'].lower()}\n\n{audience['description']}\n\n" + listing(listed, prefix))


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
    print(f"| {'build':<52} | {'seconds':>7} | {'runs':<22} | {'peak MB':>7} |")
    print(f"|{'-' * 54}|{'-' * 9}|{'-' * 24}|{'-' * 9}|")
    medians = {}
    for name, measured in results.items():
        medians[name] = statistics.median(seconds for seconds, _ in measured)
        each = ", ".join(f"{seconds:.1f}" for seconds, _ in measured)
        print(f"| {name:<52} | {medians[name]:>7.1f} | {each:<22} | {max(mb for _, mb in measured):>7.0f} |")
    hub_s, same_s, short_s, services_s = medians.values()
    print(f"\nCarers Hub's time over the stock build of the same pages: {hub_s / same_s:.2f} (target at most 1.3); "
          f"with a one-page menu: {hub_s / short_s:.2f}; the service pages alone: {hub_s / services_s:.2f}.\n"
          "Peak memory adds up the peak of each process of a build.")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
