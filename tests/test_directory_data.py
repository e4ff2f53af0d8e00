"""data/services.yaml: every rejection names the file, the line and the field; nothing unsafe gets through."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import SITE, SUITE_TODAY
from carers_hub.engine import data_pages
from carers_hub.directory import service_pages
from carers_hub.core.problems import ProblemsFound
from carers_hub.data.service_models import Service
from carers_hub.data.services import Listing, load_directory, stable_uuid
from carers_hub.data.site_data import load_site_data

TODAY = SUITE_TODAY
ORGANISATIONS = """organisations:
  - id: carers-uk
    name: Carers UK
    description: The national charity for unpaid carers.
    website: https://www.carersuk.org
"""
GOOD = """services:
  - id: carers-uk-helpline
    name: Carers UK Helpline
    organisation: carers-uk
    description: Advice for carers about **benefits** and rights. See [Carers UK](https://www.carersuk.org).
    audience: [adult-carers, working-carers]
    categories: [carers-advice]
    area: England
    how_to_access: self-referral
    cost: Free
    phone: "0808 808 7777"
    email: advice@carersuk.org
    website: https://www.carersuk.org
    locations:
      - name: Head office
        address: 20 Great Dover Street, London
        postcode: se1 4lx
    opening_hours:
      - days: [monday, tuesday, wednesday, thursday, friday]
        opens: "09:00"
        closes: "18:00"
    source: {url: https://www.carersuk.org, kind: own}
    last_reviewed: 2026-11-23
    review_by: 2027-05-23
  - id: second-service
    name: Second service
    organisation: carers-uk
    description: Another service.
    audience: [young-carers]
    categories: [young-carers-support]
    area: England
    how_to_access: referral
    contact: samaritans
    source: {url: https://www.carersuk.org, kind: own}
    last_reviewed: 2026-11-23
    review_by: 2027-05-23
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SITE / "data", target)
    (target / "organisations.yaml").write_text(ORGANISATIONS)
    (target / "services.yaml").write_text(GOOD)
    return target


def load(data_dir: Path, today: date = TODAY):
    data = load_site_data(data_dir, root=data_dir.parent, today=TODAY)
    return load_directory(data_dir, data, root=data_dir.parent, today=today)


def problems(data_dir: Path, old: str, new: str):
    services = data_dir / "services.yaml"
    text = services.read_text()
    assert old in text
    services.write_text(text.replace(old, new, 1))
    with pytest.raises(ProblemsFound) as raised:
        load(data_dir)
    return raised.value.problems, services.read_text().splitlines()


def line_with(lines: list[str], text: str) -> int:
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_valid_file_loads_into_typed_listings(data_dir):
    directory = load(data_dir)
    helpline = directory.by_id["carers-uk-helpline"]
    assert helpline.uuid == stable_uuid("service", "carers-uk-helpline")
    assert helpline.phone.uri == "tel:+448088087777"
    assert helpline.hours_text == "Monday to Friday, 9am to 6pm"
    assert helpline.service.locations[0].postcode == "SE1 4LX"
    second = directory.by_id["second-service"]
    assert second.phone.uri == "tel:116123"  # from data/contacts.yaml, never typed twice


@pytest.mark.parametrize("old, new, code, field, marker", [
    ("    area: England\n    how_to_access: self-referral", "    how_to_access: self-referral",
     "FIELD_MISSING", "services[0].area", "  - id: carers-uk-helpline"),
    ("id: second-service", "id: carers-uk-helpline", "SERVICE_DUPLICATE_ID", "services[1].id", "id: carers-uk-helpline\n"),
    ("categories: [carers-advice]", "categories: [carers-adivce]", "CATEGORY_UNKNOWN", "services[0].categories[0]",
     "carers-adivce"),
    ("audience: [young-carers]", "audience: [young-cares]", "AUDIENCE_UNKNOWN", "services[1].audience[0]", "young-cares"),
    ("    organisation: carers-uk\n    description: Another", "    organisation: carers-trust\n    description: Another",
     "ORGANISATION_UNKNOWN", "services[1].organisation", "carers-trust"),
    ('phone: "0808 808 7777"', 'phone: "0808 808 777"', "PHONE_INVALID", "services[0].phone", "0808 808 777"),
    ("email: advice@carersuk.org", "email: advice.carersuk.org", "EMAIL_INVALID", "services[0].email", "advice.carersuk"),
    ("website: https://www.carersuk.org", "website: ftp://www.carersuk.org", "URL_NOT_WEB", "services[0].website",
     "website: ftp://"),
    ("website: https://www.carersuk.org", "website: javascript:alert(1)", "URL_NOT_WEB", "services[0].website",
     "javascript:"),
    ("website: https://www.carersuk.org", "website: data:text/html,hi", "URL_NOT_WEB", "services[0].website",
     "data:text"),
    ("postcode: se1 4lx", "postcode: SE1 ABC", "POSTCODE_INVALID", "services[0].locations[0].postcode", "SE1 ABC"),
    ('closes: "18:00"', 'closes: "08:00"', "HOURS_CLOSE_BEFORE_OPEN", "services[0].opening_hours[0]", "- days:"),
    ("contact: samaritans", "contact: samaritan", "CONTACT_UNKNOWN", "services[1].contact", "samaritan\n"),
    ("(https://www.carersuk.org)", "(data:text/html,hi)", "TEXT_UNSAFE", "services[0].description", "data:text"),
    ("Advice for carers", "<script>alert(1)</script> Advice", "TEXT_UNSAFE", "services[0].description", "<script>"),
    ("Another service.", '"{{ config }}"', "TEXT_UNSAFE", "services[1].description", "{{ config }}"),
    ("Another service.", "\"{% include 'x' %}\"", "TEXT_UNSAFE", "services[1].description", "{% include"),
    ("    area: England\n    how_to_access: referral", "    area: England\n    minimum_age: 18\n    maximum_age: 11\n"
     "    how_to_access: referral", "SERVICE_AGES_REVERSED", "services[1]", "  - id: second-service"),
    ("    description: Another service.", "    summary: " + "Words. " * 50 + "\n    description: Another service.",
     "SUMMARY_TOO_LONG", "services[1]", "  - id: second-service"),
    ("    description: Another service.", "    description: Another service.\n    description_by: them",
     "VALUE_NOT_ALLOWED", "services[1].description_by", "description_by: them"),
])
def test_each_rejection_names_line_and_field(data_dir, old, new, code, field, marker):
    found, lines = problems(data_dir, old, new)
    matching = [p for p in found if p.code == code]
    assert matching, f"expected {code}, got {[str(p) for p in found]}"
    problem = matching[0]
    assert problem.file == "data/services.yaml"
    assert problem.field == field
    if marker.endswith("\n"):  # the marker is on several lines: only say the problem has a line
        assert problem.line
    else:
        assert problem.line == line_with(lines, marker)
    assert problem.fix


def test_every_problem_is_reported_at_once(data_dir):
    services = data_dir / "services.yaml"
    services.write_text(GOOD.replace('"0808 808 7777"', '"12345678"').replace("[young-carers]", "[nobody]")
                        .replace("postcode: se1 4lx", "postcode: nowhere"))
    with pytest.raises(ProblemsFound) as raised:
        load(data_dir)
    assert {"PHONE_INVALID", "POSTCODE_INVALID"} <= {p.code for p in raised.value.problems}


def test_overdue_review_is_a_warning_that_strict_builds_refuse(data_dir):
    directory = load(data_dir, today=date(2027, 6, 1))
    warning = directory.problems[0]
    assert len(directory.problems) == 2
    assert warning.code == "SERVICE_REVIEW_OVERDUE" and warning.warning and warning.line


def test_rendering_keeps_unsafe_text_inert_even_if_checks_were_skipped(data_dir):
    """Defence in depth: if bad text ever reached a page, it is escaped and never run as a template."""
    directory = load(data_dir)
    data = load_site_data(data_dir, root=data_dir.parent, today=TODAY)
    good = directory.by_id["carers-uk-helpline"]
    evil = Service.model_construct(**{**good.service.__dict__, "name": "<script>alert(1)</script>",
                                      "description": "{{ config }} {% include 'x' %} <img src=x onerror=alert(1)>"})
    listing = Listing(**{**good.__dict__, "service": evil})
    page = service_pages.service_page(listing, data, directory)
    assert "<script>" not in page.meta["title"] and "<script>" not in page.search["title"]
    assert "<script>" not in data_pages.heading(page.title)[1]
    assert "<img" not in page.html() and "&lt;img src=x onerror=alert(1)&gt;" in page.html()
    assert "{{ config }}" in page.html()  # shown as text: the body never goes through the macros plugin
    assert page.meta["render_macros"] is False


def test_model_rejects_unknown_fields():
    with pytest.raises(ValidationError) as caught:
        Service.model_validate({"id": "x", "phnoe": "1"})
    assert ("phnoe",) in [tuple(e["loc"]) for e in caught.value.errors() if e["type"] == "extra_forbidden"]


def test_summary_ages_town_and_list_items_are_shown_where_carers_look(data_dir):
    text = (data_dir / "services.yaml").read_text()
    text = text.replace("    description: Another service.", "    summary: Help for young carers at home.\n"
                        "    description: |-\n      Their words.\n\n      - One thing\n      - Another\n"
                        "    description_by: provider\n    minimum_age: 11\n    maximum_age: 17")
    text = text.replace("        address: 20 Great Dover Street, London", "        address: 20 Great Dover Street\n"
                        "        town: London")
    (data_dir / "services.yaml").write_text(text)
    directory = load(data_dir)
    data = load_site_data(data_dir, root=data_dir.parent, today=TODAY)
    second = directory.by_id["second-service"]
    [item] = service_pages.items([second], data, directory, "index.md")
    assert (item.summary, item.theirs) == ("Help for young carers at home.", False)
    page = service_pages.service_page(second, data, directory)
    assert page.meta["description"] == "Help for young carers at home."
    assert "<p class=\"ch-service__summary\">Help for young carers at home.</p>" in page.html()
    assert "<ul><li>One thing</li><li>Another</li></ul>" in page.html() and "In their words" in page.html()
    assert "<p>Ages 11 to 17.</p>" in page.html()
    helpline = service_pages.service_page(directory.by_id["carers-uk-helpline"], data, directory)
    assert "20 Great Dover Street<br>London<br>SE1 4LX" in helpline.html() and "In their words" not in helpline.html()


def test_a_listing_without_a_summary_shows_the_first_sentence_cut_to_the_limit(data_dir):
    text = (data_dir / "services.yaml").read_text()
    long = " ".join(f"word{i}" for i in range(40)) + ". Second sentence."
    text = text.replace("    description: Another service.", f"    description: {long}\n    description_by: provider")
    (data_dir / "services.yaml").write_text(text)
    directory = load(data_dir)
    data = load_site_data(data_dir, root=data_dir.parent, today=TODAY)
    [item] = service_pages.items([directory.by_id["second-service"]], data, directory, "index.md")
    assert item.summary == " ".join(f"word{i}" for i in range(25)) + "\u2026" and item.theirs
