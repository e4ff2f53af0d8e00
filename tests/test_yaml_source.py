"""Lines in messages: hooks/core/yaml_source.py keeps the lines of the top two levels and finds deeper ones by
parsing one part of the file again. Every line it gives must be the one a whole parse gives."""

from __future__ import annotations

import pytest
import yaml

from conftest import SITE
from carers_hub.core import yaml_source
from carers_hub.core.problems import ProblemsFound


def every_line(text: str) -> dict:
    """The line of every field, from PyYAML's whole node tree (what the loader did before it kept less)."""
    lines: dict = {}
    node = yaml.compose(text, Loader=yaml_source.LOADER)
    if node is not None:
        yaml_source._walk(node, (), lines)
    return lines


def fields(value, path=()):
    """The path of every field in loaded data, list items by index."""
    yield path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, inner in items:
        yield from fields(inner, path + (key,))


NESTED = """\
# a comment
top:
  list:
    - {id: a, n: 1}
    - {id: b,
       n: 2}
  block: >-
    text over
    two lines
  deep:
    - name: x
      hours:
        - days: [monday, tuesday]
          opens: "09:00"
items:
  - id: one
    when: 2026-11-30
    source:
      url: https://example.org/
      kind: own
  -   id: two
      note: |
        kept
        as written
"""


@pytest.mark.parametrize("name", sorted(p.name for p in (SITE / "data").glob("*.yaml")) + ["nested"])
def test_every_field_has_the_line_a_whole_parse_gives(name):
    text = NESTED if name == "nested" else (SITE / "data" / name).read_text(encoding="utf-8")
    located = yaml_source.parse(text, name)
    assert located.data == yaml_source.load_text(text)
    expected = every_line(text)
    assert set(fields(located.data)) - {()} <= set(expected) and len(expected) > 1  # every field is compared
    wrong = {path: (line, located.line(path)) for path, line in expected.items() if located.line(path) != line}
    assert wrong == {}


def test_a_missing_field_points_at_its_nearest_written_parent():
    located = yaml_source.parse(NESTED, "x.yaml")
    assert located.line(("items", 0, "source", "title")) == located.line(("items", 0, "source")) == 18
    assert located.line(("items", 5, "id")) == located.line(("items",)) == 15


@pytest.mark.parametrize("text, reason", [
    ("a: 1\n---\nb: 2\n", "another document"),
    ("a: !!python/object:os.system x\n", "constructor"),
    ("a: [1\n", "expected"),
])
@pytest.mark.parametrize("read", [yaml_source.parse, yaml_source.load_text])
def test_what_the_safe_loader_refuses_is_a_yaml_syntax_problem_with_its_line(read, text, reason):
    """(Aliases, merge keys and keys written twice are refused too: tests/test_yaml_plain_data.py.)"""
    with pytest.raises(ProblemsFound) as found:
        read(text, "x.yaml")
    problem = found.value.problems[0]
    assert problem.code == "YAML_SYNTAX" and reason in problem.message and problem.line
