"""An SVG in content/ is a picture, not a program.

An SVG file opened on its own is a document: a script in it, an event attribute, an HTML element inside it or a
link to javascript: runs on the site's address. So an SVG is read whole, and only drawing elements of the SVG
language are allowed (an allow-list, not a list of what is known to be dangerous), with no event attributes,
no links except to a part of the same picture (#id) or an embedded photo, and styles that load nothing.
What design programs write is allowed: their notes (Inkscape's, Sodipodi's, metadata), a DOCTYPE naming the
SVG standard (without entities of its own), a <style> with classes.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from carers_hub.core import html_read
from carers_hub.core.problems import Problem

SVG_NS = "http://www.w3.org/2000/svg"
# Namespaces of drawing programs' notes: a browser draws nothing from them and runs nothing in them.
NOTES_NS = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
}
DRAWING = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "style",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker", "image",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feFlood", "feGaussianBlur",
    "feMerge", "feMergeNode", "feMorphology", "feOffset", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
}
CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
LOADS_IN_CSS = re.compile(r"@import|image-set\(|src\s*:", re.IGNORECASE)  # bare strings that load a file
EMBEDDED_PHOTO = re.compile(r"data:image/(?:png|jpeg|gif|webp);base64,", re.IGNORECASE)  # bytes of a photo, no code
# Entities can expand without end or hide markup from the check; a plain <!DOCTYPE svg PUBLIC ...> is harmless.
DECLARATION = re.compile(rb"<!ENTITY|<!DOCTYPE[^>]*\[", re.IGNORECASE)
MAX_BYTES = 2_000_000  # a picture for a page; anything larger is not one


def problems(content: bytes, file: str) -> list[Problem]:
    """What in an SVG file could run or fetch something, each as a problem with its line."""
    if len(content) > MAX_BYTES:
        return [_problem(file, None, f"this picture is {len(content) // 1000:,} KB; an SVG picture for a page "
                                     f"is at most {MAX_BYTES // 1_000_000} MB.")]
    if DECLARATION.search(content):  # entities can expand without end, or name files on the build machine
        return [_problem(file, _line(content, DECLARATION), "this picture declares entities of its own (a "
                                                             "DOCTYPE with [...] or an ENTITY), which a picture "
                                                             "does not need.")]
    parser = expat.ParserCreate(namespace_separator="}")
    checker = _Checker(file, parser)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler, parser.EndElementHandler = checker.start, checker.end
    parser.CharacterDataHandler = checker.text
    parser.ProcessingInstructionHandler = checker.instruction
    try:
        parser.Parse(content, True)
    except expat.ExpatError as error:
        return [_problem(file, error.lineno, f"this is not a complete SVG picture ({expat.errors.messages[error.code]}).")]
    return checker.found


class _Checker:
    """Each element as the parser meets it: a drawing, or a drawing program's notes, and nothing that runs."""

    def __init__(self, file: str, parser) -> None:
        self.file, self.parser, self.found = file, parser, []
        self.notes: list[bool] = []  # for each open element: inside a drawing program's notes?
        self.style: list[str] | None = None  # the text of an open <style>, in the pieces the parser gives

    @property
    def line(self) -> int:
        return self.parser.CurrentLineNumber

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        namespace, name = _split(tag)
        in_notes = bool(self.notes and self.notes[-1]) or namespace in NOTES_NS
        self.notes.append(in_notes or name == "metadata")
        if name == "style":
            self.style = []
        if not in_notes and (namespace != SVG_NS or name not in DRAWING):
            self.found.append(_problem(self.file, self.line, f"the picture holds a <{name}> element, which is "
                                                             "not a drawing."))
        for attribute, value in attributes.items():
            self._attribute(name, attribute, value)

    def end(self, tag: str) -> None:
        self.notes.pop()
        if _split(tag)[1] == "style" and self.style is not None:
            self._css("style", "".join(self.style))  # whole: a character reference splits the text in pieces
            self.style = None

    def text(self, data: str) -> None:
        if self.style is not None:
            self.style.append(data)

    def _css(self, element: str, css: str) -> None:
        """A style may point inside the picture (url(#id)) and nowhere else; CSS escapes are read first."""
        read = html_read.css_text(css)
        if LOADS_IN_CSS.search(read) or any(not address.startswith("#") for address in CSS_URL.findall(read)):
            self.found.append(_problem(self.file, self.line, f"the <{element}> element's style loads something "
                                                             "from a file or a web address."))

    def instruction(self, target: str, data: str) -> None:
        # <?xml-stylesheet href="..."?> would load a stylesheet when the picture is opened on its own.
        self.found.append(_problem(self.file, self.line, f"the picture holds an instruction <?{target} ...?>, "
                                                         "which a picture does not need."))

    def _attribute(self, element: str, attribute: str, value: str) -> None:
        _, name = _split(attribute)
        if name.lower().startswith("on"):
            self.found.append(_problem(self.file, self.line, f'the <{element}> element has an "{name}" '
                                                             "attribute, which would run a program."))
        elif name == "href" and not (value.strip().startswith("#") or EMBEDDED_PHOTO.match(value.strip())):
            self.found.append(_problem(self.file, self.line, f'the <{element}> element links to "{value[:60]}"; '
                                                             "a picture may only point to a part of itself (#id)."))
        elif name == "style" or "url(" in value.lower() or "\\" in value:  # fill="url(#a)", escapes
            self._css(element, value)


def _split(tag: str) -> tuple[str, str]:
    namespace, _, name = tag.rpartition("}")
    return namespace, name


def _line(content: bytes, pattern: re.Pattern) -> int | None:
    match = pattern.search(content)
    return content.count(b"\n", 0, match.start()) + 1 if match else None


def _problem(file: str, line: int | None, message: str) -> Problem:
    return Problem(
        code="SVG_NOT_A_PICTURE", file=file, line=line, field="", message=message,
        fix="Save the picture as .png or .jpg instead, or export it again as a plain SVG (in Inkscape: "
            "Save as, Optimized SVG), with no scripts, links or embedded web content.")
