"""What the preview builds again after an edit (hooks/preview.py, SiteBuild.page_prints), without MkDocs: a page
is built again exactly when what it shows may have changed, and nothing kept is reused after a failed build.

What the preview leaves out is still done by every real build, and tested there: the open data
(tests/test_open_data.py::test_one_record_per_service, ::test_every_record_is_valid_oruk), Pagefind's index
(tests/test_search.py::test_query_finds_the_right_page_in_the_first_three,
tests/test_engine_coupling.py::test_pagefind_indexes_the_marked_pages_and_says_how_many), the PDF leaflets
(tests/test_easy_read.py::test_each_leaflet_is_a4_titled_large_and_complete) and the hashed script policy
(tests/test_privacy.py::test_every_page_has_a_strict_content_security_policy).
"""

from __future__ import annotations

from concurrent.futures import Future

import pytest

import yaml

from conftest import SITE, SUITE_TODAY, edit, load_data
from carers_hub import preview
from carers_hub.engine import dirty_pages
from carers_hub.core import background
from carers_hub.site_build import SiteBuild
from support.project import at_least_services, change_service, copy_project

# Pages the test writes into its copy of the site, whatever pages the site has: one showing services, one not.
LONELINESS = "about-feeling-alone.md"
NO_SERVICES = "about-paying-less.md"


@pytest.fixture(scope="module")
def markdown():
    from mkdocs.config import load_config

    from carers_hub.checks.page_html import MarkdownReader

    config = load_config(str(SITE / "mkdocs.yml"))
    return MarkdownReader(config.markdown_extensions, config.mdx_configs)


@pytest.fixture(scope="module")
def started():
    background.start()
    yield
    background.stop()


def prints(root, cache, markdown) -> dict[str, str]:
    """One preview build's prints, as hooks/mkdocs_hooks.py makes them."""
    build = SiteBuild.load(root, SUITE_TODAY, make_leaflets=False, preview=True, cache=cache)
    content = root / "content"
    build.check_pages({p.relative_to(content).as_posix(): p for p in sorted(content.rglob("*.md"))}, markdown)
    return build.page_prints(root / "mkdocs.yml")


def changed(before: dict, after: dict) -> set[str]:
    return {src for src in after if before.get(src) != after[src]}


def write_page(project, name: str, title: str, body: str) -> None:
    """A page as an editor writes it, reviewed and owned as the site's home page is."""
    home = yaml.safe_load((project / "content" / "index.md").read_text().split("---\n")[1])
    front = {"title": title, "description": f"{title}: a page to test with.",
             **{key: home[key] for key in ("owner", "last_reviewed", "review_by", "audience")}}
    (project / "content" / name).write_text(f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n\n# {title}\n\n"
                                            f"{body}\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("rebuild") / "project")
    at_least_services(project, 2)
    audience = load_data(project / "data")[1].listings[0].service.audience[0]
    write_page(project, LONELINESS, "Loneliness",
               f'Many carers feel lonely. These groups can help.\n\n{{{{ services(audience="{audience}") }}}}')
    write_page(project, NO_SERVICES, "Paying less", "You may pay less. Ask the council.")
    return project


def test_an_edit_builds_again_only_what_shows_it(project, markdown, started):
    data, directory = load_data(project / "data")
    service, other = directory.listings[:2]
    SERVICE, OTHER_SERVICE = f"services/{service.id}.md", f"services/{other.id}.md"  # noqa: N806
    cache = preview.PreviewCache()
    first = prints(project, cache, markdown)
    assert SERVICE in first and OTHER_SERVICE in first and LONELINESS in first
    assert changed(first, prints(project, cache, markdown)) == set(), "nothing changed, nothing to build"

    edit(project / "content" / LONELINESS, "Many carers feel lonely.", "Many carers often feel lonely.")
    after_page = prints(project, cache, markdown)
    assert changed(first, after_page) == {LONELINESS}

    change_service(project, description="Changed. " + service.service.description)
    after_data = prints(project, cache, markdown)
    rebuilt = changed(after_page, after_data)
    assert SERVICE in rebuilt and "services/index.md" in rebuilt  # its page, and the list that shows it
    assert LONELINESS in rebuilt  # it shows services with {{ services(...) }}
    assert OTHER_SERVICE not in rebuilt and NO_SERVICES not in rebuilt
    written = {src: project / "content" / src for src in rebuilt if (project / "content" / src).is_file()}
    assert [src for src, path in written.items() if not preview.shows_directory(path.read_text())] == [], \
        "an editor's page that shows no service was built again"
    assert len(rebuilt) < len(after_data)

    # Every page's menu and header: a page's title, the council's details.
    edit(project / "content" / LONELINESS, "title: Loneliness", "title: Feeling lonely")
    after_title = prints(project, cache, markdown)
    assert changed(after_data, after_title) == set(after_title)
    site_file = project / "data" / "site.yaml"
    council = next(line for line in site_file.read_text().splitlines()
                   if line.strip().startswith("name:") and data.council.name in line)
    edit(site_file, council, council.replace(data.council.name, data.council.name + " Council"))
    assert changed(after_title, prints(project, cache, markdown)) == set(after_title)


def test_a_page_showing_the_directory_is_built_again_with_any_service():
    assert preview.shows_directory('Call {{ service_phone("carers-trust") }} or {{ services(category="x") }}')
    assert preview.shows_directory("{{ journeys() }}")
    assert not preview.shows_directory('Call {{ phone("samaritans") }}. Our services help you.')


def test_directory_files_are_told_apart(tmp_path):
    assert preview.is_directory_file(tmp_path / "services-imported.yaml")
    assert preview.is_directory_file(tmp_path / "organisations.yaml")
    assert not preview.is_directory_file(tmp_path / "site.yaml")
    assert not preview.is_directory_file(tmp_path / "contacts.yaml")


def test_a_value_digest_follows_every_field_and_reads_each_value_once():
    from dataclasses import dataclass

    @dataclass
    class Item:
        name: str
        summary: str

    one, two = Item("a", "first"), Item("b", "second")
    seen: dict[int, str] = {}
    listed = [one, two]
    before = preview.value_digest((listed, 1), seen)
    assert before == preview.value_digest(([Item("a", "first"), Item("b", "second")], 1), {})
    assert before != preview.value_digest(([Item("a", "first"), Item("b", "changed")], 1), {})
    assert id(one) in seen  # a service in many lists is read once


def test_after_a_failed_build_that_wrote_pages_every_page_is_built_again_and_stopped_measures_are_forgotten():
    cache = preview.PreviewCache()
    cache.built = {"index.md": "print"}
    done, stopped = Future(), Future()
    done.set_result(1)
    stopped.cancel()
    cache.readings = {"done": done, "stopped": stopped}
    cache.failed(wrote=False)  # an editor's mistake stops the build before it writes: the last good build stands
    assert cache.built == {"index.md": "print"}
    assert set(cache.readings) == {"done"}
    cache.failed(wrote=True)
    assert cache.built == {}


def test_dirty_build_mkdocs_builds_only_pages_marked_modified_and_menus_keep_titles(tmp_path, caplog):
    """Coupling point 'dirty build': MkDocs' dirty build (`build(dirty=True)`, `mkdocs serve --dirty`) leaves the
    site folder, asks each page's File `is_modified()` (an attribute set on the File is what it asks) and
    builds only those; a Page made and read before the menu is built gives the menu its title; MkDocs' warning
    about dirty builds is left out."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntitle: Home\n---\n\nFirst.\n")
    (docs / "other.md").write_text("---\ntitle: Other page\n---\n\nFirst.\n")
    (tmp_path / "marks.py").write_text(
        "from carers_hub.engine import dirty_pages\n"
        "PRINTS = {}\n"
        "def on_files(files, config):\n"
        "    dirty_pages.mark_unchanged(files, PRINTS['now'], PRINTS['built'], config)\n"
        "    return files\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme: mkdocs\nhooks: [marks.py]\nnav: [index.md, other.md]\n")
    site = tmp_path / "site"

    def dirty_build(now: dict, built: dict) -> None:
        config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(site))
        config.plugins["marks.py"].PRINTS.update(now=now, built=built)
        build(config, dirty=True)

    dirty_build({"index.md": "1", "other.md": "1"}, {})
    (docs / "index.md").write_text("---\ntitle: Home\n---\n\nSecond.\n")
    (docs / "other.md").write_text("---\ntitle: Other page renamed\n---\n\nSecond.\n")
    caplog.clear()  # the first build's warning
    dirty_pages.quiet(True)
    try:
        with caplog.at_level(logging.WARNING):
            dirty_build({"index.md": "2", "other.md": "1"}, {"index.md": "1", "other.md": "1"})
    finally:
        dirty_pages.quiet(False)
    home, other = (site / "index.html").read_text(), (site / "other" / "index.html").read_text()
    assert "Second." in home and "First." in other, "MkDocs did not build exactly the page marked modified"
    assert "Other page renamed" in home, "the menu of a page built again lost an unchanged page's title"
    assert dirty_pages.DIRTY_WARNING not in caplog.text
