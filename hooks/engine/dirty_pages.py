"""The preview's rebuild of only the pages an edit touches, with MkDocs' own dirty build (`mkdocs serve --dirty`,
as `make serve` runs it).

MkDocs' dirty build leaves the site folder as it is and builds again only the pages whose File says it
`is_modified()`: by default a page whose source file is newer than its built file, which would leave every
other page showing an old menu or old data. Here each page is judged instead by what it is built from
(SiteBuild.page_prints): a page is built again if that changed since the last good build. A page not built
again is still read (its front matter), so the menus of the pages that are built have its title.
"""

from __future__ import annotations

import logging

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# MkDocs warns on every dirty build that its menus may be wrong; the prints above make them right.
DIRTY_WARNING = "A 'dirty' build is being performed"


def mark_unchanged(files: Files, prints: dict[str, str], built: dict[str, str], config) -> list[str]:
    """Mark each page whose print is the one it was last built from as not modified; returns the pages that
    will be built."""
    changed = []
    for file in files.documentation_pages():
        unchanged = file.src_uri in prints and built.get(file.src_uri) == prints[file.src_uri]
        file.is_modified = (lambda same: lambda: not same)(unchanged)  # what MkDocs' dirty build asks
        if not unchanged:
            changed.append(file.src_uri)
        elif file.page is None:  # a page of the menu: MkDocs would not read it, and show it without a title
            Page(None, file, config).read_source(config)
    return changed


class _QuietDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


QUIET = _QuietDirtyWarning()


def quiet(on: bool) -> None:
    """Leave out (or, off, show again) MkDocs' warning about dirty builds."""
    logger = logging.getLogger("mkdocs.commands.build")
    (logger.addFilter if on else logger.removeFilter)(QUIET)
