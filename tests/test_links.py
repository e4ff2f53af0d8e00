"""Every internal link and anchor on the built site works, checked by linkchecker over HTTP on 127.0.0.1.

External links are never checked here (no network in tests): `make check-external-links` and the weekly
scheduled job do that.
"""

from __future__ import annotations

from conftest import SUITE_TODAY, build, line_of
from support.written_page import write_page
from carers_hub.checks.links import check_site, problems_from_linkchecker


def test_every_internal_link_and_anchor_works(built_site):
    result = check_site(built_site)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 warnings found. 0 errors found" in result.stdout


def test_a_broken_anchor_in_raw_html_is_caught(tmp_path, project):
    # Two pages the test writes, in a folder of their own: linkchecker checks the links below where it starts.
    write_page(project, "a-test-folder/other.md", "Some words for carers.", SUITE_TODAY)
    href = "other/#no-such-part"  # a page that is there, a part of it that is not
    page = write_page(project, "a-test-folder/index.md", f'<p><a href="{href}">Other</a></p>', SUITE_TODAY)
    site = tmp_path / "site"
    result = build(project, site, strict=False)
    assert result.returncode == 0, result.stderr
    checked = check_site(site, start="/a-test-folder/")
    assert checked.returncode != 0
    assert "no-such-part" in checked.stdout
    # linkchecker's report, read back as the problem an editor sees on a pull request (coupling point
    # "linkchecker report" in docs/developers/how-it-works.md)
    found = problems_from_linkchecker(checked.stdout, project / "content")
    assert [(p.code, p.file, p.line) for p in found] == [
        ("LINK_BROKEN", "content/a-test-folder/index.md", line_of(page, href))]
    assert "a heading that does not exist" in found[0].message
