"""The crisis pages the build guarantees: each way of breaking them stops the build with a clear message."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from support.project import override_template
from conftest import SITE, assert_error, build, edit, line_of

CRISIS_PAGE = "content/get-help-now.md"


def failed_with(result, *expected: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for text in expected:
        assert text in output, f"{text!r} not in:\n{output}"
    return output


def test_missing_crisis_page_fails(project):
    (project / "content" / "planning-ahead" / "emergency-plan.md").unlink()
    result = build(project, strict=False)
    failed_with(result, "CRISIS_PAGE_MISSING", '"planning-ahead/emergency-plan.md" is missing', "How to fix:")
    assert not (project / "site").exists()


def test_crisis_contact_with_invalid_number_fails(project):
    contacts = project / "data" / "contacts.yaml"
    edit(contacts, 'phone: 116 123', 'phone: 116 12')
    result = build(project, strict=False)
    failed_with(result, "PHONE_INVALID", "data/contacts.yaml, line", '"116 12"')


def test_crisis_contact_not_checked_for_six_months_fails(project):
    contacts = project / "data" / "contacts.yaml"
    text = contacts.read_text()
    contacts.write_text(re.sub(r"checked: \d{4}-\d{2}-\d{2}", "checked: 2026-03-01", text, count=1))
    result = build(project, strict=False)
    failed_with(result, "CRISIS_CONTACT_NOT_CHECKED", "Emergency services was last checked on 2026-03-01")


def test_page_without_get_help_now_link_fails(project):
    main = override_template(project, "main.html")
    edit(main, '{% include "partials/carers/crisis-bar.html" %}', "")
    result = build(project, strict=False)
    failed_with(result, "GET_HELP_LINK_MISSING", 'no "Get help now" link')


def test_crisis_page_past_its_review_date_fails_even_in_preview(project):
    page = project / CRISIS_PAGE
    text = re.sub(r"(?m)^review_by: .*$", "review_by: 2026-11-01", page.read_text(), count=1)
    page.write_text(re.sub(r"(?m)^last_reviewed: .*$", "last_reviewed: 2026-08-01", text, count=1))
    result = build(project, strict=False)
    failed_with(result, "CRISIS_PAGE_REVIEW_OVERDUE", f"content/get-help-now.md, line {line_of(page, 'review_by:')}",
                'field "review_by"')


def test_each_mistake_in_a_crisis_page_s_words_stops_the_build_by_name(project):
    """Three mistakes the build finds once every page is rendered (a required contact left out, a page harder
    to read than a crisis page may be, a sentence too long for one), in one build: the build reports every
    page's problems together, and each is checked as its own error. The long sentence is on the other crisis
    page, so it cannot be what makes the first too hard to read."""
    page, plan = project / CRISIS_PAGE, project / "content" / "planning-ahead" / "emergency-plan.md"
    edit(page, '{{ contact_card("samaritans") }}', "")
    edit(page, "You matter too. You can talk to someone at any time.",
         "Notwithstanding considerable organisational complexities, comprehensive psychological "
         "assistance remains continuously available. Confidential conversations facilitate "
         "emotional stabilisation.")
    long = ("If you are worried about the person you care for and you do not know who to call then you can "
            "call this number and they will help you.")
    edit(plan, "An emergency plan can help.", long)
    result = build(project, strict=False)
    output = failed_with(result)
    assert_error(output, "CRISIS_CONTACT_MISSING", "content/get-help-now.md", "Samaritans (samaritans)",
                 'contact_card("samaritans")')
    assert_error(output, "READING_TOO_HARD", "content/get-help-now.md", "crisis pages must be grade 5")
    assert_error(output, "READING_SENTENCE_TOO_LONG", f"content/planning-ahead/emergency-plan.md, line "
                 f"{line_of(plan, 'If you are worried')}", "crisis pages allow 20")


def crisis_links(built_site: Path) -> dict[str, str]:
    html = (built_site / "get-help-now" / "index.html").read_text()
    article = html[html.index("<article"):html.index("</article>")]
    return dict(re.findall(r'href="((?:tel|sms):[^"]+)">([^<]+)</a>', article))


def test_crisis_page_links_carry_the_numbers_from_data(built_site):
    links = crisis_links(built_site)
    expected = {
        "tel:999": "999", "tel:111": "111", "tel:18001111": "18001 111", "tel:116123": "116 123",
        "sms:85258?body=SHOUT": "85258", "tel:+448001111": "0800 1111", "tel:+448082000247": "0808 2000 247",
        "tel:+442083568855": "020 8356 8855", "tel:+442083562300": "020 8356 2300", "tel:+442083562710": "020 8356 2710",
        "tel:+442073321224": "020 7332 1224",
    }
    for href, text in expected.items():
        assert links.get(href.replace("&", "&amp;")) == text, (href, links)


def test_crisis_page_is_small_and_ordered_by_urgency(built_site):
    html = (built_site / "get-help-now" / "index.html").read_text()
    assert len(html.encode()) < 30_000
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
    import pdfplumber

    from conftest import load_data

    data, _ = load_data()
    site = yaml.safe_load((SITE / "data" / "site.yaml").read_text())
    required = site["crisis_pages"][0]["contacts"]
    with pdfplumber.open(built_site / "leaflets" / "get-help-now.pdf") as pdf:
        assert len(pdf.pages) <= 2, f"{len(pdf.pages)} pages"
        assert all((round(p.width), round(p.height)) == (595, 842) for p in pdf.pages), "A4"
        sizes = [c["size"] for p in pdf.pages for c in p.chars]
        body = [c["size"] for p in pdf.pages for c in p.chars if c["top"] > 50 and c["bottom"] < p.height - 50]
        text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert round(min(sizes), 1) >= 12, f"smallest text is {min(sizes)} pt"
    assert round(min(body), 1) >= 14, f"smallest body text is {min(body)} pt"
    for contact_id in required:
        contact = data.contacts[contact_id]
        written = " ".join((contact.phone or contact.sms).split())
        assert written in text, (contact_id, written)
        card_start = rf"{re.escape(written)}( or [\d ]+)? (Textphone or Relay UK: [\d ]+ )?{re.escape(contact.name)}"
        assert re.search(card_start, text), f"{contact.name}'s card does not start with its number"
    assert "0808 2000 247" in text and "0808 200 0247" not in text
    assert "We checked this number" not in text and "We read this" not in text, "a source line under a number"
    line = "Where each number comes from, and when it was checked: " + site["site"]["url"].split("//")[1] + "get-help-now/"
    squeezed = text.replace(" ", "")
    assert squeezed.count(line.replace(" ", "")) == 1, "one line of sources, at the end"
    assert squeezed.index(line.replace(" ", "")) > max(squeezed.index(n.replace(" ", "")) for n in ["0800 1111", "999"])
