"""Fetching a feed politely: a limit on requests a second, retries with back-off, a timeout, and a cache on disk
so an interrupted import resumes without asking for anything twice. And warily: each answer has one deadline
and a size limit, redirects stay on the feed's host (limits.py), and JSON that cannot be read (not UTF-8, not
JSON, nested too deep) is one FetchError, never a traceback.

Time comes from a Clock, so tests count requests a second, retry waits and deadlines without sleeping.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from carers_hub.importer import limits

USER_AGENT = "CarersHub-import/1 (+https://github.com/; make import-directory)"
RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}
MAX_PAGES = 10_000  # a feed that never says it has finished is stopped here
MAX_BYTES = 50_000_000  # one answer, or a saved file (--max-size)
MAX_DEPTH = 100  # JSON nested deeper is refused: ORUK records are under 10 deep, and Python's json stops near 1,000
ACCEPTED = "the import reads only https:// (or http://) addresses, and saved .json files named by their path"


class FetchError(Exception):
    """A request that failed for good: after its retries, or with an answer retrying cannot change."""


class Clock(Protocol):
    def now(self) -> float: ...
    def sleep(self, seconds: float) -> None: ...


def parse_json(raw: bytes, where: str) -> Any:
    """A JSON document, or a FetchError saying in one line why not."""
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise FetchError(f"{where} is not UTF-8 text (at byte {error.start + 1})") from None
    except RecursionError:
        raise FetchError(f"{where} is JSON nested too deep to read") from None
    except ValueError as error:  # json.JSONDecodeError, or a number too long to read
        raise FetchError(f"{where} is not JSON ({error})") from None
    if _deeper_than(document, MAX_DEPTH):
        raise FetchError(f"{where} is JSON nested too deep to read (more than {MAX_DEPTH} levels)")
    return document


def _deeper_than(document: Any, limit: int) -> bool:
    """Without recursion: a document just under Python's own limit would break what reads it next."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        inner = value.values() if isinstance(value, dict) else value
        stack.extend((item, depth + 1) for item in inner if isinstance(item, (dict, list)))
    return False


def read_saved(source: str, max_bytes: int = MAX_BYTES) -> Any:
    """A feed saved as a .json file, named by its path: never a device, a pipe or a file of another kind."""
    path = Path(source)
    if path.suffix.lower() != ".json":
        raise FetchError(f"{source} is not a saved .json file; {ACCEPTED}")
    if not path.is_file():
        raise FetchError(f"{source} could not be read ({'not a file' if path.exists() else 'there is no such file'})")
    if path.stat().st_size > max_bytes:
        raise FetchError(f"{source} is {limits.megabytes(path.stat().st_size)}, more than "
                         f"{limits.megabytes(max_bytes)}, the most the import reads (--max-size)")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FetchError(f"{source} could not be read ({error.strerror or error})") from None
    return parse_json(raw, source)


def check_source(source: str) -> None:
    """SOURCE is a feed's http(s) address or a file's path: a file:, ftp:, data: (or any other) address is
    refused, even one naming a saved file: that is read only when named by its path, on purpose."""
    scheme = urlsplit(source).scheme.lower()
    if len(scheme) > 1 and scheme not in ("http", "https"):  # one letter: a Windows drive (C:\feed.json)
        raise FetchError(f"{source} is a {scheme}: address; {ACCEPTED}")


class RealClock:
    def now(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class RateLimit:
    """At most `per_second` requests start in any one second, across threads (0: no limit)."""

    def __init__(self, per_second: float, clock: Clock):
        self.interval = 1.0 / per_second if per_second > 0 else 0.0
        self.clock = clock
        self._next = None
        self._lock = threading.Lock()
        self.waited = 0.0  # seconds spent waiting for a turn: the import's polite pauses

    def wait(self) -> float:
        """Wait for this request's turn; returns the moment it may start (on the clock)."""
        if not self.interval:
            return self.clock.now()
        with self._lock:
            now = self.clock.now()
            turn = max(now, self._next if self._next is not None else now)
            self._next = turn + self.interval
            self.waited += turn - now
        if turn > now:
            self.clock.sleep(turn - now)
        return turn


class Cache:
    """Answers already fetched, one file a URL, kept until the import finishes (then cleared).

    An interrupted import run again with the same source reads them instead of asking the feed again.
    Entries older than `max_age` seconds are ignored: a resume days later fetches afresh."""

    def __init__(self, folder: Path, max_age: float = 24 * 3600, wall: Callable[[], float] = time.time):
        self.folder, self.max_age, self.wall = folder, max_age, wall
        self.hits = 0

    def _file(self, url: str) -> Path:
        return self.folder / (hashlib.sha256(url.encode()).hexdigest()[:40] + ".json")

    def get(self, url: str) -> tuple[bool, Any]:
        path = self._file(url)
        try:  # read as an answer is (depth limit included): a damaged or edited file is fetched again
            saved = parse_json(path.read_bytes(), path.name)
        except (OSError, FetchError):
            return False, None
        fetched = saved.get("fetched") if isinstance(saved, dict) else None
        if (not isinstance(fetched, (int, float)) or saved.get("url") != url or "body" not in saved
                or self.wall() - fetched > self.max_age):
            return False, None
        self.hits += 1
        return True, saved["body"]

    def put(self, url: str, body: Any) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._file(url)
        temporary = path.with_suffix(f".{threading.get_ident()}.tmp")
        temporary.write_text(json.dumps({"url": url, "fetched": self.wall(), "body": body}), encoding="utf-8")
        os.replace(temporary, path)  # whole or not at all, even if the import is stopped mid-write

    def clear(self) -> None:
        if self.folder.exists():
            for path in self.folder.glob("*"):
                path.unlink()
            self.folder.rmdir()


@dataclass
class Stats:
    requests: int = 0
    retries: int = 0


class Fetcher:
    """GET JSON from a feed: rate-limited, retried, timed out, cached."""

    def __init__(self, rate: float = 5.0, retries: int = 3, timeout: float = 30.0, backoff: float = 1.0,
                 cache: Cache | None = None, clock: Clock | None = None, max_bytes: int = MAX_BYTES):
        self.clock = clock or RealClock()
        self.limit = RateLimit(rate, self.clock)
        self.retries, self.timeout, self.backoff, self.cache = retries, timeout, backoff, cache
        self.max_bytes = max_bytes
        self.stats = Stats()
        self._lock = threading.Lock()
        self._opener = limits.opener()

    def get(self, url: str) -> Any:
        if self.cache is not None:
            found, body = self.cache.get(url)
            if found:
                return body
        body = self._fetch(url)
        if self.cache is not None:
            self.cache.put(url, body)
        return body

    def _fetch(self, url: str) -> Any:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"{url} is not a web address; {ACCEPTED}")
        for attempt in range(self.retries + 1):
            self.limit.wait()
            with self._lock:
                self.stats.requests += 1
            wait = self.backoff * 2 ** attempt
            request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": USER_AGENT})
            request.limits = limits.Limits(self.clock, self.timeout, self.max_bytes)  # from now, for every hop
            try:
                with self._opener.open(request, timeout=self.timeout) as answer:
                    raw = limits.read_body(answer, request.limits)
                return parse_json(raw, url)
            except limits.RedirectRefused as refused:
                raise FetchError(str(refused)) from None
            except limits.Refused as refused:
                raise FetchError(f"{url} {refused}") from None
            except urllib.error.HTTPError as error:
                error.close()
                if error.code not in RETRY_STATUSES or attempt == self.retries:
                    raise FetchError(f"{url} answered HTTP {error.code}") from None
                wait = max(wait, _retry_after(error.headers.get("Retry-After")))
            except (OSError, http.client.HTTPException) as error:  # no connection, a timeout, a broken answer
                if attempt == self.retries:
                    reason = getattr(error, "reason", error)
                    if isinstance(reason, limits.TooSlow):
                        raise FetchError(f"{url} {reason}") from None
                    raise FetchError(f"{url} could not be fetched ({reason})") from None
            with self._lock:
                self.stats.retries += 1
            self.clock.sleep(wait)
        raise FetchError(f"{url} could not be fetched")  # not reached: the loop returns or raises


def _retry_after(value: str | None) -> float:
    try:
        return min(float(value), 120.0) if value else 0.0
    except ValueError:
        return 0.0


def with_page(url: str, number: int) -> str:
    """The address of page `number` of a list: ?page=n, keeping any other query the source had."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("page", str(number))])))


def items_of(document: Any) -> list | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in ("contents", "content", "items", "data", "services", "results"):
            if isinstance(document.get(key), list):
                return document[key]
    return None


def _number(document: dict, *keys: str) -> int | None:
    for key in keys:
        value = document.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
    return None


@dataclass(frozen=True)
class Page:
    number: int
    items: list
    total_pages: int | None
    total_items: int | None


def pages(get: Callable[[str], Any], first_url: str) -> Iterator[Page]:
    """Every page of a list: a plain JSON list is one page; a paged object is followed by ?page=n until its
    last page (ORUK's total_pages, page_number, last_page; or Spring's totalPages, last), or an empty page.
    A feed that ignores ?page= (the same items again) is stopped rather than read forever."""
    url, number, previous = first_url, 1, None
    while True:
        document = get(url)
        items = items_of(document)
        if items is None:
            raise FetchError(f"{url} is not a list of services (no contents)")
        total_pages = _number(document, "total_pages", "totalPages") if isinstance(document, dict) else None
        total_items = _number(document, "total_items", "totalElements") if isinstance(document, dict) else None
        signature = [item.get("id") if isinstance(item, dict) else item for item in items]
        if previous is not None and signature == previous:
            raise FetchError(f"{url} gave the same services as the page before: the feed ignores ?page=")
        yield Page(number, items, total_pages, total_items)
        last = document.get("last_page", document.get("last")) if isinstance(document, dict) else True
        if (not items or last is True or isinstance(document, list)
                or (total_pages is not None and number >= total_pages)
                or (total_pages is None and last is None) or number >= MAX_PAGES):
            return
        number, previous = number + 1, signature
        url = with_page(first_url, number)
