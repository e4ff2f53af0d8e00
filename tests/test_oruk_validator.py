"""The ORUK validator's steps (hooks/checks/oruk_validator.py) against the built site under test over HTTP, and
against broken copies of its open data: the check passes the site and fails a feed the validator would fail."""

from __future__ import annotations

import json
import shutil

from conftest import load_data, serve
from carers_hub.checks.oruk_validator import Answer, errors, validate

LISTS = ("services", "taxonomies", "taxonomy_terms", "organizations", "service_at_locations")


def every_id(ids, count):
    return ids  # stricter than the validator's 10 at random: every record is read


def test_the_built_site_passes_levels_1_and_2(site_url):
    run = validate(site_url + "/oruk", choose=every_id)
    assert not errors(run), [str(f) for f in errors(run)][:5]
    base = site_url + "/oruk"
    assert run.asked[0] == base + "/"
    assert [url for url in run.asked if "?page=" in url] == [f"{base}/{kind}?page=1" for kind in LISTS]
    assert sum(url.startswith(base + "/services/") for url in run.asked) >= 30
    assert sum(url.startswith(base + "/taxonomy_terms/") for url in run.asked) > 5
    # Served as GitHub Pages serves it (a folder's index.html, no extension as octet-stream): only labels differ,
    # and a site whose services have no locations (the example's) has no service at a location to read.
    located = any(listing.service.locations for listing in load_data()[1].listings)
    others = {f.message for f in run.findings} - {f.message for f in run.findings if "strict client" in f.message}
    assert others == (set() if located else {"the list is empty: no record to check"})


def broken_copy(built_site, tmp_path, change) -> str:
    """A copy of the built open data with one change; returns its services folder, for change() to edit."""
    oruk = tmp_path / "site" / "oruk"
    shutil.copytree(built_site / "oruk", oruk)
    change(oruk)
    return str(tmp_path / "site")


def edit_json(path, **fields):
    document = json.loads(path.read_text())
    document.update(fields)
    path.write_text(json.dumps(document))


def test_a_broken_record_fails_the_check(built_site, tmp_path):
    def change(oruk):
        listing = json.loads((oruk / "services" / "index.json").read_text())
        edit_json(oruk / "services" / listing["contents"][0]["id"], email="not an email",
                  last_modified="3 December 2026")
        org = json.loads((oruk / "organizations" / "index.json").read_text())["contents"][0]["id"]
        edit_json(oruk / "organizations" / org, website="www.example.org uk")

    with serve(broken_copy(built_site, tmp_path, change)) as address:
        run = validate(address + "/oruk", choose=every_id)
    found = [f.message for f in errors(run)]
    assert any(m.startswith("email: 'not an email' is not a 'email'") for m in found), found
    assert any(m.startswith("last_modified:") and "date-time" in m for m in found), found
    assert any(m.startswith("website:") and "uri" in m for m in found), found  # a Level 2 schema error is an error


def test_a_missing_level_2_list_is_a_warning_and_a_wrong_version_an_error(built_site, tmp_path):
    def change(oruk):
        shutil.rmtree(oruk / "taxonomies")
        edit_json(oruk / "services" / "index.html", contents=[{"id": "not-a-uuid", "name": "x", "status": "open"}])

    with serve(broken_copy(built_site, tmp_path, change)) as address:
        run = validate(address + "/oruk", choose=every_id)
        assert [f.severity for f in run.findings if "/taxonomies" in f.url] == ["warning"]
        assert {f.url for f in errors(run)} >= {address + "/oruk/services?page=1"}
        (tmp_path / "site" / "oruk" / "index.html").write_text(json.dumps({"version": "HSDS-UK-1.0"}))
        run = validate(address + "/oruk")
    assert errors(run) and run.asked == [address + "/oruk/"], "a feed that is not 3.0 is not read further"


def test_it_asks_the_first_middle_and_last_page_and_checks_each():
    feed = {}
    for number in range(1, 6):
        feed[f"/oruk/taxonomies?page={number}"] = {
            "total_items": 5, "total_pages": 5, "page_number": number, "size": 1, "first_page": number == 1,
            "last_page": number == 5, "empty": False,
            "contents": [{"id": f"00000000-0000-4000-8000-00000000000{number}", "name": "t", "description": "d"}]}
    feed["/oruk/taxonomies?page=3"]["contents"][0]["id"] = "three"  # the middle page breaks the uuid format
    feed["/oruk/"] = {"version": "HSDS-UK-3.0", "profile": "https://example.org/p",
                      "openapi_url": "https://example.org/o"}

    def get(url):
        path = url.removeprefix("https://feed.example")
        if path.startswith("/oruk/taxonomies/"):
            return Answer(200, json.dumps({"id": path.rsplit("/", 1)[1], "name": "t", "description": "d"}).encode(),
                          "application/json")
        return Answer(200, json.dumps(feed[path]).encode(), "application/json") if path in feed else Answer(404, b"")

    run = validate("https://feed.example/oruk", get=get, levels=(2,), choose=every_id)
    pages = [url for url in run.asked if "taxonomies?page" in url]
    assert pages == [f"https://feed.example/oruk/taxonomies?page={n}" for n in (1, 3, 5)]
    assert [f.url for f in errors(run)] == ["https://feed.example/oruk/taxonomies?page=3"]
    assert [url for url in run.asked if "/taxonomies/" in url] == [  # ids from page 1 only
        "https://feed.example/oruk/taxonomies/00000000-0000-4000-8000-000000000001"]
    assert {f.severity for f in run.findings if "organizations" in f.url} == {"warning"}


def test_make_check_runs_it_and_names_the_broken_answer(built_site, tmp_path):
    from carers_hub.tools import check

    assert not check._open_data(built_site).failed

    def change(oruk):
        listing = json.loads((oruk / "services" / "index.json").read_text())
        for item in listing["contents"]:
            edit_json(oruk / "services" / item["id"], status="open")  # every one: the check picks 10 at random

    section = check._open_data(broken_copy(built_site, tmp_path, change))
    assert section.failed and {p.code for p in section.problems} == {"ORUK_INVALID"}
    assert section.problems[0].file.startswith("the open data at /oruk/services/")
    assert "'open' is not one of" in section.problems[0].message
