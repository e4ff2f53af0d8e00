"""Every file in data/, with its model: the one list the loaders, `make tidy` and the browser editor read.

A new data file is its model and its name here (or a `data_file` field of SiteData, for the files every page
reads); tests/test_one_rule.py checks that every file the example and a new council's site hold is listed.
"""

from __future__ import annotations

import dataclasses
import typing

from carers_hub.data.service_models import CategoriesFile, OrganisationsFile, ServicesFile
from carers_hub.data.site_data import SiteData

# The files SiteData loads, by name (its data_file fields say which).
SITE = {f.metadata["file"]: typing.get_type_hints(SiteData)[f.name] for f in dataclasses.fields(SiteData)
        if "file" in f.metadata}
# The directory's files: each hand-made file, then what `make import-directory` wrote (if anything). Two files,
# not a marked section of one, so that the browser editor, which rewrites a whole file on save, keeps them apart.
SERVICES = ("services.yaml", "services-imported.yaml")
ORGANISATIONS = ("organisations.yaml", "organisations-imported.yaml")
CATEGORIES = "categories.yaml"

MODELS: dict[str, type] = {**SITE, **dict.fromkeys(SERVICES, ServicesFile),
                           **dict.fromkeys(ORGANISATIONS, OrganisationsFile), CATEGORIES: CategoriesFile}
