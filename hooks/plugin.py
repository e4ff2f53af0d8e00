"""The `carers-hub` MkDocs plugin: what a council's mkdocs.yml names (`plugins: [macros, carers-hub]`).

It registers the build's steps (hooks/mkdocs_hooks.py, the adapter) for MkDocs' events, with the priorities the
adapter gives them, and adds the generator's theme (hooks/core/paths.THEME) under the site's own overrides, if
it has any. Its settings are typed here; the example's mkdocs.yml needs none of them.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, event_priority

from carers_hub import mkdocs_hooks as adapter
from carers_hub.core.paths import THEME
from carers_hub.core.version import version


class CarersHubConfig(base.Config):
    # Build as if it were this day (year-month-day): to preview what a date will make overdue. The command
    # line's CARERS_HUB_TODAY, when set, is used instead (tests and the calendar runs set it).
    today = c.Optional(c.Type(str))


STYLESHEETS = ("assets/stylesheets/council.css", "assets/stylesheets/carers.css")  # the council's colours first


def add_theme(config) -> None:
    """The generator's templates and assets, after the site's own custom_dir (so a council may override one
    template) and before mkdocs-material's; its stylesheets on every page."""
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    config.extra_css[:0] = [sheet for sheet in STYLESHEETS if sheet not in config.extra_css]


class CarersHubPlugin(BasePlugin[CarersHubConfig]):
    supports_multiple_instances = False

    def on_startup(self, *, command, dirty):
        adapter.on_startup(command, dirty)

    def on_shutdown(self):
        adapter.on_shutdown()

    @event_priority(100)  # before the macros plugin, which needs the data
    def on_config(self, config):
        add_theme(config)
        config.extra["carers_hub_version"] = version()  # main.html's generator meta tag
        return adapter.on_config(config, today_setting=self.config.today)

    def on_serve(self, server, *, config, builder):
        server.watch(str(THEME))  # an edit to a template in the generator's own repository rebuilds the preview
        return server

    def on_files(self, files, *, config):
        return adapter.on_files(files, config)

    def on_page_content(self, html, *, page, config, files):
        return adapter.on_page_content(html, page, config, files)

    def on_env(self, env, *, config, files):
        return adapter.on_env(env, config, files)

    @event_priority(100)  # before any other plugin looks at the page's HTML
    def on_page_context(self, context, *, page, config, nav):
        return adapter.on_page_context(context, page, config, nav)

    def on_post_page(self, output, *, page, config):
        return adapter.on_post_page(output, page, config)

    def on_post_template(self, output_content, *, template_name, config):
        return adapter.on_post_template(output_content, template_name, config)

    def on_post_build(self, *, config):
        adapter.on_post_build(config)

    def on_build_error(self, *, error):
        adapter.on_build_error(error)
