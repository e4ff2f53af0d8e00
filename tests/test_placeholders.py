"""Nothing half-written goes live: a page or service that still holds a template's words does not build.

The words come from hooks/data/placeholders.py, which `make new-page`, `make new-service` and the browser
editor's defaults all use; the same module finds them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ENV, NEW_SITE_DAY, build, line_of
from support.templates import fill_page, fill_service
from carers_hub.data import placeholders
from carers_hub.core import yaml_source
from carers_hub.core.problems import ProblemsFound
from carers_hub.tools import new

FIX = "Replace the words starting CHANGE with"


def make_site(project: Path) -> subprocess.CompletedProcess:
    """`make site` in a copy of the project, with this test run's Python packages."""
    (project / "Makefile").write_text((Path(__file__).parents[1] / "Makefile").read_text())
    return subprocess.run(["make", "site", f"BIN={Path(sys.executable).parent}", "SITE_DEPS=", "NODE_DEPS="], cwd=project,
                          capture_output=True, text=True, timeout=300, env=ENV)


# -- the rule, as a pure function ---------------------------------------------------------------------------

def test_the_new_page_template_is_found_line_by_line_with_field_and_fix():
    text = new.PAGE.format(title="Carers cafe", description=placeholders.PAGE_DEFAULTS["description"],
                           owner="team@example.org", today="2026-11-30", review_by="2027-05-31") + placeholders.PAGE_BODY
    found = placeholders.in_page(text, "content/support/carers-cafe.md")
    lines = [n for n, line in enumerate(text.splitlines(), 1) if "CHANGE" in line or "change-me-link" in line]
    assert [p.line for p in found] == lines and len(lines) == 5
    assert {p.code for p in found} == {"PLACEHOLDER_TEXT"} and {p.file for p in found} == {"content/support/carers-cafe.md"}
    assert found[0].field == "description" and all(p.field == "" for p in found[1:])
    assert all(p.fix.startswith(FIX) for p in found[:-1])
    assert found[-1].fix == "Replace change-me-link with the file of the page the link should go to, like " \
                            "../support/carers-assessment.md."
    assert 'holds the template\'s words to replace: "CHANGE this first paragraph.' in found[1].message


@pytest.mark.parametrize("text", [
    "## Changes to your benefits\n\nIf your care needs change, tell us. Change your details online.\n",
    "# CHANGE YOUR DETAILS\n\nWHAT TO DO IF THINGS CHANGE\n",
    "A CHANGE\n\nCHANGE.\n\nRECORD-OF-CHANGE-2026\n",
    "[Change of address](../support/change-of-address.md) and exchange-me-links\n",
])
def test_ordinary_words_about_change_are_not_placeholders(text):
    assert placeholders.in_page(text, "content/x.md") == []


def test_a_placeholder_is_found_wherever_an_editor_left_it():
    text = "---\ntitle: A\ndescription: >-\n  Help for carers. CHANGE this too.\n---\n\nWe meet weekly (CHANGE-me).\n"
    found = placeholders.in_page(text, "content/a.md")
    assert [(p.line, p.field) for p in found] == [(4, "description"), (7, "")]


def test_a_service_record_names_each_field_and_its_line():
    text = "services:" + new.SERVICE.format(id="carers-cafe", name="Carers cafe", area="London", today="2026-11-30",
                                            review_by="2027-05-31")
    found = {p.field: p for p in placeholders.in_data(yaml_source.parse(text, "data/services.yaml"))}
    assert set(found) == {"services[0].organisation", "services[0].description", "services[0].audience[0]",
                          "services[0].categories[0]", "services[0].website", "services[0].source.url"}
    lines = text.splitlines()
    assert lines[found["services[0].organisation"].line - 1] == "    organisation: CHANGE-to-an-organisation-id"
    assert lines[found["services[0].source.url"].line - 1].startswith("      url: CHANGE-to-the-page")
    assert "data/organisations.yaml" in found["services[0].organisation"].fix
    assert "https://" in found["services[0].source.url"].fix
    assert "data/categories.yaml" in found["services[0].categories[0]"].fix


def test_every_default_a_template_or_the_browser_editor_writes_is_found():
    """The defaults are exported for the browser editor: each must be caught, or it could go live."""
    values = [v for _, v in placeholders.strings(placeholders.SERVICE_DEFAULTS) if v != "own"]
    values += list(placeholders.PAGE_DEFAULTS.values())
    values += [line for line in placeholders.PAGE_BODY.splitlines() if line and not line.startswith("## ")]
    assert len(values) == 12 and all(placeholders.has_placeholder(v) for v in values), values


# -- what an editor meets: make new-page, make new-service, then a build ---------------------------------------

def test_make_site_refuses_a_new_page_until_its_placeholders_are_replaced(project):
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the site that is live now")
    page = new.new_page("support/carers-cafe", "Carers cafe", root=project)

    refused = make_site(project)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert 'Error in content/support/carers-cafe.md, line 3, field "description": this still holds the template' in output
    assert f"Error in content/support/carers-cafe.md, line {line_of(page, 'CHANGE this first paragraph')}:" in output
    assert "How to fix: Replace the words starting CHANGE with your own words" in output
    assert output.count("[PLACEHOLDER_TEXT]") == 4
    assert (project / "site" / "index.html").read_text() == "the site that is live now"  # nothing published
    assert not (project / "site" / "support").exists()

    page.write_text(fill_page(page.read_text()))
    published = make_site(project)
    assert published.returncode == 0, published.stdout + published.stderr
    html = (project / "site" / "support" / "carers-cafe" / "index.html").read_text()
    assert "Carers meet for tea and a chat on week 12." in html and "CHANGE" not in html


def test_a_new_service_fails_with_the_placeholder_not_a_confusing_validation_error(project):
    services = new.new_service("carers-cafe", "Carers cafe", root=project)
    refused = build(project, project / "out")
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0 and not (project / "out" / "services").exists()
    index = len(yaml.safe_load(services.read_text())["services"]) - 1
    line = line_of(services, "organisation: CHANGE-to-an-organisation-id")
    assert (f'Error in data/services.yaml, line {line}, field "services[{index}].organisation": '
            'this still holds the template\'s words to replace: "CHANGE-to-an-organisation-id"') in output
    assert "How to fix: Replace the words starting CHANGE with the id of the organisation that runs it" in output
    assert output.count("[PLACEHOLDER_TEXT]") == 6
    for confusing in ("ID_INVALID", "URL_NOT_HTTPS", "ORGANISATION_UNKNOWN", "CATEGORY_UNKNOWN"):
        assert confusing not in output

    organisation = yaml.safe_load((project / "data" / "organisations.yaml").read_text())["organisations"][0]["id"]
    services.write_text(fill_service(services.read_text(), organisation))
    built = build(project, project / "out")
    assert built.returncode == 0, built.stdout + built.stderr
    html = (project / "out" / "services" / "carers-cafe" / "index.html").read_text()
    assert "A weekly cafe where carers meet for tea and a chat." in html


def test_a_placeholder_in_a_contact_is_caught_too(project):
    from conftest import edit, load_data

    edit(project / "data" / "contacts.yaml", "purpose: ", "purpose: CHANGE this to what the line is for. ")
    with pytest.raises(ProblemsFound) as found:
        load_data(project / "data")
    assert [p.code for p in found.value.problems] == ["PLACEHOLDER_TEXT"]
    assert found.value.problems[0].field.endswith(".purpose") and found.value.problems[0].file == "data/contacts.yaml"


def test_the_preview_shows_a_page_being_written_with_a_warning(project):
    from support import serving
    from test_preview import start_preview

    new.new_page("support/carers-cafe", "Carers cafe", root=project)
    server, url, _ = start_preview(project)
    try:
        serving.wait_for(url + "support/carers-cafe/", "CHANGE this first paragraph")
    finally:
        serving.stop(server)
    log = "".join(p.read_text() for p in project.glob("serve-*.log"))
    assert "WARNING" in log and "Warning in content/support/carers-cafe.md, line 3" in log
    assert "[PLACEHOLDER_TEXT]" in log


# -- the preview's stand-ins (carers-hub serve on a new council's site) ----------------------------------------

def _new_site_data(tmp_path: Path) -> Path:
    """A new council's site written on NEW_SITE_DAY; read it with today=NEW_SITE_DAY."""
    from carers_hub.tools import new_site

    site = tmp_path / "site"
    new_site.write_site(site, "Fenmoor District Council", "1.0.0", NEW_SITE_DAY)
    return site


def test_the_preview_reads_a_new_sites_placeholders_as_stand_ins_and_a_real_build_refuses_them(tmp_path):
    from carers_hub.data import site_data
    from carers_hub.data.services import load_directory

    site = _new_site_data(tmp_path)
    with pytest.raises(ProblemsFound) as caught:  # a published build: every placeholder stops it
        site_data.load_site_data(site / "data", root=site, today=NEW_SITE_DAY)
    assert {p.code for p in caught.value.problems} == {placeholders.CODE}
    assert not any(p.warning for p in caught.value.problems)

    data = site_data.load_site_data(site / "data", root=site, today=NEW_SITE_DAY, stand_ins=True)
    contact = next(c for c in data.site_file.contacts if c.id == "adult_social_care")
    assert contact.phone == placeholders.STAND_IN_PHONE  # Ofcom's drama range: nobody's line
    assert contact.hours.startswith(placeholders.OPEN + "To fill in: when the line is open")
    assert str(data.site.url).startswith("https://site-url") and placeholders.STAND_IN_HOST in str(data.site.url)
    assert data.problems and all(p.warning and p.code == placeholders.CODE for p in data.problems)
    directory = load_directory(site / "data", data, root=site, today=NEW_SITE_DAY, stand_ins=True)
    assert directory.listings[0].service.name.startswith(placeholders.OPEN + "To fill in")
    assert any(p.code == placeholders.CODE for p in directory.problems)


def test_a_placeholder_no_stand_in_can_make_valid_still_stops_the_preview(tmp_path):
    """An id to fill in (a new service's organisation) has no stand-in: guessing one would show a wrong page."""
    from carers_hub.data import site_data
    from carers_hub.data.services import load_directory

    site = _new_site_data(tmp_path)
    services = site / "data" / "services.yaml"
    services.write_text(services.read_text().replace("organisation: council", "organisation: CHANGE-to-an-organisation-id"))
    data = site_data.load_site_data(site / "data", root=site, today=NEW_SITE_DAY, stand_ins=True)
    with pytest.raises(ProblemsFound) as caught:
        load_directory(site / "data", data, root=site, today=NEW_SITE_DAY, stand_ins=True)
    stopped = [p for p in caught.value.problems if not p.warning]
    assert {p.code for p in stopped} == {placeholders.CODE} and "services[0].organisation" in {p.field for p in stopped}


def test_stand_ins_are_marked_in_text_and_bare_in_attributes_and_scripts():
    words = placeholders.stand_in("contacts[0].hours", "hours", "CHANGE this")
    html = (f'<title>{words} - Site</title><meta name="description" content="{words}">'
            f'<p>Open {words}. Call <a href="tel:+442079460999">{placeholders.STAND_IN_PHONE}</a></p>'
            f'<script type="application/ld+json">{{"hours": "{words}"}}</script>')
    shown = placeholders.marked(html)
    assert placeholders.OPEN not in shown and placeholders.CLOSE not in shown
    assert f'<p>Open <mark class="{placeholders.MARK_CLASS}">To fill in: when the line is open' in shown
    mark = f'<mark class="{placeholders.MARK_CLASS}">'
    assert f'<a href="tel:+442079460999">{mark}{placeholders.STAND_IN_PHONE} (a stand-in' in shown
    assert "<title>To fill in: when" in shown and 'content="To fill in: when' in shown
    assert '<script type="application/ld+json">{"hours": "To fill in: when' in shown
    assert shown.count("<mark") == 2
    page = placeholders.marked('<p>CHANGE this first paragraph. Say who.</p><p>Changes to your benefits</p>')
    assert page == f'<p>{mark}CHANGE this first paragraph. Say who.</mark></p><p>Changes to your benefits</p>'
    assert placeholders.marked("<p>EXCHANGE rates, short-CHANGE ones.</p>") == "<p>EXCHANGE rates, short-CHANGE ones.</p>"
    assert placeholders.stand_in("site.url", "url", "CHANGE-to-x") == f"https://site-url{placeholders.STAND_IN_HOST}/"
    assert not placeholders.has_placeholder(words)
