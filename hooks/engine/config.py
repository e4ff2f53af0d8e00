"""What the build needs from mkdocs.yml and from the search plugin, checked when the build starts."""

from __future__ import annotations

from hooks.core.problems import Problem

SEARCH_PLUGINS = ("material/search", "search")


def check_engine_config(config) -> Problem | None:
    """mkdocs.yml settings the build depends on; a problem names the setting and the fix."""
    if not config.use_directory_urls:
        return Problem(
            code="CONFIG_DIRECTORY_URLS", file="mkdocs.yml", line=None, field="use_directory_urls",
            message="the site needs short page addresses (support/carers-assessment/), and this turns them off.",
            fix="Set use_directory_urls: true (or remove the line). Links made from data and the leaflets use "
                "those addresses (hooks/core/urls.py).")
    if _search_plugin(config) is None:
        return Problem(
            code="CONFIG_SEARCH_MISSING", file="mkdocs.yml", line=None, field="plugins",
            message="the search plugin is missing, so no service would be found by the site's search.",
            fix="Put '- search' back under plugins: in mkdocs.yml.")
    return None


def _search_plugin(config):
    return next((config.plugins[name] for name in SEARCH_PLUGINS if name in config.plugins), None)


def search_index_entries(config) -> list[dict]:
    """The search plugin's list of index entries, before it writes them (coupling point 'search entries':
    mkdocs-material's search plugin keeps them in search_index.entries until its own on_post_build)."""
    plugin = _search_plugin(config)
    index = getattr(plugin, "search_index", None)
    entries = getattr(index, "entries", None)
    if not isinstance(entries, list):
        raise RuntimeError("The search plugin no longer keeps its entries in search_index.entries "
                           "(coupling point 'search entries' in docs/developers/how-it-works.md).")
    return entries
