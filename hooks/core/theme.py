"""What Carers Hub takes from inside mkdocs-material, in one place (docs/developers/how-it-works.md lists
each, and tests/test_engine_coupling.py fails with its name if a theme release changes it)."""

from __future__ import annotations

from pathlib import Path


def _theme_dir() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def icon_path(icon: str) -> Path:
    """A Material Design icon bundled with the theme (material/phone -> .icons/material/phone.svg)."""
    return _theme_dir() / ".icons" / f"{icon}.svg"


def header_partial() -> Path:
    """The theme's header, which overrides/partials/header.html copies with the site's own search in it."""
    return _theme_dir() / "partials" / "header.html"
