"""The browser editor (/admin/, Decap CMS) driven in Chromium, in local mode, against a throwaway copy of the
project: saving a page and a service changes those lines and nothing else; a bad phone number or date is refused
in the form with the build's own words; no request leaves this computer; axe finds nothing of our making."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from pydantic import ValidationError

from conftest import ENV, build
from carers_hub.checks.links import serve
from carers_hub.core import yaml_source
from carers_hub.data.models import PageMeta
from carers_hub.data.service_models import Service
from carers_hub.data.site_data import to_problems
from carers_hub.tools.edit import start_local_server
from support.browser import AXE_TAGS
from support.editor_targets import SERVICES, page_to_edit, service_to_edit
from support.project import copy_project

pytestmark = pytest.mark.browser

# The page and the service the tests change are the site under test's (support/editor_targets.py): its first
# guide page in the menu, and its first service with its own phone in data/services.yaml.
# Violations axe finds in Decap CMS's own screens (its markup, not our configuration or page): listed in
# docs/developers/browser-editor.md. Only these are set aside, by rule; anything else fails.
CMS_OWN = {
    "color-contrast",  # the CMS's header links and grey collection links, and its login page's note
    "button-name",  # each list item's open and remove buttons are icons with no name
    "aria-command-name",  # each list item's drag handle (role="button") has no name
}
# Screenshots when asked (the handbook shows the published editor's, from test_editor_github.py).
SHOTS = Path(os.environ["CARERS_HUB_SCREENSHOTS"]) if os.environ.get("CARERS_HUB_SCREENSHOTS") else None


@dataclass
class Editor:
    project: Path
    url: str  # the editor's page

    def files(self) -> dict[str, str]:
        return {p.relative_to(self.project).as_posix(): p.read_text(encoding="utf-8")
                for folder in ("content", "data") for p in (self.project / folder).rglob("*") if p.is_file()
                and p.suffix in (".md", ".yaml")}


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    root = tmp_path_factory.mktemp("editor")
    project = copy_project(root / "project")
    server, api = start_local_server(project)
    try:
        result = build(project, root / "site", env={**ENV, "CARERS_HUB_EDITOR_SERVER": api})
        assert result.returncode == 0, result.stderr[-3000:]
        with serve(root / "site") as address:
            yield Editor(project, address + "/admin/")
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def tab(browser, editor):
    """A tab logged in to the editor, failing the test if it asks anything of another computer."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else None)
    page.on("dialog", lambda dialog: dialog.accept())  # "leave without saving?"
    page.goto(editor.url)
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Main pages").wait_for()
    yield page
    context.close()
    assert not outside, f"The editor asked other computers for: {outside}"


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(SHOTS / name))


def go(tab, url: str) -> None:
    """Open an address in the editor afresh (going from one entry to another inside the CMS sometimes shows the
    second one empty until it is loaded again); the editor remembers the login. Through a blank page, so that
    leaving an unsaved entry asks once, before the new page loads: a change of address inside the CMS followed by
    a reload could ask while the reload had begun, and the reload then waited for ever (CI, once)."""
    tab.goto("about:blank")
    tab.goto(url)


def open_page(tab, editor):
    go(tab, editor.url + page_to_edit().address)
    tab.get_by_label("The page's words").wait_for()


def open_service(tab, editor, phone: str | None = None):
    """The services form, with the service shown; its phone number's box (found by the number in it: `phone`, or
    as the file has it)."""
    phone = phone or service_to_edit().old_phone
    go(tab, editor.url + "#/collections/directory/entries/services")
    # The item's first button, its unlabelled arrow, opens it (the CMS's own markup: see CMS_OWN).
    tab.get_by_text(service_to_edit().name, exact=True).locator("xpath=..").locator("button").first.click()
    tab.wait_for_function("number => [...document.querySelectorAll('input')].some(box => box.value === number && "
                          "box.offsetParent !== null)", arg=phone)  # the service's fields are drawn when it opens
    [box] = [b for b in tab.get_by_label("Phone (optional)", exact=True).all()
             if b.is_visible() and b.input_value() == phone]
    return box


def publish(tab) -> None:
    tab.get_by_role("button", name="Publish").first.click()
    tab.get_by_text("Publish now").click()


def saved(tab, editor, before: dict[str, str]) -> dict[str, str]:
    """The files once the editor says the change is saved (its button turns back to "Published")."""
    tab.get_by_role("button", name="Published").wait_for()
    after = editor.files()
    assert after != before, "the editor said it saved, but no file changed"
    return after


def changed_lines(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    out = {}
    for name in sorted(set(before) | set(after)):
        if before.get(name) != after.get(name):
            out[name] = [line for line in difflib.unified_diff((before.get(name) or "").splitlines(),
                                                               (after.get(name) or "").splitlines(), n=0, lineterm="")
                         if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    return out


def shows_exactly(tab, words: str) -> None:
    """Wait until the form shows these words, character for character, as one message under a field."""
    tab.wait_for_function("words => [...document.querySelectorAll('li')].some(item => item.textContent.endsWith("
                          "`didn't match the pattern: ${words}`))", arg=words)


def build_fix(model, record: dict, field: str) -> str:
    """What the build says to do about a record's field (hooks/data/site_data.py), for the same bad value."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate(record)
    [problem] = [p for p in to_problems(caught.value, yaml_source.Located(record, "x")) if p.field == field]
    return problem.fix


def test_a_bad_phone_number_or_date_is_refused_in_the_form_with_the_builds_words(tab, editor):
    before, page = editor.files(), page_to_edit().src
    services = yaml_source.load_text(before[SERVICES])["services"]
    record = next(s for s in services if s["name"] == service_to_edit().name)
    phone_fix = build_fix(Service, {**record, "phone": "0808 808"}, "phone")
    phone = open_service(tab, editor)
    phone.fill("0808 808")
    publish(tab)
    shows_exactly(tab, phone_fix)
    phone.evaluate("box => box.scrollIntoView({block: 'center'})")
    shot(tab, "make-edit-refused-phone-number.png")

    meta = yaml_source.load_text(before[page].split("---\n")[1])
    date_fix = build_fix(PageMeta, {**meta, "review_by": "31/12/2027"}, "review_by")
    open_page(tab, editor)  # leaving the unsaved service: the editor asks first, and the tab says yes
    tab.get_by_label("Review by", exact=True).fill("31/12/2027")
    publish(tab)
    shows_exactly(tab, date_fix)
    assert editor.files() == before, "a refused change was saved"


def test_saving_a_sentence_and_a_phone_number_changes_those_lines_and_nothing_else(tab, editor):
    before, edited, service = editor.files(), page_to_edit(), service_to_edit()
    open_page(tab, editor)
    shot(tab, "make-edit-a-page.png")
    body = tab.get_by_label("The page's words")
    assert edited.sentence in body.input_value()
    body.fill(body.input_value().replace(edited.sentence, edited.changed_sentence, 1))
    publish(tab)
    after_page = saved(tab, editor, before)
    changes = changed_lines(before, after_page)
    assert changes == {edited.src: [f"-{edited.sentence}", f"+{edited.changed_sentence}"]}, changes

    phone = open_service(tab, editor)
    assert phone.input_value() == service.old_phone
    phone.fill(service.new_phone)
    shot(tab, "make-edit-a-service.png")
    publish(tab)
    changes = changed_lines(after_page, saved(tab, editor, after_page))
    assert changes == {SERVICES: service.changed_lines()}, changes


def test_the_editor_has_no_accessibility_problems_of_our_making(tab, editor):
    services = yaml_source.load_text(editor.files()[SERVICES])["services"]
    phone = next(s for s in services if s["name"] == service_to_edit().name)["phone"]  # as the test before left it
    found = {}
    for view, show in [("collections", lambda: None), ("a page", lambda: open_page(tab, editor)),
                       ("a service", lambda: open_service(tab, editor, phone))]:
        show()
        tab.wait_for_timeout(300)  # let the form settle after it is drawn (no network: only rendering)
        if view == "collections":
            shot(tab, "make-edit-the-editor.png")
        results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        for rule in results.response["violations"]:
            if rule["id"] not in CMS_OWN:
                found.setdefault(view, []).append(f"{rule['id']}: {rule['help']} at "
                                                  f"{[n['target'] for n in rule['nodes'][:3]]}")
    assert not found, found


def test_log_out_removes_the_sign_in_from_the_browser(tab):
    """The handbook tells an editor on a shared computer to log out: the CMS keeps its sign-in (with GitHub, the
    token) in the browser's localStorage as "decap-cms-user", and Log Out removes it (a coupling point)."""
    assert tab.evaluate("localStorage.getItem('decap-cms-user')")
    tab.get_by_role("button", name="Account options dropdown").click()
    tab.get_by_text("Log Out").click()
    tab.get_by_role("button", name="Login").wait_for()
    assert tab.evaluate("localStorage.getItem('decap-cms-user')") is None
