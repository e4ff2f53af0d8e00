"""Does what the Open Referral UK validator does to a feed, over HTTP, at Levels 1 and 2.

Our own implementation of the validator's documented steps (OpenReferralUK/oruk-validator, summarised in the
shared README) and the ORUK 3.0 OpenAPI file, so CI and `make check` find what the ORUK dashboard would:

- read `{base}/`: a JSON object whose `version` is HSDS-UK-3.0 (else the validator falls back to 1.0 and fails);
- for each list, ask `?page=1`, then the middle and the last page when `total_pages` > 1;
- take up to 10 ids from page 1 (the validator picks at random; `choose` makes that repeatable) and ask `/{id}`;
- validate every body against the schema the OpenAPI file names for that path, with the uuid, email, uri and
  date-time formats enforced.
Level 1 (`/services`) must answer; a Level 2 list that does not answer is a warning ("not implemented"), but a
Level 2 body that fails its schema makes the feed invalid, as the validator has it.

Pure apart from `fetch`: a test passes its own `get`, and nothing here reaches beyond the address it is given.
"""

from __future__ import annotations

import json
import random
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


ORUK = Path(__file__).parent / "oruk-3.0"  # ORUK 3.0's schemas (schema/) and OpenAPI file, unchanged
PREFIX = "https://openreferraluk.org/specifications/3.0/schema/"
VERSION = "HSDS-UK-3.0"
LEVELS = {"services": 1, "taxonomies": 2, "taxonomy_terms": 2, "organizations": 2, "service_at_locations": 2}
FORMATS = ("uuid", "email", "uri", "date-time")  # the formats the validator enforces
IDS_CHECKED = 10
JSON_TYPE = "application/json"


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    content_type: str = ""


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" makes the feed invalid; "warning" is what the dashboard shows as not implemented
    url: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.url}: {self.message}"


def fetch(url: str, timeout: float = 10) -> Answer:
    """GET, following redirects as the validator's HTTP client does."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return Answer(response.status, response.read(), response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as error:
        return Answer(error.code, b"")
    except (urllib.error.URLError, OSError) as error:
        return Answer(0, str(error).encode())


class Schemas:
    """The OpenAPI file's response schema for each path, its absolute $refs read from the local folder."""

    def __init__(self, folder: Path = ORUK):
        # Imported here: jsonschema takes about 2 s to import (its IRI format parser is built on import), which
        # every process importing this module (make check, each test worker) would pay before validating.
        from jsonschema import FormatChecker
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        resources = [(PREFIX + path.name, Resource.from_contents(json.loads(path.read_text()),
                                                                 default_specification=DRAFT202012))
                     for path in (folder / "schema").glob("*.json")]
        self.registry = Registry().with_resources(resources)
        # The standard's openapi.json (not schema/open_api.json, an older copy whose /services schema is wrong).
        self.paths = json.loads((folder / "openapi.json").read_text())["paths"]
        self.checker = FormatChecker(FORMATS)

    def errors(self, path: str, document) -> list[str]:
        from jsonschema import Draft202012Validator

        ref = self.paths[path]["get"]["responses"]["200"]["content"][JSON_TYPE]["schema"]["$ref"]
        validator = Draft202012Validator({"$ref": ref}, registry=self.registry, format_checker=self.checker)
        return [f"{'/'.join(map(str, e.absolute_path)) or 'the document'}: {e.message}"
                for e in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))]


class Run:
    """One validation of one feed: the findings, and every address asked, in order."""

    def __init__(self, base: str, schemas: Schemas, get: Callable[[str], Answer], choose):
        self.base, self.schemas, self.get, self.choose = base.rstrip("/"), schemas, get, choose
        self.findings: list[Finding] = []
        self.asked: list[str] = []

    def read(self, path: str, schema_path: str, severity: str, query: str = ""):
        """The JSON at base+path, checked against its schema; None when it did not answer with JSON."""
        url = self.base + path + query
        self.asked.append(url)
        answer = self.get(url)
        if answer.status != 200:
            self.findings.append(Finding(severity, url, f"answered {answer.status or 'nothing'}, not 200"))
            return None
        try:
            document = json.loads(answer.body)
        except ValueError:
            self.findings.append(Finding("error", url, "the answer is not JSON"))
            return None
        if answer.content_type and not answer.content_type.startswith(JSON_TYPE):
            self.findings.append(Finding("warning", url, f"sent as {answer.content_type}, not {JSON_TYPE}: "
                                                         "a strict client refuses it"))
        for error in self.schemas.errors(schema_path, document)[:10]:
            self.findings.append(Finding("error", url, error))
        return document

    def details(self) -> bool:
        document = self.read("/", "/", "error")
        if not isinstance(document, dict) or document.get("version") != VERSION:
            self.findings.append(Finding("error", self.base + "/", f'no "version": "{VERSION}": the validator '
                                                                   "would read this feed as HSDS-UK 1.0"))
            return False
        return True

    def endpoint(self, kind: str) -> None:
        severity = "error" if LEVELS[kind] == 1 else "warning"
        first = self.read(f"/{kind}", f"/{kind}", severity, "?page=1")
        if not isinstance(first, dict) or not isinstance(first.get("contents"), list):
            return
        pages = first.get("total_pages")
        if isinstance(pages, int) and pages > 1:
            for number in sorted({(pages + 1) // 2, pages} - {1}):
                self.read(f"/{kind}", f"/{kind}", "error", f"?page={number}")
        ids = [item["id"] for item in first["contents"] if isinstance(item, dict) and isinstance(item.get("id"), str)]
        if not ids:
            self.findings.append(Finding("warning", f"{self.base}/{kind}?page=1", "the list is empty: no record "
                                                                                 "to check"))
        for record_id in self.choose(ids, IDS_CHECKED):
            self.read(f"/{kind}/{record_id}", f"/{kind}/{{id}}", "error")


def first_ids(ids: list[str], count: int) -> list[str]:
    return ids[:count]


def at_random(ids: list[str], count: int) -> list[str]:
    return random.sample(ids, min(count, len(ids)))


def validate(base: str, get: Callable[[str], Answer] = fetch, schemas: Schemas | None = None,
             choose=at_random, levels: tuple[int, ...] = (1, 2)) -> Run:
    """Every step the validator takes against the feed at `base` (for this site, https://<site>/oruk)."""
    run = Run(base, schemas or Schemas(), get, choose)
    if run.details():
        for kind, level in LEVELS.items():
            if level in levels:
                run.endpoint(kind)
    return run


def errors(run: Run) -> list[Finding]:
    return [finding for finding in run.findings if finding.severity == "error"]
