"""Start a new page or service from a template, filled in with today's dates, so nobody starts from blank.

    make new-page PAGE=support/young-carers-groups TITLE="Young carers groups"
    make new-service ID=carers-cafe NAME="Carers cafe"

A new page is added to the menu (mkdocs.yml) at the end of its section. The words starting CHANGE are for you
to replace with the real ones: the site does not build while any are left (hooks/data/placeholders.py).
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

from carers_hub.data import placeholders
from carers_hub.core.paths import ROOT
from carers_hub.core.problems import Problem, ProblemsFound, exits_on_problems
from carers_hub.data.fields import service_id_error
from carers_hub.data.review import SIX_MONTHS
from carers_hub.data.site_data import fix_for
from carers_hub.core.yaml_source import load_text
from carers_hub.core.today import today as current_date

REVIEW_AFTER = SIX_MONTHS  # a new page or service is checked again in six months

# Then placeholders.PAGE_BODY. The words to replace come from hooks/data/placeholders.py, which stops the build
# while any are left, so the template and the check cannot drift apart.
PAGE = """---
title: {title}
description: {description}
owner: {owner}
last_reviewed: {today}
review_by: {review_by}
audience: [all-carers]
---

# {title}

"""

_TO_FILL = placeholders.SERVICE_DEFAULTS
SERVICE = f"""
  - id: {{id}}
    name: {{name}}
    status: active
    organisation: {_TO_FILL["organisation"]}
    description: >-
      {_TO_FILL["description"]}
    audience: [{", ".join(_TO_FILL["audience"])}]
    categories: [{", ".join(_TO_FILL["categories"])}]
    area: {{area}}
    how_to_access: self-referral
    website: {_TO_FILL["website"]}
    source:
      url: {_TO_FILL["source"]["url"]}
      kind: {_TO_FILL["source"]["kind"]}
    last_reviewed: {{today}}
    review_by: {{review_by}}
"""


def new_page(path: str, title: str, root: Path = ROOT, today: date | None = None) -> Path:
    today = today or current_date()
    path = path.removesuffix(".md")
    if not re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*", path):
        raise SystemExit("PAGE must be small letters, numbers and - with / between folders, like support/new-page "
                         f'(not "{path}").')
    target = root / "content" / f"{path}.md"
    if target.exists():
        raise SystemExit(f"{target.relative_to(root)} already exists: open it and edit it instead.")
    owner = _an_owner(root)
    depth = path.count("/")
    link = "../" * depth + "support/carers-assessment.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = PAGE.format(title=title, description=placeholders.PAGE_DEFAULTS["description"], owner=owner, today=today,
                       review_by=today + REVIEW_AFTER)
    # The front matter title is written as YAML (quoted if it needs it); the heading as typed.
    text = text.replace(f"title: {title}\n", f"title: {_yaml_text(title)}\n", 1)
    text += placeholders.PAGE_BODY.replace(placeholders.LINK, link)
    target.write_text(text, encoding="utf-8")
    _add_to_menu(root / "mkdocs.yml", f"{path}.md")
    return target


def new_service(service_id: str, name: str, root: Path = ROOT, today: date | None = None) -> Path:
    today = today or current_date()
    services = root / "data" / "services.yaml"
    _check_id(service_id)
    existing = load_text(services.read_text(encoding="utf-8"), "data/services.yaml")["services"]
    if any(s["id"] == service_id for s in existing):
        raise SystemExit(f'A service with the id "{service_id}" already exists in data/services.yaml.')
    site = load_text((root / "data" / "site.yaml").read_text(encoding="utf-8"), "data/site.yaml")
    entry = SERVICE.format(id=service_id, name=_yaml_text(name), area=site["council"]["short_name"],
                           today=today, review_by=today + REVIEW_AFTER)
    # Imported services live in their own file (hooks/importer/store.py): a hand-made one goes at the end here,
    # and the file is written in the browser editor's style, as the style check expects (hooks/editor/canonical.py).
    with services.open("a", encoding="utf-8") as handle:
        handle.write(entry)
    from carers_hub.editor import canonical

    canonical.canonical([services], root, write=True)
    return services


def _check_id(service_id: str) -> None:
    """The id a service's page will have, by the rule the build checks (fields.ServiceId): refused here, not later."""
    error = service_id_error(service_id)
    if error:
        raise ProblemsFound([Problem(
            code=error["type"], file="data/services.yaml", line=None, field="id",
            message=f"the ID you gave {error['msg']}.", fix=fix_for(error["type"], "id"))])


def _yaml_text(text: str) -> str:
    import yaml

    return yaml.safe_dump(text, default_flow_style=True, width=1000).strip().removesuffix("...").strip()


def _an_owner(root: Path) -> str:
    """The owner most pages already use, so the freshness report goes to the same team."""
    import collections

    owners = collections.Counter(re.findall(r"^owner: (\S+)$", "\n".join(
        p.read_text(encoding="utf-8") for p in (root / "content").rglob("*.md")), re.M))
    return owners.most_common(1)[0][0] if owners else placeholders.PAGE_DEFAULTS["owner"]


def _add_to_menu(mkdocs_yml: Path, page: str) -> None:
    """Put the page at the end of its section in nav:, beside the pages in the same folder."""
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines()
    folder = page.rsplit("/", 1)[0] + "/" if "/" in page else None
    matches = [i for i, line in enumerate(lines)
               if folder and re.match(rf"\s+- (?:[^:]+: )?{re.escape(folder)}[^/]+\.md$", line)]
    if not matches:
        print(f"Add {page} to nav: in mkdocs.yml, under the section it belongs to.")
        return
    last = matches[-1]
    indent = re.match(r"\s*", lines[last]).group(0)
    lines.insert(last + 1, f"{indent}- {page}")
    mkdocs_yml.write_text("\n".join(lines) + "\n", encoding="utf-8")


@exits_on_problems
def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in ("page", "service"):
        print(__doc__)
        return 2
    kind, ident, title = argv
    made = new_page(ident, title) if kind == "page" else new_service(ident, title)
    preview = "Run make serve to see it as you write." if kind == "page" else "The preview shows it once they are all replaced."
    print(f"Made {made.relative_to(ROOT)}. Replace the words starting {placeholders.MARKER}: the site does not build "
          f"while any are left. {preview}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
