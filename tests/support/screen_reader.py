"""What a screen reader meets on a page, read from Chromium's accessibility tree as Playwright writes it
(an ARIA snapshot: `- role "name" [attributes]` a line, children indented), and the rules it must keep.
Used by tests/test_screen_reader_tree.py."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

LINE = re.compile(r'^(?P<indent> *)- (?P<role>[a-z]+)(?: "(?P<name>(?:[^"\\]|\\.)*)")?(?P<attrs>(?: \[[^\]]*\])*)')
URL = re.compile(r'^ *- /url: (?P<url>.*)$')
# Names that say nothing out of context (WCAG 2.4.4, 2.4.9): a screen reader's list of links reads them alone.
VAGUE = {"click here", "here", "read more", "more", "this", "link", "this page", "find out more", "more info",
         "learn more", "continue", "go"}
EXTERNAL = " (another website)"  # what a screen reader hears for the arrow after a link to another website (carers.css)


@dataclass
class Node:
    role: str
    name: str
    attrs: str
    url: str | None = None
    section: str = ""  # the heading it comes under


def read(snapshot: str) -> list[Node]:
    """Every node of an ARIA snapshot, in reading order (links carry their /url)."""
    nodes: list[Node] = []
    section = ""
    for text in snapshot.splitlines():
        if match := LINE.match(text):
            name = json.loads(f'"{match["name"]}"') if match["name"] is not None else ""
            nodes.append(Node(match["role"], name, match["attrs"].strip(), section=section))
            section = name if match["role"] == "heading" else section
        elif (match := URL.match(text)) and nodes:
            value = match["url"].strip()
            nodes[-1].url = json.loads(value) if value.startswith('"') else value
    return nodes


def heading_problems(nodes: list[Node]) -> list[str]:
    """One level-1 heading, and no level skipped on the way down (WCAG 1.3.1, 2.4.6)."""
    levels = [(int(re.search(r"level=(\d)", n.attrs)[1]), n.name) for n in nodes if n.role == "heading"]
    problems = [] if [lv for lv, _ in levels].count(1) == 1 else [
        f"{[lv for lv, _ in levels].count(1)} level-1 headings: a page has one, its title"]
    for (before, _), (level, name) in zip([(0, "")] + levels, levels):
        if level > before + 1:
            problems.append(f'heading "{name}" is level {level} straight after level {before}')
    return problems


def landmark_problems(nodes: list[Node], search: bool = True) -> list[str]:
    """One banner, main and contentinfo, a search (where the page has one), and every navigation named, each
    name once (WCAG 1.3.1, 2.4.1): a screen reader lists the landmarks by role and name to move between them."""
    roles = [n.role for n in nodes]
    problems = [f"{roles.count(role)} {role} landmarks (one expected)" for role in ("banner", "main", "contentinfo")
                if roles.count(role) != 1]
    if search and "search" not in roles:
        problems.append("no search landmark")
    navigations = [n.name for n in nodes if n.role == "navigation"]
    problems += ["a navigation landmark without a name" for name in navigations if not name]
    problems += [f'{navigations.count(name)} navigation landmarks named "{name}"'
                 for name in sorted(set(navigations)) if name and navigations.count(name) > 1]
    return problems


def names_its_website(link: Node) -> bool:
    """A link whose words are the address of the website it leads to, as a source is cited ("We checked this
    number on their own website, yourcouncil.gov.uk"): its words say truly where it goes, even when two such
    links go to two pages of that website."""
    host = urlparse(link.url).hostname or ""
    return bool(host) and link.name.removesuffix(EXTERNAL).strip().lower() in {host, host.removeprefix("www.")}


def link_problems(nodes: list[Node], page_url: str) -> list[str]:
    """Every link has a name that makes sense alone, and one name never leads to two places under one heading
    (WCAG 2.4.4: under two headings, such as a journey's "Read" and "Services", the heading and the list item
    tell them apart), but for links that name the website they go to."""
    links = [n for n in nodes if n.role == "link" and n.url is not None]
    problems = [f"a link to {n.url} has no name" for n in links if not n.name.strip()]
    problems += [f'link "{n.name}" (to {n.url}) says nothing out of context' for n in links
                 if n.name.strip().strip(".:!>»").lower() in VAGUE]
    places: dict[tuple[str, str], set[str]] = {}
    for n in links:
        if not names_its_website(n):
            places.setdefault((n.section, n.name.strip().lower()), set()).add(urljoin(page_url, n.url))
    problems += [f'links named "{name}" lead to {len(found)} places: {sorted(found)}'
                 for (_, name), found in places.items() if name and len(found) > 1]
    return problems
