"""Explain every abbreviation in the glossary wherever it appears: EHCP becomes
<abbr title="Education, Health and Care Plan">EHCP</abbr>, with no effort from editors.

Works on a page's HTML (so it reaches text from macros and generated pages too), changing only text
between tags, never attributes, scripts, code, or the glossary's own headwords.
"""

from __future__ import annotations

import re

from markupsafe import escape

SKIP_INSIDE = ("script", "style", "code", "pre", "abbr", "dt", "title", "textarea")
TAG = re.compile(r"(<[^>]+>)")


def expand(html: str, terms: dict[str, str]) -> str:
    """terms: abbreviation -> what it stands for."""
    if not terms:
        return html
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(terms, key=len, reverse=True)) + r")\b")
    out, open_skips = [], []
    for part in TAG.split(html):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name and name.group(1).lower() in SKIP_INSIDE and not part.endswith("/>"):
                if part.startswith("</"):
                    if open_skips:
                        open_skips.pop()
                else:
                    open_skips.append(name.group(1).lower())
            out.append(part)
        elif open_skips or not part.strip():
            out.append(part)
        else:
            out.append(pattern.sub(lambda m: f'<abbr title="{escape(terms[m.group(1)])}">{m.group(1)}</abbr>', part))
    return "".join(out)


def expand_article(page_html: str, terms: dict[str, str]) -> str:
    """Expand abbreviations in the page's <article> only: menus and headers stay as they are."""
    start = page_html.find("<article")
    end = page_html.find("</article>", start)
    if start < 0 or end < 0:
        return page_html
    return page_html[:start] + expand(page_html[start:end], terms) + page_html[end:]
