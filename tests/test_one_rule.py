"""One rule, written once: a service's id (the model, `carers-hub new-service` and the importer agree) and review
dates (pages, services, crisis contacts and facts are overdue on the same day; six months is one length)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from conftest import ROOT, SITE
from test_directory_data import GOOD as SERVICES
from test_front_matter import AUDIENCES, GOOD as PAGE
from carers_hub.core import yaml_source
from carers_hub.core.problems import ProblemsFound
from carers_hub.data import facts, review, site_data
from carers_hub.data.fields import service_id_error
from carers_hub.data.front_matter import check_page
from carers_hub.data.models import Contact, PageMeta
from carers_hub.data.service_models import Service
from carers_hub.directory.selection import SEGMENT
from carers_hub.importer import convert
from carers_hub.tools import new, new_site

A_SERVICE = yaml.safe_load(SERVICES)["services"][0]
RESERVED = ["index", "in", "for", "kind", "page-2", "page-10", *SEGMENT.values()]
IDS = st.one_of(st.sampled_from(RESERVED + ["carers_cafe", "carers-cafe", "page-2-cafe", "inside", "a"]),
                st.text("abcz019-_ IÉ.", max_size=12),
                st.from_regex(r"(page-[0-9]{1,3}|[a-z0-9]{1,4}([-_][a-z0-9]{1,4}){0,2})", fullmatch=True))


def model_accepts(service_id: str) -> bool:
    try:
        Service.model_validate({**A_SERVICE, "id": service_id})
    except ValidationError:
        return False
    return True


def new_service_accepts(service_id: str) -> bool:
    try:
        new._check_id(service_id)
    except ProblemsFound:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(IDS)
def test_the_model_and_new_service_accept_the_same_ids(service_id):
    accepted = model_accepts(service_id)
    assert new_service_accepts(service_id) == accepted == (service_id_error(service_id) is None)


@settings(max_examples=300, deadline=None)
@given(st.one_of(IDS, st.text(max_size=30)))
def test_the_importer_only_makes_ids_the_model_accepts(name):
    taken: set[str] = set()
    made = [convert.slugify(name, taken) for _ in range(3)]  # the same name thrice: page-2 style suffixes too
    assert len(set(made)) == 3 and all(model_accepts(i) for i in made), made


@pytest.mark.parametrize("service_id", ["page-2", "in", "index", "kind", "for"])
def test_an_address_the_directory_uses_is_refused_by_all_three(service_id):
    assert not model_accepts(service_id) and not new_service_accepts(service_id)
    assert convert.slugify(service_id, set()) != service_id


def test_new_service_refuses_page_2_with_the_file_field_and_fix_not_a_traceback(project, capsys):
    before = (project / "data" / "services.yaml").read_text()
    with pytest.raises(ProblemsFound) as raised:
        new.new_service("page-2", "Carers cafe", root=project)
    [problem] = raised.value.problems
    assert (problem.code, problem.file, problem.field) == ("SERVICE_ID_RESERVED", "data/services.yaml", "id")
    assert '"page-2"' in problem.message and "carers-cafe-page-2" in problem.fix
    assert (project / "data" / "services.yaml").read_text() == before


def test_new_service_takes_an_underscore_as_the_model_does(project):
    new.new_service("carers_cafe", "Carers cafe", root=project)
    assert "id: carers_cafe" in (project / "data" / "services.yaml").read_text()


# Review dates: due on the day, overdue the day after, for every kind of thing reviewed.
DUE = date(2027, 5, 23)


def page_overdue(today: date) -> bool:
    assert "review_by: 2027-05-01" in PAGE
    meta, found = check_page(PAGE.replace("review_by: 2027-05-01", f"review_by: {DUE}"), "content/a.md", AUDIENCES, today)
    assert meta is not None and meta.review_by == DUE, found
    return any(p.code == "PAGE_REVIEW_OVERDUE" for p in found)


def service_overdue(today: date) -> bool:
    return Service.model_validate({**A_SERVICE, "review_by": DUE}).overdue(today)


def crisis_contact_overdue(today: date) -> bool:
    contacts = yaml_source.load(SITE / "data" / "contacts.yaml", "data/contacts.yaml")
    contact = Contact.model_validate(next(c for c in contacts.data["contacts"] if c.get("crisis")))
    contact = contact.model_copy(update={"checked": DUE - review.SIX_MONTHS})
    assert site_data.crisis_check_due(contact) == DUE
    found = site_data.check_contacts_fresh([contact], contacts, today)
    return any(p.code == "CRISIS_CONTACT_NOT_CHECKED" for p in found)


def fact_overdue(today: date) -> bool:
    source = yaml_source.load(SITE / "data" / "facts.yaml", "data/facts.yaml")
    fact = facts.FactsFile.model_validate(source.data).facts[0].model_copy(update={"valid_until": DUE})
    return bool(facts.expired([fact], source, today))


@pytest.mark.parametrize("days", [-1, 0, 1])
def test_pages_services_crisis_contacts_and_facts_are_overdue_on_the_same_day(days):
    today = DUE + timedelta(days=days)
    expected = days > 0
    assert review.overdue(DUE, today) == expected
    assert {"page": page_overdue(today), "service": service_overdue(today), "crisis contact":
            crisis_contact_overdue(today), "fact": fact_overdue(today)} == dict.fromkeys(
        ["page", "service", "crisis contact", "fact"], expected)


def test_six_months_is_one_length_new_pages_and_sites_use_too():
    assert review.SIX_MONTHS == timedelta(days=183)
    assert new.REVIEW_AFTER == review.SIX_MONTHS and new_site.REVIEW_AFTER == review.SIX_MONTHS


@pytest.mark.parametrize("model, record", [(Service, A_SERVICE), (PageMeta, yaml.safe_load(PAGE.split("---")[1]))])
def test_review_by_must_come_after_last_reviewed_in_every_reviewed_model(model, record):
    with pytest.raises(ValidationError) as raised:
        model.model_validate({**record, "review_by": record["last_reviewed"]})
    [error] = raised.value.errors()
    assert error["type"] == "REVIEW_BEFORE_REVIEWED" and error["ctx"] == {"field": "review_by"}


# Coupling point "validators with mixins" (docs/developers/how-it-works.md): the mixin declares no fields, so
# each model's fields keep their order (the editor's form and make tidy follow it), and pydantic runs a base's
# after-validator before the model's own, so with both wrong the review dates are what is reported.
def test_the_mixin_leaves_each_models_fields_in_their_place():
    assert not review.Reviewed.model_fields
    assert list(PageMeta.model_fields)[2:5] == ["owner", "last_reviewed", "review_by"]
    assert list(Service.model_fields)[-3:] == ["last_reviewed", "review_by", "last_modified"]


def test_the_mixins_check_runs_before_the_models_own():
    with pytest.raises(ValidationError) as raised:
        Service.model_validate({**A_SERVICE, "review_by": "2026-01-01", "minimum_age": 30, "maximum_age": 20})
    assert [e["type"] for e in raised.value.errors()] == ["REVIEW_BEFORE_REVIEWED"]


# The theme's <article>: one helper finds it, marks it for search and reads it back without the marks.
THEME_PAGE = ('<html><body><nav><article>menu</article></nav><article class="md-content__inner md-typeset">'
              "<h1>Breaks</h1><p>Respite.</p></article><footer>x</footer></body></html>")


def test_the_article_helper_finds_marks_and_reads_the_theme_article():
    from carers_hub.outputs import abbreviations, article, leaflets, pagefind_index

    assert article.content(THEME_PAGE) == "<h1>Breaks</h1><p>Respite.</p>"  # not the menu's <article>
    marked = pagefind_index.mark_page(THEME_PAGE, pagefind_index.Marks(title="Breaks", words=("respite",)))
    assert article.bounds(marked, marked=True) and article.content(marked) == article.content(THEME_PAGE)
    assert "<h1>Breaks</h1>" in pagefind_index.search_document(marked) and "menu" not in pagefind_index.search_document(marked)
    expanded = abbreviations.expand_article(THEME_PAGE.replace("Respite.", "NHS."), {"NHS": "National Health Service"})
    assert "<abbr" in article.content(expanded) and "<abbr" not in expanded.partition(article.OPEN)[0]
    assert not hasattr(leaflets, "ARTICLE") and not hasattr(pagefind_index, "ARTICLE_OPEN")  # no second copy
    with pytest.raises(LookupError):
        pagefind_index.mark_page(THEME_PAGE.replace("md-typeset", "md-other"), pagefind_index.Marks(title="B"))
    assert article.mark(marked, "<p>again</p>") is None  # a page is marked once, never twice


# The UK's map limits and the ages a service may give: the model refuses, and the importer drops, the same values.
def importer_keeps(axis: str, value: float) -> bool:
    from types import SimpleNamespace

    from carers_hub.importer.shapes import FeedLocation

    notes = convert._Notes([], SimpleNamespace(id="x"), "A service")
    place = FeedLocation(name="Office", address=None, town=None, postcode=None, latitude=None, longitude=None,
                         accessibility=None)
    if axis in ("latitude", "longitude"):
        found = convert._location(place.__class__(**{**place.__dict__, axis: value}), notes) or {}
        return axis in found
    return convert._age(value, axis, notes) is not None


def model_keeps(axis: str, value: float) -> bool:
    from carers_hub.data.service_models import Location

    try:
        if axis in ("latitude", "longitude"):
            Location.model_validate({"name": "Office", axis: value})
        else:
            Service.model_validate({**A_SERVICE, axis: int(value)})
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("axis, value", [
    ("latitude", 48.99), ("latitude", 49.0), ("latitude", 61.0), ("latitude", 61.01),
    ("longitude", -8.71), ("longitude", -8.7), ("longitude", 2.0), ("longitude", 2.01),
    ("minimum_age", -1), ("minimum_age", 0), ("maximum_age", 120), ("maximum_age", 121)])
def test_the_importer_drops_exactly_what_the_model_refuses(axis, value):
    assert importer_keeps(axis, value) == model_keeps(axis, value)


# The list of data files: one, with a model for each, words-to-avoid.yaml included.
def test_every_data_file_the_example_and_a_new_site_hold_has_its_model_in_the_one_list():
    from carers_hub.data import data_files
    from carers_hub.editor import canonical, collections

    for folder in (SITE / "data", ROOT / "hooks" / "scaffold" / "data"):
        names = {p.name for p in folder.glob("*.yaml")}
        assert names <= data_files.MODELS.keys(), names - data_files.MODELS.keys()
    assert canonical.data_models() is data_files.MODELS
    assert {path.removeprefix("data/") for _, path, *_ in collections.DATA_FILES} <= data_files.MODELS.keys()


def test_words_to_avoid_are_checked_when_loaded_with_the_file_line_and_field(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(SITE / "data", data)
    words = data / "words-to-avoid.yaml"
    words.write_text(words.read_text().replace("purchase: buy", "purchase: <b>buy</b>"))
    with pytest.raises(ProblemsFound) as raised:
        site_data.load_site_data(data, root=tmp_path, today=DUE)
    [problem] = raised.value.problems
    assert (problem.code, problem.file, problem.line, problem.field) == (
        "TEXT_UNSAFE", "data/words-to-avoid.yaml", 2, "words.purchase")


# The editor's form patterns come from the field types the build checks with (coupling point "form patterns").
@pytest.mark.parametrize("model, name, good, bad", [
    (PageMeta, "owner", "team@example.org", "team at example"),  # a required field: pydantic keeps its metadata
    (Service, "id", "carers-cafe", "page-2"),
    (Service, "organisation", "carers-uk", "Carers UK"),  # an optional one: inside the Annotated type
    (Service, "phone", "020 7946 0000", "call us"),
])
def test_each_form_pattern_is_the_field_types_own_and_refuses_what_the_build_refuses(model, name, good, bad):
    import re

    from carers_hub.data.fields import FormPattern
    from carers_hub.editor import widgets

    info = model.model_fields[name]
    regex, message = widgets.form_field(name, info, {})["pattern"]
    kind = widgets._unwrap(info.annotation)[0]
    parts = [*getattr(kind, "__metadata__", ()), *info.metadata]
    assert [p.regex for p in parts if isinstance(p, FormPattern)] == [regex]
    assert re.match(regex, good) and not re.match(regex, bad)
    record = {**A_SERVICE} if model is Service else yaml.safe_load(PAGE.split("---")[1])
    model.model_validate({**record, name: good})
    with pytest.raises(ValidationError):
        model.model_validate({**record, name: bad})
    assert message


def test_the_missing_file_help_names_every_file_a_site_needs():
    from carers_hub.core.error_codes import ErrorCode
    from carers_hub.data import data_files

    needed = {name for name in data_files.MODELS if not name.endswith("-imported.yaml")}
    assert all(f"`{name}`" in ErrorCode.DATA_FILE_MISSING.help or f"`data/{name}`" in ErrorCode.DATA_FILE_MISSING.help
               for name in needed), needed
