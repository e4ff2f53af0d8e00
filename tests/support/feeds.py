"""Open Referral feeds for tests and benchmarks, served on 127.0.0.1 (port 0), never from the internet.

FeedServer answers `/api/services` (?page=n) and `/api/services/{id}` from pages and records in memory,
counts every request, and can fail a path a set number of times (503) before it answers; an answer may add
headers (a redirect's Location). `from_folder` serves
tests/fixtures/feeds/<name>/ (pages/<n>.json, details/<id>.json); `big_feed` makes a v1-shaped feed of any
size with the same mess as the fixture (HTML, long text, http: addresses, bad numbers, no organisation).
RawServer sends whatever bytes a test gives it, as it gives them: a slow drip, an endless answer, broken HTTP.
"""

from __future__ import annotations

import http.server
import json
import socketserver
import ssl
import threading
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"
TLS = FIXTURES.parent / "tls"  # a certificate for https://127.0.0.1 that a test trusts with SSL_CERT_FILE
PREFIX = "/api"
POLL = 0.02  # seconds between a server's looks for shutdown (the standard library's 0.5 s adds up over a suite)


class FeedServer:
    def __init__(self, pages: list, details: dict[str, dict], https: bool = False):
        self.pages, self.details, self.https = pages, details, https
        self.requests: Counter = Counter()  # path with query -> times asked
        self.failures: dict[str, int] = {}  # path with query -> 503s still to give
        self.url = ""
        self._server: http.server.ThreadingHTTPServer | None = None

    @classmethod
    def from_folder(cls, name: str) -> "FeedServer":
        folder = FIXTURES / name
        pages = [json.loads(p.read_text()) for p in sorted((folder / "pages").glob("*.json"), key=lambda p: int(p.stem))]
        details = {p.stem: json.loads(p.read_text()) for p in (folder / "details").glob("*.json")}
        return cls(pages, details)

    def answer(self, path: str, query: dict) -> tuple:
        """(status, body) or (status, body, {header: value})."""
        if path == f"{PREFIX}/services":
            number = int(query.get("page", ["1"])[0])
            if 1 <= number <= len(self.pages):
                return 200, self.pages[number - 1]
            return 200, {"total_items": 0, "total_pages": len(self.pages), "page_number": number, "size": 0,
                         "first_page": False, "last_page": True, "empty": True, "contents": []}
        if path.startswith(f"{PREFIX}/services/"):
            record = self.details.get(unquote(path.rsplit("/", 1)[1]))
            return (200, record) if record is not None else (404, {"error": "not found"})
        return 404, {"error": "not found"}

    def __enter__(self) -> "FeedServer":
        feed = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                key = parts.path + (f"?{parts.query}" if parts.query else "")
                feed.requests[key] += 1
                if feed.failures.get(key, 0) > 0:
                    feed.failures[key] -= 1
                    status, body, more = 503, {"error": "try again"}, []
                else:
                    status, body, *more = feed.answer(parts.path, parse_qs(parts.query))
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for name, value in (more[0] if more else {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if self.https:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(TLS / "127.0.0.1.pem")
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        threading.Thread(target=self._server.serve_forever, args=(POLL,), daemon=True).start()
        scheme = "https" if self.https else "http"
        self.url = f"{scheme}://127.0.0.1:{self._server.server_address[1]}{PREFIX}"
        return self

    def __exit__(self, *exc) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    def detail_requests(self) -> int:
        return sum(n for path, n in self.requests.items() if path.startswith(f"{PREFIX}/services/"))


class RawServer:
    """A server on 127.0.0.1 that answers every request with the bytes `answer(path)` yields, each sent as it
    comes: a drip of a few bytes at a time, an answer too big to hold, headers that never end. The bytes are made
    as they are sent (never held), and the answer stops when the importer hangs up or the server closes, so a
    test never waits for it. `sent` counts the bytes that went out."""

    def __init__(self, answer: Callable[[str], Iterable[bytes]]):
        self.answer = answer
        self.sent = 0
        self.paths: list[str] = []
        self.url = ""
        self._closing = threading.Event()
        self._server: socketserver.ThreadingTCPServer | None = None

    def __enter__(self) -> "RawServer":
        raw = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                self.connection.settimeout(5)  # a client that stops reading ends the answer too
                request = self.rfile.readline(65537).decode("latin-1").split()
                while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                    pass  # the request's headers
                raw.paths.append(request[1] if len(request) > 1 else "")
                try:
                    for piece in raw.answer(raw.paths[-1]):
                        if raw._closing.is_set():
                            return
                        self.wfile.write(piece)
                        raw.sent += len(piece)
                except OSError:
                    return  # the importer hung up (or stopped reading): the answer ends here

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.block_on_close = True  # closing waits for every answer to end: none outlives the test
        threading.Thread(target=self._server.serve_forever, args=(POLL,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}{PREFIX}"
        return self

    def __exit__(self, *exc) -> None:
        assert self._server is not None
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()


def oruk_examples() -> FeedServer:
    """The ORUK 3.0 examples as a feed: the list example as page 1, the full record as its detail."""
    folder = FIXTURES / "oruk-3.0"
    listing = json.loads((folder / "service_list.json").read_text())
    full = json.loads((folder / "service_full.json").read_text())
    return FeedServer([listing], {full["id"]: full})


def _long_text(number: int) -> str:
    """Real-world-like provider text: about 100 words, a sentence over 25 words, HTML and a list."""
    paragraphs = json.loads((FIXTURES / "v1-messy" / "details" / "CARER-008.json").read_text())["description"]
    chunks = paragraphs.split("</p>")
    first = chunks[number % 3] + "</p>" if chunks[number % 3].startswith("<p>") else "<p>Support for carers.</p>"
    return first + "<ul><li>Advice &amp; information</li><li>Groups&nbsp;every week</li></ul>"


def big_feed(count: int, page_size: int = 100) -> FeedServer:
    """A v1 feed of `count` services, list items without details (so each is fetched), messy as real feeds."""
    records = []
    for i in range(count):
        record = {
            "id": f"SVC-{i:05d}" if i % 2 else f"00000000-0000-4000-8000-{i:012d}",
            "name": f"Carers service {i}", "status": "active", "description": _long_text(i),
            "url": "http://www.example.org/" if i % 10 == 0 else f"https://services.example.org/{i}",
            "email": "" if i % 3 else f"team{i}@example.org", "fees": "Free" if i % 2 else "",
            "attending_access": ["referral", "drop-in", ""][i % 3],
            "pc_metadata": {"date_modified": f"2026-{1 + i % 9:02d}-15T10:00:00Z"},
            "organization": None if i % 25 == 0 else {"id": f"ORG-{i % 40}", "name": f"Carers Charity {i % 40}",
                                                      "description": "<p>A charity.</p>", "url": ""},
            "contacts": [{"id": f"C{i}", "phones": [{"id": f"P{i}", "number": "0161 496 0123" if i % 7 else "0123"}]}],
            "service_at_locations": [{"id": f"SL{i}", "location": {
                "id": f"L{i}", "name": f"Community centre {i % 50}", "latitude": 53.1, "longitude": -2.4,
                "physical_addresses": [{"address_1": f"{i % 90 + 1} High Street", "city": "Crewe",
                                        "postal_code": "CW1 2DH", "country": "GB"}]}}],
            "regular_schedules": [{"id": f"R{i}", "byday": "MO,WE", "opens_at": "09:00:00", "closes_at": "17:00:00"}],
            "service_areas": [{"id": f"SA{i}", "service_area": "Cheshire East"}],
            "service_taxonomys": [{"id": f"T{i}", "taxonomy": {"id": f"esdServiceTypes:{[225, 298, 300, 1][i % 4]}",
                                                               "name": "term", "vocabulary": "esdServiceTypes"}}],
            "eligibilitys": [{"id": f"E{i}", "minimum_age": 18 if i % 2 else None, "maximum_age": None}],
        }
        records.append(record)
    listing = [{k: v for k, v in r.items() if not isinstance(v, list)} for r in records]
    pages = []
    total = max(1, -(-count // page_size))
    for number in range(1, total + 1):
        contents = listing[(number - 1) * page_size:number * page_size]
        pages.append({"total_items": count, "total_pages": total, "page_number": number, "size": page_size,
                      "first_page": number == 1, "last_page": number == total, "empty": not contents,
                      "contents": contents})
    return FeedServer(pages, {r["id"]: r for r in records})
