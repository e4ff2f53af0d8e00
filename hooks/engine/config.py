"""What the build needs from mkdocs.yml, checked when the build starts."""

from __future__ import annotations

from carers_hub.core.problems import Problem

SEARCH_PLUGINS = ("material/search", "search")


def check_engine_config(config) -> Problem | None:
    """mkdocs.yml settings the build depends on; a problem names the setting and the fix."""
    if not config.use_directory_urls:
        return Problem(
            code="CONFIG_DIRECTORY_URLS", file="mkdocs.yml", line=None, field="use_directory_urls",
            message="the site needs short page addresses (support/carers-assessment/), and this turns them off.",
            fix="Set use_directory_urls: true (or remove the line). Links made from data and the leaflets use "
                "those addresses (hooks/core/urls.py).")
    if any(name in config.plugins for name in SEARCH_PLUGINS):
        return Problem(
            code="CONFIG_SEARCH_PLUGIN", file="mkdocs.yml", line=None, field="plugins",
            message="the theme's search plugin is on, but the site's search is Pagefind: the plugin would write a "
                    "second index of several megabytes that nothing uses.",
            fix="Remove '- search' from plugins: in mkdocs.yml (MkDocs also adds it when plugins: is missing).")
    return None
