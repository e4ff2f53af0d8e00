"""The generator as a council installs it: the carers-hub plugin found by its entry point, its theme added under
the site's own overrides, the macros loaded as an installed module, and a site folder's own Python refused."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest
import yaml

from mkdocs.config import load_config

from carers_hub.core.paths import THEME
from carers_hub.engine.config import check_engine_config
from carers_hub.plugin import CarersHubPlugin, add_theme
from conftest import ROOT, SITE, build, edit
from support.project import copy_project

tomllib = pytest.importorskip("tomllib")


def test_mkdocs_finds_the_plugin_by_its_entry_point():
    [plugin] = [e for e in entry_points(group="mkdocs.plugins") if e.name == "carers-hub"]
    assert plugin.load() is CarersHubPlugin


def test_the_example_names_the_plugin_and_no_code_by_path():
    config = yaml.safe_load((SITE / "mkdocs.yml").read_text())
    assert "hooks" not in config and "custom_dir" not in config["theme"]
    names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert names == ["macros", "carers-hub"]
    assert config["plugins"][0]["macros"]["modules"] == ["carers_hub.macros"]


def test_the_package_ships_the_theme_and_takes_its_dependencies_from_the_site_layer():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    setup = project["tool"]["setuptools"]
    assert setup["package-dir"] == {"carers_hub": "hooks", "carers_hub.theme": "overrides"}
    assert setup["dynamic"]["dependencies"]["file"] == ["requirements/site.in"]
    packages = {".".join(["carers_hub", *p.parent.relative_to(ROOT / "hooks").parts])
                for p in (ROOT / "hooks").rglob("__init__.py")}
    assert packages <= set(setup["packages"]), "a sub-package of hooks/ would be left out of the wheel"


class _Theme:
    def __init__(self, custom_dir):
        self.custom_dir = custom_dir
        self.dirs = ([custom_dir] if custom_dir else []) + ["/material"]


class _Config:
    def __init__(self, custom_dir=None):
        self.theme = _Theme(custom_dir)
        self.extra_css = ["council-extra.css"]


@pytest.mark.parametrize("custom_dir", [None, "/site/overrides"])
def test_the_theme_goes_after_the_sites_own_overrides_and_before_the_material_theme(custom_dir):
    config = _Config(custom_dir)
    add_theme(config)
    add_theme(config)  # `mkdocs serve` runs on_config again on every rebuild: nothing is added twice
    assert config.theme.dirs == [*([custom_dir] if custom_dir else []), str(THEME), "/material"]
    assert config.extra_css == ["assets/stylesheets/council.css", "assets/stylesheets/carers.css",
                                "council-extra.css"]


@pytest.fixture(scope="module")
def bare(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("package") / "project")


def _refused(project: Path, code: str) -> str:
    result = build(project, strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and code in output and "Traceback" not in output, output[-2000:]
    return output


def test_python_in_the_site_folder_stops_the_build_before_it_runs(bare, tmp_path):
    marker = tmp_path / "ran"
    (bare / "main.py").write_text(f"from pathlib import Path\nPath({str(marker)!r}).touch()\n"
                                  "def define_env(env):\n    pass\n")
    try:
        output = _refused(bare, "CONFIG_LOCAL_CODE")
    finally:
        (bare / "main.py").unlink()
    assert "main.py" in output and not marker.exists(), "the site folder's Python ran"


@pytest.mark.parametrize("old, new", [
    ("      modules: [carers_hub.macros]", "      module_name: hooks/macros"),  # the old way: code by path
    ("      on_error_fail: true", "      on_error_fail: false"),  # a mistake printed into the page
    ("  - macros:\n", "  - carers-hub\n  - macros:\n"),  # macros after the plugin
])
def test_a_macros_set_up_that_is_not_the_generators_is_refused(tmp_path, old, new):
    config = tmp_path / "mkdocs.yml"
    config.write_text((SITE / "mkdocs.yml").read_text())
    edit(config, old, new)
    text = config.read_text()
    if "- carers-hub\n  - macros" in text:  # the plugin listed once, first
        config.write_text(text.replace("  - carers-hub  #", "  #", 1))
    (tmp_path / "content").mkdir()
    (tmp_path / "data").mkdir()
    problem = check_engine_config(load_config(str(config)))
    assert problem is not None and problem.code == "CONFIG_MACROS"
    assert "modules: [carers_hub.macros]" in problem.fix


def test_the_examples_own_set_up_passes():
    assert check_engine_config(load_config(str(SITE / "mkdocs.yml"))) is None


def test_every_page_names_the_release_that_built_it(built_site):
    from carers_hub.core.version import version

    assert version() == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    # The open data API's endpoints are JSON saved as index.html so a static host serves /oruk/services.
    pages = [p for p in sorted(built_site.rglob("*.html")) if p.read_text().lstrip()[:15].lower() == "<!doctype html>"]
    tag = f'<meta name="generator" content="carers-hub {version()}">'
    assert len(pages) > 50 and [p for p in pages if tag not in p.read_text() and "admin" not in p.parts] == []
