"""The generator's version, as installed (pyproject.toml): printed by `carers-hub version` and in every page's
generator meta tag, so anyone can tell which release built a site."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version as installed_version


def version() -> str:
    try:
        return installed_version("carers-hub")
    except PackageNotFoundError:  # a checkout on the path, never installed
        return "unknown"
