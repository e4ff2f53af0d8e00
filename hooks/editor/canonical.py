"""One YAML style for data/*.yaml and the pages' front matter: the style the browser editor writes.

Decap CMS rewrites a whole file when it saves. A file already in its style changes only where an editor changed
something, so each pull request shows one service or one sentence. The style is made by the same packages
(js/canonical.cjs runs them in Node): in data files every record's keys in its model's order (the editor's
"yaml-ordered" format, js/format.js); in a page's front matter the form's fields first, and inside them
(a page's sources) the model's order too; YAML 1.2 quoting, text folded at 80 characters, no comments.
tests/test_canonical_yaml.py checks every file is already in it; `make tidy` writes them so.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from carers_hub.core import yaml_source
from carers_hub.core.paths import ROOT
from carers_hub.core.problems import ProblemsFound, exits_on_problems, relative
from carers_hub.data.front_matter import read_front_matter
from carers_hub.data.models import PageMeta
from carers_hub.data import data_files
from carers_hub.editor.widgets import key_order

SCRIPT = Path(__file__).parent / "js" / "canonical.cjs"
PAGE_ORDER = [*PageMeta.model_fields, "body"]  # the page collections' fields (collections.page_collections)


def data_models() -> dict[str, type]:
    """Each data file's model, by file name: its fields give the order of the file's top-level keys."""
    return data_files.MODELS


def order_for(path: Path) -> tuple[str, ...]:
    """The node script's options for a file: a page's field order and its fields' key order (PageMeta's, as the
    published editor writes them, js/format.js), or a data file's key order (its model's)."""
    if path.suffix == ".md":
        return "--order=" + ",".join(PAGE_ORDER), "--tree=" + json.dumps(key_order(PageMeta), separators=(",", ":"))
    model = data_models().get(path.name)
    return ("--tree=" + json.dumps(key_order(model) if model else {"keys": []}, separators=(",", ":")),)


def files(root: Path) -> list[Path]:
    """Every file the style applies to: data/*.yaml and content/**/*.md."""
    return sorted((root / "data").glob("*.yaml")) + sorted((root / "content").rglob("*.md"))


def check_plain(paths: list[Path], root: Path) -> None:
    """Raise ProblemsFound, naming file and line, for a file the build would refuse (an alias, a key written
    twice...), before Node's YAML package refuses it with a stack trace or reads it another way."""
    problems = []
    for path in paths:
        shown = relative(path, root)
        try:
            if path.suffix == ".md":
                read_front_matter(path.read_text(encoding="utf-8"), shown)
            else:
                yaml_source.load(path, shown)
        except ProblemsFound as found:
            problems += found.problems
    if problems:
        raise ProblemsFound(problems)


def canonical(paths: list[Path], root: Path = ROOT, write: bool = False) -> dict[Path, str]:
    """Each file as the editor would save it (and written so, with write=True). One Node run per key order."""
    check_plain(paths, root)
    out: dict[Path, str] = {}
    groups: dict[tuple[str, ...], list[Path]] = {}
    for path in paths:
        groups.setdefault(order_for(path), []).append(path)
    for options, group in groups.items():
        command = ["node", str(SCRIPT), *(["--write"] if write else []), *options, *map(str, group)]
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=True)
        out.update({Path(name): text for name, text in json.loads(done.stdout).items()})
    return out


@exits_on_problems
def main() -> int:
    changed = [p for p, text in canonical(files(ROOT), write=False).items() if p.read_text(encoding="utf-8") != text]
    canonical(changed, write=True) if changed else None
    print(f"Wrote {len(changed)} files in the editor's style." if changed else "Every file is in the editor's style.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
