"""The browser editor's files inside the wheel, so a council's site builds its /admin/ with no npm.

As a wheel is built (make wheel, tests/test_new_site.py), every file the build may copy into admin/ (page.py:
both CMSs' scripts and chunks, the YAML package's browser modules, the fonts) is copied from node_modules into
hooks/editor/npm/, under the same folder names, and pyproject.toml's package-data takes them into the wheel.
They are byte for byte what `npm ci` installed, and each package's installed version must be the one
package-lock.json locks: anything else stops here, before a wheel is made.

    python -m carers_hub.editor.shipped NODE_MODULES TARGET [PACKAGE_LOCK]
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from carers_hub.editor import page


def needed(base: Path) -> list[Path]:
    """Every file under base (a node_modules folder) the build may copy into admin/, and each package's licence."""
    files = {*page.bundle_files(base / page.BUNDLE), *page.bundle_files(base / page.SVELTIA),
             *(base / page.YAML_BROWSER).glob("*.js"), *(base / font for font in page.FONTS.values())}
    names = {package_of(f.relative_to(base)) for f in files}
    return sorted(files | {p for name in names for p in (base / name).glob("LICEN[CS]E*") if p.is_file()})


def package_of(relative: Path) -> str:
    """ "@sveltia/cms/dist/x.js" -> "@sveltia/cms"; "yaml/browser/dist/index.js" -> "yaml"."""
    parts = relative.parts
    return "/".join(parts[:2]) if parts[0].startswith("@") else parts[0]


def unlocked(node_modules: Path, lock: dict, packages: set[str]) -> list[str]:
    """Each package whose installed version is not the one package-lock.json locks, said plainly."""
    said = []
    for name in sorted(packages):
        locked = lock.get("packages", {}).get(f"node_modules/{name}", {}).get("version")
        manifest = node_modules / name / "package.json"
        installed = json.loads(manifest.read_text(encoding="utf-8"))["version"] if manifest.is_file() else None
        if locked != installed:
            said.append(f"{name} is {installed or 'not installed'} in node_modules but package-lock.json locks "
                        f"{locked or 'no version of it'}: run npm ci.")
    return said


def ship(node_modules: Path, target: Path, lock_file: Path) -> list[Path]:
    """Copy the files into target (emptied first); the files written. SystemExit if any is missing or unlocked."""
    if not (node_modules / page.BUNDLE / page.SCRIPT).is_file():
        raise SystemExit(f"The browser editor's files are not in {node_modules}: run npm ci first.")
    files = needed(node_modules)
    problems = [f"{f} is missing: run npm ci." for f in files if not f.is_file()]
    problems += unlocked(node_modules, json.loads(lock_file.read_text(encoding="utf-8")),
                         {package_of(f.relative_to(node_modules)) for f in files})
    if problems:
        raise SystemExit("\n".join(problems))
    shutil.rmtree(target, ignore_errors=True)
    written = []
    for source in files:
        copied = target / source.relative_to(node_modules)
        copied.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copied)
        written.append(copied)
    return written


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    node_modules, target = Path(argv[0]), Path(argv[1])
    lock = Path(argv[2]) if len(argv) == 3 else node_modules.parent / "package-lock.json"
    written = ship(node_modules, target, lock)
    print(f"Copied the browser editor's {len(written)} files into {target} "
          f"({sum(p.stat().st_size for p in written) / 1e6:.1f} MB).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
