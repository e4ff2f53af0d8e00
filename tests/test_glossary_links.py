"""A glossary entry's link takes a carer to the page about that word: the page it links to names the term."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest

from conftest import load_data
from carers_hub.core import urls


def words(text: str) -> str:
    """Lower case, curly apostrophes straight, one space between words: how a reader would match the term."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").lower())


def article_text(built_site: Path, src: str) -> str:
    page = (built_site / urls.built_file(src)).read_text(encoding="utf-8")
    body = page[page.index("<article"):page.index("</article>")]
    return words(html_lib.unescape(re.sub(r"<[^>]+>", " ", body)))


def names(term) -> list[str]:
    """The term as a reader would find it: "Replacement care (respite)" as "replacement care"; its abbreviation
    (GP) too, as a whole word, since a page may use only that."""
    found = [words(re.sub(r"\s*\(.*?\)", "", term.term))]
    return found + ([rf"\b{re.escape(words(term.abbr))}\b"] if term.abbr else [])


def named(term, text: str) -> bool:
    first, *abbr = names(term)
    return first in text or any(re.search(a, text) for a in abbr)


def linked_terms():
    data, _ = load_data()
    return [term for term in data.glossary if term.link]


def test_every_glossary_link_goes_to_a_page_that_names_the_term(built_site):
    wrong = [f"{term.term} -> {term.link}" for term in linked_terms()
             if not named(term, article_text(built_site, term.link))]
    assert not wrong, "glossary entries linking to a page that never names them: " + "; ".join(wrong)


@pytest.mark.example  # the City of London example's own entries and pages, the ones its issue named
@pytest.mark.parametrize("term, page", [
    ("Continuing Healthcare", "support/nhs-continuing-healthcare.md"),
    ("Safeguarding", "support/safeguarding.md"),
    ("Carer's Credit", "money-and-work/carers-allowance.md"),
])
def test_the_entries_the_issue_named_link_to_their_own_pages(term, page):
    assert {t.term: t.link for t in linked_terms()}[term] == page
