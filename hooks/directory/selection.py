"""Which services a list shows (kind of service, who it is for, area), and the one rule for its address.

Addresses keep one order, kind then who then area; page 1 has no suffix, later pages end page-N:
services/, services/kind/respite-care/, services/for/young-carers/in/city-of-london/page-2/.
"""

from __future__ import annotations

from dataclasses import dataclass

from carers_hub.core import urls

ROOT = "services"
FACETS = ("kind", "who", "area")
SEGMENT = {"kind": "kind", "who": "for", "area": "in"}  # the word in the address before each filter's value


def area_slug(area: str) -> str:
    return urls.slug(area)


@dataclass(frozen=True, order=True)
class Selection:
    """None is "any"."""

    kind: str | None = None
    who: str | None = None
    area: str | None = None

    def src(self, page: int = 1) -> str:
        """The list's page as a path under content/."""
        folder = "/".join([ROOT, *(f"{SEGMENT[f]}/{getattr(self, f)}" for f in FACETS if getattr(self, f))])
        if page > 1:
            return f"{folder}/page-{page}.md"
        return f"{ROOT}/index.md" if folder == ROOT else folder + ".md"

    def with_(self, **changes) -> "Selection":
        return Selection(**{**{f: getattr(self, f) for f in FACETS}, **changes})
