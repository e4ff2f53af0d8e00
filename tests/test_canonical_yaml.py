"""Every data file and every page's front matter is already written the way the browser editor saves it, so a
change made in the editor changes only what the editor changed (hooks/editor/canonical.py)."""

from __future__ import annotations

import difflib
import re
import shutil

import pytest
import yaml

from conftest import ROOT, SITE
from support import yaml_fields
from carers_hub.core.yaml_source import load_text
from carers_hub.editor.canonical import canonical, files


def test_every_data_file_and_page_is_already_in_the_editors_style():
    paths = files(SITE)
    assert len([p for p in paths if p.suffix == ".yaml"]) >= 10 and len(paths) > 20
    rewritten = canonical(paths, root=SITE)
    wrong = {p.relative_to(SITE).as_posix(): "\n".join(list(difflib.unified_diff(
        p.read_text(encoding="utf-8").splitlines(), text.splitlines(), n=0, lineterm=""))[2:8])
        for p, text in rewritten.items() if p.read_text(encoding="utf-8") != text}
    assert not wrong, f"Run make tidy. Not in the editor's style: {wrong}"


def test_data_files_carry_no_comment_an_edit_could_drop():
    for path in sorted((SITE / "data").glob("*.yaml")):
        lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.match(r"\s*#", line) or re.search(r"\s#", line.split('"')[0])]
        assert not lines, f"{path.name} has comments on lines {lines}"


def test_the_style_is_stable_and_one_edit_changes_one_line(tmp_path):
    """What the editor does to data/services.yaml when one service's name changes: that line, nothing else."""
    services = tmp_path / "services.yaml"
    shutil.copy2(SITE / "data" / "services.yaml", services)
    text = canonical([services], root=ROOT)[services]  # as the editor saved it (a site's own may not be yet)
    services.write_text(text, encoding="utf-8")
    name = yaml_fields.value(services, "services", 0, "name")
    line = yaml_fields.set_value(services, ("services", 0, "name"), f"{name} Again")
    was, now = text.splitlines()[line - 1], services.read_text(encoding="utf-8").splitlines()[line - 1]
    after = canonical([services], root=ROOT)[services]
    changed = [line for line in difflib.unified_diff(text.splitlines(), after.splitlines(), n=0, lineterm="")
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [f"-{was}", f"+{now}"] and now.endswith(" Again")


@pytest.mark.parametrize("value", ["17:00", "yes", "no", "on", "0123", "1_000"])
def test_values_the_editor_writes_without_quotes_are_read_back_as_it_meant_them(tmp_path, value):
    """The editor's YAML is 1.2: it writes the text 17:00 or yes without quotes. YAML 1.1 (PyYAML's default)
    would read them as the number 1020 and true: the build reads them as the editor meant (yaml_source.py)."""
    path = tmp_path / "values.yaml"
    path.write_text(yaml.safe_dump({"value": value}), encoding="utf-8")  # quoted by PyYAML, as an editor might
    written = canonical([path], root=ROOT)[path]
    assert load_text(written) == {"value": value}, written
    if value in ("17:00", "yes"):
        assert written == f"value: {value}\n"  # no quotes: so the reader must not be YAML 1.1's
        assert yaml.safe_load(written) != {"value": value}


def test_the_pages_keep_their_words_byte_for_byte():
    """Only front matter is restyled: a page's text after it is the editor's body, as written."""
    for path, text in list(canonical(sorted((SITE / "content").rglob("*.md"))).items())[:200]:
        assert text.split("\n---\n", 1)[1] == path.read_text(encoding="utf-8").split("\n---\n", 1)[1], path
