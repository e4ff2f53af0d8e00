"""Field types shared by every data file: safe text, https links, slugs, colours, phones.

Each check raises a PydanticCustomError whose type is also its error code, so
`site_data.to_problems` can turn it into an editor's message with a fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Annotated, Callable
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from carers_hub.data import phones

# Unicode's controls that change the direction text is shown in (embeddings, overrides, isolates: U+202A-202E,
# U+2066-2069). Invisible, they make words show in an order other than the one they are stored, read aloud and
# followed in ("Trojan Source"): a name or an address can look like another. Nothing in this site needs them.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def direction_control_at(text: str) -> int | None:
    """The column (from 1) of the first direction control in text, or None."""
    found = DIRECTION_CONTROLS.search(text)
    return found.start() + 1 if found else None


def _no_direction_controls(value: str) -> str:
    at = direction_control_at(value)
    if at:
        raise PydanticCustomError("TEXT_DIRECTION_CONTROL", "has a hidden character that changes the direction of "
                                  "text, at character {at}", {"at": at})
    return value


# First for every kind of text below, so each gives the same plain message, whatever else it checks.
_Visible = AfterValidator(_no_direction_controls)

# Text from data is shown as text: it must never carry markup or template code.
_UNSAFE = re.compile(r"<\s*/?\s*[a-zA-Z!]|\{\{|\{%|\{#|javascript:|data:", re.IGNORECASE)


def _safe_text(value: str) -> str:
    value = " ".join(value.split()) if "\n" not in value.strip() else value.strip()
    if not value:
        raise PydanticCustomError("TEXT_EMPTY", "is empty")
    found = _UNSAFE.search(value)
    if found:
        raise PydanticCustomError("TEXT_UNSAFE", 'contains "{found}", which is not allowed in text',
                                  {"found": found.group(0)})
    return value


# Characters a web address never needs, which could end an HTML attribute or hide a second address; and the
# invisible ones (zero-width spaces and joiners, direction marks), which could make it look like another.
_URL_UNSAFE = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f\u061c\u200b-\u200f\u2060\ufeff]")


def _web_address(value: str, schemes: tuple[str, ...], code: str, words: str) -> str:
    value = value.strip()
    unsafe = _URL_UNSAFE.search(value)
    if unsafe:
        found = unsafe.group(0)
        shown = {" ": "a space", '"': 'a " (quote)', "'": "a ' (quote)"}.get(
            found, repr(found) if found.isascii() else "an invisible character")
        raise PydanticCustomError("URL_UNSAFE", 'is "{value}", which has {found}: a web address cannot',
                                  {"value": value.encode("unicode_escape").decode(), "found": shown})
    parts = urlsplit(value)
    if parts.scheme.lower() not in schemes or not parts.netloc or "." not in parts.netloc:
        raise PydanticCustomError(code, 'is "{value}", which is not ' + words, {"value": value})
    return value


def _https_url(value: str) -> str:
    return _web_address(value, ("https",), "URL_NOT_HTTPS", "a full https:// web address")


def _web_url(value: str) -> str:
    """A service's own website, which may still be http:// (the page says so): never javascript:, data:, file:."""
    return _web_address(value, ("http", "https"), "URL_NOT_WEB", "a full https:// (or http://) web address")


def _email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        raise PydanticCustomError("EMAIL_INVALID", 'is "{value}", which is not an email address',
                                  {"value": value}) from None


_POSTCODE = re.compile(r"([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})")


def _postcode(value: str) -> str:
    match = _POSTCODE.fullmatch(" ".join(value.upper().split()))
    if not match:
        raise PydanticCustomError("POSTCODE_INVALID", 'is "{value}", which is not a UK postcode', {"value": value})
    return f"{match.group(1)} {match.group(2)}"


_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


def _description(value: str) -> str:
    """Plain text with a little Markdown: **bold** and [links](https://...), nothing else that runs."""
    value = _safe_text(value)
    for _, url in _MD_LINK.findall(value):
        _https_url(url)
    return value


SLUG_PATTERN = r"[a-z0-9]+(?:[-_][a-z0-9]+)*"  # also the browser editor's form pattern (hooks/editor)
COLOUR_PATTERN = r"#[0-9a-fA-F]{6}"


def _slug(value: str) -> str:
    if not re.fullmatch(SLUG_PATTERN, value):
        raise PydanticCustomError("ID_INVALID", 'is "{value}": use only small letters, numbers, - and _',
                                  {"value": value})
    return value


# A service's page is services/<id>/, beside the directory's own pages there: services/ (index), services/page-2/
# and the folders of its filters, kind/, for/ and in/ (hooks/directory/selection.py; tests/test_any_input.py
# checks the two agree). An id that is one of these would make two pages at one address.
RESERVED_SERVICE_ID = re.compile(r"index|kind|for|in|page-[0-9]+")


def _not_reserved(value: str) -> str:
    if RESERVED_SERVICE_ID.fullmatch(value):
        raise PydanticCustomError("SERVICE_ID_RESERVED", 'is "{value}", an address the directory uses for its own '
                                  "pages (services/{value}/)", {"value": value})
    return value


def _colour(value: str) -> str:
    if not re.fullmatch(COLOUR_PATTERN, value):
        raise PydanticCustomError("COLOUR_INVALID", 'is "{value}", which is not a colour like #1d4f91',
                                  {"value": value})
    return value.lower()


def _phone_check(parse: Callable[[str], object]) -> Callable[[str], str]:
    def check(value: str) -> str:
        try:
            parse(value)
        except phones.PhoneError as error:
            raise PydanticCustomError("PHONE_INVALID", 'is "{value}", which is {reason}',
                                      {"value": value, "reason": str(error)}) from None
        return " ".join(str(value).split())
    return check


def _as_text(value: object) -> object:
    # YAML reads 999 or 111 as numbers; editors should not need quotes for them.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _time_not_number(value: object) -> object:
    # A YAML 1.1 tool writes an unquoted 09:00 as 540 (minutes), and pydantic reads a number as seconds in UTC.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise PydanticCustomError("TIME_AS_NUMBER", "is the number {value}, not a time", {"value": value})
    return value


def _visible_if_text(value: object) -> object:
    # Before a value that is not text is read (a time): what an editor typed is checked as text first.
    return _no_direction_controls(value) if isinstance(value, str) else value


def _local_time(value: time) -> time:
    # Opening hours are the council's own clock: a time with a zone (09:00Z) cannot be compared with one without.
    if value.tzinfo is not None:
        raise PydanticCustomError("TIME_INVALID", "is {value}, a time with a time zone", {"value": value.isoformat()})
    return value


def _path_check(pattern: str, example: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = value.strip()
        if ".." in value or not re.fullmatch(pattern, value):
            raise PydanticCustomError("PATH_INVALID", 'is "{value}", which is not a path like {example}',
                                      {"value": value, "example": example})
        return value
    return check


def _pattern_check(pattern: str, code: str, what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        value = value.strip()
        if ".." in value or not re.fullmatch(pattern, value):
            raise PydanticCustomError(code, 'is "{value}", which is not {what}', {"value": value, "what": what})
        return value
    return check


@dataclass(frozen=True)
class FormPattern:
    """The shape a value must have as the browser editor's form checks it before saving (a JavaScript regex), and
    the build's code for a value without it, whose fix is the form's message. Part of a type below, so the form
    and the build read one rule (hooks/editor/widgets.py); pydantic ignores it (coupling point "form patterns").
    The build is stricter for phones (libphonenumber knows which UK ranges exist): a number can pass the form and
    still be refused by the build, never the other way round."""

    regex: str
    code: str


PHONE_FORM = FormPattern(r"^(0( ?[0-9]){7,10}|\+44( ?[0-9]){9,10}|[0-9]( ?[0-9]){2,5})$", "PHONE_INVALID")  # 0800 1111
TEXTPHONE_FORM = FormPattern(r"^18001 ?(0( ?[0-9]){7,10}|[0-9]( ?[0-9]){2,5})$", "PHONE_INVALID")
TIME_FORM = FormPattern(r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "TIME_INVALID")
SLUG_FORM = FormPattern("^" + SLUG_PATTERN + "$", "ID_INVALID")

SafeText = Annotated[str, _Visible, AfterValidator(_safe_text)]
# Paths inside the project: letters, numbers, - _ . and /, nothing that could leave an attribute or the folder.
ContentPath = Annotated[str, _Visible,
                        AfterValidator(_path_check(r"[a-z0-9][a-z0-9_/.-]*\.md", "support/carers-assessment.md"))]
# A folder of pages in content/ (ending in /) or one page: data/site.yaml's sourced_sections.
SectionPath = Annotated[str, _Visible, AfterValidator(_path_check(r"[a-z0-9][a-z0-9_/.-]*(?:/|\.md)", "money-and-work/"))]
AssetPath = Annotated[str, _Visible, AfterValidator(_path_check(
    r"[A-Za-z0-9][A-Za-z0-9_/.-]*\.(?:svg|png|jpg|jpeg|webp)", "assets/logo.svg"))]
IconName = Annotated[str, _Visible, AfterValidator(_path_check(r"[a-z0-9-]+/[a-z0-9-]+", "material/phone"))]
# One of the site's own scripts in overrides/assets/javascripts/, by its file name.
ScriptName = Annotated[str, _Visible, AfterValidator(_path_check(r"[a-z0-9][a-z0-9-]*\.js", "emergency-plan.js"))]
HttpsUrl = Annotated[str, _Visible, AfterValidator(_https_url),
                     FormPattern(r"^https://[^\s\"'<>`\\]+\.[^\s\"'<>`\\]+$", "URL_NOT_HTTPS")]
# Only a service's website: the page warns when it is http://.
WebUrl = Annotated[str, _Visible, AfterValidator(_web_url),
                   FormPattern(r"^https?://[^\s\"'<>`\\]+\.[^\s\"'<>`\\]+$", "URL_NOT_WEB")]
Postcode = Annotated[str, _Visible, AfterValidator(_postcode)]
Description = Annotated[str, _Visible, AfterValidator(_description)]
Email = Annotated[str, _Visible, AfterValidator(_email), FormPattern(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "EMAIL_INVALID")]
Slug = Annotated[str, _Visible, AfterValidator(_slug), SLUG_FORM]
# The one rule for a service's id: the models, `carers-hub new-service`, the importer and the editor's form.
ServiceId = Annotated[str, _Visible, AfterValidator(_slug), AfterValidator(_not_reserved), FormPattern(
    f"^(?!(?:{RESERVED_SERVICE_ID.pattern})$){SLUG_PATTERN}$", "SERVICE_ID_RESERVED")]
_SERVICE_ID = TypeAdapter(ServiceId)


def service_id_error(value: object) -> ErrorDetails | None:
    """Why value cannot be a service's id, as pydantic reports it (type: the code, msg: the message), or None:
    ServiceId's own check, for code that makes an id outside a model (new-service, the importer)."""
    try:
        _SERVICE_ID.validate_python(value)
    except ValidationError as error:
        return error.errors()[0]
    return None
Colour = Annotated[str, _Visible, AfterValidator(_colour), FormPattern("^" + COLOUR_PATTERN + "$", "COLOUR_INVALID")]
# "09:00", local. Typed as text, so a hidden direction control in it is reported as one, not as "not a time".
ClockTime = Annotated[time, BeforeValidator(_time_not_number), BeforeValidator(_visible_if_text), AfterValidator(_local_time),
                      TIME_FORM]
PhoneNumber = Annotated[str, _Visible, BeforeValidator(_as_text), AfterValidator(_phone_check(phones.parse_phone)),
                        PHONE_FORM]
TextphoneNumber = Annotated[str, _Visible, BeforeValidator(_as_text),
                            AfterValidator(_phone_check(phones.parse_textphone)), TEXTPHONE_FORM]
SmsNumber = Annotated[str, _Visible, BeforeValidator(_as_text), AfterValidator(_phone_check(phones.parse_sms)),
                      PHONE_FORM]
# A GitHub repository (owner/name) and a branch in it, for the browser editor's pull requests.
GitHubRepo = Annotated[str, _Visible, AfterValidator(_pattern_check(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}", "GITHUB_REPO_INVALID",
    "a GitHub repository like owner/name"))]
# A WCAG success criterion, by its number and name, as the accessibility statement names what fails.
WcagCriterion = Annotated[str, _Visible, AfterValidator(_pattern_check(
    r"[1-4]\.[0-9]{1,2}\.[0-9]{1,2} [A-Z][A-Za-z ,()-]{2,80}", "WCAG_CRITERION_INVALID",
    "a WCAG success criterion like 2.1.1 Keyboard"))]
BranchName = Annotated[str, _Visible, AfterValidator(_pattern_check(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,100}",
                                                                    "BRANCH_INVALID", "a branch name like main"))]
