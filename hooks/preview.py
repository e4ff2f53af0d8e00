"""What one preview build (`mkdocs serve`) keeps for the next, so that saving a page rebuilds only what the edit
touches. A real build (`mkdocs build`, make site, CI) never has one: it does everything, every time.

Everything kept is found again by a digest of what it was made from (a page's text, data/'s bytes, the day), so
a stale answer can never be reused; what a page was built from is kept only once a build has succeeded, so after
a failed build every page is built again.
"""

from __future__ import annotations

import hashlib
import re
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable

from jinja2 import BytecodeCache

from carers_hub.core.paths import THEME


# The data files only the directory's pages and the pages' macros read: an edit to them leaves the site's
# menus, header and footer as they were (the other files in data/ may change what every page shows).
DIRECTORY_FILES = ("services", "organisations")
# The macros that show the directory (hooks/macros.py): a page calling one shows what services.yaml says.
DIRECTORY_MACROS = re.compile(r"\b(?:services?|service_phone|journeys)\s*\(")
KEPT = 20_000  # pages checked, reading levels measured: forgotten all at once past this many


def digest(*parts: bytes | str) -> str:
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        hashed.update(part.encode("utf-8") if isinstance(part, str) else part)
        hashed.update(b"\0")
    return hashed.hexdigest()


def files_digest(paths: Iterable[Path], root: Path) -> str:
    """What the files hold, and their names: a digest that changes when any of them does."""
    return digest(*(part for path in sorted(paths) for part in (
        (path.relative_to(root) if path.is_relative_to(root) else path).as_posix(), path.read_bytes())))


def is_directory_file(path: Path) -> bool:
    return path.name.split(".")[0].split("-")[0] in DIRECTORY_FILES


class CompiledTemplates(BytecodeCache):
    """The theme's templates as Jinja compiled them (Jinja's own cache, found by each template's name and
    text): MkDocs makes a new template environment for every build, which would compile them all again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@dataclass
class PreviewCache:
    """Kept between the preview's rebuilds (by hooks/mkdocs_hooks.py, for as long as `mkdocs serve` runs)."""

    loaded: dict[str, tuple] = field(default_factory=dict)  # data/'s digest -> (SiteData, Directory)
    checked: dict[str, tuple] = field(default_factory=dict)  # page + data digest -> (PageMeta | None, its problems)
    generated: dict[str, dict] = field(default_factory=dict)  # data + front matter digest -> pages made from data
    readings: dict[str, Future] = field(default_factory=dict)  # article text's digest -> its measures, done
    built: dict[str, str] = field(default_factory=dict)  # page -> what it was built from, by the last good build
    templates: CompiledTemplates = field(default_factory=CompiledTemplates)

    def keep_one(self, store: dict, key: str, value):
        """Only the latest of each: an editor's earlier versions are not needed again."""
        store.clear()
        store[key] = value
        return value

    def remember(self, store: dict, key: str, make):
        """store[key], made by make() the first time."""
        if key not in store:
            if len(store) > KEPT:
                store.clear()
            store[key] = make()
        return store[key]

    def failed(self, wrote: bool) -> None:
        """After a failed build that wrote pages, nothing it wrote is trusted: every page is built again (one
        that stopped before writing, as an editor's mistake stops it, left the last good build as it was); a
        reading level it stopped measuring (hooks/core/background.py settle) is measured again."""
        if wrote:
            self.built.clear()
        self.readings = {key: measuring for key, measuring in self.readings.items()
                         if measuring.done() and not measuring.cancelled() and measuring.exception() is None}


def data_digest(root: Path, today: date) -> str:
    """What loading data/ depends on: its files, and the day (review dates)."""
    return digest(files_digest((p for p in (root / "data").rglob("*") if p.is_file()), root), today.isoformat())


def checks_digest(root: Path, today: date) -> str:
    """What checking a page depends on besides its text: the data files other than the directory's (the checks
    read the audiences, facts, crisis pages and the site's address, never a service), mkdocs.yml (how Markdown
    is read) and the day."""
    data = [p for p in (root / "data").rglob("*") if p.is_file() and not is_directory_file(p)]
    return digest(files_digest([root / "mkdocs.yml", *data], root), today.isoformat())


def shared_digest(root: Path, config_file: Path, today: date, parts: Iterable[str]) -> str:
    """What every page shows around its own words: mkdocs.yml (the menu), the generator's theme and the council's
    overrides, the data files other than the directory's, the day, and `parts` (every page's address and front
    matter, editor links)."""
    data = [p for p in (root / "data").rglob("*") if p.is_file() and not is_directory_file(p)]
    overrides = {p.resolve() for folder in (THEME, root / "overrides") for p in folder.rglob("*") if p.is_file()}
    return digest(files_digest([config_file, *data, *overrides], root), today.isoformat(), *parts)


def value_digest(value, seen: dict[int, str]) -> str:
    """A digest of a value by its repr (dataclasses and models: every field), each list, tuple and object
    digested once however often it appears (a service is in many lists); seen: by id(), for one build, whose
    values are all alive while it lasts."""
    key = id(value)
    if key not in seen:
        if isinstance(value, (list, tuple)):
            seen[key] = digest(*(value_digest(item, seen) for item in value))
        else:
            seen[key] = digest(repr(value))
    return seen[key]


def shows_directory(text: str) -> bool:
    return "{" in text and bool(DIRECTORY_MACROS.search(text))
