"""Leaflets read only the build's own files: nothing from elsewhere on the machine, another website or a local
server gets into a public PDF, and no PDF carries an attached file (hooks/outputs/leaflets.py)."""

from __future__ import annotations

import io
import pickle
import subprocess
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pdfplumber
import pytest
from PIL import Image

from support.templates import easy_read_page
from conftest import build
from carers_hub.outputs import leaflets

SECRET = "SECRET-TOKEN-d41d8cd9"
LEAFLET = leaflets.Leaflet("easy-read/test.md", "Test page (easy read)", date(2026, 11, 23))


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A built site's folder with one page and one picture of its own; a secret file beside it, outside it."""
    (tmp_path / "secret.txt").write_text(SECRET)
    site = tmp_path / "site"
    (site / "easy-read" / "test").mkdir(parents=True)
    Image.new("RGB", (60, 60), "navy").save(site / "easy-read" / "picture.png")
    return site


def make(article: str, site: Path) -> bytes:
    page = site / "easy-read" / "test" / "index.html"
    return leaflets.make_pdf(LEAFLET, f'<article class="md-content__inner md-typeset"><h1>Test</h1>{article}</article>',
                             page.as_uri(), "A council", [("Emergency services", "999", "Danger.")],
                             "https://carers.example.org/", site)


def embedded_files(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "leaflet.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfdetach", "-list", str(path)], capture_output=True, text=True, check=True).stdout


def svg_data(inner: str) -> str:
    return "data:image/svg+xml," + quote(f'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">{inner}</svg>')


def tricks(secret: Path) -> dict[str, tuple[str, str]]:
    """What a page says -> the address refused, as WeasyPrint asks for it."""
    uri, outside = secret.as_uri(), secret.parent.as_uri()
    inner_picture = f"<image href='{uri}' width='9' height='9'/>"
    return {
        "file-picture": ('<img src="file:///proc/self/environ" alt="">', "file:///proc/self/environ"),
        "file-picture-by-localhost": (f'<img src="file://localhost{secret}" alt="">', f"file://localhost{secret}"),
        "relative-path-out-of-the-site": ('<img src="../../../secret.txt" alt="">', uri),
        "base-address-out-of-the-site": (f'<base href="{outside}/"><img src="secret.txt" alt="">', uri),
        "stylesheet-import": (f'<style>@import url("{uri}");</style>', uri),
        "background-picture": (f"<p style=\"background: url('{uri}')\">Hello</p>", uri),
        "picture-inside-a-data-picture": (f'<img src="{svg_data(inner_picture)}" alt="">', uri),
        "other-host-stylesheet": ('<link rel="stylesheet" href="https://cdn.example.net/a.css">', "https://cdn.example.net/a.css"),
        "other-host-picture": ('<img src="https://tracker.example.net/p.png" alt="">', "https://tracker.example.net/p.png"),
    }


@pytest.mark.parametrize("trick", list(tricks(Path("/secret.txt"))), ids=str)
def test_a_leaflet_is_refused_what_is_not_the_sites_own(site, trick):
    html, address = tricks(site.parent / "secret.txt")[trick]
    with pytest.raises(leaflets.Refused) as refused:
        make(html, site)
    assert refused.value.addresses == (address,) and not refused.value.attached


ATTACHMENTS = {
    "secret-file-link": '<a rel="attachment" href="{secret}">notes</a>',
    "environment-link-element": '<link rel="attachment" href="file:///proc/self/environ">',
    "the-sites-own-picture": '<p><a rel="nofollow  ATTACHMENT" href="../picture.png">the picture</a></p>',
}


@pytest.mark.parametrize("attachment", ATTACHMENTS, ids=str)
def test_a_leaflet_never_carries_an_attached_file(site, attachment):
    """Even one of the site's own files: a leaflet is not a way to hand out files."""
    html = ATTACHMENTS[attachment].format(secret=(site.parent / "secret.txt").as_uri())
    with pytest.raises(leaflets.Refused) as refused:
        make(html, site)
    assert len(refused.value.attached) == 1


def test_attachments_weasyprint_finds_that_we_miss_are_refused_too(site, monkeypatch):
    """The second guard: what WeasyPrint's own reading of the page would attach is refused, unread."""
    monkeypatch.setattr(leaflets, "_attachment_links", lambda page: ())
    with pytest.raises(leaflets.Refused) as refused:
        make(f'<a rel="attachment" href="{(site.parent / "secret.txt").as_uri()}">notes</a>', site)
    assert refused.value.attached == ("an attached file",)


def test_a_picture_in_the_site_folder_that_links_outside_it_is_refused(site):
    (site / "easy-read" / "shortcut.png").symlink_to(site.parent / "secret.txt")
    with pytest.raises(leaflets.Refused) as refused:
        make('<img src="../shortcut.png" alt="">', site)
    assert refused.value.addresses == ((site / "easy-read" / "shortcut.png").as_uri(),)


class _Recorder(BaseHTTPRequestHandler):
    asked: list[str] = []

    def do_GET(self):
        self.asked.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args):
        pass


def test_a_local_server_is_never_asked(site):
    """http://127.0.0.1 would reach whatever the build machine runs (a CI runner's metadata service, say)."""
    asked: list[str] = []
    handler = type("Handler", (_Recorder,), {"asked": asked})
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:  # the port the system gives: nothing else on it
        threading.Thread(target=server.serve_forever, daemon=True).start()
        address = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            with pytest.raises(leaflets.Refused) as refused:
                make(f'<link rel="stylesheet" href="{address}/a.css"><img src="{address}/p.png" alt="">', site)
        finally:
            server.shutdown()
    assert refused.value.addresses == (f"{address}/a.css", f"{address}/p.png")
    assert asked == []


def test_the_sites_own_pictures_and_data_pictures_are_printed_and_nothing_is_attached(site, tmp_path):
    """What a leaflet may read still works: its own picture, a picture written into the page (data:), the font.
    A plain link to a file outside the site stays a link: nothing is read from it."""
    secret, square = (site.parent / "secret.txt").as_uri(), svg_data("<rect width='40' height='40'/>")
    pdf = make(f'<p><img src="../picture.png" alt="A square"> <img src="{square}" alt="Another square"> '
               f'<a href="{secret}">notes</a></p>', site)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pictures = [image for page in document.pages for image in page.images]
        links = [link["uri"] for page in document.pages for link in page.hyperlinks]
        fonts = {char["fontname"].split("+")[-1] for page in document.pages for char in page.chars}
    assert len(pictures) >= 1, "the site's own picture is in the leaflet"
    assert secret in links
    assert fonts and all(name.startswith("Atkinson-Hyperlegible") for name in fonts)
    assert embedded_files(pdf, tmp_path).strip() == "0 embedded files"
    assert SECRET.encode() not in pdf


def test_a_refusal_names_the_page_the_line_and_the_fix():
    source = ("---\ntitle: T\n---\n\n# T\n\n<img src='file:///proc/self/environ'>\n"
              '<link rel="attachment" href="../../notes.txt">\n<img src="../../../secret.txt">\n')
    problems = leaflets.refused_problems(LEAFLET, leaflets.Refused(
        ("file:///proc/self/environ", "file:///tmp/build/secret.txt"), ("../../notes.txt",)), source)
    assert [(p.code, p.file, p.line) for p in problems] == [
        ("LEAFLET_READS_OUTSIDE_SITE", "content/easy-read/test.md", 7),
        ("LEAFLET_READS_OUTSIDE_SITE", "content/easy-read/test.md", 9),
        ("LEAFLET_ATTACHMENT", "content/easy-read/test.md", 8)]
    assert "content/" in problems[0].fix and 'rel="attachment"' in problems[2].fix


def test_a_refusal_crosses_back_from_the_second_process_whole():
    refused = pickle.loads(pickle.dumps(leaflets.Refused(("file:///a",), ("file:///b",))))
    assert (refused.addresses, refused.attached) == (("file:///a",), ("file:///b",))


def test_no_published_leaflet_carries_a_file(built_site, tmp_path):
    """The leaflets as readers download them from the example site."""
    published = sorted((built_site / "leaflets").glob("*.pdf"))
    assert published
    for path in published:
        assert embedded_files(path.read_bytes(), tmp_path).strip() == "0 embedded files", path.name


PAGE = easy_read_page(
    '{{ point("phone", "Call 999 if someone is in danger.") }}',
    '<img src="file:///proc/self/environ" alt="A phone">',
    '<link rel="attachment" href="file:///etc/passwd">',
    '<img src=\'http://127.0.0.1:9/picture.png\' alt="A carer">',
    '{{ point("carer", "You are a carer.") }}',
)


def test_a_page_whose_leaflet_would_read_outside_the_site_stops_the_build(project, tmp_path):
    """End to end: the page's own check (tests/test_page_code.py) now stops each trick at its line before any
    leaflet is started, so the fetcher above is the second wall; the build stops with the editor's message
    (page, line, fix), not a traceback, and saves no leaflet at all."""
    (project / "content" / "easy-read" / "test.md").write_text(PAGE)
    result = build(project, tmp_path / "site", strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert 'Error in content/easy-read/test.md, line 15: a picture (<img>) has src="file:///proc/self/environ"' in output
    assert "Error in content/easy-read/test.md, line 17: the page has the HTML element <link>" in output, output
    assert "Error in content/easy-read/test.md, line 19: the picture would be loaded from another website" in output
    assert "Traceback" not in output
    assert not list((tmp_path / "site").glob("leaflets/*.pdf")), "a failed build saved leaflets"
