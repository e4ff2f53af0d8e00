"""Load every file in data/ into typed objects, or report every problem in words an editor understands."""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import Field, dataclass, field, fields
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, TypeVar

from pydantic import BaseModel, ValidationError

from carers_hub.core.today import today as current_date
from carers_hub.data import placeholders
from carers_hub.core import yaml_source
from carers_hub.core.yaml_source import FieldPath, field_name
from carers_hub.data import provenance, review
from carers_hub.core.described import described
from carers_hub.data.service_models import Service
from carers_hub.data.facts import Fact, FactsFile
from carers_hub.data.models import (Audience, AudiencesFile, Colours, Contact, ContactsFile, Council, CrisisPage, Footer,
                               GetHelpNow, GlossaryFile, GlossaryTerm, Picture, PicturesFile, ReadingLevels, SiteFile,
                               SiteInfo, SynonymsFile, WordsToAvoidFile)
from carers_hub.core.error_codes import ErrorCode
from carers_hub.core.problems import Problem, ProblemsFound, split_warnings

# An example value for each field, so a fix can show exactly what to write.
EXAMPLES = {
    "id": "carers_uk", "name": "Carers UK Helpline", "purpose": "Advice for carers.",
    "phone": '"020 7946 0000"', "sms": '"85258"', "textphone": '"18001 111"',
    "source": "{url: https://www.example.org/contact-us, kind: own}", "kind": "own", "dated": "2026", "checked": "2026-11-23",
    "website": "https://www.example.org",
    "url": "https://carers.example.org/", "primary": '"#1d4f91"', "accent": '"#b10e1e"',
    "title": "Carer's assessment", "description": "What a carer's assessment is and how to ask for one.",
    "owner": "carers-team@example.org", "last_reviewed": "2026-11-23", "review_by": "2027-05-23",
    "audience": "[all-carers]", "label": "Young carers", "term": "Direct payment",
    "categories": "[carers-advice]", "days": "[monday, friday]", "opens": '"09:00"', "closes": '"17:00"',
    "area": "England", "how_to_access": "self-referral", "organisation": "carers-uk",
    "definition": "Money from the council that you use to buy support.",
    "unit": "pounds_per_week", "value": "86.45", "valid_from": "2026-04-06", "valid_until": "2027-04-05",
    # and each described field's own (hooks/core/described.py)
    **{kept.name: kept.about.example for kept in described(Service)},
}

# Pydantic's error types as the site's codes; each code's fix is in core/error_codes.py (ErrorCode.fix).
PYDANTIC_CODES = {
    "missing": "FIELD_MISSING",
    "extra_forbidden": "FIELD_UNKNOWN",
    "string_type": "FIELD_NOT_TEXT",
    "list_type": "FIELD_NOT_LIST",
    "bool_type": "FIELD_NOT_YES_NO",
    "bool_parsing": "FIELD_NOT_YES_NO",
    "model_type": "SECTION_INVALID",
    "dict_type": "SECTION_INVALID",
    "model_attributes_type": "SECTION_INVALID",
    "date_type": "DATE_INVALID",
    "date_parsing": "DATE_INVALID",
    "date_from_datetime_parsing": "DATE_INVALID",
    "date_from_datetime_inexact": "DATE_INVALID",
    "time_parsing": "TIME_INVALID",
    "time_type": "TIME_INVALID",
    "literal_error": "VALUE_NOT_ALLOWED",
    "too_short": "LIST_EMPTY",
    "greater_than_equal": "NUMBER_OUT_OF_RANGE",
    "less_than_equal": "NUMBER_OUT_OF_RANGE",
    "float_parsing": "NUMBER_INVALID",
    "int_parsing": "NUMBER_INVALID",
    "float_type": "NUMBER_INVALID",
}

GENERIC_FIX = "Check the value against the example in the handbook."

Model = TypeVar("Model", bound=BaseModel)


def fix_for(code: str, field: str) -> str:
    fix = ErrorCode[code].fix if code in ErrorCode.__members__ else ""
    fix = fix or GENERIC_FIX
    return fix.replace("{field}", field).replace("{example}", EXAMPLES.get(field, "..."))


def to_problems(error: ValidationError, source: yaml_source.Located) -> list[Problem]:
    problems = []
    for item in error.errors():
        # A check of a whole record names the field it is about (ctx "field"), so the problem points at its line.
        loc = tuple(item["loc"]) + tuple(filter(None, [(item.get("ctx") or {}).get("field")]))
        code = PYDANTIC_CODES.get(item["type"], item["type"] if item["type"].isupper() else "VALUE_INVALID")
        if code == "SECTION_INVALID" and not loc:  # the whole file (or top block) is a list or a value
            code = "FIELDS_MISSING"
        last = yaml_source.last_name(loc)
        custom = item["type"].isupper()  # our own checks in fields.py and models.py
        problems.append(Problem(
            code=code, file=source.file, line=source.line(loc), field=field_name(loc),
            message=f"this {item['msg']}." if custom else _plain_message(code, item["msg"]),
            fix=fix_for(code, last),
        ))
    return problems


def _plain_message(code: str, message: str) -> str:
    return {
        "FIELD_MISSING": "this required field is missing.",
        "FIELD_UNKNOWN": "this is not a field we know.",
        "FIELD_NOT_TEXT": "this should be text.",
        "FIELD_NOT_LIST": "this should be a list.",
        "FIELD_NOT_YES_NO": "this should be true or false.",
        "FIELDS_MISSING": "this is not written as 'name: value' fields, one a line.",
        "SECTION_INVALID": "this section is not written the right way.",
        "DATE_INVALID": "this is not a date.",
        "TIME_INVALID": "this is not a time.",
        "VALUE_NOT_ALLOWED": f"this is not an allowed value ({message}).",
        "LIST_EMPTY": "this list is empty.",
        "NUMBER_OUT_OF_RANGE": f"this number is out of range ({message}).",
        "NUMBER_INVALID": "this is not a number.",
    }.get(code, message + ".")


def validate(model: type[Model], source: yaml_source.Located) -> Model:
    try:
        return model.model_validate(source.data if source.data is not None else {})
    except ValidationError as error:
        raise ProblemsFound(to_problems(error, source)) from None


def data_file(name: str) -> Any:
    """A SiteData field read from data/<name>, checked against the field's model."""
    return field(metadata={"file": name})


@dataclass(frozen=True)
class SiteData:
    """Every file in data/ the pages use, checked. A new data file is its model (models.py) and a field here."""

    site_file: SiteFile = data_file("site.yaml")
    contacts_file: ContactsFile = data_file("contacts.yaml")
    audiences_file: AudiencesFile = data_file("audiences.yaml")
    glossary_file: GlossaryFile = data_file("glossary.yaml")
    pictures_file: PicturesFile = data_file("pictures.yaml")
    synonyms_file: SynonymsFile = data_file("synonyms.yaml")
    facts_file: FactsFile = data_file("facts.yaml")
    words_to_avoid_file: WordsToAvoidFile = data_file("words-to-avoid.yaml")
    # Where each file's fields are (by file name), for checks that run later in the build (e.g. page links).
    sources: dict[str, yaml_source.Located] = field(default_factory=dict, repr=False)
    problems: tuple[Problem, ...] = ()  # warnings: the preview's placeholders, read as stand-ins

    @property
    def site(self) -> SiteInfo:
        return self.site_file.site

    @property
    def council(self) -> Council:
        return self.site_file.council

    @property
    def colours(self) -> Colours:
        return self.site_file.colours

    @property
    def get_help_now(self) -> GetHelpNow:
        return self.site_file.get_help_now

    @property
    def crisis_pages(self) -> tuple[CrisisPage, ...]:
        return tuple(self.site_file.crisis_pages)

    @property
    def promised_pages(self) -> tuple[str, ...]:
        return tuple(self.site_file.promised_pages)

    @property
    def reading_level(self) -> ReadingLevels:
        return self.site_file.reading_level

    @property
    def footer(self) -> Footer:
        return self.site_file.footer

    @cached_property
    def contacts(self) -> dict[str, Contact]:
        """Local contacts (site.yaml) and helplines (contacts.yaml), by id."""
        out: dict[str, Contact] = {}
        for contact in [*self.site_file.contacts, *self.contacts_file.contacts]:
            out.setdefault(contact.id, contact)  # a second use of an id is reported by load_site_data
        return out

    @cached_property
    def audiences(self) -> dict[str, Audience]:
        return {a.id: a for a in self.audiences_file.audiences}

    @property
    def glossary(self) -> tuple[GlossaryTerm, ...]:
        return tuple(self.glossary_file.terms)

    @cached_property
    def facts(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts_file.facts}

    @cached_property
    def pictures(self) -> dict[str, Picture]:
        return {p.name: p for p in self.pictures_file.pictures}


def load_file(data_dir: Path, name: str, model: type[Model], root: Path,
              stand_ins: bool = False) -> tuple[Model | None, yaml_source.Located | None, list[Problem]]:
    """One data file, checked against its model and its UNIQUE keys. stand_ins (the preview only): a placeholder
    is a warning and is read as its stand-in (placeholders.with_stand_ins), when the file is then valid."""
    path = data_dir / name
    shown = _shown(path, root)
    try:
        source = yaml_source.load(path, shown)
    except ProblemsFound as found:
        return None, None, found.problems
    # A template's words left in: say so, rather than that they are not a valid id or address.
    unfinished = placeholders.in_data(source)
    standing_in = _with_stand_ins(model, source) if stand_ins and unfinished else None
    if standing_in is not None:
        loaded, source = standing_in
        unfinished = [dataclasses.replace(p, warning=True) for p in unfinished]
    else:
        try:
            loaded = validate(model, source)
        except ProblemsFound as found:
            return None, None, unfinished + [p for p in found.problems
                                             if not any(placeholders.covers(u, p) for u in unfinished)]
    problems = unfinished + [problem for list_name, key, code in getattr(model, "UNIQUE", ())
                for problem in duplicates(getattr(loaded, list_name), key, source, list_name, code)]
    return loaded, source, problems


def _with_stand_ins(model: type[Model], source: yaml_source.Located) -> tuple[Model, yaml_source.Located] | None:
    """The file read with its placeholders' stand-ins, or None if it is not valid even so (an id to fill in)."""
    standing_in = dataclasses.replace(source, data=placeholders.with_stand_ins(source.data))
    try:
        return validate(model, standing_in), standing_in
    except ProblemsFound:
        return None


def load_files(data_dir: Path, holder: type, root: Path,
               stand_ins: bool = False) -> tuple[dict[str, Any], dict[str, yaml_source.Located], list[Problem]]:
    """Every data_file field of a dataclass, loaded: (values by field name, sources by file name, problems)."""
    values: dict[str, Any] = {}
    sources: dict[str, yaml_source.Located] = {}
    problems: list[Problem] = []
    for item in fields(holder):
        if "file" not in item.metadata:
            continue
        name = item.metadata["file"]
        value, source, found = load_file(data_dir, name, _model_of(holder, item), root, stand_ins)
        problems += found
        values[item.name] = value
        if source is not None:
            sources[name] = source
    return values, sources, problems


def _model_of(holder: type, item: Field[Any]) -> type:
    model: type = typing.get_type_hints(holder)[item.name]
    return model


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def duplicates(items: list[Any], key: str, source: yaml_source.Located, list_name: str, code: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            problems.append(Problem(
                code=code, file=source.file, line=source.line((list_name, index, key)), field=f"{list_name}[{index}].{key}",
                message=f'the {key} "{value}" is used twice (first on line {source.line((list_name, seen[value], key))}).',
                fix=f"Give each entry its own {key}. If both entries are the same thing, delete one.",
            ))
        seen.setdefault(value, index)
    return problems


def _unknown_contacts(site: SiteFile, source: yaml_source.Located, contacts: dict[str, Contact]) -> list[Problem]:
    refs: list[tuple[FieldPath, str]] = [(("get_help_now", "top_contact"), site.get_help_now.top_contact)]
    refs += [(("get_help_now", "printed_contacts", i), c) for i, c in enumerate(site.get_help_now.printed_contacts)]
    refs += [(("footer", "contacts", i), c) for i, c in enumerate(site.footer.contacts)]
    refs += [(("crisis_pages", p, "contacts", i), c)
             for p, page in enumerate(site.crisis_pages) for i, c in enumerate(page.contacts)]
    return [
        Problem(code="CONTACT_UNKNOWN", file=source.file, line=source.line(loc), field=field_name(loc),
                message=f'there is no contact with the id "{ref}".',
                fix="Use the id of a contact in data/site.yaml or data/contacts.yaml: " + ", ".join(sorted(contacts)) + ".")
        for loc, ref in refs if ref not in contacts
    ]


def _missing_icons(pictures: list[Picture], source: yaml_source.Located) -> list[Problem]:
    from carers_hub.core.theme import icon_path

    return [Problem(code="PICTURE_ICON_MISSING", file=source.file, line=source.line(("pictures", i, "icon")),
                    field=f"pictures[{i}].icon", message=f'there is no icon "{p.icon}".',
                    fix="Use the name of an icon bundled with the theme, like material/phone. Search the names at "
                        "https://pictogrammers.com/library/mdi/ and write material/ before the name.")
            for i, p in enumerate(pictures) if not icon_path(p.icon).exists()]


def check_crisis_sources(contacts: list[Contact], source: yaml_source.Located) -> list[Problem]:
    """A crisis number is one a carer dials in the worst moment: only the provider's own, current page will do."""
    problems = []
    for index, contact in enumerate(contacts):
        if not contact.crisis:
            continue
        loc = ("contacts", index, "source")
        where: dict[str, Any] = dict(file=source.file, line=source.line(loc + ("kind",)), field=f"contacts[{index}].source.kind")
        if contact.source.kind not in provenance.OWN_WORDS or contact.source.weak:
            what = contact.source.weak or provenance.KIND_WORDS[contact.source.kind]
            problems.append(Problem(
                code="CRISIS_SOURCE_NOT_OWN", **where,
                message=f"{contact.name} is a crisis contact, but its source is {what}.",
                fix="Find the number on the provider's own website, put that page under source: url:, set kind: own "
                    "and checked: to today. Until then, take crisis: true off and the contact off the crisis pages."))
        elif contact.source.is_old(contact.checked):
            problems.append(Problem(
                code="CRISIS_SOURCE_OLD", file=source.file, line=source.line(loc + ("dated",)),
                field=f"contacts[{index}].source.dated",
                message=f"{contact.name} is a crisis contact, but its source is dated {contact.source.dated}, "
                        f"more than 2 years before it was checked.",
                fix="Find the number on a current page of the provider's own website and use that page as the source."))
    return problems


def crisis_check_due(contact: Contact) -> date:
    """Crisis numbers are checked at least every six months."""
    return contact.checked + review.SIX_MONTHS


def check_contacts_fresh(contacts: list[Contact], source: yaml_source.Located, today: date) -> list[Problem]:
    problems = []
    for index, contact in enumerate(contacts):
        where: dict[str, Any] = dict(file=source.file, line=source.line(("contacts", index, "checked")),
                                     field=f"contacts[{index}].checked")
        if contact.checked > today:
            problems.append(Problem(code="CHECKED_IN_FUTURE", message=f"the date {contact.checked} is in the future.",
                                    fix="Write the day you last checked the number against its source.", **where))
        elif contact.crisis and review.overdue(crisis_check_due(contact), today):
            problems.append(Problem(
                code="CRISIS_CONTACT_NOT_CHECKED",
                message=f"{contact.name} was last checked on {contact.checked}, more than 6 months ago.",
                fix=f"Check the number and hours against {contact.source.url or contact.source.title}, then set "
                    "'checked:' to today's date.",
                **where))
    return problems


def load_site_data(data_dir: Path, root: Path | None = None, today: date | None = None,
                   check_dates: bool = True, stand_ins: bool = False) -> SiteData:
    """Read and check every data file; raise ProblemsFound listing every problem in all of them.

    check_dates=False skips the review-date checks, for reports that list what is overdue; stand_ins: the
    preview's (load_file)."""
    root = root or data_dir.parent
    today = today or current_date()
    values, sources, problems = load_files(data_dir, SiteData, root, stand_ins)
    if None in values.values():  # a file that cannot be read would make every reference to it look wrong
        raise ProblemsFound(problems)
    problems, warnings = split_warnings(problems)
    data = SiteData(**values, sources=sources, problems=tuple(warnings))
    site_src, contacts_src = sources["site.yaml"], sources["contacts.yaml"]
    problems += _missing_icons(data.pictures_file.pictures, sources["pictures.yaml"])
    problems += _duplicate_contacts(data, site_src, contacts_src)
    problems += check_crisis_sources(data.site_file.contacts, site_src)
    problems += check_crisis_sources(data.contacts_file.contacts, contacts_src)
    if check_dates:
        problems += check_contacts_fresh(data.site_file.contacts, site_src, today)
        problems += check_contacts_fresh(data.contacts_file.contacts, contacts_src, today)
    problems += _unknown_contacts(data.site_file, site_src, data.contacts)
    if problems:
        raise ProblemsFound(problems)
    return data


def _duplicate_contacts(data: SiteData, site_src: yaml_source.Located, contacts_src: yaml_source.Located) -> list[Problem]:
    """Contact ids are shared by site.yaml and contacts.yaml, so each must be unique across both."""
    problems, seen = [], set()
    for file, src in ((data.site_file, site_src), (data.contacts_file, contacts_src)):
        for index, contact in enumerate(file.contacts):
            if contact.id in seen:
                problems.append(Problem(
                    code="CONTACT_DUPLICATE_ID", file=src.file, line=src.line(("contacts", index, "id")),
                    field=f"contacts[{index}].id",
                    message=f'the id "{contact.id}" is already used by another contact.',
                    fix="Give each contact its own id. If both are the same contact, delete one.",
                ))
            seen.add(contact.id)
    return problems


def page_link_problems(data: SiteData, known: set[str]) -> list[Problem]:
    """Pages that data/ points at must exist, in content/ or made from data (`known`: their paths)."""
    site, glossary = data.sources["site.yaml"], data.sources["glossary.yaml"]
    wanted: list[tuple[yaml_source.Located, FieldPath, str]] = [(site, ("get_help_now", "page"), data.get_help_now.page)]
    wanted += [(site, ("footer", "links", i, "page"), link.page) for i, link in enumerate(data.footer.links)]
    wanted += [(glossary, ("terms", i, "link"), term.link) for i, term in enumerate(data.glossary) if term.link]
    return [
        Problem(code="PAGE_LINK_UNKNOWN", file=source.file, line=source.line(loc), field=field_name(loc),
                message=f'"{page}" is not a page in content/ or made from data.',
                fix="Write the path of a page inside content/, for example support/carers-assessment.md.")
        for source, loc, page in wanted if page not in known
    ]


def promised_page_problems(data: SiteData, built: Callable[[str], bool], where: str) -> list[Problem]:
    """Each page data/site.yaml promises readers (promised_pages) that is not built: built(path) says whether it
    is, where says what was looked at (content/ while building, the built site in `make check`)."""
    site = data.sources["site.yaml"]
    return [
        Problem(code="PROMISED_PAGE_MISSING", file=site.file, line=site.line(("promised_pages", i)),
                field=f"promised_pages[{i}]", message=f'the site promises the page "{page}", but it is not {where}.',
                fix=f"Put content/{page} back (it is in the project's history) and build the whole site with make "
                    "site. If it has moved, write its new path here; if the council no longer offers it, take it "
                    "off promised_pages.")
        for i, page in enumerate(data.promised_pages) if not built(page)
    ]
