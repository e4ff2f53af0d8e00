"""The site's search: Pagefind indexes the finished HTML, and the browser loads only what a query needs.

Two steps, both plain functions:

  mark_page   each written page: `data-pagefind-body` on its article (only pages that should be found get
              it), and, right inside it, a hidden block with what Pagefind reads but carers never see: the
              page's title and what it is ("Guide", "Easy read", "Service") as `data-pagefind-meta`, a guide's
              topic (a meta field the browser ranks with metaWeights), its filters (`data-pagefind-filter`, on
              service pages: kind of service, who it is for, area) and the words carers use for what the page
              is about (data/synonyms.yaml, hooks/outputs/search_index.py), weighted above a heading when a
              guide's title or headings use one of them, like body text when only its text does. A page made
              from data (a service) has its name and words weighted low (DATA_WEIGHT), so guides come first.
  index_site  after the build: the Pagefind binary (PyPI `pagefind-bin`, pinned with hashes) reads the site
              folder and writes site/pagefind/: a chunked index, so a search downloads the few chunks and
              fragments it needs, never the whole index.

Pagefind reads built HTML, so it depends on neither the theme's search nor the engine: ProperDocs builds get the
same index through the same adapter (hooks/mkdocs_hooks.py calls both steps).
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from markupsafe import Markup

from carers_hub.outputs import article, pagefind_compact, stop_words

OUTPUT = "pagefind"  # site/pagefind/: what overrides/assets/javascripts/site-search.js imports
# How strongly the words carers use count when the page's title or headings name them: on a guide more than its
# own <h1> (7); on an easy read page a little less (a guide and its easy read version otherwise tie, and the
# guide is what most readers want first).
STRONG_WEIGHT = {"Guide": 10.0, "Easy read": 9.0}
# On a page made from data (a service), those words and its own name (its <h1>) count far less: a service is
# found by its name ("Imago"), but stays below the guide that explains a subject its name repeats, however many
# services a large directory names after it ("Respite breaks North"). Pagefind squares weights: 3 counts 9.
DATA_WEIGHT = 3.0
TOPIC = "topic"  # the meta field of what a guide explains: its title and the words carers use for it
LABELS = ("Guide", "Easy read", "Service")  # what a result is (Marks.label), shown in the results
# Pagefind's own ready-made interfaces: the site has its own (site-search.js), so these are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


@dataclass(frozen=True)
class Marks:
    """What Pagefind is told about one page."""
    title: str
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # e.g. {"kind": ("respite-care",)}
    strong_words: tuple[str, ...] = ()  # synonyms of what the page's title or headings name
    words: tuple[str, ...] = ()  # synonyms of what its text mentions
    guidance: bool = True  # a page from content/ (False: a page made from data)
    label: str = "Guide"  # what the result is, shown beside its title: one of LABELS


def marks_html(marks: Marks) -> Markup:
    """The hidden block at the start of a page's article. Filter values and words are escaped; the title is
    read from an attribute, so a comma or colon in it stays part of it."""
    parts = [Markup('<span data-pagefind-meta="title[data-title]" data-title="{}"></span>').format(marks.title),
             Markup('<span data-pagefind-meta="label[data-label]" data-label="{}"></span>').format(marks.label)]
    for name, values in marks.filters.items():
        for value in values:
            parts.append(Markup('<span data-pagefind-filter="{}[data-value]" data-value="{}"></span>').format(name, value))
    if marks.guidance:
        # What a guide explains, as a field of its own that site-search.js ranks with Pagefind's metaWeights: a
        # query naming a guide's subject lifts the guide above services that repeat the words (issue 31).
        topic = ", ".join([marks.title, *marks.strong_words])
        parts.append(Markup('<span data-pagefind-meta="{}[data-topic]" data-topic="{}"></span>').format(TOPIC, topic))
    if marks.strong_words:
        weight = STRONG_WEIGHT[marks.label] if marks.guidance else DATA_WEIGHT
        parts.append(Markup('<span data-pagefind-weight="{}">{}</span>').format(weight, ", ".join(marks.strong_words)))
    if marks.words:
        parts.append(Markup("<span>{}</span>").format(", ".join(marks.words)))
    return Markup('<div class="ch-search-words" hidden>') + Markup("").join(parts) + Markup("</div>")


def mark_page(html: str, marks: Marks | None) -> str:
    """The page with its article marked for Pagefind, or unchanged when it should not be found (marks None)."""
    if marks is None:
        return html
    marked = article.mark(html, str(marks_html(marks)))
    if marked is None:
        raise LookupError(f"The theme no longer wraps the page in {article.OPEN}> "
                          "(coupling point 'article markup' in docs/developers/how-it-works.md).")
    if not marks.guidance:
        found = article.bounds(marked)
        rest = H1_OPEN.sub(rf'<h1\1 data-pagefind-weight="{DATA_WEIGHT}">', marked[found.inner:], count=1)
        marked = marked[:found.inner] + rest
    return marked


H1_OPEN = re.compile(r"<h1\b([^>]*)>")


def label_of(src: str, service: bool) -> str:
    """What a page is, for the results: a service, an easy read page (content/easy-read/), or a guide."""
    return "Service" if service else "Easy read" if src.startswith("easy-read/") else "Guide"


class IndexFailed(RuntimeError):
    pass


def executable() -> Path:
    """The Pagefind binary shipped in the `pagefind-bin` wheel."""
    import pagefind_bin

    return pagefind_bin.get_executable()


def search_document(html: str) -> str | None:
    """What Pagefind needs of a marked page, as a small HTML document of its own: the language, the description
    (the result's summary) and the article, without the menu, header and footer every page repeats. Pagefind
    reads these instead of the full pages, about a third of the HTML at 5,000 services. None if not marked."""
    found = article.bounds(html, marked=True)
    if found is None:
        return None
    lang = LANG.search(html)
    description = DESCRIPTION.search(html)
    return (f'<!doctype html><html lang="{lang.group(1) if lang else "en"}"><head>'
            f'{description.group(0) if description else ""}</head><body>{html[found.start:found.end]}</article></body></html>')


LANG = re.compile(r'<html\b[^>]*\blang="([^"]+)"')
DESCRIPTION = re.compile(r'<meta name="description"[^>]*>')


SETTINGS = "site-search.json"  # site/pagefind/site-search.json: what site-search.js needs besides Pagefind
# Pages a Pagefind index holds at most. Pagefind keeps a whole index in memory while it writes it (about 80 KB
# a service page: 790 MB for 10,000), so a larger site gets more indexes, each made in turn, which the
# browser merges (site-search.js): a national directory is indexed within the build's memory budget.
PART_PAGES = 10_000
MORE = "more"  # site/pagefind/more/1/, more/2/ ...: the indexes after the first


IGNORED = re.compile(r"<(\w+)\b[^>]*\bdata-pagefind-ignore\b[^>]*>|<(script|style)\b[^>]*>")
ELEMENT_ID = re.compile(r'\sid="[^"]*"')
PAGEFIND_READS = re.compile(r"data-pagefind-(?:filter|meta|sort)")  # read even inside an ignored element


def indexed_part(html: str) -> str:
    """The HTML without what Pagefind leaves out of its index: elements marked data-pagefind-ignore (the page's
    own furniture, such as "Report a problem with this page" and the printed contacts) and scripts. An ignored
    element with filters or meta in it is kept: Pagefind reads those."""
    kept, position = [], 0
    while found := IGNORED.search(html, position):
        end = _end_of(html, found.group(1) or found.group(2), found.end())
        kept.append(html[position:end] if PAGEFIND_READS.search(html, found.start(), end) else html[position:found.start()])
        position = end
    kept.append(html[position:])
    return "".join(kept)


def _end_of(html: str, name: str, start: int) -> int:
    """Where the element named `name` whose start tag ends at `start` ends (elements of the same name nest)."""
    depth = 1
    for tag in re.finditer(rf"<(/?){name}\b[^>]*>", html[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start + tag.end()
    return len(html)


SERVICE_LABEL = 'data-label="Service"'  # the label marks_html gives a page made from data
TAG = re.compile(r"(<[^>]*>)")
SPACE = re.compile(r"(\s+)")
PUNCTUATION = ".,;:!?()[]\"\u201c\u201d"
# How often a service's search document keeps a word. Once is smallest, but ranking moves with the pages' mean
# length: at once or twice, shorter services let a section's index page overtake the young carers guide for
# "young carer" on the synthetic directory (docs/developers/benchmarks.md).
TIMES = 3
PLAIN_WORD = re.compile(r"[\w'\u2019-]+")


def once(document: str) -> str:
    """A service's search document with each word of its text kept at its first TIMES places only (the hidden
    words carers use come first, so the places with most weight are kept), its name (<h1>) whole besides. Every
    word still finds the service; what goes is the repeats ("Young carers project ... For: Young carers and
    young adult carers ... young carers' groups"), which at 5,000 services made the words on every service
    ("carer", "young") the largest part of a search's download. The name is kept apart so a service named after
    a word ("Imago") still ranks above the services that only mention it. Only a whole word between spaces that
    is the same as one before is left out, so no word Pagefind would read is lost."""
    seen: dict[str, int] = {}

    def words(text: str) -> str:
        kept = []
        for token in SPACE.split(text):
            word = token.strip(PUNCTUATION)
            key = word.lower().replace("\u2019", "'")
            if word and PLAIN_WORD.fullmatch(word) and seen.get(key, 0) >= TIMES:
                token = token.replace(word, "", 1)
            seen[key] = seen.get(key, 0) + 1
            kept.append(token)
        return "".join(kept)

    parts, in_name = [], False
    for i, part in enumerate(TAG.split(document)):
        if i % 2:
            in_name = part.startswith("<h1") or (in_name and part != "</h1>")
            parts.append(part)
        else:
            parts.append(part if in_name else words(part))
    return "".join(parts)


class SearchDocuments:
    """A temporary folder of what Pagefind reads of each marked page (its search_document, less what Pagefind
    ignores), written as each page is finished, so that a directory of any size costs the build no memory for
    them. Pages go into parts of PART_PAGES, one index each."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="carers-hub-search-")
        self.root = Path(self._folder.name)
        self.pages = 0
        self.part_count = 1

    def expect(self, pages: int) -> None:
        """How many pages may come: enough parts for them. Pages are dealt to the parts in turn, so each part
        has the same mix of guidance and services and ranks a word as the others do (a part of guidance alone
        would rank its pages below a part of services for the same words)."""
        self.part_count = max(1, -(-pages // PART_PAGES))

    def add(self, built_file: str, html: str) -> None:
        document = search_document(html)
        if document is None:
            return
        # Pagefind reads less (about 40% of its time at 10,000 services), and without ids it lists no sections
        # in each result's fragment, which site-search.js does not show: a fifth less to download a result.
        document = ELEMENT_ID.sub("", indexed_part(document))
        if SERVICE_LABEL in document:
            document = once(document)
        target = self.root / str(self.pages % self.part_count) / built_file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(document, encoding="utf-8")
        self.pages += 1

    def parts(self) -> list[Path]:
        return sorted(self.root.iterdir(), key=lambda part: int(part.name))

    def close(self) -> None:
        self._folder.cleanup()


def index_site(site_dir: Path, binary: Path | None = None, documents: SearchDocuments | None = None) -> str:
    """Index the site into site_dir/pagefind/ (and pagefind/more/N/ past PART_PAGES pages); returns Pagefind's
    summaries. With `documents`, Pagefind reads those; without, it reads the built site itself. Raises
    IndexFailed if Pagefind fails or indexes no page (a site whose pages lost their marks would have an empty
    search)."""
    parts = documents.parts() if documents is not None else [site_dir]
    if not parts:
        raise IndexFailed("Pagefind did not index the site: no page is marked to be found.")
    summaries, outputs = [], []
    for number, source in enumerate(parts):
        output = site_dir / OUTPUT / (f"{MORE}/{number}" if number else "")
        command = [str(binary or executable()), "--site", str(source), "--output-path", str(output)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
        summary = result.stdout + result.stderr
        if result.returncode != 0 or indexed_pages(summary) == 0:
            raise IndexFailed("Pagefind did not index the site:\n" + summary[-2000:])
        for name in UNUSED:
            (output / name).unlink(missing_ok=True)
        summaries.append(summary)
        outputs.append(output)
    try:
        # In parts, each holds every part's words, so a word none of its pages has finds none there (not a shorter word).
        every_word = pagefind_compact.words_in(outputs) if len(outputs) > 1 else None
        for output in outputs:
            pagefind_compact.compact(output, every_word=every_word)
    except (pagefind_compact.UnknownFormat, ValueError) as unknown:
        raise IndexFailed(f"Pagefind wrote an index this build cannot read ({unknown}): coupling point "
                          "'Pagefind index format' in docs/developers/how-it-works.md.") from unknown
    write_settings(site_dir, len(parts))
    return "\n".join(summaries)


def write_settings(site_dir: Path, indexes: int = 1) -> None:
    """site/pagefind/site-search.json: the stop words, the indexes after the first, and each index's entry (what
    Pagefind asks for first), which site-search.js hands to Pagefind: one round trip less before a first result.
    Written after the indexes, so the entries are theirs."""
    more = [f"{MORE}/{number}/" for number in range(1, indexes)]
    found = {folder: json.loads((site_dir / OUTPUT / folder / "pagefind-entry.json").read_text(encoding="utf-8"))
             for folder in ["", *more]}
    settings = {"stop": sorted(stop_words.STOP_WORDS), "more": more, "entries": found}
    (site_dir / OUTPUT / SETTINGS).write_text(json.dumps(settings), encoding="utf-8")


def entries(site_dir: Path) -> list[Path]:
    """Each index's pagefind-entry.json (which says how many pages it holds), the first index's first."""
    first = site_dir / OUTPUT / "pagefind-entry.json"
    return [first, *sorted((site_dir / OUTPUT / MORE).glob("*/pagefind-entry.json"), key=lambda p: int(p.parent.name))]


def indexed_pages(summary: str) -> int:
    found = re.search(r"Indexed (\d+) pages?", summary)
    return int(found.group(1)) if found else 0
