"""An editor's words in place of a template's placeholders (hooks/data/placeholders.py), for tests that need a
new page or service finished."""

from __future__ import annotations

from carers_hub.data import placeholders


def fill_page(text: str) -> str:
    """An editor's words in place of every placeholder line, keeping its "- " or "description: " in front."""
    lines = []
    for number, line in enumerate(text.splitlines(), 1):
        found = placeholders.FOUND.search(line)
        lines.append(line[:found.start()] + f"Carers meet for tea and a chat on week {number}." if found else line)
    return "\n".join(lines) + "\n"


def fill_service(text: str, organisation: str) -> str:
    real = {"organisation": organisation, "audience": ["adult-carers"], "categories": ["carers-advice"],
            "description": "A weekly cafe where carers meet for tea and a chat.",
            "website": "https://www.example.org/cafe"}
    for field, value in placeholders.SERVICE_DEFAULTS.items():
        if field == "source":
            text = text.replace(value["url"], "https://www.example.org/cafe")
        elif isinstance(value, list):  # item by item: the list may be written [a, b] or one "- a" a line
            for placeholder, item in zip(value, real[field]):
                text = text.replace(placeholder, item)
        else:
            text = text.replace(value, real[field])
    return text


def easy_read_page(*points: str) -> str:
    """A finished easy-read page (content/easy-read/test.md in a copy of the project) holding these points,
    Markdown or macros, each a paragraph of its own."""
    top = ("---\ntitle: Test page (easy read)\ndescription: A test.\nowner: team@example.org\n"
           "last_reviewed: 2026-11-23\nreview_by: 2027-05-23\naudience: [all-carers]\n"
           "easy_read_of: get-help-now.md\n---\n\n# Test page (easy read)\n")
    return top + "".join(f"\n{point}\n" for point in points)
