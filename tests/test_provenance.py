"""Every number and service says exactly where it came from; crisis numbers only from the provider's own page."""

from __future__ import annotations

import html as html_lib
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SITE, SUITE_TODAY, edit, load_data
from carers_hub.core.problems import ProblemsFound
from carers_hub.core.render import long_date
from carers_hub.data import provenance
from carers_hub.data.provenance import Source
from carers_hub.data.site_data import load_site_data
from carers_hub.tools import freshness

CHECKED = date(2026, 11, 30)


def text_of(markup) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", str(markup)))


@pytest.mark.parametrize("source, expected", [
    (Source(url="https://www.samaritans.org/contact", kind="own"),
     "We checked this number on their own website, samaritans.org, on 30 November 2026."),
    (Source(url="https://www.ageuk.org.uk/blog", kind="own", dated=2020),
     "We found this number on a 2020 page of their own website, ageuk.org.uk. We are checking this is still right."),
    (Source(title="a Chelsea and Westminster Hospital NHS leaflet for carers", kind="secondary"),
     "We found this number in a Chelsea and Westminster Hospital NHS leaflet for carers, not on the provider's own "
     "website. We are checking this is still right."),
    (Source(title="a news article", kind="secondary", dated=2015),
     "We found this number in a news article (2015), not on the provider's own website. We are checking this is "
     "still right."),
    (Source(kind="unconfirmed"), "We could not find a source for this number. We are checking this is still right."),
    (Source(title="the council's Action Plan (December 2024)", kind="own", dated=date(2024, 12, 1)),
     "We checked this number in the council's Action Plan (December 2024), on 30 November 2026."),
])
def test_the_sentence_says_exactly_what_was_done(source, expected):
    assert text_of(provenance.sentence(source, CHECKED)) == expected


def test_a_source_is_old_when_it_was_over_two_years_old_on_the_day_it_was_checked():
    assert Source(url="https://a.example.org", kind="own", dated=2024).is_old(CHECKED) is False  # end of 2024
    assert Source(url="https://a.example.org", kind="own", dated=2023).is_old(CHECKED) is True
    assert Source(url="https://a.example.org", kind="own", dated=date(2024, 12, 1)).confirmed(CHECKED)
    assert not Source(title="a leaflet", kind="secondary").confirmed(CHECKED)


def test_titles_keep_their_capitals_and_markup_stays_inert():
    source = Source(title="a Chelsea and Westminster Hospital NHS leaflet", kind="secondary",
                    url='https://example.org/a?b=1&c=2')
    sentence = str(provenance.sentence(source, CHECKED))
    assert "Chelsea and Westminster Hospital NHS" in sentence
    assert 'href="https://example.org/a?b=1&amp;c=2"' in sentence


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SITE / "data", target)
    return target


def problems_for(data_dir: Path):
    with pytest.raises(ProblemsFound) as raised:
        load_site_data(data_dir, root=data_dir.parent, today=SUITE_TODAY)
    return raised.value.problems


def test_a_crisis_number_from_a_secondary_source_stops_the_build(data_dir):
    contacts = data_dir / "contacts.yaml"
    text = contacts.read_text()
    edit(contacts, "      url: https://www.samaritans.org/how-we-can-help/contact-samaritan/\n      kind: saved_copy",
         "      url: https://www.samaritans.org/how-we-can-help/contact-samaritan/\n      kind: secondary\n"
         "      title: a local newsletter")
    [problem] = problems_for(data_dir)
    assert problem.code == "CRISIS_SOURCE_NOT_OWN"
    assert problem.file == "data/contacts.yaml" and problem.field.endswith(".source.kind")
    assert problem.line == text.splitlines().index("      url: https://www.samaritans.org/how-we-can-help/contact-samaritan/") + 2
    assert "Samaritans" in problem.message and "provider's own website" in problem.fix


def test_a_crisis_number_from_an_old_page_stops_the_build(data_dir):
    edit(data_dir / "contacts.yaml",
         "      url: https://www.samaritans.org/how-we-can-help/contact-samaritan/\n      kind: saved_copy",
         "      url: https://www.samaritans.org/how-we-can-help/contact-samaritan/\n      kind: saved_copy\n      dated: 2019")
    [problem] = problems_for(data_dir)
    assert problem.code == "CRISIS_SOURCE_OLD" and problem.field.endswith(".source.dated")


def test_a_secondary_source_must_say_what_it_is(data_dir):
    edit(data_dir / "contacts.yaml",
         "      kind: secondary\n      title: a Chelsea and Westminster Hospital NHS leaflet for carers\n",
         "      kind: secondary\n      url: https://www.chelwest.nhs.uk/leaflet\n")
    [problem] = problems_for(data_dir)
    assert problem.code == "SOURCE_TITLE_MISSING" and problem.file == "data/contacts.yaml"


def test_every_crisis_contact_in_the_example_is_from_its_providers_own_current_page():
    """Their own words, on their website or in a saved copy of it, not old."""
    data, _ = load_data()
    crisis = [c for c in data.contacts.values() if c.crisis]
    assert crisis and all(c.source.kind in ("own", "saved_copy") and not c.source.is_old(c.checked) for c in crisis)


def crisis_page() -> str:
    """The address of the site's crisis page (data/site.yaml get_help_now)."""
    from carers_hub.core import urls

    return urls.page_url(load_data()[0].site_file.get_help_now.page)


def article(built_site: Path, path: str) -> str:
    page = (built_site / path / "index.html").read_text()
    return page[page.index("<article"):page.index("</article>")]


def test_every_card_on_the_crisis_page_says_where_its_number_was_checked(built_site):
    """Checked on the live page, or read on a saved copy with its date: nothing else, and never both."""
    cards = re.findall(r'<div class="ch-contact">(.*?)</div>', article(built_site, crisis_page()), re.S)
    listed = next(p.contacts for p in load_data()[0].site_file.crisis_pages
                  if p.page == load_data()[0].site_file.get_help_now.page)
    assert len(cards) >= len(listed) > 0
    checked = r"We checked this number on their own website, [a-z0-9.-]+, on \d{1,2} \w+ 20\d\d\."
    saved = (r"We read this number on a saved copy of their website, [a-z0-9.-]+, on \d{1,2} \w+ 20\d\d\. "
             r"The copy (shows no date\.|is dated \d{1,2} \w+ 20\d\d\.( We are checking this is still right\.)?)")
    for card in cards:
        said = text_of(re.search(r'<p class="ch-contact__source"[^>]*>(.*?)</p>', card, re.S).group(1))
        assert re.fullmatch(checked, said) or re.fullmatch(saved, said), said


SAVED = Source(url="https://www.cityoflondon.gov.uk/carers", kind="saved_copy", dated=date(2023, 7, 6))


def test_a_saved_copy_says_it_was_a_saved_copy_and_its_date_never_that_we_checked_their_website():
    said = text_of(provenance.sentence(SAVED, CHECKED))
    assert said == ("We read this number on a saved copy of their website, cityoflondon.gov.uk, on "
                    f"{long_date(CHECKED)}. The copy is dated 6 July 2023. We are checking this is still right.")
    assert "We checked" not in said and "own website" not in said
    # a recent copy is the provider's own words: confirmed, but still said to be a copy
    recent = Source(url="https://www.cityoflondon.gov.uk/carers", kind="saved_copy", dated=CHECKED)
    assert recent.confirmed(CHECKED) and "We checked" not in text_of(provenance.sentence(recent, CHECKED))
    undated = text_of(provenance.sentence(Source(url="https://www.samaritans.org/x", kind="saved_copy"), CHECKED))
    assert undated.endswith("The copy shows no date.") and "saved copy" in undated
    assert "dated 2013." in text_of(provenance.sentence(Source(url="https://www.lgo.org.uk/x", kind="saved_copy",
                                                                dated=2013), CHECKED))


def test_every_saved_copy_is_listed_to_confirm_on_the_live_website():
    rows = freshness.everything_to_confirm(ROOT, SUITE_TODAY)
    data, _ = load_data()
    saved = [c.name for c in data.contacts.values() if c.source.kind == "saved_copy"]
    assert saved and all(("contact", name) in {(r.kind, r.what) for r in rows} for name in saved)
    assert any("saved copy (no date)" in r.source for r in rows)


@pytest.mark.example  # the example's own notes, on its own contacts
def test_numbers_read_on_a_stored_copy_are_saved_copies_in_the_example():
    """The example's notes say these were read in stored copies: they must not claim a check of the live page."""
    data, _ = load_data()
    for contact_id in ("adult_social_care", "out_of_hours", "ombudsman", "samaritans"):
        contact = data.contacts[contact_id]
        assert contact.source.kind == "saved_copy", contact_id
        assert "We checked" not in text_of(contact.provenance), contact_id
    assert not [c.id for c in data.contacts.values() if "stored copy" in (c.source.note or "")
                and c.source.kind != "saved_copy"]


@pytest.mark.example  # the example's own contact, read on its own dated copy
def test_a_saved_copy_shows_its_date_on_the_built_page(built_site):
    said = text_of(article(built_site, "get-help-now"))
    out_of_hours = load_data()[0].contacts["out_of_hours"]
    assert out_of_hours.source.kind == "saved_copy"
    assert ("We read this number on a saved copy of their website, cityoflondon.gov.uk, on "
            f"{long_date(out_of_hours.checked)}. The copy is dated 6 July 2023. We are checking this is still right.") in said


@pytest.mark.parametrize("source", [
    Source(url="https://en.wikipedia.org/wiki/Citizens_Advice", kind="secondary", title="an article"),
    Source(url="https://EN.M.WIKIPEDIA.ORG/wiki/Cruse", kind="own"),  # any case, any subdomain, even called own
    Source(url="https://user@en.wikipedia.org.:443/wiki/Cruse", kind="own"),  # a port, a user, a final dot
    Source(url="https://www.eastbourneherald.co.uk/news/your-say/letter-1-6463128", kind="secondary",
           title="a piece in the Herald"),
    Source(title="a letter from Carers UK in the Eastbourne Herald", kind="secondary", dated=2014),
    Source(title="the Wikipedia article about Cruse", kind="unconfirmed"),
    Source(url="https://www.reddit.com/r/CarersUK/x", kind="secondary", title="a thread"),
    Source(url="https://www.carersuk.org/forum/x", kind="own"),
])
def test_a_source_a_council_would_not_cite_is_never_named_to_carers(source):
    said = str(provenance.sentence(source, CHECKED, "these details"))
    assert source.weak and said == "We are checking these details."
    assert not source.confirmed(CHECKED)


@pytest.mark.parametrize("source", [
    Source(url="https://notwikipedia.org/x", kind="own"),
    Source(url="https://www.wikipedia.org.example.net/x", kind="own"),
    Source(title="the Carers UK newsletter", kind="secondary"),
    Source(url="https://www.samaritans.org/how-we-can-help/contact-samaritan/", kind="own"),
])
def test_a_name_that_only_looks_like_a_weak_source_is_not_weak(source):
    assert source.weak is None


def test_a_service_whose_only_source_is_an_encyclopaedia_says_it_is_being_checked(data_dir):
    """Through the service page as the build makes it: the notice, no name, no link, no "this description is from"."""
    from carers_hub.data.services import load_directory
    from carers_hub.directory.service_pages import service_page
    from support.project import change_service

    service = change_service(data_dir.parent, source={
        "url": "https://en.wikipedia.org/wiki/Citizens_Advice", "kind": "secondary",
        "title": "the Wikipedia article about Citizens Advice"})
    data = load_site_data(data_dir, root=data_dir.parent, today=SUITE_TODAY)
    directory = load_directory(data_dir, data, root=data_dir.parent, today=SUITE_TODAY)
    listing = directory.by_id[service["id"]]
    assert listing.service.source.url.startswith("https://en.wikipedia.org")  # the edit took
    page = text_of(service_page(listing, data, directory).html())
    assert "We have not confirmed these details yet. We are checking these details." in page
    assert "Wikipedia" not in page and "wikipedia.org" not in str(service_page(listing, data, directory).html())


def test_the_example_shows_no_weak_source_to_carers():
    data, directory = load_data()
    assert not [c.id for c in data.contacts.values() if c.source.weak]
    assert not [s.id for s in directory.listings if s.service.source.weak]


@pytest.mark.example  # the example's own second-hand number (Carers UK) on its own page; the sentence itself:
# test_the_sentence_says_exactly_what_was_done, on any site
def test_a_number_from_a_secondary_source_says_so_in_words_carers_can_read(built_site):
    carers_uk = load_data()[0].contacts["carers_uk"]
    page = text_of(article(built_site, "money-and-work/carers-allowance"))
    assert f"We found this number in {carers_uk.source.title}, not on the provider's own website." in page
    assert carers_uk.source.title.lower() != carers_uk.source.title  # capitals kept: never lower-cased
    assert "We took this number from" not in page


def services_by_id() -> dict:
    return {s["id"]: s for s in yaml.safe_load((SITE / "data" / "services.yaml").read_text())["services"]}


def test_an_active_service_with_an_old_or_secondary_source_warns_carers_at_the_top(built_site):
    for service_id, service in services_by_id().items():
        page = article(built_site, f"services/{service_id}")
        source = Source(**service["source"])
        unconfirmed = service.get("status", "active") == "active" and not source.confirmed(service["last_reviewed"])
        notice = '<div class="ch-notice" role="note">' in page
        assert notice == unconfirmed, service_id
        said = text_of(page)
        if unconfirmed:
            assert "We have not confirmed these details yet." in said
            assert said.index("We have not confirmed") < said.index("Who it is for"), "the notice comes first"
        else:
            assert ("We checked these details" if source.kind == "own" else
                    "We read these details on a saved copy of their website") in said, service_id
        assert "We checked" not in said or (source.kind == "own" and source.confirmed(service["last_reviewed"])), service_id


@pytest.mark.example  # the example's own page and its sources
def test_a_page_lists_where_its_facts_come_from(built_site):
    page = article(built_site, "money-and-work/working-and-caring")
    section = page[page.index('id="where-these-facts-come-from"'):]
    said = text_of(section)
    assert ("We read the notice you must give on a saved copy of their website, legislation.gov.uk, on "
            "30 November 2026.") in said
    assert "not on the provider's own website" in said  # the law firm's guide is second-hand, and says so


def test_freshness_lists_what_is_still_to_confirm():
    rows = freshness.everything_to_confirm(ROOT, SUITE_TODAY)
    what = {(r.kind, r.what) for r in rows}
    assert ("contact", "Carers UK Helpline") in what and ("service", "City Advice") in what
    assert ("contact", "Samaritans") in what, "read on a saved copy: to confirm on the live website"
    assert "To confirm:" in freshness.confirm_report(rows)


@pytest.mark.example  # the example's own facts: the City of London's provider
def test_the_example_names_the_current_carers_service_and_not_the_old_one():
    """The City of London Carers Strategy Action Plan (December 2024) says a new provider, Imago, runs the
    carers support service from October 2024: the old one must not be shown as current."""
    content = "\n".join(p.read_text() for p in (SITE / "content").rglob("*.md"))
    assert "Carers Connections" not in content
    service = services_by_id()["city-carers-support-service"]
    assert service["organisation"] == "imago" and "October 2024" in service["description"]


def flagged_on_the_crisis_page(built_site: Path) -> tuple[set[str], set[str], set[str]]:
    """The numbers the crisis page says are not yet confirmed; every number of a contact not confirmed; every
    crisis: true number."""
    crisis = article(built_site, crisis_page())
    data = load_data()[0]
    flagged = re.findall(r'href="tel:([^"]+)">[^<]*</a> \(a number we have not yet confirmed\)', crisis)
    def numbers(contacts):
        return {link.uri.removeprefix("tel:") for c in contacts for link in (c.phone_link, c.other_phone_link) if link}
    return (set(flagged), numbers(c for c in data.contacts.values() if not c.confirmed),
            numbers(c for c in data.contacts.values() if c.crisis))


def test_on_the_crisis_page_only_a_number_not_confirmed_says_so(built_site):
    """Every crisis: true number is confirmed (the build stops otherwise): none of them is flagged."""
    flagged, unconfirmed, crisis = flagged_on_the_crisis_page(built_site)
    assert flagged <= unconfirmed and not crisis & flagged


@pytest.mark.example  # the example's own numbers: Carers UK's, and the out-of-hours number read on a saved copy
def test_a_number_in_a_sentence_says_when_it_is_not_yet_confirmed(built_site):
    home = article(built_site, ".")
    carers_uk = re.search(r'href="tel:\+448088087777">0808 808 7777</a>([^<.]*)', home)
    assert carers_uk and carers_uk.group(1) == " (a number we have not yet confirmed)"
    flagged, unconfirmed, crisis = flagged_on_the_crisis_page(built_site)
    assert flagged and flagged <= unconfirmed and not crisis & flagged
