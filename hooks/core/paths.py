"""The project's folders, named once."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the folder holding mkdocs.yml
OVERRIDES = ROOT / "overrides"
# Made files that are kept between builds (textstat's dictionary in NLTK's layout).
CACHE = Path(os.environ.get("CARERS_HUB_CACHE", ROOT / ".cache"))
