"""The scripts a page may run: the theme's and the site's own, and nothing a page's words could add.

The Content-Security-Policy (security_headers.py) allows an inline script by its hash. Only the scripts
listed here are hashed: the few the theme's templates and ours write inline, each copied exactly as its
template has it. A page with any other inline script, or a script file from anywhere but the site's own
assets/javascripts/, fails the build (INLINE_SCRIPT_NOT_LISTED), naming the page.

To add a script, put it in a file in overrides/assets/javascripts/ and load it with <script src> from a
template (nothing to list). If it must be inline (it runs before the page is drawn), add a Listed entry here
with the text exactly as the template writes it: tests/test_page_code.py checks each entry is in its template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from carers_hub.core import html_read
from carers_hub.core.problems import Problem


@dataclass(frozen=True)
class Listed:
    what: str  # what it does, for people
    template: str  # "material/..." (mkdocs-material's templates) or "overrides/..." (ours)
    body: str  # exactly as the template writes it; each {{ ... }} is an address the template prints


LISTED = (
    Listed("the theme's helpers for settings saved in the browser (every page)",
           "material/partials/javascripts/base.html",
           '__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),__md_hash=e=>[...e].reduce(((e,_)'
           '=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname'
           '+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}'
           'catch(e){}}'),
    Listed("the theme's colour scheme, as the reader last chose it",
           "material/partials/javascripts/palette.html",
           'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.'
           'media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?'
           '"[data-md-color-media=\'(prefers-color-scheme: light)\']":"[data-md-color-media=\'(prefers-color-scheme: '
           'dark)\']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.'
           'getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),'
           'palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries('
           'palette.color))document.body.setAttribute("data-md-color-"+key,value)}'),
    Listed("the theme's opening of the tab an address points at",
           "material/partials/javascripts/content.html",
           'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked='
           'target.name.startsWith("__tabbed_"))'),
    Listed("JavaScript is on: the parts that need it take their place before the page is drawn",
           "overrides/main.html",
           'document.documentElement.classList.add("ch-js-enabled")'),
    Listed("shown inside another website's frame, the page hides itself (GitHub Pages sends no frame-ancestors)",
           "overrides/main.html",
           'if(window.top!==window.self){document.documentElement.style.display="none";try{window.top.location.href='
           'window.location.href}catch(e){}}'),
    Listed("the note that a page may be out of date, shown once its review date has passed",
           "overrides/partials/carers/outdated.html",
           '(function (note) { var due = Date.parse(note.getAttribute("data-review-by") + "T23:59:59"); if (!isNaN(due) '
           '&& Date.now() > due) note.hidden = false; })(document.currentScript.previousElementSibling);'),
)

# What a template prints for an address (base_url: "../..", "/", "/carers/"): it cannot end the script's string.
ADDRESS = r"[A-Za-z0-9._~/-]*"
# Scripts holding data, which a browser never runs (the theme's settings, a service's schema.org record).
DATA_TYPES = {"application/json", "application/ld+json"}
# Script files: the theme's and ours, all under assets/javascripts/ (editors cannot add files there: page_html).
SCRIPT_FILE = re.compile(r"(?:\.\.?/|/)*(?:[\w-]+/)*assets/javascripts/(?:[\w-]+/)*[\w.-]+\.js(?:\?[\w.=&-]*)?")
FIND_SCRIPTS = html_read.finder(["script"])


def _pattern(body: str) -> re.Pattern:
    return re.compile("".join(ADDRESS if part.startswith("{{") else re.escape(part)
                              for part in re.split(r"(\{\{.*?\}\})", body)))


_EXACT = {listed.body for listed in LISTED if "{{" not in listed.body}
_PATTERNS = [_pattern(listed.body) for listed in LISTED if "{{" in listed.body]


def is_listed(body: str) -> bool:
    return body in _EXACT or any(p.fullmatch(body) for p in _PATTERNS)


@dataclass
class PageScripts:
    listed: list[str] = field(default_factory=list)  # inline scripts that run, each on the list: hashed
    unlisted: list[str] = field(default_factory=list)  # inline scripts that would run and are not
    files: list[str] = field(default_factory=list)  # <script src> from anywhere but assets/javascripts/


def page_scripts(html: str) -> PageScripts:
    """Every <script> in a finished page: inline ones listed or not, and files from anywhere else."""
    found, low = PageScripts(), html_read.lowered(html)
    for tag in html_read.tags(html, FIND_SCRIPTS, low):
        src = tag.get("src")
        if src is not None or not tag.readable:
            if src is None or (src.strip() and not SCRIPT_FILE.fullmatch(html_read.address(src))):
                found.files.append(html[tag.start:tag.end] if src is None else f'<script src="{src}">')
            continue
        if (tag.get("type") or "").strip().lower() in DATA_TYPES:
            continue
        body = html_read.raw_text(html, tag, low)
        if body.strip():
            (found.listed if is_listed(body) else found.unlisted).append(body)
    return found


def script_problems(scripts: PageScripts, file: str) -> list[Problem]:
    def problem(what: str) -> Problem:
        shown = " ".join(what.split())
        shown = shown if len(shown) <= 70 else shown[:67] + "..."
        return Problem(code="INLINE_SCRIPT_NOT_LISTED", file=file, line=None, field="",
                       message=f"the page has a script the site does not know: {shown}",
                       fix="Pages cannot carry their own scripts. If it came from a page's words, remove it. If a "
                           "developer added it to a template, move it into a file in overrides/assets/javascripts/, "
                           "or list it in hooks/outputs/page_scripts.py (LISTED).")
    return [problem(body) for body in scripts.unlisted] + [problem(tag) for tag in scripts.files]
