"""Write the handbook's list of described fields (docs/editors/services.md) from the fields themselves
(hooks/data/described.py), so a new field is documented by its model line.

    .venv/bin/python -m carers_hub.tools.field_docs docs/editors/services.md   (or: make docs)

tests/test_described.py fails if the handbook's part between the two marks differs from what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from carers_hub.data.described import allowed, described
from carers_hub.data.service_models import Service

START = "<!-- Written by `make docs` from the service model: change the model, not these lines. -->"
END = "<!-- End of the part `make docs` writes. -->"


def _field(kept) -> str:
    about, oruk = kept.about, kept.oruk
    lines = [f"### {about.label} (`{kept.name}`)", "", f"{about.hint} {'Required' if kept.info.is_required() else 'Optional'}. For example: `{kept.name}: "
             f"{about.example}`."]
    if about.choices:
        lines += ["", "| Write | Carers read |", "|---|---|"]
        lines += [f"| `{value}` | {about.choices[value]} |" for value in allowed(kept.info)]
    if about.search:
        lines += ["", "Search finds a service by these words."]
    if oruk:
        feed = ", ".join(f'"{words}"' for words in oruk.values)
        lines += ["", f"Open data: `{'`, `'.join(oruk.write)}`, as the words carers read. A directory you bring in "
                      f"fills it from `{'`, `'.join(oruk.read)}`, when they say one of these (or the words carers "
                      f"read): {feed}. Other words are left out, and the import report lists them."]
    return "\n".join(lines)


def section() -> str:
    return "\n\n".join([START, *(_field(kept) for kept in described(Service)), END])


def rewrite(text: str) -> str:
    """The handbook page with its written part replaced; the marks must be there, once each."""
    before, start, rest = text.partition(START)
    _, end, after = rest.partition(END)
    if not (start and end):
        raise SystemExit(f"the handbook page needs the two lines {START!r} and {END!r}")
    return before + section() + after


if __name__ == "__main__":
    page = Path(sys.argv[1])
    page.write_text(rewrite(page.read_text()), encoding="utf-8")
