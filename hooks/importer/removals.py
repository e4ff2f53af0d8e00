"""A feed that suddenly lists far fewer services is more often broken than emptied: a failed export, an update
published half-way, a server in trouble answering `[]`. Taken at its word, it would remove every service it
lost from the site. So a feed that has lost more than a fifth of the services the last import brought in (or
all of them) is refused, and nothing is written, unless the editor says the removals are real
(--accept-removals).
"""

from __future__ import annotations

from carers_hub.core.problems import Problem

MOST = 0.2  # the share of the last import's services a feed may lose without the editor's say-so


def _services(count: int) -> str:
    return f"{count} service{'' if count == 1 else 's'}"


def too_many_gone(source: str, before: set[str], now: set[str]) -> Problem | None:
    """The problem when more than MOST of `before` (the last import's service uuids) is not in `now`."""
    gone = len(before - now)
    if not before or (gone <= len(before) * MOST and gone < len(before)):
        return None
    lost = "all of them are" if gone == len(before) else f"{gone} is" if gone == 1 else f"{gone} are"
    return Problem(
        code="IMPORT_FEED_SHRANK", file=source, line=None, field="",
        message=f"The feed now gives {len(before) - gone} of the {_services(len(before))} the last import brought "
                f"in: {lost} gone, more than a fifth. A directory that is down, or half-way through an update, can "
                "answer like this, and importing it would remove them from the site.",
        fix="Open the feed's address in a browser, or ask the directory's team, then run the import again later. If "
            "those services really have closed, run it with --accept-removals (make import-directory SOURCE=... "
            "IMPORT_OPTIONS=--accept-removals).")
