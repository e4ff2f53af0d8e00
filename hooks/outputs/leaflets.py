"""Print-ready PDF leaflets of the easy-read pages and the crisis page, made with WeasyPrint.

Each easy-read leaflet is A4 with large text (at least 16 pt), pictures at least 2.5 cm wide, page numbers,
the council's name and the date the page was reviewed, and the "Get help now" numbers on the last
page. The crisis page's leaflet is clear print (14 pt and over) on at most two A4 sides, to keep by the
phone: each card starts with its number, and where the numbers come from is one line at the end.
Title and language are set in the PDF.
The same input always gives the same file.

Made by every build (`make site`, `make leaflets`; not `make serve`, where they would slow each rebuild):
each page's leaflet is made from the page as built (SiteBuild.start_leaflet, in the build's second process,
hooks/core/background.py) and saved before the build ends (SiteBuild.finish), so the download links work.

A leaflet reads only the build's own files: WeasyPrint would otherwise fetch any address a page names (any
file on the machine, any website, 127.0.0.1) and embed a rel="attachment" link's file in the public PDF.
OwnFiles refuses everything else, and no leaflet carries an attached file; a leaflet that asked for either
is not made (Refused), and the build stops naming the page (refused_problems).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

from markupsafe import Markup

from carers_hub.core import urls
from carers_hub.core.source_lines import first_line
from carers_hub.core.paths import THEME
from carers_hub.core.problems import Problem
from carers_hub.core.render import long_date
from carers_hub.data.models import PageMeta
from carers_hub.outputs import article

STYLESHEET = THEME / "assets" / "stylesheets" / "leaflet.css"
LINK_MARKER = "(PDF)</a>"
FONT = "Atkinson Hyperlegible"  # leaflet.css names it; font_faces() says where its files are
HREF = re.compile(r'href="([^"]*)"')
HAS_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# A contact card as overrides/partials/carers/contact-card.html writes it, and its parts the crisis leaflet moves.
CONTACT_CARD = re.compile(r'(<div class="ch-contact">)(.*?)(</div>)', re.DOTALL)
CARD_NUMBER = re.compile(r'<p class="ch-contact__(?:number|textphone)">.*?</p>\n?', re.DOTALL)
# The page's "Where these facts come from" (overrides/partials/carers/page-sources.html): on paper, one line.
PAGE_SOURCES = re.compile(r'<section class="ch-sources".*?</section>', re.DOTALL)
CARD_SOURCE = re.compile(r'<p class="ch-contact__source"[^>]*>.*?</p>\n?', re.DOTALL)


@dataclass(frozen=True)
class Leaflet:
    src_uri: str  # content/ path of the page
    title: str
    reviewed: date
    crisis: bool = False  # the crisis page: two A4 sides to keep by the phone, not an easy-read booklet

    @property
    def page_dir(self) -> str:
        """Where the page is built, e.g. easy-read/what-is-a-carer/."""
        return urls.page_url(self.src_uri)

    @property
    def pdf_name(self) -> str:
        return self.page_dir.strip("/").replace("/", "-") + ".pdf"


def leaflets_for(metas: dict[str, PageMeta | None], crisis_page: str) -> dict[str, Leaflet]:
    """Easy-read pages and the crisis page are also printed as leaflets."""
    return {src: Leaflet(src_uri=src, title=meta.title, reviewed=meta.last_reviewed, crisis=src == crisis_page)
            for src, meta in metas.items() if meta and (meta.easy_read_of or src == crisis_page)}


def help_items(contacts: dict, printed: list[str]) -> list[tuple[str, str, str]]:
    """The numbers to call on an easy-read leaflet's last page: name, number as shown, and what for."""
    return [(c.name, (c.phone_link or c.sms_link).display, c.purpose) for c in (contacts[i] for i in printed)]


def numbers_first(article: str) -> str:
    """The crisis leaflet's cards: the number to call first, and no source line under each (one line at the end
    says where they all come from), so two A4 sides hold every number in 14 pt."""
    def reorder(card: re.Match) -> str:
        body = CARD_SOURCE.sub("", card.group(2))
        return card.group(1) + "".join(CARD_NUMBER.findall(body)) + CARD_NUMBER.sub("", body) + card.group(3)
    return CONTACT_CARD.sub(reorder, article)


def sources_line(page_address: str, what: str = "number") -> Markup:
    """A leaflet's one line of provenance: each number's (or fact's) source and date are on the web page."""
    return Markup('<p class="leaflet-sources">Where each {} comes from, and when it was checked: '
                  '<a href="{}">{}</a></p>').format(what, page_address, page_address.split("//", 1)[-1])


def leaflet_html(leaflet: Leaflet, article: str, council: str, help_items: list[tuple[str, str, str]],
                 page_address: str = "") -> str:
    if leaflet.crisis:
        article = numbers_first(article) + (str(sources_line(page_address)) if page_address else "")
    elif PAGE_SOURCES.search(article):  # a leaflet keeps to its points: the sources are a line to the web page
        article = PAGE_SOURCES.sub("", article) + (str(sources_line(page_address, "fact")) if page_address else "")
    help_list = Markup("").join(Markup("<li><strong>{}</strong>: {}. {}</li>").format(name, number, purpose)
                                for name, number, purpose in help_items)
    # The crisis leaflet is the numbers to call already: it does not repeat them on a last page.
    help_section = "" if leaflet.crisis else Markup(
        '<section class="leaflet-help"><h2>Get help now</h2><ul>{}</ul></section>').format(help_list)
    return str(Markup(
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta name="author" content="{council}"></head><body class="{kind}">'
        '<p class="leaflet-council">{council}</p><p class="leaflet-reviewed">{reviewed}</p>'
        '{article}{help}'
        '</body></html>').format(title=leaflet.title, council=council, reviewed=long_date(leaflet.reviewed),
                                 kind="leaflet--crisis" if leaflet.crisis else "leaflet--easy-read",
                                 article=Markup(article), help=help_section))


def font_files() -> list[tuple[Path, str, str]]:
    """The leaflets' font files (path, weight, style), from the package that ships them."""
    import json

    import fontpkg_atkinson_hyperlegible as font

    files = json.loads((font.ROOT / "metadata.json").read_text(encoding="utf-8"))["files"]
    return [(font.ROOT / f["path"], f["weight"], f["style"]) for f in files]


def font_faces() -> str:
    """@font-face rules for the leaflets' font, from the package that ships it: every machine embeds the same
    font, so the same page gives the same PDF, whatever fonts the system has."""
    return "\n".join(f'@font-face {{ font-family: "{FONT}"; src: url("{path.as_uri()}"); '
                     f'font-weight: {weight}; font-style: {style}; }}' for path, weight, style in font_files())


class Refused(Exception):
    """A leaflet asked for something that is not the build's own (or for an attached file): it is not made."""

    def __init__(self, addresses: tuple[str, ...], attached: tuple[str, ...] = ()):
        super().__init__(addresses, attached)  # both, so it crosses back from the second process whole
        self.addresses, self.attached = addresses, attached


def allowed_file(url: str, site_dir: Path, files: frozenset[Path]) -> Path | None:
    """The file a file: address names, resolved (symbolic links followed), if it is in the site folder being
    built or is one of `files` (resolved); None for anything else. A missing file in the site folder is
    allowed through, to be reported missing as before, not as outside the site."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(parts.path)).resolve()
    return path if path.is_relative_to(site_dir.resolve()) or path in files else None


def _own_files_only(site_dir: Path, files: frozenset[Path]):
    from weasyprint.urls import URLFetcher

    class OwnFiles(URLFetcher):
        """WeasyPrint's fetcher for one leaflet: the site folder's files, the leaflet's stylesheet and font, and
        data: addresses (they carry their own bytes; what they name is fetched through here too). Every other
        address is refused and kept in `refused`."""

        def __init__(self):
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            if url[:5].lower() == "data:":
                return super().fetch(url, headers)
            path = allowed_file(url, site_dir, files)
            if path is None:
                self.refused.append(url)
                raise ValueError(f"a leaflet may not read {url}")
            return super().fetch(path.as_uri(), headers)  # the file checked, not the address as written

    return OwnFiles()


def _attachment_links(page) -> tuple[str, ...]:
    """What the page's rel="attachment" links and <link>s point at, as WeasyPrint read the page (coupling
    point "WeasyPrint attachments")."""
    return tuple(element.get("href") or "" for element in page.etree_element.iter()
                 if "attachment" in (element.get("rel") or "").lower().split())


def _has_attachments(document) -> bool:
    """Whether the PDF would carry a file (from <link rel="attachment"> or a link with rel="attachment")."""
    return bool(document.metadata.attachments) or any(
        kind == "attachment" for page in document.pages for kind, *_ in page.links)


def render_pdf(html: str, base_url: str, site_dir: Path) -> bytes:
    """The PDF of a leaflet's HTML; raises Refused if it asks for anything but the build's own files."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _own_files_only(site_dir, frozenset([STYLESHEET.resolve(), *(p.resolve() for p, _, _ in font_files())]))
    fonts = FontConfiguration()
    styles = [CSS(string=font_faces(), font_config=fonts, url_fetcher=fetcher),
              CSS(filename=str(STYLESHEET), font_config=fonts, url_fetcher=fetcher)]
    page = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    document = page.render(stylesheets=styles, font_config=fonts)
    # Any attachment WeasyPrint found and we did not is refused all the same.
    attached = _attachment_links(page) or (("an attached file",) if _has_attachments(document) else ())
    # PDF/UA-1: tagged, so a screen reader reads headings, lists, links and pictures' alt text in order, with the
    # language and the title (shown as the window's title) set.
    pdf = None if attached else document.write_pdf(pdf_variant="pdf/ua-1")  # not called where attached files would be read
    if fetcher.refused or attached:  # after writing: pictures inside SVG pictures are fetched while it writes
        raise Refused(tuple(dict.fromkeys(fetcher.refused)), tuple(dict.fromkeys(attached)))
    return pdf


def absolute_links(article: str, page_address: str) -> str:
    """Links between the site's pages, made full web addresses: on paper or in a downloaded PDF a link like
    ../support/ would otherwise point at the folder the leaflet was made in."""
    def absolute(match: re.Match) -> str:
        target = match.group(1)
        if HAS_SCHEME.match(target) or target.startswith("#"):
            return match.group(0)
        return f'href="{urljoin(page_address, target)}"'
    return HREF.sub(absolute, article)


def make_pdf(leaflet: Leaflet, page_html: str, base_url: str, council: str,
             help_items: list[tuple[str, str, str]], site_url: str, site_dir: Path) -> bytes | None:
    """The leaflet of a built page (its article, the council's name and the numbers to call). base_url is
    where the page was built (for its pictures), site_dir the folder being built (all a leaflet may read);
    site_url where the site is published (for its links). Raises Refused (see render_pdf)."""
    content = article.content(page_html)
    if content is None:
        return None
    page_address = urljoin(site_url, urls.page_url(leaflet.src_uri))
    content = absolute_links(content, page_address)
    return render_pdf(leaflet_html(leaflet, content, council, help_items, page_address), base_url, site_dir)


def refused_problems(leaflet: Leaflet, refused: Refused, source: str) -> list[Problem]:
    """What a leaflet asked for and was refused, at the line of the page's Markdown (source) naming it."""
    file = "content/" + leaflet.src_uri
    return [Problem(code="LEAFLET_READS_OUTSIDE_SITE", file=file, line=line_naming(source, address), field="",
                    message=f"the page's leaflet would read {address}, which is not part of this site.",
                    fix="A leaflet may show only the site's own pictures and files. Put the picture in content/ "
                        "beside the page and show it with ![what it shows](picture.png), or remove it.")
            for address in refused.addresses] + [
            Problem(code="LEAFLET_ATTACHMENT", file=file, line=line_naming(source, address), field="",
                    message=f'the page asks for {address} to be attached to its leaflet (rel="attachment").',
                    fix='Remove rel="attachment" from the link: a leaflet never carries attached files.')
            for address in refused.attached]


def line_naming(source: str, address: str) -> int | None:
    """The first line of the page's Markdown that names the address: as written, by its path, or by its file's
    name (a relative address, as written in the page, ends with it)."""
    path = unquote(urlsplit(address).path).rstrip("/")
    return first_line(source, address, unquote(address), path, path.rpartition("/")[2])


def save(leaflet: Leaflet, pdf: bytes, site_dir: Path) -> int:
    """Write a leaflet into site/leaflets/ and put its size into the page's download link."""
    out_dir = site_dir / "leaflets"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / leaflet.pdf_name).write_bytes(pdf)
    page = site_dir / urls.built_file(leaflet.src_uri)
    kb = max(1, round(len(pdf) / 1024))
    page.write_text(page.read_text(encoding="utf-8").replace(LINK_MARKER, f"(PDF, {kb} KB)</a>", 1), encoding="utf-8")
    return len(pdf)


def link(leaflet_url: str, easy: bool) -> Markup:
    """The download link a page shows; its size is filled in once the PDF exists."""
    label = "Download as an easy-read leaflet" if easy else "Download as a leaflet to print"
    opening = Markup('<p class="ch-leaflet" data-pagefind-ignore><a href="{}" download>{} {}')
    link = opening.format(leaflet_url, label, Markup(LINK_MARKER))
    return link + Markup("</p>")
