""""Report a problem with this page" on every page: an email naming the page (title and full address), or the
council's form given the page's address; no link when data/site.yaml sets neither."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from pydantic import ValidationError

from conftest import SITE, build, copy_project, line_of, load_data
from support import yaml_fields
from carers_hub.checks.built_site import html_pages
from carers_hub.core import urls
from carers_hub.core.yaml_source import load_text
from carers_hub.directory.service_pages import service_src
from carers_hub.core.problems import ProblemsFound
from carers_hub.data.models import ReportProblem
from carers_hub.outputs import report_problem

LINK_TEXT = "Report a problem with this page"
# A page of each kind: the home page, a guidance page (the first written page that is neither), a service page made
# from data (the first service), the crisis page.
_DATA, _DIRECTORY = load_data()
_CRISIS = _DATA.get_help_now.page
_GUIDANCE = next(p.relative_to(SITE / "content").as_posix() for p in sorted((SITE / "content").rglob("*.md"))
                 if p.relative_to(SITE / "content").as_posix() not in ("index.md", _CRISIS))
PAGES = ["", urls.page_url(_GUIDANCE), urls.page_url(service_src(_DIRECTORY.listings[0].id)), urls.page_url(_CRISIS)]
FORM = "https://forms.example.gov.uk/report?service=carers"
# The way the site under test sets (optional: a site without one shows no link, and the tests of the link skip).
SITE_WAY = _DATA.site_file.report_problem


def set_way(project: Path, written: str) -> None:
    """data/site.yaml's report_problem: replaced by the test's own (YAML lines, or "" for none)."""
    site = project / "data" / "site.yaml"
    if "report_problem" in load_text(site.read_text()):
        yaml_fields.drop(site, "report_problem")
    site.write_text(site.read_text().rstrip("\n") + "\n" + written)


@pytest.fixture
def way_set():
    if SITE_WAY is None:
        pytest.skip(f"{SITE.name} sets no way to report a problem: its pages show no link")


class ReportLinks(HTMLParser):
    """The href of every link whose text is LINK_TEXT."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href"), ""

    def handle_data(self, data):
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            if " ".join(self._text.split()) == LINK_TEXT:
                self.found.append(self._href)
            self._href = None


def report_links(path: Path) -> list[str]:
    parser = ReportLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.found


def built(site: Path, address: str) -> Path:
    return site / address / "index.html"


def heading(path: Path) -> str:
    """The page's title as a reader sees it: its <h1>, without tags."""
    found = re.search(r"<h1[^>]*>(.*?)</h1>", path.read_text(encoding="utf-8"), re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


@pytest.mark.parametrize("address", PAGES, ids=lambda a: a or "home")
def test_each_page_has_an_email_that_names_its_own_title_and_full_address(built_site, address, way_set):
    data, _ = load_data()
    if not data.site_file.report_problem.email:
        pytest.skip(f"{SITE.name} reports problems by a form")
    [href] = report_links(built(built_site, address))
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and unquote(parts.path) == data.site_file.report_problem.email
    fields = parse_qs(parts.query, strict_parsing=True)
    assert set(fields) == {"subject", "body"}
    [subject], [body] = fields["subject"], fields["body"]
    title, full_address = heading(built(built_site, address)), data.site.url + address
    assert subject == f"Problem with a page: {title}"
    lines = body.split("\r\n")
    assert f"Page: {title}" in lines and f"Address: {full_address}" in lines
    # Encoded the mailto: way (RFC 6068): no raw space, + or new line that a mail program could misread.
    assert " " not in href and "+" not in href and "\n" not in href and "%0D%0A" in href


def test_every_built_page_has_exactly_one_link(built_site, way_set):
    pages = [p for p in html_pages(built_site) if p.name == "index.html" and p.parent != built_site / "search"]
    assert len(pages) > 30
    for path in pages:
        assert len(report_links(path)) == 1, path


def test_the_leaflets_leave_the_link_out(built_site, way_set):
    import pdfplumber

    leaflets = sorted((built_site / "leaflets").glob("*.pdf"))
    assert leaflets
    for path in leaflets:
        with pdfplumber.open(path) as leaflet:
            assert LINK_TEXT not in "\n".join(page.extract_text() or "" for page in leaflet.pages), path.name


@pytest.mark.browser
def test_the_link_is_not_printed(browser, site_url, way_set):
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(site_url + "/" + PAGES[1])
    link = tab.get_by_role("link", name=LINK_TEXT)
    assert link.is_visible()
    tab.emulate_media(media="print")
    assert link.is_hidden()
    context.close()


def test_a_council_form_gets_the_page_address(tmp_path):
    project = copy_project(tmp_path / "project")
    set_way(project, f"report_problem:\n  form: {FORM}\n")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    data, _ = load_data(project / "data")
    for address in PAGES:
        [href] = report_links(built(site, address))
        parts = urlsplit(href)
        assert (parts.scheme, parts.netloc, parts.path) == ("https", "forms.example.gov.uk", "/report")
        assert parse_qs(parts.query) == {"service": ["carers"], "page": [data.site.url + address]}
        assert "mailto:" not in built(site, address).read_text()


def test_no_link_when_the_site_sets_no_way(tmp_path):
    project = copy_project(tmp_path / "project")
    set_way(project, "")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for address in PAGES:
        assert LINK_TEXT not in built(site, address).read_text(), address


def test_email_and_form_together_are_refused_with_the_line(tmp_path):
    project = copy_project(tmp_path / "project")
    site = project / "data" / "site.yaml"
    set_way(project, f"report_problem:\n  email: carers-information@example.org\n  form: {FORM}\n")
    with pytest.raises(ProblemsFound) as found:
        load_data(project / "data")
    [problem] = [p for p in found.value.problems if p.code == "REPORT_PROBLEM_TWO_WAYS"]
    assert (problem.file, problem.field, problem.line) == ("data/site.yaml", "report_problem", line_of(site, "report_problem:"))
    assert "not both" in problem.fix


@pytest.mark.parametrize("bad", [{"email": "not an address"}, {"form": "http://forms.example.gov.uk/"},
                                 {"form": "https://forms.example.gov.uk/a b"}, {"email": "a@example.org", "web": "x"}])
def test_bad_values_are_refused(bad):
    with pytest.raises(ValidationError):
        ReportProblem.model_validate(bad)


def test_awkward_titles_and_addresses_survive_the_round_trip():
    title = "Money & work: what's next? 100% #1 + café"
    href = report_problem.link(ReportProblem(email="team+carers@example.org"), "https://council.example.gov.uk/carers",
                               "money-and-work/what's-next/", title)
    parts = urlsplit(href)
    assert unquote(parts.path) == "team+carers@example.org"
    fields = parse_qs(parts.query, strict_parsing=True)
    assert fields["subject"] == [f"Problem with a page: {title}"]
    assert "Address: https://council.example.gov.uk/carers/money-and-work/what's-next/" in fields["body"][0].split("\r\n")
    form = report_problem.link(ReportProblem(form="https://council.example.gov.uk/forms/report#start",
                                             form_parameter="page_url"),
                               "https://council.example.gov.uk/carers/", "", title)
    assert form == "https://council.example.gov.uk/forms/report?page_url=https%3A%2F%2Fcouncil.example.gov.uk%2Fcarers%2F#start"
    assert report_problem.link(None, "https://council.example.gov.uk/", "", title) is None
