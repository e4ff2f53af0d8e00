"""data/*.yaml is checked once, at load, and every problem names file, line, field and fix."""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import ROOT, SITE, SUITE_TODAY, edit, line_of
from support import yaml_fields

from carers_hub.data.phones import PhoneError, parse_phone, parse_sms, parse_textphone
from carers_hub.core.problems import ProblemsFound
from carers_hub.data.site_data import load_site_data

TODAY = SUITE_TODAY


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SITE / "data", target)
    return target


def problems_for(data_dir: Path, today: date = TODAY):
    with pytest.raises(ProblemsFound) as raised:
        load_site_data(data_dir, root=data_dir.parent, today=today)
    return raised.value.problems


def test_shipped_data_loads():
    data = load_site_data(SITE / "data", root=SITE, today=TODAY)
    assert data.council.name == yaml_fields.value(SITE / "data" / "site.yaml", "council", "name")
    assert data.get_help_now.top_contact in data.contacts


@pytest.mark.example
def test_the_example_s_council_and_contacts():
    data = load_site_data(SITE / "data", root=ROOT, today=TODAY)
    assert data.council.name == "City of London Corporation"
    assert {"emergency", "nhs_111", "samaritans", "out_of_hours", "adult_social_care"} <= set(data.contacts)
    assert data.contacts["samaritans"].phone_link.uri == "tel:116123"
    assert data.contacts["adult_social_care"].phone_link.uri == "tel:+442073321224"
    assert data.contacts["shout"].sms_link.uri == "sms:85258?body=SHOUT"


@pytest.mark.parametrize("raw, display, uri", [
    ("999", "999", "tel:999"),
    ("111", "111", "tel:111"),
    ("116 123", "116 123", "tel:116123"),
    ("0800 1111", "0800 1111", "tel:+448001111"),
    ("02073321224", "020 7332 1224", "tel:+442073321224"),
])
def test_phone_numbers_are_shown_the_uk_way(raw, display, uri):
    phone = parse_phone(raw)
    assert (phone.display, phone.uri) == (display, uri)


def test_textphone_and_sms():
    assert parse_textphone("18001 111").uri == "tel:18001111"
    assert parse_sms("85258").uri == "sms:85258"


@pytest.mark.parametrize("bad", ["020 7332 122", "12", "+1 212 555 0100", "javascript:alert(1)", "call us"])
def test_bad_phone_numbers_are_rejected(bad):
    with pytest.raises(PhoneError):
        parse_phone(bad)


def test_bad_phone_names_file_line_field_and_fix(data_dir):
    site = data_dir / "site.yaml"
    phone = yaml_fields.value(site, "contacts", 0, "phone")  # a digit short: a UK number too short
    line = yaml_fields.set_value(site, ("contacts", 0, "phone"), f'"{phone[:-1]}"')
    [problem] = problems_for(data_dir)
    assert problem.code == "PHONE_INVALID"
    assert problem.file == "data/site.yaml"
    assert problem.line == line
    assert problem.field == "contacts[0].phone"
    assert "020 7946 0000" in problem.fix
    text = str(problem)
    assert f"data/site.yaml, line {problem.line}" in text and "How to fix:" in text


def test_every_problem_is_reported_at_once(data_dir):
    site = data_dir / "site.yaml"
    website = yaml_fields.value(site, "council", "website")
    yaml_fields.set_value(site, ("council", "website"), website.replace("https://", "http://", 1))
    yaml_fields.set_value(site, ("colours", "primary"), '"blue"')
    yaml_fields.set_value(data_dir / "contacts.yaml", ("contacts", 0, "phone"), '"0800 12"')
    codes = sorted(p.code for p in problems_for(data_dir))
    assert codes == ["COLOUR_INVALID", "PHONE_INVALID", "URL_NOT_HTTPS"]


def test_missing_required_field(data_dir):
    yaml_fields.drop(data_dir / "site.yaml", "council", "short_name")
    [problem] = problems_for(data_dir)
    assert (problem.code, problem.field) == ("FIELD_MISSING", "council.short_name")
    assert problem.line == line_of(data_dir / "site.yaml", "council:")
    assert "short_name:" in problem.fix


def test_misspelt_field(data_dir):
    edit(data_dir / "contacts.yaml", "\n    cost: Free\n", "\n    cots: Free\n")
    [problem] = problems_for(data_dir)
    assert problem.code == "FIELD_UNKNOWN" and problem.field.endswith(".cots")


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "{{ config }}", "{% include 'x' %}"])
def test_markup_and_template_code_in_data_are_rejected(data_dir, text):
    yaml_fields.set_value(data_dir / "site.yaml", ("council", "name"), f'"{text}"')
    [problem] = problems_for(data_dir)
    assert problem.code == "TEXT_UNSAFE" and problem.field == "council.name"


def test_javascript_url_is_rejected(data_dir):
    yaml_fields.set_value(data_dir / "site.yaml", ("council", "website"), "javascript:alert(1)")
    [problem] = problems_for(data_dir)
    assert problem.code == "URL_NOT_HTTPS" and problem.field == "council.website"


def test_duplicate_contact_id(data_dir):
    edit(data_dir / "contacts.yaml", "id: cruse", "id: adult_social_care")
    [problem] = problems_for(data_dir)
    assert problem.code == "CONTACT_DUPLICATE_ID"
    assert problem.file == "data/contacts.yaml"


def test_unknown_contact_in_site_settings(data_dir):
    edit(data_dir / "site.yaml", "top_contact: emergency", "top_contact: emergancy")
    [problem] = problems_for(data_dir)
    assert problem.code == "CONTACT_UNKNOWN" and problem.field == "get_help_now.top_contact"


def test_crisis_contact_not_checked_for_six_months(data_dir):
    problems = problems_for(data_dir, today=SUITE_TODAY + timedelta(days=200))
    assert {p.code for p in problems} == {"CRISIS_CONTACT_NOT_CHECKED"}
    for problem in problems:  # each names the contact's own "checked:" line, by index, not by id
        assert re.fullmatch(r"contacts\[\d+\]\.checked", problem.field), problem.field
        lines = (data_dir / problem.file.removeprefix("data/")).read_text().splitlines()
        assert lines[problem.line - 1].strip().startswith("checked:"), (problem.file, problem.line)
    assert any("Samaritans" in p.message for p in problems)


def test_yaml_syntax_error_points_at_line(data_dir):
    site = data_dir / "site.yaml"
    yaml_fields.set_value(site, ("council", "short_name"), "[" + yaml_fields.value(site, "council", "short_name"))
    [problem] = problems_for(data_dir)
    assert problem.code == "YAML_SYNTAX" and problem.file == "data/site.yaml" and problem.line
