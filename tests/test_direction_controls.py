"""Characters that change the direction text is shown in (U+202A-202E, U+2066-2069) are refused wherever an
editor types text: every field of every data file, a page's front matter and its words. Each problem says where
the hidden character is, so an editor can find something they cannot see."""

from __future__ import annotations

import copy

import pytest
import yaml

from conftest import SUITE_TODAY, edit, load_data
from support import yaml_fields
from carers_hub.core.problems import ProblemsFound
from carers_hub.core.yaml_source import load_text
from carers_hub.data.front_matter import check_page
from carers_hub.data.site_data import field_name
from test_front_matter import AUDIENCES, GOOD
from test_injection import DATA_FILES, data_dir, put, string_fields  # noqa: F401 (data_dir: a fixture)

CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
RLO = "\u202e"  # right-to-left override: "Samaritans 116 123" + RLO + "321" shows as "...116 123123"


def hide(value: str, control: str = RLO) -> str:
    """The value with a direction control after its first character: still valid in every other way."""
    return value[:1] + control + value[1:]


def problems(data_dir) -> list:
    with pytest.raises(ProblemsFound) as caught:
        load_data(data_dir)
    return caught.value.problems


@pytest.mark.parametrize("name", DATA_FILES)
def test_a_direction_control_in_any_text_field_of_any_data_file_is_refused(data_dir, name):
    original = load_text((data_dir / name).read_text())
    fields = list(string_fields(original))
    assert fields
    for path, value in fields:
        doc = copy.deepcopy(original)
        put(doc, path, hide(value))
        (data_dir / name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
        found = [p for p in problems(data_dir) if p.file == f"data/{name}" and p.field == field_name(path)]
        assert found and found[0].line, (name, field_name(path))
        # A field with a fixed list of choices (kind: own) refuses anything not on the list, this too.
        assert found[0].code in ("TEXT_DIRECTION_CONTROL", "VALUE_NOT_ALLOWED"), (name, field_name(path), found[0])
    (data_dir / name).write_text(yaml.safe_dump(original, allow_unicode=True, sort_keys=False))


def first_service_line(data_dir, field: str) -> tuple[int, str]:
    """The line number and text of the first service's `field:` in services.yaml (every site has one service)."""
    lines = (data_dir / "services.yaml").read_text().splitlines()
    first = next(n for n, line in enumerate(lines) if line.lstrip().startswith("- id:"))
    indent = " " * (len(lines[first]) - len(lines[first].lstrip()) + 2)
    n = next(n for n in range(first, len(lines)) if lines[n].startswith(f"{indent}{field}:")
             or lines[n].lstrip().startswith(f"- {field}:"))
    return n + 1, lines[n]


@pytest.mark.parametrize("control", CONTROLS)
def test_a_service_name_with_a_direction_control_names_the_file_line_field_and_character(data_dir, control):
    name = load_text((data_dir / "services.yaml").read_text())["services"][0]["name"]
    word = name.split()[0]  # the control goes after the name's first word, as a copied name might carry it
    line, text = first_service_line(data_dir, "name")
    key, _, value = text.partition(":")
    edit(data_dir / "services.yaml", text, f"{key}:{value.replace(word, word + control, 1)}")
    [problem] = problems(data_dir)
    assert (problem.code, problem.file, problem.field, problem.line) == (
        "TEXT_DIRECTION_CONTROL", "data/services.yaml", "services[0].name", line)
    assert f"at character {len(word) + 1}" in problem.message and "hidden character" in problem.fix


def test_an_opening_time_with_a_direction_control_is_reported_as_one_not_as_not_a_time(data_dir):
    """A time is typed as text ("09:00"): the hidden character is what an editor must be told about."""
    services = data_dir / "services.yaml"
    index = next(n for n, s in enumerate(load_text(services.read_text())["services"]) if s.get("opening_hours"))
    place = ("services", index, "opening_hours", 0, "opens")
    line = yaml_fields.set_value(services, place, '"0\u202e9:00"')
    [problem] = problems(data_dir)
    assert (problem.code, problem.file, problem.field, problem.line) == (
        "TEXT_DIRECTION_CONTROL", "data/services.yaml", field_name(place), line), problem
    assert "at character 2" in problem.message


def test_a_web_address_with_a_direction_control_or_a_direction_mark_is_refused(data_dir):
    # The first service's web address, or one the test gives it (a site's services need not have one).
    if "website" in load_text((data_dir / "services.yaml").read_text())["services"][0]:
        _, text = first_service_line(data_dir, "website")
        edit(data_dir / "services.yaml", text, text + "\u2066gro.live//:sptth")
    else:
        _, text = first_service_line(data_dir, "name")
        indent = " " * (len(text) - len(text.lstrip("- ")))
        edit(data_dir / "services.yaml", text, f"{text}\n{indent}website: https://www.carers.example/\u2066gro.live//:sptth")
    [problem] = problems(data_dir)
    assert (problem.code, problem.field) == ("TEXT_DIRECTION_CONTROL", "services[0].website")
    # A web address never needs the invisible marks either (U+200E, U+200F): refused, and called invisible.
    edit(data_dir / "services.yaml", "\u2066", "\u200f")
    [problem] = problems(data_dir)
    assert (problem.code, problem.field) == ("URL_UNSAFE", "services[0].website")
    assert "an invisible character" in problem.message


def test_a_page_title_with_a_direction_control_is_refused_by_name():
    page = GOOD.replace("title: Carer's assessment", f"title: Carer's {RLO}assessment")
    meta, found = check_page(page, "content/a.md", AUDIENCES, SUITE_TODAY)
    assert meta is None
    assert [(p.code, p.field, p.line) for p in found] == [("TEXT_DIRECTION_CONTROL", "title", 2)]


def test_a_page_body_with_a_direction_control_names_its_line_and_column():
    page = GOOD + "Call us on 0800 123 4567.\n\nWrite to \u2067the team\u2069 today.\n"
    meta, found = check_page(page, "content/a.md", AUDIENCES, SUITE_TODAY)
    line = GOOD.count("\n") + 3
    assert [(p.code, p.file, p.line) for p in found] == [("TEXT_DIRECTION_CONTROL", "content/a.md", line)]
    assert "column 10" in found[0].message and "column 10" in found[0].fix


def test_front_matter_the_model_does_not_check_is_read_too():
    # Every key of the top block is checked (PageMeta, PageOptions); a comment is not, and is read too.
    page = GOOD.replace("audience: [all-carers]\n", f"audience: [all-carers]\n# a note {RLO}for editors\n")
    _, found = check_page(page, "content/a.md", AUDIENCES, SUITE_TODAY)
    assert [(p.code, p.line) for p in found] == [("TEXT_DIRECTION_CONTROL", 8)]
