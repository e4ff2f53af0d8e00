"""The site under test (the shipped example, or CARERS_HUB_TEST_SITE's), built with --strict, as a reader meets it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import SITE, load_data
from carers_hub.core.urls import built_file, page_url
from carers_hub.checks.built_site import html_pages
from carers_hub.data.front_matter import FRONT_MATTER

SOURCE_PAGES = sorted((SITE / "content").rglob("*.md"))


def built_path(site: Path, source: Path) -> Path:
    rel = source.relative_to(SITE / "content").with_suffix("")
    if rel.name == "index":
        return site / rel.parent / "index.html"
    return site / rel / "index.html"


def front_matter(source: Path) -> dict:
    return yaml.safe_load(FRONT_MATTER.match(source.read_text()).group(1))


class Outline(HTMLParser):
    """Collects what a test needs from a page: lang, title, h1, links and external resources."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.links: list[dict] = []
        self.resources: list[str] = []
        self._in, self.title, self.h1 = None, "", ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag in ("title", "h1"):
            self._in = tag
        if tag == "a":
            self.links.append(attrs)
        if tag in ("script", "img", "iframe") and attrs.get("src"):
            self.resources.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "preconnect", "icon", "preload", "dns-prefetch"):
            self.resources.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def all_built_pages(site: Path) -> list[Path]:
    return html_pages(site)


@pytest.mark.example  # the example's own size; on any site every page is built: the next test
def test_there_are_about_30_real_pages():
    assert len(SOURCE_PAGES) >= 30


@pytest.mark.parametrize("source", SOURCE_PAGES, ids=lambda p: p.relative_to(SITE / "content").as_posix())
def test_every_page_is_built_with_its_title_and_british_english(built_site, source):
    built = built_path(built_site, source)
    assert built.exists(), f"{source} was not built"
    page = outline(built)
    assert page.lang == "en-GB"
    title = front_matter(source)["title"]
    assert title in page.title
    heading = re.search(r"^# (.+)$", source.read_text(), re.M)  # the page's own heading, as the editor wrote it
    assert heading and page.h1.strip()
    if "{{" not in heading.group(1):  # a macro in it (the council's name) is rendered from data: not compared
        assert page.h1.strip() == heading.group(1).strip()


@pytest.mark.example  # the example's editors give each page the heading of its title
@pytest.mark.parametrize("source", SOURCE_PAGES, ids=lambda p: p.relative_to(SITE / "content").as_posix())
def test_every_page_of_the_example_is_headed_with_its_title(built_site, source):
    assert outline(built_path(built_site, source)).h1.strip() == front_matter(source)["title"]


def test_every_page_links_to_get_help_now_first(built_site):
    pages = all_built_pages(built_site)
    assert len(pages) >= len(SOURCE_PAGES)
    crisis = page_url(load_data()[0].site_file.get_help_now.page)
    for path in pages:
        links = outline(path).links
        hrefs = [(a.get("href") or "", a.get("class") or "") for a in links]
        first_content = [h for h, cls in hrefs if "md-skip" not in cls][0]
        # The 404 page can be shown at any address, so its links start from the site root.
        base = built_site if first_content.startswith("/") else path.parent
        target = (base / first_content.lstrip("/")).resolve()
        assert target == (built_site / crisis).resolve(), f"{path}: first link is {first_content}"


def test_no_requests_to_other_websites(built_site):
    for path in all_built_pages(built_site):
        for url in outline(path).resources:
            assert not re.match(r"^(https?:)?//", url), f"{path} loads {url} from another website"
    for asset in list(built_site.rglob("*.css")):
        text = asset.read_text(encoding="utf-8", errors="ignore")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, asset


def test_footer_has_council_contacts_and_no_made_with(built_site):
    html = (built_site / "index.html").read_text()
    footer = html[html.index('<footer class="md-footer ch-footer">'):]
    data = load_data()[0]
    assert data.council.name in footer
    for contact_id in data.site_file.footer.contacts:
        phone = data.contacts[contact_id].phone_link
        assert not phone or (f'href="{phone.uri}"' in footer and phone.display in footer), contact_id
    for link in data.site_file.footer.links:
        assert link.title in footer
    assert "Made with" not in html


@pytest.mark.example  # the example's own footer: its numbers and its report-a-problem link
def test_the_examples_footer_has_its_numbers_and_links(built_site):
    html = (built_site / "index.html").read_text()
    footer = html[html.index('<footer class="md-footer ch-footer">'):]
    assert 'href="tel:+442073321224"' in footer and "020 7332 1224" in footer
    assert 'href="tel:+442083568855"' in footer
    for title in ("Accessibility statement", "Privacy", "Tell us what is wrong or missing"):
        assert title in footer


def crisis_html(built_site: Path) -> str:
    return (built_site / built_file(load_data()[0].site_file.get_help_now.page)).read_text()


def test_contact_cards_render_from_data(built_site):
    html = crisis_html(built_site)
    data = load_data()[0]
    crisis = next(p for p in data.site_file.crisis_pages if p.page == data.site_file.get_help_now.page)
    assert crisis.contacts
    for contact_id in crisis.contacts:
        contact = data.contacts[contact_id]
        for link in (contact.phone_link, contact.sms_link):
            assert not link or f'href="{link.uri}"' in html, (contact_id, link)
    assert "{{" not in html and "contact_card" not in html


@pytest.mark.example  # the example's own crisis numbers, Shout's text keyword among them
def test_the_examples_crisis_page_has_its_numbers(built_site):
    html = crisis_html(built_site)
    assert 'href="tel:999"' in html and 'href="tel:116123"' in html
    assert 'href="sms:85258?body=SHOUT"' in html


def test_last_reviewed_is_shown(built_site):
    assert "Last reviewed: <time" in crisis_html(built_site)


def test_glossary_lists_terms_with_working_links(built_site):
    """On the page that shows the glossary ({{ glossary() }}), where the site has one."""
    pages = [p for p in SOURCE_PAGES if "{{ glossary() }}" in p.read_text()]
    if not pages:
        pytest.skip(f"{SITE.name} has no page showing its glossary")
    built = built_path(built_site, pages[0])
    html = built.read_text()
    terms = yaml.safe_load((SITE / "data" / "glossary.yaml").read_text())["terms"]
    for term in terms:
        assert term["term"].replace("'", "&#39;") in html
    for href in re.findall(r'<dd>[^<]*<a href="([^"]+)"', html):
        target = (built.parent / href).resolve() / "index.html"
        assert target.exists(), href
