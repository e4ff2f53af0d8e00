"""Nothing half-written goes live: a template's placeholder text left in a page or a data record stops the build.

Every placeholder a template writes (`make new-page`, `make new-service`, the browser editor's defaults) is made
from the words here, so the templates and this check cannot drift apart. A placeholder is the word CHANGE in
capitals followed by lower-case words ("CHANGE this to ...", "CHANGE-to-an-organisation-id"), or the link
address `change-me-link`. Ordinary words such as "Changes to your benefits" or a heading in capitals
("CHANGE YOUR DETAILS") are not placeholders.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

from carers_hub.core.problems import Problem
from carers_hub.core.yaml_source import FieldPath, Located, field_name, last_name

MARKER = "CHANGE"
LINK = "change-me-link"  # a link address to replace: `make new-page` fills in a real one, the browser editor cannot
CODE = "PLACEHOLDER_TEXT"

FOUND = re.compile(rf"(?<![\w-])(?:{MARKER}(?=[ -][a-z])|{LINK}(?![\w-]))")

# A new page's top-block fields and body. The title and dates are the editor's own from the start.
PAGE_DEFAULTS = {
    "description": f"{MARKER} this to one plain sentence saying what the page helps with.",
    "owner": f"{MARKER}-to-your-team@example.org",  # new.py uses the owner most pages have, when there is one
}
PAGE_BODY = f"""\
{MARKER} this first paragraph. Say who the page is for and what it helps with, in one or two short sentences.

## What you can do

- {MARKER} this to the first thing a carer can do. Use short sentences and everyday words.
- {MARKER} this to the next thing a carer can do.

## Next steps

- [Ask for a carer's assessment]({LINK})
"""

# A new service's fields to fill in. Ids and addresses are placeholders too, so nothing is guessed for the editor.
SERVICE_DEFAULTS: dict[str, Any] = {
    "organisation": f"{MARKER}-to-an-organisation-id",
    "description": f"{MARKER} this to what the service does, in one or two short sentences.",
    "audience": [f"{MARKER}-to-audience-ids"],
    "categories": [f"{MARKER}-to-category-ids"],
    "website": f"{MARKER}-to-the-service-web-page",
    "source": {"url": f"{MARKER}-to-the-page-you-took-these-details-from", "kind": "own"},
}

# What to write instead, by the field's name; the generic words fit any other field and a page's body.
WHAT_TO_WRITE = {
    "organisation": "the id of the organisation that runs it, from data/organisations.yaml",
    "audience": "the ids of the groups of carers it is for, from data/audiences.yaml, like [adult-carers]",
    "categories": "the ids of its kinds of service, from data/categories.yaml, like [carers-advice]",
    "website": "the service's own web address, starting https:// (or remove the line if it has none)",
    "url": "the address of the public page you took these details from, starting https://",
    "description": "your own words, in one or two short sentences",
    "owner": "the email address of the team that keeps the page right",
    "link": "the file of the page the link should go to, like ../support/carers-assessment.md",
    "phone": "the phone number, like 020 7946 0000",
    "hours": "when the line is open, like Monday to Friday, 9am to 5pm",
    # A new council's data/site.yaml (carers-hub new): fields whose last name alone would say the wrong thing.
    "site.url": "the web address the site will have, starting https://",
    "council.website": "the address of your council's own website, starting https://",
}
YOUR_OWN_WORDS = "your own words, in short sentences and everyday words"


def has_placeholder(text: str) -> bool:
    return bool(FOUND.search(text))


# The preview (carers-hub serve) of a new council's site shows its pages at once: each placeholder in data/ is
# read as a stand-in that validates, and each stand-in is shown marked, saying what to fill in. Only the preview
# reads them (site_data.load_file with stand_ins): the strict build lists every placeholder and writes nothing.
MARK_CLASS = "carers-placeholder"
OPEN, CLOSE = "\u27e6", "\u27e7"  # around a stand-in's words in data: never typed by an editor
STAND_IN_PHONE = "020 7946 0999"  # Ofcom's range for TV and radio drama: nobody's line
STAND_IN_HOST = ".fill-in.invalid"  # a reserved ending (RFC 6761): a link there leads nowhere
_URL_FIELDS = ("url", "website")
_STAND_IN = re.compile(f"{OPEN}([^{CLOSE}]*){CLOSE}")
_IN_TEXT = re.compile(rf"(?<![\w-]){MARKER}(?=[ -][a-z])[^<]*")  # a page's placeholder words, up to the next tag
# A tag, or an element whose text is not HTML (a script, a title): the words alone there, never a <mark>.
_TAG = re.compile(r"(<(script|style|title|textarea)\b.*?</\2>|<[^>]*>)", re.S | re.I)


def stand_in(field: str, last: str, text: str) -> str:
    """What the preview reads instead of a placeholder in the data field `field` (last: its last name)."""
    if last == "phone":
        return STAND_IN_PHONE
    if last in _URL_FIELDS:
        return f"https://{re.sub(r'[^a-z0-9]+', '-', field.lower()).strip('-')}{STAND_IN_HOST}/"
    what = WHAT_TO_WRITE.get(field if field in WHAT_TO_WRITE else last, YOUR_OWN_WORDS)
    return f"{OPEN}To fill in: {what}{CLOSE}"


def with_stand_ins(data: Any, path: FieldPath = ()) -> Any:
    """A copy of loaded YAML with every placeholder replaced by its stand-in (the rest as it is)."""
    if isinstance(data, str):
        return stand_in(field_name(path), last_name(path), data) if has_placeholder(data) else data
    if isinstance(data, dict):
        return {key: with_stand_ins(value, path + (key,)) for key, value in data.items()}
    if isinstance(data, list):
        return [with_stand_ins(value, path + (index,)) for index, value in enumerate(data)]
    return data


def marked(html: str) -> str:
    """A preview page with each stand-in shown as one: <mark class="carers-placeholder"> in text, its bare words in
    an attribute (a title, a description), and the stand-in phone number marked wherever it is shown. A page's
    own words starting CHANGE are marked too, to the end of their text."""
    def text_part(part: str) -> str:
        part = _STAND_IN.sub(rf'<mark class="{MARK_CLASS}">\1</mark>', part)
        part = _IN_TEXT.sub(rf'<mark class="{MARK_CLASS}">\g<0></mark>', part)
        return part.replace(STAND_IN_PHONE, f'<mark class="{MARK_CLASS}">{STAND_IN_PHONE} (a stand-in: fill in '
                                            f'the phone number in data/)</mark>')
    parts = _TAG.split(html)  # text, tag, its name (or None), text, ...
    return "".join(_STAND_IN.sub(r"\1", part) if index % 3 == 1 else text_part(part)
                   for index, part in enumerate(parts) if index % 3 != 2)


def fix_for(field: str, text: str = "") -> str:
    """How to fix a placeholder in `field` (its last name, e.g. "organisation"; "" for a page's body)."""
    if LINK in text and MARKER not in text:
        return f"Replace {LINK} with {WHAT_TO_WRITE['link']}."
    return f"Replace the words starting {MARKER} with {WHAT_TO_WRITE.get(field, YOUR_OWN_WORDS)}."


def in_page(text: str, file: str) -> list[Problem]:
    """Every line of a page's Markdown (its top block and body) that still holds a placeholder."""
    problems = []
    field = ""
    in_top_block = text.startswith("---")
    for number, line in enumerate(text.splitlines(), 1):
        if in_top_block and number > 1 and line.rstrip() == "---":
            in_top_block, field = False, ""
        elif in_top_block:
            key = re.match(r"([A-Za-z_]\w*):", line)
            field = key.group(1) if key else field  # a value over several lines belongs to the key above it
        if has_placeholder(line):
            problems.append(_problem(file, number, field, line.strip()))
    return problems


def strings(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every text value in loaded YAML, with its path, e.g. (("services", 3, "organisation"), "...")."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from strings(value, path + (index,))


def in_data(source: Located) -> list[Problem]:
    """Every value in a data file (a service, organisation, contact...) that still holds a placeholder."""
    return [_problem(source.file, source.line(path), field_name(path), text, last=last_name(path))
            for path, text in strings(source.data) if has_placeholder(text)]


def _problem(file: str, line: int | None, field: str, text: str, last: str | None = None) -> Problem:
    found = FOUND.search(text)
    shown = " ".join(text[found.start() if found else 0:].split())  # from the placeholder on, without "- " or a key
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    return Problem(code=CODE, file=file, line=line, field=field,
                   message=f'this still holds the template\'s words to replace: "{shown}".',
                   fix=fix_for(field if last is None or field in WHAT_TO_WRITE else last, text))


def in_site(root: Path) -> list[Problem]:
    """Every placeholder left in a site's pages and data files, found without building it: a new council's site
    (carers-hub new) is told all it has to fill in at once, where the build would stop at the first data file."""
    from carers_hub.core.problems import ProblemsFound, relative
    from carers_hub.core.yaml_source import load

    problems = []
    for page in sorted((root / "content").rglob("*.md")):
        problems += in_page(page.read_text(encoding="utf-8"), relative(page, root))
    for data in sorted((root / "data").glob("*.yaml")):
        try:
            problems += in_data(load(data, relative(data, root)))
        except ProblemsFound:  # a file that cannot be read: the build says why
            continue
    return problems


def covers(placeholder: Problem, problem: Problem) -> bool:
    """Whether `problem` is about a field that holds a placeholder (so the placeholder is the one to report)."""
    field, other = placeholder.field, problem.field
    return problem.file == placeholder.file and bool(field) and (
        other == field or other.startswith((field + ".", field + "[")))
