"""Where things are, named once: the generator's own files (in the installed package) and the site's (the
folder a command runs in, holding mkdocs.yml). The build itself takes the site's folder from MkDocs' config."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]  # carers_hub: hooks/ in the generator's own repository
# The theme's templates and assets ship inside the package as theme/; in the generator's own repository (an
# editable install, or a checkout on the path) they are overrides/, beside hooks/.
THEME = PACKAGE / "theme" if (PACKAGE / "theme").is_dir() else PACKAGE.parent / "overrides"
ROOT = Path.cwd()  # the site's folder: every command (make, carers-hub ...) runs in it
# Made files that are kept between builds (textstat's dictionary in NLTK's layout).
CACHE = Path(os.environ.get("CARERS_HUB_CACHE", ROOT / ".cache"))
