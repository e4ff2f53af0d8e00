"""Glossary abbreviations are explained wherever they appear; a journey page gathers each kind of carer's help."""

from __future__ import annotations

import html
import re

import pytest
import yaml

from conftest import SITE
from carers_hub.outputs.abbreviations import expand
from carers_hub.data.front_matter import FRONT_MATTER
from test_built_site import all_built_pages

GLOSSARY = yaml.safe_load((SITE / "data" / "glossary.yaml").read_text())["terms"]
AUDIENCES = [a["id"] for a in yaml.safe_load((SITE / "data" / "audiences.yaml").read_text())["audiences"]]
SERVICES = yaml.safe_load((SITE / "data" / "services.yaml").read_text())["services"]


def article(path) -> str:
    text = path.read_text()
    return text[text.index("<article"):text.index("</article>")] if "<article" in text else ""


ABBREVIATED = [t for t in GLOSSARY if t.get("abbr")]
ABBR = re.compile(r"<abbr\b[^>]*>.*?</abbr>", re.S)


def reader_words(path) -> str:
    """The text a reader sees in a page's article, less the glossary's own headwords."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<dt\b.*?</dt>", " ", article(path), flags=re.S))


def pages_using(built_site, abbr: str) -> list:
    return [p for p in all_built_pages(built_site) if re.search(rf"\b{abbr}\b", reader_words(p))]


def test_every_abbreviation_is_expanded_where_it_is_used(built_site):
    """Each abbreviation of the site's glossary is explained (<abbr title>) on every page using it."""
    unexplained = [f"{term['abbr']} on {path}" for term in ABBREVIATED for path in pages_using(built_site, term["abbr"])
                   if f'<abbr title="{html.escape(term["term"])}">{term["abbr"]}</abbr>' not in article(path)]
    assert not unexplained, unexplained


def test_only_the_glossary_s_abbreviations_are_marked(built_site):
    """Every <abbr> in a page is one of the site's glossary abbreviations, titled with its term (on a site whose
    glossary has none, no page has one)."""
    allowed = {f'<abbr title="{html.escape(t["term"])}">{t["abbr"]}</abbr>' for t in ABBREVIATED}
    wrong = {(path.parent.name, tag) for path in all_built_pages(built_site) for tag in ABBR.findall(article(path))
             if tag not in allowed}
    assert not wrong, sorted(wrong)[:10]


@pytest.mark.example  # the example's own glossary: the abbreviations it explains though no page of its uses them
def test_the_example_uses_each_of_its_abbreviations(built_site):
    unused = {t["abbr"] for t in ABBREVIATED if not pages_using(built_site, t["abbr"])}
    assert unused <= {"CAF", "CHC", "DFG", "EDT", "OT", "ASC"}, unused


def test_abbreviations_are_explained_in_text_only():
    terms = {"GP": "General Practitioner", "NHS": "National Health Service"}
    gp, nhs = '<abbr title="General Practitioner">GP</abbr>', '<abbr title="National Health Service">NHS</abbr>'
    assert expand("<p>See your GP or NHS 111.</p>", terms) == f"<p>See your {gp} or {nhs} 111.</p>"
    untouched = ('<a title="GP" href="/gp/">x</a><!-- NHS --><code>GP</code><pre>NHS</pre><dt>GP</dt>'
                 '<script>var GP = 1;</script><abbr title="x">NHS</abbr><p>GPS, xNHS, NHS_1, GPs</p>')
    assert expand(untouched, terms) == untouched
    assert expand(untouched + "<p>GP.</p>", terms) == untouched + f"<p>{gp}.</p>"


def source_pages_for(audience: str) -> set[str]:
    titles = set()
    for page in (SITE / "content").rglob("*.md"):
        if page.parts[-2] == "check":
            continue
        meta = yaml.safe_load(FRONT_MATTER.match(page.read_text()).group(1))
        if audience in meta["audience"]:
            titles.add(meta["title"])
    return titles


@pytest.mark.parametrize("audience", [a for a in AUDIENCES if a != "all-carers"])
def test_each_journey_lists_the_pages_and_services_tagged_for_it(built_site, audience):
    pages = source_pages_for(audience)
    services = {s["name"] for s in SERVICES if audience in s["audience"]}
    path = built_site / "journeys" / audience / "index.html"
    if not pages and not services:
        assert not path.exists()
        return
    body = html.unescape(re.sub(r"</?abbr[^>]*>", "", article(path)))
    listed_pages = set(re.findall(r'<li><a href="[^"]+">([^<]+)</a>:', body))
    listed_services = set(re.findall(r'<p class="ch-services__name"><a href="[^"]+">([^<]+)</a>', body))
    assert listed_pages == pages
    assert listed_services == services


def test_home_page_links_to_every_journey(built_site):
    home = (built_site / "index.html").read_text()
    for journey in (built_site / "journeys").iterdir():
        assert f'href="journeys/{journey.name}/"' in home
