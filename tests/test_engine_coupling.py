"""Each place the build leans on MkDocs or mkdocs-material behaviour that is not a documented API.

docs/developers/how-it-works.md lists them under "Coupling points". Each test here fails with a message that
names its coupling point, so an upgrade that changes one says exactly what broke and where to look.
"""

from __future__ import annotations

import logging

import pytest
from markupsafe import Markup

from conftest import ROOT, SITE, build, edit, load_data

COUPLING = "coupling point '{}' (docs/developers/how-it-works.md) has changed: {}"


def broken(name: str, what: str) -> str:
    return COUPLING.format(name, what)


@pytest.fixture(scope="module")
def config():
    from mkdocs.config import load_config

    loaded = load_config(str(SITE / "mkdocs.yml"))
    loaded.plugins._current_plugin = None  # as MkDocs sets it between events (File.generated reads it)
    return loaded


def test_data_pages_mkdocs_uses_the_page_set_on_the_file(config):
    """hooks/engine/data_pages.py: a Page made before the menu is built is the one MkDocs uses."""
    from mkdocs.structure.files import File, Files, InclusionLevel
    from mkdocs.structure.nav import get_navigation

    from carers_hub.directory.generated import make_page
    from carers_hub.engine.data_pages import DataPage

    file = File.generated(config, "services/made.md", content="", inclusion=InclusionLevel.NOT_IN_NAV)
    made = DataPage(make_page({}, "Made from data", Markup('<p id="a-part">Hello</p>')), file, config)
    files = Files([file])
    get_navigation(files, config)
    assert file.page is made, broken("data pages", "MkDocs made its own page instead of using file.page")
    made.read_source(config)
    made.render(config, files)
    assert made.content == "" and made.title == "Made from data", broken("data pages", "render")
    from carers_hub.engine.data_pages import fill, release

    fill(made)  # at page_context, just before the template
    assert 'id="a-part"' in made.content, broken("data pages", "fill")
    release(made)
    assert made.content is None


def test_pyyaml_constructed_objects_values_are_made_from_events_without_keeping_nodes():
    """hooks/core/yaml_source.py builds values from the parser's events with PyYAML's own constructors, and
    empties the loader's constructed_objects (where PyYAML keeps each node it made a value from) after each."""
    import gc

    import yaml

    from carers_hub.core import yaml_source

    text = "".join(f"- id: s{i}\n  when: 2026-11-{1 + i % 28:02d}\n  hours: [{{opens: '09:00'}}]\n" for i in range(300))
    located = yaml_source.parse(text, "x.yaml")
    assert located.data == yaml_source.load_text(text), broken("pyyaml constructed_objects", "values differ")
    gc.collect()
    alive = sum(isinstance(o, yaml.Node) for o in gc.get_objects())
    assert alive == 0, broken("pyyaml constructed_objects", f"{alive} YAML nodes kept after parsing")


def test_anchor_ids_links_to_a_section_of_a_data_page_are_checked(config, caplog):
    """MkDocs checks #anchors against page.present_anchor_ids, which DataPage fills itself."""
    from mkdocs.structure.files import File, Files, InclusionLevel
    from mkdocs.structure.pages import Page

    from carers_hub.directory.generated import make_page
    from carers_hub.engine.data_pages import DataPage

    target = File.generated(config, "services/made.md", content="", inclusion=InclusionLevel.NOT_IN_NAV)
    made = DataPage(make_page({}, "Made", Markup('<h2 id="here">Here</h2>')), target, config)
    source = File.generated(config, "linking.md", content="[ok](services/made.md#here) [bad](services/made.md#not-here)")
    page = Page(None, source, config)
    files = Files([target, source])
    for each in (made, page):
        each.read_source(config)
        each.render(config, files)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        page.validate_anchor_links(files=files, log_level=logging.WARNING)
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "not-here" in messages and "'#here'" not in messages, broken("anchor ids", messages or "no warning")


def test_the_theme_search_plugin_turned_on_is_an_error_not_a_second_index(project):
    edit(project / "mkdocs.yml", "plugins:\n", "plugins:\n  - search\n")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "CONFIG_SEARCH_PLUGIN" in output, output[-2000:]
    assert "Traceback" not in output


def test_header_partial_the_theme_header_is_the_one_overrides_copies():
    """overrides/partials/header.html is the theme's header with the site's search in it: a theme release that
    changes its header must be looked at (and the hash in the copy's comment updated)."""
    import hashlib
    import re

    from carers_hub.core.theme import header_partial

    copied_from = re.search(r"sha256 ([0-9a-f]{64})", (ROOT / "overrides" / "partials" / "header.html").read_text()).group(1)
    now = hashlib.sha256(header_partial().read_bytes()).hexdigest()
    assert now == copied_from, broken("header partial", f"the theme's partials/header.html is now {now}")


def test_pagefind_indexes_the_marked_pages_and_says_how_many(tmp_path):
    """hooks/outputs/pagefind_index.py reads "Indexed N pages" from Pagefind's summary, and the built-site check
    reads page_count from pagefind-entry.json; both are Pagefind's, not documented as an API."""
    import json

    from carers_hub.outputs import pagefind_index

    marks = pagefind_index.Marks(title="Replacement care, and breaks", filters={"kind": ("respite-care",)},
                                 strong_words=("respite",))
    page = '<html lang="en-GB"><body><article class="md-content__inner md-typeset"><h1>Breaks</h1></article></body></html>'
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(pagefind_index.mark_page(page, marks))
    (tmp_path / "b.html").write_text(page)  # not marked: not indexed
    try:
        summary = pagefind_index.index_site(tmp_path)
    except pagefind_index.IndexFailed as error:
        pytest.fail(broken("pagefind summary", str(error)))
    assert pagefind_index.indexed_pages(summary) == 1, broken("pagefind summary", summary)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    counts = [language.get("page_count") for language in entry.get("languages", {}).values()]
    assert counts == [1], broken("pagefind entry", json.dumps(entry)[:300])
    assert (tmp_path / "pagefind" / "pagefind.js").exists(), broken("pagefind entry", "no pagefind.js")


def test_a_site_with_no_page_to_index_fails_loudly(tmp_path):
    from carers_hub.outputs import pagefind_index

    (tmp_path / "style.css").write_text("p {}")
    with pytest.raises(pagefind_index.IndexFailed):
        pagefind_index.index_site(tmp_path)
    documents = pagefind_index.SearchDocuments()  # the build's way: none of its pages was marked
    documents.add("page/index.html", "<html><body><article>Not marked</article></body></html>")
    with pytest.raises(pagefind_index.IndexFailed, match="no page is marked"):
        pagefind_index.index_site(tmp_path, documents=documents)
    documents.close()


def test_theme_icons_are_svg_files_inside_the_theme():
    from carers_hub.core.theme import icon_path

    assert icon_path("material/phone").exists(), broken("theme icons", str(icon_path("material/phone")))


def test_page_urls_mkdocs_puts_every_page_where_the_url_rule_says(config):
    from mkdocs.structure.files import File, get_files

    from carers_hub.core import urls

    found = [f for f in get_files(config) if f.is_documentation_page()]
    content = SITE / "content"
    assert {f.src_uri for f in found} == {p.relative_to(content).as_posix() for p in content.rglob("*.md")}
    # Every shape of path a site may have, whatever pages this one has: the home page, a page, a section's own
    # page, a page in a section, deeper.
    shapes = [File(src, config.docs_dir, config.site_dir, config.use_directory_urls)
              for src in ("index.md", "a.md", "a/index.md", "a/b.md", "a/b/index.md", "a/b/c.md")]
    pages = found + shapes
    wrong = [(f.src_uri, f.url) for f in pages if f.url != urls.page_url(f.src_uri)
             or f.dest_uri != urls.built_file(f.src_uri)]
    assert not wrong, broken("page urls", f"{wrong[:3]}")


def test_short_page_addresses_turned_off_is_an_error(project):
    edit(project / "mkdocs.yml", "use_directory_urls: true", "use_directory_urls: false")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "CONFIG_DIRECTORY_URLS" in output, output[-2000:]


def test_article_markup_the_theme_wraps_each_page_in_the_article_the_build_reads(built_site):
    from carers_hub.outputs import article

    html = (built_site / "get-help-now" / "index.html").read_text()
    assert article.bounds(html, marked=True), broken("article markup", f"{article.OPEN}> is gone")
    assert "Get help now" in article.content(html) and "ch-search-words" not in article.content(html)


@pytest.fixture
def view():
    from carers_hub.site_build import SiteView

    data, directory = load_data()
    return SiteView(data=data, directory=directory)


def test_extra_as_text_the_view_templates_see_prints_itself_short(view):
    """The macros plugin writes every config.extra value as text on each build (7 MB for a large directory)."""
    assert len(repr(view)) < 200, broken("extra as text", repr(view)[:200])


def test_the_view_templates_see_cannot_be_changed(view):
    from dataclasses import FrozenInstanceError

    with pytest.raises(FrozenInstanceError):
        view.data = None
    with pytest.raises(TypeError):
        view.page_urls["x.md"] = "x/"


def test_page_sandbox_mkdocs_macros_renders_each_page_in_the_environment_install_gives_it():
    """hooks/engine/page_sandbox.install, from hooks/macros.py's on_pre_page_macros (documented), puts its sandbox
    in mkdocs-macros' `_env` (not documented): the Jinja environment its `env` property answers with, and which
    its `render` uses for each page's Markdown and title. If that changes, pages render outside the sandbox."""
    from carers_hub.engine.page_sandbox import PageSandbox
    from support.page_render import macros_plugin, render

    plugin = macros_plugin(ROOT, *load_data())
    output = render(plugin, "{{ joiner }}")  # an ordinary Jinja environment prints <jinja2.utils.Joiner ...>
    assert isinstance(plugin.env, PageSandbox), broken("page sandbox", f"pages render with {type(plugin.env)}")
    assert "Joiner" not in output and "[PAGE_TEMPLATE_NOT_ALLOWED]" in output, broken("page sandbox", output)
    render(plugin, "", title="{{ joiner }}")
    assert "Joiner" not in plugin.page.title, broken("page sandbox", f"the title rendered: {plugin.page.title}")
