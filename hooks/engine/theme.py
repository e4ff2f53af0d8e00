"""What Carers Hub takes from inside mkdocs-material, in one place (docs/developers/how-it-works.md lists
each, and tests/test_engine_coupling.py fails with its name if a theme release changes it)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

BUNDLE = re.compile(r"'(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)'")


def _theme_dir() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def icon_path(icon: str) -> Path:
    """A Material Design icon bundled with the theme (material/phone -> .icons/material/phone.svg)."""
    return _theme_dir() / ".icons" / f"{icon}.svg"


@lru_cache(maxsize=1)
def bundle() -> str:
    """The theme's main script, which on-demand.js loads when a reader starts a search. Its name carries a
    hash that changes with each release, and the theme's base.html is the only place that names it."""
    base = (_theme_dir() / "base.html").read_text(encoding="utf-8")
    found = BUNDLE.search(base)
    if not found:
        raise LookupError("mkdocs-material's base.html no longer names assets/javascripts/bundle.<hash>.min.js "
                          "(coupling point 'theme bundle' in docs/developers/how-it-works.md).")
    return found.group(1)
