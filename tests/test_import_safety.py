"""make import-directory against a feed that is broken, hostile or half-published, and a disk that fails.

Each test plays one way a feed (or the machine) can go wrong: a server that drips its answer, one that never
stops sending, a redirect to somewhere else, a feed that suddenly lists nothing, ids that differ only in case,
JSON nested 10,000 deep, a rename that fails on the last file. Feeds are served on 127.0.0.1
(tests/support/feeds.py); time comes from the importer's Clock (tests/support/clock.py), so nothing sleeps.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from conftest import SUITE_TODAY
from support.clock import FakeClock, SteppingClock
from support.feeds import TLS, FeedServer, RawServer, big_feed
from carers_hub.importer import fetch, store
from carers_hub.importer.run import Options, run
from carers_hub.tools import import_directory

TODAY = SUITE_TODAY
MAPPING = "feed_title: the Example Borough directory\n"
MB = 1_000_000


def new_project(folder: Path) -> Path:
    from conftest import copy_project

    root = copy_project(folder)
    (root / "data" / "import").mkdir()
    (root / "data" / "import" / "mapping.yaml").write_text(MAPPING)
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return new_project(tmp_path / "project")


@pytest.fixture(scope="module")
def untouched(tmp_path_factory) -> Path:
    """One project for the tests of imports that must stop before writing: each checks data/ is as it was."""
    return new_project(tmp_path_factory.mktemp("untouched") / "project")


def snapshot_of(folder: Path) -> dict[str, bytes]:
    """Every file under data/, byte for byte: what "nothing changed" means."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def imported(root: Path) -> list[dict]:
    return store.split(root / "data" / "services.yaml", "services")[2]


def do_import(source: str, root: Path, **options):
    return run(source, root, Options(**{"rate": 0, **options}), stream=io.StringIO(), clock=FakeClock(), today=TODAY)


def cli(root: Path, *argv: str) -> int:
    return import_directory.main([*argv, "--rate", "0", "--retries", "0"], root=root)


def http_answer(body_pieces, headers: dict[str, str] | None = None, status: str = "200 OK"):
    """An HTTP answer as RawServer sends it: the head at once, then the body piece by piece."""
    head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nConnection: close\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
    yield (head + "\r\n").encode()
    yield from body_pieces


def spaces(total: int, piece: int):
    """`[`, then spaces, then `]`: valid JSON (an empty list) of any size, made as it is sent."""
    yield b"["
    left = total - 2
    while left > 0:
        yield b" " * min(piece, left)
        left -= piece
    yield b"]"


# -- Fetching: one deadline for the whole answer ------------------------------------------------------------

def test_an_answer_that_drips_in_runs_out_of_time():
    """1 MB, 100 bytes at a time: every read gets something, so the socket's own timeout never fires. With a clock
    a second later at each read, an answer still arriving after 5 reads is past its 5 seconds."""
    with RawServer(lambda path: http_answer(spaces(MB, 100))) as server:
        fetcher = fetch.Fetcher(rate=0, retries=0, timeout=5, clock=SteppingClock())
        with pytest.raises(fetch.FetchError, match=r"took longer than 5 seconds"):
            fetcher.get(server.url + "/services")


def test_headers_that_drip_in_run_out_of_time_too():
    """The deadline covers the whole answer, the status line and headers as much as the body."""
    def answer(path):
        yield b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: "
        for _ in range(600):
            yield b"a" * 100
        yield b"\r\nContent-Length: 2\r\n\r\n[]"

    with RawServer(answer) as server:
        fetcher = fetch.Fetcher(rate=0, retries=0, timeout=3, clock=SteppingClock())
        with pytest.raises(fetch.FetchError, match=r"took longer than 3 seconds"):
            fetcher.get(server.url + "/services")


# -- Fetching: a size limit ---------------------------------------------------------------------------------

def test_an_answer_bigger_than_the_limit_is_refused_as_it_arrives(untouched):
    """64 MB with no length given, made as it is sent: the import stops after the limit (1 MB here)."""
    before = snapshot_of(untouched / "data")
    with RawServer(lambda path: http_answer(spaces(64 * MB, 65536))) as server:
        code = cli(untouched, server.url, "--max-size", "1")
    assert code == 1
    assert server.sent < 32 * MB, f"{server.sent} bytes sent: the import read on past its limit"
    assert snapshot_of(untouched / "data") == before


def test_an_answer_that_says_it_is_too_big_is_refused_before_it_is_read():
    with RawServer(lambda path: http_answer(spaces(300 * MB, 65536), {"Content-Length": str(300 * MB)})) as server:
        fetcher = fetch.Fetcher(rate=0, retries=0, clock=FakeClock(), max_bytes=MB)
        with pytest.raises(fetch.FetchError, match=r"more than 1 MB") as refused:
            fetcher.get(server.url + "/services")
    assert "300 MB" in str(refused.value)
    assert server.sent < 32 * MB, "300 MB, made as it is sent: only what the sockets hold went out"


def test_the_size_limit_is_on_the_command_line_and_named_in_the_message(untouched, capsys):
    with RawServer(lambda path: http_answer(spaces(3 * MB, 65536))) as server:
        assert cli(untouched, server.url, "--max-size", "2") == 1
    err = capsys.readouterr().err
    assert "more than 2 MB" in err and "--max-size" in err and "Nothing in data/ was changed" in err


# -- Fetching: redirects only to the same host over https ----------------------------------------------------

class Redirecting(FeedServer):
    """Sends /api/services on to `target` (made from the server's own port); serves everything else."""

    def __init__(self, target: str, status: int = 302, https: bool = False):
        source = FeedServer.from_folder("v1-messy")
        super().__init__(source.pages, source.details, https=https)
        self.target, self.status = target, status

    def answer(self, path, query):
        if path == "/api/services" and not query:
            port = self.url.split(":")[2].split("/")[0]
            return self.status, {}, {"Location": self.target.format(port=port)}
        return super().answer(path, query)


@pytest.mark.parametrize("target", [
    "http://localhost:{port}/elsewhere/services",  # the same machine, by another name
    "http://127.0.0.2:{port}/elsewhere/services",  # another address (also this machine)
    "ftp://127.0.0.1:{port}/services.json",
    "file:///etc/passwd",
    "data:application/json,[]",
])
def test_a_redirect_to_another_host_or_scheme_stops_and_names_both_addresses(target):
    with Redirecting(target) as feed:
        wanted = target.format(port=feed.url.split(":")[2].split("/")[0])
        with pytest.raises(fetch.FetchError) as stopped:
            fetch.Fetcher(rate=0, retries=0, timeout=5, clock=FakeClock()).get(feed.url + "/services")
        asked = dict(feed.requests)
    message = str(stopped.value)
    assert feed.url + "/services" in message and wanted in message, message
    assert "redirect" in message
    assert "/elsewhere/services" not in asked, "the other address was asked"


def test_a_redirect_on_the_same_host_is_followed(project):
    with Redirecting("http://127.0.0.1:{port}/api/services?page=1", status=301) as feed:
        outcome = do_import(feed.url, project)
    assert len(outcome.converted.services) == 8


def test_an_https_feed_is_read_through_the_limits_with_its_certificate_checked(monkeypatch):
    """The importer's own https handler (limits.py) still checks certificates, and follows an https redirect."""
    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "127.0.0.1.crt"))  # trusted: the test's own certificate
    with Redirecting("https://127.0.0.1:{port}/api/services?page=1", https=True) as feed:
        fetcher = fetch.Fetcher(rate=0, retries=0, clock=FakeClock(), max_bytes=MB)
        assert len(fetcher.get(feed.url + "/services")["contents"]) == 4
        monkeypatch.delenv("SSL_CERT_FILE")  # the system's certificates only: this one is unknown there
        with pytest.raises(fetch.FetchError, match="CERTIFICATE_VERIFY_FAILED"):
            fetch.Fetcher(rate=0, retries=0, clock=FakeClock()).get(feed.url + "/services")
        asked = dict(feed.requests)
    assert asked == {"/api/services": 1, "/api/services?page=1": 1}, "the second never reached the server"


def test_the_redirect_rule():
    from carers_hub.importer.limits import redirect_allowed

    assert redirect_allowed("https://dir.example.org/api", "https://dir.example.org/api/v2/services")
    assert redirect_allowed("http://dir.example.org/api", "https://dir.example.org/api"), "to https: fine"
    assert redirect_allowed("https://dir.example.org/api", "https://DIR.example.org:8443/api")
    assert redirect_allowed("http://127.0.0.1:8000/api", "http://127.0.0.1:8001/api")
    assert redirect_allowed("http://localhost/api", "http://localhost/v2")
    assert not redirect_allowed("https://dir.example.org/api", "http://dir.example.org/api"), "never down to http"
    assert not redirect_allowed("https://dir.example.org/api", "https://evil.example.org/api")
    assert not redirect_allowed("https://dir.example.org/api", "https://dir.example.org.evil.test/api")
    assert not redirect_allowed("http://127.0.0.1/api", "http://localhost/api")
    for scheme in ("ftp://dir.example.org/x", "file:///etc/passwd", "data:,[]", "//dir.example.org/x"):
        assert not redirect_allowed("https://dir.example.org/api", scheme), scheme


# -- The source: an https address, or a saved .json file named on purpose --------------------------------------

@pytest.mark.parametrize("source", ["file:///etc/passwd", "file://{saved}", "ftp://127.0.0.1/services.json",
                                    "data:application/json,[]", "gopher://127.0.0.1/"])
def test_a_source_that_is_not_a_web_address_or_a_saved_file_is_refused(untouched, tmp_path, capsys, source):
    saved = tmp_path / "saved.json"
    saved.write_text("[]")
    before = snapshot_of(untouched / "data")
    assert cli(untouched, source.format(saved=saved)) == 1
    err = capsys.readouterr().err
    assert "reads only https://" in err and "Nothing in data/ was changed" in err, err
    assert snapshot_of(untouched / "data") == before


def test_a_saved_file_must_be_a_json_file(untouched, tmp_path, capsys):
    listing = tmp_path / "feed.txt"
    listing.write_text("[]")
    assert cli(untouched, str(listing)) == 1
    assert "a saved .json file" in capsys.readouterr().err
    assert cli(untouched, "/dev/zero") == 1, "a device is not a saved file (and never ends)"
    assert "a saved .json file" in capsys.readouterr().err
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    assert cli(untouched, str(tmp_path / "zero.json")) == 1, "nor is one by another name"
    assert "could not be read (not a file)" in capsys.readouterr().err


# -- JSON that cannot be read: one line, never a traceback -------------------------------------------------------

DEEP = "[" * 10_000 + "]" * 10_000


def test_json_nested_10000_deep_in_a_saved_file_is_a_clear_error(untouched, tmp_path, capsys):
    saved = tmp_path / "deep.json"
    saved.write_text(DEEP)
    before = snapshot_of(untouched / "data")
    assert cli(untouched, str(saved)) == 1
    err = capsys.readouterr().err
    assert "nested too deep" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert snapshot_of(untouched / "data") == before


def test_json_nested_10000_deep_from_the_feed_is_a_clear_error(untouched, capsys):
    class Deep(FeedServer):
        def answer(self, path, query):
            return 200, DEEP.encode()

    with Deep([], {}) as feed:
        assert cli(untouched, feed.url) == 1
    err = capsys.readouterr().err
    assert "nested too deep" in err and feed.url in err and "Traceback" not in err


@pytest.mark.parametrize("body, why", [(DEEP.encode(), "nested too deep"), (b'{"id": "\xff\xfe"}', "not UTF-8"),
                                       (b'{"id": ', "not JSON")])
def test_a_service_whose_details_cannot_be_read_is_one_line_in_the_report(project, body, why):
    source = FeedServer.from_folder("v1-messy")

    class Broken(FeedServer):
        def answer(self, path, query):
            return (200, body) if path.endswith("/CARER-010") else super().answer(path, query)

    with Broken(source.pages, source.details) as feed:
        outcome = do_import(feed.url, project)
    failed = [line for line in outcome.report.splitlines() if "CARER-010" in line and why in line]
    assert len(failed) == 1, outcome.report
    assert len(outcome.converted.services) == 8, "the rest imported"


@pytest.mark.parametrize("damage", ["<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n", DEEP, "[]"])
def test_a_damaged_record_of_the_last_import_is_a_clear_error(project, capsys, damage):
    """data/import/last-import.json after a git merge left conflict lines in it, or worse."""
    (project / "data" / store.SNAPSHOT).write_text(damage)
    before = snapshot_of(project / "data")
    with FeedServer.from_folder("v1-messy") as feed:
        assert cli(project, feed.url) == 1
    err = capsys.readouterr().err
    assert "IMPORT_SNAPSHOT_UNREADABLE" in err and "git checkout -- data/import/last-import.json" in err, err
    assert "Traceback" not in err
    assert snapshot_of(project / "data") == before


# -- A feed that shrinks: refused unless the editor accepts the removals ----------------------------------------

def test_a_feed_that_suddenly_lists_nothing_is_refused_and_nothing_is_written(project, capsys):
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed.url, project)
    before = snapshot_of(project / "data")
    with FeedServer([[]], {}) as empty:
        assert cli(project, empty.url) == 1
        err = capsys.readouterr().err
        assert "IMPORT_FEED_SHRANK" in err and "0 of the 8 services" in err and "--accept-removals" in err
        assert snapshot_of(project / "data") == before, "not even the report"
        assert cli(project, empty.url, "--accept-removals") == 0
    assert imported(project) == []


def test_a_feed_that_loses_more_than_a_fifth_is_refused_and_a_fifth_is_not(project, capsys):
    with big_feed(10) as feed:
        assert cli(project, feed.url) == 0
        listed = feed.pages[0]["contents"]
        feed.pages[0]["contents"] = listed[3:]  # 3 of 10 gone: more than a fifth
        before = snapshot_of(project / "data")
        assert cli(project, feed.url) == 1
        err = capsys.readouterr().err
        assert "7 of the 10 services" in err and "3 are gone" in err, err
        assert snapshot_of(project / "data") == before
        feed.pages[0]["contents"] = listed[2:]  # 2 of 10 gone: a fifth, not more
        assert cli(project, feed.url) == 0, "asked again: the refused answers were not kept for the next run"
    assert len(imported(project)) == 8
    assert "## Removed (2)" in (project / "data" / "import" / "report.md").read_text()


# -- Ids that differ only in case ---------------------------------------------------------------------------------

def record(ident: str, name: str) -> dict:
    base = json.loads((Path(__file__).parent / "fixtures/feeds/v1-messy/details/CARER-010.json").read_text())
    return {**base, "id": ident, "name": name}


def test_uuids_that_differ_only_in_case_are_one_service_with_a_note(project):
    upper, lower = "AC148810-D857-441C-9679-408F346DE14B", "ac148810-d857-441c-9679-408f346de14b"
    with FeedServer([[record(upper, "First listing"), record(lower, "Second listing")]], {}) as feed:
        outcome = do_import(feed.url, project)
    services = [s for s in imported(project) if s["uuid"] == lower]
    assert [s["name"] for s in services] == ["First listing"], "the first is kept, as with any id listed twice"
    notes = [n for n in outcome.converted.notes if n.feed_id == lower]
    assert [n.kind for n in notes] == ["left out"] and upper in notes[0].message
    assert f"Second listing (feed id {lower}): the feed lists this id twice" in outcome.report


def test_ids_that_are_not_uuids_and_differ_only_in_case_stay_two_services_with_a_note(project):
    with FeedServer([[record("CARER-1", "Upper"), record("carer-1", "Lower")]], {}) as feed:
        outcome = do_import(feed.url, project)
    assert sorted(s["name"] for s in imported(project)) == ["Lower", "Upper"]
    assert any(n.feed_id == "carer-1" and n.kind == "info" and "CARER-1" in n.message for n in outcome.converted.notes)


def test_a_service_taken_over_by_hand_with_its_uuid_in_capitals_is_still_left_alone(project):
    lower = "ac148810-d857-441c-9679-408f346de14b"
    with FeedServer([[record(lower, "Carers group")]], {}) as feed:
        do_import(feed.url, project)
        head, _, below = store.split(project / "data" / "services.yaml", "services")
        taken = {**below[0], "uuid": lower.upper()}
        (project / "data" / "services.yaml").write_text(head.rstrip("\n") + "\n" + store.dump_records([taken], "services"))
        (project / "data" / store.IMPORTED["services"]).write_text(store.join([], "services"))
        outcome = do_import(feed.url, project)
    assert imported(project) == []
    assert "kept by hand in data/services.yaml" in outcome.report


# -- Writing: all the files or none, and the report says which -----------------------------------------------------

def failing_replace(monkeypatch, fails):
    """os.replace, failing when fails(source, destination, count) says so (count: replaces into that file so far)."""
    real, counts = os.replace, {}

    def replace(source, destination, *args, **kwargs):
        name = Path(destination).name
        counts[name] = counts.get(name, 0) + 1
        if fails(Path(source).name, name, counts[name]):
            raise OSError(28, "No space left on device")
        return real(source, destination, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def test_a_write_that_fails_on_the_last_file_changes_nothing_and_the_next_import_is_right(project, monkeypatch, capsys):
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed.url, project)
        feed.details["CARER-010"]["email"] = "team@bereavement.example.org"
        before = snapshot_of(project / "data")
        with monkeypatch.context() as patch:
            failing_replace(patch, lambda source, name, count: name == "last-import.json")
            assert cli(project, feed.url) == 1
        err = capsys.readouterr().err
        assert "could not be written" in err and "Nothing in data/ was changed" in err, err
        assert snapshot_of(project / "data") == before
        assert not [p for p in (project / "data").rglob("*") if p.name.endswith((".importing", ".before-import"))]
        outcome = do_import(feed.url, project)
    [(uid, fields)] = outcome.merged.changed.items()
    assert fields == {"email": ("help@bereavement.example.org", "team@bereavement.example.org")}
    assert not outcome.merged.kept, "the feed's change is the feed's, not an editor's edit"


def test_when_putting_back_fails_too_the_message_names_exactly_the_files_that_changed(project, monkeypatch, capsys):
    with FeedServer.from_folder("v1-messy") as feed:
        do_import(feed.url, project)
        feed.details["CARER-010"]["email"] = "team@bereavement.example.org"
        before = snapshot_of(project / "data")
        with monkeypatch.context() as patch:
            failing_replace(patch, lambda source, name, count: name == "last-import.json"
                            or (name == "services-imported.yaml" and count == 2))  # the second: putting it back
            assert cli(project, feed.url) == 1
        err = capsys.readouterr().err
    after = snapshot_of(project / "data")
    changed = sorted(name for name in after if after[name] != before.get(name))
    assert changed == ["services-imported.yaml", "services-imported.yaml.before-import"]
    assert after["services-imported.yaml.before-import"] == before["services-imported.yaml"], "the old one, kept"
    assert "Changed by this import: data/services-imported.yaml (" in err, err
    assert "Every other file is as it was" in err and "git checkout -- data/" in err


def test_the_report_says_exactly_which_files_were_written(project):
    with FeedServer.from_folder("v1-messy") as feed:
        first = do_import(feed.url, project)
        again = do_import(feed.url, project)
        dry = do_import(feed.url, project, dry_run=True)
    section = first.report.split("## Files written", 1)[1]
    for name in ("data/services-imported.yaml", "data/organisations-imported.yaml", "data/import/last-import.json",
                 "data/import/report.md"):
        assert f"- {name}" in section, name
    assert "- data/services-imported.yaml" not in again.report.split("## Files written", 1)[1], "unchanged: not written"
    assert "Unchanged: data/services-imported.yaml" in again.report
    dry_section = dry.report.split("## Files written", 1)[1].split("\n## ", 1)[0]
    assert [line for line in dry_section.splitlines() if line.startswith("- ")] == ["- data/import/report.md (this report)"]
    assert "A dry run: nothing else in data/ was written." in dry_section
