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
