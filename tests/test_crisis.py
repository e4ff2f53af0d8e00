"""The crisis pages the build guarantees: each way of breaking them stops the build with a clear message."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
import yaml

from support import crisis
from support.project import override_template
from conftest import SITE, SUITE_TODAY, assert_error, build, edit, line_of, load_data

DATA, _ = load_data()
CRISIS_PAGE = "content/" + DATA.get_help_now.page
CONTACT_FILES = ("data/contacts.yaml", "data/site.yaml")  # where a site's contacts are written
CARD = re.compile(r'\{\{ contact_card\("([a-z0-9_-]+)"\) \}\}')


def contact_written(project: Path, contact_id: str) -> tuple[Path, str]:
    """The file a contact is written in and its entry's text, from its `- id:` line to the next entry's."""
    for name in CONTACT_FILES:
        text = (project / name).read_text()
        if start := re.search(rf"(?m)^ *- id: {re.escape(contact_id)}\s*$", text):
            end = re.compile(r"(?m)^ *- id: ").search(text, start.end())
            return project / name, text[start.start():end.start() if end else len(text)]
    raise AssertionError(f"contact {contact_id} is in none of {CONTACT_FILES}")


def change_contact(project: Path, contact_id: str, old: str, new: str) -> Path:
    """Change `old` (a regular expression) to `new` in one contact's entry, failing if it is not there."""
    file, entry = contact_written(project, contact_id)
    changed, count = re.subn(old, new, entry, count=1)
    assert count, f"{old!r} not in {contact_id}'s entry in {file}"
    file.write_text(file.read_text().replace(entry, changed, 1))
    return file


def failed_with(result, *expected: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for text in expected:
        assert text in output, f"{text!r} not in:\n{output}"
    return output


def test_missing_crisis_page_fails(project):
    page = DATA.crisis_pages[-1].page
    (project / "content" / page).unlink()
    result = build(project, strict=False)
    failed_with(result, "CRISIS_PAGE_MISSING", f'"{page}" is missing', "How to fix:")
    assert not (project / "site").exists()


def test_crisis_contact_with_invalid_number_fails(project):
    """The crisis contact with the longest number, a digit short."""
    contact = max((DATA.contacts[c] for c in DATA.crisis_pages[0].contacts if DATA.contacts[c].phone),
                  key=lambda c: len(c.phone))
    short = contact.phone[:-1].rstrip()
    file = change_contact(project, contact.id, rf"phone: {re.escape(contact.phone)}\b", f"phone: {short}")
    result = build(project, strict=False)
    failed_with(result, "PHONE_INVALID", f"{file.relative_to(project)}, line", f'"{short}"')


def test_crisis_contact_not_checked_for_six_months_fails(project):
    contact = DATA.contacts[DATA.get_help_now.top_contact]
    long_ago = SUITE_TODAY - timedelta(days=200)
    change_contact(project, contact.id, r"checked: \d{4}-\d{2}-\d{2}", f"checked: {long_ago}")
    result = build(project, strict=False)
    failed_with(result, "CRISIS_CONTACT_NOT_CHECKED", f"{contact.name} was last checked on {long_ago}")


def test_page_without_get_help_now_link_fails(project):
    main = override_template(project, "main.html")
    edit(main, '{% include "partials/carers/crisis-bar.html" %}', "")
    result = build(project, strict=False)
    failed_with(result, "GET_HELP_LINK_MISSING", 'no "Get help now" link')


def test_crisis_page_past_its_review_date_fails_even_in_preview(project):
    page = project / CRISIS_PAGE
    due, reviewed = SUITE_TODAY - timedelta(days=30), SUITE_TODAY - timedelta(days=120)
    text = re.sub(r"(?m)^review_by: .*$", f"review_by: {due}", page.read_text(), count=1)
    page.write_text(re.sub(r"(?m)^last_reviewed: .*$", f"last_reviewed: {reviewed}", text, count=1))
    result = build(project, strict=False)
    failed_with(result, "CRISIS_PAGE_REVIEW_OVERDUE", f"{CRISIS_PAGE}, line {line_of(page, 'review_by:')}",
                'field "review_by"')


def other_crisis_page(project: Path) -> Path:
    """A crisis page other than the one "Get help now" leads to: the site's own, or a copy of that one written into
    the project and named in data/site.yaml's crisis_pages."""
    named = [c.page for c in DATA.crisis_pages if c.page != DATA.get_help_now.page]
    if named:
        return project / "content" / named[0]
    copy = project / "content" / "crisis-copy.md"
    copy.write_text((project / CRISIS_PAGE).read_text())
    edit(project / "data" / "site.yaml", "\ncrisis_pages:\n", "\ncrisis_pages:\n  - page: crisis-copy.md\n    contacts: []\n")
    return copy


def test_each_mistake_in_a_crisis_page_s_words_stops_the_build_by_name(project):
    """Three mistakes the build finds once every page is rendered (a required contact left out, a page harder
    to read than a crisis page may be, a sentence too long for one), in one build: the build reports every
    page's problems together, and each is checked as its own error. The long sentence is on the other crisis
    page, so it cannot be what makes the first too hard to read."""
    page, other = project / CRISIS_PAGE, other_crisis_page(project)
    required = DATA.crisis_pages[[c.page for c in DATA.crisis_pages].index(DATA.get_help_now.page)].contacts
    left_out = next(c for c in CARD.findall(page.read_text()) if c in required)
    edit(page, f'{{{{ contact_card("{left_out}") }}}}', "")
    page.write_text(page.read_text() + "\nNotwithstanding considerable organisational complexities, comprehensive "
                    "psychological assistance remains continuously available. Confidential conversations facilitate "
                    "emotional stabilisation.\n")
    long = ("If you are worried about the person you care for and you do not know who to call then you can "
            "call this number and they will help you.")
    other.write_text(other.read_text() + "\n" + long + "\n")
    result = build(project, strict=False)
    output = failed_with(result)
    assert_error(output, "CRISIS_CONTACT_MISSING", CRISIS_PAGE, f"{DATA.contacts[left_out].name} ({left_out})",
                 f'contact_card("{left_out}")')
    assert_error(output, "READING_TOO_HARD", CRISIS_PAGE, "crisis pages must be grade 5")
    assert_error(output, "READING_SENTENCE_TOO_LONG", f"{other.relative_to(project)}, line "
                 f"{line_of(other, 'If you are worried')}", "crisis pages allow 20")


def crisis_html(built_site: Path) -> str:
    return (built_site / crisis.address(DATA.get_help_now.page).strip("/") / "index.html").read_text()


def crisis_links(built_site: Path) -> dict[str, str]:
    html = crisis_html(built_site)
    article = html[html.index("<article"):html.index("</article>")]
    return dict(re.findall(r'href="((?:tel|sms):[^"]+)">([^<]+)</a>', article))


def test_crisis_page_links_carry_the_numbers_from_data(built_site):
    """Every number of every contact card on the page, linked and written as data/ has it."""
    links = crisis_links(built_site)
    cards = CARD.findall((SITE / CRISIS_PAGE).read_text())
    assert cards, f"{CRISIS_PAGE} has no contact card"
    for contact in (DATA.contacts[c] for c in cards):
        numbers = [contact.phone_link, contact.other_phone_link, contact.textphone_link, contact.sms_link]
        for number in filter(None, numbers):
            assert links.get(number.uri.replace("&", "&amp;")) == number.display, (contact.id, number, links)


def test_crisis_page_is_small_and_its_first_number_is_the_top_contact(built_site):
    html = crisis_html(built_site)
    assert len(html.encode()) < 30_000
    top = DATA.contacts[DATA.get_help_now.top_contact]
    assert next(iter(crisis_links(built_site))) == (top.phone_link or top.sms_link).uri.replace("&", "&amp;")


@pytest.mark.example  # the example's own headings, in its words
def test_the_example_crisis_page_is_ordered_by_urgency(built_site):
    html = crisis_html(built_site)
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html[html.index("<article"):])
    assert headings[:6] == ["Someone is in danger now", "Urgent medical or mental health help",
                            "Urgent care when the council is closed", "If you are struggling yourself",
                            "Young carers", "Plan ahead"]


def test_no_crisis_number_is_typed_into_a_page():
    data = yaml.safe_load((SITE / "data" / "contacts.yaml").read_text())["contacts"]
    site = yaml.safe_load((SITE / "data" / "site.yaml").read_text())["contacts"]
    numbers = {c[k].replace(" ", "") for c in data + site for k in ("phone", "sms") if k in c}
    numbers -= {"111", "999"}  # short enough to appear in words ("call 111 and choose")
    for page in (SITE / "content").rglob("*.md"):
        digits = page.read_text().replace(" ", "")
        for number in numbers:
            assert number not in digits, f"{page} types {number}: use the phone or contact_card macro"


def test_crisis_leaflet_fits_two_a4_sides_with_every_number_as_its_owner_writes_it(built_site):
    """Printed to keep by the phone: two A4 sides at most, clear print (body text 14 pt, nothing under 12), each
    card starting with its number written as in data (as the provider publishes it: 0808 2000 247, not the
    library's 0808 200 0247), and where the numbers come from said once, at the end."""
    import phonenumbers
    import pdfplumber

    data, site = DATA, yaml.safe_load((SITE / "data" / "site.yaml").read_text())
    required = data.crisis_pages[0].contacts
    address = crisis.address(data.get_help_now.page)
    with pdfplumber.open(built_site / "leaflets" / (address.strip("/").replace("/", "-") + ".pdf")) as pdf:
        assert len(pdf.pages) <= 2, f"{len(pdf.pages)} pages"
        assert all((round(p.width), round(p.height)) == (595, 842) for p in pdf.pages), "A4"
        sizes = [c["size"] for p in pdf.pages for c in p.chars]
        body = [c["size"] for p in pdf.pages for c in p.chars if c["top"] > 50 and c["bottom"] < p.height - 50]
        text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert round(min(sizes), 1) >= 12, f"smallest text is {min(sizes)} pt"
    assert round(min(body), 1) >= 14, f"smallest body text is {min(body)} pt"
    writtens = []
    for contact_id in required:
        contact = data.contacts[contact_id]
        written = " ".join((contact.phone or contact.sms).split())
        writtens.append(written)
        assert written in text, (contact_id, written)
        card_start = rf"{re.escape(written)}( or [\d ]+)? (Textphone or Relay UK: [\d ]+ )?{re.escape(contact.name)}"
        assert re.search(card_start, text), f"{contact.name}'s card does not start with its number"
    for written in writtens:  # never the number library's way of writing it, where the owner writes it otherwise
        library = phonenumbers.format_number(phonenumbers.parse(written, "GB"), phonenumbers.PhoneNumberFormat.NATIONAL)
        assert library == written or library not in text, f"{written} is printed as {library}"
    assert "We checked this number" not in text and "We read this" not in text, "a source line under a number"
    line = "Where each number comes from, and when it was checked: " + site["site"]["url"].split("//")[1] + address.lstrip("/")
    squeezed = text.replace(" ", "")
    assert squeezed.count(line.replace(" ", "")) == 1, "one line of sources, at the end"
    assert squeezed.index(line.replace(" ", "")) > max(squeezed.index(n.replace(" ", "")) for n in writtens)
