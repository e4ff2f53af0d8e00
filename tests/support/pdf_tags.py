"""What a screen reader meets in a PDF: its tags (the structure tree), read back with pdfplumber, and the
problems a reader would have with them, measured against the HTML the PDF was made from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pdfplumber
from pdfminer.pdftypes import resolve1

HEADING = re.compile(r"^H([1-6])$")


@dataclass
class Tags:
    """A PDF as assistive technology reads it."""
    tagged: bool  # the catalogue's MarkInfo says the content is marked
    pdf_ua: bool  # the XMP metadata claims PDF/UA-1
    lang: str
    title: str
    shows_title: bool  # ViewerPreferences DisplayDocTitle: the window shows the title, not the file name
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, text without spaces) in reading order
    list_items: int = 0
    figures: list[str | None] = field(default_factory=list)  # each picture's alternative text, in order
    read: str = ""  # the text as the tree gives it, spaces left out
    seen: str = ""  # the same text as it lies on the pages, top to bottom, spaces left out


def _words(text: str) -> str:
    """Text without its spaces: a PDF keeps no space where a line wraps."""
    return re.sub(r"\s+", "", text)


def _leaves(nodes: list[dict], out: list[dict]) -> list[dict]:
    for node in nodes:
        out.append(node)
        _leaves(node.get("children", []), out)
    return out


def read(path: Path) -> Tags:
    with pdfplumber.open(path) as pdf:
        catalog = pdf.doc.catalog
        mark, prefs = resolve1(catalog.get("MarkInfo")) or {}, resolve1(catalog.get("ViewerPreferences")) or {}
        metadata = resolve1(catalog.get("Metadata"))
        xmp = metadata.get_data().decode("utf-8", "replace") if metadata is not None else ""
        lang = resolve1(catalog.get("Lang"))
        tags = Tags(tagged=bool(mark.get("Marked")), pdf_ua='pdfuaid:part="1"' in xmp,
                    lang=lang.decode() if isinstance(lang, bytes) else str(lang or ""),
                    title=str(pdf.metadata.get("Title", "")), shows_title=bool(prefs.get("DisplayDocTitle")))
        chars: dict[tuple[int, int], str] = {}
        for page in pdf.pages:
            for char in page.chars:
                if char.get("mcid") is not None:
                    key = (page.page_number, char["mcid"])
                    chars[key] = chars.get(key, "") + char["text"]
        nodes = _leaves(pdf.structure_tree if tags.tagged else [], [])

        def text_of(node: dict) -> str:
            own = "".join(chars.get((node.get("page_number"), m), "") for m in node.get("mcids", []))
            return own + "".join(text_of(child) for child in node.get("children", []))

        in_tree: set[tuple[int, int]] = set()
        for node in nodes:
            kind = node["type"]
            if match := HEADING.match(kind):
                tags.headings.append((int(match.group(1)), _words(text_of(node))))
            tags.list_items += kind == "LI"
            if kind == "Figure":
                tags.figures.append(node.get("alt_text"))
            for mcid in node.get("mcids", []):
                in_tree.add((node["page_number"], mcid))
                tags.read += _words(chars.get((node["page_number"], mcid), ""))
        # The pages' own order, of the text the tree holds (running headers and page numbers are page furniture).
        for page in pdf.pages:
            tagged_only = page.filter(lambda o: o.get("object_type") != "char"
                                      or (page.page_number, o.get("mcid")) in in_tree)
            tags.seen += _words(tagged_only.extract_text())
    return tags


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def hidden_on_paper(css: str) -> tuple[set[str], set[str]]:
    """The classes and tags a stylesheet's `display: none` rules leave off the page."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = " ".join(m.group(1) for m in re.finditer(r"([^{}]+)\{[^}]*display:\s*none", css))
    return set(re.findall(r"\.([\w-]+)", selectors)), set(re.findall(r"(?:^|[\s,])([a-z][a-z0-9]*)\b(?![\w-])",
                                                                    re.sub(r"\.[\w-]+", "", selectors)))


class _Outline(HTMLParser):
    """The headings, list items and pictures' alternative text of an HTML page, in order, leaving out what the
    print stylesheet hides."""

    def __init__(self, hidden: tuple[set[str], set[str]]):
        super().__init__()
        self.hidden_classes, self.hidden_tags = hidden
        self.headings: list[tuple[int, str]] = []
        self.list_items = 0
        self.alts: list[str] = []
        self._heading: tuple[int, list[str]] | None = None
        self._hidden = 0  # how deep inside a hidden element the parser is

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._hidden or tag in self.hidden_tags or set((attrs.get("class") or "").split()) & self.hidden_classes:
            self._hidden += tag not in VOID
            return
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = (int(tag[1]), [])
        elif tag == "li":
            self.list_items += 1
        elif tag == "img" or (tag == "svg" and attrs.get("role") == "img"):  # a picture, not a decoration
            self.alts.append(attrs.get("alt") or attrs.get("aria-label") or "")

    def handle_endtag(self, tag):
        if self._hidden:
            self._hidden -= tag not in VOID
        elif self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], _words("".join(self._heading[1]))))
            self._heading = None

    def handle_data(self, data):
        if self._heading and not self._hidden:
            self._heading[1].append(data)


def outline(html: str, css: str = "") -> _Outline:
    parser = _Outline(hidden_on_paper(css))
    parser.feed(html)
    return parser


def problems(tags: Tags, html: str, title: str, css: str = "") -> list[str]:
    """What stops a screen reader reading the PDF as the page reads, each as a sentence. `css` is the print
    stylesheet the PDF was made with: what it hides is not expected in the PDF."""
    found = []
    if not tags.tagged:
        return ["it is not tagged: a screen reader gets no headings, lists or reading order"]
    if not tags.pdf_ua:
        found.append("it does not say it is PDF/UA-1")
    if tags.lang != "en-GB":
        found.append(f"its language is {tags.lang!r}, not 'en-GB'")
    if tags.title != title or not tags.shows_title:
        found.append(f"its window title is not {title!r} (title {tags.title!r}, shown {tags.shows_title})")
    page = outline(html, css)
    if tags.headings != page.headings:
        found.append(f"its headings {tags.headings} are not the page's {page.headings}")
    levels = [level for level, _ in tags.headings]
    if levels[:1] != [1] or any(b > a + 1 for a, b in zip(levels, levels[1:])):
        found.append(f"its headings do not start at level 1 and go down one level at a time: {levels}")
    if tags.list_items != page.list_items:
        found.append(f"it has {tags.list_items} list items, the page {page.list_items}")
    if tags.figures != page.alts or not all(tags.figures):
        found.append(f"its pictures' alternative text {tags.figures} is not the page's {page.alts}")
    if tags.read != tags.seen:
        at = next((i for i, (a, b) in enumerate(zip(tags.read, tags.seen)) if a != b), min(len(tags.read), len(tags.seen)))
        found.append(f"it is read in another order than it is printed, from {tags.read[at - 20:at + 40]!r} "
                     f"(printed: {tags.seen[at - 20:at + 40]!r})")
    return found
