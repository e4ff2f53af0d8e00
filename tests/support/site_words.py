"""Words that any site under test has, to search for and to filter by: taken from its own directory, so the
tests that type them work on any council's site."""

from __future__ import annotations

import re


def a_service_name_word(directory) -> str:
    """The longest word in the name of the directory's first service (in the order of data/services.yaml): its
    page and the directory's list both carry it, so a search or the directory's filter finds at least one."""
    assert directory.listings, "The site under test has no service in data/services.yaml: add one"
    words = re.findall(r"[A-Za-z]+", directory.listings[0].service.name)
    return max(words, key=len).lower()
