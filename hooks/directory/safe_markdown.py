"""The little Markdown allowed in service descriptions, rendered safely.

The text is escaped first, so nothing in it can become HTML or script. Then only
**bold**, [links](https://...), blank-line paragraphs and lines starting "- " (list items) are turned into HTML.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

BOLD = re.compile(r"\*\*(.+?)\*\*")
LINK = re.compile(r"\[([^\]]+)\]\((https://[^)\s]+)\)")


ITEM = "- "


def _inline(text: str) -> str:
    html = str(escape(" ".join(text.split())))
    html = BOLD.sub(r"<strong>\1</strong>", html)
    return LINK.sub(r'<a href="\2">\1</a>', html)


def render(text: str) -> Markup:
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines, items = [], []
        for line in (line.strip() for line in paragraph.splitlines()):
            if not line:
                continue
            if line.startswith(ITEM):  # an imported directory's list, kept as a list
                if lines:
                    out.append(f"<p>{_inline(' '.join(lines))}</p>")
                    lines = []
                items.append(f"<li>{_inline(line[len(ITEM):])}</li>")
                continue
            if items:
                out.append("<ul>" + "".join(items) + "</ul>")
                items = []
            lines.append(line)
        if lines:
            out.append(f"<p>{_inline(' '.join(lines))}</p>")
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
    return Markup("\n".join(out))


@lru_cache(maxsize=16384)
def plain(text: str) -> str:
    """The description as plain words (for summaries, search and open data); a list item reads as a sentence."""
    text = BOLD.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith(ITEM):
            line = line[len(ITEM):].strip()
            if line and line[-1] not in ".!?:;":
                line += "."
        lines.append(line)
    return " ".join(" ".join(lines).split())


def blocks(text: str) -> list[str]:
    """Each paragraph and each list item as plain words: each ends a sentence, as it does for a reader."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines: list[str] = []
        for line in (line.strip() for line in paragraph.splitlines()):
            if line.startswith(ITEM):
                out += [plain(" ".join(lines))] if lines else []
                lines = []
                out.append(plain(line[len(ITEM):]))
            elif line:
                lines.append(line)
        out += [plain(" ".join(lines))] if lines else []
    return [block for block in out if block]


def shortened(text: str, words: int) -> str:
    """The first `words` words of a text, with an ellipsis when something was cut."""
    found = text.split()
    return text if len(found) <= words else " ".join(found[:words]).rstrip(",;:") + "\u2026"


@lru_cache(maxsize=16384)  # a service's summary appears on its page, the directory and two or more filter pages
def first_sentence(text: str) -> str:
    words = plain(text)
    match = re.match(r"(.+?[.!?])(\s|$)", words)
    return match.group(1) if match else words

