"""Every internal link and anchor on the built site works, checked by linkchecker over HTTP on 127.0.0.1.

External links are never checked here (no network in tests): `make check-external-links` and the weekly
scheduled job do that.
"""

from __future__ import annotations

import yaml

from conftest import SUITE_TODAY, build, line_of
from support import crisis
from support.written_page import write_page
from carers_hub.checks.links import check_site, problems_from_linkchecker


def test_every_internal_link_and_anchor_works(built_site):
    result = check_site(built_site)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 warnings found. 0 errors found" in result.stdout


def test_a_broken_anchor_in_raw_html_is_caught(tmp_path, project):
    crisis_page = yaml.safe_load((project / "data" / "site.yaml").read_text())["get_help_now"]["page"]
    href = f"..{crisis.address(crisis_page)}#no-such-part"  # a page every site has, a part it has not
    page = write_page(project, "a-page-written-by-a-test.md", f'<p><a href="{href}">Get help now</a></p>', SUITE_TODAY)
    site = tmp_path / "site"
    result = build(project, site, strict=False)
    assert result.returncode == 0, result.stderr
    checked = check_site(site, start="/a-page-written-by-a-test/")
    assert checked.returncode != 0
    assert "no-such-part" in checked.stdout
    # linkchecker's report, read back as the problem an editor sees on a pull request (coupling point
    # "linkchecker report" in docs/developers/how-it-works.md)
    found = problems_from_linkchecker(checked.stdout, project / "content")
    assert [(p.code, p.file, p.line) for p in found] == [
        ("LINK_BROKEN", "content/a-page-written-by-a-test.md", line_of(page, href))]
    assert "a heading that does not exist" in found[0].message
