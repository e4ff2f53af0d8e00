"""The folders and files a build reads, and a throwaway copy of them for tests and benchmarks to change."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("mkdocs.yml", "content", "data")  # a council's site: the generator is the installed carers-hub
# The site the generator's tests build and read: the example here, or any council's site folder (its mkdocs.yml,
# content/ and data/) named by CARERS_HUB_TEST_SITE, as `make test-other-site` does with tests/fixtures/sites/.
SITE = Path(os.environ.get("CARERS_HUB_TEST_SITE") or ROOT).resolve()
EXAMPLE = SITE == ROOT  # tests marked `example` check the City of London example's own words, and run only on it


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = SITE / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    # The browser editor's files (npm ci): linked, not copied (hundreds of megabytes), and never changed by a build.
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def override_template(project: Path, name: str) -> Path:
    """The site's own copy of one of the generator's templates, as a council would make it (mkdocs.yml's
    custom_dir: overrides), to change: the build uses it instead of the generator's."""
    import yaml

    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text())
    config["theme"]["custom_dir"] = "overrides"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False))
    target = project / "overrides" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "overrides" / name, target)
    return target


def own_generator(project: Path, env: dict[str, str]) -> dict[str, str]:
    """A copy of the generator (hooks/ and overrides/) beside the project, first on the import path of the
    environment returned: to build with a generator file changed or missing."""
    generator = project.parent / "generator"
    for part in ("hooks", "overrides"):
        shutil.copytree(ROOT / part, generator / part, ignore=shutil.ignore_patterns("__pycache__"))
    (generator / "path").mkdir()
    (generator / "path" / "carers_hub").symlink_to(generator / "hooks", target_is_directory=True)
    return dict(env, PYTHONPATH=str(generator / "path"))


def published_admin(root: Path, editor: str) -> Path:
    """admin/ as the build writes it for the example site with `editor` (YAML lines under editor: in
    data/site.yaml), without building the pages; with the site's own images it uses. Returns the site folder."""
    import os

    from conftest import load_data
    from carers_hub.site_build import SiteBuild

    project = root / "project"
    shutil.copytree(SITE / "data", project / "data")
    (project / "content").symlink_to(SITE / "content", target_is_directory=True)
    for shared in ("node_modules", "overrides"):
        (project / shared).symlink_to(ROOT / shared, target_is_directory=True)
    add_to_editor(project / "data" / "site.yaml", editor)
    data, directory = load_data(project / "data")
    os.environ.pop("CARERS_HUB_EDITOR_SERVER", None)  # the published editor, never the local one
    site = root / "site"
    shutil.copytree(ROOT / "overrides" / "assets", site / "assets")  # the site's images and stylesheets
    SiteBuild(root=project, today=None, make_leaflets=False, data=data, directory=directory).write_editor(site)
    return site


def change_service(project: Path, index: int = 0, **fields) -> dict:
    """Give a hand-made service (data/services.yaml's first, by default) these fields, as an editor would write
    them, whatever site is under test: the changed record, to look for in what the build makes."""
    from support import yaml_fields

    changed = {}

    def give(data: dict) -> None:
        data["services"][index].update(fields)
        changed.update(data["services"][index])

    yaml_fields.rewritten(project / "data" / "services.yaml", give)
    return changed


def add_to_editor(site_file: Path, lines: str) -> None:
    """Add YAML lines (indented two spaces) under `editor:` in a data/site.yaml, adding the section if the site
    has none (it is optional). No lines: the file as it is (an `editor:` with nothing under it is refused)."""
    if not lines:
        return
    text = site_file.read_text()
    if "\neditor:\n" in "\n" + text:
        site_file.write_text(("\n" + text).replace("\neditor:\n", "\neditor:\n" + lines, 1)[1:])
    else:
        site_file.write_text(text.rstrip("\n") + "\neditor:\n" + lines)


def at_least_services(project: Path, count: int) -> None:
    """Copies of the first hand-made service (new ids and names) until data/services.yaml lists `count`: for a
    test of paging, whatever the size of the site under test."""
    from carers_hub.core.yaml_source import load_text
    from support import yaml_fields

    services_file = project / "data" / "services.yaml"
    services = load_text(services_file.read_text(encoding="utf-8"))["services"]
    first = services[0]
    yaml_fields.like_first(services_file, "services", *(
        {"id": f"{first['id']}-{number}", "name": f"{first['name']} {number}", "uuid": None}
        for number in range(len(services), count)))