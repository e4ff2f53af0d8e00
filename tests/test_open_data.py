"""The Open Referral UK export: every record valid against the ORUK 3.0 schemas and our own typed model.

The schemas are copied into tests/fixtures/oruk-3.0/ with their licence, so these tests run on any clone; the
export's own model (hooks/directory/open_data.py) checks the essentials in every build as well.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import ROOT
from hooks.directory.open_data import ServiceList, ServiceRecord

SCHEMAS = ROOT / "tests" / "fixtures" / "oruk-3.0" / "schema"
PREFIX = "https://openreferraluk.org/specifications/3.0/schema/"


def registry() -> Registry:
    """Map the schemas' absolute $refs to the local folder: nothing is fetched."""
    resources = [(PREFIX + path.name, Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012))
                 for path in SCHEMAS.glob("*.json")]
    return Registry().with_resources(resources)


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text())
    return Draft202012Validator(schema, registry=registry(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def records(site: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((site / "oruk" / "services").glob("*.json")) if p.name != "index.json"]


def test_one_record_per_service(built_site):
    services = yaml.safe_load((ROOT / "data" / "services.yaml").read_text())["services"]
    found = records(built_site)
    assert len(found) == len(services) >= 30
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


def test_schema_check_can_fail(built_site):
    record = records(built_site)[0]
    broken = {**record, "id": "not-a-uuid", "status": "open"}
    assert list(validator("service.json").iter_errors(broken))
