"""YAML is plain data: data/*.yaml and the pages' front matter may not use anchors, aliases or merge keys (the
browser editor never writes them), may not write a key twice, and have depth and size limits. Each refusal is a
Problem naming the file and line, never a hang, a silent winner or a RecursionError. hooks/core/yaml_source.py."""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ENV, ROOT, SITE, SUITE_TODAY, edit, line_of, load_data
from support import yaml_fields
from carers_hub.core import yaml_source
from carers_hub.core.problems import ProblemsFound
from carers_hub.data.front_matter import check_page
from carers_hub.data.site_data import load_site_data

FAST = 10  # seconds: generous for a refusal (well under 1 s here); an expanded bomb takes minutes and gigabytes
BOMB_MEMORY = 3 * 1024 ** 3  # bytes a bounded child may use, so a failing test cannot take the machine's memory


def laughs(levels: int = 9, width: int = 9, indent: str = "") -> str:
    """The "billion laughs": each level lists the one before `width` times (9 ** 9 strings once expanded)."""
    rows = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    rows += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * width)}]" for n in range(1, levels)]
    return "".join(indent + row + "\n" for row in rows)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (BOMB_MEMORY, BOMB_MEMORY))


def bounded(command: list[str], cwd: Path, seconds: float = FAST) -> str:
    """Run a child with a time and memory bound; its output, or the test fails saying it did not stop."""
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=seconds, env=ENV,
                              preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {seconds} s: the YAML's aliases were expanded, not refused")
    assert done.returncode != 0, "the bomb was accepted"
    return done.stdout + done.stderr


CHILD = textwrap.dedent("""\
    import sys
    from datetime import date
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from carers_hub.core.problems import ProblemsFound
""") + "{body}"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(SITE / "data", target)
    return target


def problems_of(data_dir: Path) -> list:
    with pytest.raises(ProblemsFound) as found:
        load_site_data(data_dir, root=data_dir.parent, today=SUITE_TODAY)
    return found.value.problems


def parse_problem(text: str, file: str = "x.yaml", **options):
    with pytest.raises(ProblemsFound) as found:
        yaml_source.parse(text, file, **options)
    [problem] = found.value.problems
    return problem


# -- billion laughs ------------------------------------------------------------------------------------------

def test_billion_laughs_in_a_data_file_is_refused_fast(data_dir):
    with (data_dir / "glossary.yaml").open("a") as glossary:
        glossary.write(laughs())
    body = (f"from carers_hub.data.site_data import load_site_data\n"
            f"try:\n"
            f"    load_site_data(Path({str(data_dir)!r}), root=Path({str(data_dir.parent)!r}), "
            f"today=date.fromisoformat({SUITE_TODAY.isoformat()!r}))\n"
            f"except ProblemsFound as found:\n"
            f"    sys.exit(str(found))\n")
    out = bounded([sys.executable, "-c", CHILD.format(root=str(ROOT), body=body)], ROOT)
    assert "[YAML_ALIAS]" in out and "data/glossary.yaml, line " in out, out
    assert "Traceback" not in out, out


def test_billion_laughs_in_front_matter_is_refused_fast(tmp_path):
    page = tmp_path / "page.md"
    page.write_text((SITE / "content" / "index.md").read_text().replace("---\n", "---\n" + laughs(), 1))
    body = (f"from carers_hub.data.front_matter import check_page\n"
            f"meta, problems = check_page(Path({str(page)!r}).read_text(), 'content/index.md', {{'adult-carers'}}, "
            f"date.fromisoformat({SUITE_TODAY.isoformat()!r}))\n"
            f"sys.exit('\\n'.join(map(str, problems)) or 'accepted')\n")
    out = bounded([sys.executable, "-c", CHILD.format(root=str(ROOT), body=body)], ROOT)
    assert "[YAML_ALIAS]" in out and "content/index.md, line 2" in out, out


def test_a_build_with_a_billion_laughs_in_front_matter_stops_quickly_with_the_problem(project):
    """End to end: MkDocs reads front matter itself, and so does mkdocs-macros, each expanding every alias; the
    build's own check of every page (at on_files, before any page is read) must stop it first."""
    edit(project / "content" / "index.md", "---\n", "---\n" + laughs())
    out = bounded([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
                  project, seconds=60)
    assert "[YAML_ALIAS]" in out and "content/index.md, line 2" in out, out[-3000:]
    assert not (project / "site" / "index.html").exists()


# -- anchors, aliases and merge keys ----------------------------------------------------------------------------

def test_an_anchor_alone_is_refused_at_its_line(data_dir):
    contacts = data_dir / "contacts.yaml"
    edit(contacts, "    name: Emergency services", "    name: &name Emergency services")
    [problem] = problems_of(data_dir)
    assert (problem.code, problem.file, problem.line) == ("YAML_ALIAS", "data/contacts.yaml", 3)
    assert problem.field == "contacts[0].name" and "&name" in problem.message


def test_an_alias_is_refused_at_its_line():
    problem = parse_problem("a: &x 1\n", "data/site.yaml")
    assert problem.code == "YAML_ALIAS" and problem.line == 1
    problem = parse_problem("a: 1\nb: *x\n")  # an alias to nothing is refused the same way
    assert problem.code == "YAML_ALIAS" and problem.line == 2 and "*x" in problem.message


def test_a_merge_key_is_refused(data_dir):
    contacts = data_dir / "contacts.yaml"
    edit(contacts, '    phone: "999"\n', '    phone: "999"\n    <<: {hours: Never}\n')
    [problem] = problems_of(data_dir)
    assert (problem.code, problem.file, problem.line) == ("YAML_MERGE_KEY", "data/contacts.yaml", 6)
    assert problem.field == "contacts[0]"


# -- keys written twice ----------------------------------------------------------------------------------------

def test_a_key_written_twice_names_both_lines(data_dir):
    """A second name: under the first contact silently replaced the first (a second phone: replaced 999)."""
    contacts = data_dir / "contacts.yaml"
    name = json.dumps(yaml_fields.value(contacts, "contacts", 0, "name"))
    first = yaml_fields.set_value(contacts, ("contacts", 0, "name"), f"{name}\n    name: Another name")
    second = line_of(contacts, "name: Another name")
    [problem] = problems_of(data_dir)
    assert (problem.code, problem.file, problem.line, problem.field) == (
        "YAML_DUPLICATE_KEY", "data/contacts.yaml", second, "contacts[0].name")
    assert f"name is written twice, on lines {first} and {second}" in problem.message


def test_a_key_written_twice_in_front_matter_names_both_lines():
    text = "---\ntitle: One\ndescription: x\ntitle: Two\n---\nBody\n"
    meta, [problem] = check_page(text, "content/x.md", {"adult-carers"}, SUITE_TODAY)
    assert meta is None and problem.code == "YAML_DUPLICATE_KEY" and problem.line == 4
    assert "title is written twice, on lines 2 and 4" in problem.message


# -- depth and size --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "a: " + "[" * 5000 + "]" * 5000 + "\n",
    "a: " + '{"b": ' * 5000 + "1" + "}" * 5000 + "\n",  # JSON is YAML too
    "".join(" " * n + "- \n" for n in range(0, 10_000, 2)) + " " * 10_000 + "x\n",
], ids=["lists", "json", "block"])
def test_deep_nesting_is_refused_without_a_recursion_error(text):
    problem = parse_problem(text)
    assert problem.code == "YAML_TOO_DEEP" and problem.line
    with pytest.raises(ProblemsFound) as found:
        yaml_source.load_text(text, "data/x.yaml")
    assert found.value.problems[0].code == "YAML_TOO_DEEP"


def test_nesting_to_the_limit_is_read():
    depth = yaml_source.MAX_DEPTH
    assert yaml_source.load_text("[" * depth + "]" * depth) == eval("[" * depth + "]" * depth)


def test_a_data_file_too_large_is_refused_before_it_is_read(data_dir):
    """A file of services-imported.yaml's name, just over the limit (sparse: no disk is used)."""
    with (data_dir / "services-imported.yaml").open("wb") as huge:
        huge.truncate(yaml_source.MAX_FILE_SIZE + 1)
    with pytest.raises(ProblemsFound) as found:
        load_data(data_dir)
    assert [(p.code, p.file) for p in found.value.problems] == [("YAML_TOO_LARGE", "data/services-imported.yaml")]


def test_front_matter_too_large_is_refused():
    text = "---\ntitle: One\nnotes: " + "x" * yaml_source.MAX_FRONT_MATTER_SIZE + "\n---\nBody\n"
    meta, [problem] = check_page(text, "content/x.md", {"adult-carers"}, SUITE_TODAY)
    assert meta is None and (problem.code, problem.line) == ("YAML_TOO_LARGE", 1)


def test_load_text_refuses_what_parse_refuses():
    """load_text is what the tools use: the same rules, as the same Problems."""
    for text, code in (("a: &x 1\n", "YAML_ALIAS"), ("a: 1\na: 2\n", "YAML_DUPLICATE_KEY"),
                       ("<<: {a: 1}\n", "YAML_MERGE_KEY")):
        with pytest.raises(ProblemsFound) as found:
            yaml_source.load_text(text, "data/site.yaml")
        assert [(p.code, p.file) for p in found.value.problems] == [(code, "data/site.yaml")]


# -- make tidy -------------------------------------------------------------------------------------------------

def test_make_tidy_names_the_problem_instead_of_a_traceback(data_dir):
    from carers_hub.editor import canonical

    contacts = data_dir / "contacts.yaml"
    name = json.dumps(yaml_fields.value(contacts, "contacts", 0, "name"))
    yaml_fields.set_value(contacts, ("contacts", 0, "name"), f"{name}\n    name: Another name")  # written twice
    with pytest.raises(ProblemsFound) as found:
        canonical.canonical([contacts], data_dir.parent)
    assert [(p.code, p.file) for p in found.value.problems] == [("YAML_DUPLICATE_KEY", "data/contacts.yaml")]


@pytest.mark.parametrize("command", [["carers_hub.tools.new", "service", "carers-cafe", "Carers cafe"],
                                     ["carers_hub.editor.canonical"]], ids=["make new-service", "make tidy"])
def test_the_tools_name_the_problem_instead_of_a_traceback(project, command):
    """The commands read data/ themselves: they stop with the editor's message, and change nothing."""
    site = project / "data" / "site.yaml"
    short_name = yaml_fields.value(site, "council", "short_name")
    line = yaml_fields.set_value(site, ("council", "short_name"), f"{json.dumps(short_name)}\n  short_name: London") + 1
    before = {path: path.read_text() for path in (project / "data").glob("*.yaml")}
    done = subprocess.run([sys.executable, "-m", *command], cwd=project, capture_output=True, text=True, env=ENV,
                          timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-3000:]
    assert f"Error in data/site.yaml, line {line}" in done.stderr and "[YAML_DUPLICATE_KEY]" in done.stderr, done.stderr
    assert {path: path.read_text() for path in (project / "data").glob("*.yaml")} == before
