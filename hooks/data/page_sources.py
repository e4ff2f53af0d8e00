"""Which pages must say where their facts come from, and the order they say it in.

A council lists the parts of its site about money, rights, health and the law under `sourced_sections` in
data/site.yaml: a folder ("money-and-work/", every page in it and below it) or one page
("planning-ahead/lasting-power-of-attorney.md"). Every page there lists `sources:` in its front matter, shown
at its end as "Where these facts come from"; the build stops on one that does not, so the promise on
about/keeping-information-up-to-date.md stays true.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from carers_hub.core.problems import Problem
from carers_hub.core.yaml_source import Located
from carers_hub.data.provenance import FactSource

# Primary sources first (the provider's, the council's, GOV.UK, legislation.gov.uk, the NHS): what a carer can
# trust most is read first. Within a kind the editor's order is kept.
KIND_ORDER = ("own", "saved_copy", "secondary", "unconfirmed")


def primary_first(sources: Iterable[FactSource]) -> list[FactSource]:
    """The page's sources in the order carers read them: KIND_ORDER, then as written (a kind not in KIND_ORDER
    goes last: tests/test_page_sources.py makes sure every kind has a place)."""
    rank = {kind: place for place, kind in enumerate(KIND_ORDER)}
    return sorted(sources, key=lambda source: rank.get(source.kind, len(KIND_ORDER)))


def in_sections(src_uri: str, sections: Sequence[str]) -> bool:
    """Is the page (its path in content/) one of the listed pages, or inside a listed folder?"""
    return any(src_uri == section or (section.endswith("/") and src_uri.startswith(section))
               for section in sections)


def missing_sources(src_uri: str, has_sources: bool, file: str, sections: Sequence[str]) -> list[Problem]:
    """A page in a listed section with no sources stops the build: carers are promised them there."""
    if has_sources or not in_sections(src_uri, sections):
        return []
    return [Problem(
        code="PAGE_SOURCES_MISSING", file=file, line=1, field="sources",
        message="this page is about money, rights, health or the law (its section is listed under "
                "sourced_sections in data/site.yaml), but it does not say where its facts come from.",
        fix="Add a 'sources:' list to the block at the top of the page. For each fact: 'fact:' (what it "
            "supports), 'url:' (the page you read it on), 'kind:' (own for GOV.UK, legislation.gov.uk, the NHS "
            "or the provider's own page; secondary for anything else) and 'checked:' (the day you read it). "
            "Copy the list from money-and-work/carers-allowance.md.")]


def unknown_sections(sections: Sequence[str], pages: Iterable[str], site: Located) -> list[Problem]:
    """A listed section that holds no page is a typo or a moved folder: the rule would silently check nothing."""
    pages = list(pages)
    return [
        Problem(code="SOURCED_SECTION_UNKNOWN", file=site.file, line=site.line(("sourced_sections", i)),
                field=f"sourced_sections[{i}]",
                message=f'"{section}" is not a page or a folder of pages in content/.',
                fix="Write a folder inside content/ ending in /, like money-and-work/, or one page, like "
                    "planning-ahead/lasting-power-of-attorney.md. If the pages moved, write their new place.")
        for i, section in enumerate(sections) if not any(in_sections(page, [section]) for page in pages)
    ]
