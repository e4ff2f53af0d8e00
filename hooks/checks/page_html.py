"""Pages are Markdown, not code: the HTML a page in content/ may hold.

Markdown lets an editor write HTML, and attr_list ({: ... }) lets them add attributes to what Markdown makes.
So a page is read as Markdown makes it, with the site's own Markdown settings and with its macros left out
(what a macro writes is the site's own), and every element and attribute in it must be on ALLOWED; links
may only go to web pages, email, phone numbers and the site's own pages, and pictures only come from the
site. Code in backticks or a fence is shown, not run: Markdown has already made it text, so it passes.
Each problem names its line in the page as written.

The page as it is published (macros included) is read again for what no page may carry, whoever wrote it:
scripts, frames, event attributes, links that run code. That catches what a {{ }} writes into a page.

The files content/ may hold besides pages are hooks/checks/content_files.py's rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Iterable

import markdown

from carers_hub.core import html_read
from carers_hub.core.problems import Problem
from carers_hub.data.front_matter import FRONT_MATTER

# What Markdown makes (with the site's extensions: tables, admonitions, details, definition lists), and the
# few elements an editor may need to write themselves. Each with the attributes it may have besides GLOBAL.
ALLOWED: dict[str, tuple[str, ...]] = {
    **{name: () for name in (
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "small", "sup", "sub",
        "abbr", "code", "pre", "blockquote", "ul", "li", "dl", "dt", "dd", "div", "span", "summary",
        "table", "caption", "thead", "tbody", "tfoot", "tr")},
    "ol": ("start", "reversed"),
    "details": ("open",),
    "a": ("href",),
    "img": ("src", "alt", "width", "height", "loading"),
    "th": ("colspan", "rowspan", "scope", "align", "style"),
    "td": ("colspan", "rowspan", "align", "style"),
}
GLOBAL = ("class", "id", "title", "lang", "dir", "hidden", "markdown")  # and every aria-*
LINK_SCHEMES = {"http", "https", "mailto", "tel", "sms"}  # and addresses on this site (no scheme)
TABLE_ALIGN = re.compile(r"\s*text-align:\s*(?:left|right|center);?\s*")  # what Markdown's tables write
# Ids the theme and the site's scripts look for start with __, md- or ch-: a page must not take one. (_1, _2 are
# what Markdown gives a heading with no letters it can use, such as one in Arabic script.)
ID = re.compile(r"(?!md-|ch-)[A-Za-z0-9][\w-]*|_\d+", re.IGNORECASE)

# Never in any page, whoever wrote it (checked on the page as published, macros included).
NEVER = {"script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base", "meta",
         "link", "style", "template", "set", "animate"}  # SVG's set and animate can rewrite a link
RUNS_CODE = {"srcdoc", "formaction"}  # and every on... attribute
URL_ATTRIBUTES = {"href", "action", "formaction", "xlink:href", "poster", "data", "background", "ping", "cite",
                  "codebase", "archive", "manifest", "longdesc", "icon"}  # and every name ending in src or srcset

# What to write instead, by element.
NO_PROGRAMS = ("Pages cannot run programs. Remove it. If the page needs something that works in the browser, ask "
               "a developer to add it to the site's theme.")
NO_FRAMES = ("Pages cannot show another website inside them. Link to it instead, for example "
             "[Watch the video on YouTube](https://www.youtube.com/watch?v=...).")
NO_FORMS = ("Pages cannot have their own forms. Link to the council's online form instead. The emergency plan has its "
            "own macro: {{ emergency_plan_form() }}.")
NO_HEAD = "Remove it. A page's title and description go in its top block, between the two --- lines."
NO_STYLE = ("Remove it. The site's look comes from its stylesheet, and styles written in a page are blocked by the "
            "site's security policy. Ask a developer if the page needs a new style.")
INSTEAD = {
    **dict.fromkeys(("script", "noscript", "template"), NO_PROGRAMS),
    **dict.fromkeys(("iframe", "frame", "frameset", "object", "embed", "applet", "portal", "video", "audio"), NO_FRAMES),
    **dict.fromkeys(("form", "input", "button", "select", "textarea", "label", "fieldset"), NO_FORMS),
    **dict.fromkeys(("meta", "base", "link", "title", "head"), NO_HEAD),
    "style": NO_STYLE,
    **dict.fromkeys(("svg", "math", "picture", "canvas"),
                    "Save the picture as a file (.png or .jpg) next to the page and show it with "
                    "![What the picture shows](picture.png). Easy-read pages use the point macro."),
}
IN_MARKDOWN = ("Write it in Markdown instead (## for a heading, - for a list, **bold**, [words](page.md) for a link), "
               "or remove it. docs/errors.md lists the HTML a page can use.")
# What an element is, in an editor's words.
CALLED = {"p": "a paragraph", "a": "a link", "img": "a picture", "li": "a list item", "td": "a table cell",
          "th": "a table heading", **{f"h{n}": "a heading" for n in range(1, 7)}}
LINK_FIX = ("Link to a web page (https://...), an email address (mailto:...), a phone number (tel:...) or another "
            "page's file (../support/carers-assessment.md).")

_JINJA = re.compile(r"(\{%-?\s*raw\s*-?%\})(.*?)(\{%-?\s*endraw\s*-?%\})|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    fix: str
    needles: tuple[str, ...]  # what to look for in the page as written to find its line, most precise first


def _shown(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _raw_attribute(tag_text: str, name: str) -> tuple[str, str]:
    """The attribute as written in the tag, and its value as written: only to find its line."""
    found = re.search(r"(?<=[\s\"'/])%s\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]*)" % re.escape(name), tag_text, re.IGNORECASE)
    return (found.group(0), found.group(1).strip("\"'")) if found else ("", "")


def _element(tag: str, tag_text: str) -> Finding:
    what = {"script": "a script", "style": "a <style> block"}.get(tag, f"the HTML element <{tag}>")
    return Finding("PAGE_HTML_NOT_ALLOWED", f"the page has {what}, which pages cannot have: {_shown(tag_text)}",
                   INSTEAD.get(tag, IN_MARKDOWN), (tag_text, "<" + tag))


def _called(tag: str) -> str:
    return f"{CALLED[tag]} (<{tag}>)" if tag in CALLED else f"<{tag}>"


def _attribute(tag: str, name: str, value: str, tag_text: str, why: str, fix: str) -> Finding:
    written, raw_value = _raw_attribute(tag_text, name)
    return Finding("PAGE_HTML_ATTRIBUTE_NOT_ALLOWED", f'{_called(tag)} has {name}="{_shown(value, 40)}", {why}', fix,
                   (written, raw_value, name + "=", tag_text))


def _link(tag: str, name: str, url: str, tag_text: str, strict: bool, own_host: str) -> Finding | None:
    """A problem with an address, or None. A picture in a page as written (strict) comes from this site."""
    written, raw_value = _raw_attribute(tag_text, name)
    needles = (written, raw_value, url, tag_text)
    scheme = html_read.scheme(url)
    picture = strict and tag == "img"
    if picture and scheme in (None, "http", "https") and html_read.elsewhere(url, own_host):
        return Finding("THIRD_PARTY_REQUEST", f"the picture would be loaded from another website: {_shown(url)}",
                       "Carers' visits must not be shared with other websites. Save the picture next to the page "
                       "and show it with ![What the picture shows](picture.png).", needles)
    if scheme is None or scheme in (("http", "https") if picture else LINK_SCHEMES):
        return None
    return Finding("PAGE_LINK_UNSAFE", f'{_called(tag)} has {name}="{_shown(url, 50)}": a "{scheme}:" address, which '
                   "pages cannot use (it can run code or open a file on the reader's device).",
                   "Pictures must be files saved next to the page." if tag == "img" else LINK_FIX, needles)


def tag_findings(tag: str, attrs: Iterable[tuple[str, str | None]], tag_text: str, strict: bool,
                 own_host: str) -> list[Finding]:
    """What is wrong with one start tag. strict: the page as an editor wrote it, against ALLOWED; otherwise the
    page as published, against NEVER, RUNS_CODE and the link rules only."""
    if tag in NEVER or (strict and tag not in ALLOWED):
        return [_element(tag, tag_text)]
    findings = []
    for name, value in attrs:
        value = value or ""
        if name.startswith("on") or name in RUNS_CODE:
            findings.append(_attribute(tag, name, value, tag_text, "which would run a program.", NO_PROGRAMS))
        elif name == "style" and not (tag in ("th", "td") and TABLE_ALIGN.fullmatch(value)):
            findings.append(_attribute(tag, name, value, tag_text, "a style written in the page.", NO_STYLE))
        elif strict and not (name in GLOBAL or name.startswith("aria-") or name in ALLOWED[tag]):
            findings.append(_attribute(tag, name, value, tag_text, "which pages cannot use.",
                                       "Remove it. In a page, elements can have class, id, title, lang and aria- "
                                       "attributes; links an href; pictures src, alt, width and height."))
        elif strict and name == "id" and not ID.fullmatch(value):
            findings.append(_attribute(tag, name, value, tag_text, "an id the site's own code could look for.",
                                       "Use letters, numbers and hyphens, not starting md- or ch-, like "
                                       "{ #my-section } after a heading (with the spaces: {# starts a macro "
                                       "comment)."))
        elif name in URL_ATTRIBUTES or name.endswith(("src", "srcset")):
            urls = html_read.srcset_addresses(value) if name.endswith("srcset") else [value]
            findings += [f for url in urls if (f := _link(tag, name, url, tag_text, strict, own_host))]
    return findings


class _Reader(HTMLParser):
    def __init__(self, strict: bool, own_host: str) -> None:
        super().__init__(convert_charrefs=True)
        self.strict, self.own_host = strict, own_host
        self.findings: list[Finding] = []

    def handle_starttag(self, tag, attrs):
        self.findings += tag_findings(tag, attrs, self.get_starttag_text() or "", self.strict, self.own_host)

    def handle_comment(self, data):
        # Browsers and html.parser do not always agree where a comment ends ("--!>", "<!-->"), so a comment
        # must not hide HTML.
        if "<" in data:
            self._odd(f"<!--{data}-->", "an HTML comment with HTML inside it",
                      "Remove the comment, or the HTML inside it.")

    def handle_decl(self, decl):
        self._odd(f"<!{decl}>", "an HTML declaration", "Remove it.")

    def unknown_decl(self, data):
        self._odd(f"<![{data}]>", "an HTML section browsers read differently", "Remove it.")

    def handle_pi(self, data):
        self._odd(f"<?{data}>", "an HTML processing instruction", "Remove it.")

    def _odd(self, text: str, what: str, fix: str) -> None:
        self.findings.append(Finding("PAGE_HTML_NOT_ALLOWED", f"the page has {what}: {_shown(text)}", fix,
                                     (text, text[:20])))


def findings(html: str, strict: bool, own_host: str) -> list[Finding]:
    reader = _Reader(strict, own_host)
    reader.feed(html)
    reader.close()
    return reader.findings


# -- the page as written --------------------------------------------------------------------------------------

def without_macros(text: str) -> str:
    """The page as Markdown would get it with no macro run: each {{ }} a plain word, {% %} and {# #} gone, the
    words inside {% raw %} kept. Lines stay where they were, so a line found here is the editor's line."""
    def blank(match: re.Match) -> str:
        if match.group(2) is not None:
            return "\n" * match.group(1).count("\n") + match.group(2) + "\n" * match.group(3).count("\n")
        return ("macro" if match.group(0).startswith("{{") else "") + "\n" * match.group(0).count("\n")
    return _JINJA.sub(blank, text)


def without_front_matter(text: str) -> str:
    found = FRONT_MATTER.match(text)
    return "\n" * found.group(0).count("\n") + text[found.end():] if found else text


class MarkdownReader:
    """Markdown as the site converts it (mkdocs.yml's markdown_extensions and their settings)."""

    def __init__(self, extensions: list, configs: dict) -> None:
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs))

    def html(self, text: str) -> str:
        self._md.reset()
        return self._md.convert(text)


def _line(source: str, needles: Iterable[str], after: int) -> tuple[int | None, int]:
    """The line of the first needle found in the page as written, looking from `after` first (problems come
    in the page's order), then from the top; and where it was found."""
    lowered = source.lower()
    for needle in needles:
        needle = needle.lower().strip()
        if len(needle) < 2:
            continue
        at = lowered.find(needle, after)
        at = at if at >= 0 else lowered.find(needle)
        if at >= 0:
            return lowered.count("\n", 0, at) + 1, at + 1
    return None, after


def _problems(found: list[Finding], source: str, file: str, unplaced: str = "") -> list[Problem]:
    problems, after = [], 0
    for finding in found:
        line, after = _line(source, finding.needles, after)
        problems.append(Problem(code=finding.code, file=file, line=line, field="",
                                message=finding.message + (unplaced if line is None else ""), fix=finding.fix))
    return problems


def page_problems(text: str, file: str, reader: MarkdownReader, own_host: str, macros: bool = True) -> list[Problem]:
    """Everything in a page (its Markdown, as written) that is not on the allow-list, each at its line.
    macros: False for a page whose front matter turns macros off (render_macros: false), where {{ }} is text."""
    source = without_front_matter(text)
    source = without_macros(source) if macros else source
    return _problems(findings(reader.html(source), strict=True, own_host=own_host), source, file)


def published_problems(html: str, text: str, file: str, own_host: str) -> list[Problem]:
    """What no page may carry, in a page's HTML as published (macros included); text is the page as written,
    to find the line."""
    return _problems(findings(html, strict=False, own_host=own_host), text, file,
                     unplaced=" It is written by a {{ }} or {% %} in the page.")
