"""The emergency plan: fill in, save only after consent, delete, and print, with nothing sent anywhere."""

from __future__ import annotations

import io

import pdfplumber
import pytest

pytestmark = pytest.mark.browser
KEY = "carers-hub-emergency-plan"
PLAN = {
    "cared_name": "Rose Example",
    "medicines": "Donepezil 10mg at night",
    "allergies": "Penicillin",
    "contact1_name": "Sam Example",
    "contact1_phone": "07700 900123",
}


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


@pytest.fixture
def plan_page(page, site_url):
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page.goto(site_url + "/planning-ahead/make-your-plan/")
    return page


def fill(page):
    for name, value in PLAN.items():
        page.fill(f'[name="{name}"]', value)


def stored(page):
    return page.evaluate(f"localStorage.getItem('{KEY}')")


def test_nothing_is_saved_without_consent(plan_page):
    fill(plan_page)
    plan_page.click('[data-plan-action="save"]')
    assert stored(plan_page) is None
    assert "not saved" in plan_page.inner_text("#plan-status")


def test_nothing_typed_is_sent_anywhere(plan_page):
    plan_page.wait_for_load_state("networkidle")
    requests = []
    plan_page.on("request", lambda request: requests.append(request))
    fill(plan_page)
    plan_page.check("#plan-consent")
    for action in ("save", "print", "print-card", "delete"):
        plan_page.click(f'[data-plan-action="{action}"]')
    plan_page.wait_for_load_state("networkidle")  # anything those clicks sent would be on its way
    assert requests == [], [r.url for r in requests]


def test_saves_after_consent_restores_and_deletes(plan_page):
    fill(plan_page)
    plan_page.check("#plan-consent")
    plan_page.click('[data-plan-action="save"]')
    assert "Rose Example" in stored(plan_page)
    plan_page.reload()
    assert plan_page.input_value('[name="medicines"]') == PLAN["medicines"]
    assert "saved on this device" in plan_page.inner_text("#plan-status")
    plan_page.click('[data-plan-action="delete"]')
    assert stored(plan_page) is None
    assert plan_page.input_value('[name="cared_name"]') == ""
    plan_page.reload()
    assert plan_page.input_value('[name="cared_name"]') == ""


def test_prints_a_clean_plan(plan_page):
    fill(plan_page)
    plan_page.click('[data-plan-action="print"]')
    assert plan_page.evaluate("window.__printed") == 1
    plan_page.emulate_media(media="print")
    text = pdf_text(plan_page.pdf(format="A4", print_background=True))
    for value in PLAN.values():
        assert value in text
    assert "Money and work" not in text, "the printed plan shows the site's menu"
    assert "Save on this device" not in text


def test_prints_a_wallet_card(plan_page):
    fill(plan_page)
    plan_page.click('[data-plan-action="print-card"]')
    plan_page.emulate_media(media="print")
    pdf = plan_page.pdf(format="A4")
    text = pdf_text(pdf)
    assert "I am a carer" in text and "Rose Example" in text and "07700 900123" in text
    assert "Donepezil" not in text, "the card should hold only who to call"
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) == 1


def test_without_javascript_the_blank_plan_prints_for_writing_by_hand(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/planning-ahead/make-your-plan/")
    assert page.locator(".ch-plan__actions").is_hidden()
    assert "print this page" in page.inner_text(".ch-no-js-only")
    page.emulate_media(media="print")
    text = pdf_text(page.pdf(format="A4"))
    assert "Medicines" in text and "First person to call" in text
    context.close()
