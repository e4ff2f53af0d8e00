"""Re-import without losing local edits: a three-way merge, field by field, with what changed.

Three versions of each imported record, by its uuid:
  base    what the last import wrote (data/import/last-import.json)
  ours    what data/ holds now: the last import plus anything an editor changed or added
  theirs  what this import made from the feed

For each field: if the editor left it as the last import wrote it, the feed's new value is taken; if the editor
changed it, theirs stays (and if the feed changed it too, the report shows the feed's value to compare). A
field only editors write (a summary, say) is never in base or theirs, so it always stays. A record gone from
the feed is removed unless an editor changed it; one an editor deleted stays deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from carers_hub.core.render import timestamp

MISSING = object()


@dataclass
class Merged:
    records: dict[str, dict] = field(default_factory=dict)  # by uuid: what data/ will hold
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, dict[str, tuple[Any, Any]]] = field(default_factory=dict)  # uuid -> field -> (was, now)
    kept: dict[str, list[str]] = field(default_factory=dict)  # uuid -> fields an editor changed, kept
    conflicts: dict[str, dict[str, tuple[Any, Any]]] = field(default_factory=dict)  # field -> (yours, feed's)
    gone_but_edited: list[str] = field(default_factory=list)  # gone from the feed; kept: an editor changed it
    deleted_locally: list[str] = field(default_factory=list)  # in the feed; an editor deleted it: stays deleted
    unchanged: int = 0


def as_data(value: Any) -> Any:
    """A record as JSON data, the form records are compared in and the last import is kept in: a date and
    its text are the same; a moment is written as ORUK writes it; empty fields are left out."""
    if isinstance(value, dict):
        return {k: as_data(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [as_data(v) for v in value]
    if isinstance(value, datetime):
        return timestamp(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def merge_record(base: dict, ours: dict, theirs: dict) -> tuple[dict, dict, list[str], dict]:
    """(merged record, feed changes taken {field: (was, now)}, local edits kept, conflicts {field: (ours, theirs)})."""
    merged: dict[str, Any] = {}
    taken, kept, conflicts = {}, [], {}
    for name in dict.fromkeys([*theirs, *ours, *base]):
        b, o, t = base.get(name, MISSING), ours.get(name, MISSING), theirs.get(name, MISSING)
        pb, po, pt = (as_data(v) if v is not MISSING else MISSING for v in (b, o, t))
        if po == pb:  # untouched here: the feed decides
            value = t
            if pt != pb:
                taken[name] = (None if b is MISSING else b, None if t is MISSING else t)
        else:
            value = o
            kept.append(name)
            if pt != pb and pt != po:
                conflicts[name] = (None if o is MISSING else o, None if t is MISSING else t)
        if value is not MISSING:
            merged[name] = value
    return merged, taken, kept, conflicts


def merge(base: dict[str, dict], ours: dict[str, dict], theirs: dict[str, dict]) -> Merged:
    """All imported records, by uuid, in the feed's order (records only ours holds keep their place at the end)."""
    out = Merged()
    for uid, new in theirs.items():
        if uid not in base:
            out.records[uid] = ours.get(uid, new)  # new in the feed (an editor may have added it first)
            out.added.append(uid)
        elif uid not in ours:
            out.deleted_locally.append(uid)
        else:
            record, taken, kept, conflicts = merge_record(base[uid], ours[uid], new)
            out.records[uid] = record
            if taken:
                out.changed[uid] = taken
            if kept:
                out.kept[uid] = kept
            if conflicts:
                out.conflicts[uid] = conflicts
            if not taken:
                out.unchanged += 1
    for uid, record in ours.items():
        if uid in theirs:
            continue
        if uid not in base:
            out.records[uid] = record  # an editor's own record among the imported ones: theirs to keep
        elif as_data(record) == as_data(base[uid]):
            out.removed.append(uid)
        else:
            out.records[uid] = record
            out.gone_but_edited.append(uid)
    return out
