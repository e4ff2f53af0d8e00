"""The MkDocs adapter: wires MkDocs' events to the build's steps (hooks/site_build.py), and nothing else.

Everything MkDocs-specific is here or in hooks/engine/; every step is plain Python that the tests call
without MkDocs. Where this file relies on MkDocs or mkdocs-material behaviour that is not a documented API,
docs/developers/how-it-works.md names it ("Coupling points") and tests/test_engine_coupling.py guards it.
"""

from __future__ import annotations

import functools
import gc
import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

# MkDocs loads this file by path, not as part of the `hooks` package, so put the project on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from carers_hub.core import background, problem_log  # noqa: E402
from carers_hub.checks.links import problem_from_build_message  # noqa: E402
from carers_hub.checks.page_html import MarkdownReader  # noqa: E402
from carers_hub.core.problems import Problem, ProblemsFound, report  # noqa: E402
from carers_hub.core.render import long_date  # noqa: E402
from carers_hub.core.today import TodayInvalid, today  # noqa: E402
from carers_hub.engine import data_pages  # noqa: E402
from carers_hub.engine.config import check_engine_config  # noqa: E402
from carers_hub.engine.data_pages import DataPage  # noqa: E402
from carers_hub.site_build import SiteBuild  # noqa: E402

log = logging.getLogger("mkdocs.plugins.carers")
_command = "build"
_build: SiteBuild | None = None


def _stops_on_problems(event):
    """A ProblemsFound from a step stops the build with the editor's message, not a traceback."""
    @functools.wraps(event)
    def run(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except ProblemsFound as found:
            problem_log.record(found.problems)
            raise Abort(str(found)) from None
    return run


def _warn(problems: list[Problem]) -> None:
    # `mkdocs build --strict` (CI, make site) fails on a warning; `make serve` shows it and goes on.
    problem_log.record(problems)
    for warning in problems:
        log.warning(str(warning))


def on_startup(command, dirty):
    global _command
    _command = command
    # A build keeps every page in memory until it ends. With Python's default thresholds the garbage
    # collector scans them again and again (about 1 s of a 5,000-service build): collect less often.
    gc.set_threshold(10_000, 10, 10)
    background.start()  # now, while MkDocs runs one thread (background.py says why)
    if os.environ.get(problem_log.ENV):  # a report will be made: MkDocs' own warnings go in it too
        logging.getLogger("mkdocs").addHandler(_build_warnings)


def on_shutdown():
    logging.getLogger("mkdocs").removeHandler(_build_warnings)
    background.stop()


class _BuildWarnings(logging.Handler):
    """MkDocs' and its plugins' own warnings (ours are recorded as they are raised): a link in a page that goes
    nowhere becomes LINK_BROKEN at its line, anything else is kept in MkDocs' words."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING and record.name != log.name:
            text = record.getMessage()
            problem_log.record([problem_from_build_message(text, _content_dir) or problem_log.message(text)])


_build_warnings = _BuildWarnings()
_content_dir = Path("content")


@event_priority(100)  # before the macros plugin, which needs the data
@_stops_on_problems
def on_config(config):
    global _build, _content_dir
    problem = check_engine_config(config)
    if problem:
        problem_log.record([problem])
        raise Abort(report([problem]))
    root = Path(config.config_file_path).resolve().parent
    _content_dir = Path(config.docs_dir)
    try:
        day = today()
    except TodayInvalid as error:
        raise Abort(str(error)) from None
    _build = SiteBuild.load(root, day, make_leaflets=_command != "serve", preview=_command == "serve")
    config.site_name, config.site_description = _build.site_name, _build.site_description
    config.site_url = _build.data.site.url
    if _build.data.site.logo:
        config.theme["logo"] = _build.data.site.logo
    config.extra["carers"] = _build.view
    config.extra["council"] = _build.data.council
    return config


@_stops_on_problems
def on_files(files: Files, config):
    content = Path(config.docs_dir)
    # Every file MkDocs will read or publish from content/ (the theme's files are in the list too, from their own
    # folders; files MkDocs leaves out, such as .DS_Store, are neither read nor published).
    in_content = [Path(f.abs_src_path) for f in files if not f.generated_by and not f.inclusion.is_excluded()
                  and Path(f.abs_src_path).is_relative_to(content)]
    sources = {f.src_uri: Path(f.abs_src_path) for f in files.documentation_pages() if not f.generated_by}
    _warn(_build.check_pages(sources, MarkdownReader(config.markdown_extensions, config.mdx_configs), in_content))
    files.append(File.generated(config, "assets/stylesheets/council.css", content=_build.council_css()))
    for src_uri, made in _build.generated.items():
        # Reached from the directory, not the menu.
        file = File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        DataPage(made, file, config)  # MkDocs builds this page object instead of making its own
        files.append(file)
    config.extra["carers"] = _build.view  # now with every page's address
    return files


@_stops_on_problems
def on_page_content(html, page, config, files):
    return _build.page_content(page.file.src_uri, html, page.url)


@_stops_on_problems
def on_env(env, config, files):
    env.filters["long_date"] = long_date
    _warn(_build.judge_pages(Path(config.site_dir)))
    return env


@event_priority(100)  # before any other plugin looks at the page's HTML
def on_page_context(context, page, config, nav):
    data_pages.fill(page)
    return context


@_stops_on_problems
def on_post_page(output, page, config):
    output = _build.finish_page(output, "content/" + page.file.src_uri)
    _build.start_leaflet(page.file.src_uri, output, Path(page.file.abs_dest_path), Path(config.site_dir))
    data_pages.release(page)
    return output


@_stops_on_problems
def on_post_template(output, template_name, config):
    """Pages made from a theme template alone, such as 404.html, get the same checks."""
    return _build.finish_page(output, f"overrides/{template_name}") if template_name.endswith(".html") else output


@_stops_on_problems
def on_post_build(config):
    _build.finish(Path(config.site_dir))
    _build.write_editor(Path(config.site_dir))
    _build.index_search(Path(config.site_dir))  # in `mkdocs serve` too, so the preview's search works


def on_build_error(error):
    """A failed build leaves no job writing into the site folder after it."""
    if _build is not None:
        _build.settle()
