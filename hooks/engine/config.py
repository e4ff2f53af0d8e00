"""What the build needs from mkdocs.yml, checked when the build starts."""

from __future__ import annotations

from pathlib import Path

from carers_hub.core.problems import Problem

SEARCH_PLUGINS = ("material/search", "search")
MACROS = "carers_hub.macros"
# How mkdocs.yml must set the macros plugin: pages may call the generator's macros and nothing else, and a
# mistake in one stops the build instead of printing an error into the page.
MACROS_SETTINGS = {"modules": [MACROS], "on_error_fail": True, "on_undefined": "strict"}
MACROS_LINES = "  - macros:\n      modules: [carers_hub.macros]\n      on_error_fail: true\n      on_undefined: strict"


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
    return check_macros(config)


def check_macros(config) -> Problem | None:
    """The macros plugin comes before carers-hub, as MACROS_SETTINGS says, and loads no Python of the site's
    own: mkdocs-macros runs main.py (or its module_name) from the site's folder, where anyone who can change a
    page could put one."""
    names = list(config.plugins)
    macros = config.plugins.get("macros")
    wrong = macros is None or names.index("macros") > names.index("carers-hub") or any(
        macros.config.get(key) != value for key, value in MACROS_SETTINGS.items())
    if wrong:
        return Problem(
            code="CONFIG_MACROS", file="mkdocs.yml", line=None, field="plugins",
            message="the macros plugin is missing, comes after carers-hub, or is set differently from what the "
                    "build needs (only the generator's macros, and a mistake in a page stops the build).",
            fix="Under plugins: in mkdocs.yml, put these lines before '- carers-hub':\n" + MACROS_LINES)
    folder = Path(config.config_file_path).resolve().parent
    local = folder / macros.config["module_name"]
    if local.with_suffix(".py").exists() or local.is_dir():
        return Problem(
            code="CONFIG_LOCAL_CODE", file=local.name + ("" if local.is_dir() else ".py"), line=None, field="",
            message="the site's folder holds Python code that the macros plugin would run during the build. "
                    "Pages are words, not code: the build runs only the generator's own.",
            fix=f"Delete {local.name}{'/' if local.is_dir() else '.py'} from the site's folder (or rename it if "
                "it is not code).")
    return None
