"""Reading HTML as a browser reads it: a tag's attributes, however they are quoted or hidden behind
character references, with the standard library's parser (html.parser); and where an address in them points.

Checks that run on every built page read only the tags that matter (`tags`): each is found by its name, then
read by the parser from where it starts. A whole page through the parser takes several milliseconds; the
few tags that can load something take a fraction of one.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from html.parser import HTMLParser
from typing import Iterable, Iterator, NamedTuple

# A browser ignores spaces and control characters around an address, and tabs and new lines inside it
# ("java\tscript:" is "javascript:").
_AROUND = "".join(map(chr, range(0x21)))
_INSIDE = str.maketrans("", "", "\t\n\r")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
_HOST_END = re.compile(r"[/?#]")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


class Tag(NamedTuple):  # a tuple: made for every tag read on every page
    name: str  # lower case
    attrs: tuple[tuple[str, str | None], ...]  # names in lower case; values with character references read
    start: int  # where "<" is in the page
    end: int  # just after its ">"; for a tag the parser could not read, where the candidate ends
    readable: bool = True  # False: the parser took it for text (see tag_at)

    def get(self, name: str) -> str | None:
        return next((value for attr, value in self.attrs if attr == name), None)


class _Found(Exception):
    pass


class _FirstTag(HTMLParser):
    """Reads the start tag at the beginning of what it is fed, then stops."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: tuple[str, tuple[tuple[str, str | None], ...], str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found = (tag, tuple(attrs), self.get_starttag_text())
        raise _Found

    def handle_data(self, data: str) -> None:  # the parser read the candidate as text, not a tag
        self.found = ("", (), None)
        raise _Found


@lru_cache(maxsize=4096)  # the theme's tags are the same on thousands of pages
def _read(text: str) -> tuple[str, tuple[tuple[str, str | None], ...], str | None] | None:
    """The start tag at the beginning of text, as the parser reads it; None if text ends inside it."""
    reader = _FirstTag()
    try:
        reader.feed(text)
    except _Found:
        return reader.found
    return None


def tag_at(html: str, start: int) -> Tag | None:
    """The start tag beginning at html[start] ("<name ..."), read by the parser; None if the page ends inside
    it (a browser drops such a tag). The parser reads a window of the page, four times larger while the tag
    goes on past its end, so a long page is not copied for each tag."""
    size = 160
    while True:
        found = _read(html[start:start + size])
        if found is not None:
            break
        if start + size >= len(html):
            return None
        size *= 4
    name, attrs, text = found
    if text is None:  # html.parser read it as text; callers treat its raw text with suspicion
        end = html.find(">", start)
        return Tag(_name_at(html, start), (), start, len(html) if end < 0 else end + 1, readable=False)
    return Tag(name, attrs, start, start + len(text))


def _name_at(html: str, start: int) -> str:
    return re.match(r"<([^\s/>]*)", html[start:start + 64]).group(1).lower()  # type: ignore[union-attr]  # always matches


def lowered(html: str) -> str:
    """The page in small letters, each character where it was, for quick searches (a browser matches tag and
    attribute names in any case). str.lower() makes a few letters two characters long (İ); then only A-Z
    change."""
    low = html.lower()
    return low if len(low) == len(html) else html.translate(_ASCII_LOWER)


def finder(names: Iterable[str]) -> re.Pattern[str]:
    """Finds "<name" for each name (in small letters), in lowered() text, wherever a tag of that name could
    start. (A case-insensitive pattern is ten times slower on a page.)"""
    return re.compile(r"<(?:%s)(?=[\s/>])" % "|".join(sorted(names, key=len, reverse=True)))


def tags(html: str, find: re.Pattern[str], low: str | None = None) -> Iterator[Tag]:
    """Every start tag `find` (from finder()) picks out of lowered(html), read from html. Text that only looks
    like such a tag (inside a comment, a script or an attribute) is read too: a check sees more than a browser
    would, never less."""
    for candidate in find.finditer(lowered(html) if low is None else low):
        tag = tag_at(html, candidate.start())
        if tag is not None:
            yield tag


def raw_text(html: str, tag: Tag, low: str | None = None) -> str:
    """What a <script> or <style> holds: everything up to its end tag, which a browser finds without reading
    anything in between as tags. low: lowered(html), if the caller has it."""
    end = re.compile(r"</%s[\s/>]" % re.escape(tag.name)).search(lowered(html) if low is None else low, tag.end)
    return html[tag.end:end.start() if end else len(html)]


# -- addresses ---------------------------------------------------------------------------------------------

def address(value: str) -> str:
    """An attribute's value as the address a browser follows."""
    return value.strip(_AROUND).translate(_INSIDE)


def scheme(value: str) -> str | None:
    """"javascript" for " JaVa\tScript:alert(1)"; None for an address on this site (a path, ?query, #part)."""
    found = _SCHEME.match(address(value))
    return found.group(1).lower() if found else None


def elsewhere(value: str, own_host: str) -> bool:
    """Whether fetching this address would ask anywhere but own_host. A path on this site and data: (inside
    the page) do not; http(s) to another host does, as does any other scheme (nothing this site serves).
    Browsers read a backslash as a slash and skip extra slashes, and http:host without slashes goes to host
    from an https page: all read that way here."""
    url = address(value).replace("\\", "/")
    found = _SCHEME.match(url)
    if found:
        name = found.group(1).lower()
        if name == "data":
            return False
        if name not in ("http", "https"):
            return True
        rest = url[found.end():]
    elif url.startswith("//"):
        rest = url
    else:
        return False
    authority = _HOST_END.split(rest.lstrip("/"), 1)[0]
    host = authority.rpartition("@")[2].split(":")[0].rstrip(".").lower()
    return host != own_host.split(":")[0].lower()


def srcset_addresses(value: str) -> list[str]:
    """Each address in a srcset ("a.png 1x, https://x/b.png 2x"); every word that is not a size is taken as
    an address, so nothing is missed however the list is written."""
    words = re.split(r"[\s,]+", value)
    return [w for w in words if w and not re.fullmatch(r"[\d.]+[wx]", w)]


_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.DOTALL)
_CSS_ADDRESS = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))|"([^"]*)"|'([^']*)'""", re.IGNORECASE)


def _css_char(match: re.Match[str]) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
    return str(match.group(2))


def css_text(css: str) -> str:
    """CSS as a browser reads it: comments gone, escapes read (u\\72l is url)."""
    return _CSS_ESCAPE.sub(_css_char, _CSS_COMMENT.sub("", css))


def css_addresses(css: str) -> list[str]:
    """Every url(...) and every quoted string in CSS (image-set() and @import take bare strings)."""
    return [next(g for g in m.groups() if g is not None) for m in _CSS_ADDRESS.finditer(css_text(css))]


_REFRESH = re.compile(r"\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(.*)", re.IGNORECASE | re.DOTALL)


def refresh_address(content: str) -> str:
    """Where <meta http-equiv="refresh" content="0; url=..."> sends the reader ("" if it only reloads)."""
    found = _REFRESH.match(content).group(1).strip()  # type: ignore[union-attr]  # always matches
    if found[:1] in ("'", '"'):
        found = found[1:].split(found[0], 1)[0]
    return found
