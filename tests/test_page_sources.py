"""Pages about money, rights, health and the law say where their facts come from, primary sources first.

The sections are data (data/site.yaml's sourced_sections), so a council can change them; the build refuses a
page there without sources, and the reader meets the provider's or the government's own page first."""

import re
from datetime import date
from typing import get_args

import yaml

from conftest import SITE, SUITE_TODAY, build, edit, load_data
from carers_hub.data.page_sources import KIND_ORDER, in_sections, missing_sources, primary_first
from carers_hub.data.provenance import OWN_WORDS, FactSource, SourceKind

SECTIONS = ["money-and-work/", "planning-ahead/lasting-power-of-attorney.md"]
ITEM = re.compile(r'<li data-source-kind="([a-z_]+)">(.*?)</li>', re.S)  # saved_copy has an underscore


def _source(kind: str, name: str) -> FactSource:
    extra = {"title": f"a leaflet {name}"} if kind != "own" else {}
    return FactSource(fact=name, url=f"https://{name}.example.org/", kind=kind, checked=date(2026, 12, 1), **extra)


def test_a_page_in_a_listed_section_without_sources_is_refused_with_the_field_and_the_fix():
    [problem] = missing_sources("money-and-work/council-tax.md", False, "content/money-and-work/council-tax.md",
                                SECTIONS)
    assert (problem.code, problem.file, problem.line, problem.field) == (
        "PAGE_SOURCES_MISSING", "content/money-and-work/council-tax.md", 1, "sources")
    assert "sourced_sections" in problem.message and "sources:" in problem.fix and "checked:" in problem.fix


def test_only_listed_folders_and_pages_need_sources():
    assert in_sections("money-and-work/index.md", SECTIONS)
    assert in_sections("planning-ahead/lasting-power-of-attorney.md", SECTIONS)
    # A page beside a listed page, or a folder whose name only starts the same, is not in the section.
    assert not in_sections("planning-ahead/emergency-plan.md", SECTIONS)
    assert not in_sections("money-and-work-old/page.md", SECTIONS)
    assert missing_sources("wellbeing/loneliness.md", False, "content/wellbeing/loneliness.md", SECTIONS) == []
    assert missing_sources("money-and-work/council-tax.md", True, "content/x.md", SECTIONS) == []


def test_primary_sources_come_first_and_keep_the_editors_order_within_a_kind():
    sources = [_source("unconfirmed", "u"), _source("secondary", "s1"), _source("own", "o1"),
               _source("secondary", "s2"), _source("own", "o2")]
    assert [s.fact for s in primary_first(sources)] == ["o1", "o2", "s1", "s2", "u"]


def test_every_kind_of_source_has_a_place_in_the_order():
    # A new kind (say, a saved copy of a page) must be placed on purpose, not fall to the end by accident.
    assert set(KIND_ORDER) == set(get_args(SourceKind))


def test_the_site_lists_real_sections_and_every_page_there_has_sources():
    sections = load_data()[0].site_file.sourced_sections
    pages = [p.relative_to(SITE / "content").as_posix() for p in (SITE / "content").rglob("*.md")]
    for section in sections:
        assert any(in_sections(page, [section]) for page in pages), section
    for page in pages:
        if in_sections(page, sections):
            front = (SITE / "content" / page).read_text().split("---")[1]
            assert yaml.safe_load(front).get("sources"), page


def list_sections(project, *sections: str) -> None:
    site_file = project / "data" / "site.yaml"
    lines = "".join(f"  - {section}\n" for section in sections)
    if "\nsourced_sections:\n" in site_file.read_text():
        edit(site_file, "\nsourced_sections:\n", "\nsourced_sections:\n" + lines)
    else:
        site_file.write_text(site_file.read_text().rstrip("\n") + "\nsourced_sections:\n" + lines)


def sourced_crisis_page(project, sources: str = "") -> tuple:
    """The site's crisis page (every site has one), listed in sourced_sections, its sources: these YAML lines
    (none at all by default). Returns the page and its path in content/."""
    crisis = load_data(project / "data")[0].site_file.get_help_now.page
    page = project / "content" / crisis
    text = page.read_text()
    front = text.split("---")[1]
    page.write_text(text.replace(front, re.sub(r"^sources:\n(?:  .*\n)+", "", front, flags=re.M) + sources, 1))
    list_sections(project, crisis)
    return page, crisis


def test_the_build_stops_on_a_listed_page_without_sources_and_on_an_unknown_section(project):
    _, crisis = sourced_crisis_page(project)
    list_sections(project, "suport/")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"content/{crisis}" in output and "PAGE_SOURCES_MISSING" in output
    assert "sources" in output and "SOURCED_SECTION_UNKNOWN" in output and "suport/" in output


def test_the_built_page_shows_where_its_facts_come_from_with_a_primary_source_first(project, tmp_path):
    # An editor lists a secondary source before the government's own page; the reader still meets GOV.UK first.
    from carers_hub.core.urls import built_file

    _, crisis = sourced_crisis_page(project, (
        "sources:\n  - fact: what a neighbour said\n    title: a letter to a newspaper\n    kind: secondary\n"
        f"    checked: {SUITE_TODAY}\n  - fact: who can get Carer's Allowance\n"
        f"    url: https://www.gov.uk/carers-allowance\n    kind: saved_copy\n    checked: {SUITE_TODAY}\n"))
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / built_file(crisis)).read_text()
    section = html[html.index('<section class="ch-sources"'):]
    assert '<h2 id="where-these-facts-come-from">Where these facts come from</h2>' in section
    kinds = [kind for kind, _ in ITEM.findall(section)]
    # The government's page read in a saved copy is still the primary source (OWN_WORDS): it comes first.
    assert kinds[0] in OWN_WORDS and "secondary" in kinds
    assert kinds == sorted(kinds, key=KIND_ORDER.index)
    first = ITEM.findall(section)[0][1]
    assert re.search(r'href="https://(www\.)?(gov\.uk|legislation\.gov\.uk|nhs\.uk)/', first), first
