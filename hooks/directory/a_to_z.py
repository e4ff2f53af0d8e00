"""The A to Z: every guidance page and every service by its first letter, with the words carers use as "see"
entries ("Respite: see Replacement care and short breaks"). It is search for a reader without JavaScript, so
the header links to it where the search box would be, and so does every footer.

a-z/ lists the guidance pages, the "see" entries and, while the directory is small, the services. A council's
directory of thousands of services would make that one page too heavy for a phone, so past INLINE_SERVICES the
services move to a page a letter (a-z/services/s/), paged PER_PAGE at a time.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from markupsafe import Markup

from carers_hub.core import urls
from carers_hub.core.render import render
from carers_hub.directory import service_pages
from carers_hub.directory.generated import Generated, Sources, make_page, search_entry
from carers_hub.directory.listing_pages import pager

SRC = "a-z.md"
INLINE_SERVICES = 200
PER_PAGE = 300
SKIP = ("check/", "journeys/", "services/", "a-z")  # question steps and pages made from data are not guidance


@dataclass(frozen=True)
class Entry:
    label: str
    url: str
    see: str | None = None  # for a word carers use: the title of the page it leads to
    kind: str = "page"  # page, service or see

    @property
    def letter(self) -> str:
        first = self.label[:1].upper()
        return first if "A" <= first <= "Z" else "0-9"


def letter_of(text: str) -> str:
    return Entry(text, "").letter


def guidance(sources: Sources, from_src: str) -> list[Entry]:
    return [Entry(meta.title, urls.link(src, from_src)) for src, meta in sources.metas.items()
            if meta and not src.startswith(SKIP) and src != "404.md"]


def _variant(word: str) -> str:
    """carer's, carers and carer are one entry: the A to Z lists one of them."""
    return " ".join(part.rstrip("s") for part in re.sub(r"['’]", "", word.lower()).split())


def _target(group: list[str], titles: list[str]) -> str | None:
    """The page a group leads to: a title that starts with one of its words, the longest word, the shortest title."""
    scored = [(title.lower().startswith(word.lower()), len(word), -len(title), title)
              for title in titles for word in group if word.lower() in title.lower()]
    return max(scored)[3] if scored else None


def see_entries(sources: Sources, from_src: str) -> list[Entry]:
    """For each group of words carers use (data/synonyms.yaml), the page whose title holds one of them; the
    group's other words point to it, written as the file writes them."""
    titles = {meta.title: src for src, meta in sources.metas.items() if meta and not src.startswith(SKIP)}
    out, seen = [], {_variant(title) for title in titles}
    for group in sources.data.synonyms_file.groups:
        for word in group:
            # A word in a page's own title leads to that page; any other word, to the group's page.
            target = _target([word], sorted(titles)) or _target(group, sorted(titles))
            if not target or _variant(word) in seen or target.lower().startswith(word.lower()):
                continue
            seen.add(_variant(word))
            out.append(Entry(word[:1].upper() + word[1:], urls.link(titles[target], from_src), see=target, kind="see"))
    return out


def services(sources: Sources, from_src: str) -> list[Entry]:
    return [Entry(s.service.name, urls.link(service_pages.service_src(s.id), from_src), kind="service")
            for s in sources.directory.listings]


def by_letter(entries: list[Entry]) -> list[dict]:
    letters: dict[str, list[Entry]] = {}
    for entry in sorted(entries, key=lambda e: (e.label.lower(), e.kind)):
        letters.setdefault(entry.letter, []).append(entry)
    return [{"letter": letter, "id": f"letter-{letter.lower()}", "entries": items}
            for letter, items in sorted(letters.items(), key=lambda kv: (kv[0] == "0-9", kv[0]))]


def services_src(letter: str, page: int = 1) -> str:
    slug = "0-9" if letter == "0-9" else letter.lower()
    return f"a-z/services/{slug}.md" if page == 1 else f"a-z/services/{slug}/page-{page}.md"


def pages(sources: Sources) -> dict[str, Generated]:
    inline = len(sources.directory.listings) <= INLINE_SERVICES
    entries = guidance(sources, SRC) + see_entries(sources, SRC) + (services(sources, SRC) if inline else [])
    groups = by_letter(entries)
    service_letters = {}
    out: dict[str, Generated] = {}
    if not inline:
        for group in by_letter(services(sources, SRC)):
            service_letters[group["letter"]] = {"count": len(group["entries"]),
                                                "url": urls.link(services_src(group["letter"]), SRC)}
            out.update(letter_pages(group["letter"], sources))
    letters = sorted({g["letter"] for g in groups} | set(service_letters), key=lambda letter: (letter == "0-9", letter))
    body = render("a-to-z.html", groups=groups, letters=letters, service_letters=service_letters,
                  directory_url=urls.link(service_pages.DIRECTORY_SRC, SRC))
    entry = search_entry(SRC, "A to Z", ["Every page and service on this site, from A to Z."])
    out[SRC] = make_page({"description": "Every page and service on this site, from A to Z."}, "A to Z", body, entry)
    return out


def letter_pages(letter: str, sources: Sources) -> dict[str, Generated]:
    listed = sorted((s for s in sources.directory.listings if letter_of(s.service.name) == letter),
                    key=lambda s: s.service.name.lower())
    count = max(1, math.ceil(len(listed) / PER_PAGE))
    out = {}
    for page in range(1, count + 1):
        src = services_src(letter, page)
        shown = listed[(page - 1) * PER_PAGE:page * PER_PAGE]
        links = pager(lambda n: services_src(letter, n), page, count, src)
        body = Markup("\n").join([
            Markup('<p><a href="{}">Back to the A to Z</a></p>').format(urls.link(SRC, src)),
            Markup('<ul class="ch-a-to-z__list">{}</ul>').format(Markup("").join(
                Markup('<li><a href="{}">{}</a></li>').format(urls.link(service_pages.service_src(s.id), src),
                                                             s.service.name) for s in shown)),
            render("pager.html", pager_label="Pages of services", **links)])
        title = f"Services starting with {letter}" + (f" (page {page} of {count})" if page > 1 else "")
        out[src] = make_page({"description": title + ".", "pager": {"prev": links["prev_url"], "next": links["next_url"]}},
                             title, body)
    return out
