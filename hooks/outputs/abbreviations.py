"""Explain every abbreviation in the glossary wherever it appears: EHCP becomes
<abbr title="Education, Health and Care Plan">EHCP</abbr>, with no effort from editors.

Works on a page's HTML (so it reaches text from macros and generated pages too), changing only text
between tags, never attributes, scripts, code, or the glossary's own headwords.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from markupsafe import escape

from carers_hub.outputs import article

# Elements whose text is never changed, matched with their content. Only text between tags changes.
SKIPPED = re.compile(r"<(script|style|code|pre|abbr|dt|title|textarea)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)


@lru_cache(maxsize=8)
def _pattern(abbreviations: frozenset[str]) -> re.Pattern:
    # No \b in front: Python's regex engine then jumps to each possible first letter, several times faster
    # than trying the word boundary at every character. expand() checks the character before instead.
    return re.compile("(" + "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True)) + r")\b")


def _starts_word(html: str, at: int) -> bool:
    return at == 0 or not (html[at - 1].isalnum() or html[at - 1] == "_")


def expand(html: str, terms: dict[str, str]) -> str:
    """terms: abbreviation -> what it stands for."""
    if not terms:
        return html
    found = [m for m in _pattern(frozenset(terms)).finditer(html) if _starts_word(html, m.start())]
    if not found:  # most pages use none: nothing more to do
        return html
    skipped = [span.span() for span in SKIPPED.finditer(html)]
    skipped_starts = [start for start, _ in skipped]
    out, done = [], 0
    for match in found:
        at = match.start()
        inside_tag = html.rfind("<", 0, at) > html.rfind(">", 0, at)  # an attribute, or a comment
        before = bisect.bisect_right(skipped_starts, at) - 1
        if inside_tag or (before >= 0 and at < skipped[before][1]):
            continue
        abbr = match.group(1)
        out += [html[done:at], f'<abbr title="{escape(terms[abbr])}">{abbr}</abbr>']
        done = match.end()
    out.append(html[done:])
    return "".join(out)


def expand_article(page_html: str, terms: dict[str, str]) -> str:
    """Expand abbreviations in the page's <article> only: menus and headers stay as they are."""
    found = article.bounds(page_html)
    if found is None:
        return page_html
    return page_html[:found.start] + expand(page_html[found.start:found.end], terms) + page_html[found.end:]
