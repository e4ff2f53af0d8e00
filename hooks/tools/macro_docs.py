"""Write the handbook's macros reference from the macros' own docstrings, so it cannot drift.

    .venv/bin/python -m hooks.tools.macro_docs > docs/editors/macros.md   (or: make docs)

tests/test_handbook.py fails if docs/editors/macros.md differs from what this prints.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

MACROS = Path(__file__).resolve().parents[1] / "macros.py"
HEADER = """# Macros reference

Macros put data into a page: contacts, services and the glossary. Write them in a page exactly as shown,
with straight double quotes. If an id is wrong, the site will not build, and the message names the page,
the line and the ids you can use.

This page is made from the macros themselves (`make docs`), so it is always up to date.

Also available: `{{ council.name }}`, `{{ council.short_name }}` and `{{ council.area }}` for the council's
name and area, from `data/site.yaml`.
"""


def macros() -> list[tuple[str, str, str]]:
    """(name, signature, docstring) of every function decorated with @env.macro."""
    tree = ast.parse(MACROS.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(ast.unparse(d) == "env.macro" for d in node.decorator_list):
            found.append((node.name, f"{node.name}({_arguments(node.args)})", inspect.cleandoc(ast.get_docstring(node) or "")))
    return found


def _arguments(args: ast.arguments) -> str:
    """contact_id, category=None: names as an editor writes them, without Python's type hints."""
    names = [a.arg for a in args.args]
    defaults = [None] * (len(names) - len(args.defaults)) + [ast.unparse(d) for d in args.defaults]
    return ", ".join(name if default is None else f"{name}={default}" for name, default in zip(names, defaults))


def reference() -> str:
    parts = [HEADER]
    for name, signature, doc in macros():
        parts.append(f"## {name}\n\n`{{{{ {signature} }}}}`\n\n{doc}\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
