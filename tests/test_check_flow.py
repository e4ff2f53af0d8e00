"""'Check if you are a carer': every outcome is reached by following links alone, with no JavaScript.

The flow is the site's own pages in content/check/ (the generator keeps them out of the A to Z and journeys):
its start page, question pages whose answers are links marked .ch-answer, and outcome pages with no answers."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from conftest import SITE

pytestmark = pytest.mark.browser

# The City of London example's own answers and outcomes, in its words.
PATHS = {
    ("Yes", "Yes", "No"): "You are a carer",
    ("Yes", "Yes", "Yes"): "You are a young carer",
    ("Yes", "No"): "You are a care worker, not an unpaid carer",
    ("No",): "You may not be a carer right now",
}


@pytest.mark.example  # the example's own answer words and outcome headings
@pytest.mark.parametrize("answers", PATHS, ids=lambda a: "-".join(a))
def test_each_outcome_is_reached_by_links(browser, site_url, answers):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "/check/")
    tab.get_by_role("link", name="Start now").click()
    for answer in answers:
        assert tab.locator("h1").inner_text().endswith("?")
        tab.get_by_role("link", name=answer, exact=True).click()
    assert tab.locator("h1").inner_text() == PATHS[answers]
    body = tab.locator("article").inner_text()
    if "carer" in PATHS[answers] and PATHS[answers].startswith("You are a") and "worker" not in PATHS[answers]:
        assert "assessment" in body
        assert tab.locator(".ch-services__item").count() > 0, "the result lists services that fit"
    context.close()


def flow_pages(built_site) -> set[str]:
    """Every built page of the check flow, by address."""
    return {"/" + page.parent.relative_to(built_site).as_posix() + "/"
            for page in (built_site / "check").rglob("index.html")}


def lists_services(address: str) -> bool:
    """Whether the page's source asks for a list of services ({{ services(...) }})."""
    source = SITE / "content" / (address.strip("/") + ".md")
    return source.is_file() and re.search(r"{{\s*services\(", source.read_text()) is not None


def test_every_page_of_the_site_s_check_flow_is_reached_by_links(browser, site_url, built_site):
    """From the start page's button, each question (its heading a question) is answered by each of its answer
    links in turn, to the end: every page of the flow is reached, each outcome has a heading and no answers, and an
    outcome that lists services shows some."""
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "/check/")
    tab.locator("article .md-button--primary").first.click()
    reached, outcomes, waiting = {"/check/"}, {}, [urlsplit(tab.url).path]
    while waiting:
        at = waiting.pop()
        if at in reached:
            continue
        reached.add(at)
        tab.goto(site_url + at)
        answers = tab.locator("article a.ch-answer")
        heading = tab.locator("h1").inner_text()
        if answers.count():
            assert heading.endswith("?"), f"{at}: a question's heading is a question: {heading!r}"
            for n in range(answers.count()):
                answers.nth(n).click()
                waiting.append(urlsplit(tab.url).path)
                tab.goto(site_url + at)
        else:
            outcomes[at] = (heading, tab.locator(".ch-services__item").count())
    context.close()
    assert reached == flow_pages(built_site), "pages of the flow no answer leads to, or answers leading out of it"
    assert len(outcomes) >= 2 and all(heading for heading, _ in outcomes.values()), outcomes
    empty = [at for at, (_, shown) in outcomes.items() if lists_services(at) and not shown]
    assert not empty, f"outcomes whose list of services shows none: {empty}"
