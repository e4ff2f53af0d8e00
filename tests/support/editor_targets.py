"""What the browser editor's tests (test_editor_browser.py, test_editor_github.py) change on the site under test,
chosen from its own data and pages by small rules, so that they run on any council's site: the council's colour,
a service with its own phone number and a guide page. A site without such a service or page fails the test that
needs one, saying what to add: the editor's saving is then untested, which is not a pass."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pytest
import yaml

from carers_hub.core import yaml_source
from carers_hub.data.phones import PhoneError, parse_phone
from carers_hub.editor.collections import folder_label
from support.project import SITE

SERVICES = "data/services.yaml"
ADDED = "Ask us if any of this is not clear."  # the sentence the tests add to the page's words
WORDS = r"[^\[\]{}()*_`<>|#\\]"  # no link, macro, emphasis or HTML: the preview shows the line as written
PLAIN_LINE = re.compile(rf"[A-Z]{WORDS}*[.!?]")
SECTION = re.compile(rf"## ({WORDS}+)")


@cache
def _site_data():
    from conftest import load_data

    return load_data()[0]


def primary_colour() -> tuple[str, str]:
    """The council's primary colour (data/site.yaml colours.primary) as the data has it (#rrggbb, small letters),
    and as a browser reports a computed colour (rgb(r, g, b))."""
    colour = _site_data().colours.primary
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return colour, f"rgb({red}, {green}, {blue})"


@dataclass(frozen=True)
class ServiceToEdit:
    name: str
    old_phone: str  # as written in data/services.yaml: the editor's box shows it so
    new_phone: str  # the tests' change: a valid number found nowhere in the file
    line: str  # the phone's line in the file

    def changed_lines(self) -> list[str]:
        """The file's diff when the editor changes the phone and nothing else."""
        return [f"-{self.line}", f"+{self.line.replace(self.old_phone, self.new_phone)}"]


def another_number(phone: str, taken: str) -> str:
    """The phone with its last digit changed (one up, round from 9 to 0, and on): a number the build accepts
    (hooks/data/phones.py), written nowhere in `taken`, so the editor's box is found by it alone."""
    last = int(phone[-1])
    for step in range(1, 10):
        number = phone[:-1] + str((last + step) % 10)
        try:
            parse_phone(number)
        except PhoneError:
            continue
        if number not in taken:
            return number
    pytest.fail(f"No valid phone number differs from {phone} in its last digit alone: choose another service.")


@cache
def service_to_edit() -> ServiceToEdit:
    """The first service in data/services.yaml with its own phone number (phone:, not a contact's), written once
    in the file: near the top, as the published editor draws a long list's items only as they are scrolled to,
    and its box is found in the form by the number in it."""
    located = yaml_source.load(SITE / SERVICES, SERVICES)
    lines = located.text.splitlines()
    for index, record in enumerate((located.data or {}).get("services") or []):
        phone = str(record.get("phone") or "")
        line = lines[located.line(("services", index, "phone")) - 1] if phone else ""
        if phone and located.text.count(phone) == 1 and phone in line:
            return ServiceToEdit(record["name"], phone, another_number(phone, located.text), line)
    pytest.fail(f"{SITE / SERVICES} has no service with its own phone number (a phone: written once in the file, "
                "not a contact:), and the editor's tests change one: give a service its own number.")


@dataclass(frozen=True)
class PageToEdit:
    src: str  # content/support/carers-assessment.md
    title: str
    heading: str  # its first section heading (##), as the preview shows it
    sentence: str  # a line of plain words in its body, to which the tests add ADDED
    has_sources: bool  # its front matter lists where its facts come from

    @property
    def folder(self) -> str:
        return self.src.removeprefix("content/").rpartition("/")[0]

    @property
    def address(self) -> str:
        """The editor's address for the page (after /admin/): its folder's collection, its file's name."""
        name = self.src.rpartition("/")[2].removesuffix(".md")
        return f"#/collections/{self.folder or 'pages'}/entries/{name}"

    @property
    def collection(self) -> str:
        """The collection's name in the editor's list of collections."""
        return folder_label(self.folder)

    @property
    def changed_sentence(self) -> str:
        return f"{self.sentence} {ADDED}"


def nav_pages(nav: list) -> list[str]:
    """The pages in mkdocs.yml's nav, in its order, as paths inside content/."""
    found = []
    for item in nav or []:
        for value in (item.values() if isinstance(item, dict) else [item]):
            found += nav_pages(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
    return found


def guide(path: str) -> PageToEdit | None:
    """The page as one the tests can change: front matter the editor's form shows (title and review date), a
    section heading, and a line of plain words, and not yet the words the tests add; None if it lacks one."""
    text = (SITE / "content" / path).read_text(encoding="utf-8")
    parts = text.split("---\n", 2)
    meta = yaml.safe_load(parts[1]) if len(parts) == 3 and not parts[0] else None
    if ADDED in text or not isinstance(meta, dict) or not {"title", "review_by"} <= set(meta):
        return None
    body = parts[2].splitlines()
    heading = next((m.group(1).strip() for line in body if (m := SECTION.fullmatch(line))), None)
    sentence = next((line for line in body if PLAIN_LINE.fullmatch(line)), None)
    if not (heading and sentence):
        return None
    return PageToEdit(f"content/{path}", meta["title"], heading, sentence, bool(meta.get("sources")))


@cache
def page_to_edit() -> PageToEdit:
    """The first guide page in the site's menu (mkdocs.yml nav): not a section's front page (index.md) or a
    crisis page, and one the tests can change (guide()); of those, the first whose front matter lists its
    sources, if one does, as a save must write that deepest part of the form back unchanged."""
    data = _site_data()
    crisis = {page.page for page in data.crisis_pages} | {data.get_help_now.page}
    nav = yaml.safe_load((SITE / "mkdocs.yml").read_text(encoding="utf-8")).get("nav")
    pages = [page for path in nav_pages(nav) if path.endswith(".md") and path.rpartition("/")[2] != "index.md"
             and path not in crisis and (SITE / "content" / path).is_file() and (page := guide(path))]
    if not pages:
        pytest.fail(f"{SITE / 'mkdocs.yml'} lists no guide page the editor's tests can change: one not index.md "
                    "nor a crisis page, with title and review_by in its front matter, a ## heading and a line of "
                    "plain words. Add one to the nav.")
    return ([page for page in pages if page.has_sources] or pages)[0]
