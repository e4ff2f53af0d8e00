"""The handbook in docs/: every page reachable from its index, every internal link works, macros reference current."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from carers_hub.tools import macro_docs

DOCS = ROOT / "docs"
LINK = re.compile(r"\]\(([^)#\s]+)(#[^)\s]*)?\)")


def links(page: Path) -> list[tuple[str, str | None]]:
    text = re.sub(r"```.*?```", "", page.read_text(), flags=re.S)
    text = re.sub(r"`[^`\n]*`", "", text)  # examples in code are not links
    return [(m.group(1), m.group(2)) for m in LINK.finditer(text) if not re.match(r"^[a-z]+:", m.group(1))]


def test_every_internal_link_and_anchor_works():
    for page in DOCS.rglob("*.md"):
        for target, anchor in links(page):
            path = (page.parent / target).resolve()
            assert path.exists(), f"{page.relative_to(ROOT)} links to missing {target}"
            if anchor and path.suffix == ".md":
                text = path.read_text()
                name = anchor[1:]
                headings = {re.sub(r"[^a-z0-9 -]", "", h.lower()).strip().replace(" ", "-")
                            for h in re.findall(r"^#+ (.+)$", text, re.M)}
                assert f'id="{name}"' in text or name in headings, f"{page.name}: no anchor {anchor} in {target}"


def test_every_handbook_page_is_reachable_from_the_index():
    seen, todo = set(), [DOCS / "index.md"]
    while todo:
        page = todo.pop()
        if page in seen:
            continue
        seen.add(page)
        todo += [(page.parent / t).resolve() for t, _ in links(page) if t.endswith(".md")]
    unreachable = {p.resolve() for p in DOCS.rglob("*.md")} - seen
    assert not unreachable, f"not linked from docs/index.md: {sorted(str(p) for p in unreachable)}"


def test_macros_reference_is_up_to_date():
    assert (DOCS / "editors" / "macros.md").read_text() == macro_docs.reference(), "run `make docs`"


def test_every_macro_is_documented():
    names = {name for name, _, _ in macro_docs.macros()}
    assert {"contact_card", "phone", "service", "services", "service_phone", "glossary"} <= names
    for name, _, doc in macro_docs.macros():
        assert len(doc) > 40, f"{name} needs a docstring that tells an editor how to use it"
