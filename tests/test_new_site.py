"""A council starts with one command: the wheel, installed into a fresh venv, writes a new site (`carers-hub new`)
whose first build lists every placeholder to fill in; filled from tests/fixtures/new-council/, it builds with
--strict and passes `carers-hub check`. Nothing here reads the example site's content/ or data/."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest
import yaml

from carers_hub import cli
from carers_hub.data import placeholders
from carers_hub.tools import new_site
from conftest import ROOT, SUITE_TODAY

FIXTURE = ROOT / "tests" / "fixtures" / "new-council" / "values.yaml"
COUNCIL = "Fenmoor District Council"
# What the wheel is built from (a copy, so the build leaves nothing in this checkout).
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "requirements/site.in", "hooks", "overrides")
PLACEHOLDER_LINE = re.compile(r"\bCHANGE(?=[ -][a-z])")


def run(command: list, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)


def build_wheel(into: Path) -> Path:
    source = into / "source"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, source / name)
    made = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", into / "wheel",
                source], into, dict(os.environ))
    assert made.returncode == 0, made.stdout + made.stderr
    return next((into / "wheel").glob("carers_hub-*.whl"))


def fresh_venv(venv: Path, wheel: Path, env: dict) -> None:
    """The wheel alone in a new venv; the dependencies it needs are seen from the shared venv, after its own
    site-packages (a .pth line is added to the path after the folder holding it), never instead of it."""
    made = run([sys.executable, "-m", "venv", venv], venv.parent, env)
    assert made.returncode == 0, made.stderr
    installed = run([venv / "bin" / "pip", "install", "--no-index", "--no-deps", wheel], venv.parent, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    own = Path(run([venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                   venv.parent, env).stdout.strip())
    (own / "zz-shared-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # `carers-hub check` runs linkchecker from beside its own Python, where `pip install -r requirements.txt`
    # would have put it: here it is the shared venv's.
    (venv / "bin" / "linkchecker").symlink_to(Path(sys.executable).parent / "linkchecker")


def fill(site: Path, values: dict[str, str]) -> None:
    for path in [*(site / "content").rglob("*.md"), *(site / "data").glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        path.write_text(text, encoding="utf-8")


def lines_to_fill(site: Path) -> set[tuple[str, int]]:
    """Every (file, line) of the new site's pages and data holding a placeholder, found here by its own reading."""
    found = set()
    for path in [*(site / "content").rglob("*.md"), *(site / "data").glob("*.yaml")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PLACEHOLDER_LINE.search(line):
                found.add((path.relative_to(site).as_posix(), number))
    return found


@pytest.mark.whole_site  # it builds a site of its own
def test_a_new_council_installs_the_wheel_runs_new_fills_the_placeholders_and_publishes(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}  # the wheel's code, not ours
    wheel = build_wheel(tmp_path)
    venv = tmp_path / "venv"
    started = time.monotonic()
    fresh_venv(venv, wheel, env)
    install_seconds = time.monotonic() - started
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}", CARERS_HUB_TODAY=SUITE_TODAY.isoformat())

    where = run(["python", "-c", "import carers_hub; print(carers_hub.__file__)"], tmp_path, env)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout + where.stderr  # the wheel's copy runs

    started = time.monotonic()
    made = run(["carers-hub", "new", "fenmoor", "--council", COUNCIL], tmp_path, env)
    assert made.returncode == 0, made.stdout + made.stderr
    site = tmp_path / "fenmoor"
    again = run(["carers-hub", "new", "fenmoor", "--council", COUNCIL], tmp_path, env)
    assert again.returncode == 1 and "already has files in it" in again.stderr, again.stderr
    for name in ("content/get-help-now.md", "content/index.md", "content/accessibility.md", "data/site.yaml",
                 "data/services.yaml", "data/contacts.yaml", "mkdocs.yml", ".github/workflows/publish.yml",
                 "README.md", ".gitignore"):
        assert (site / name).is_file(), name
    assert (site / "requirements.txt").read_text().strip() == f"carers-hub=={wheel.name.split('-')[1]}"
    assert "carers-hub serve" in (site / "README.md").read_text() and "carers-hub check" in (site / "README.md").read_text()
    # The browser editor and fonts the build copies in come from npm (package.json); here, the checkout's.
    (site / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)

    first = run(["carers-hub", "site"], site, env)
    assert first.returncode == 1 and "Traceback" not in first.stdout + first.stderr, first.stdout + first.stderr
    reported = re.findall(r"^Error in (\S+), line (\d+)", first.stderr, re.M)
    expected = lines_to_fill(site)
    assert {(f, int(n)) for f, n in reported} == expected and len(reported) == len(expected), first.stderr
    assert all("[PLACEHOLDER_TEXT]" in problem for problem in first.stderr.split("Error in ")[1:]), first.stderr
    assert '"site.url"' in first.stderr and '"contacts[0].phone"' in first.stderr  # fields named too
    assert not (site / "site").exists()

    fill(site, yaml.safe_load(FIXTURE.read_text()))
    assert not lines_to_fill(site), "the fixture misses a placeholder the templates write"
    built = run(["carers-hub", "site"], site, env)
    first_good_build = time.monotonic() - started
    assert built.returncode == 0, built.stdout + built.stderr
    checked = run(["carers-hub", "check", "--site", "site"], site, env)
    assert checked.returncode == 0 and "All checks passed" in checked.stdout, checked.stdout + checked.stderr

    home = (site / "site" / "index.html").read_text()
    assert COUNCIL in home and 'href="tel:+442079460123"' in home  # its own Adult Social Care number
    crisis = (site / "site" / "get-help-now" / "index.html").read_text()
    assert 'href="tel:+442079460456"' in crisis and 'href="tel:999"' in crisis
    for path in (site / "site").rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".js", ".css") and path.is_file():
            text = path.read_text(errors="ignore")
            assert "City of London" not in text and "cityoflondon" not in text, path
    print(f"\nwheel {wheel.stat().st_size / 1e6:.2f} MB; venv and install {install_seconds:.1f} s; "
          f"new to first good build {first_good_build:.1f} s")


def test_new_refuses_a_folder_with_files_in_it_and_writes_nothing_there(tmp_path, capsys):
    kept = tmp_path / "site" / "mkdocs.yml"
    kept.parent.mkdir()
    kept.write_text("mine")
    assert new_site.main([str(kept.parent), "--council", COUNCIL]) == 1
    assert "already has files in it" in capsys.readouterr().err
    assert [p.name for p in kept.parent.iterdir()] == ["mkdocs.yml"] and kept.read_text() == "mine"
    assert new_site.main([str(kept), "--council", COUNCIL]) == 1  # a file, not a folder
    assert "is a file" in capsys.readouterr().err


@pytest.mark.parametrize("name", ['Evil {{ config }} Council', 'Quote" Council', "Two\nLines Council", ""])
def test_new_refuses_a_council_name_it_would_have_to_quote(tmp_path, capsys, name):
    assert new_site.main([str(tmp_path / "site"), "--council", name]) == 1
    assert "cannot be used" in capsys.readouterr().err and not (tmp_path / "site").exists()


def test_every_placeholder_in_pages_and_data_is_listed_at_once_and_nothing_is_built(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    new_site.write_site(site, COUNCIL, "1.0.0", SUITE_TODAY)
    found = placeholders.in_site(site)
    assert {(p.file, p.line) for p in found} == lines_to_fill(site)
    assert {p.file.split("/")[0] for p in found} == {"content", "data"}  # pages too, not only the first data file
    monkeypatch.chdir(site)
    monkeypatch.setattr(cli, "mkdocs", lambda *args: pytest.fail("built with placeholders left"))
    assert cli.main(["site"]) == 1
    assert capsys.readouterr().err.count("[PLACEHOLDER_TEXT]") == len(found)
    fill(site, yaml.safe_load(FIXTURE.read_text()))
    assert placeholders.in_site(site) == []


def test_the_council_gets_the_generators_shared_lists_as_they_are():
    """The lists every council shares (national helplines, facts, audiences ...) are copies in the package: they
    must not drift from the generator's own."""
    for path in (ROOT / "hooks" / "scaffold" / "data").glob("*.yaml"):
        if path.name in ("audiences.yaml", "categories.yaml", "pictures.yaml", "synonyms.yaml",
                         "words-to-avoid.yaml", "facts.yaml", "contacts.yaml"):
            assert path.read_text() == (ROOT / "data" / path.name).read_text(), path.name
    ours = json.loads((ROOT / "package.json").read_text())["dependencies"]
    assert json.loads((ROOT / "hooks" / "scaffold" / "package.json").read_text())["dependencies"] == ours
