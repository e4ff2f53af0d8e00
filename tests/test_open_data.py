"""The Open Referral UK export: every record valid against the ORUK 3.0 schemas and our own typed model.

The schemas are copied into hooks/checks/oruk-3.0/ with their licence, so these tests run on any clone; the
export's own model (hooks/directory/open_data.py) checks the essentials in every build as well.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SITE
from support.project import at_least_services, change_service
from carers_hub.directory.open_data import ServiceList, ServiceRecord

SCHEMAS = ROOT / "hooks" / "checks" / "oruk-3.0" / "schema"
PREFIX = "https://openreferraluk.org/specifications/3.0/schema/"


def registry():
    """Map the schemas' absolute $refs to the local folder: nothing is fetched."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = [(PREFIX + path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012))
                 for path in SCHEMAS.glob("*.json")]
    return Registry().with_resources(resources)


def validator(name: str):
    # jsonschema is imported here, not when the module is collected: its import takes about 2 s in each worker.
    from jsonschema import Draft202012Validator

    schema = json.loads((SCHEMAS / name).read_text())
    return Draft202012Validator(schema, registry=registry(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def records(site: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((site / "oruk" / "services").glob("*.json")) if p.name != "index.json"]


def test_one_record_per_service(built_site):
    services = yaml.safe_load((SITE / "data" / "services.yaml").read_text())["services"]
    found = records(built_site)
    assert len(found) == len(services) >= 1
    assert {r["name"] for r in found} == {s["name"] for s in services}


def test_records_meet_our_own_model(built_site):
    for record in records(built_site):
        ServiceRecord.model_validate(record)
        assert all(value not in (None, "", [], {}) for value in record.values()), "empty fields must be left out"
    ServiceList.model_validate(json.loads((built_site / "oruk" / "services" / "index.json").read_text()))


def test_every_record_is_valid_oruk(built_site):
    check = validator("service.json")
    for record in records(built_site):
        errors = sorted(check.iter_errors(record), key=str)
        assert not errors, f"{record['name']}: {[e.message for e in errors][:5]}"


def test_list_and_api_details_are_valid_oruk(built_site):
    listing = json.loads((built_site / "oruk" / "services" / "index.json").read_text())
    assert not list(validator("service_list.json").iter_errors(listing))
    details = json.loads((built_site / "oruk" / "index.json").read_text())
    assert not list(validator("api_details.json").iter_errors(details))


PLACE = {"name": "Guildhall", "address": "Gresham Street", "town": "London", "postcode": "EC2V 7HH"}


def with_a_place(project: Path) -> dict:
    """A site may give no addresses (the example gives none): its first service is given one, and there are
    enough services for a second page of 10."""
    at_least_services(project, 12)
    return change_service(project, locations=[PLACE])


LEVEL_2 = {"taxonomies": "taxonomy", "taxonomy_terms": "taxonomy_term", "organizations": "organization",
           "service_at_locations": "service_at_location"}


def test_level_2_lists_and_records_are_valid_oruk(project, tmp_path):
    """ORUK's Level 2: each list (whole, and its first page) and each record at its /{id}, valid and linked."""

    with_a_place(project)
    site, *_ = hosted_site(tmp_path, page_size=10, data_dir=project / "data")
    oruk = site / "oruk"
    found = {}
    for kind, schema in LEVEL_2.items():
        listing = json.loads((oruk / kind / "index.json").read_text())
        assert listing["contents"] and listing["total_items"] == len(listing["contents"]), kind
        assert not list(validator(f"{schema}_list.json").iter_errors(listing)), kind
        first = json.loads((oruk / kind / "pages" / "1.json").read_text())
        assert first["page_number"] == 1 and not list(validator(f"{schema}_list.json").iter_errors(first)), kind
        check = validator(f"{schema}.json")
        for item in listing["contents"]:
            record = json.loads((oruk / kind / item["id"]).read_text())
            assert record == json.loads((oruk / kind / f"{item['id']}.json").read_text()) == item
            errors = [e.message for e in check.iter_errors(record)]
            assert not errors, (kind, item["id"], errors[:3])
        found[kind] = {item["id"]: item for item in listing["contents"]}
    services = {r["id"]: r for r in records(site)}
    # Every link between the files leads somewhere: a term to its taxonomy, a service to its organisation and
    # terms, a service at a location to its service.
    assert {t["taxonomy_id"] for t in found["taxonomy_terms"].values()} <= set(found["taxonomies"])
    assert {r["organization_id"] for r in services.values() if "organization_id" in r} <= set(found["organizations"])
    assert {a["taxonomy_term_id"] for r in services.values() for a in r["attributes"]} <= set(found["taxonomy_terms"])
    places = [p for r in services.values() for p in r.get("service_at_locations", [])]
    assert len(found["service_at_locations"]) == len(places) > 0
    assert all(a["service"]["id"] == a["service_id"] in services for a in found["service_at_locations"].values())


def test_the_build_writes_every_level_2_list_and_names_it(built_site):
    details = json.loads((built_site / "oruk" / "index.json").read_text())
    assert details["version"] == "HSDS-UK-3.0"
    assert details["endpoints"] == ["/services", *(f"/{kind}" for kind in LEVEL_2)]
    for kind, schema in LEVEL_2.items():
        listing = json.loads((built_site / "oruk" / kind / "index.json").read_text())
        assert not list(validator(f"{schema}_list.json").iter_errors(listing)), kind
        assert listing["contents"] or kind == "service_at_locations", kind  # the example gives no addresses


def test_schema_check_can_fail(built_site):
    record = records(built_site)[0]
    broken = {**record, "id": "not-a-uuid", "status": "open"}
    assert list(validator("service.json").iter_errors(broken))


def test_each_service_answers_at_its_address_with_and_without_json(built_site):
    folder = built_site / "oruk" / "services"
    for record in records(built_site):
        assert json.loads((folder / record["id"]).read_text()) == record


def test_records_say_when_they_last_changed(built_site):
    services = yaml.safe_load((SITE / "data" / "services.yaml").read_text())["services"]
    reviewed = {s["name"]: s["last_reviewed"] for s in services}
    for record in records(built_site):
        # Hand-made services have no last_modified: the day an editor last checked them stands for it.
        assert record["last_modified"] == f"{reviewed[record['name']].isoformat()}T00:00:00.000Z"


def test_records_carry_addresses_postcodes_ages_and_areas(project):
    from conftest import load_data
    from carers_hub.directory.open_data import documents

    service = change_service(project, minimum_age=18, locations=[{**PLACE, "postcode": "ec2v 7hh"}],
                                   last_modified="2026-11-20T09:30:00.250Z")
    data, directory = load_data(project / "data")
    by_path = {path: document for paths, document in documents(directory, data) for path in paths}
    record = by_path[f"oruk/services/{directory.by_id[service['id']].uuid}.json"]
    assert record["minimum_age"] == 18 and "maximum_age" not in record
    assert record["last_modified"] == "2026-11-20T09:30:00.250Z"
    assert record["service_areas"][0]["name"] == service["area"]
    address = record["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["city"], address["postal_code"], address["country"]) == \
        ("Gresham Street", "London", "EC2V 7HH", "GB")
    assert not list(validator("service.json").iter_errors(record))


def hosted_site(tmp_path, page_size: int, data_dir: Path | None = None):
    from conftest import load_data
    from carers_hub.directory import open_data

    data, directory = load_data(data_dir or SITE / "data")
    site = tmp_path / "site"
    open_data.write(directory, data, site, page_size=page_size)
    return site, directory, data


@pytest.mark.parametrize("host", ["GitHub Pages", "Netlify", "Cloudflare Pages"])
def test_oruk_paths_answer_on_each_static_host(project, tmp_path, host):
    """/oruk, /oruk/services, /oruk/services?page=2 and /oruk/services/{id}, and the same for each Level 2 list,
    as the host's rules serve them."""
    from carers_hub.directory import open_data, static_api
    from support.static_hosts import HOSTS

    with_a_place(project)
    site, directory, data = hosted_site(tmp_path, page_size=10, data_dir=project / "data")
    answer = HOSTS[host]
    total = len(directory.listings)
    some = directory.listings[3]
    level_2 = [(url, schema) for paths, document in open_data.documents(directory, data, 10)
               for kind, schema in LEVEL_2.items()
               for url in ([f"/oruk/{kind}", f"/oruk/{kind}?page=1", f"/oruk/{kind}/{document['contents'][0]['id']}"]
                           if paths == static_api.list_files(kind) else [])]
    urls = [(url, f"{schema}_list.json" if "/" not in url[len("/oruk/"):] else f"{schema}.json")
            for url, schema in level_2]
    assert len(urls) == 12
    for url, schema in [("/oruk", "api_details.json"), ("/oruk/", "api_details.json"),
                        ("/oruk/services", "service_list.json"), ("/oruk/services?page=2", "service_list.json"),
                        (f"/oruk/services/{some.uuid}", "service.json"), *urls]:
        got = answer(site, url)
        assert got.status == 200, (host, url, got)
        assert got.headers["Access-Control-Allow-Origin"] == "*", (host, url)
        document = json.loads(got.body)
        assert not list(validator(schema).iter_errors(document)), (host, url)
        if host == "GitHub Pages":  # no headers can be set there: the type comes from the file's name
            assert got.headers["Content-Type"] in ("text/html", "application/json", "application/octet-stream")
        else:
            assert got.headers["Content-Type"] == "application/json; charset=utf-8", (host, url)
        if url.endswith(str(some.uuid)):
            assert document["name"] == some.service.name
    whole = json.loads(answer(site, "/oruk/services").body)
    assert (whole["total_items"], whole["total_pages"], len(whole["contents"])) == (total, 1, total)
    second = json.loads(answer(site, "/oruk/services?page=2").body)
    if host == "Netlify":  # its rules can read the query string
        assert (second["page_number"], second["total_pages"], len(second["contents"])) == \
            (2, -(-total // 10), min(10, total - 10))
    else:  # the whole list again: one page, so a tool that pages never misses a service
        assert second == whole


def test_without_the_host_files_netlify_sends_no_cors_or_json_type(tmp_path):
    """The check above can fail: the headers come from _headers, the paging from _redirects."""
    from support.static_hosts import netlify

    site, *_ = hosted_site(tmp_path, page_size=10)
    (site / "_headers").unlink()
    (site / "_redirects").unlink()
    got = netlify(site, "/oruk/services?page=2")
    assert "Access-Control-Allow-Origin" not in got.headers and got.headers["Content-Type"] == "text/html"
    assert json.loads(got.body)["total_pages"] == 1


def test_open_data_in_html_files_holds_no_markup(tmp_path):
    from carers_hub.directory.open_data import as_json

    text = as_json({"description": '<img src=x onerror="alert(1)"> & more'})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["description"] == '<img src=x onerror="alert(1)"> & more'


@pytest.mark.parametrize("pattern, path, matches", [
    ("/static/*", "/static/image.jpg", True), ("/static/*", "/static/a/b.css", True), ("/static/*", "/other", False),
    ("/movies/:title", "/movies/up", True), ("/movies/:title", "/movies/up/cast", False),
    ("/oruk/*", "/oruk", False), ("/secure/page", "/secure/page", True), ("/secure/page", "/secure/pages", False),
])
def test_the_host_model_reads_header_patterns_as_documented(pattern, path, matches):
    from support.static_hosts import _matches

    assert _matches(pattern, path) is matches


def oruk_urls(site: Path) -> list[str]:
    """Every address an ORUK tool may call, for each list: with and without the slash, paged, each /{id}."""
    urls = ["/oruk", "/oruk/", "/oruk/index.json"]
    for kind in ("services", *LEVEL_2):
        first = json.loads((site / "oruk" / kind / "index.json").read_text())["contents"][0]["id"]
        urls += [f"/oruk/{kind}", f"/oruk/{kind}/", f"/oruk/{kind}?page=1", f"/oruk/{kind}/?page=1",
                 f"/oruk/{kind}/index.json", f"/oruk/{kind}/{first}", f"/oruk/{kind}/{first}.json"]
    return urls


@pytest.mark.parametrize("host", ["Netlify", "Cloudflare Pages"])
def test_every_oruk_answer_is_json_where_the_host_reads_headers(project, tmp_path, host):
    from support.static_hosts import HOSTS

    with_a_place(project)
    site, *_ = hosted_site(tmp_path, page_size=1, data_dir=project / "data")
    urls = oruk_urls(site)
    for url in urls:
        got = HOSTS[host](site, url)
        assert got.status == 200, (url, got.status)
        assert got.headers["Content-Type"] == "application/json; charset=utf-8", (url, got.headers)
        assert got.headers["X-Content-Type-Options"] == "nosniff", url
    # The check can fail: without the block for /oruk/*, a record's address (no extension) is not JSON.
    headers = site / "_headers"
    headers.write_text(headers.read_text().replace("/oruk/*\n", "/not-oruk/*\n", 1))
    record = next(url for url in urls if url.startswith("/oruk/services/") and url.count("-") == 4
                  and not url.endswith(".json"))
    assert HOSTS[host](site, record).headers["Content-Type"] == "application/octet-stream"


def test_what_github_pages_sends_at_the_oruk_paths(project, tmp_path):
    """The handbook's table for GitHub Pages, as its documented rules give it: a list's address (the validator
    asks for `{base}/services?page=1`) redirects to the folder and sends its index.html as text/html, whatever
    the query; a record's address has no extension, so it goes as application/octet-stream; only the .json
    addresses are labelled JSON. No file layout changes that: the type comes from the name, and ORUK's
    addresses have no extension."""
    from support.static_hosts import github_pages

    with_a_place(project)
    site, *_ = hosted_site(tmp_path, page_size=1, data_dir=project / "data")
    for url in oruk_urls(site):
        got = github_pages(site, url)
        path = url.split("?")[0]
        expected = ("application/json" if path.endswith(".json") else
                    "text/html" if path.endswith("/") or (site / path.lstrip("/")).is_dir() else
                    "application/octet-stream")
        assert (got.status, got.headers["Content-Type"]) == (200, expected), url
        assert got.redirects == ([path + "/"] if expected == "text/html" and not path.endswith("/") else []), url
        if "?page=" in url:  # the query plays no part: the whole list, as one page
            assert json.loads(got.body)["total_pages"] == 1, url
