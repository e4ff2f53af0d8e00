"""The browser editor's configuration is made from the data models and data/ (hooks/editor), and the built site
carries /admin/ with its own policy, an "Edit this page" link only when asked, and nothing of the editor in the
public pages' checks. The editor itself, in Chromium: tests/test_editor_browser.py."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Optional

import pytest
import yaml
from pydantic import Field

from conftest import ROOT, SITE, build, load_data
from carers_hub.core.problems import ProblemsFound
from carers_hub.data import service_models
from carers_hub.data.fields import PHONE_FORM, TIME_FORM, SafeText
from carers_hub.data.models import Editor
from carers_hub.data.site_data import fix_for
from carers_hub.editor import collections, config, page
from carers_hub.site_build import SiteBuild
from support.project import add_to_editor, copy_project, published_admin


LOCAL = "http://127.0.0.1:4321/api/v1"  # a local server's address, as make edit gives it
REPO = Editor(repo="city-of-london/carers-hub", branch="live")


def generated(settings: Editor | None = None, local_server: str | None = LOCAL) -> dict:
    """The configuration the build writes for the example site (by default in local mode, as make edit has it)."""
    data, directory = load_data()
    build_ = SiteBuild(root=ROOT, today=None, make_leaflets=False, data=data, directory=directory)
    folders = [""] + sorted({p.parent.name for p in (SITE / "content").glob("*/*.md")})
    return config.editor_config(settings, data.site.name, data.site.url, folders, build_.data_file_sizes,
                                build_.editor_choices(), local_server)


def data_file(conf: dict, name: str) -> dict:
    directory = next(c for c in conf["collections"] if c["name"] == collections.DIRECTORY)
    return next(f for f in directory["files"] if f["name"] == name)


def item_fields(conf: dict, name: str) -> dict[str, dict]:
    return {f["name"]: f for f in data_file(conf, name)["fields"][0]["fields"]}


# -- One source of truth -------------------------------------------------------------------------------------

def test_a_field_added_to_a_model_appears_in_the_editor(monkeypatch):
    class WithParking(service_models.Service):
        parking: Optional[SafeText] = Field(None, description="Where carers can park, if anywhere.")

    assert "parking" not in item_fields(generated(), "services")
    monkeypatch.setattr(collections, "DATA_FILES", tuple(
        (name, path, key, WithParking if model is service_models.Service else model, label)
        for name, path, key, model, label in collections.DATA_FILES))
    parking = item_fields(generated(), "services")["parking"]
    assert parking == {"name": "parking", "label": "Parking", "required": False, "widget": "string",
                       "hint": "Where carers can park, if anywhere."}


def test_choices_are_read_from_data():
    data, directory = load_data()
    fields = item_fields(generated(), "services")
    values = {name: [o["value"] for o in fields[name]["options"]] for name in ("audience", "categories",
                                                                               "organisation", "contact")}
    assert values["audience"] == list(data.audiences) and fields["audience"]["multiple"] is True
    assert values["categories"] == list(directory.categories) and fields["categories"]["multiple"] is True
    assert values["organisation"] == list(directory.organisations) and fields["organisation"]["multiple"] is False
    assert values["contact"] == list(data.contacts) and "samaritans" in values["contact"]
    assert {"label": "Young carers (young-carers)", "value": "young-carers"} in fields["audience"]["options"]
    assert fields["status"]["options"] == ["active", "inactive", "defunct", "temporarily closed"]


def test_required_fields_dates_and_patterns_follow_the_model():
    fields = item_fields(generated(), "services")
    assert "required" not in fields["name"] and fields["summary"]["required"] is False
    assert fields["phone"]["pattern"] == [PHONE_FORM.regex, fix_for("PHONE_INVALID", "phone").removesuffix(".")]
    assert fields["review_by"]["pattern"][1] + "." == fix_for("DATE_INVALID", "review_by")
    assert fields["website"]["pattern"][1] + "." == fix_for("URL_NOT_WEB", "website")
    assert re.match(fields["website"]["pattern"][0], "http://www.example.org") and \
        not re.match(fields["website"]["pattern"][0], "javascript:alert(1)")
    hours = {f["name"]: f for f in fields["opening_hours"]["fields"]}
    assert hours["opens"]["pattern"][0] == TIME_FORM.regex
    assert hours["days"]["multiple"] is True and hours["days"]["options"] == list(service_models.WEEKDAYS)


def test_every_phone_number_in_data_matches_the_forms_pattern_and_broken_ones_do_not():
    """The form's pattern (a JavaScript regular expression, also valid in Python) never refuses a number the
    build accepts; it refuses what plainly is not one."""
    data, directory = load_data()
    numbers = [c.phone for c in data.contacts.values() if c.phone] + [c.sms for c in data.contacts.values() if c.sms]
    numbers += [s.service.phone for s in directory.listings if s.service.phone]
    assert numbers, "no phone number in data to try the pattern on"
    assert all(re.match(PHONE_FORM.regex, n) for n in numbers), [n for n in numbers if not re.match(PHONE_FORM.regex, n)]
    for broken in ["0808 808", "call us", "020 7946 00000 1", "+1 212 555 0100", "07700 9009OO"]:
        assert not re.match(PHONE_FORM.regex, broken), broken


def test_the_crisis_contacts_say_why_they_matter():
    crisis = item_fields(generated(), "contacts")["crisis"]
    assert crisis["widget"] == "boolean" and "worst moment" in crisis["hint"] and "6 months" in crisis["hint"]


def test_pages_services_organisations_and_contacts_are_editable_and_nothing_can_be_deleted_or_added_by_mistake():
    conf = generated()
    pages = [c for c in conf["collections"] if c.get("folder")]
    assert {c["folder"] for c in pages} == {"content"} | {f"content/{p.parent.name}" for p in (SITE / "content").glob("*/*.md")}
    assert all(c["create"] is False and c["delete"] is False for c in pages)
    assert [f["name"] for f in pages[0]["fields"]][-1] == "body" and pages[0]["fields"][-1]["widget"] == "text"
    files = {f["name"]: f["file"] for f in next(c for c in conf["collections"] if c["name"] == "directory")["files"]}
    assert files == {"services": "data/services.yaml", "organisations": "data/organisations.yaml",
                     "contacts": "data/contacts.yaml", "facts": "data/facts.yaml"}  # no imported files in the example
    assert next(c for c in conf["collections"] if c["name"] == "directory")["format"] == "yaml-ordered"


def test_saves_become_pull_requests_on_github_and_go_to_the_local_server_in_local_mode():
    github = generated(REPO, local_server=None)
    assert github["backend"] == {"name": "github", "repo": "city-of-london/carers-hub", "branch": "live",
                                 "auth_methods": ["token"], "squash_merges": True}  # a token: no server of ours
    assert github["publish_mode"] == "editorial_workflow"
    assert "connect-src 'self' https://api.github.com;" in page.index_html("x", github)
    assert '<script src="sveltia-cms.js">' in page.index_html("x", github)
    local = generated(REPO, local_server=LOCAL)
    assert local["backend"]["name"] == "proxy" and local["publish_mode"] == "simple"
    assert "connect-src 'self' http://127.0.0.1:4321;" in page.index_html("x", local)
    assert '<script src="decap-cms.js">' in page.index_html("x", local)
    # No repository named and no local server: no editor at all (the published admin/ says what to set up).
    assert config.mode(None, None) == config.mode(Editor(), None) == "unset"
    with pytest.raises(ValueError):
        generated(None, local_server=None)


def test_the_published_editor_has_the_councils_name_and_mark_and_no_defaults_it_would_fill_into_every_record():
    github = generated(REPO, local_server=None)
    assert github["app_title"] == f"Edit {load_data()[0].site.name}"
    assert github["logo"] == {"src": "/assets/images/favicon.svg"} and (ROOT / "overrides" / github["logo"]["src"][1:]).is_file()
    assert "default" not in config.as_yaml(github) and "default: council" in config.as_yaml(generated())
    assert {c["format"] for c in github["collections"] if c.get("folder")} == {"page-frontmatter"}
    assert {c["format"] for c in generated()["collections"] if c.get("folder")} == {"frontmatter"}
    pages = [c for c in github["collections"] if c.get("folder")]
    assert all(c["editor"] == {"preview": True} and c["fields"][-1] == collections.PREVIEWED_BODY for c in pages)
    assert collections.PREVIEWED_BODY["modes"] == ["raw"]  # typed is saved: no rich-text rewriting


def test_the_preview_uses_the_sites_own_stylesheets(tmp_path):
    styles = tmp_path / "assets" / "stylesheets"
    styles.mkdir(parents=True)
    for name in ("main.57a0d79d.min.css", "palette.fb2fffe2.min.css", "council.css", "carers.css", "leaflet.css"):
        (styles / name).write_text("")
    found = page.preview_styles(tmp_path)
    assert found == ["../assets/stylesheets/" + n for n in ("main.57a0d79d.min.css", "palette.fb2fffe2.min.css",
                                                            "council.css", "carers.css")]
    html = page.index_html("x", generated(REPO, local_server=None), found)
    assert f'data-preview-styles="{" ".join(found)}"' in html


@pytest.mark.parametrize("field,value,code", [("repo", "carers hub", "GITHUB_REPO_INVALID"),
                                              ("repo", "https://github.com/a/b", "GITHUB_REPO_INVALID"),
                                              ("branch", "../main", "BRANCH_INVALID")])
def test_a_wrong_repository_or_branch_is_refused_with_file_line_and_field(tmp_path, field, value, code):
    data_dir = shutil.copytree(SITE / "data", tmp_path / "data")
    add_to_editor(data_dir / "site.yaml", f"  {field}: {value}\n")
    with pytest.raises(ProblemsFound) as caught:
        load_data(data_dir)
    [problem] = caught.value.problems
    assert (problem.code, problem.field, problem.file) == (code, f"editor.{field}", "data/site.yaml")
    assert problem.line == 1 + (data_dir / "site.yaml").read_text().splitlines().index(f"  {field}: {value}")


# -- The built site --------------------------------------------------------------------------------------------

def test_the_built_site_with_no_repository_named_says_what_to_set_up_and_never_points_at_this_computer(built_site):
    """A site that names no repository (as the example, and a new site): its published admin/ is one page saying
    what to set up, not a sign-in that goes nowhere (before, it was the local mode's, pointing at localhost:8081)."""
    admin = built_site / "admin"
    assert sorted(p.name for p in admin.iterdir()) == ["frame-guard.js", "index.html"]
    html = (admin / "index.html").read_text()
    assert "localhost" not in html and "127.0.0.1" not in html and "8081" not in html
    assert re.findall(r'<script[^>]*src="([^"]+)"', html) == ["frame-guard.js"]
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert not load_data()[0].site_file.editor.repo
    for needed in ("The editor is not set up yet", "data/site.yaml", "repo: owner/name", page.HANDBOOK,
                   load_data()[0].site.name):
        assert needed in words, needed
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "connect-src 'self';" in policy and "https:" not in policy and "noindex" in html
    assert load_data()[0].colours.primary in html  # the council's colour
    # The public pages keep their own, stricter policy; the editor is in none of their lists.
    home = (built_site / "index.html").read_text()
    assert "'unsafe-eval'" not in home and "'unsafe-inline'" not in home
    assert "admin" not in (built_site / "sitemap.xml").read_text()
    assert "data-pagefind-body" not in html


def test_a_missing_editor_bundle_stops_the_build_before_anything_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "node_modules").unlink()
    result = build(project)
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert "EDITOR_BUNDLE_MISSING" in said and "node_modules/decap-cms/dist/decap-cms.js" in said and "Run npm ci" in said
    assert not (project / "site").exists() or not list((project / "site").rglob("*.html")), "pages were written"


def test_the_bundle_enables_no_other_website_our_configuration_does_not_ask_for():
    """The CMS can load media libraries from other websites (Cloudinary, Uploadcare) and maps from
    OpenStreetMap, but only when a configuration asks: ours names none of them."""
    for made in (generated(), generated(REPO, local_server=None)):
        text = config.as_yaml(made)
        for option in ("media_library", "cloudinary", "uploadcare", "widget: map", "cms_manual_init", "widget: code",
                       "base_url", "api_root"):
            assert option not in text


def test_the_published_editors_files_are_all_this_sites_own(tmp_path):
    """Sveltia CMS names its fonts on a CDN: the build copies them from node_modules and points the script at the
    copies; and it lets an editor zoom (the script's maximum-scale=1 is taken out)."""
    admin = tmp_path / "admin"
    page.copy_bundle(ROOT, admin, generated(REPO, local_server=None))
    script = (admin / page.SVELTIA_SCRIPT).read_text()
    assert "cdn.jsdelivr.net" not in script and "`maximum-scale=1`" not in script
    script_installed = ROOT / page.NODE_MODULES / page.SVELTIA / page.SVELTIA_SCRIPT
    assert page.CDN in script_installed.read_text()  # the guard has something to do
    for font in page.FONTS.values():
        name = Path(font).name
        assert (admin / "fonts" / name).stat().st_size > 10_000 and f"url(fonts/{name})" in script
    assert sorted(p.name for p in admin.iterdir()) == sorted(["chunks", "fonts", "yaml", page.SVELTIA_SCRIPT,
                                                              *page.OWN_SCRIPTS])
    assert not list(admin.rglob("*.map"))
    with pytest.raises(ProblemsFound) as caught:
        page.localised(script + "url(https://cdn.jsdelivr.net/fontsource/fonts/new-font@1.0/latin.woff2)")
    assert caught.value.problems[0].code == "EDITOR_FONT_UNKNOWN"


def test_the_published_editor_is_built_with_its_own_policy(tmp_path):
    admin = published_admin(tmp_path, "  repo: city-of-london/carers-hub\n") / "admin"
    html = (admin / "index.html").read_text()
    assert yaml.safe_load((admin / "config.yml").read_text())["backend"]["name"] == "github"
    assert f"--sui-primary-accent-color:{load_data()[0].colours.primary}!important" in (admin / "council.css").read_text()
    order = json.loads((admin / "order.json").read_text())
    assert order["children"]["services"]["keys"][:3] == ["id", "uuid", "name"]
    assert order["children"]["services"]["children"]["source"]["keys"] == ["url", "kind", "title", "dated", "note"]
    assert order["page"][0] == "title" and order["page"][-1] == "body" and order["page_off"] == ["exit_this_page"]
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "script-src 'self' 'unsafe-eval'" in policy and "connect-src 'self' https://api.github.com;" in policy
    assert "*" not in policy and "localhost" not in html
    assert re.findall(r'<script[^>]*src="([^"]+)"', html) == [
        "frame-guard.js", "manual-init.js", "sveltia-cms.js", "order.js", "format.js"]  # the guard first, in <head>
    assert "noindex" in html


def test_edit_this_page_is_absent_when_off(built_site):
    from carers_hub.checks.built_site import html_pages

    assert not load_data()[0].site_file.editor.edit_link
    pages = html_pages(built_site)
    assert pages and not [p for p in pages if "Edit this page" in p.read_text()]


@pytest.fixture(scope="module")
def site_with_edit_links(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("edit-links") / "project")
    site_file = project / "data" / "site.yaml"
    site_file.write_text(site_file.read_text().replace("  edit_link: false\n", ""))
    add_to_editor(site_file, "  edit_link: true\n  repo: city-of-london/carers-hub\n")
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def edited_pages() -> dict[str, str]:
    """Some built pages of the site under test, each with the editor's address its link should open: the home
    page, the crisis page, the first page in a section (if the site has sections) and the first service's page."""
    from carers_hub.core import urls

    data, directory = load_data()
    content = SITE / "content"
    in_sections = sorted(p.relative_to(content).as_posix() for p in content.glob("*/*.md"))
    expected = {}
    for source in ["index.md", data.site_file.get_help_now.page, *in_sections[:1]]:
        built = urls.built_file(source)
        up = "../" * built.count("/")
        folder, _, name = source.rpartition("/")
        expected[built] = f"{up}admin/#/collections/{folder or 'pages'}/entries/{name.removesuffix('.md')}"
    expected[f"services/{directory.listings[0].id}/index.html"] = "../../admin/#/collections/directory/entries/services"
    return expected


def test_edit_this_page_opens_that_page_or_service_in_the_editor(site_with_edit_links):
    site = site_with_edit_links
    for built, target in edited_pages().items():
        links = re.findall(r'<p class="ch-edit"[^>]*><a href="([^"]+)">Edit this page</a></p>',
                           (site / built).read_text())
        assert links == [target], built
        assert (site / built).parent.joinpath(target.split("#")[0], "index.html").resolve().is_file()
    listing = (site / "services" / "index.html").read_text()
    assert "Edit this page" not in listing  # made from data, with nothing of its own to edit
    conf = yaml.safe_load((site / "admin" / "config.yml").read_text())
    assert conf["publish_mode"] == "editorial_workflow" and conf["backend"]["repo"] == "city-of-london/carers-hub"


@pytest.mark.browser
def test_edit_this_page_is_hidden_on_paper(site_with_edit_links, browser):
    from carers_hub.checks.links import serve

    with serve(site_with_edit_links) as address:
        tab = browser.new_page()
        for path in (built.removesuffix("index.html") for built in edited_pages()):
            tab.goto(f"{address}/{path}")
            link = tab.get_by_role("link", name="Edit this page")
            tab.emulate_media(media="screen")
            assert link.is_visible(), path
            tab.emulate_media(media="print")
            assert not link.is_visible(), path
        tab.close()


def test_an_imported_directory_too_long_to_open_stays_out_of_the_editor():
    """Decap draws every item of a list: 1,000 services took about a minute to open (browser-editor.md)."""
    sizes = {"data/services.yaml": 40, "data/contacts.yaml": 12, "data/organisations.yaml": 30,
             "data/services-imported.yaml": collections.LIST_MAX + 1, "data/organisations-imported.yaml": 50}
    names = [f["name"] for f in collections.data_collection(sizes, {})["files"]]
    assert names == ["services", "organisations", "organisations-imported", "contacts"]
    assert collections.service_entry("data/services-imported.yaml", sizes) is None
    sizes["data/services-imported.yaml"] = collections.LIST_MAX
    assert collections.service_entry("data/services-imported.yaml", sizes).endswith("/services-imported")


def test_the_sites_checks_look_at_the_editors_page_too(built_site, tmp_path):
    from carers_hub.checks.built_site import editor_problems

    assert editor_problems(built_site, "carers.example.org") == []
    site = tmp_path / "site"
    (site / "admin").mkdir(parents=True)
    html = (built_site / "admin" / "index.html").read_text()
    (site / "admin" / "index.html").write_text(html.replace('<script src="frame-guard.js">',
                                                            '<script src="https://unpkg.com/decap-cms.js">'))
    assert [p.file for p in editor_problems(site, "carers.example.org")] == ["admin/index.html"]
    (site / "admin" / "index.html").unlink()
    assert "missing" in editor_problems(site, "carers.example.org")[0].message
