"""Sites the tests build unchanged, built once for every test process and every run that reads the same
inputs: a build cache keyed on what the build reads (the project's files, the installed packages, the
Python, the suite's "today" and the build's CARERS_HUB_* settings).

A second process asking for the same site while the first builds it waits for it (a file lock), so two
workers never build the same site at once. A site is used only once its build finished and passed; the
cache is .cache/test-builds (`make clean` removes it), and a key's older sites are removed when a new one
is made. A test must never change a cached site: copy it first (as tests/test_search.py does).
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.metadata
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Mapping

from support.project import PARTS, ROOT

CACHE = ROOT / ".cache" / "test-builds"
# The site's own files, then the generator's (this checkout's hooks/ and overrides/ are what the build runs, see
# conftest's this_checkout_first); node_modules is what package-lock.json installs.
GENERATOR = ("hooks", "overrides", "pyproject.toml", "package-lock.json", "requirements")


def _files(root: Path, part: str) -> list[Path]:
    path = root / part
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return [path] if path.is_file() else []


def inputs_key(root: Path, env: Mapping[str, str], site: Path | None = None) -> str:
    """What a build of the site in `site` (by default `root`) by the generator in `root` with `env` reads, as one
    digest: any change to a file, a package or a setting gives another key, so a cached site is never one built
    from other inputs."""
    digest = hashlib.sha256()
    site = site or root
    for folder, parts in ((site, PARTS), (root, GENERATOR)):
        for part in parts:
            for file in _files(folder, part):
                digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    for name in sorted(n for n in env if n.startswith("CARERS_HUB_")):
        digest.update(f"{name}={env[name]}\0".encode())
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join([sys.version, *packages]).encode())
    return digest.hexdigest()[:24]


@contextmanager
def _locked(path: Path):
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, even if the process dies
        yield


def built_once(name: str, key: str, make: Callable[[Path], None]) -> Path:
    """The site `name` for inputs `key`: made by `make(folder)` (which must raise if the build fails) the first
    time, and taken from the cache after that."""
    CACHE.mkdir(parents=True, exist_ok=True)
    site, done = CACHE / f"{name}-{key}", CACHE / f"{name}-{key}.done"
    with _locked(CACHE / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(site, ignore_errors=True)  # a build that stopped half way
            make(site)
            done.touch()
            for old in CACHE.glob(f"{name}-*"):
                if old not in (site, done):
                    shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
    return site
