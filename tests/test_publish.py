"""Publishing swaps the site whole (hooks/tools/publish.py): killed at any step, the site folder holds the whole
old site or the whole new one, never part of one, and the next run cleans up (or puts the old site back)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from carers_hub.tools import publish

# Runs a swap in its own process and kills it (SIGKILL: no cleanup, no finally) just before its Nth change to
# the disk: a rename, the one-step exchange, or a file or folder deleted.
KILLED_AT = """
import os, shutil, signal, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from carers_hub.tools import publish
stop_at, way = int(sys.argv[4]), sys.argv[5]
done = 0
def step(change):
    def run(*args, **kwargs):
        global done
        if done == stop_at:
            os.kill(os.getpid(), signal.SIGKILL)
        done += 1
        return change(*args, **kwargs)
    return run
exchange = publish.exchange if way == "exchange" else (lambda a, b: False)
os.rename, os.unlink, os.rmdir, publish.exchange = step(os.rename), step(os.unlink), step(os.rmdir), step(exchange)
new, live = Path(sys.argv[2]), Path(sys.argv[3])
if way == "rm-and-mv":  # what make site did before
    shutil.rmtree(live)
    os.rename(new, live)
else:
    publish.swap(new, live)
print(done)
"""


def write_site(folder: Path, label: str, pages: int) -> None:
    for n in range(pages):
        page = folder / f"section-{n % 3}" / f"page-{n}" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"{label} {n}")


def site_in(folder: Path) -> str:
    """Which whole site the folder holds ("old", "new", ...), "missing", or "part of a site"."""
    if not folder.is_dir():
        return "missing"
    files = {p.relative_to(folder).as_posix(): p.read_text() for p in folder.rglob("*") if p.is_file()}
    labels = {text.split()[0] for text in files.values()}
    whole = len(labels) == 1 and len(files) == SIZES.get(next(iter(labels)), -1)
    return next(iter(labels)) if whole else "part of a site"


SIZES = {"old": 6, "new": 7, "newer": 5}


def start(tmp_path: Path) -> tuple[Path, Path]:
    new, live = tmp_path / ".site-build", tmp_path / "site"
    write_site(live, "old", SIZES["old"])
    write_site(new, "new", SIZES["new"])
    return new, live


def run_killed(tmp_path: Path, stop_at: int, way: str) -> subprocess.CompletedProcess:
    new, live = tmp_path / ".site-build", tmp_path / "site"
    return subprocess.run([sys.executable, "-c", KILLED_AT, str(ROOT), str(new), str(live), str(stop_at), way],
                          capture_output=True, text=True, timeout=60)


def changes_in_a_whole_swap(tmp_path: Path, way: str) -> int:
    start(tmp_path)
    result = run_killed(tmp_path, 10**6, way)
    assert result.returncode == 0, result.stderr
    return int(result.stdout)


def next_run(tmp_path: Path) -> None:
    """What the next make site does: a fresh build, then the swap (which first tidies up after the last)."""
    shutil.rmtree(tmp_path / ".site-build", ignore_errors=True)
    write_site(tmp_path / ".site-build", "newer", SIZES["newer"])
    publish.swap(tmp_path / ".site-build", tmp_path / "site")


@pytest.mark.parametrize("way", ["exchange", "two renames"])
def test_killed_at_any_step_the_site_is_whole_and_the_next_run_recovers(tmp_path, way):
    steps = changes_in_a_whole_swap(tmp_path / "count", way)
    assert steps >= SIZES["old"] + 2, "the harness saw the swap's renames and the old site's deletion"
    for stop_at in range(steps + 1):
        folder = tmp_path / str(stop_at)
        new, live = start(folder)
        result = run_killed(folder, stop_at, way)
        assert result.returncode == (0 if stop_at == steps else -9), result.stderr
        now = site_in(live)
        aside = publish.set_aside(live)
        if way == "exchange":
            assert now in ("old", "new"), f"killed before change {stop_at}: the site folder holds {now}"
        else:  # between its two renames no site is in place, but the whole old one is beside it
            assert now in ("old", "new") or (now == "missing" and [site_in(p) for p in aside] == ["old"]), (
                f"killed before change {stop_at}: the site folder holds {now}")
        publish.recover(live)
        assert site_in(live) in ("old", "new") and not publish.set_aside(live), stop_at
        next_run(folder)
        assert site_in(live) == "newer" and not publish.set_aside(live) and not new.exists(), stop_at


def test_the_next_run_puts_back_a_site_left_aside(tmp_path):
    """The two-step swap stopped between its renames: the next run starts from the old site, whole."""
    new, live = start(tmp_path)
    live.rename(tmp_path / "site.old-12345")
    next_run(tmp_path)
    assert site_in(live) == "newer" and not publish.set_aside(live)


def test_the_old_rm_and_mv_left_part_of_a_site(tmp_path):
    """The harness can tell: make site's old `rm -rf site && mv .site-build site`, killed, left part of a site."""
    steps = changes_in_a_whole_swap(tmp_path / "count", "rm-and-mv")
    seen = set()
    for stop_at in range(steps + 1):
        start(tmp_path / str(stop_at))
        run_killed(tmp_path / str(stop_at), stop_at, "rm-and-mv")
        seen.add(site_in(tmp_path / str(stop_at) / "site"))
    assert {"part of a site", "missing"} <= seen


def test_this_machine_swaps_folders_in_one_step(tmp_path):
    """Coupling point: Linux's renameat2 RENAME_EXCHANGE, from glibc, on the file system the site is built on."""
    new, live = start(tmp_path)
    assert publish.exchange(new, live), "no one-step swap here: make site falls back to two renames"
    assert (site_in(live), site_in(new)) == ("new", "old")


def test_a_build_on_another_disk_is_refused_before_anything_changes(tmp_path):
    other_disk = Path("/dev/shm")
    if not other_disk.is_dir() or other_disk.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("needs a second file system (/dev/shm)")
    new, live = start(tmp_path)
    elsewhere = Path(shutil.copytree(new, other_disk / f"carers-hub-test-{tmp_path.name}"))
    try:
        with pytest.raises(publish.CannotPublish, match="different disks"):
            publish.swap(elsewhere, live)
    finally:
        shutil.rmtree(elsewhere)
    assert site_in(live) == "old"


def test_make_site_publishes_with_the_swap():
    recipe = (ROOT / "Makefile").read_text().split("\nsite:", 1)[1].split("\n\n", 1)[0]
    assert "python -m carers_hub.tools.publish .site-build site" in recipe
    assert "rm -rf site" not in recipe and "mv " not in recipe
