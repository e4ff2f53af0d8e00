"""The finder the site-wide tests use (support/kinds.py): one page of each kind found by what it is, and a clear
message naming each kind a site lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.kinds import find_kinds, missing, one

GUIDE = ('<div data-pagefind-meta="label[data-label]" data-label="{label}"></div>'
         '<article class="md-content__inner md-typeset"><h1>A</h1>{body}</article>')


def page(site: Path, address: str, html: str) -> None:
    folder = site / address.strip("/")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(html)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A built site's pages as the finder reads them: the home page's crisis bar and menu, and the directory."""
    page(tmp_path, "/", '<div class="ch-crisis-bar"><a class="ch-crisis-bar__link" href="help/">Get help now</a></div>'
                        '<nav><a href="about/terms/">Terms</a><a href="money/benefits/">Benefits</a></nav>')
    page(tmp_path, "/help/", GUIDE.format(label="Guide", body="<h2>Call</h2>"))
    page(tmp_path, "/services/", '<ul class="ch-services"><li><a href="carers-centre/">Carers centre</a></li></ul>')
    page(tmp_path, "/services/carers-centre/", GUIDE.format(label="Service", body=""))
    page(tmp_path, "/about/terms/", GUIDE.format(label="Guide", body="<p>No heading under its title.</p>"))
    page(tmp_path, "/money/benefits/", GUIDE.format(label="Guide", body="<h2>What you can get</h2>"))
    page(tmp_path, "/a/first-by-name/", GUIDE.format(label="Guide", body="<h2>Not in the menu</h2>"))
    return tmp_path


def test_each_kind_is_found_by_what_it_is(site):
    page(site, "/easy-read/money/", GUIDE.format(label="Easy read", body=""))
    page(site, "/plan/", GUIDE.format(label="Guide", body='<form class="ch-plan" id="ch-plan"></form>'))
    page(site, "/words/", GUIDE.format(label="Guide", body='<dl class="ch-glossary"></dl>'))
    find_kinds.cache_clear()
    assert find_kinds(site) == {
        "home": "/", "crisis": "/help/", "directory": "/services/", "service": "/services/carers-centre/",
        "guidance": "/money/benefits/",  # the first guide in the menu with a heading under its title
        "easy read": "/easy-read/money/", "emergency plan": "/plan/", "glossary": "/words/"}


def test_a_kind_the_site_lacks_is_named_with_how_to_add_one(site):
    find_kinds.cache_clear()
    assert missing(site, ["crisis", "easy read", "glossary"]) == (
        "The site under test has no easy read page (a page in content/easy-read/ other than its index); no glossary "
        "page (a page with {{ glossary() }}, the words in data/glossary.yaml)")
    with pytest.raises(AssertionError, match="no emergency plan page"):
        one(site, "emergency plan")
