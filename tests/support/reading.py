"""A Markdown document as its reader sees it: rendered by Python-Markdown, tags removed, entities decoded."""

from __future__ import annotations

import html
import re

import markdown


def as_read(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markdown.markdown(text)))
