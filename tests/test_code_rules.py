"""The code's own rules, as `make lint` checks them: ruff's style, mypy --strict on core/ and data/, and the
layers docs/developers/how-it-works.md describes (import-linter's contracts in pyproject.toml). Each tool reads
this checkout's hooks/ as carers_hub, through the link conftest makes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import CHECKOUT, ROOT

BIN = Path(sys.executable).parent


def run(tool: str, *args: str, cwd: Path = ROOT, path: str = CHECKOUT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MYPYPATH": path, "PYTHONPATH": path}
    return subprocess.run([str(BIN / tool), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_code_follows_ruffs_rules():
    result = run("ruff", "check", "--no-cache", "hooks", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_and_data_are_fully_typed():
    result = run("mypy", "-p", "carers_hub.core", "-p", "carers_hub.data")
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_layer_imports_only_the_layers_below_it_and_nothing_cycles():
    result = run("lint-imports", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_a_late_import_up_the_layers_is_found(tmp_path):
    """A function-level import that reaches up (the way a cycle used to be dodged) breaks the contracts."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    package = tmp_path / "path" / "carers_hub"
    shutil.copytree(ROOT / "hooks", package, ignore=shutil.ignore_patterns("scaffold", "js", "oruk-3.0", "__pycache__"))
    (package / "data" / "reaches_up.py").write_text(
        "def field_check():\n    from carers_hub.checks import page_html\n\n    return page_html\n")
    (package / "core" / "reaches_mkdocs.py").write_text("def files():\n    import mkdocs.structure.files\n")
    result = run("lint-imports", "--no-cache", cwd=tmp_path, path=str(tmp_path / "path"))
    assert result.returncode == 1
    assert "carers_hub.data.reaches_up -> carers_hub.checks.page_html" in result.stdout
    assert "carers_hub.core.reaches_mkdocs -> mkdocs (l.2)" in result.stdout


def test_every_module_of_the_package_imports():
    """A name imported from a module that moved (`from carers_hub.checks import placeholders`) fails here, not in
    a build: lint-imports reads such an import as one of the package itself."""
    modules = sorted(".".join(("carers_hub",) + p.relative_to(ROOT / "hooks").with_suffix("").parts).removesuffix(".__init__")
                     for p in (ROOT / "hooks").rglob("*.py") if "scaffold" not in p.parts)
    code = "import importlib\nfor name in %r:\n    importlib.import_module(name)\n" % modules
    result = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": CHECKOUT},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
