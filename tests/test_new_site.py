"""A council starts with one command: the wheel, installed into a fresh venv, writes a new site (`carers-hub new`)
whose preview shows its pages at once, with marked stand-ins for what is still to fill in, and whose first build
lists every placeholder; filled from tests/fixtures/new-council/, it builds with --strict and passes `carers-hub
check`, with no npm. Nothing here reads the example site's content/ or data/."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

import pytest
import yaml

from carers_hub import cli
from carers_hub.data import placeholders
from carers_hub.editor import shipped
from carers_hub.tools import new_site
from conftest import NEW_SITE_DAY, ROOT
from support import serving
from support.example_identity import identity

EXAMPLE_IDENTITY = identity(ROOT / "data" / "site.yaml")  # the example's names and colours
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
    # As `make wheel` does: the browser editor's files, as npm ci installed them, inside the package.
    shipped.ship(ROOT / "node_modules", source / "hooks" / "editor" / "npm", ROOT / "package-lock.json")
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


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.mark.whole_site  # it builds the wheel
def test_the_wheel_holds_the_browser_editors_files_byte_for_byte_as_npm_installed_them(wheel):
    """So a council's site needs no npm; and the files are the locked ones (shipped.ship refuses others).
    Coupling: setuptools' package-data glob `npm/**/*` takes folders whose names start with @ (@sveltia)."""
    modules = ROOT / "node_modules"
    expected = {p.relative_to(modules).as_posix() for p in shipped.needed(modules)}
    assert "@sveltia/cms/dist/sveltia-cms.js" in expected and "decap-cms/dist/decap-cms.js" in expected
    with zipfile.ZipFile(wheel) as zipped:
        inside = {n.removeprefix("carers_hub/editor/npm/"): n for n in zipped.namelist()
                  if n.startswith("carers_hub/editor/npm/")}
        assert set(inside) == expected
        for relative, name in inside.items():
            assert zipped.read(name) == (modules / relative).read_bytes(), relative
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert shipped.unlocked(modules, lock, {shipped.package_of(Path(p)) for p in expected}) == []


def test_a_wheel_is_not_made_with_an_editor_version_the_lock_does_not_name(tmp_path):
    modules = tmp_path / "node_modules"
    for relative in (f"{shipped.page.BUNDLE}/{shipped.page.SCRIPT}", "decap-cms/package.json"):
        (modules / relative).parent.mkdir(parents=True, exist_ok=True)
    (modules / shipped.page.BUNDLE / shipped.page.SCRIPT).write_text("// a newer build")
    (modules / "decap-cms" / "package.json").write_text('{"version": "9.9.9"}')
    lock = {"packages": {"node_modules/decap-cms": {"version": "3.16.3"}}}
    said = shipped.unlocked(modules, lock, {"decap-cms"})
    assert said == ["decap-cms is 9.9.9 in node_modules but package-lock.json locks 3.16.3: run npm ci."]
    (tmp_path / "package-lock.json").write_text(json.dumps(lock))
    with pytest.raises(SystemExit, match="locks 3.16.3"):
        shipped.ship(modules, tmp_path / "npm", tmp_path / "package-lock.json")
    assert not (tmp_path / "npm").exists()


@pytest.mark.whole_site  # it builds a site of its own
def test_a_new_council_installs_the_wheel_runs_new_fills_the_placeholders_and_publishes(tmp_path, wheel):
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}  # the wheel's code, not ours
    venv = tmp_path / "venv"
    started = time.monotonic()
    fresh_venv(venv, wheel, env)
    install_seconds = time.monotonic() - started
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}", CARERS_HUB_TODAY=NEW_SITE_DAY.isoformat())

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
    assert not (site / "node_modules").exists()  # the browser editor's files come from the wheel

    # Its preview works at once: every page, with each placeholder in data/ shown as a marked stand-in.
    server, url, log = serving.start(lambda port: ["carers-hub", "serve", str(port)], site, env)
    try:
        first_preview = time.monotonic() - started
        crisis = serving.fetch(url + "get-help-now/")
        assert f'<mark class="{placeholders.MARK_CLASS}">{placeholders.STAND_IN_PHONE}' in crisis
        assert f'<mark class="{placeholders.MARK_CLASS}">To fill in: when the line is open' in crisis
        assert placeholders.OPEN not in crisis and 'href="tel:999"' in crisis
        assert "fill in" in serving.fetch(url + "services/").lower()
        assert f'<mark class="{placeholders.MARK_CLASS}">CHANGE this first paragraph' in serving.fetch(url)
    finally:
        serving.stop(server)
    assert "PLACEHOLDER_TEXT" in log.read_text() and "Traceback" not in log.read_text()
    for stray in site.glob("serve-*.log"):
        stray.unlink()

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
    assert (site / "site" / "admin" / "index.html").is_file()
    for path in (site / "site").rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".js", ".css") and path.is_file():
            text = path.read_text(errors="ignore")
            assert not [word for word in EXAMPLE_IDENTITY if word.lower() in text.lower()], path  # nothing of the example
            # The preview's stand-ins never reach a published build.
            for stand_in in (placeholders.MARK_CLASS, placeholders.STAND_IN_HOST, placeholders.OPEN, "020 7946 0999"):
                assert stand_in not in text, (stand_in, path)
    print(f"\nwheel {wheel.stat().st_size / 1e6:.2f} MB; venv and install {install_seconds:.1f} s; "
          f"new to first preview {first_preview:.1f} s; new to first good build {first_good_build:.1f} s")


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
    new_site.write_site(site, COUNCIL, "1.0.0", NEW_SITE_DAY)
    found = placeholders.in_site(site)
    assert {(p.file, p.line) for p in found} == lines_to_fill(site)
    assert {p.file.split("/")[0] for p in found} == {"content", "data"}  # pages too, not only the first data file
    monkeypatch.chdir(site)
    monkeypatch.setattr(cli, "mkdocs", lambda *args: pytest.fail("built with placeholders left"))
    assert cli.main(["site"]) == 1
    assert capsys.readouterr().err.count("[PLACEHOLDER_TEXT]") == len(found)
    fill(site, yaml.safe_load(FIXTURE.read_text()))
    assert placeholders.in_site(site) == []


def test_a_new_sites_pages_and_data_are_already_in_the_editors_style(tmp_path):
    """The browser editor's first save changes only what the editor changed, not the lists and quotes `new` wrote
    (before, the first phone number saved also rewrote every list in site.yaml and unquoted the council's name)."""
    from carers_hub.editor.canonical import canonical, files

    site = tmp_path / "site"
    new_site.write_site(site, "Brighton & Hove City Council", "1.0.0", NEW_SITE_DAY)
    rewritten = canonical(files(site), root=site)
    assert len(rewritten) >= 10
    changed = {path.relative_to(site).as_posix() for path, text in rewritten.items()
               if path.read_text(encoding="utf-8") != text}
    assert not changed, f"not in the editor's style: {sorted(changed)}"


def test_the_council_gets_the_generators_shared_lists_as_they_are():
    """The lists every council shares (national helplines, facts, audiences ...) are copies in the package: they
    must not drift from the generator's own."""
    for path in (ROOT / "hooks" / "scaffold" / "data").glob("*.yaml"):
        if path.name in ("audiences.yaml", "categories.yaml", "pictures.yaml", "words-to-avoid.yaml", "facts.yaml",
                         "contacts.yaml"):
            assert path.read_text() == (ROOT / "data" / path.name).read_text(), path.name
    # Words a reader searches with: a new council gets every group the example has, without the example's local
    # names (its carers service's provider, London's travel passes), which it adds to the group it shares.
    new_groups = yaml.safe_load((ROOT / "hooks" / "scaffold" / "data" / "synonyms.yaml").read_text())["groups"]
    example_groups = yaml.safe_load((ROOT / "data" / "synonyms.yaml").read_text())["groups"]
    assert len(new_groups) == len(example_groups)
    for new, example in zip(new_groups, example_groups):
        assert set(new) <= set(example), set(new) - set(example)
    ours = json.loads((ROOT / "package.json").read_text())["dependencies"]
    # Only `carers-hub edit` needs npm (its local server): the site builds with the editor's files in the wheel.
    assert json.loads((ROOT / "hooks" / "scaffold" / "package.json").read_text())["dependencies"] == {
        "decap-server": ours["decap-server"]}
    assert "npm" not in (ROOT / "hooks" / "scaffold" / "github" / "workflows" / "publish.yml").read_text()
