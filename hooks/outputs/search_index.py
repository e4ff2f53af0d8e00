"""Teach the site's search the words carers use: respite finds replacement care, alzheimers finds dementia.

Each page that uses any word of a synonym group (data/synonyms.yaml) in its title or headings is given the
whole group, weighted like a heading; a page that only mentions it in its text gets the group at the weight
of body text, so it is found but ranks below. hooks/outputs/pagefind_index.py writes them into the page,
hidden, where Pagefind indexes them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


from carers_hub.data.models import SynonymsFile
from carers_hub.core.yaml_source import load_text


def groups(synonyms: SynonymsFile) -> list[list[str]]:
    return [[term.lower() for term in group] for group in synonyms.groups]


def load_groups(data_dir: Path) -> list[list[str]]:
    """The groups in data/synonyms.yaml, checked (the build has them already, in SiteData)."""
    text = (data_dir / "synonyms.yaml").read_text(encoding="utf-8")
    return groups(SynonymsFile.model_validate(load_text(text, "data/synonyms.yaml")))


def normalise(text: str) -> str:
    """Lower case, with curly apostrophes straightened and tags removed."""
    text = re.sub(r"<[^>]+>", " ", text).lower().replace("’", "'")
    return " ".join(text.split())


WORD = re.compile(r"\w+")


@lru_cache(maxsize=256)
def _pattern(group: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(term) for term in group) + r")(?![\w])")


@lru_cache(maxsize=256)
def _first_words(group: tuple[str, ...]) -> frozenset[str] | None:
    """The first word of each term, or None if a term starts with a symbol."""
    firsts = [WORD.match(term) for term in group]
    return None if None in firsts else frozenset(match.group(0) for match in firsts)


class Text:
    """Normalised text that can be asked, quickly and many times, which synonym groups it mentions."""

    def __init__(self, text: str):
        self.text = normalise(text)
        self.words = set(WORD.findall(self.text))

    def mentions(self, group: list[str]) -> bool:
        # A text can only mention a term if it has the term's first word: a set lookup rules out most
        # groups before the slower pattern search.
        firsts = _first_words(tuple(group))
        if firsts is not None and self.words.isdisjoint(firsts):
            return False
        return _pattern(tuple(group)).search(self.text) is not None


def page_words(strong: str, body: str, groups: list[list[str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words carers use for what a page is about: every group a page's title or headings (`strong`)
    mention, and, weaker, every other group its text (`body`) mentions. Each group's words in a fixed order."""
    strong_text, body_text = Text(strong), Text(body)
    named, mentioned = [], []
    for group in groups:
        if strong_text.mentions(group):
            named += group
        elif body_text.mentions(group):
            mentioned += group
    return tuple(dict.fromkeys(named)), tuple(dict.fromkeys(mentioned))
