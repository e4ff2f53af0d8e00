"""make import-directory: a council's Open Referral directory into data/, checked, reported, re-importable.

Feeds are served from memory on 127.0.0.1 (tests/support/feeds.py): the ORUK 3.0 examples and a made v1 feed of
three pages with the mess real feeds have (tests/fixtures/feeds/v1-messy/README.md lists it). Time comes from a
fake clock wherever the importer would wait, so nothing here sleeps.
"""

from __future__ import annotations

import io
import json
import re
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from conftest import SUITE_TODAY, build, copy_project, edit, load_data
from support.clock import FakeClock
from support.project import at_least_services, change_service
from support.feeds import FeedServer, big_feed, oruk_examples
from support.reading import as_read
from support.templates import fill_service
from carers_hub.checks import service_text
from carers_hub.core.problems import ProblemsFound
from carers_hub.importer import clean, convert, fetch, merge, shapes, store
from carers_hub.importer.progress import Progress
from carers_hub.importer.run import CACHE, Options, run

TODAY = SUITE_TODAY
MAPPING = """feed_title: the Example Borough directory
categories_for_terms:
  Carers support: [carers-support-groups]
audience_for_terms:
  Young carers: [young-carers]
  Carers: [adult-carers]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path / "project")
    (root / "data" / "import").mkdir()
    (root / "data" / "import" / "mapping.yaml").write_text(MAPPING)
    return root


def imported(root: Path) -> list[dict]:
    return store.split(root / "data" / "services.yaml", "services")[2]


def by_name(root: Path) -> dict[str, dict]:
    return {s["name"]: s for s in imported(root)}


def do_import(feed: FeedServer, root: Path, **options) -> object:
    return run(feed.url, root, Options(**{"rate": 0, **options}), stream=io.StringIO(), clock=FakeClock(), today=TODAY)


# -- Fetching: pages, retries, timeout, rate limit, resume, progress ------------------------------------------

def test_every_page_of_a_paged_list_is_read_and_no_more():
    with FeedServer.from_folder("v1-messy") as feed:
        got = list(fetch.pages(fetch.Fetcher(rate=0).get, feed.url + "/services"))
        asked = dict(feed.requests)
    assert [p.number for p in got] == [1, 2, 3] and sum(len(p.items) for p in got) == 12
    assert asked == {"/api/services": 1, "/api/services?page=2": 1, "/api/services?page=3": 1}


def test_a_plain_json_list_is_one_page():
    with FeedServer([[{"id": "a"}, {"id": "b"}]], {}) as feed:
        got = list(fetch.pages(fetch.Fetcher(rate=0).get, feed.url + "/services"))
    assert len(got) == 1 and [i["id"] for i in got[0].items] == ["a", "b"]


def test_a_feed_that_ignores_the_page_number_is_stopped_not_read_forever():
    page = {"total_items": 20, "total_pages": 2, "page_number": 1, "last_page": False, "contents": [{"id": "a"}]}

    class Stuck(FeedServer):
        def answer(self, path, query):
            return 200, page

    with Stuck([], {}) as feed, pytest.raises(fetch.FetchError, match="ignores"):
        list(fetch.pages(fetch.Fetcher(rate=0).get, feed.url + "/services"))


def test_a_request_that_fails_twice_is_retried_and_answers():
    clock = FakeClock()
    with FeedServer.from_folder("v1-messy") as feed:
        feed.failures["/api/services/CARER-001"] = 2
        fetcher = fetch.Fetcher(rate=0, retries=3, backoff=1.0, clock=clock)
        record = fetcher.get(feed.url + "/services/CARER-001")
        asked = feed.requests["/api/services/CARER-001"]
    assert record["name"] == "Crewe Carers Hub"
    assert asked == 3 and fetcher.stats.retries == 2
    assert clock.slept == [1.0, 2.0], "waits longer after each failure"


def test_a_request_that_keeps_failing_gives_up_after_its_retries():
    with FeedServer.from_folder("v1-messy") as feed:
        feed.failures["/api/services/CARER-001"] = 10
        fetcher = fetch.Fetcher(rate=0, retries=2, clock=FakeClock())
        with pytest.raises(fetch.FetchError, match="503"):
            fetcher.get(feed.url + "/services/CARER-001")
        assert feed.requests["/api/services/CARER-001"] == 3


def test_a_feed_that_does_not_answer_times_out():
    release = threading.Event()

    class Silent(FeedServer):
        def answer(self, path, query):
            release.wait(10)
            return 200, []

    with Silent([], {}) as feed:
        started = time.perf_counter()
        try:
            with pytest.raises(fetch.FetchError, match="could not be fetched"):
                fetch.Fetcher(rate=0, retries=0, timeout=0.3, clock=FakeClock()).get(feed.url + "/services")
        finally:
            release.set()
    assert time.perf_counter() - started < 5


def requests_in_busiest_second(times: list[float]) -> int:
    return max(sum(1 for t in times if start <= t < start + 1) for start in times)


def test_no_more_requests_a_second_than_the_limit(project):
    """Counted on the fake clock at the moment each request reaches the server."""
    clock = FakeClock()
    seen: list[float] = []

    class Timed(FeedServer):
        def answer(self, path, query):
            seen.append(clock.now())
            return super().answer(path, query)

    source = FeedServer.from_folder("v1-messy")
    with Timed(source.pages, source.details) as feed:
        run(feed.url, project, Options(rate=4, workers=1), stream=io.StringIO(), clock=clock, today=TODAY)
    assert len(seen) == 14  # 3 pages and 11 records
    assert requests_in_busiest_second(seen) == 4
    assert seen[-1] - seen[0] == pytest.approx((14 - 1) / 4), "the limit spreads the requests out"


def test_the_limit_holds_across_workers():
    clock, turns = FakeClock(), []
    limit = fetch.RateLimit(5, clock)

    def worker():
        for _ in range(10):
            turns.append(limit.wait())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(turns) == 40 and requests_in_busiest_second(turns) == 5
    assert max(turns) - min(turns) == pytest.approx(39 / 5)


def test_an_interrupted_import_resumes_without_fetching_anything_twice(project):
    class Interrupting(fetch.Fetcher):
        calls = 0

        def _fetch(self, url):
            if "/services/" in url:
                Interrupting.calls += 1
                if Interrupting.calls > 4:
                    raise KeyboardInterrupt
            return super()._fetch(url)

    with FeedServer.from_folder("v1-messy") as feed:
        cache = fetch.Cache(project / CACHE / __import__("hashlib").sha256(feed.url.encode()).hexdigest()[:16])
        with pytest.raises(KeyboardInterrupt):
            run(feed.url, project, Options(rate=0, workers=1), stream=io.StringIO(), clock=FakeClock(),
                fetcher=Interrupting(rate=0, cache=cache, clock=FakeClock()), today=TODAY)
        first = dict(feed.requests)
        assert sum(n for p, n in first.items() if "/services/" in p) == 4
        assert not (project / "data" / "services-imported.yaml").exists(), "nothing written"
        outcome = do_import(feed, project)
        second = {p: n - first.get(p, 0) for p, n in feed.requests.items()}
    assert all(n == 1 for n in feed.requests.values()), f"asked twice: {feed.requests}"
    assert sum(n for p, n in second.items() if p.startswith("/api/services?") or p == "/api/services") == 0
    assert sum(n for p, n in second.items() if "/services/" in p) == 11 - 4
    assert len(outcome.converted.services) == 8
    assert not cache.folder.exists(), "a finished import clears what it saved"


def test_progress_shows_a_running_count_and_the_time_left():
    clock, out = FakeClock(), io.StringIO()
    progress = Progress("Details", 10, out, clock)
    clock.t += 2
    progress.step()
    clock.t += 2
    for _ in range(9):
        progress.step()
    lines = out.getvalue().splitlines()
    assert lines[0] == "Details: 1 of 10 (10%), about 18 s left"
    assert lines[-1] == "Details: 10 of 10 (100%), done in 4 s"
    assert len(lines) == 3, "at most a line a second, and always the last"


def test_an_import_prints_its_progress(project):
    out = io.StringIO()
    with FeedServer.from_folder("v1-messy") as feed:
        run(feed.url, project, Options(rate=0), stream=out, clock=FakeClock(), today=TODAY)
    text = out.getvalue()
    assert "Pages of the list: 3 of 3 (100%)" in text
    assert "Details of each service: 11 of 11 (100%)" in text


# -- Cleaning: HTML, empty strings, invalid values ----------------------------------------------------------

@pytest.mark.parametrize("given, expected", [
    ("<p>Tea &amp; cake&nbsp;on Mondays.</p>", "Tea & cake on Mondays."),
    ("<p>We offer:</p><ul><li><strong>Advice</strong></li><li>Groups</li></ul><p>Call us.</p>",
     "We offer:\n\n- Advice\n- Groups\n\nCall us."),
    ("&lt;p&gt;Escaped twice&lt;/p&gt;", "Escaped twice"),
    ("<div>One<br>line</div><script>alert(1)</script><style>p{}</style>", "One line"),
    ("First line\nsame paragraph\n\n\u2022 one\n\u2022 two", "First line same paragraph\n\n- one\n- two"),
    ("<h3>Who</h3><p>Carers</p>", "Who\n\nCarers"),
    ("Plain words.", "Plain words."),
])
def test_html_becomes_plain_text_with_paragraphs_and_list_items(given, expected):
    assert clean.html_to_text(given) == expected


# Fragments as real feeds write them: one sentence over three <h4>s, Word's MsoNormal paragraphs, a sentence cut
# at a phone number, a CMS's <div> per line, and what must stay apart (headings, whole sentences, lists).
SPLIT_SENTENCES = [
    ('<h4><span style="font-weight:normal">Youth Housing works with young people aged 16 to 25 who are</span></h4>'
     "<h4>homeless, leaving care or at risk of homelessness in Southwark and</h4>"
     "<h4>Lambeth, with advice, a key worker and somewhere safe to stay.</h4>",
     "Youth Housing works with young people aged 16 to 25 who are homeless, leaving care or at risk of "
     "homelessness in Southwark and Lambeth, with advice, a key worker and somewhere safe to stay."),
    ('<p class="MsoNormal">Our carers\' support workers can help you to</p>'
     '<p class="MsoNormal">Apply for Carer\'s Allowance and other benefits.</p>',
     "Our carers' support workers can help you to Apply for Carer's Allowance and other benefits."),
    ("<p>Call our helpline on</p><p>020 7946 0000 (Monday to Friday).</p>",
     "Call our helpline on 020 7946 0000 (Monday to Friday)."),
    ("<div>Drop-in sessions run every Tuesday</div><div>from 10am to 12pm at the Carers Centre.</div>",
     "Drop-in sessions run every Tuesday from 10am to 12pm at the Carers Centre."),
    ("<p>For carers of any age in Southwark</p><p>, including young carers.</p>",
     "For carers of any age in Southwark, including young carers."),
    ("<h2>About us</h2><p>We support unpaid carers.</p><h3>Who can use it</h3><p>Anyone caring for someone.</p>",
     "About us\n\nWe support unpaid carers.\n\nWho can use it\n\nAnyone caring for someone."),
    ("<p>Open on Mondays.</p><p>closed on bank holidays.</p>", "Open on Mondays.\n\nclosed on bank holidays."),
    ("<p>We offer</p><ul><li>advice on benefits and</li><li>respite breaks</li></ul><p>and a monthly group.</p>",
     "We offer\n\n- advice on benefits and\n- respite breaks\n\nand a monthly group."),
]


@pytest.mark.parametrize("given, expected", SPLIT_SENTENCES)
def test_blocks_that_split_a_sentence_are_joined_and_lists_stay_lists(given, expected):
    assert clean.html_to_text(given) == expected


def test_text_that_looks_like_code_is_kept_as_words_that_cannot_run():
    text, notes = clean.prose("<p>Personal data: we keep it. Our {{ staff }} help. javascript:void</p>", "description")
    assert text == "Personal data : we keep it. Our { { staff }} help. javascript :void"
    assert notes and notes[0].startswith("changed:")


def test_empty_strings_are_missing_fields(project):
    assert shapes.text("") is None and shapes.text("  ") is None and shapes.text(None) is None
    with FeedServer.from_folder("v1-messy") as feed:
        outcome = do_import(feed, project)
    young = by_name(project)["Young Carers Service"]
    assert "email" not in young and "eligibility" not in young  # the feed gave "" for both
    assert not [n for n in outcome.converted.notes if n.name == "Young Carers Service" and n.field == "email"]


def test_values_that_cannot_be_made_valid_are_dropped_and_reported_with_the_reason(project):
    with FeedServer.from_folder("v1-messy") as feed:
        outcome = do_import(feed, project)
    services = by_name(project)
    assert "website" not in services["Dementia Caf\u00e9"] and "email" not in services["Dementia Caf\u00e9"]
    assert "phone" not in services["Young Carers Service"]
    hub = next(s for s in imported(project) if s["source"]["note"].endswith("CARER-001."))
    assert hub["website"] == "http://www.crewecarers.example.org/hub" and hub["phone"] == "0161 496 0123"
    money = services["Money advice for carers"]
    assert "postcode" not in money["locations"][0] and "latitude" not in money["locations"][0]
    report = as_read(outcome.report)  # feed values are escaped in the Markdown (report._inert)
    for line in ['Dementia Caf\u00e9 (feed id CARER-003), website: it is "javascript:alert(1)", which is not a full '
                 'https:// (or http://) web address [URL_NOT_WEB]',
                 'Crewe Carers Hub (feed id CARER-001), website: kept http://www.crewecarers.example.org/hub, which '
                 'is not secure (http://): the page tells carers so',
                 'Young Carers Service (feed id CARER-002), phone: it is "0123", which is not a valid UK phone number '
                 '[PHONE_INVALID]',
                 'Dementia Caf\u00e9 (feed id CARER-003), email: it is "not-an-email", which is not an email address',
                 'locations.postcode: it is "ABC 1234", which is not a UK postcode [POSTCODE_INVALID]',
                 'locations.latitude: it is 100, which is not in the UK',
                 'Crewe Carers Hub (feed id CARER-001), phone: "020 7946 0123" is another number: a service shows one',
                 'website: it is https://www.examplecouncil.gov.uk/, a home page 3 services give']:
        assert line in report, line


def test_records_that_cannot_stand_are_left_out_and_listed(project):
    with FeedServer.from_folder("v1-messy") as feed:
        outcome = do_import(feed, project)
    left = {(n.feed_id, n.message) for n in outcome.converted.notes if n.kind == "left out"}
    assert left == {("CARER-001", "the feed lists this id twice, with the same details: the first is kept"),
                    ("CARER-005", "it has no name"), ("CARER-006", 'the feed marks it "Deleted"'),
                    ("CARER-009", "it has no description carers could read")}
    assert "## Left out (4)" in outcome.report
    assert {s["name"] for s in imported(project)} == {
        "Crewe Carers Hub", "Young Carers Service", "Dementia Caf\u00e9", "Money advice for carers",
        "Carers Support Cheshire", "Bereavement support", "Carers Centre Macclesfield"}
    assert len(imported(project)) == 8  # both Crewe Carers Hubs: different ids


def test_the_same_name_and_organisation_twice_is_kept_and_flagged(project):
    with FeedServer.from_folder("v1-messy") as feed:
        outcome = do_import(feed, project)
    hubs = [s for s in imported(project) if s["name"] == "Crewe Carers Hub"]
    assert len(hubs) == 2 and hubs[0]["id"] != hubs[1]["id"]
    assert any(n.feed_id == "CARER-007" and "is it the same service?" in n.message for n in outcome.converted.notes)


def test_ids_that_are_not_uuids_get_a_stable_uuid_and_the_feed_id_is_kept(project, tmp_path):
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed, project)
    first = {s["source"]["note"]: s["uuid"] for s in imported(project)}
    other = copy_project(tmp_path / "other")
    (other / "data" / "import").mkdir()
    (other / "data" / "import" / "mapping.yaml").write_text(MAPPING)
    with FeedServer.from_folder("v1-messy") as feed:  # another port: the same host
        do_import(feed, other)
    assert {s["source"]["note"]: s["uuid"] for s in imported(other)} == first
    money = by_name(project)["Money advice for carers"]
    assert money["uuid"] == "7f2c1e8a-4b3d-4e5f-8a9b-0c1d2e3f4a5b", "a UUID id is kept as it is"
    hub = next(s for s in imported(project) if s["source"]["note"].endswith("CARER-001."))
    assert hub["uuid"] == convert.feed_uuid("CARER-001", "127.0.0.1")[0] != "CARER-001"


def test_a_service_without_an_organisation_is_imported_without_one(project):
    with FeedServer.from_folder("v1-messy") as feed:
        outcome = do_import(feed, project)
    cafe = by_name(project)["Dementia Caf\u00e9"]
    assert "organisation" not in cafe
    assert "the feed does not say who runs it" in outcome.report
    data, directory = load_data(project / "data")
    assert directory.by_id[cafe["id"]].organisation is None


def test_kinds_of_service_come_from_esd_types_and_mapped_terms_and_the_rest_is_reported(project):
    with FeedServer.from_folder("v1-messy") as feed:
        outcome = do_import(feed, project)
    hub = next(s for s in imported(project) if s["source"]["note"].endswith("CARER-001."))
    assert hub["categories"] == ["adult-carers", "carers-support-groups"]  # ESD 225, then mapping.yaml
    assert hub["audience"] == ["adult-carers"]  # pc_targetAudience "Carers", mapped
    young = by_name(project)["Young Carers Service"]
    assert young["categories"] == ["young-carers-support"] and young["audience"] == ["young-carers"]
    cafe = by_name(project)["Dementia Caf\u00e9"]
    assert cafe["categories"] == ["carers-advice"] and cafe["audience"] == ["all-carers"]  # mapping.yaml defaults
    assert '- esdServiceTypes: "Dementia support" (1 service)' in outcome.report
    assert '- target audience: "Adults" (1 service)' in outcome.report
    line = next(x for x in outcome.report.splitlines() if x.startswith("- audience ("))
    assert line.startswith("- audience (5 services, the feed does not say who it is for: all-carers from mapping.yaml): ")
    assert sorted(line.split("): ", 1)[1].split("; ")) == sorted(
        s["name"] for s in imported(project) if s["audience"] == ["all-carers"])


def test_review_dates_and_the_source_come_from_the_feed(project):
    with FeedServer.from_folder("v1-messy") as feed:
        outcome = do_import(feed, project)
    hub = next(s for s in imported(project) if s["source"]["note"].endswith("CARER-001."))
    # pc_metadata: assured 2026-05-20, modified 2026-06-01: the later is when the directory last looked at it.
    assert hub["last_reviewed"] == date(2026, 6, 1) and hub["review_by"] == date(2027, 6, 1)
    assert hub["source"] == {"kind": "secondary", "title": "the Example Borough directory", "dated": date(2026, 6, 1),
                             "note": "Imported from the feed, where its id is CARER-001."}
    assert hub["last_modified"].isoformat() == "2026-06-01T10:15:30.250000+00:00"
    money = by_name(project)["Money advice for carers"]
    assert money["last_reviewed"] == date(2021, 3, 4)
    assert money["review_by"] == TODAY + timedelta(days=60), "long overdue in the feed: due soon, not already"
    assert "more than 12 months ago: due for review by" in outcome.report


def test_the_source_is_the_record_in_an_https_feed():
    assert convert.record_url("https://directory.example.org/api", "CARER 1") == \
        "https://directory.example.org/api/services/CARER%201"
    assert convert.record_url("http://directory.example.org/api", "1") is None  # never an http:// source


def test_the_oruk_3_examples_import(project):
    with oruk_examples() as feed:
        outcome = do_import(feed, project)
    [service] = imported(project)
    assert service["uuid"] == "ac148810-d857-441c-9679-408f346de14b"
    assert (service["minimum_age"], service["maximum_age"]) == (12, 100)
    assert service["opening_hours"] == [{"days": ["thursday", "friday"], "opens": "10:00", "closes": "18:00"}]
    assert service["email"] == "email@example.com" and service["cost"] == "fees_description; per 1 hour session"
    assert service["locations"][0] == {"name": "MyCity Civic Center", "address": "1-30 Main Street", "town": "MyCity",
                                       "accessibility": "The building is equipped with induction loops for hearing "
                                                        "aids. Wheelchair access is possible on all levels."}
    assert service["website"] == "http://example.com/counselling" and "which is not secure" in outcome.report
    orgs = store.split(project / "data" / "organisations.yaml", "organisations")[2]
    assert orgs[0]["uuid"] == "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
    assert service["organisation"] == orgs[0]["id"]


def test_a_saved_file_imports_without_the_network(project, tmp_path):
    folder = Path(__file__).parent / "fixtures" / "feeds" / "v1-messy" / "details"
    saved = tmp_path / "directory.json"
    saved.write_text(json.dumps([json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))]))
    outcome = run(str(saved), project, Options(), stream=io.StringIO(), clock=FakeClock(), today=TODAY)
    assert len(outcome.converted.services) == 8
    assert by_name(project)["Bereavement support"]["source"]["title"] == "the Example Borough directory"


def test_a_mapping_that_names_an_unknown_id_stops_the_import_before_it_writes(project):
    before = (project / "data" / "services.yaml").read_text()
    (project / "data" / "import" / "mapping.yaml").write_text("categories: [carers-adivce]\n")
    with FeedServer.from_folder("v1-messy") as feed, pytest.raises(ProblemsFound) as found:
        do_import(feed, project)
    assert [p.code for p in found.value.problems] == ["IMPORT_MAPPING_UNKNOWN_ID"]
    assert (project / "data" / "services.yaml").read_text() == before


def test_a_first_import_writes_the_mapping_template_and_says_so(project):
    (project / "data" / "import" / "mapping.yaml").unlink()
    with FeedServer.from_folder("v1-messy") as feed:
        outcome = do_import(feed, project)
    assert "provider_kind: secondary" in (project / "data" / "import" / "mapping.yaml").read_text()
    assert "**First import:**" in outcome.report


# -- Where it goes, and that the build takes it ------------------------------------------------------------

def test_hand_made_services_and_organisations_are_left_exactly_as_they_were(project):
    services_before = (project / "data" / "services.yaml").read_bytes()
    orgs_before = (project / "data" / "organisations.yaml").read_bytes()
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed, project)
    assert (project / "data" / "services.yaml").read_bytes() == services_before
    assert (project / "data" / "organisations.yaml").read_bytes() == orgs_before
    assert len(store.split(project / "data" / "services.yaml", "services")[2]) == 8
    assert (project / "data" / "services-imported.yaml").read_text().startswith("services:\n  - id: ")


def test_records_below_the_old_marker_line_move_to_their_own_file(project):
    """A site imported before this layout kept imported records below a comment line in services.yaml."""
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed, project)
        hand_text = (project / "data" / "services.yaml").read_text()
        imported_file = project / "data" / "services-imported.yaml"
        old_layout = (hand_text.rstrip("\n") + "\n\n" + store.LEGACY_MARKER + "\n"
                      + imported_file.read_text().removeprefix("services:\n"))
        (project / "data" / "services.yaml").write_text(old_layout)
        imported_file.unlink()
        outcome = do_import(feed, project)
    assert (project / "data" / "services.yaml").read_text() == hand_text
    assert len(imported(project)) == 8 and not outcome.merged.deleted_locally


def test_a_new_service_made_after_an_import_goes_with_the_hand_made_ones(project):
    from carers_hub.tools.new import new_service

    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed, project)
        new_service("carers-cafe", "Carers cafe", root=project, today=TODAY)
        head, hand, below = store.split(project / "data" / "services.yaml", "services")
        assert hand[-1]["id"] == "carers-cafe" and "carers-cafe" not in [s["id"] for s in below]
        services = project / "data" / "services.yaml"
        with pytest.raises(ProblemsFound) as unfinished:  # the file still loads: only the template's words stop it
            load_data(project / "data")
        assert {p.code for p in unfinished.value.problems} == {"PLACEHOLDER_TEXT"}
        services.write_text(fill_service(services.read_text(), hand[0]["organisation"]))
        load_data(project / "data")
        do_import(feed, project)
    assert store.split(project / "data" / "services.yaml", "services")[1][-1]["id"] == "carers-cafe"


def test_the_imported_directory_passes_the_build_and_shows_their_words_as_theirs(project):
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed, project)
    result = build(project)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    long = by_name(project)["Carers Support Cheshire"]
    page = (project / "site" / "services" / long["id"] / "index.html").read_text()
    assert '<h2 id="in-their-words">In their words</h2>' in page
    assert 'class="ch-service__description ch-service__theirs ch-no-reading-check"' in page
    assert "This description is from the Example Borough directory. We show it as they wrote it." in page
    assert page.count("Our team of experienced Carer Support Workers") >= 2  # the whole 1,500 words
    listing = (project / "site" / "services" / "kind" / "carers-advice" / "index.html").read_text()
    summary = re.search(r'<a href="../../%s/">[^<]+</a></p>\s*<p class="ch-services__summary([^"]*)">([^<]+)</p>'
                        % long["id"], listing)
    assert summary.group(1) == " ch-no-reading-check"
    assert summary.group(2).endswith("\u2026") and len(summary.group(2).split()) == 25

    # make check passes: the provider's long words are listed for a summary, never a failure.
    import subprocess
    import sys

    from conftest import ENV

    checked = subprocess.run([sys.executable, "-m", "carers_hub.tools.check", "--site", "site"], cwd=project,
                             capture_output=True, text=True, env=ENV, timeout=900)
    assert checked.returncode == 0, checked.stdout[-4000:]
    assert "Providers' descriptions with a sentence over the limit: 3 (shown as theirs, not a failure); 3 have " \
           "no summary yet, longest first:" in checked.stdout
    assert "Carers Support Cheshire: the provider's description has a sentence of 74 words" in checked.stdout


# -- The reading rule, with long real-world text -----------------------------------------------------------

def test_the_reading_rule_lists_long_provider_text_and_refuses_long_council_text(project):
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed, project)
    data, directory = load_data(project / "data")
    verdict = service_text.check(directory, data.reading_level.standard, lambda file, index, field: index)
    assert not verdict.problems, "a provider's long sentences never stop the site"
    names = [p.message.split(":")[0] for p in verdict.to_summarise]
    assert names[:2] == ["Crewe Carers Hub", "Carers Support Cheshire"]  # 74-word sentences, longest first
    assert "Young Carers Service" in names and all(p.warning for p in verdict.to_summarise)
    assert verdict.theirs_long == len(verdict.to_summarise) == 3
    assert "has a sentence of 74 words" in service_text.format_verdict(verdict)

    hub = next(s for s in imported(project) if s["name"] == "Carers Support Cheshire")
    edit(project / "data" / "services-imported.yaml", f"  - id: {hub['id']}\n",
         f"  - id: {hub['id']}\n    summary: Help and advice for carers in Cheshire. Groups, training and a named worker.\n")
    # The council's own words are held to the rule: a 30-word sentence in a hand-made description fails.
    change_service(project, description="It arranges, whenever you need them and for as long as you need them, with "
                   "help from the team and from other people who know the area, carer's assessments and support plans "
                   "for the carers who ask for them.")
    data, directory = load_data(project / "data")
    verdict = service_text.check(directory, data.reading_level.standard, lambda file, index, field: index)
    assert [p.code for p in verdict.problems] == ["SERVICE_SENTENCE_TOO_LONG"]
    assert verdict.problems[0].field == "services[0].description"
    assert "Carers Support Cheshire" not in [p.message.split(":")[0] for p in verdict.to_summarise]
    assert verdict.theirs_long == 3 and len(verdict.to_summarise) == 2


def test_the_longest_sentence_counts_each_list_item_and_paragraph_on_its_own():
    assert service_text.longest_sentence("One two three.\n\n- four five\n- six")[0] == 3
    assert service_text.longest_sentence("a " * 30 + ".")[0] == 30


# -- Re-import ----------------------------------------------------------------------------------------------

def test_a_reimport_reports_what_changed_field_by_field_and_keeps_local_edits(project):
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed, project)
        names = by_name(project)
        text = (project / "data" / "services-imported.yaml").read_text()
        bereavement, cafe = names["Bereavement support"], names["Dementia Caf\u00e9"]
        # Local edits: an audience and a summary set by hand, and a phone the feed will change too.
        text = text.replace(f"  - id: {cafe['id']}\n", f"  - id: {cafe['id']}\n    summary: A cafe for people with "
                                                       "dementia and their carers.\n", 1)
        text = re.sub(rf"(  - id: {cafe['id']}\n(?:    .*\n)*?    audience: )\[all-carers\]", r"\1[dementia-carers]", text)
        text = text.replace("phone: 0113 496 0000", "phone: 0113 496 0999")
        (project / "data" / "services-imported.yaml").write_text(text)
        # The feed changes: a new phone and opening times for one, one gone, one new.
        record = feed.details["CARER-010"]
        record["contacts"][0]["phones"][0]["number"] = "0113 496 0500"
        record["email"] = "team@bereavement.example.org"
        feed.details["CARER-011"]["status"] = "deleted"
        new = {**feed.details["CARER-002"], "id": "CARER-012", "name": "Carers Wellbeing Walks"}
        feed.details["CARER-012"] = new
        feed.pages[2]["contents"].append({k: v for k, v in new.items() if not isinstance(v, list)})
        outcome = do_import(feed, project)
    merged = outcome.merged
    names = by_name(project)
    assert [names.get(n) and n for n in ["Carers Wellbeing Walks"]] == ["Carers Wellbeing Walks"]
    assert [outcome.converted.services[u]["name"] for u in merged.added] == ["Carers Wellbeing Walks"]
    assert len(merged.removed) == 1 and "Carers Centre Macclesfield" not in names
    assert merged.changed[bereavement["uuid"]] == {"email": ("help@bereavement.example.org",
                                                              "team@bereavement.example.org")}
    assert merged.conflicts[bereavement["uuid"]] == {"phone": ("0113 496 0999", "0113 496 0500")}
    assert names["Bereavement support"]["phone"] == "0113 496 0999", "the editor's number stays"
    assert names["Dementia Caf\u00e9"]["summary"] == "A cafe for people with dementia and their carers."
    assert names["Dementia Caf\u00e9"]["audience"] == ["dementia-carers"]
    assert sorted(merged.kept[cafe["uuid"]]) == ["audience", "summary"]
    report = outcome.report
    assert ('Bereavement support: email was "help@bereavement.example.org", now "team@bereavement.example.org"'
            in as_read(report))  # the addresses are written as code, so GitHub does not make them links
    assert '- Bereavement support, phone: yours "0113 496 0999", the feed\'s "0113 496 0500"' in report
    assert "## Added (1)\n\nNew in the feed.\n\n- Carers Wellbeing Walks" in report
    assert "## Removed (1)" in report and "- Carers Centre Macclesfield" in report
    assert f"- Dementia Caf\u00e9: {', '.join(merged.kept[cafe['uuid']])}" in report


def test_importing_the_same_feed_again_changes_nothing(project):
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed, project)
        first = [(project / "data" / name).read_text() for name in store.IMPORTED.values()]
        outcome = do_import(feed, project)
    assert [(project / "data" / name).read_text() for name in store.IMPORTED.values()] == first
    assert not outcome.merged.changed and not outcome.merged.added and not outcome.merged.removed
    assert outcome.merged.unchanged == 8


def test_a_service_gone_from_the_feed_is_kept_if_edited_here():
    base = {"u1": {"name": "A", "phone": "1"}, "u2": {"name": "B"}}
    ours = {"u1": {"name": "A", "phone": "2"}, "u2": {"name": "B"}, "local:x": {"name": "Mine"}}
    merged = merge.merge(base, ours, {})
    assert merged.gone_but_edited == ["u1"] and merged.removed == ["u2"]
    assert list(merged.records) == ["u1", "local:x"]


def test_a_service_deleted_here_stays_deleted():
    merged = merge.merge({"u1": {"name": "A"}}, {}, {"u1": {"name": "A", "phone": "3"}})
    assert merged.deleted_locally == ["u1"] and not merged.records


def test_yaml_written_by_the_import_reads_back_the_same():
    from datetime import datetime, timezone

    day = date(2026, 1, 2)  # one object in two fields, as the importer makes them
    record = {"id": "x", "name": "A: b", "description": "One.\n\n- two\n- three", "audience": ["adult-carers"],
              "opening_hours": [{"days": ["monday"], "opens": "09:00", "closes": "17:30"}], "phone": "0161 496 0123",
              "last_reviewed": day, "review_by": day, "last_modified": datetime(2026, 1, 2, 3, 4, 5, 6000, timezone.utc),
              "minimum_age": 0}
    text = "services:\n" + store.dump_records([record], "services")
    assert yaml.safe_load(text)["services"] == [record]
    assert "  audience: [adult-carers]" in text and "description: |-" in text
    assert "&id" not in text and "review_by: 2026-01-02" in text, "the same date twice is written twice"


# -- Never in a build; 1,000 services ------------------------------------------------------------------------

def test_the_build_never_loads_the_importer():
    import subprocess
    import sys

    from conftest import ROOT

    code = ("import sys, carers_hub.mkdocs_hooks, carers_hub.macros; "
            "print(sorted(m for m in sys.modules if m.startswith('carers_hub.importer')))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    users = [p for p in (ROOT / "hooks").rglob("*.py") if "carers_hub.importer" in p.read_text()
             and p.parent.name not in ("importer", "tools")]
    assert not users, users


def test_a_thousand_services_import_quickly_and_build_within_the_page_budgets(project):
    from carers_hub.checks.page_weight import BUDGETS, first_visit

    with big_feed(1000) as feed:
        outcome = do_import(feed, project, workers=4)
        assert feed.detail_requests() == 1000
    assert outcome.seconds < 30, f"{outcome.seconds:.1f} s"
    assert len(outcome.converted.services) == 1000
    result = build(project)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    site = project / "site"
    data, directory = load_data(project / "data")
    some = directory.listings[-1]
    from carers_hub.core.urls import page_url

    # The pages the import makes, and the site's own: its crisis page and a page in a section, if it has sections.
    own = [data.site_file.get_help_now.page,
           *sorted(p.relative_to(project / "content").as_posix() for p in (project / "content").glob("*/*.md"))[:1]]
    for path in ["", "services/", f"services/{some.id}/", "services/kind/adult-carers/",
                 "services/kind/adult-carers/page-2/", "services/for/all-carers/", "journeys/adult-carers/",
                 *(page_url(page) for page in own)]:
        sizes = first_visit(site, path)
        assert sum(sizes.values()) <= BUDGETS["standard"], f"/{path}: {sizes}"
    from test_open_data import records, validator

    check = validator("service.json")
    found = records(site)
    assert len(found) == len(directory.listings)
    for record in found:
        assert not list(check.iter_errors(record)), record["name"]


def test_the_command_line_reports_and_never_crashes(project, tmp_path, capsys):
    from conftest import free_port
    from carers_hub.tools import import_directory

    before = {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()}
    assert import_directory.main([str(tmp_path / "missing.json")], root=project) == 1
    assert "could not be read" in capsys.readouterr().err
    assert import_directory.main([f"http://127.0.0.1:{free_port()}/api", "--retries", "0"], root=project) == 1
    assert "Nothing in data/ was changed." in capsys.readouterr().err
    assert {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()} == before
    with FeedServer.from_folder("v1-messy") as feed:
        assert import_directory.main([feed.url, "--rate", "0"], root=project) == 0
    assert "12 records read, 8 imported, 4 left out" in capsys.readouterr().out


def test_a_feed_record_taken_over_by_hand_is_left_alone(project):
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed, project)
        head, _, below = store.split(project / "data" / "services.yaml", "services")
        cafe = next(s for s in below if s["name"] == "Dementia Caf\u00e9")
        (project / "data" / "services.yaml").write_text(head.rstrip("\n") + "\n" + store.dump_records([cafe], "services"))
        (project / "data" / store.IMPORTED["services"]).write_text(store.join([s for s in below if s is not cafe], "services"))
        load_data(project / "data")
        outcome = do_import(feed, project)
    hand = store.split(project / "data" / "services.yaml", "services")[1]
    assert hand[-1]["uuid"] == cafe["uuid"] and cafe["uuid"] not in [s.get("uuid") for s in imported(project)]
    assert not outcome.merged.deleted_locally
    assert "kept by hand in data/services.yaml" in outcome.report


def test_ids_are_made_from_names_in_plain_letters_and_never_clash():
    taken = {"carers-hub"}
    assert convert.slugify("Dementia Caf\u00e9", taken) == "dementia-cafe"
    assert convert.slugify("Carers' Hub", taken) == "carers-hub-2"
    assert convert.slugify("Index", taken) == "index-2"  # /services/index/ is the directory's own page
    assert convert.slugify("!!!", taken) == "service"


# -- Websites: http:// and addresses without a scheme are kept; only what is not the web is dropped ----------------

@pytest.mark.parametrize("given, kept, note", [
    ("http://www.example-carers.org.uk/support/", "http://www.example-carers.org.uk/support/", "not secure"),
    ("www.example-carers.org.uk", "https://www.example-carers.org.uk", "had no https://"),
    ("example-carers.org.uk/young-carers?from=feed", "https://example-carers.org.uk/young-carers?from=feed",
     "had no https://"),
    ("//example-carers.org.uk", "https://example-carers.org.uk", "had no https://"),
    ("https://www.example-carers.org.uk", "https://www.example-carers.org.uk", None),
    ("javascript:alert(document.cookie)", None, "[URL_NOT_WEB]"),
    ("JaVaScRiPt://example.org/%0Aalert(1)", None, "[URL_NOT_WEB]"),
    ("data:text/html,<script>alert(1)</script>", None, "[URL_"),
    ("file:///etc/passwd", None, "[URL_NOT_WEB]"),
    ("mailto:carers@example.org", None, "[URL_NOT_WEB]"),
    ('http://example.org/"onmouseover="alert(1)', None, "[URL_UNSAFE]"),
    ("java\tscript:alert(1)", None, "[URL_UNSAFE]"),
])
def test_a_website_is_kept_unless_it_is_not_the_web(given, kept, note):
    url, said = clean.website(given)
    assert url == kept
    assert (said is None) if note is None else (note in said), said


def test_http_is_allowed_for_a_service_website_only():
    from pydantic import ValidationError

    from carers_hub.data.service_models import Organisation, Service

    base = {"id": "x", "name": "X", "description": "Words.", "category": ["c"], "audience": ["a"], "area": "A",
            "how_to_access": "either", "last_reviewed": "2026-11-01", "source": {"url": "https://e.org", "kind": "own"}}
    errors = []
    for website in ("http://example.org", "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"):
        try:
            Service.model_validate({**base, "website": website})
        except ValidationError as error:
            errors.append((website, [e["type"] for e in error.errors() if e["loc"] == ("website",)]))
    # (Other fields of this bare record may fail too: only the website's verdict matters here.)
    assert {w: codes for w, codes in errors if codes} == {w: ["URL_NOT_WEB"] for w in ("javascript:alert(1)", "data:text/html,x",
                                                         "file:///etc/passwd")}, errors
    with pytest.raises(ValidationError, match="URL_NOT_HTTPS"):
        Organisation.model_validate({"id": "o", "name": "O", "website": "http://example.org"})


def test_a_service_page_shows_an_http_website_plainly_with_a_note(project):
    from conftest import load_data
    from carers_hub.directory.service_pages import service_page

    at_least_services(project, 2)
    plain = change_service(project, website="http://www.example-carers.org.uk/support/")
    secure = change_service(project, 1, website="https://www.example-carers.org.uk/support/")
    data, directory = load_data(project / "data")
    pages = [service_page(directory.by_id[s["id"]], data, directory).html() for s in (plain, secure)]
    assert ('<p class="ch-contact__insecure">Website: <a href="http://www.example-carers.org.uk/support/">'
            "www.example-carers.org.uk/support</a>. This website is not secure.</p>") in pages[0]
    assert "not secure" not in pages[1] and "Visit the" in pages[1]


def test_the_import_ends_with_the_settings_left_at_defaults_and_what_to_do_next(project):
    (project / "data" / "import" / "mapping.yaml").unlink()  # a first import: the template's defaults
    with FeedServer.from_folder("v1-messy") as feed:
        first = run(feed.url, project, Options(rate=0), stream=io.StringIO(), clock=FakeClock(), today=TODAY)
        lines = first.summary.splitlines()
        assert lines[-5].startswith("Still at their defaults in data/import/mapping.yaml: feed_title, ")
        assert lines[-4:-3] == ["Next:"] and len(lines[-3:]) == 3
        assert lines[-3].startswith("  1. Set feed_title in data/import/mapping.yaml: until you do, every imported "
                                    'page says "We found these details in the service directory at 127.0.0.1".')
        mapping = project / "data" / "import" / "mapping.yaml"
        mapping.write_text(mapping.read_text().replace("# feed_title: the Live Well directory",
                                                       "feed_title: the Example Borough directory"))
        again = run(feed.url, project, Options(rate=0), stream=io.StringIO(), clock=FakeClock(), today=TODAY)
    lines = again.summary.splitlines()
    assert "feed_title" not in lines[-5] and lines[-5].startswith("Still at their defaults")
    assert not any("Set feed_title" in line for line in lines) and lines[-3].startswith("  1. Map the feed's terms")
