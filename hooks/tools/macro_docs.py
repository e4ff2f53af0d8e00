"""Write the handbook's macros reference from the macros' own docstrings, so it cannot drift.

    .venv/bin/python -m carers_hub.tools.macro_docs > docs/editors/macros.md   (or: make docs)

tests/test_handbook.py fails if docs/editors/macros.md differs from what this prints.
"""

from __future__ import annotations

from carers_hub.checks.page_template import VARIABLES, site_macros

HEADER = """# Macros reference

Macros put data into a page: contacts, services and the glossary. Write them in a page exactly as shown,
with straight double quotes. If an id is wrong, the site will not build, and the message names the page,
the line and the ids you can use.

This page is made from the macros themselves (`make docs`), so it is always up to date.

Also available: VARIABLES for the council's
name and area, from `data/site.yaml`.

Nothing else works between `{{ }}` in a page, and no `{% %}` tag does: the site is not built, and the message
says what to write instead ([PAGE_TEMPLATE_NOT_ALLOWED](../errors.md#page-template-not-allowed)).
"""


def macros() -> list[tuple[str, str, str]]:
    """(name, signature, docstring) of every function decorated with @env.macro."""
    return [(m.name, m.signature, m.doc) for m in site_macros().values()]


def reference() -> str:
    # The values pages may print, as page_template allows them.
    shown = [f"`{{{{ {name}.{attr} }}}}`" for name, attrs in VARIABLES.items() for attr in attrs]
    parts = [HEADER.replace("VARIABLES", f"{', '.join(shown[:-1])} and {shown[-1]}")]
    for name, signature, doc in macros():
        parts.append(f"## {name}\n\n`{{{{ {signature} }}}}`\n\n{doc}\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference(), end="")
