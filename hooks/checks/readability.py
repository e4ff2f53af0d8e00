"""How easy a page is to read, measured on the text a reader meets in the built page.

We score the article's HTML, not the Markdown: macros are expanded, and contact cards,
code and glossary headwords are left out, as they are not sentences. Each heading, list
item, cell and paragraph ends a sentence, as it does for a reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from carers_hub.checks import textstat_offline

SKIP_TAGS = {"script", "style", "pre", "code", "dt", "nav", "svg", "button", "select", "textarea"}
# Set text made from data (contact boxes, "Where these facts come from") is not the writer's to simplify.
SKIP_CLASSES = {"ch-contact", "ch-sources", "ch-reviewed", "ch-print-only", "ch-no-reading-check", "headerlink"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "caption", "summary", "label",
              "legend", "blockquote", "div", "section", "figcaption", "tr"}
VOID_TAGS = {"br", "img", "input", "hr", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")


class _ArticleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._stack: list[bool] = []  # True where this element (or a parent) is skipped

    def _skipping(self) -> bool:
        return bool(self._stack) and self._stack[-1]

    def _end_block(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text if text[-1] in ".!?:" else text + ".")
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._end_block()
        if tag in VOID_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self._stack.append(self._skipping() or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES))

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if tag in BLOCK_TAGS:
            self._end_block()
        if self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if not self._skipping():
            self._current.append(data)

    def close(self):
        super().close()
        self._end_block()


def article_text(html: str) -> str:
    """The readable text of an article's HTML, one sentence-ending block after another."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    # A label ending in ":" runs into what follows, as it does when read aloud.
    return " ".join(parser.blocks)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def words(sentence: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9'’-]*", sentence)


@dataclass(frozen=True)
class Reading:
    grade: float  # Flesch-Kincaid grade: reading age is about grade + 5
    ease: float  # Flesch reading ease: higher is easier
    words: int
    sentences: int
    longest_sentences: tuple[tuple[int, str], ...]  # (words, sentence), longest first
    longest_words: tuple[str, ...]

    @property
    def reading_age(self) -> float:
        return self.grade + 5


def measure(text: str) -> Reading:
    textstat_offline.prepare()
    import textstat

    textstat.set_lang("en_GB")

    found = sentences(text)
    all_words = words(text)
    by_length = sorted(((len(words(s)), s) for s in found), key=lambda item: -item[0])
    longest = tuple(sorted(set(all_words), key=lambda w: (-len(w), w))[:5])
    return Reading(
        grade=round(textstat.flesch_kincaid_grade(text), 1) if all_words else 0.0,
        ease=round(textstat.flesch_reading_ease(text), 1) if all_words else 100.0,
        words=len(all_words),
        sentences=len(found),
        longest_sentences=tuple(by_length[:5]),
        longest_words=longest,
    )


def warm_up() -> None:
    """Load textstat and its dictionary now, so the first page measured does not wait for them."""
    measure("Ready.")
