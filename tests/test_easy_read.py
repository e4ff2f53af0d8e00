"""Easy-read pages: the build enforces the easy-read rules, and each becomes a print-ready PDF leaflet."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pdfplumber
import pytest
import yaml

from support.templates import easy_read_page
from conftest import ENV, ROOT, SITE, assert_error, build, edit, load_data
from carers_hub.core.render import long_date
from carers_hub.core.urls import built_file
from support.project import own_generator
from carers_hub.data.front_matter import FRONT_MATTER

EASY = sorted(p for p in (SITE / "content" / "easy-read").glob("*.md") if p.name != "index.md")
PAGE = easy_read_page(
    '{{ point("phone", "Call 999 if someone is in danger.") }}',
    '{{ point("carer", "You are a carer.") }}',
)


def output(result) -> str:
    return result.stdout + result.stderr


@pytest.fixture
def easy_project(project: Path) -> Path:
    (project / "content" / "easy-read").mkdir(exist_ok=True)
    (project / "content" / "easy-read" / "test.md").write_text(PAGE)
    return project


def test_a_good_easy_read_page_builds(easy_project, tmp_path):
    result = build(easy_project, tmp_path / "site", strict=False)
    assert result.returncode == 0, output(result)
    assert (tmp_path / "site" / "leaflets" / "easy-read-test.pdf").exists()


def test_a_leaflet_that_cannot_be_made_stops_the_build(project):
    """Leaflets are made in the build's second process: an error there still stops the build."""
    env = own_generator(project, ENV)
    (project.parent / "generator" / "overrides" / "assets" / "stylesheets" / "leaflet.css").unlink()
    result = build(project, strict=False, env=env)
    assert result.returncode != 0 and "leaflet.css" in output(result)


def test_each_mistake_in_an_easy_read_page_stops_the_build_by_name(project):
    """Three mistakes the build finds once every page is rendered, each on its own easy-read page (from the same
    template), in one build: a sentence over 15 words, a point without a picture, words too hard for easy read.
    The build reports every page's problems together; each is checked as its own error on its own page."""
    folder = project / "content" / "easy-read"
    folder.mkdir(exist_ok=True)
    mistakes = {
        "long": ("You are a carer.", "You are a carer if you help a person in your family who could not manage "
                 "without you."),
        "no-picture": ('{{ point("carer", "You are a carer.") }}', "You are a carer."),
        "hard": ("You are a carer.", "Consequently, organisational responsibilities necessitate comprehensive "
                 "documentation."),
    }
    for name, (old, new) in mistakes.items():
        (folder / f"{name}.md").write_text(PAGE)
        edit(folder / f"{name}.md", old, new)
    result = build(project, strict=False)
    assert result.returncode != 0, output(result)
    assert_error(output(result), "READING_SENTENCE_TOO_LONG", "content/easy-read/long.md", "easy-read pages allow 15")
    assert_error(output(result), "EASY_READ_POINT_WITHOUT_PICTURE", "content/easy-read/no-picture.md, line 15")
    assert_error(output(result), "READING_TOO_HARD", "content/easy-read/hard.md")
    assert not (project / "site" / "oruk").exists(), "open data was written by a build that failed its checks"


def test_a_picture_without_alt_text_fails(easy_project):
    edit(easy_project / "data" / "pictures.yaml", "  - name: phone\n    icon: material/phone\n    alt: A phone\n",
         "  - name: phone\n    icon: material/phone\n")
    result = build(easy_project, strict=False)
    assert result.returncode != 0 and 'field "pictures[0].alt"' in output(result)


def test_an_unknown_picture_fails(easy_project):
    edit(easy_project / "content" / "easy-read" / "test.md", 'point("carer"', 'point("carrer"')
    result = build(easy_project, strict=False)
    assert result.returncode != 0 and "MACRO_UNKNOWN_PICTURE" in output(result)


@pytest.mark.example  # the example's own easy-read pages; every page built on any site: test_built_site.py
def test_there_are_the_six_easy_read_pages():
    names = {p.stem for p in EASY}
    assert {"what-is-a-carer", "carers-assessment", "get-help-now", "emergency-plan", "taking-a-break",
            "money-help"} <= names


def leaflet_for(site: Path, source: Path) -> Path:
    return site / "leaflets" / ("easy-read-" + source.stem + ".pdf")


def point_sentences(source: Path) -> list[str]:
    texts = re.findall(r'\{\{ point\("[^"]+", "([^"]+)"\) \}\}', source.read_text())
    return [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text) if s]


@pytest.mark.parametrize("source", EASY, ids=lambda p: p.stem)
def test_each_leaflet_is_a4_titled_large_and_complete(built_site, source):
    pdf_path = leaflet_for(built_site, source)
    assert pdf_path.exists()
    title = yaml.safe_load(FRONT_MATTER.match(source.read_text()).group(1))["title"]
    with pdfplumber.open(pdf_path) as pdf:
        assert pdf.metadata["Title"] == title
        assert pdf.doc.catalog["Lang"].decode() == "en-GB"
        for page in pdf.pages:
            assert (round(page.width), round(page.height)) == (595, 842), "A4"
        sizes = [c["size"] for p in pdf.pages for c in p.chars]
        assert round(min(sizes), 2) >= 16, f"smallest text is {min(sizes)} pt"
        text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
        pictures = [img for p in pdf.pages for img in p.curves + p.rects if img["width"] >= 70]  # 2.5 cm = 71 pt
        last_page = pdf.pages[-1].extract_text()
    for sentence in point_sentences(source):
        assert " ".join(sentence.split()) in text, sentence
    data = load_data()[0]
    top = data.contacts[data.site_file.get_help_now.top_contact]
    assert "Get help now" in last_page and top.phone in last_page
    reviewed = yaml.safe_load(FRONT_MATTER.match(source.read_text()).group(1))["last_reviewed"]
    assert data.council.name in text and f"Reviewed {long_date(reviewed)}" in text
    assert pictures, "no picture at least 2.5 cm wide"


def crisis_page() -> str:
    return load_data()[0].site_file.get_help_now.page


def test_crisis_leaflet_and_page_links_to_it_with_its_size(built_site):
    """The crisis page's leaflet, and an easy-read page's if the site has one: named after the page's path."""
    pages = [crisis_page(), *(p.relative_to(SITE / "content").as_posix() for p in EASY[:1])]
    assert (built_site / "leaflets" / (crisis_page().removesuffix(".md").replace("/", "-") + ".pdf")).exists()
    for source, name in ((page, page.removesuffix(".md").replace("/", "-") + ".pdf") for page in pages):
        html = (built_site / built_file(source)).read_text()
        size = round((built_site / "leaflets" / name).stat().st_size / 1024)
        assert re.search(rf'href="[./]*leaflets/{name}" download>Download as [^<]*leaflet[^<]* \(PDF, {size} KB\)</a>',
                         html), source


def test_links_in_leaflets_go_to_the_published_site_not_the_build_folder(built_site):
    site_url = yaml.safe_load((SITE / "data" / "site.yaml").read_text())["site"]["url"]
    links = []
    for pdf_path in (built_site / "leaflets").glob("*.pdf"):
        with pdfplumber.open(pdf_path) as pdf:
            links += [(pdf_path.name, link["uri"]) for page in pdf.pages for link in page.hyperlinks]
    assert any(uri.startswith(site_url) for _, uri in links), "the crisis leaflet links to pages of the site"
    wrong = [(name, uri) for name, uri in links if not uri.startswith(("https://", "tel:", "sms:", "mailto:"))]
    assert not wrong, wrong


def test_pdftoppm_renders_page_one_of_each_leaflet(built_site, tmp_path):
    for pdf in (built_site / "leaflets").glob("*.pdf"):
        result = subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / pdf.stem)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert list(tmp_path.glob(pdf.stem + "*.png"))


RENDER = """import sys; from datetime import date; from pathlib import Path; sys.path.insert(0, sys.argv[1])
from carers_hub.outputs import article, leaflets
page = Path(sys.argv[2])
content = article.content(page.read_text())
leaflet = leaflets.Leaflet("get-help-now.md", "Get help now", date(2026, 11, 23))
html = leaflets.leaflet_html(leaflet, content, "A council", [("Emergency services", "999", "Danger.")])
Path(sys.argv[3]).write_bytes(leaflets.render_pdf(html, page.as_uri(), Path(sys.argv[4])))"""


def fonts_in(pdf_path: Path) -> set[str]:
    with pdfplumber.open(pdf_path) as pdf:
        return {char["fontname"].split("+")[-1] for page in pdf.pages for char in page.chars}


def test_rendering_is_reproducible_in_separate_processes(built_site, tmp_path):
    """Same input, same file: the font comes with the project's packages, not from the machine."""
    page = built_site / built_file(crisis_page())  # every site has it
    made = []
    for run in (1, 2):
        out = tmp_path / f"{run}.pdf"
        result = subprocess.run([sys.executable, "-c", RENDER, str(ROOT), str(page), str(out), str(built_site)],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        made.append(out.read_bytes())
    assert made[0] == made[1]
    assert fonts_in(tmp_path / "1.pdf") == {"Atkinson-Hyperlegible", "Atkinson-Hyperlegible-Bold"}


def test_every_leaflet_embeds_only_the_bundled_font(built_site):
    for pdf_path in (built_site / "leaflets").glob("*.pdf"):
        used = fonts_in(pdf_path)
        assert used and all(name.startswith("Atkinson-Hyperlegible") for name in used), (pdf_path.name, used)


def test_a_leaflet_says_where_its_facts_come_from_in_one_line(built_site):
    """On the web page the sources are a list; on paper, one line to that page, so the leaflet keeps to its points."""
    site_url = yaml.safe_load((SITE / "data" / "site.yaml").read_text())["site"]["url"]
    sourced = [p for p in EASY if "sources:" in FRONT_MATTER.match(p.read_text()).group(1) or 'fact("' in p.read_text()]
    if not sourced:
        pytest.skip(f"no easy-read page of {SITE.name} lists sources or quotes a fact")
    for source in sourced:
        with pdfplumber.open(leaflet_for(built_site, source)) as pdf:
            text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages).replace(" ", "")
        page = urljoin(site_url, source.relative_to(SITE / "content").with_suffix("").as_posix() + "/")
        assert text.count(("Whereeachfactcomesfrom,andwhenitwaschecked:" + page.split("//")[1])) == 1, source.name
        assert "Wherethesefactscomefrom" not in text, source.name
