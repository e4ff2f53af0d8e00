"""The published editor (/admin/ with a GitHub repository named: Sveltia CMS) driven in Chromium against a stand-in
for GitHub's API on 127.0.0.1 (tests/support/github_standin.py): an editor signs in with a token, and a save asks
for a pull request on the configured repository and branch that changes only the lines changed; nothing else is
asked of another computer; axe (WCAG 2.2 AA) on the sign-in, list and edit screens at 320 and 1280 px; the
keyboard alone reaches the sign-in. What could not be tried against the real GitHub: browser-editor.md."""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from carers_hub.checks.links import serve
from carers_hub.data.site_data import fix_for
from support import github_standin
from support.browser import axe_violations
from support.editor_targets import ADDED, page_to_edit, primary_colour, service_to_edit
from support.project import SITE, published_admin

pytestmark = pytest.mark.browser

OWNER, NAME, BRANCH = "a-council", "carers-hub", "live"  # a branch other than main: the configured one is used
TOKEN = "github_pat_11EXAMPLE0standin"
# The page and the service the tests change, and the council's colour, are the site under test's
# (support/editor_targets.py): its first guide page in the menu, and its first service with its own phone in
# data/services.yaml (near the top: the CMS draws a long list's items as they are scrolled to).
# What axe finds in Sveltia CMS's own markup, by rule and screen, named in docs/editors/edit-in-your-browser.md
# with a workaround. Anything else fails.
CMS_OWN = {
    ("aria-valid-attr-value", "the list at 320 px"),  # the collections menu's aria-controls names a panel not drawn
}
SHOTS = Path(os.environ["CARERS_HUB_SCREENSHOTS"]) if os.environ.get("CARERS_HUB_SCREENSHOTS") else None


@pytest.fixture(scope="module")
def admin(tmp_path_factory):
    site = published_admin(tmp_path_factory.mktemp("published"), f"  repo: {OWNER}/{NAME}\n  branch: {BRANCH}\n")
    with serve(site) as address:
        yield address + "/admin/"


@dataclass
class Session:
    page: object
    repo: github_standin.Repository
    outside: list[str]


@pytest.fixture
def signed_out(browser, admin):
    """A tab at the published editor, its GitHub requests answered by a fresh stand-in holding this project's files
    (the site under test's content/ and data/) on the branch; fails the test if the page asks anything of any other computer."""
    repo = github_standin.Repository.from_folder(OWNER, NAME, BRANCH, SITE)
    repo.token = TOKEN
    with github_standin.serve(repo) as api:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        outside = []
        page.on("request", lambda r: outside.append(r.url)
                if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "https://api.github.com/")) else None)
        github_standin.route_to(page, api)
        page.goto(admin)
        yield Session(page, repo, outside)
        context.close()
    assert not outside, f"The editor asked other computers for: {outside}"
    assert not repo.unknown, f"The editor asked GitHub for what the stand-in does not answer: {repo.unknown}"


def sign_in(page, token: str = TOKEN) -> None:
    page.get_by_role("button", name="Sign In Using Access Token").click()
    page.get_by_role("textbox").first.fill(token)
    page.get_by_role("button", name="Sign In", exact=True).click()


@pytest.fixture
def session(signed_out):
    sign_in(signed_out.page)
    signed_out.page.get_by_role("tree", name="Collection List").get_by_text("Main pages").wait_for()
    return signed_out


def shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(SHOTS / name))


def diff(before: bytes | None, after: bytes | None) -> list[str]:
    return [line for line in difflib.unified_diff((before or b"").decode().splitlines(),
                                                  (after or b"").decode().splitlines(), n=0, lineterm="")
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def pull_request_changes(repo: github_standin.Repository) -> dict[str, list[str]]:
    """The one pull request's changes, file by file, against the branch it asks to be merged into."""
    [pull] = repo.pulls
    head, base = repo.branches[pull["head"]["ref"]], repo.branches[pull["base"]["ref"]]
    return {path: diff(base.get(path), head.get(path)) for path in github_standin.changed_files(repo, pull)}


def save_and_send_for_review(page) -> None:
    """Save (the CMS makes a branch, commits and opens a draft pull request), then send it for review."""
    page.get_by_role("button", name="Save", exact=True).click()
    send = page.get_by_role("button", name="Send for Review")
    send.wait_for()
    shot(page, "send-for-review.png")
    send.click()
    page.get_by_text("In Review", exact=True).wait_for()  # the page's mark in the list: its pull request is open


def open_page(page):
    page.goto(page.url.split("#")[0] + page_to_edit().address)


def test_a_save_is_a_pull_request_on_the_configured_branch_changing_only_that_line(session):
    page, repo, edited = session.page, session.repo, page_to_edit()
    open_page(page)
    body = page.get_by_role("textbox", name="The page's words")
    assert edited.sentence in body.input_value()
    body.fill(body.input_value().replace(edited.sentence, edited.changed_sentence, 1))
    # Beside the form, the page as Markdown in the site's own stylesheets (format.js registers them).
    preview = page.frame_locator("iframe").first
    preview.get_by_role("heading", name=edited.heading).wait_for()
    preview.get_by_text(ADDED).wait_for()
    assert preview.locator('link[href$="/assets/stylesheets/carers.css"]').count() == 1
    shot(page, "a-page-in-the-editor.png")
    save_and_send_for_review(page)
    [pull] = repo.pulls
    assert pull["draft"] is False and [label["name"] for label in pull["labels"]] == ["sveltia-cms/pending_review"]
    assert pull["base"]["ref"] == BRANCH and pull["head"]["ref"].startswith("cms/")
    assert pull_request_changes(repo) == {edited.src: [f"-{edited.sentence}", f"+{edited.changed_sentence}"]}
    assert repo.branches[BRANCH] == github_standin.Repository.from_folder(OWNER, NAME, BRANCH, SITE).branches[BRANCH]
    paths = {path.split("?")[0] for _, path, _ in repo.requests}
    assert all(p in ("/user", "/graphql") or p.startswith(f"/repos/{OWNER}/{NAME}") for p in paths), paths


def open_service(page, name: str, *phones: str):
    """The services form with one service opened; its phone number's box (found by the number in it: any of
    `phones`, as a draft saved earlier in the module's session may show the changed one)."""
    page.goto(page.url.split("#")[0] + "#/collections/directory/entries/services")
    item = page.get_by_text(name, exact=True)
    item.locator("xpath=ancestor::div[@role='group'][1]").get_by_role("button", name="Expand").first.click()
    # The item's fields are drawn only as they are scrolled to, and on a loaded machine the last box drawn may
    # already be in view: scroll the pane that holds the form down a step at a time until the phone is there.
    page.wait_for_function("""phones => { const boxes = [...document.querySelectorAll('input')];
        if (boxes.some(box => phones.includes(box.value))) return true;
        let pane = boxes[boxes.length - 1];
        while (pane && !(pane.scrollHeight > pane.clientHeight + 1
                         && /auto|scroll/.test(getComputedStyle(pane).overflowY))) pane = pane.parentElement;
        (pane || document.scrollingElement).scrollBy(0, 200); return false; }""",
                           arg=list(phones), polling=100, timeout=90_000)
    [box] = [b for b in page.locator("input").all() if b.input_value() in phones]
    return box


def test_a_phone_number_saved_is_a_pull_request_changing_only_that_line(session):
    page, repo, service = session.page, session.repo, service_to_edit()
    phone = open_service(page, service.name, service.old_phone)
    phone.fill(service.new_phone)
    phone.evaluate("box => box.scrollIntoView({block: 'center'})")
    shot(page, "a-service-in-the-editor.png")
    save_and_send_for_review(page)
    assert pull_request_changes(repo) == {"data/services.yaml": service.changed_lines()}


def violations(page, screen: str) -> list[str]:
    """axe's WCAG 2.2 A and AA failures on the screen, less those named in CMS_OWN."""
    return [v for v in axe_violations(page) if (v.split(":")[0], screen) not in CMS_OWN]


@pytest.mark.parametrize("width", [320, 1280])
def test_the_sign_in_list_and_edit_screens_pass_axe(signed_out, width):
    page, service = signed_out.page, service_to_edit()
    page.set_viewport_size({"width": width, "height": 900})
    found = {}
    start = page.get_by_role("button", name="Sign In Using Access Token")
    start.wait_for()
    found["sign-in"] = violations(page, f"sign-in at {width} px")
    assert page.evaluate("getComputedStyle(document.body).getPropertyValue('--sui-primary-accent-color')") \
        == primary_colour()[0]  # the CMS's accent is the council's colour (admin/council.css)
    if width == 1280:
        shot(page, "sign-in.png")
    start.click()
    page.get_by_role("textbox").first.wait_for()
    found["token"] = violations(page, f"token at {width} px")
    if width == 1280:
        page.get_by_role("textbox").first.fill("github_pat_...")
        shot(page, "sign-in-with-a-token.png")
        page.get_by_role("textbox").first.fill("")
    page.get_by_role("button", name="Cancel").click()
    sign_in(page)
    page.get_by_text("Main pages", exact=True).first.wait_for()
    found["list"] = violations(page, f"the list at {width} px")
    if width == 1280:
        shot(page, "the-editor.png")
    open_page(page)
    page.get_by_role("textbox", name="The page's words").wait_for()
    found["a page"] = violations(page, f"a page at {width} px")
    open_service(page, service.name, service.old_phone, service.new_phone)
    found["a service"] = violations(page, f"a service at {width} px")
    assert not any(found.values()), found


def focus_by(page, key: str, reached: str, most: int = 40) -> None:
    """Press a key until the focused element is the one wanted (a JavaScript condition); fail if it never is."""
    for _ in range(most):
        if page.evaluate(reached):
            return
        page.keyboard.press(key)
    assert page.evaluate(reached), f"{key} never reached: {reached}"


def test_an_editor_signs_in_and_opens_a_page_with_the_keyboard_alone(signed_out):
    page, edited = signed_out.page, page_to_edit()
    page.get_by_role("button", name="Sign In Using Access Token").wait_for()
    focus_by(page, "Tab", "document.activeElement.textContent.trim() === 'Sign In Using Access Token'")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.getAttribute('aria-label') === 'Personal Access Token'")
    page.keyboard.type(TOKEN)  # the token box has the focus when it opens
    page.keyboard.press("Enter")
    tree = page.get_by_role("tree", name="Collection List")
    tree.get_by_text("Main pages").wait_for()
    assert signed_out.repo.requests[0][1] == "/user"
    # The collections list: Tab to it, down to the page's folder with the arrow keys, open it with Enter; then the
    # same in the list of its pages (one Tab stop, arrow keys between rows).
    focus_by(page, "Tab", "document.activeElement.getAttribute('role') === 'treeitem'")
    focus_by(page, "ArrowDown", f"document.activeElement.textContent.includes({json.dumps(edited.collection)})")
    page.keyboard.press("Enter")
    page.get_by_text(edited.title, exact=True).wait_for()
    focus_by(page, "Tab", "document.activeElement.getAttribute('role') === 'row'")  # the list's first page
    focus_by(page, "ArrowDown", f"document.activeElement.textContent.includes({json.dumps(edited.title)})")
    page.keyboard.press("Enter")
    page.get_by_role("textbox", name="The page's words").wait_for()


def test_a_wrong_token_is_refused_and_nothing_is_saved(signed_out):
    page, repo = signed_out.page, signed_out.repo
    # Wait for GitHub's answer first: an alert region the editor keeps on the page could match before it asks.
    with page.expect_response(lambda answer: answer.url == "https://api.github.com/user") as answer:
        sign_in(page, "github_pat_wrong")
    assert answer.value.status == 401
    page.get_by_text("Bad credentials").or_(page.get_by_role("alert")).first.wait_for()
    assert page.get_by_role("tree", name="Collection List").count() == 0
    assert [path for _, path, _ in repo.requests] == ["/user"]


@pytest.mark.parametrize("width", [320, 1280])
def test_with_no_repository_named_the_editor_says_what_to_set_up_in_the_councils_look(browser, tmp_path, width):
    site = published_admin(tmp_path, "")  # the site as shipped: no repository named
    with serve(site) as address:
        context = browser.new_context(viewport={"width": width, "height": 700})
        page = context.new_page()
        asked = []
        page.on("request", lambda r: asked.append(r.url))
        page.goto(address + "/admin/")
        page.get_by_role("heading", name="The editor is not set up yet").wait_for()
        assert axe_violations(page) == []
        assert page.evaluate("getComputedStyle(document.querySelector('header')).backgroundColor") == primary_colour()[1]
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing off the side at 320 px
        if width == 320:
            shot(page, "editor-not-set-up.png")
        context.close()
    assert all(url.startswith(address) for url in asked), asked
    assert [url.removeprefix(address) for url in asked] == ["/admin/", "/admin/frame-guard.js"]


def test_signing_out_removes_the_token_from_the_browser(session):
    """The handbook tells an editor on a shared computer to sign out: Sveltia CMS keeps the sign-in, with the
    token, in the browser's localStorage as "sveltia-cms.user", and "Sign Out" takes the token out of it."""
    page = session.page
    assert TOKEN in (page.evaluate("localStorage.getItem('sveltia-cms.user')") or "")
    page.get_by_role("button", name="Show Account Menu").click()
    page.get_by_role("menuitem", name="Sign Out").click()
    page.get_by_role("button", name="Sign In Using Access Token").wait_for()
    assert TOKEN not in (page.evaluate("localStorage.getItem('sveltia-cms.user')") or "")
    assert TOKEN not in page.evaluate("JSON.stringify(Object.assign({}, localStorage, sessionStorage))")


def test_a_bad_phone_number_is_refused_in_the_form_with_the_builds_words_and_nothing_is_asked_for(session):
    page, repo = session.page, session.repo
    phone = open_service(page, service_to_edit().name, service_to_edit().old_phone)
    phone.fill("0808 808")
    page.get_by_role("button", name="Save", exact=True).click()
    message = page.locator(f"#{phone.get_attribute('aria-errormessage')}")
    message.wait_for()
    assert phone.get_attribute("aria-invalid") == "true"
    assert fix_for("PHONE_INVALID", "phone").removesuffix(".") in message.inner_text()
    phone.evaluate("box => box.scrollIntoView({block: 'center'})")
    shot(page, "refused-phone-number.png")
    assert not repo.pulls and all(method == "GET" or path == "/graphql" for method, path, _ in repo.requests)
    assert "createCommitOnBranch" not in str(repo.requests)


def test_inside_another_websites_frame_the_published_editor_shows_nothing(browser, admin, tmp_path):
    """The published editor carries the same frame guard as the set-up page (tests/test_framing.py frames that
    one): drawn by the CMS inside another origin's frame, it stays hidden."""
    (tmp_path / "index.html").write_text(f'<!doctype html><title>Another website</title><iframe src="{admin}" '
                                         'width="1000" height="700"></iframe>\n')
    with serve(tmp_path) as other:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(other + "/")
        [frame] = [f for f in page.frames if f.url.startswith(admin)]
        drawn = frame.get_by_role("button", name="Sign In Using Access Token", include_hidden=True)
        drawn.wait_for(state="attached")  # the CMS has run and drawn its sign-in...
        assert not drawn.is_visible() and page.url.startswith(other)  # ...and shows nothing; the other site stays
        assert frame.evaluate("getComputedStyle(document.documentElement).display") == "none"
        context.close()
