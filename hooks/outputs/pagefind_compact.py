"""Pagefind's index rewritten so a first search downloads less: the same words, pages and places, cut finer.

A first search fetches the page list (pagefind.*.pf_meta) whole, then every index chunk a query word may fall
in. Pagefind cuts chunks at a fixed number of entries (a constant in its source, no option), which at 5,000
services makes chunks of 10 to 40 KB: a word on few pages costs as much as its neighbours in the chunk. And it
names each page by a hash of its fragment (7 random hex characters), which no compression shortens: at 5,000
services the page list is 33 KB, more than any word (docs/developers/benchmarks.md, "Search").

compact() rewrites an index folder after Pagefind has written it:
  split_chunks  the words cut again into chunks of at most CHUNK_BYTES (a word larger than that is a chunk of
                its own; a small word that begins with the word before it stays with it), in the same order,
                so each still runs from its first word to its last, as Pagefind's own chunks do: a query
                fetches only the words near its own;
  short names   each page named "<tag>_<number>" (tag: a hash of every page's fragment, so a changed site gets
                new names and no browser keeps an old fragment), its fragment file renamed to match: at 5,000
                services the page list goes from 33 to 19 KB.
The meta and chunk files get new content-hash names, and pagefind-entry.json names the new meta.

A site indexed in parts (hooks/outputs/pagefind_index.py) is merged in the browser, and Pagefind searches each
part alone. A query word a part does not hold is cut shorter there until it matches a word the part does hold
("bereaved" matching "be..."), so the merged results would add pages without the word (Pagefind issues #793,
#1246). compact() given `every_word` (every part's words, words_in) adds to the part each word it lacks, on no
page: the word is then found there, with no results, and the merged search finds the pages one index would
(each part still ranks its own).

Coupling point "Pagefind index format" (docs/developers/how-it-works.md): Pagefind 1.5's undocumented file
layout, gzip("pagefind_dcd" + CBOR) for the meta and chunks, gzip("pagefind_dcd" + JSON) for fragments; the
meta is [version, pages [[name, words]], chunks [[from, to, name]], filters, sorts, meta fields]; a chunk is
[[word entries]]. Pagefind is pinned with hashes; tests/test_search_compact.py checks that a compacted index
answers every word and phrase as Pagefind's own does, so an upgrade that changes the layout fails there, not on
the site. What may change is which longer words a query also matches as extensions ("help" also matching
"helpline"): Pagefind matches them only within the chunks a query fetches, so its own boundaries decide that too.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator, Set
from pathlib import Path

from carers_hub.outputs import cbor

SIGNATURE = b"pagefind_dcd"
CHUNK_BYTES = 12_000  # words per chunk, CBOR bytes before gzip (about 4 KB sent)
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


class UnknownFormat(RuntimeError):
    """Pagefind wrote files this step does not recognise (coupling point "Pagefind index format")."""


def read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise UnknownFormat(f"{path.name} does not start with Pagefind's signature")
    return data[len(SIGNATURE):]


def write(folder: Path, prefix: str, suffix: str, payload: bytes, length: int = 7) -> str:
    """Write payload as a Pagefind file named by its content (prefix + hash + suffix); returns the name's hash
    part. The hash grows by a character while another file already has the name."""
    digest = hashlib.sha256(payload).hexdigest()
    while (folder / f"{prefix}{digest[:length]}{suffix}").exists():
        length += 1
    name = f"{prefix}{digest[:length]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(SIGNATURE + payload, 9, mtime=0))
    return name


def chunk_words(chunk: bytes) -> list[bytes]:
    """The word entries of one Pagefind chunk, in order, each as stored."""
    major, fields, at = cbor.read_head(chunk, 0)
    if major != cbor.ARRAY or fields != 1:
        raise UnknownFormat("An index chunk is not [[words]]")
    words, end = cbor.raw_items(chunk, at)
    if end != len(chunk):
        raise UnknownFormat("An index chunk holds more than its words")
    return words


def word_of(entry: bytes) -> str:
    _, _, at = cbor.read_head(entry, 0)  # a word entry is [word, pages, meta locations]
    word, _ = cbor.loads(entry, at)
    return word


# A word shorter than this keeps no longer words in its chunk (runs_of): nobody searches for one or two letters,
# and "a" or "c" (on an A to Z page, or added on no page from another part's) would keep every word of its letter
# in one chunk, larger than any a search should fetch.
SHORTEST_STEM = 3


def runs_of(words: list[bytes], limit: int = CHUNK_BYTES) -> list[list[bytes]]:
    """Word entries (in Pagefind's order) grouped into runs of at most `limit` bytes. A query word also matches
    the longer words that begin with it ("young" matches "youngminds"), but only those in the chunks it fetches:
    so a word that begins with a word before it in the run (of SHORTEST_STEM letters or more) stays in that run,
    unless it is itself large (a word on thousands of pages, which Pagefind's own chunks also keep apart)."""
    runs, run, size, stems = [], [], 0, []
    for entry in words:
        word = word_of(entry)
        extends = len(entry) <= limit and any(word.startswith(stem) for stem in stems)
        if run and size + len(entry) > limit and not extends:
            runs.append(run)
            run, size, stems = [], 0, []
        run.append(entry)
        size += len(entry)
        stems = [stem for stem in stems if word.startswith(stem)] + ([word] if len(word) >= SHORTEST_STEM else [])
    return runs + [run] if run else runs


def no_page(word: str) -> bytes:
    """A word entry [word, pages, variants] for a word on no page of this index."""
    return cbor.dumps([word, [], []])


def split_chunks(index: Path, lang: str, chunks: list, limit: int = CHUNK_BYTES, every_word: Set[str] = frozenset()) -> list:
    """New [from, to, name] rows for the meta: every word of the old chunks, and each of `every_word` they lack
    (on no page), in order, written again as chunks of at most about `limit` bytes (runs_of); the old chunks
    are removed."""
    words = []
    for _, _, old in chunks:
        path = index / f"{old}.pf_index"
        words += chunk_words(read(path))
        path.unlink()
    lacking = every_word - {word_of(entry) for entry in words}
    if lacking:
        words = sorted(words + [no_page(word) for word in lacking], key=word_of)
    rows = []
    for run in runs_of(words, limit):
        payload = cbor.head(cbor.ARRAY, 1) + cbor.head(cbor.ARRAY, len(run)) + b"".join(run)
        rows.append([word_of(run[0]), word_of(run[-1]), write(index, f"{lang}_", ".pf_index", payload)])
    return rows


def number(n: int) -> str:
    text = ""
    while True:
        n, digit = divmod(n, len(DIGITS))
        text = DIGITS[digit] + text
        if not n:
            return text


def short_names(fragments: Path, pages: list) -> list:
    """[[name, words]] with each page renamed "<tag>_<number>", its fragment file renamed to match."""
    tag = hashlib.sha256("".join(name for name, _ in pages).encode()).hexdigest()[:6]
    renamed = []
    for n, (name, words) in enumerate(pages):
        new = f"{tag}_{number(n)}"
        (fragments / f"{name}.pf_fragment").rename(fragments / f"{new}.pf_fragment")
        renamed.append([new, words])
    return renamed


def languages(folder: Path) -> tuple[Path, dict, list[tuple[str, dict, Path, list]]]:
    """The index in `folder`: its pagefind-entry.json path and content, and for each language its code, entry,
    meta file and meta."""
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    found = []
    for lang, language in entry["languages"].items():
        meta_path = folder / f"pagefind.{language['hash']}.pf_meta"
        data = read(meta_path)
        meta, end = cbor.loads(data)
        if end != len(data) or len(meta) != 6 or not isinstance(meta[1], list):
            raise UnknownFormat("The Pagefind meta is not [version, pages, chunks, filters, sorts, meta fields]")
        found.append((lang, language, meta_path, meta))
    return entry_path, entry, found


def word_entries(folder: Path) -> Iterator[tuple[str, bytes]]:
    """(language, word entry as stored) for each word of the index in `folder`."""
    for lang, _, _, meta in languages(folder)[2]:
        for _, _, chunk in meta[2]:
            for entry in chunk_words(read(folder / "index" / f"{chunk}.pf_index")):
                yield lang, entry


def words_in(folders: list[Path]) -> dict[str, set[str]]:
    """Every word the indexes in `folders` hold, by language."""
    every: dict[str, set[str]] = {}
    for folder in folders:
        for lang, entry in word_entries(folder):
            every.setdefault(lang, set()).add(word_of(entry))
    return every


def compact(folder: Path, limit: int = CHUNK_BYTES, every_word: dict[str, set[str]] | None = None) -> None:
    """Rewrite the Pagefind index in `folder` (its pagefind-entry.json, meta, chunks and fragment names), adding
    on no page each word of `every_word` (by language) it lacks."""
    entry_path, entry, found = languages(folder)
    for lang, language, meta_path, meta in found:
        meta[2] = split_chunks(folder / "index", lang, meta[2], limit, (every_word or {}).get(lang, frozenset()))
        meta[1] = short_names(folder / "fragment", meta[1])
        meta_path.unlink()
        language["hash"] = write(folder, f"pagefind.{lang}_", ".pf_meta", cbor.dumps(meta), 13).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
