"""A field is described once, on its model (hooks/core/described.py): the editor, the importer, the open data,
search, the fixes in messages and the handbook read it from there. A new described field therefore needs only
the model, the template that shows it and its data: tested here with `delivery` and with a field made up here."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from conftest import ROOT, SITE, load_data
from support import yaml_fields
from carers_hub.core.yaml_source import load_text
from carers_hub.core import described as d
from carers_hub.data.service_models import Service
from carers_hub.data.site_data import fix_for
from carers_hub.directory.open_data import service_record
from carers_hub.directory.service_pages import _service_entry
from carers_hub.editor.widgets import model_fields
from carers_hub.importer import shapes
from carers_hub.tools import field_docs


class Marker:
    """An object pydantic knows nothing about."""


def test_pydantic_keeps_metadata_it_does_not_know_on_the_field():
    # Coupling: the design relies on this (docs/developers/how-it-works.md). If pydantic ever drops unknown
    # Annotated objects, or moves them, every described field would silently lose its description.
    mark = Marker()

    class Probe(BaseModel):
        plain: Annotated[int, mark] = 0
        optional: Annotated[list[Literal["a", "b"]] | None, mark, Field(description="with Field")] = None

    for name in ("plain", "optional"):
        assert any(item is mark for item in Probe.model_fields[name].metadata), name
    # Subclassing keeps them too (a council's model may extend ours).
    assert any(item is mark for item in type("Sub", (Probe,), {}).model_fields["optional"].metadata)


def test_service_describes_delivery_once_with_every_choice_labelled():
    kept = {field.name: field for field in d.described(Service)}
    assert "delivery" in kept
    for field in kept.values():
        if d.allowed(field.info):
            assert set(field.about.choices) == set(d.allowed(field.info)), field.name
            assert field.oruk is None or set(field.oruk.values.values()) <= set(d.allowed(field.info))


# A field made up here, described as delivery is: every reader picks it up with no change to its code.
class Probed(Service):
    parking: Annotated[list[Literal["street", "car_park"]] | None, d.About(
        label="Where to park", hint="Parking near the service.", example="[car_park]",
        choices={"street": "On the street", "car_park": "In a car park"}, search=True,
    ), d.Oruk(read=("parking", "service_at_locations[].parking"), write=("parking",),
              values={"street parking": "street"})] = None


def test_a_feed_table_on_a_field_without_fixed_choices_is_refused_at_first_use():
    """Oruk.values maps a feed's words to choices: on free text it would choose values the model refuses."""
    import pytest

    class FreeText(Service):
        parking: Annotated[str | None, d.About(label="Parking", hint="Parking near.", example="street"),
                           d.Oruk(read=("parking",), write=("parking",), values={"street parking": "street"})] = None

    with pytest.raises(TypeError, match="FreeText.parking: Oruk.values needs a field of fixed choices"):
        d.described(FreeText)


def feed_with(path: str, value: str) -> dict:
    """A feed record holding value at path ("a[].b": b in the one item of the list a)."""
    *parents, last = path.split(".")
    record = node = {}
    for step in parents:
        node[step.removesuffix("[]")] = [child := {}]
        node = child
    node[last] = value
    return record


def test_every_described_field_reaches_every_reader_from_its_metadata():
    data, directory = load_data()
    listing = next(iter(directory.by_id.values()))  # any service: the described fields are put in below
    for model, values in ((Service, {"delivery": ["phone"]}), (Probed, {"delivery": ["phone"], "parking": ["car_park"]})):
        service = model.model_validate({**listing.service.model_dump(), **values})
        for field in d.described(model):
            name, about = field.name, field.about
            words = about.words(values[name])
            # the editor's form
            form = next(f for f in model_fields(model) if f["name"] == name)
            assert form["label"] == about.label and about.hint in form["hint"] and about.example in form["hint"]
            assert [o["value"] for o in form["options"]] == list(about.choices)
            # the page's search text
            entry = _service_entry(replace(listing, service=service), data)
            assert f"<p>{about.label}: {', '.join(words)}.</p>" in entry["text"], entry
            # the open data
            record = d.open_data(service, {"schedules": []})
            assert record[field.oruk.write[0]] == ", ".join(words)
            # the importer: each place the feed may keep it, each word in its table, and the labels carers read
            for path in field.oruk.read:
                for words_in_feed, value in field.oruk.values.items():
                    feed = feed_with(path, words_in_feed.upper())
                    assert d.feed_choices(field, shapes._described(feed, model)[name]) == ([value], []), path
            assert d.feed_choices(field, ["; ".join(about.choices.values()) + ", nonsense"]) == \
                (list(about.choices), ["nonsense"])


def test_service_records_carry_delivery_in_the_open_data(tmp_path):
    services = Path(shutil.copytree(SITE / "data", tmp_path / "data")) / "services.yaml"
    if "delivery" in load_text(services.read_text())["services"][0]:
        yaml_fields.drop(services, "services", 0, "delivery")
    yaml_fields.add(services, ("services", 0), "delivery", "[in_person, phone, online]")
    data, directory = load_data(services.parent)
    service = load_text(services.read_text())["services"][0]["id"]
    record = service_record(directory.by_id[service], data)
    assert record["attending_type"] == "In person, By phone, Online"


def test_fixes_show_each_described_fields_example():
    for field in d.described(Service):
        assert field.about.example in fix_for("LIST_EMPTY", field.name)


def test_the_handbook_lists_every_described_field_as_the_model_describes_it():
    page = (ROOT / "docs" / "editors" / "services.md").read_text()
    assert field_docs.rewrite(page) == page, "run `make docs`"
    for field in d.described(Service):
        assert f"(`{field.name}`)" in page
        for value, label in field.about.choices.items():
            assert f"| `{value}` | {label} |" in page


def test_the_handbook_part_is_written_from_the_model():
    assert "Where to park" not in field_docs.section()  # the made-up field is not Service's
    assert all(f"(`{field.name}`)" in field_docs.section() for field in d.described(Service))


# The claim: delivery is named in the model, the template and the data, and in nothing else the site is made
# from. Every other reader finds it through described().
MADE_FROM = ("hooks", "overrides", "data", "mkdocs.yml")
NAMED_IN = {"hooks/data/service_models.py", "overrides/partials/carers/service-page.html", "data/services.yaml"}


def test_delivery_is_written_in_three_files_only():
    found = set()
    for top in MADE_FROM:
        path = ROOT / top
        for file in [path] if path.is_file() else path.rglob("*"):
            if file.is_file() and file.suffix in (".py", ".html", ".yaml", ".yml", ".js", ".json", ".md"):
                text = file.read_text(encoding="utf-8", errors="replace")
                if re.search(r"\bdelivery\b|home_visits|\battending_type\b", text) and "oruk-3.0" not in file.parts:
                    found.add(file.relative_to(ROOT).as_posix())
    assert found == NAMED_IN, found
