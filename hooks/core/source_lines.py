"""Where in a page's source something is written: the line an editor is sent to fix it."""

from __future__ import annotations


def first_line(text: str, *needles: str) -> int | None:
    """The first line of the text holding a needle, trying the needles in turn (give the most exact first)."""
    lines = text.splitlines()
    for needle in filter(None, needles):
        for number, line in enumerate(lines, 1):
            if needle in line:
                return number
    return None
