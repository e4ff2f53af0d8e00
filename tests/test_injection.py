"""Data never runs as code: markup or template code in any text field of any data file is refused with the
file, line and field; a quote mark, which plain text may hold, comes out inert in every built page."""

from __future__ import annotations

import copy
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import SITE, build, load_data
from carers_hub.core.yaml_source import load_text
from carers_hub.core.problems import ProblemsFound
from carers_hub.data.site_data import field_name

DATA_FILES = ["site.yaml", "contacts.yaml", "audiences.yaml", "glossary.yaml", "pictures.yaml", "synonyms.yaml",
              "organisations.yaml", "categories.yaml", "services.yaml", "facts.yaml"]
MARKUP = "<script>alert(1)</script>{{ config }}"
QUOTE = 'Q" onmouseover="alert(1)'


class Attributes(HTMLParser):
    """Every attribute name in a page, as a browser would read them."""

    def __init__(self):
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.names.update(name for name, _ in attrs)


def attribute_names(html: str) -> set[str]:
    parser = Attributes()
    parser.feed(html)
    return parser.names


def string_fields(node, path=()):
    """(path, value) of each text field: every field of the first item of each list (they share a model)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from string_fields(value, path + (key,))
    elif isinstance(node, list) and node:
        yield from string_fields(node[0], path + (0,))
    elif isinstance(node, str) and path[-1:] != ("dated",):  # a year, quoted as the browser editor saves it
        yield path, node


def put(doc, path, value):
    for part in path[:-1]:
        doc = doc[part]
    doc[path[-1]] = value


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return Path(shutil.copytree(SITE / "data", tmp_path / "data"))


@pytest.mark.parametrize("name", DATA_FILES)
def test_markup_in_any_text_field_is_refused_with_file_line_and_field(data_dir, name):
    original = load_text((data_dir / name).read_text())
    fields = list(string_fields(original))
    assert len(fields) >= 1
    for path, _ in fields:
        doc = copy.deepcopy(original)
        put(doc, path, MARKUP)
        (data_dir / name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
        with pytest.raises(ProblemsFound) as caught:
            load_data(data_dir)
        found = [p for p in caught.value.problems if p.file == f"data/{name}" and p.field == field_name(path)]
        assert found and found[0].line and found[0].fix, (name, field_name(path), [str(p) for p in caught.value.problems])


def test_a_quote_in_every_text_field_that_accepts_one_is_inert_in_every_page(tmp_path):
    """Plain text may hold a quote mark (Carers "Connect"); wherever it is printed it must stay text."""
    from support.project import copy_project

    project = copy_project(tmp_path / "project")
    data_dir = project / "data"
    accepted = []
    for name in DATA_FILES:
        doc = load_text((data_dir / name).read_text())
        for path, value in string_fields(doc):
            if path[-1] in ("purpose", "description", "definition") or "groups" in path:
                continue  # long text read by the reading checks; the same escaping as the fields tried
            before = copy.deepcopy(doc)
            put(doc, path, QUOTE + " " + value)
            (data_dir / name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
            try:
                load_data(data_dir)
                accepted.append(f"{name}:{field_name(path)}")
            except ProblemsFound:
                doc = before
                (data_dir / name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))
    assert len(accepted) > 20 and "site.yaml:council.name" in accepted and "services.yaml:services[0].name" in accepted
    result = build(project, tmp_path / "site", strict=False)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    pages = list((tmp_path / "site").rglob("*.html"))
    assert sum("onmouseover" in page.read_text() for page in pages) > 20, "the injected text is not shown at all"
    escaped_out = [page.relative_to(tmp_path / "site").as_posix() for page in pages
                   if "onmouseover" in attribute_names(page.read_text())]
    assert not escaped_out, f"a quote from data ended an attribute in: {escaped_out[:5]}"
