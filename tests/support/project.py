"""The folders and files a build reads, and a throwaway copy of them for tests and benchmarks to change."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("mkdocs.yml", "content", "data", "overrides", "hooks",
         "tests/fixtures/oruk-3.0")  # the ORUK schemas `make check` validates the open data against


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    # The browser editor's files (npm ci): linked, not copied (hundreds of megabytes), and never changed by a build.
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def published_admin(root: Path, editor: str) -> Path:
    """admin/ as the build writes it for the example site with `editor` (YAML lines under editor: in
    data/site.yaml), without building the pages; with the site's own images it uses. Returns the site folder."""
    import os

    from conftest import edit, load_data
    from carers_hub.site_build import SiteBuild

    project = root / "project"
    shutil.copytree(ROOT / "data", project / "data")
    for shared in ("content", "node_modules", "overrides"):
        (project / shared).symlink_to(ROOT / shared, target_is_directory=True)
    edit(project / "data" / "site.yaml", "editor:\n", "editor:\n" + editor)
    data, directory = load_data(project / "data")
    os.environ.pop("CARERS_HUB_EDITOR_SERVER", None)  # the published editor, never the local one
    site = root / "site"
    shutil.copytree(ROOT / "overrides" / "assets", site / "assets")  # the site's images and stylesheets
    SiteBuild(root=project, today=None, make_leaflets=False, data=data, directory=directory).write_editor(site)
    return site
