"""One build of the site: its typed state, and each step the engine calls, as plain Python.

hooks/mkdocs_hooks.py calls these steps from MkDocs' events, and does nothing else: a step takes what the
engine knows (a page's path under content/, its HTML) and returns HTML or problems. Templates and macros
see a read-only view (SiteView), published once the pages are known.

The order of a build:
  load            data/ checked into typed objects (SiteData, Directory); no placeholder address (example.org) on a
                  site with a real address; nothing written on a problem
  check_pages     the files in content/ (pages and pictures that are what they say, none a link out of it);
                  every page's front matter, template code (the site's macros only), template words left in and
                  HTML (only what pages may hold); pages data/ points at; the crisis pages; then the pages made
                  from data (hooks/directory) are added, and the view for templates is complete
  page_content    each page's HTML: nothing a macro wrote that no page may hold, reading level started,
                  easy-read pictures and crisis contacts checked, leaflet link added
  judge_pages     reading levels judged; stop before any page is written if a page broke a rule; then the
                  open data starts
  finish_page     each written page: Get help now and nothing from other websites (else stop),
                  abbreviations explained, menus named, external links marked, marked for search (its title, filters
                  and the words carers use); no inline script but the listed ones (else stop), and the
                  Content-Security-Policy allowing those; its PDF leaflet started
  finish          wait for the open data and save the leaflets
  write_editor    the browser editor at admin/: its configuration made from data/ and the models, its page and
                  files (hooks/editor)
  index_search    Pagefind indexes the finished site (hooks/outputs/pagefind_index.py)
  settle          a failed build cancels or finishes its jobs, so nothing is written after it

"Started" work runs in a second process (hooks/core/background.py) while the engine renders pages.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from markupsafe import Markup, escape

from carers_hub import directory as pages_from_data, preview as preview_cache
from carers_hub.checks import (content_files, crisis, easy_read, page_html, page_template, placeholder_domains,
                          readability, reading_rules, third_party, typed_facts)
from carers_hub.core import background, memory, urls
from carers_hub.core.problems import Problem, ProblemsFound
from carers_hub.core.render import render
from carers_hub.core.yaml_source import load_text
from carers_hub.data import facts, front_matter, page_sources, placeholders, services, site_data
from carers_hub.data.models import PageMeta, ReadingLimits
from carers_hub.directory import near_me, open_data
from carers_hub.directory.generated import Generated, Sources
from carers_hub.directory.service_pages import service_src
from carers_hub.editor import collections as editor_collections, config as editor_config, page as editor_page
from carers_hub.outputs import (abbreviations, article, leaflets, nav_names, page_scripts, pagefind_index,
                           report_problem, search_index, security_headers)
from carers_hub.outputs.council_css import council_css


def load_data(root: Path, today: date, loaded: tuple | None = None,
              stand_ins: bool = False) -> tuple[site_data.SiteData, services.Directory]:
    """data/ read and checked into typed objects; raises ProblemsFound with every problem. Pure: tests call it
    with any data/ (tests/test_any_input.py). loaded: what the preview's last build read from the same files;
    stand_ins: the preview's, a placeholder read as a marked stand-in (site_data.load_file)."""
    _raise_errors(content_files.outside(root / "data", sorted((root / "data").rglob("*"))))
    if loaded:
        data, directory = loaded
    else:
        data = site_data.load_site_data(root / "data", root=root, today=today, stand_ins=stand_ins)
        directory = services.load_directory(root / "data", data, root=root, today=today, stand_ins=stand_ins)
    # A real council's site sends nothing to example.org (the example's own addresses are allowed on it).
    _raise_errors(placeholder_domains.project_problems(root, data.site.url))
    return data, directory


@dataclass(frozen=True)
class Links:
    get_help_now: str  # the crisis page's address
    footer: tuple[Mapping[str, str], ...]  # {"title", "url"} for each footer link


@dataclass(frozen=True)
class SiteView:
    """What templates (config.extra.carers) and macros may read: nothing here can be changed."""

    data: site_data.SiteData
    directory: services.Directory
    # every page's address, by its path under content/
    page_urls: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    links: Links | None = None
    editable: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # page path -> its editor entry

    def __repr__(self) -> str:
        # Short: the macros plugin writes config.extra as text on each build.
        return f"SiteView({self.directory!r}, {len(self.page_urls)} pages)"

    @property
    def exit_url(self) -> str:
        """Where "Exit this page" goes (data/site.yaml exit_this_page)."""
        return self.data.site_file.exit_this_page.url

    def edit_link(self, src_uri: str, page_url: str) -> str | None:
        """Where "Edit this page" goes: the page, or the service, in the browser editor at /admin/; None when
        data/site.yaml editor.edit_link is off or the page is made from data with nothing of its own to edit."""
        entry = self.editable.get(src_uri)
        if not (entry and self.data.site_file.editor.edit_link):
            return None
        return urls.relative(editor_page.FOLDER + "/", page_url) + entry

    def report_link(self, page_url: str, title: str) -> str | None:
        """Where "Report a problem with this page" goes for the page at page_url, or None if nowhere is set."""
        return report_problem.link(self.data.site_file.report_problem, self.data.site.url, page_url, title)


@dataclass(frozen=True)
class PendingReading:
    """A page's reading level, being measured in the second process."""
    measuring: Future
    kind: str
    limits: ReadingLimits
    file: str
    source: str

    def problems(self) -> list[Problem]:
        verdict = reading_rules.judge(background.wait(self.measuring), self.kind, self.limits, self.file, self.source)
        strict_page = self.kind != "standard"  # crisis and easy-read pages must always pass
        return [p if strict_page else dataclasses.replace(p, warning=True) for p in verdict.problems]


@dataclass
class SiteBuild:
    root: Path  # the folder with mkdocs.yml, data/ and content/
    today: date
    make_leaflets: bool  # not in `mkdocs serve`, where they would slow every rebuild
    data: site_data.SiteData
    directory: services.Directory
    metas: dict[str, PageMeta | None] = field(default_factory=dict)
    generated: dict[str, Generated] = field(default_factory=dict)
    leaflet_pages: dict[str, leaflets.Leaflet] = field(default_factory=dict)  # by path under content/
    page_problems: list[Problem] = field(default_factory=list)
    readings: list[PendingReading] = field(default_factory=list)
    leaflet_pdfs: dict[str, Future] = field(default_factory=dict)
    open_data: Future | None = None
    jobs: list[Future] = field(default_factory=list)  # everything started in the second process
    view: SiteView | None = None
    _groups: list[list[str]] | None = None  # data/synonyms.yaml, lower case
    search_documents: pagefind_index.SearchDocuments = field(default_factory=pagefind_index.SearchDocuments)
    preview: bool = False  # `mkdocs serve`: a page still being written is shown, with warnings
    cache: preview_cache.PreviewCache | None = None  # the preview's, from its last build (hooks/preview.py)
    data_key: str = ""  # with a cache: what data/ holds, today
    texts: dict[str, str] = field(default_factory=dict)  # with a cache: each page's source, by path under content/
    generated_key: str = ""  # with a cache: what the pages made from data were made from
    rebuilding: bool = False  # the last good build's files are still in the site folder (a dirty preview build)
    prints: dict[str, str] = field(default_factory=dict)  # with a cache: page_prints, once the pages are known
    wrote: bool = False  # a page has been finished, to be written into the site folder

    # -- load ---------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, root: Path, today: date, make_leaflets: bool, preview: bool = False,
             cache: preview_cache.PreviewCache | None = None) -> "SiteBuild":
        """Read and check data/, and that the editor's files are installed; raises ProblemsFound with every
        problem, before anything is written. cache: the preview's (never a real build's)."""
        editor_page.check_bundle(root)
        key = preview_cache.data_digest(root, today) if cache else ""
        data, directory = load_data(root, today, cache.loaded.get(key) if cache else None, stand_ins=preview)
        if cache:
            cache.keep_one(cache.loaded, key, (data, directory))
        build = cls(root=root, today=today, make_leaflets=make_leaflets, data=data, directory=directory,
                    preview=preview, cache=cache, data_key=key)
        build.view = SiteView(data=data, directory=directory)
        build._start(readability.warm_up)  # the dictionary loads while pages are read
        return build

    def _start(self, job, *args, give_back: bool = False) -> Future:
        started = background.submit(job, *args, give_back=give_back)
        self.jobs.append(started)
        return started

    @property
    def site_name(self) -> Markup:
        """The site's name, escaped once here: the theme prints it unescaped in some attributes (coupling
        point 'site name'), and Markup is left as it is by the places that do escape it."""
        return escape(self.data.site.name)

    @property
    def site_description(self) -> Markup:
        return escape(self.data.site.description)

    @property
    def crisis_sources(self) -> set[str]:
        return {c.page for c in self.data.crisis_pages}

    def council_css(self) -> str:
        return council_css(self.data.colours)

    # -- check_pages ----------------------------------------------------------------------------------------
    def check_pages(self, sources: Mapping[str, Path], markdown: page_html.MarkdownReader,
                    files: list[Path] = ()) -> list[Problem]:
        """Check every file in content/ (files: pages and pictures that are what they say, none a link to a file
        elsewhere) and every page (path there -> file), reading its Markdown as the site does (markdown);
        returns warnings, raises ProblemsFound on errors. Then make the pages from data, so `generated` and the
        view are complete."""
        content = self.root / "content"
        problems: list[Problem] = content_files.content_problems(content, files)
        sourced = self.data.site_file.sourced_sections
        checks_key = preview_cache.checks_digest(self.root, self.today) if self.cache else ""
        problems += page_sources.unknown_sections(sourced, sources, self.data.sources["site.yaml"])
        for src_uri, path in sources.items():
            if not content_files.inside(content, path):  # refused above, and never read
                continue
            text = path.read_text(encoding="utf-8")
            if self.cache is None:
                meta, found = self.check_page(src_uri, path, text, markdown, sourced)
            else:  # the preview: a page checked before, with the same data, has the same answer
                self.texts[src_uri] = text
                meta, found = self.cache.remember(
                    self.cache.checked, preview_cache.digest(src_uri, text, checks_key),
                    lambda: self.check_page(src_uri, path, text, markdown, sourced))
            self.metas[src_uri] = meta
            problems += found
        problems += self.data_problems(set(sources))
        _raise_errors(problems)
        self.add_data_pages(sources)
        return [p for p in problems if p.warning]

    def check_page(self, src_uri: str, path: Path, text: str, markdown: page_html.MarkdownReader,
                   sourced) -> tuple[PageMeta | None, list[Problem]]:
        """One page's front matter, and its problems (errors and warnings)."""
        shown = _shown(path, self.root, src_uri)
        meta, problems = front_matter.check_page(text, shown, {*self.data.audiences}, self.today,
                                                 crisis=src_uri in self.crisis_sources)
        if meta:  # no front matter is a problem of its own, found above; a quoted fact brings its source
            quotes_facts = bool(facts.quoted_in(text, self.data.facts))
            problems += page_sources.missing_sources(src_uri, bool(meta.sources) or quotes_facts, shown, sourced)
        problems += page_template.problems(text, shown)  # before any page renders: macros only, no other code
        problems += page_html.page_problems(text, shown, markdown, self.own_host)  # only what pages may hold
        # Never published; the preview shows a page being written, with a warning (as for its reading level).
        problems += [dataclasses.replace(p, warning=self.preview) for p in placeholders.in_page(text, shown)]
        problems += typed_facts.typed(text, shown, self.data.facts)  # warnings: amounts not from facts.yaml
        return meta, problems

    def data_problems(self, pages: set[str]) -> list[Problem]:
        """What data/ gets wrong once the pages (paths under content/) are known, and the directory's warnings."""
        return [*self.data.problems, *self.directory.problems,
                *facts.expired(self.data.facts_file.facts, self.data.sources["facts.yaml"], self.today),
                *crisis.missing_pages(self.data.crisis_pages, pages)]

    def add_data_pages(self, sources: Mapping[str, Path]) -> None:
        """Make the pages from data, once every page's front matter is in `metas`, so `generated` and the view
        are complete; raises ProblemsFound if data/ points at a page there is not."""
        self.generated = self._made_from_data()
        self.search_documents.expect(len(sources) + sum(made.search is not None for made in self.generated.values()))
        # data/ may point at pages made from data too (the footer's A to Z).
        known = set(sources) | set(self.generated)
        _raise_errors([*site_data.page_link_problems(self.data, known),
                       *site_data.promised_page_problems(self.data, known.__contains__, "in content/ or made from data")])
        page_urls = {src: urls.page_url(src) for src in [*sources, *self.generated]}
        self.leaflet_pages = leaflets.leaflets_for(self.metas, self.data.get_help_now.page)
        editable = {src: editor_collections.page_entry(src) for src in sources}
        sizes = self.data_file_sizes
        editable.update({service_src(s.id): entry for s in self.directory.listings
                         if (entry := editor_collections.service_entry(s.file, sizes))})
        self.view = dataclasses.replace(
            self.view, page_urls=MappingProxyType(page_urls), editable=MappingProxyType(editable),
            links=Links(get_help_now=page_urls[self.data.get_help_now.page],
                        footer=tuple(MappingProxyType({"title": link.title, "url": page_urls[link.page]})
                                     for link in self.data.footer.links)))

    def _made_from_data(self) -> dict[str, Generated]:
        """The pages made from data; in the preview, those of its last build if data/ and every page's front
        matter are as they were."""
        if self.cache is None:
            return pages_from_data.generated_pages(Sources(self.data, self.directory, self.metas))
        fronts = (f"{src}\0{meta.model_dump_json() if meta else ''}" for src, meta in sorted(self.metas.items()))
        self.generated_key = preview_cache.digest(self.data_key, *fronts)
        if self.generated_key not in self.cache.generated:
            made = pages_from_data.generated_pages(Sources(self.data, self.directory, self.metas))
            self.cache.keep_one(self.cache.generated, self.generated_key, (made, {}))
        return self.cache.generated[self.generated_key][0]

    def page_prints(self, config_file: Path) -> dict[str, str]:
        """The preview's: what each page is built from, by its path under content/. A page whose print is the same
        as in the last good build would be built the same (hooks/engine/dirty_pages.py). Every page shows the
        menu, header and footer (shared_digest); a page from content/ its own text, and data/ whole if a macro
        on it shows the directory; a page made from data what it is made from (Generated.made_from), else its
        HTML. A page made from data has its print made once, with the page (when data/ or front matter changed)."""
        view = self.view
        shared = preview_cache.shared_digest(self.root, config_file, self.today, [
            *(f"{src}\0{url}" for src, url in sorted(view.page_urls.items())),
            *(f"{src}\0{entry}" for src, entry in sorted(view.editable.items())),
            *(f"{src}\0{meta.model_dump_json() if meta else ''}" for src, meta in sorted(self.metas.items()))])
        prints = {src: preview_cache.digest(shared, text, self.data_key if preview_cache.shows_directory(text) else "")
                  for src, text in self.texts.items()}
        made_prints, seen = self.cache.generated[self.generated_key][1], {}
        for src, made in self.generated.items():
            if src not in made_prints:
                body = preview_cache.value_digest(made.made_from, seen) if made.made_from else str(made.html())
                made_prints[src] = preview_cache.digest(made.title, repr(sorted(made.meta.items())), body)
            prints[src] = preview_cache.digest(shared, made_prints[src])
        return prints

    # -- page_content ---------------------------------------------------------------------------------------
    def page_content(self, src_uri: str, html: str, page_url: str) -> str:
        """A page from content/ as HTML (before the theme): start its checks, add its leaflet link."""
        if src_uri in self.generated:  # made from data/, which has its own checks
            return html
        file = "content/" + src_uri
        source = (self.root / "content" / src_uri).read_text(encoding="utf-8")  # as written, before macros
        meta = self.metas.get(src_uri)
        kind = reading_rules.page_kind(src_uri, self.crisis_sources)
        limits = reading_rules.limits_for(kind, self.data.reading_level, meta)
        self.page_problems += page_html.published_problems(html, source, file, self.own_host)  # what macros wrote
        measuring = self._measure(readability.article_text(html))
        self.readings.append(PendingReading(measuring, kind, limits, file, source))
        if meta and meta.easy_read_of:
            self.page_problems += easy_read.point_problems(html, file, source)
        for required in self.data.crisis_pages:
            if required.page == src_uri:
                self.page_problems += crisis.missing_contacts(required, file, html, self.data.contacts)
        leaflet = self.leaflet_pages.get(src_uri)
        if leaflet:
            link = leaflets.link(urls.relative("leaflets/" + leaflet.pdf_name, page_url), bool(meta and meta.easy_read_of))
            # After the heading; str first, as Markup + str would escape the page.
            html = html.replace("</h1>", "</h1>\n" + str(link), 1) if "</h1>" in html else str(link) + html
        sources = [*(meta.sources if meta else []), *map(facts.as_page_source, facts.quoted_in(source, self.data.facts))]
        if sources:  # after the reading level was started: it is about the page, not for scoring
            html += "\n" + str(render("page-sources.html", sources=page_sources.primary_first(sources)))
        return html

    def _measure(self, text: str) -> Future:
        """A page's reading level being measured; in the preview, as measured before for the same words."""
        if self.cache is None:
            return self._start(readability.measure, text)
        return self.cache.remember(self.cache.readings, preview_cache.digest(text),
                                   lambda: self._start(readability.measure, text))

    # -- judge_pages ----------------------------------------------------------------------------------------
    def judge_pages(self, site_dir: Path) -> list[Problem]:
        """Every page's checks: raise ProblemsFound on errors, return warnings. Then start the open data."""
        problems = list(self.page_problems)
        for reading in self.readings:
            problems += reading.problems()
        _raise_errors(problems)
        if not self.preview:  # the open data is for other services' computers, not the editor's eyes
            self.open_data = self._start(open_data.write, self.directory, self.data, site_dir, give_back=True)
        return [p for p in problems if p.warning]

    # -- finish_page ----------------------------------------------------------------------------------------
    def finish_page(self, output: str, file: str) -> str:
        """A page as the theme wrote it: refuse it without Get help now or with a third-party request; then
        explain abbreviations, mark external links, mark the page for search; refuse it with an inline script
        not listed (page_scripts.LISTED), and add the security policy allowing the listed ones."""
        self.wrote = True
        if self.preview:  # a new council's placeholders, shown as what to fill in (never published: no preview is)
            output = placeholders.marked(output)
        own_host = self.own_host
        problems = crisis.help_link_missing(output, file) + third_party.third_party_problems(output, own_host, file)
        _raise_errors(problems)
        # Every abbreviation in the glossary is explained wherever it appears in the article, with no editor effort.
        output = abbreviations.expand_article(output, {t.abbr: t.term for t in self.data.glossary if t.abbr})
        output = nav_names.name_menus(output)  # every menu a landmark with a name
        src = file.removeprefix("content/") if file.startswith("content/") else None
        marks = self.search_marks(src, output) if src else None
        output = security_headers.mark_external_links(pagefind_index.mark_page(output, marks), own_host)
        scripts = page_scripts.page_scripts(output)  # as published: only listed inline scripts are hashed
        _raise_errors(page_scripts.script_problems(scripts, file))
        output = security_headers.add_security_headers(output, scripts.listed, self.preview)
        if marks is not None:
            self.search_documents.add(urls.built_file(src), output)
        return output

    def search_marks(self, src_uri: str, output: str) -> pagefind_index.Marks | None:
        """What search is told about a page, or None to keep it out of search (pages made from data without a
        search entry, such as the filter pages that repeat what each service's page says)."""
        groups = self._synonym_groups
        made = self.generated.get(src_uri)
        if made is not None:
            return data_page_marks(made, groups)
        meta = self.metas.get(src_uri)
        if meta is None or (meta.model_extra or {}).get("search", {}).get("exclude"):
            return None
        text = article.content(output) or ""
        strong = " ".join([meta.title, *HEADING.findall(text)])
        named, mentioned = search_index.page_words(strong, text, groups)
        return pagefind_index.Marks(title=meta.title, strong_words=named, words=mentioned,
                                    label=pagefind_index.label_of(src_uri, service=False))

    @property
    def _synonym_groups(self) -> list[list[str]]:
        if self._groups is None:
            self._groups = search_index.groups(self.data.synonyms_file)
        return self._groups

    @property
    def own_host(self) -> str:
        return self.data.site.url.split("/")[2]

    def start_leaflet(self, src_uri: str, output: str, page_file: Path, site_dir: Path) -> None:
        """Make the page's PDF leaflet from the page as built, in the second process; saved by finish(). It may
        read only files in site_dir, the folder being built (leaflets.render_pdf)."""
        leaflet = self.leaflet_pages.get(src_uri)
        if not leaflet or not self.make_leaflets:
            return
        printed = leaflets.help_items(self.data.contacts, self.data.get_help_now.printed_contacts)
        self.leaflet_pdfs[src_uri] = self._start(
            leaflets.make_pdf, leaflet, output, page_file.as_uri(), self.data.council.name, printed,
            self.data.site.url, site_dir, give_back=True)  # a page laid out by WeasyPrint is large; leaflets are few

    # -- finish, index_search, settle ---------------------------------------------------------------------
    def finish(self, site_dir: Path) -> None:
        if near_me.has_places(self.directory):
            near_me.write(self.directory, site_dir)
        if self.open_data is not None:
            background.wait(self.open_data)
        for src_uri, pdf in self._leaflets_made().items():
            leaflets.save(self.leaflet_pages[src_uri], pdf, site_dir)

    def _leaflets_made(self) -> dict[str, bytes]:
        """Every leaflet made, by page; raises ProblemsFound, before any is saved, if a leaflet was refused
        something it asked for."""
        made, problems = {}, []
        for src_uri, making in self.leaflet_pdfs.items():
            try:
                pdf = background.wait(making)
            except leaflets.Refused as refused:
                source = (self.root / "content" / src_uri).read_text(encoding="utf-8")
                problems += leaflets.refused_problems(self.leaflet_pages[src_uri], refused, source)
                continue
            if pdf:
                made[src_uri] = pdf
        _raise_errors(problems)
        return made

    def write_editor(self, site_dir: Path) -> None:
        """admin/: the editor's page, its configuration and the CMS's files. CARERS_HUB_EDITOR_SERVER (set by
        make edit and the tests) points it at a local server instead of the site's repository; with neither, the
        page says what to set up (hooks/editor/config.py mode)."""
        admin = site_dir / editor_page.FOLDER
        editor_page.check_bundle(self.root)  # first: stops if it is not installed
        settings, server = self.data.site_file.editor, os.environ.get("CARERS_HUB_EDITOR_SERVER") or None
        if editor_config.mode(settings, server) == "unset":
            return editor_page.write_setup(admin, self.data.site.name, self.data.colours.primary)
        config = editor_config.editor_config(
            settings, self.data.site.name, self.data.site.url, _page_folders(self.root / "content"),
            self.data_file_sizes, self.editor_choices(), local_server=server)
        editor_page.copy_bundle(self.root, admin, config)  # makes admin/
        (admin / "config.yml").write_text(editor_config.as_yaml(config), encoding="utf-8")
        (admin / "council.css").write_text(editor_page.council_css(self.data.colours.primary), encoding="utf-8")
        styles = editor_page.preview_styles(site_dir) if config["backend"]["name"] == "github" else []
        (admin / "index.html").write_text(editor_page.index_html(self.data.site.name, config, styles),
                                          encoding="utf-8")
        (admin / "order.json").write_text(json.dumps(editor_collections.data_key_order()), encoding="utf-8")

    @property
    def data_file_sizes(self) -> dict[str, int]:
        """The data files that exist, with the number of services in each (and of imported organisations):
        the editor leaves out an imported file too long to open (hooks/editor/collections.py LIST_MAX)."""
        sizes = {f"data/{p.name}": 0 for p in (self.root / "data").glob("*.yaml")}
        for listing in self.directory.listings:
            sizes[listing.file] += 1
        imported = self.root / "data" / "organisations-imported.yaml"
        if imported.exists():
            shown = "data/" + imported.name
            organisations = (load_text(imported.read_text(encoding="utf-8"), shown) or {}).get("organisations")
            sizes[shown] = len(organisations or [])
        return sizes

    def editor_choices(self) -> dict[str, tuple[list[dict], str]]:
        return editor_collections.choices(
            {a.id: a.label for a in self.data.audiences.values()},
            {c.id: c.label for c in self.directory.categories.values()},
            {o.id: o.name for o in self.directory.organisations.values()},
            {c.id: c.name for c in self.data.contacts.values()})

    def index_search(self, site_dir: Path) -> str:
        """The site's search index, made by Pagefind from the finished pages (site/pagefind/); Pagefind's
        summary. Raises ProblemsFound if Pagefind fails or finds no page to index."""
        memory.give_back()  # what rendering freed, for Pagefind, which holds a whole index part in memory
        try:
            return pagefind_index.index_site(site_dir, documents=self.search_documents)
        except (pagefind_index.IndexFailed, OSError) as failed:
            raise ProblemsFound([Problem(
                code="SEARCH_INDEX_FAILED", file=f"{pagefind_index.OUTPUT}/", line=None, field="",
                message=f"Pagefind could not index the site. {failed}",
                fix="See SEARCH_INDEX_FAILED in docs/errors.md.")]) from None
        finally:
            self.search_documents.close()

    def settle(self) -> None:
        """After a failed build: nothing started is left writing into the site folder."""
        background.settle(self.jobs)


HEADING = re.compile(r"<h[1-3][^>]*>(.*?)</h[1-3]>", re.DOTALL)


def _shown(path: Path, root: Path, src_uri: str) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return "content/" + src_uri


def _page_folders(content: Path) -> list[str]:
    """"" for the top of content/, then each folder holding pages."""
    return [""] + sorted({p.parent.relative_to(content).as_posix() for p in content.glob("*/*.md")})


def _raise_errors(problems: list[Problem]) -> None:
    errors = [p for p in problems if not p.warning]
    if errors:
        raise ProblemsFound(errors)


def data_page_marks(made: Generated, groups: list[list[str]]) -> pagefind_index.Marks | None:
    """What search is told about a page made from data (a service's page), from its data: None without a search
    entry. Also used by the tests to index directories of thousands of services without building them."""
    if not made.search:
        return None
    strong = " ".join([made.search["title"], *made.search.get("tags", [])])
    body = made.search.get("text", "") if made.search.get("body_words", True) else ""
    named, mentioned = search_index.page_words(strong, body, groups)
    service = made.filters.get("type") == ("service",)
    return pagefind_index.Marks(title=made.title, filters=made.filters, strong_words=named, words=mentioned,
                                guidance=False, label=pagefind_index.label_of("", service=service))
