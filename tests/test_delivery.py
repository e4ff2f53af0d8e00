"""A service's `delivery` (in person, by phone, online, home visits) end to end: the page a carer reads, the
editor's form, an imported feed's attending_type, the open data, and a wrong value stopping the build."""

from __future__ import annotations

import html
import io
import re

import pytest

from conftest import SITE, SUITE_TODAY, assert_error, build, line_of, load_data
from support import yaml_fields
from support.clock import FakeClock
from support.feeds import FeedServer
from support.reading import as_read
from carers_hub.core import urls
from carers_hub.core.described import described
from carers_hub.data.service_models import Service
from carers_hub.directory.open_data import documents
from carers_hub.directory.service_pages import service_src
from carers_hub.editor import collections
from carers_hub.importer import store
from carers_hub.importer.run import Options, run
from test_open_data import validator


def read_on_page(page) -> str:
    """The page's main text as a reader meets it: tags gone, entities decoded, one line each block."""
    main = re.search(r"<article.*?</article>", page.read_text(), re.S).group(0)
    return html.unescape(re.sub(r"<[^>]+>", "\n", main))


def test_a_service_page_shows_how_carers_can_use_it(built_site):
    _, directory = load_data()
    ways = [listing for listing in directory.listings if listing.service.delivery]
    if not ways:
        pytest.skip(f"no service of {SITE.name} says how carers can use it")
    choices = next(field for field in described(Service) if field.name == "delivery").about.choices
    page = built_site / urls.page_url(service_src(ways[0].id)) / "index.html"
    words = [line.strip() for line in read_on_page(page).splitlines() if line.strip()]
    at = words.index("How you can use it")
    shown = [choices[way] for way in ways[0].service.delivery]
    assert words[at + 1:at + 1 + len(shown)] == shown
    assert not set(ways[0].service.delivery) & set(words) and "home_visits" not in " ".join(words)
    # A service whose own words do not say shows nothing about it.
    for listing in [listing for listing in directory.listings if not listing.service.delivery][:1]:
        page = built_site / urls.page_url(service_src(listing.id)) / "index.html"
        assert "How you can use it" not in read_on_page(page)


def test_the_editor_offers_the_choices_in_carers_words():
    form = collections.data_collection({"data/services.yaml": 33}, {})
    services = next(f for f in form["files"] if f["name"] == "services")["fields"][0]["fields"]
    delivery = next(f for f in services if f["name"] == "delivery")
    assert delivery["widget"] == "select" and delivery["multiple"] is True and delivery["required"] is False
    assert delivery["label"] == "How you can use it"
    assert [(o["value"], o["label"]) for o in delivery["options"]] == [
        ("in_person", "In person (in_person)"), ("phone", "By phone (phone)"), ("online", "Online (online)"),
        ("home_visits", "Home visits (home_visits)")]


def feed_record(**fields) -> dict:
    return {"id": "7f3c6a52-1d0b-4e0c-9f51-2b7a3c1e9d40", "name": "Carers at home",
            "description": "Visits and calls for carers who cannot leave home.", "status": "active",
            "last_modified": "2026-10-01T09:00:00Z", **fields}


def one_page(record: dict) -> FeedServer:
    return FeedServer([{"total_items": 1, "total_pages": 1, "page_number": 1, "size": 10, "first_page": True,
                        "last_page": True, "empty": False, "contents": [record]}], {})


def test_a_feeds_attending_type_is_imported_through_the_fixed_table_only(project):
    record = feed_record(
        attending_type="Phone, Teleport",  # ORUK v1: on the service
        schedules=[{"id": "s1", "byday": "MO", "opens_at": "09:00", "closes_at": "12:00",
                    "attending_type": "Home visit"}],  # HSDS-UK 3.0: on a schedule
        service_at_locations=[{"id": "sl1", "attending_type": "Venue",
                               "location": {"id": "l1", "name": "Carers Centre"}}])
    with one_page(record) as feed:
        outcome = run(feed.url, project, Options(rate=0), stream=io.StringIO(), clock=FakeClock(),
                      today=SUITE_TODAY)
    service, = store.split(project / "data" / "services.yaml", "services")[2]
    assert service["delivery"] == ["in_person", "phone", "home_visits"]  # the model's order, whatever the feed's
    dropped = [n for n in outcome.converted.notes if n.field == "delivery"]
    assert [(n.kind, n.message.split(":")[0]) for n in dropped] == [("dropped", '"Teleport" is not one the site knows')]
    assert "delivery: \"Teleport\" is not one the site knows" in as_read(outcome.report)
    assert "teleport" not in (project / "data" / "services.yaml").read_text().lower()


def test_a_feed_that_says_nothing_the_table_knows_gives_no_delivery(project):
    record = feed_record(attending_type="You can attend <b>in-person</b> or remotely")
    with one_page(record) as feed:
        outcome = run(feed.url, project, Options(rate=0), stream=io.StringIO(), clock=FakeClock(),
                      today=SUITE_TODAY)
    service, = store.split(project / "data" / "services.yaml", "services")[2]
    assert "delivery" not in service and "<b>" not in (project / "data" / "services.yaml").read_text()
    assert any(n.field == "delivery" and n.kind == "dropped" for n in outcome.converted.notes)


def test_the_open_data_publishes_it_where_oruk_has_a_place(project):
    # The test's own services: ways and opening hours, ways alone, and neither.
    hours = [{"days": ["monday"], "opens": "09:00", "closes": "17:00"}]
    yaml_fields.like_first(project / "data" / "services.yaml", "services",
                           {"id": "visits-by-phone", "delivery": ["home_visits", "phone"], "opening_hours": hours},
                           {"id": "three-ways", "delivery": ["in_person", "phone", "online"], "opening_hours": None},
                           {"id": "no-ways", "delivery": None, "opening_hours": None})
    data, directory = load_data(project / "data")
    by_path = {path: document for paths, document in documents(directory, data) for path in paths}
    record = by_path[f"oruk/services/{directory.by_id['visits-by-phone'].uuid}.json"]
    assert record["attending_type"] == "By phone, Home visits"  # the service's own, as ORUK v1 had it
    assert record["schedules"][0]["attending_type"] == "By phone, Home visits"  # HSDS-UK 3.0's only place
    assert not list(validator("service.json").iter_errors(record))
    talking = by_path[f"oruk/services/{directory.by_id['three-ways'].uuid}.json"]
    assert talking["attending_type"] == "In person, By phone, Online" and "schedules" not in talking
    plain = by_path[f"oruk/services/{directory.by_id['no-ways'].uuid}.json"]
    assert "attending_type" not in plain and all("attending_type" not in s for s in plain.get("schedules", []))


def test_a_value_not_on_the_list_stops_the_build_naming_file_line_field_and_choices(project):
    services = project / "data" / "services.yaml"
    # The test's own service, its third way not one of the choices.
    yaml_fields.like_first(services, "services", {"id": "three-ways", "delivery": ["in_person", "phone", "teleport"]})
    line = line_of(services, "- teleport")
    result = build(project)
    assert result.returncode != 0 and not (project / "site" / "index.html").exists()
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert_error(output, "VALUE_NOT_ALLOWED", f"data/services.yaml, line {line}", "delivery[2]", "'in_person'", "'phone'",
                 "'online'", "'home_visits'")
