"""Making a feed's values safe and valid, with the project's own field types, so import and build agree.

HTML becomes plain text: paragraphs stay paragraphs, list items become lines starting "- " (which the site
shows as a list), `&amp;` and `&nbsp;` become what they mean. Headings become paragraphs (a feed's headings
are styling, not the page's outline), and blocks that split one sentence are joined again (mend). A value
that cannot be made valid is dropped and the reason kept for the import report. A service's website is kept
when it is http:// (the page says it is not secure) or has no scheme (https:// is added: every browser tries that first
today); only javascript:, data:, file: and other schemes that are not the web are dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from pydantic import TypeAdapter, ValidationError

from carers_hub.data.fields import Description, Email, HttpsUrl, PhoneNumber, Postcode, SafeText, WebUrl

BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "pre", "table",
          "tr", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address", "figure"}
SKIP = {"script", "style", "template", "noscript", "head", "title", "iframe", "object", "svg"}
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
BULLET = re.compile(r"^\s*(?:[-*\u2022\u25cf\u25aa\u2023\u2043\u2013]|\d+[.)])\s+")
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # ("p" or "li", text)
        self._words: list[str] = []
        self._kind = "p"
        self._skip = 0

    def _end(self, next_kind: str = "p") -> None:
        words = " ".join("".join(self._words).split())
        if words:
            self.blocks.append((self._kind, words))
        self._words, self._kind = [], next_kind

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self._skip += 1
        elif tag == "li":
            self._end("li")
        elif tag in BLOCKS:
            self._end()
        elif tag == "br":
            self._words.append("\n")  # a line break inside a paragraph: plain text keeps it as a space

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS or tag == "br":
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "li" or tag in BLOCKS:
            self._end()

    def handle_data(self, data):
        if not self._skip:
            self._words.append(data)

    def close(self):
        super().close()
        self._end()


def _plain_blocks(text: str) -> list[tuple[str, str]]:
    """Text without tags: blank lines part paragraphs; lines starting with a bullet or a number are items."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [line for line in paragraph.splitlines() if line.strip()]
        if lines and all(BULLET.match(line) for line in lines):
            blocks += [("li", " ".join(BULLET.sub("", line).split())) for line in lines]
        elif lines:
            blocks.append(("p", " ".join(" ".join(lines).split())))
    return blocks


# A sentence ends with one of these (and perhaps a closing quote or bracket); a heading-like line ends with none.
SENTENCE_END = re.compile(r"[.!?:;…][\"'’”)\]]*$")
# Words a sentence does not end on: a block ending with one was cut off mid-sentence.
CARRIES_ON = re.compile(r"(?i)\b(a|an|the|and|or|but|nor|of|to|in|on|at|by|for|from|with|into|who|which|that|"
                        r"whose|are|is|was|were|be|been|their|your|our|its|as|than|if|when|where|because)$")
CONTINUES = re.compile(r"^[a-z,;)–—]")  # a block that starts in lower case or with a continuation


def mend(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join paragraphs that split one sentence (feeds put one sentence in three <h4>s): a paragraph ending
    without sentence punctuation runs on into the next when that starts in lower case or with a continuation
    (",", a dash), or when it stopped, four words or more in, on a word no sentence ends with ("who are",
    "and"; a short heading such as "Who" stays apart). List items are never joined: lists stay lists."""
    out: list[tuple[str, str]] = []
    for kind, words in blocks:
        if out and kind == "p" and out[-1][0] == "p" and not SENTENCE_END.search(out[-1][1]) and (
                CONTINUES.match(words) or (CARRIES_ON.search(out[-1][1]) and len(out[-1][1].split()) >= 4)):
            out[-1] = ("p", out[-1][1] + ("" if words[0] in ",;)" else " ") + words)
        else:
            out.append((kind, words))
    return out


def _join(blocks: list[tuple[str, str]]) -> str:
    blocks = mend(blocks)
    out: list[str] = []
    for index, (kind, words) in enumerate(blocks):
        if index:
            together = kind == "li" and blocks[index - 1][0] == "li"
            out.append("\n" if together else "\n\n")
        out.append(f"- {words}" if kind == "li" else words)
    return "".join(out)


def html_to_text(value: str) -> str:
    """A feed's HTML (or plain text) as the plain text the site shows. HTML escaped twice (&lt;p&gt;) is
    read again, so it cannot come back as markup."""
    value = value.translate(INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    for _ in range(2):
        if not TAG.search(value) and "&" not in value:
            break
        parser = _Text()
        parser.feed(value)
        parser.close()
        value = _join(parser.blocks).replace("\xa0", " ")
        if not TAG.search(value):
            break
    if "\n" in value and not value.startswith("- ") and "\n- " not in value:
        value = _join(_plain_blocks(value))
    elif "\n" not in value:
        value = _join(_plain_blocks(value)) if BULLET.match(value) else value
    return value.replace("\xa0", " ").strip()


# What SafeText refuses in words that are harmless in a sentence ("personal data: we..."); a space after the
# colon, or between the braces, keeps the words and can never run. Anything like a tag left after reading the
# HTML twice loses its "<".
_NEUTRAL = [(re.compile(r"(?i)\b(javascript|data):"), r"\1 :"), (re.compile(r"\{([{%#])"), r"{ \1"),
            (re.compile(r"<(?=\s*/?\s*[a-zA-Z!])"), "")]


def neutralise(value: str) -> tuple[str, bool]:
    changed = value
    for pattern, replacement in _NEUTRAL:
        changed = pattern.sub(replacement, changed)
    return changed, changed != value


_ADAPTERS = {name: TypeAdapter(kind) for name, kind in {
    "text": SafeText, "description": Description, "website": HttpsUrl, "web": WebUrl, "phone": PhoneNumber,
    "email": Email, "postcode": Postcode}.items()}


def reason(error: ValidationError) -> str:
    """The first error as the build would word it, with its code: 'is "x", which is not ... [URL_NOT_HTTPS]'."""
    item = error.errors()[0]
    code = item["type"] if item["type"].isupper() else item["type"].upper()
    return f"{item['msg']} [{code}]"


def valid(kind: str, value: Any) -> tuple[Any, str | None]:
    """The value as the build's field type accepts it, or (None, why not)."""
    try:
        return _ADAPTERS[kind].validate_python(value), None
    except ValidationError as error:
        return None, reason(error)


# An address written without its scheme: www.example.co.uk, example.org/carers, //example.org.
NO_SCHEME = re.compile(r"(?i)^(?://)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d+)?(?:[/?#]\S*)?$")


def website(value: str) -> tuple[str | None, str | None]:
    """A service's website as the site keeps it: (address or None, a note for the import report or None)."""
    given = value.strip()
    address = "https://" + given.removeprefix("//") if NO_SCHEME.match(given) else given
    url, why = valid("web", address)
    if why:
        return None, f"dropped: it {why}"
    if address != given:
        return url, f'changed: "{given}" had no https:// or http://; kept as {url}: check it opens'
    if url.lower().startswith("http://"):
        return url, f"changed: kept {url}, which is not secure (http://): the page tells carers so"
    return url, None


_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


def prose(value: str | None, kind: str = "text") -> tuple[str | None, list[str]]:
    """Feed text (HTML or not) as safe text of `kind` ("text" or "description"): (text or None, notes).

    Notes say what was changed or why the value was dropped. Single-line kinds lose line breaks."""
    if value is None:
        return None, []
    notes = []
    plain = html_to_text(value)
    if kind == "text":
        plain = " ".join(plain.replace("\n- ", "; ").removeprefix("- ").split())
    if not plain:
        return None, []
    plain, changed = neutralise(plain)
    if changed:
        notes.append("changed: words that look like code (javascript:, data:, {{, <) were written so they cannot run")
    if kind == "description":
        # A Markdown link to an http:// address would stop the description: keep the words, drop the link.
        checked, why = valid(kind, plain)
        if why and "URL" in why:
            plain = _MD_LINK.sub(r"\1", plain)
            notes.append("changed: links written in Markdown were kept as their words only (" + why + ")")
    checked, why = valid(kind, plain)
    if why:
        return None, [f"dropped: it {why}"]
    return checked, notes
