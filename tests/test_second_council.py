"""The same code serves another council by changing data/ and content/ only."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import ENV, NEW_SITE_DAY, ROOT, build
from support.example_identity import identity

EXAMPLE_IDENTITY = identity(ROOT / "data" / "site.yaml")  # the example's names and colours
SITE = """site:
  name: Example Borough Carers
  description: Help for unpaid carers in Example Borough.
  url: https://carers.example-borough.example/
  logo: assets/logo.svg
council:
  name: Example Borough Council
  short_name: Example Borough
  area: Example Borough
  website: https://www.example-borough.example
get_help_now:
  page: get-help-now.md
  top_contact: emergency
  printed_contacts: [emergency, out_of_hours]
crisis_pages:
  - page: get-help-now.md
    contacts: [emergency, out_of_hours, samaritans]
reading_level:
  standard: {warn_grade: 6, max_grade: 8, max_sentence_words: 25}
  crisis: {warn_grade: 4, max_grade: 5, max_sentence_words: 20}
  easy_read: {warn_grade: 3, max_grade: 4, max_sentence_words: 15}
footer:
  contacts: [adult_social_care]
  links:
    - {title: Accessibility statement, page: accessibility.md}
colours:
  primary: "#005a30"
  accent: "#8b1a1a"
contacts:
  - id: adult_social_care
    name: Example Borough Adult Social Care
    purpose: Ask for a carer's assessment.
    phone: "020 7946 0000"
    hours: Monday to Friday, 9am to 5pm
    source: {url: https://www.example-borough.example/carers, kind: own}
    checked: 2026-11-20
  - id: out_of_hours
    name: Example Borough emergency duty team
    purpose: Urgent social care when the council is closed.
    phone: "020 7946 0001"
    source: {url: https://www.example-borough.example/carers, kind: own}
    checked: 2026-11-20
"""
FRONT = "---\ntitle: {title}\ndescription: {title} in Example Borough.\nowner: team@example-borough.example\n" \
        "last_reviewed: 2026-11-20\nreview_by: 2027-02-20\naudience: [all-carers]\n---\n\n# {title}\n\n"
PAGES = {
    "index.md": ("Carers in Example Borough", "Help for carers who live in {{ council.area }}.\n\n"
                 "{{ contact_card(\"adult_social_care\") }}\n"),
    "get-help-now.md": ("Get help now", "If someone is in danger, call now.\n\n{{ contact_card(\"emergency\") }}\n\n"
                        "When the council is closed, call the duty team.\n\n{{ contact_card(\"out_of_hours\") }}\n\n"
                        "If you are struggling, talk to someone.\n\n{{ contact_card(\"samaritans\") }}\n"),
    "accessibility.md": ("Accessibility statement", "We want you to be able to use this site. You can make the "
                         "text big. You can use it with a keyboard. Tell us if a page is hard to use.\n"),
}
SERVICES = """services:
  - id: borough-carers-centre
    name: Borough Carers Centre
    organisation: borough-council
    description: Advice and groups for carers in Example Borough.
    audience: [adult-carers]
    categories: [carers-advice]
    area: Example Borough
    how_to_access: self-referral
    contact: adult_social_care
    source: {url: https://www.example-borough.example/carers, kind: own}
    last_reviewed: 2026-11-20
    review_by: 2027-05-20
"""


def make_site(root: Path) -> Path:
    root.mkdir()
    (root / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)  # the browser editor
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["nav"] = [{"Home": "index.md"}, {"Get help now": "get-help-now.md"}, {"Accessibility": "accessibility.md"},
                     {"Find a service": "services/index.md"}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    data = root / "data"
    data.mkdir()
    for name in ("contacts.yaml", "audiences.yaml", "pictures.yaml", "categories.yaml", "words-to-avoid.yaml",
                 "synonyms.yaml", "facts.yaml"):
        shutil.copy(ROOT / "data" / name, data / name)
    (data / "site.yaml").write_text(SITE)
    (data / "glossary.yaml").write_text("terms:\n  - term: Carer\n    definition: Someone who looks after someone.\n")
    (data / "organisations.yaml").write_text("organisations:\n  - id: borough-council\n    name: Example Borough Council\n"
                                             "    description: The council for Example Borough.\n")
    (data / "services.yaml").write_text(SERVICES)
    content = root / "content"
    (content / "assets").mkdir(parents=True)
    (content / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                                                 '<circle cx="5" cy="5" r="5" fill="#fff"/></svg>')
    for name, (title, body) in PAGES.items():
        (content / name).write_text(FRONT.format(title=title) + body)
    return root


def test_another_council_builds_with_its_own_name_contacts_and_colours(tmp_path):
    root = make_site(tmp_path / "borough")
    site = tmp_path / "site"
    result = build(root, site, env=dict(ENV, CARERS_HUB_TODAY=NEW_SITE_DAY.isoformat()))  # its contacts: the example's
    assert result.returncode == 0, result.stdout + result.stderr
    home = (site / "index.html").read_text()
    assert "Example Borough Council" in home and "Example Borough Carers" in home
    assert 'href="tel:+442079460000"' in home  # its own Adult Social Care number
    assert "assets/logo.svg" in home
    assert "#005a30" in (site / "assets" / "stylesheets" / "council.css").read_text()
    crisis = (site / "get-help-now" / "index.html").read_text()
    assert 'href="tel:+442079460001"' in crisis
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".json", ".xml", ".js") and path.is_file():
            text = path.read_text(errors="ignore")
            assert not [word for word in EXAMPLE_IDENTITY if word.lower() in text.lower()], path  # nothing of the example
