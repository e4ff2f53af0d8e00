"""A page's top block holds only fields the build checks.

The theme's templates read a page's front matter and print some of it as it is (mkdocs-material's `author`
meta tag, our `pager` links), the macros plugin makes every key a variable, and the theme picks a page's
`template` from it: so a key nobody checks is a way to put markup in every reader's page or change how the
page is made. Each attack here is refused with the line and field.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import ROOT, SITE, SUITE_TODAY, load_data
from carers_hub.data.front_matter import check_page

TOP = ("---\ntitle: A page\ndescription: What the page helps with.\nowner: carers@example.gov.uk\n"
       "last_reviewed: 2026-01-01\nreview_by: 2026-06-01\naudience: []\n")
DAY = date(2026, 1, 2)


def problems(extra: str):
    meta, found = check_page(TOP + extra + "---\n# A page\n", "content/a.md", set(), DAY)
    return found


@pytest.mark.parametrize("extra, field", [
    ('author: \'"><img src=x onerror=alert(1)>\'\n', "author"),
    ("template: ../../../../etc/passwd\n", "template"),
    ('pager:\n  prev: \'"><script>alert(1)</script>\'\n', "pager"),
    ("council:\n  name: Not the council\n", "council"),  # a macros variable, replaced for this page
    ("render_macros: true\n", "render_macros"),
])
def test_a_field_the_build_does_not_know_is_refused_with_its_line(extra, field):
    found = problems(extra)
    assert [(p.code, p.field, p.line) for p in found] == [("FIELD_UNKNOWN", field, 8)], [str(p) for p in found]


@pytest.mark.parametrize("extra, field, code", [
    ("scripts:\n  - '../../pagefind/pagefind.js'\n", "scripts[0]", "PATH_INVALID"),
    ("scripts:\n  - 'plan.js\" onload=\"alert(1)'\n", "scripts[0]", "PATH_INVALID"),
    ("scripts:\n  - https://evil.example/x.js\n", "scripts[0]", "PATH_INVALID"),
    ("hide:\n  - navigation\n  - '<b>'\n", "hide[1]", "VALUE_NOT_ALLOWED"),
    ("search:\n  exclude: true\n  boost: 10\n", "search.boost", "FIELD_UNKNOWN"),
    ("minimal: '<script>'\n", "minimal", "FIELD_NOT_YES_NO"),
])
def test_the_theme_options_are_checked(extra, field, code):
    found = problems(extra)
    assert [(p.code, p.field) for p in found] == [(code, field)], [str(p) for p in found]
    assert all(p.line and p.fix for p in found)


def test_the_theme_options_pages_use_pass():
    assert problems("hide: [navigation, toc]\nminimal: true\ncompact: true\nscripts: [emergency-plan.js]\n"
                    "search:\n  exclude: true\n") == []


def test_every_shipped_page_passes():
    data, _ = load_data()
    for path in sorted((SITE / "content").rglob("*.md")):
        meta, found = check_page(path.read_text(), str(path.relative_to(ROOT)), set(data.audiences), SUITE_TODAY)
        assert meta is not None and not [p for p in found if not p.warning], [str(p) for p in found]


def test_every_script_a_page_names_is_one_of_the_sites_own():
    scripts = ROOT / "overrides" / "assets" / "javascripts"
    for path in sorted((SITE / "content").rglob("*.md")):
        meta, _ = check_page(path.read_text(), str(path), set(), SUITE_TODAY)
        for name in (meta.model_extra or {}).get("scripts", []):
            assert (scripts / name).is_file(), (path, name)
