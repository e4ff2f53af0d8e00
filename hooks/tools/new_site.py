"""`carers-hub new DIR --council "Name"`: a new council's site, ready to fill in.

It writes the templates in hooks/scaffold/ (shipped inside the package): the pages the build requires, data/
with the council's own details left as placeholders (the words starting CHANGE, hooks/data/placeholders.py),
the generator-wide lists as they are, mkdocs.yml, requirements.txt pinning this version, the publishing
workflow and a README. `carers-hub site` then lists every placeholder still to replace, with file and line.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from carers_hub.core.paths import PACKAGE
from carers_hub.core.today import today as current_date
from carers_hub.core.version import version
from carers_hub.tools.new import REVIEW_AFTER

SCAFFOLD = PACKAGE / "scaffold"
# Packaged without a leading dot (setuptools' globs skip hidden files), written with one.
RENAMED = {"github": ".github", "gitignore": ".gitignore"}
# A council's name goes into YAML and Markdown as it is typed: these characters need no quoting in either.
COUNCIL_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 &'(),.-]{1,99}")
USAGE = 'Usage: carers-hub new DIR --council "Name of your council"'


def short_name(council: str) -> str:
    """ "Example Borough Council" -> "Example Borough": how pages name the area (data/site.yaml, short_name)."""
    return re.sub(r"\s+(County |City |District |Borough )?Council$", "", council) or council


def values(council: str, version: str, today: date) -> dict[str, str]:
    short = short_name(council)
    return {"%COUNCIL%": council, "%SHORT_NAME%": short, "%SITE_NAME%": f"{short} Carers Hub",
            "%VERSION%": version, "%TODAY%": today.isoformat(), "%REVIEW_BY%": (today + REVIEW_AFTER).isoformat()}


def refusal(target: Path, council: str) -> str | None:
    """Why `new` will not write here, in plain words; None if it may."""
    if not COUNCIL_NAME.fullmatch(council):
        return (f'The council\'s name "{council}" cannot be used: write it with letters, numbers, spaces and '
                "& ' ( ) , . - only, like \"Example Borough Council\".")
    if target.exists() and not target.is_dir():
        return f"{target} is a file: give the name of a new folder for the site."
    if target.is_dir() and any(target.iterdir()):
        return (f"{target} already has files in it, and carers-hub new never writes over anything: give the name "
                "of a new or empty folder.")
    return None


def write_site(target: Path, council: str, version: str, today: date) -> list[Path]:
    """Every template, filled with the council's name, this version and today's dates; the files written."""
    fill = values(council, version, today)
    templates = sorted(p for p in SCAFFOLD.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    if not templates:  # a package built without its package data: say so, rather than write an empty folder
        raise SystemExit(f"carers-hub's templates for a new site are missing from {SCAFFOLD}: reinstall carers-hub.")
    written = []
    for source in templates:
        parts = [RENAMED.get(part, part) for part in source.relative_to(SCAFFOLD).parts]
        path = target.joinpath(*parts)
        text = source.read_text(encoding="utf-8")
        for token, value in fill.items():
            text = text.replace(token, value)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] != "--council":
        print(USAGE, file=sys.stderr)
        return 2
    target, council = Path(argv[0]), argv[2].strip()
    problem = refusal(target, council)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    write_site(target, council, version(), current_date())
    print(f"Made the site for {council} in {target}. Next, in that folder:\n"
          "  pip install -r requirements.txt and npm install   (once)\n"
          "  carers-hub site     lists every word starting CHANGE still to replace, with its file and line\n"
          "  carers-hub serve    previews the site as you write")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
