"""No input ends in a traceback (issue 30, point 1).

Whatever an editor (or a tool) writes into any field of any file in data/, or of any page's front matter, the
build either reads it or stops with problems that each name the file, the line and the field. Hypothesis puts
values of every YAML type (numbers, dates, times, booleans, null, lists, maps, deep nesting, long and odd
Unicode, template and HTML text, control characters, and the shipped data's own values) into one field at a
time, and runs what the build runs before it renders a page (hooks/site_build.py: load_data, then
data_problems and add_data_pages, with every page's front matter), never MkDocs itself.

The fields are found by walking the shipped data/ and front matter, so a new field is covered without a change
here. The suite runs a fixed, repeatable budget; the weekly job runs more (ANY_INPUT_EXAMPLES=N).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings, strategies as st

from conftest import ROOT, SITE, SUITE_TODAY
from support import yaml_fields
from carers_hub.core.problems import Problem, ProblemsFound
from carers_hub.core.yaml_source import MAX_DEPTH, load_text
from carers_hub.data import front_matter
from carers_hub.data.fields import RESERVED_SERVICE_ID
from carers_hub.directory import selection
from carers_hub.site_build import SiteBuild, SiteView, load_data

# The suite's budget for each test; the weekly job sets ANY_INPUT_EXAMPLES for a longer run (.github/workflows).
SUITE_EXAMPLES = 150  # about 15 s for both properties on two cores
EXAMPLES = int(os.environ.get("ANY_INPUT_EXAMPLES", SUITE_EXAMPLES))
# Repeatable by default; ANY_INPUT_RANDOM=1 explores new values (a failure prints every value it drew).
BUDGET = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("ANY_INPUT_RANDOM"), database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

DATA_FILES = sorted(p.name for p in (SITE / "data").glob("*.yaml"))
PAGES = {p.relative_to(SITE / "content").as_posix(): p for p in sorted((SITE / "content").rglob("*.md"))}
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---\n", re.S)
# The only problems that name no line: a whole file missing, or one too large to read (no line in it helps).
NO_LINE = {"DATA_FILE_MISSING", "YAML_TOO_LARGE"}
# The only problems that name no field: about the whole file (missing, too large, not YAML, not fields at all).
NO_FIELD = {"DATA_FILE_MISSING", "YAML_TOO_LARGE", "YAML_SYNTAX", "PAGE_FRONT_MATTER_MISSING", "FIELDS_MISSING"}
ANY = "*"  # in a field's path: any item of a list


# -- every field -----------------------------------------------------------------------------------------------
def _paths(value, path=()) -> set[tuple]:
    """Every field's path in a file, with "*" for any list item: ("services", "*", "opening_hours", "*", "opens")."""
    found = {path}
    items = value.items() if isinstance(value, dict) else ((ANY, v) for v in value) if isinstance(value, list) else ()
    for key, inner in items:
        found |= _paths(inner, path + (key,))
    return found


def _front(text: str) -> str:
    return FRONT_MATTER.match(text).group(1) or ""


SHIPPED = {name: load_text((SITE / "data" / name).read_text(encoding="utf-8")) for name in DATA_FILES}
DATA_FIELDS = sorted(((name, path) for name, data in SHIPPED.items() for path in _paths(data)), key=repr)
PAGE_FIELDS = sorted({path for p in PAGES.values() for path in _paths(load_text(_front(p.read_text())))}, key=repr)


def _places(value, path: tuple, done=()) -> list[tuple]:
    """The real paths (list indexes filled in) that match a field's path."""
    if not path:
        return [done]
    head, rest = path[0], path[1:]
    if head == ANY:
        return [p for i, item in enumerate(value) for p in _places(item, rest, done + (i,))] if isinstance(value, list) else []
    return _places(value[head], rest, done + (head,)) if isinstance(value, dict) and head in value else []


def _shipped_scalars(value) -> list:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _shipped_scalars(v)]
    if isinstance(value, list):
        return [s for v in value for s in _shipped_scalars(v)]
    return [value]


# -- every kind of value, written as YAML --------------------------------------------------------------------
def as_yaml(value) -> str:
    """One value as YAML on one line (flow style), as it goes after `field: `."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=2 ** 30)
    return text.removesuffix("\n").removesuffix("\n...").strip()


# Written as they are, unquoted: what YAML 1.1 and 1.2 read differently, and what is easy to type by mistake.
RAW = ["09:00", "17:30", "9:00", "24:00", "09:00:00", "540", "1020", "-1", "0", "1e3", "0x1F", "0o17", "017",
       "1_000", ".inf", "-.inf", ".nan", "yes", "no", "on", "off", "y", "n", "True", "FALSE", "~", "null", "",
       "''", '""', "[]", "{}", "[[]]", "{a: }", "2026-02-30", "2026-13-01", "2026-11-23", "2026-11-23T09:00:00Z",
       "2026-11-23 09:00", "09:00Z", "09:00+01:00", '"09:00Z"', "page-2", "page-10", "index", "kind", "for", "in",
       "a-z", "404", "!!binary aGVsbG8=", "!!str 1", "!!int x", "!!python/object:os.system x", "&a 1", "*a",
       "<<", '"\\u202e evil"', '"\\0"', "'a\tb'", "https://example.org/", "javascript:alert(1)",
       "mailto:x@example.org", "../../etc/passwd", "/absolute.md", "content/index.md", "index.md", "-", "- a"]
TRICKY_TEXT = ["{{ 1 + 1 }}", "{% if x %}y{% endif %}", "{{ cycler.__init__.__globals__ }}", "{# x #}",
               "<script>alert(1)</script>", "<b>bold</b>", "<a href='javascript:alert(1)'>x</a>", "&lt;&amp;",
               "a\u202eb", "a\u2066b", "\x00", "\x07bell", "\x1b[31m", "line\nbreak", "\r\n", "\u00a0", "\ufeff",
               "Ünïcødé ñ 中文 العربية 🧑‍🦽", "\U0001f600" * 50, "a" * 5000, "word " * 2000, " ", "\t", "#",
               "@", "%", "`", "'", '"', "\\", "a: b", "- x", "? x", "!x", "&x", "*x", "|", ">"]
characters = st.characters(blacklist_categories=("Cs",))  # no lone surrogates: they cannot be written as UTF-8
scalars = st.one_of(
    st.integers(), st.integers(-2000, 2000), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.none(), st.dates(), st.text(characters, max_size=40), st.text(characters, min_size=200, max_size=3000),
    st.sampled_from(range(len(TRICKY_TEXT))).map(TRICKY_TEXT.__getitem__))  # by index: a short name in reports
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(characters, max_size=12) | st.integers(), inner, max_size=4),
                      max_leaves=12)


def deep(levels: int, kind: str) -> str:
    return ("[" * levels + "]" * levels) if kind == "list" else ("{a: " * levels + "1" + "}" * levels)


def yaml_texts(shipped: list) -> st.SearchStrategy[str]:
    """YAML for one value: any data, written out; raw tokens; nesting near and past the limit; and values the
    shipped data already holds (an id, a date, a page), which get further into the checks."""
    return st.one_of(
        values.map(as_yaml), st.sampled_from(RAW),
        st.builds(deep, st.integers(MAX_DEPTH - 3, MAX_DEPTH + 3) | st.integers(1, 3000), st.sampled_from(["list", "map"])),
        st.sampled_from(shipped).map(as_yaml),
        st.lists(st.sampled_from(shipped), min_size=1, max_size=3).map(as_yaml))


SHIPPED_SCALARS = sorted({repr(s): s for name in DATA_FILES for s in _shipped_scalars(SHIPPED[name])}.values(), key=repr)
HOLE = "zzANYINPUTzz"  # where the value goes, in the file written out


def with_value(data, place: tuple, text: str) -> str:
    """The file's data written out as YAML, with the field at `place` replaced by the YAML `text`."""
    if not place:
        return text + "\n"
    data = _copy(data)
    holder = data
    for key in place[:-1]:
        holder = holder[key]
    holder[place[-1]] = HOLE
    written = written_out(data)
    assert written.count(HOLE) == 1
    return written.replace(HOLE, text)


def written_out(data) -> str:
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                     allow_unicode=True, width=2 ** 30, default_flow_style=False)


def _copy(value):
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return [_copy(v) for v in value] if isinstance(value, list) else value


# -- what the build runs before rendering -------------------------------------------------------------------
@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of data/ and content/ to change, one file at a time (put back after each example)."""
    root = tmp_path_factory.mktemp("any-input")
    for part in ("data", "content"):
        shutil.copytree(SITE / part, root / part)
    return root


def build_up_to_pages(root: Path, today: date, page: tuple[str, str] | None = None) -> None:
    """What the build does with data/ and every page's front matter before it renders a page; `page` is a
    (path under content/, text) to read instead of that page's file, with the shipped data/ (read once: it is
    frozen). Raises ProblemsFound on errors."""
    data, directory = _shipped_data(today) if page else load_data(root, today)
    build = SiteBuild(root=root, today=today, make_leaflets=False, data=data, directory=directory)
    build.view = SiteView(data=data, directory=directory)
    crisis, problems = build.crisis_sources, []
    for src, path in PAGES.items():
        if page and page[0] != src:
            build.metas[src] = _shipped_meta(src, today)
            continue
        text = page[1] if page else path.read_text(encoding="utf-8")
        build.metas[src], found = front_matter.check_page(text, "content/" + src, set(data.audiences), today,
                                                          crisis=src in crisis)
        problems += found
    problems += build.data_problems(set(PAGES))
    errors = [p for p in problems if not p.warning]
    if errors:
        raise ProblemsFound(errors)
    build.add_data_pages(PAGES)
    for src in PAGES:  # what search is told of each page reads its front matter
        build.search_marks(src, "<article><h1>A page</h1><p>Some words.</p></article>")


@functools.lru_cache(maxsize=None)
def _shipped_data(today: date):
    return load_data(SITE, today)


@functools.lru_cache(maxsize=None)
def _shipped_meta(src: str, today: date):
    data, _ = _shipped_data(today)
    return front_matter.check_page(PAGES[src].read_text(encoding="utf-8"), "content/" + src, set(data.audiences),
                                   today)[0]


def assert_names_its_place(found: ProblemsFound, root: Path, whole: bool = False) -> None:
    """Each problem names a file there is, a line in it, and a field: no field only for a problem about the whole
    file (NO_FIELD), or when the whole file (or top block) is the one value written (`whole`)."""
    assert found.problems, "stopped with no problem to fix"
    for problem in found.problems:
        assert isinstance(problem, Problem)
        where = root / problem.file
        assert problem.file.startswith(("data/", "content/")) and where.is_file(), problem
        lines = where.read_text(encoding="utf-8").count("\n") + 1
        if problem.code in NO_LINE:
            assert problem.line is None or 1 <= problem.line <= lines, problem
        else:
            assert isinstance(problem.line, int) and 1 <= problem.line <= lines, problem
        assert isinstance(problem.field, str) and (problem.field or problem.code in NO_FIELD or whole), problem
        assert problem.message and problem.fix and re.fullmatch(r"[A-Z]+(?:_[A-Z]+)+", problem.code), problem


def run(root: Path, page: tuple[str, str] | None = None, whole: bool = False) -> None:
    try:
        build_up_to_pages(root, SUITE_TODAY, page)
        event("read, and the pages from data made")  # counted by --hypothesis-show-statistics
    except ProblemsFound as found:
        assert_names_its_place(found, root, whole)
        event("stopped: " + found.problems[0].code)


# -- the properties ---------------------------------------------------------------------------------------------
def test_fields_are_found_in_every_data_file_and_page():
    """The walk finds every file's fields (so a new one is covered), and the shipped site passes unchanged."""
    assert _paths({"services": [{"id": "a"}, {"opening_hours": [{"opens": "09:00"}]}]}) == {
        (), ("services",), ("services", ANY), ("services", ANY, "id"), ("services", ANY, "opening_hours"),
        ("services", ANY, "opening_hours", ANY), ("services", ANY, "opening_hours", ANY, "opens")}
    assert {name for name, _ in DATA_FIELDS} == set(DATA_FILES)
    every_service_field = {key for service in SHIPPED["services.yaml"]["services"] for key in service}
    assert {("services.yaml", ("services", ANY, key)) for key in every_service_field} <= set(DATA_FIELDS)
    assert ("audience", ANY) in PAGE_FIELDS and ("title",) in PAGE_FIELDS
    build_up_to_pages(SITE, SUITE_TODAY)


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_written_out_again_still_loads(project, name):
    """Writing a file out again (as the property does) changes nothing the build sees, so what it finds comes
    from the value put in."""
    path = project / "data" / name
    try:
        path.write_text(written_out(SHIPPED[name]), encoding="utf-8")
        build_up_to_pages(project, SUITE_TODAY)
    finally:
        shutil.copy2(SITE / "data" / name, path)


@BUDGET
@given(st.data())
def test_any_value_in_any_data_field(project, data):
    name, path = data.draw(st.sampled_from(DATA_FIELDS), label="field")
    place = data.draw(st.sampled_from(_places(SHIPPED[name], path)), label="place")
    text = data.draw(yaml_texts(SHIPPED_SCALARS), label="value")
    target = project / "data" / name
    try:
        target.write_text(with_value(SHIPPED[name], place, text), encoding="utf-8")
        run(project, whole=not place)
    finally:
        shutil.copy2(SITE / "data" / name, target)


PAGE_SCALARS = sorted({repr(s): s for p in PAGES.values()
                       for s in _shipped_scalars(load_text(_front(p.read_text())))}.values(), key=repr)


@BUDGET
@given(st.data())
def test_any_value_in_any_front_matter_field(project, data):
    path = data.draw(st.sampled_from(PAGE_FIELDS), label="field")
    pages = [(src, meta, place) for src, p in PAGES.items() for meta in [load_text(_front(p.read_text()))]
             for place in _places(meta, path)]
    src, meta, place = data.draw(st.sampled_from(pages), label="page")
    text = data.draw(yaml_texts(PAGE_SCALARS + SHIPPED_SCALARS[:50]), label="value")
    page = PAGES[src].read_text(encoding="utf-8")
    front = with_value(meta, place, text)
    text = "---\n" + front + ("" if front.endswith("\n") else "\n") + "---\n" + FRONT_MATTER.sub("", page, 1)
    run(project, (src, text), whole=not place)


# -- the tracebacks the property found first, each on its own ---------------------------------------------
def _replace_in(root: Path, name: str, old: str, new: str) -> Path:
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _problems(root: Path) -> list[Problem]:
    with pytest.raises(ProblemsFound) as stopped:
        build_up_to_pages(root, SUITE_TODAY)
    return stopped.value.problems


@pytest.fixture
def copy(tmp_path) -> Path:
    for part in ("data", "content"):
        shutil.copytree(SITE / part, tmp_path / part)
    return tmp_path


def _opening_at(root: Path, opens: str) -> tuple[str, int]:
    """Opening hours given to the first service without any, opening at `opens` (written as it is): that
    field's name and line."""
    path = root / "data" / "services.yaml"
    services = load_text(path.read_text(encoding="utf-8"))["services"]
    index = next(i for i, service in enumerate(services) if "opening_hours" not in service)
    line = yaml_fields.line(path, "services", index, "id")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    indent = " " * (len(lines[line - 1]) - len(lines[line - 1].lstrip(" -")))
    lines[line:line] = [f"{indent}opening_hours:\n", f"{indent}  - days: [monday]\n",
                        f"{indent}    opens: {opens}\n", f"{indent}    closes: 17:00\n"]
    path.write_text("".join(lines), encoding="utf-8")
    return f"services[{index}].opening_hours[0].opens", line + 3


def test_a_time_written_as_a_number_names_its_field(copy):
    """opens: 540 (what a YAML 1.1 tool makes of 09:00) was a TypeError comparing a time in UTC with one without."""
    field, line = _opening_at(copy, "540")
    [problem] = _problems(copy)
    assert (problem.code, problem.file, problem.field, problem.line) == (
        "TIME_AS_NUMBER", "data/services.yaml", field, line)
    assert '"09:00"' in problem.fix


def test_opening_hours_the_tests_give_a_service_are_read(copy):
    """The opening hours the two tests around this one write are good ones but for the time they break."""
    _opening_at(copy, "09:00")
    build_up_to_pages(copy, SUITE_TODAY)


def test_a_time_with_a_zone_names_its_field(copy):
    field, _ = _opening_at(copy, "09:00Z")
    [problem] = _problems(copy)
    assert (problem.code, problem.field) == ("TIME_INVALID", field)


def _more_services(root: Path, count: int) -> None:
    """`count` more copies of the first service, each with an id of its own, so the directory's list runs to a
    second page."""
    yaml_fields.like_first(root / "data" / "services.yaml", "services", *({"id": f"copy-{n}"} for n in range(count)))


def _first_id(root: Path, new: str) -> int:
    """The first service's id changed to `new`: its line."""
    return yaml_fields.set_value(root / "data" / "services.yaml", ("services", 0, "id"), new)


def test_a_service_called_page_2_on_a_directory_of_two_pages(copy):
    """A service whose id is page-2 made the same page as the directory's second page: a bare assert."""
    from carers_hub.directory.listing_pages import PER_PAGE

    _more_services(copy, PER_PAGE)
    line = _first_id(copy, "page-2")
    assert [(p.code, p.line, p.field) for p in _problems(copy)] == [("SERVICE_ID_RESERVED", line, "services[0].id")]
    _first_id(copy, "page-2-carers")  # the same name, not alone, is fine
    build_up_to_pages(copy, SUITE_TODAY)


@pytest.mark.parametrize("reserved", ["page-2", "page-17", "index", "kind", "for", "in"])
def test_a_service_id_the_directory_uses_names_its_field(copy, reserved):
    """Refused whatever the directory's size, so adding services never turns a good id into a clash."""
    line = _first_id(copy, reserved)
    problems = _problems(copy)
    assert [(p.code, p.file, p.line, p.field) for p in problems] == [
        ("SERVICE_ID_RESERVED", "data/services.yaml", line, "services[0].id")]


def test_reserved_service_ids_are_the_directory_s_own_addresses():
    """The rule in the data model matches the addresses hooks/directory/selection.py makes beside services/<id>."""
    own = {selection.Selection().src(), selection.Selection().src(page=2), selection.Selection().src(page=99)}
    own |= {selection.Selection(**{facet: "x"}).src().split("/")[1] for facet in selection.FACETS}
    for made in own:
        name = made.removeprefix(selection.ROOT + "/").removesuffix(".md")
        assert RESERVED_SERVICE_ID.fullmatch(name), made
    assert not RESERVED_SERVICE_ID.fullmatch("page-2-carers") and not RESERVED_SERVICE_ID.fullmatch("inside")


@pytest.mark.parametrize("kind", ["list", "map"])
def test_very_deep_yaml_names_its_file(copy, kind):
    """Nesting far past Python's recursion limit is refused by the reader, naming the file and the line."""
    _replace_in(copy, "glossary.yaml", "\n", "\nx: " + deep(100_000, kind) + "\n")
    [problem] = _problems(copy)
    assert (problem.code, problem.file, problem.line) == ("YAML_TOO_DEEP", "data/glossary.yaml", 2)


def test_very_deep_front_matter_names_its_page(project):
    text = PAGES["index.md"].read_text(encoding="utf-8").replace("---\n", "---\nx: " + deep(20_000, "list") + "\n", 1)
    meta, problems = front_matter.check_page(text, "content/index.md", set(), SUITE_TODAY)
    assert meta is None and [(p.code, p.line) for p in problems] == [("YAML_TOO_DEEP", 2)]


@pytest.mark.parametrize("saved", [
    '{"url": "U", "fetched": 0, "body": ' + "[" * 100_000 + "]" * 100_000 + "}",  # past Python's recursion limit
    '{"url": "U", "fetched": 0, "body": ' + "[" * 500 + "]" * 500 + "}",  # readable, deeper than a feed may be
    "[]", '"text"', '{"url": "U"}', '{"url": "U", "fetched": "yesterday", "body": []}', "\xff"])
def test_a_damaged_saved_answer_is_fetched_again(tmp_path, saved):
    """The importer's saved answers (.cache/, read when an import is resumed) are read as a feed's answers are:
    very deep JSON was a RecursionError, and a file that was not the importer's own an AttributeError."""
    from carers_hub.importer.fetch import Cache

    cache = Cache(tmp_path, wall=lambda: 1.0)
    cache.put("U", {"services": []})
    assert cache.get("U") == (True, {"services": []})
    cache._file("U").write_text(saved, encoding="utf-8")
    assert cache.get("U") == (False, None)


@pytest.mark.parametrize("value", ["2026-02-30", "!!int x", "!!float y", "!!timestamp 2026-99-01"])
def test_a_value_that_looks_like_a_date_or_number_but_is_not_names_its_field(copy, value):
    """PyYAML raised a bare ValueError for these (found by the property: '!!int x' in audiences.yaml)."""
    line = yaml_fields.set_value(copy / "data" / "services.yaml", ("services", 0, "last_reviewed"), value)
    [problem] = _problems(copy)
    assert (problem.code, problem.file, problem.line, problem.field) == (
        "YAML_VALUE_UNREADABLE", "data/services.yaml", line, "services[0].last_reviewed")


def test_review_dates_in_the_wrong_order_name_review_by():
    """A check of the whole top block named no field (found by the property: review_by: 0)."""
    text = PAGES["index.md"].read_text(encoding="utf-8")
    text = re.sub(r"review_by: .*", "review_by: 2000-01-01", text, count=1)
    _, problems = front_matter.check_page(text, "content/index.md", {"everyone"}, SUITE_TODAY)
    [problem] = [p for p in problems if p.code == "REVIEW_BEFORE_REVIEWED"]
    assert problem.field == "review_by" and problem.line == next(
        n for n, line in enumerate(text.splitlines(), 1) if line.startswith("review_by:"))


def test_an_empty_data_file_names_its_first_line(copy):
    """A missing field in an empty file named no line (found by the property: services.yaml emptied)."""
    (copy / "data" / "services.yaml").write_text("", encoding="utf-8")
    [problem] = _problems(copy)
    assert (problem.code, problem.file, problem.line, problem.field) == (
        "FIELD_MISSING", "data/services.yaml", 1, "services")


def test_the_weekly_job_runs_ten_times_the_suite_s_examples():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    assert "make test-any-input" in [step.get("run") for step in flow["jobs"]["weekly-checks"]["steps"]]
    target = (ROOT / "Makefile").read_text().split("\ntest-any-input:")[1].split("\n\n")[0]
    longer = re.search(r"^ANY_INPUT_EXAMPLES \?= (\d+)$", (ROOT / "Makefile").read_text(), re.M)
    assert "ANY_INPUT_EXAMPLES=$(ANY_INPUT_EXAMPLES)" in target and "tests/test_any_input.py" in target
    assert int(longer.group(1)) == 10 * SUITE_EXAMPLES


@pytest.mark.parametrize("value", ["~", "", "null"])
def test_a_search_option_left_empty_names_its_field(project, value):
    """`search:` with nothing under it passed the check and was an AttributeError when the page was marked for
    search (found by the property with ANY_INPUT_RANDOM=1: search: ~ on check/age.md)."""
    src = next(src for src, path in PAGES.items() if "search" not in load_text(_front(path.read_text())))
    text = PAGES[src].read_text(encoding="utf-8").replace("---\n", f"---\nsearch: {value}\n", 1)
    with pytest.raises(ProblemsFound) as stopped:
        build_up_to_pages(project, SUITE_TODAY, (src, text))
    assert [(p.code, p.file, p.line, p.field) for p in stopped.value.problems] == [
        ("SECTION_INVALID", f"content/{src}", 2, "search")]
