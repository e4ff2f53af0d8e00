"""Addresses at placeholder domains (example.org and the other reserved names) are refused on a real council's site,
and allowed on the example while its own address is a placeholder too."""

from __future__ import annotations

import re

import pytest

from conftest import build, edit, line_of, load_data
from carers_hub.checks import placeholder_domains
from carers_hub.checks.placeholder_domains import ADDRESS

REAL = "https://carers.camden.gov.uk/"


@pytest.mark.parametrize("text, found", [
    ("Email carers-information@example.org today.", ["carers-information@example.org"]),
    ("See https://carers.example.org/about for more.", ["carers.example.org"]),
    ("Go to www.EXAMPLE.com.", ["www.EXAMPLE.com"]),
    ("team+carers@Example.Net", ["team+carers@Example.Net"]),
    ("a@borough.test, https://x.invalid/ and http://localhost:8000/", ["a@borough.test", "x.invalid", "localhost"]),
    ("https://carers.example-borough.example/", ["carers.example-borough.example"]),
    ("example.org.uk, notexample.org, example.organic, https://www.gov.uk/example", []),
])
def test_reserved_names_are_found_and_real_ones_are_not(text, found):
    assert [m.group(0) for m in ADDRESS.finditer(text)] == found


def test_the_site_is_an_example_only_while_its_own_address_is_a_placeholder():
    assert placeholder_domains.site_is_example("https://carers.example.org/")
    assert placeholder_domains.site_is_example("https://carers.example-borough.example/")
    assert not placeholder_domains.site_is_example(REAL)
    assert not placeholder_domains.site_is_example("https://example.org.uk/")


def placeholder_lines(root) -> set[tuple[str, int]]:
    """Each (file, line) of data/ and content/ holding an address at a placeholder domain."""
    files = [*(root / "data").rglob("*.yaml"), *(root / "content").rglob("*.md")]
    return {(path.relative_to(root).as_posix(), number) for path in files
            for number, line in enumerate(path.read_text().splitlines(), 1) if ADDRESS.search(line)}


def test_an_example_keeps_its_placeholders_but_a_real_site_gets_every_one_with_its_line_and_field(project):
    edit(project / "data" / "site.yaml", "\n", "\n# Write to carers-information@example.org\n")  # one at least
    assert placeholder_domains.project_problems(project, "https://carers.example.org/") == []
    found = placeholder_domains.project_problems(project, REAL)
    assert {(p.file, p.line) for p in found} == placeholder_lines(project)
    owners = [p for p in (project / "content").rglob("*.md")
              if ADDRESS.search(re.search(r"^owner: (.*)$", p.read_text(), re.M).group(1))]
    pages = [p for p in found if p.file.startswith("content/") and p.field == "owner"]
    assert len(pages) == len(owners)
    mailbox = next(p for p in found if p.file == "data/site.yaml" and "carers-information@example.org" in p.message)
    assert mailbox.line == line_of(project / "data" / "site.yaml", "carers-information@example.org")
    assert "real mailbox" in mailbox.fix and mailbox.code == "PLACEHOLDER_DOMAIN" and not mailbox.warning


def test_a_real_council_site_with_one_example_org_owner_left_is_refused_with_the_fix(project, tmp_path):
    """Everything moved to the council's own domain but one page's owner: the build stops on that one line."""
    for path in [*(project / "data").rglob("*.yaml"), *(project / "content").rglob("*.md")]:
        path.write_text(ADDRESS.sub(lambda m: m.group(0).split("@")[0] + "@camden.gov.uk" if "@" in m.group(0)
                                    else "carers.camden.gov.uk", path.read_text()))
    assert not placeholder_lines(project)
    crisis = load_data(project / "data")[0].site_file.get_help_now.page
    page = project / "content" / crisis
    owner = re.search(r"^owner: .*$", page.read_text(), re.M).group(0)
    edit(page, owner, "owner: carers-information@example.org")
    result = build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "1 problem to fix" in out, out[-3000:]
    line = line_of(page, "owner: carers-information@example.org")
    assert f'content/{crisis}, line {line}, field "owner"' in out and "[PLACEHOLDER_DOMAIN]" in out
    assert "Put the council's real mailbox here" in out and "Traceback" not in out
