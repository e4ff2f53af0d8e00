"""The tests' build cache (tests/support/build_cache.py) never hands out a site built from other inputs, nor
one whose build failed."""

from __future__ import annotations

import shutil

import pytest

from support import build_cache
from support.project import PARTS, ROOT, SITE


def checkout_copy(folder):
    """A copy of the parts a build reads: the site the tests build, and this checkout's generator."""
    folder.mkdir()
    for part, source in [*((p, SITE / p) for p in PARTS), *((p, ROOT / p) for p in build_cache.GENERATOR)]:
        if source.is_dir():
            shutil.copytree(source, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, folder / part)
    return folder


def test_any_change_to_what_the_build_reads_changes_the_key(tmp_path):
    project = checkout_copy(tmp_path / "project")
    env = {"CARERS_HUB_TODAY": "2026-12-03", "HOME": "/root"}
    key = build_cache.inputs_key(project, env)
    assert build_cache.inputs_key(project, {**env, "HOME": "/elsewhere"}) == key  # not a build setting
    assert build_cache.inputs_key(project, {**env, "CARERS_HUB_TODAY": "2027-06-01"}) != key
    for part in ("content/index.md", "data/site.yaml", "hooks/site_build.py", "overrides/main.html", "mkdocs.yml",
                 "pyproject.toml"):
        file = project / part
        text = file.read_text()
        file.write_text(text + "\n")
        assert build_cache.inputs_key(project, env) != key, part
        file.write_text(text)
    assert build_cache.inputs_key(project, env) == key
    (project / "content" / "new.md").write_text("# New\n")  # a file added
    assert build_cache.inputs_key(project, env) != key


def test_a_failed_build_is_never_reused_and_a_finished_one_is(tmp_path, monkeypatch):
    monkeypatch.setattr(build_cache, "CACHE", tmp_path / "cache")
    made = []

    def fails(site):
        site.mkdir(parents=True)
        (site / "index.html").write_text("half")
        raise AssertionError("the build failed")

    def works(site):
        made.append(site)
        site.mkdir(parents=True)
        (site / "index.html").write_text("whole")

    with pytest.raises(AssertionError):
        build_cache.built_once("site", "k1", fails)
    site = build_cache.built_once("site", "k1", works)
    assert (site / "index.html").read_text() == "whole"
    assert build_cache.built_once("site", "k1", works) == site and len(made) == 1  # taken from the cache
    build_cache.built_once("site", "k2", works)  # other inputs: built again, the old site removed
    assert len(made) == 2 and not site.exists()
