"""Teach the site's search the words carers use: respite finds replacement care, alzheimers finds dementia.

mkdocs-material's search index has a `tags` field with a very high boost. After the build, each page
that uses any word of a synonym group (data/synonyms.yaml) in its title or headings gets the whole
group as tags; a page that only mentions it in the text gets the group added to its text, so it is
found but ranks below. Services get their kinds and audiences as tags, so "young carers" finds them.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import yaml


def load_groups(data_dir: Path) -> list[list[str]]:
    groups = yaml.safe_load((data_dir / "synonyms.yaml").read_text(encoding="utf-8"))["groups"]
    return [[str(term).lower() for term in group] for group in groups]


def normalise(text: str) -> str:
    """Lower case, with curly apostrophes straightened and tags removed."""
    text = re.sub(r"<[^>]+>", " ", text).lower().replace("’", "'")
    return " ".join(text.split())


@lru_cache(maxsize=256)
def _pattern(group: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(term) for term in group) + r")(?![\w])")


def mentions(text: str, group: list[str]) -> bool:
    return _pattern(tuple(group)).search(text) is not None


def enrich(index: dict, groups: list[list[str]], page_tags: dict[str, list[str]],
           page_words: dict[str, list[str]] | None = None) -> dict:
    """Add synonyms, and extra tags (strong) and words (weak) per page location, to a search index."""
    page_words = page_words or {}
    pages: dict[str, list[dict]] = {}
    for doc in index["docs"]:
        pages.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
    for location, docs in pages.items():
        head = next((d for d in docs if "#" not in d["location"]), docs[0])
        titles = normalise(" ".join(d["title"] for d in docs))
        body = normalise(" ".join(d.get("text", "") for d in docs))
        # A page's own title counts as strongly as a synonym, so a guidance page stays above services
        # that merely mention its words.
        tags = list(head.get("tags", [])) + page_tags.get(location, []) + [normalise(head["title"])]
        extra_text = list(page_words.get(location, []))
        body = body + " " + " ".join(extra_text)
        for group in groups:
            if mentions(titles, group) or mentions(" ".join(page_tags.get(location, [])).lower(), group):
                tags += group
            elif mentions(body, group):
                extra_text += group
        if tags:
            head["tags"] = sorted(set(tags))
        if extra_text:
            head["text"] = head.get("text", "") + " " + " ".join(sorted(set(extra_text)))
    return index


def rewrite(site_dir: Path, groups: list[list[str]], page_tags: dict[str, list[str]],
            page_words: dict[str, list[str]]) -> None:
    path = site_dir / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(enrich(index, groups, page_tags, page_words), ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
