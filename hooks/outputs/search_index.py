"""Teach the site's search the words carers use: respite finds replacement care, alzheimers finds dementia.

mkdocs-material's search index has a `tags` field with a very high boost. After the build, each page
that uses any word of a synonym group (data/synonyms.yaml) in its title, headings or tags gets the
whole group as tags; a page that only mentions it in the text gets the group added to its text, so it
is found but ranks below. This runs on the index's entries before the search plugin writes them
(SiteBuild.search_entries), so the index is written once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from hooks.data.models import SynonymsFile


def groups(synonyms: SynonymsFile) -> list[list[str]]:
    return [[term.lower() for term in group] for group in synonyms.groups]


def load_groups(data_dir: Path) -> list[list[str]]:
    """The groups in data/synonyms.yaml, checked (the build has them already, in SiteData)."""
    return groups(SynonymsFile.model_validate(yaml.safe_load((data_dir / "synonyms.yaml").read_text(encoding="utf-8"))))


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


def enrich(entries: list[dict], groups: list[list[str]]) -> list[dict]:
    """Add synonyms to a search index's entries (one or more a page, the first without a #section)."""
    pages: dict[str, list[dict]] = {}
    for entry in entries:
        pages.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
    for docs in pages.values():
        head = next((d for d in docs if "#" not in d["location"]), docs[0])
        # A page's own title counts as strongly as a synonym, so a guidance page stays above services
        # that merely mention its words.
        tags = list(head.get("tags", [])) + [normalise(head["title"])]
        strong = Text(" ".join([*(d["title"] for d in docs), *tags]))
        body = Text(" ".join(d.get("text", "") for d in docs))
        extra_text = []
        for group in groups:
            if strong.mentions(group):
                tags += group
            elif body.mentions(group):
                extra_text += group
        head["tags"] = sorted(set(tags))
        if extra_text:
            head["text"] = head.get("text", "") + " " + " ".join(sorted(set(extra_text)))
    return entries
