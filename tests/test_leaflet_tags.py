"""The PDF leaflets as a screen reader meets them: tagged (PDF/UA-1), in English, titled, with the page's
headings, lists and pictures' alternative text in the structure tree, read in the order they are printed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import yaml_fields
from support.pdf_tags import problems, read

from conftest import SITE, load_data
from carers_hub.data.front_matter import FRONT_MATTER
from carers_hub.outputs import article, leaflets

import yaml

CRISIS = yaml_fields.value(SITE / "data" / "site.yaml", "get_help_now", "page")  # the crisis page, as data names it
LEAFLETS = sorted([SITE / "content" / CRISIS, *(p for p in (SITE / "content" / "easy-read").glob("*.md")
                                                if p.name != "index.md")])
PICTURE = ('<img alt="{alt}" src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 '
           'width=%2290%22 height=%2290%22%3E%3Crect width=%2290%22 height=%2290%22/%3E%3C/svg%3E">')


def leaflet_of(source: Path) -> leaflets.Leaflet:
    meta = yaml.safe_load(FRONT_MATTER.match(source.read_text()).group(1))
    src = source.relative_to(SITE / "content").as_posix()
    return leaflets.Leaflet(src, meta["title"], date(2026, 1, 1), crisis=src == CRISIS)


@pytest.fixture(scope="module")
def printed():
    data, _ = load_data()
    return data.council.name, leaflets.help_items(data.contacts, data.get_help_now.printed_contacts)


@pytest.mark.parametrize("source", LEAFLETS, ids=lambda p: p.relative_to(SITE / "content").with_suffix("").as_posix())
def test_each_published_leaflet_reads_to_a_screen_reader_as_its_page_does(built_site, printed, source):
    leaflet = leaflet_of(source)
    council, help_items = printed
    page = (built_site / leaflet.page_dir / "index.html").read_text()
    html = leaflets.leaflet_html(leaflet, article.content(page), council, help_items)
    tags = read(built_site / "leaflets" / leaflet.pdf_name)
    assert not problems(tags, html, leaflet.title, leaflets.STYLESHEET.read_text())
    assert tags.headings[0] == (1, leaflet.title.replace(" ", "")) and tags.read
    if not leaflet.crisis:  # an easy-read booklet: its points are a list with pictures (a crisis page may have none)
        assert tags.list_items and len(tags.figures) >= 3 and tags.headings[-1] == (2, "Gethelpnow")


# -- The check finds each problem: leaflets made wrong on purpose ------------------------------------------

GOOD = ("<h1>Breaks</h1><p>You can have a break.</p><h2>Who can help</h2>"
        f"<ul><li>{PICTURE.format(alt='A phone')} Call us.</li><li>Ask your GP.</li></ul>")


def made(tmp_path: Path, body: str, untagged: bool = False, css: str = "") -> tuple[Path, str]:
    """A leaflet rendered by the build's own renderer from `body`; untagged: as WeasyPrint writes by default."""
    html = (f'<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Breaks</title>'
            f"<style>{css}</style></head><body>{body}</body></html>")
    pdf = tmp_path / "leaflet.pdf"
    if untagged:
        from weasyprint import HTML
        pdf.write_bytes(HTML(string=html).write_pdf())
    else:
        pdf.write_bytes(leaflets.render_pdf(html, tmp_path.as_uri() + "/", tmp_path))
    return pdf, html


def test_a_well_made_leaflet_has_no_problem(tmp_path):
    pdf, html = made(tmp_path, GOOD)
    assert problems(read(pdf), html, "Breaks") == []


@pytest.mark.parametrize("body, untagged, css, expected", [
    (GOOD, True, "", "it is not tagged"),
    (GOOD.replace("<h2>Who can help</h2>", "<h3>Who can help</h3>"), False, "", "go down one level at a time"),
    (GOOD.replace("alt=\"A phone\"", "alt=\"\""), False, "", "alternative text"),
    # Printed in one order, read in another: the list is drawn above the heading it comes after.
    (GOOD, False, "ul { position: absolute; top: 0 }", "read in another order"),
], ids=["untagged", "skipped heading", "picture without words", "order"])
def test_the_check_finds_what_a_screen_reader_would_miss(tmp_path, body, untagged, css, expected):
    pdf, html = made(tmp_path, body, untagged, css)
    found = problems(read(pdf), html, "Breaks")
    assert any(expected in problem for problem in found), found
