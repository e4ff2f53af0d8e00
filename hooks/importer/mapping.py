"""data/import/mapping.yaml: what a feed cannot say, in the editor's hands.

A feed knows its own taxonomy, not Carers Hub's audiences or kinds of service. Kinds of service map by
themselves where the feed uses the LGA's ESD service types (data/categories.yaml has their numbers); other
terms, and anything the feed leaves out, come from this file. The import report lists every service that
fell back on a default, and every term nobody mapped, so the editor knows what to fill in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from carers_hub.core import yaml_source
from carers_hub.data.base import Strict
from carers_hub.data.fields import SafeText, Slug
from carers_hub.data.site_data import validate

FILE = "import/mapping.yaml"

TEMPLATE = """\
# How an imported directory's words become Carers Hub's (make import-directory; docs/editors/bring-in-your-directory.md).
# Fill this in, run the import again, and read data/import/report.md: it lists the services that still use a
# default below, and the feed's terms nobody has mapped yet.

# How the source reads after "We found these details in", on every imported service's page.
# Leave it out to use "the service directory at <the feed's web address>".
# feed_title: the Live Well directory

# secondary: the feed is a council directory describing services others run (carers are told the details are
# not from the provider's own website). own: the feed is the providers' own (for example the council's own list
# of its own services).
provider_kind: secondary

# Imported services are due for review this many months after the feed last changed them.
review_every_months: 12

# Used when the feed says nothing that maps (the report lists which services use them).
audience: [all-carers]          # ids from data/audiences.yaml
categories: [carers-advice]     # ids from data/categories.yaml
how_to_access: either           # self-referral, referral or either
# area: City of London          # leave out to use council.area from data/site.yaml

# A feed's taxonomy terms or target audiences (as the report lists them, any case) to kinds of service and
# audiences. ESD service types map by themselves where data/categories.yaml gives their esd_id.
categories_for_terms: {}
#   Carers support: [adult-carers, carers-support-groups]
audience_for_terms: {}
#   Young carers: [young-carers]

# Web addresses that are not a service's own page (a council's home page given as every service's url).
not_service_websites: []
"""


class Mapping(Strict):
    feed_title: SafeText | None = None
    provider_kind: Literal["secondary", "own"] = "secondary"
    review_every_months: int = Field(default=12, ge=1, le=36)
    audience: list[Slug] = Field(default=["all-carers"], min_length=1)
    categories: list[Slug] = Field(default=["carers-advice"], min_length=1)
    how_to_access: Literal["self-referral", "referral", "either"] = "either"
    area: SafeText | None = None
    categories_for_terms: dict[str, list[Slug]] = {}
    audience_for_terms: dict[str, list[Slug]] = {}
    not_service_websites: list[str] = []

    @field_validator("categories_for_terms", "audience_for_terms")
    @classmethod
    def _keys_any_case(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return {" ".join(key.lower().split()): ids for key, ids in value.items()}

    def unknown_ids(self, categories: set[str], audiences: set[str]) -> list[str]:
        """Ids this file names that data/ does not have, as "categories: x" lines for the editor."""
        wrong = [f"categories: {c}" for c in self.categories if c not in categories]
        wrong += [f"audience: {a}" for a in self.audience if a not in audiences]
        wrong += [f"categories_for_terms: {term}: {c}" for term, ids in self.categories_for_terms.items()
                  for c in ids if c not in categories]
        wrong += [f"audience_for_terms: {term}: {a}" for term, ids in self.audience_for_terms.items()
                  for a in ids if a not in audiences]
        return wrong


def load(data_dir: Path, root: Path) -> tuple[Mapping, bool]:
    """The mapping, and whether there was none yet (a first import: the defaults in TEMPLATE are used, and the
    import writes the file with everything else)."""
    path = data_dir / FILE
    if not path.exists():
        return Mapping(), True
    try:
        shown = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = path.as_posix()
    return validate(Mapping, yaml_source.load(path, shown)), False
