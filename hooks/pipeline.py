"""MkDocs hooks: the thin layer that runs the checks in this folder during a build.

Order of a build (diagram in docs/developers/how-it-works.md):
  on_startup       remember whether this is `serve` (no PDF leaflets, to keep rebuilds fast); start the
                   second process (background.py)
  on_config        load and check data/ (site_data.py, services.py); stop before anything is written
  on_files         check every page's front matter (pages.py), the pages data/ points at and the crisis pages
                   (crisis.py); add the pages made from data (service_pages.py, journeys.py, as
                   data_pages.py's pages: no Markdown)
  macros           mkdocs-macros-plugin renders {{ }} with hooks/macros.py
  on_page_content  start the reading level (readability.py); easy-read pictures, crisis contacts; leaflet links
  on_env           judge reading levels (reading_rules.py); stop before any page is written if a page broke a rule;
                   start the open data (oruk.py)
  templates        overrides/ read config.extra.carers for the council, contacts and links
  on_post_page     every page has "Get help now" and loads nothing from elsewhere (security.py);
                   abbreviations explained, external links marked, Content-Security-Policy added;
                   start the page's PDF leaflet (leaflets.py)
  on_post_build    pages made from data and synonyms into the search index (search_terms.py) before it
                   is written; wait for the open data and save the leaflets
  on_build_error   a failed build cancels or finishes its jobs, so nothing is written after it
  on_shutdown      stop the second process

"Start" means the work runs in a second process (background.py) while this one builds pages.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import re
import sys
from concurrent.futures import Future
from datetime import date
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

# MkDocs loads this file by path, not as part of the `hooks` package, so put the project on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hooks import (abbreviations, background, crisis, data_pages, easy_read, journeys, leaflets, oruk,  # noqa: E402
                   pages, readability, reading_rules, search_terms, security, service_pages, services, site_data)
from hooks.models import ReadingLimits  # noqa: E402
from hooks.problems import Problem, ProblemsFound, report  # noqa: E402
from hooks.render import long_date  # noqa: E402

log = logging.getLogger("mkdocs.plugins.carers")


_COMMAND = {"name": "build"}
_JOBS: list[Future] = []  # this build's jobs in the second process


def on_startup(command, dirty):
    # `mkdocs serve` rebuilds on every save: leave out the slow PDF leaflets there (make site makes them).
    _COMMAND["name"] = command
    # A build keeps every page in memory until it ends. With Python's default thresholds the garbage
    # collector scans them again and again (about 1 s of a 5,000-service build): collect less often.
    gc.set_threshold(10_000, 10, 10)
    background.start()  # now, while MkDocs runs one thread (background.py says why)


def on_shutdown():
    background.stop()


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _today() -> date:
    return date.today()


@event_priority(100)  # before the macros plugin, which needs the data
def on_config(config):
    _JOBS.clear()  # a new build (`mkdocs serve` rebuilds)
    root = _root(config)
    try:
        data = site_data.load_site_data(root / "data", root=root, today=_today())
        directory = services.load_directory(root / "data", data, root=root, today=_today())
    except ProblemsFound as found:
        raise Abort(str(found)) from None
    config.site_name = data.site.name
    config.site_description = data.site.description
    config.site_url = data.site.url
    if data.site.logo:
        config.theme["logo"] = data.site.logo
    config.extra["carers"] = {"data": data, "directory": directory, "page_urls": {}, "bundle": theme_bundle()}
    config.extra["council"] = data.council
    _start(readability.warm_up)  # the dictionary loads while pages are read
    return config


def _start(job, *args) -> Future:
    """Start a job in the second process (background.py); a failed build settles it (on_build_error)."""
    started = background.submit(job, *args)
    _JOBS.append(started)
    return started


def theme_bundle() -> str:
    """The theme's main script (its name has a hash that changes with each mkdocs-material release)."""
    import material

    base = (Path(material.__file__).parent / "templates" / "base.html").read_text(encoding="utf-8")
    return re.search(r"'(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)'", base).group(1)


def council_css(data: site_data.SiteData) -> str:
    """The council's colours as CSS, written as a file so no inline style is needed."""
    c = data.colours
    return (f":root{{--ch-primary:{c.primary};--ch-accent:{c.accent};--md-primary-fg-color:{c.primary};"
            f"--md-primary-fg-color--dark:{c.primary};--md-primary-bg-color:#fff;--md-typeset-a-color:{c.primary};"
            f"--md-accent-fg-color:{c.accent}}}\n")


def _page_link_problems(data: site_data.SiteData, known: dict[str, str]) -> list[Problem]:
    """Pages that data/ points at must exist in content/."""
    site, glossary = data.sources["site"], data.sources["glossary"]
    wanted = [(site, ("get_help_now", "page"), data.get_help_now.page)]
    wanted += [(site, ("footer", "links", i, "page"), link.page) for i, link in enumerate(data.footer.links)]
    wanted += [(glossary, ("terms", i, "link"), term.link) for i, term in enumerate(data.glossary) if term.link]
    return [
        Problem(code="PAGE_LINK_UNKNOWN", file=source.file, line=source.line(loc), field=site_data.field_name(loc),
                message=f'"{page}" is not a page in content/.',
                fix="Write the path of a page inside content/, for example support/carers-assessment.md.")
        for source, loc, page in wanted if page not in known
    ]


def on_files(files: Files, config):
    root = _root(config)
    data: site_data.SiteData = config.extra["carers"]["data"]
    today = _today()
    problems: list[Problem] = []
    urls: dict[str, str] = {}
    metas = {}
    for file in files.documentation_pages():
        if file.generated_by:
            continue
        shown = Path(file.abs_src_path).resolve().relative_to(root).as_posix() if file.abs_src_path else file.src_uri
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        meta, found = pages.check_page(text, shown, set(data.audiences), today)
        problems += found
        urls[file.src_uri] = file.url
        metas[file.src_uri] = meta
    directory: services.Directory = config.extra["carers"]["directory"]
    problems += list(directory.problems)
    problems += _page_link_problems(data, urls)
    problems += crisis.missing_pages(data.crisis_pages, set(urls))
    crisis_sources = {c.page for c in data.crisis_pages}
    for problem in [p for p in problems if p.code == "PAGE_REVIEW_OVERDUE"]:
        src_uri = problem.file.removeprefix("content/")
        if src_uri in crisis_sources and metas.get(src_uri):
            problems.remove(problem)
            problems += crisis.overdue(metas[src_uri], problem.file, problem.line, today)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise Abort(report(errors))
    for warning in (p for p in problems if p.warning):
        # In `mkdocs build --strict` (CI, make site) a warning fails the build; `make serve` shows it.
        log.warning(str(warning))
    config.extra["carers"]["page_urls"] = urls
    config.extra["carers"]["metas"] = metas
    config.extra["carers"]["page_problems"] = []  # filled in on_page_content, checked in on_env
    config.extra["carers"]["readings"] = []  # reading levels being measured, judged in on_env
    config.extra["carers"]["links"] = {
        "get_help_now": urls[data.get_help_now.page],
        "footer": [{"title": link.title, "url": urls[link.page]} for link in data.footer.links],
    }
    files.append(File.generated(config, "assets/stylesheets/council.css", content=council_css(data)))
    generated = service_pages.generated_pages(directory, data)
    generated.update(journeys.journey_pages(metas, directory, data))
    for src_uri, made in generated.items():
        file = File.generated(config, src_uri, content="")
        data_pages.DataPage(made, file, config)  # MkDocs builds this page object instead of its own
        files.append(file)
        urls[src_uri] = file.url
    config.extra["carers"]["generated"] = generated
    config.extra["carers"]["leaflet_pdfs"] = {}
    # Easy-read pages and the crisis page are also made into PDF leaflets (hooks/leaflets.py).
    config.extra["carers"]["leaflets"] = {
        src: leaflets.Leaflet(src_uri=src, page_dir=urls[src], title=meta.title, reviewed=meta.last_reviewed)
        for src, meta in metas.items() if meta and (meta.easy_read_of or src == data.get_help_now.page)}
    return files


def on_page_content(html, page, config, files):
    carers = config.extra["carers"]
    data: site_data.SiteData = carers["data"]
    src_uri = page.file.src_uri
    if page.file.generated_by:  # made from data/, which has its own checks
        return html
    file = "content/" + src_uri
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")  # as the editor wrote it, before macros
    kind = reading_rules.page_kind(src_uri, {c.page for c in data.crisis_pages})
    limits = reading_rules.limits_for(kind, data.reading_level, carers["metas"].get(src_uri))
    measuring = _start(readability.measure, readability.article_text(html))
    carers["readings"].append(Reading(measuring, kind, limits, file, source))
    problems = []
    meta = carers["metas"].get(src_uri)
    if meta and meta.easy_read_of:
        problems += easy_read.point_problems(html, file, source)
    for required in data.crisis_pages:
        if required.page == src_uri:
            problems += crisis.missing_contacts(required, file, html, data.contacts)
    carers["page_problems"] += problems
    leaflet = carers["leaflets"].get(src_uri)
    if leaflet:
        link = leaflets.link(get_relative_url("leaflets/" + leaflet.pdf_name, page.url), bool(meta and meta.easy_read_of))
        # After the heading; str first, as Markup + str would escape the page.
        html = html.replace("</h1>", "</h1>\n" + str(link), 1) if "</h1>" in html else str(link) + html
    return html


@dataclasses.dataclass(frozen=True)
class Reading:
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


def on_env(env, config, files):
    env.filters["long_date"] = long_date
    carers = config.extra["carers"]
    problems = carers["page_problems"]
    for reading in carers["readings"]:
        problems += reading.problems()
    errors = [p for p in problems if not p.warning]
    if errors:
        raise Abort(report(errors))
    for warning in (p for p in problems if p.warning):
        log.warning(str(warning))
    # Every check has passed: the open data is written while the pages are.
    carers["open_data"] = _start(oruk.write, carers["directory"], carers["data"], Path(config.site_dir))
    return env


def on_build_error(error):
    """A failed build leaves no job writing into the site folder after it (background.settle)."""
    background.settle(_JOBS)


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config):
    """Put the services and the words carers use into the search index; finish the open data and leaflets."""
    carers = config.extra["carers"]
    search = config.plugins.get("material/search")
    if search is not None:
        entries = search.search_index.entries
        entries += [made.search for made in carers["generated"].values() if made.search]
        search_terms.enrich(entries, search_terms.load_groups(_root(config) / "data"))
    background.wait(carers["open_data"])
    for src_uri, making in carers["leaflet_pdfs"].items():
        pdf = background.wait(making)
        if pdf:
            leaflets.save(carers["leaflets"][src_uri], pdf, Path(config.site_dir))


def on_post_page(output, page, config):
    output = _finish_page(output, "content/" + page.file.src_uri, config)
    carers = config.extra["carers"]
    leaflet = carers["leaflets"].get(page.file.src_uri)
    if leaflet and _COMMAND["name"] != "serve":
        data: site_data.SiteData = carers["data"]
        help_items = [(c.name, (c.phone_link or c.sms_link).display, c.purpose)
                      for c in (data.contacts[i] for i in data.get_help_now.printed_contacts)]
        # Made from the page as built, in the second process; saved in on_post_build.
        carers["leaflet_pdfs"][page.file.src_uri] = _start(
            leaflets.make_pdf, leaflet, output, Path(page.file.abs_dest_path).as_uri(), data.council.name, help_items)
    return output


def on_post_template(output, template_name, config):
    """Pages made from a theme template alone, such as 404.html, get the same checks."""
    if not template_name.endswith(".html"):
        return output
    return _finish_page(output, f"overrides/{template_name}", config)


def _finish_page(output: str, file: str, config) -> str:
    own_host = config.site_url.split("/")[2]
    problems = crisis.help_link_missing(output, file) + security.third_party_problems(output, own_host, file)
    if problems:
        raise Abort(report(problems))
    # Every abbreviation in the glossary is explained wherever it appears in the article, with no editor effort.
    data: site_data.SiteData = config.extra["carers"]["data"]
    output = abbreviations.expand_article(output, {t.abbr: t.term for t in data.glossary if t.abbr})
    return security.add_security_headers(security.mark_external_links(output, own_host))
