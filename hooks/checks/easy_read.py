"""Easy read: a picture beside every point, pictures that say what they show, and text that never
stands alone without its picture."""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

from markupsafe import Markup, escape

from carers_hub.core.problems import Problem
from carers_hub.core.theme import icon_path
PICTURED = {"ch-point", "ch-hard-word", "ch-contact", "ch-print-only", "ch-reviewed", "ch-outdated", "ch-leaflet"}


@lru_cache(maxsize=128)
def picture_svg(icon: str, alt: str) -> Markup:
    """The icon as inline SVG, named for screen readers: nothing to download, and it prints sharply."""
    svg = icon_path(icon).read_text(encoding="utf-8")
    svg = re.sub(r"<svg\b", f'<svg class="ch-point__picture" role="img" aria-label="{escape(alt)}" focusable="false"', svg, 1)
    return Markup(svg.replace(">", f"><title>{escape(alt)}</title>", 1))


class _Loose(HTMLParser):
    """Finds paragraphs and list items that are not inside a pictured point."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.loose: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "input", "path"):
            return
        classes = set((dict(attrs).get("class") or "").split())
        inside = (self.stack[-1] if self.stack else False) or bool(classes & PICTURED)
        self.stack.append(inside)
        if tag in ("p", "li") and not inside:
            self._text = []

    def handle_endtag(self, tag):
        if tag in ("br", "img", "hr", "input", "path"):
            return
        if self.stack:
            self.stack.pop()
        if tag in ("p", "li") and self._text is not None:
            text = " ".join("".join(self._text).split())
            if text:
                self.loose.append(text)
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)


def unpictured_text(html: str) -> list[str]:
    parser = _Loose()
    parser.feed(html)
    return parser.loose


def point_problems(html: str, file: str, source: str) -> list[Problem]:
    from carers_hub.checks.reading_rules import line_in_source

    return [Problem(code="EASY_READ_POINT_WITHOUT_PICTURE", file=file, line=line_in_source(source, text), field="",
                    message=f'this text has no picture beside it: "{text[:80]}"',
                    fix='In easy read, write each point with its picture: {{ point("phone", "Your sentence.") }}. '
                        "The pictures are listed in data/pictures.yaml.")
            for text in unpictured_text(html)]
