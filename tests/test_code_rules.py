"""The code's own rules, as `make lint` checks them: ruff's style, mypy --strict on core/ and data/, and the
layers docs/developers/how-it-works.md describes (import-linter's contracts in pyproject.toml). Each tool reads
this checkout's hooks/ as carers_hub, through the link conftest makes."""

from __future__ import annotations

import os
import re
import tomllib
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



def _module(name: str) -> str:
    return "carers_hub." + name.strip().removesuffix("/").removesuffix(".py")


def documented_layers(text: str) -> list[str]:
    """The layers as how-it-works.md draws them, written as import-linter writes a layer: "a, b" (one layer whose
    packages may import each other) becomes "a : b", "a | b" (packages that may not) stays; plugin.py and
    tools/ become carers_hub.plugin and carers_hub.tools."""
    block = text.split("Imports go one way, down these layers")[1].split("```text\n")[1].split("```")[0]
    names = [re.split(r"\s{2,}", line.strip())[0] for line in block.splitlines()]
    return [" | ".join(" : ".join(_module(n) for n in part.split(",")) for part in layer.split("|")) for layer in names]


def contract_layers(text: str) -> list[str]:
    contract = next(c for c in tomllib.loads(text)["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    return [" | ".join(" : ".join(m.strip() for m in part.split(":")) for part in layer.split("|"))
            for layer in contract["layers"]]


def test_the_layers_the_handbook_draws_are_the_contracts_layers():
    """A contract changed in pyproject.toml and not in the handbook (or the other way round) fails here."""
    drawn = documented_layers((ROOT / "docs" / "developers" / "how-it-works.md").read_text())
    assert drawn == contract_layers((ROOT / "pyproject.toml").read_text())


def test_a_layer_the_contracts_order_differently_is_found():
    """The comparison can fail: data/ drawn below core/ is not the contracts' order."""
    text = (ROOT / "pyproject.toml").read_text()
    swapped = text.replace('    "carers_hub.data",\n    "carers_hub.core",', '    "carers_hub.core",\n    "carers_hub.data",')
    assert swapped != text
    drawn = documented_layers((ROOT / "docs" / "developers" / "how-it-works.md").read_text())
    assert drawn != contract_layers(swapped)
