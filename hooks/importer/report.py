"""The import report: what came in, what was left out or dropped and why, what needs the editor, and what
changed since the last import. Written to data/import/report.md for the editor to read before committing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from carers_hub.checks.service_text import longest_sentence
from carers_hub.data.fields import DIRECTION_CONTROLS
from carers_hub.importer.convert import Converted, Note
from carers_hub.importer.merge import Merged, as_data

SHOW = 200  # rows a section lists before "and N more" (the counts are always whole)
REPORT = "import/report.md"  # under data/


@dataclass(frozen=True)
class Facts:
    source: str
    day: str
    seconds: float
    requests: int
    retries: int
    from_cache: int
    waited: float  # seconds of polite pauses between requests
    details_failed: list[str]
    mapping_made: bool
    longest_sentence: int  # the reading rule's limit, from data/site.yaml
    written: list[str] = field(default_factory=list)  # the files this import writes, under data/, this report too
    unchanged: list[str] = field(default_factory=list)  # files it would have written, already the same
    dry_run: bool = False


# Every value in the report came from someone else's feed, and the report is Markdown that an editor opens and
# GitHub shows. So a value is written to be read as itself: what Markdown or HTML would take as markup is escaped
# (with a backslash where both Python-Markdown and GitHub honour one, else as an HTML entity). A lone "]" starts
# nothing, and "_" inside a word (review_by) never makes emphasis in either, so those stay as written...
_MARKUP = str.maketrans({"\\": "\\\\", "`": "\\`", "*": "\\*", "[": "\\[", "<": "&lt;", ">": "&gt;",
                         "&": "&amp;", "|": "&#124;", "~": "&#126;"})
_EDGE_UNDERSCORE = re.compile(r"(?<!\w)_|_(?!\w)")
# ...and what GitHub would make a link or a notification by itself (a web or email address, @someone) is shown as
# code, which it leaves alone. These hold no backtick, so the code cannot end early.
_LIVE = re.compile(r"\b(?:https?://|www\.)[\w.~:/?#@!$&'()*+,;=%-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                   r"|(?<![\w@])@[A-Za-z0-9][\w-]*(?:/[\w.-]+)?", re.IGNORECASE)
# A value starting with one of these would start a heading, a list or a numbered item: the mark is escaped.
_BLOCK = re.compile(r"^(?:\d+(?=[.)])|(?=[#+-]))")


def _escaped(text: str) -> str:
    return _EDGE_UNDERSCORE.sub(r"\\_", text.translate(_MARKUP))


def _inert(value: Any, length: int | None = None) -> str:
    """A feed's value as inert text on one line: no hidden direction controls, no line breaks, no markup, no
    link; cut to `length` characters (before escaping, so no escape is cut in two)."""
    text = " ".join(DIRECTION_CONTROLS.sub("", str(value)).split())
    if length and len(text) > length:
        text = text[: length - 1] + "\u2026"
    out, start = [], 0
    for live in _LIVE.finditer(text):
        out += [_escaped(text[start:live.start()]), f"`{live.group(0)}`"]
        start = live.end()
    out.append(_escaped(text[start:]))
    return _BLOCK.sub(lambda start: start.group(0) + "\\", "".join(out))


def _short(value: Any, length: int = 90) -> str:
    return _inert(as_data(value), length)


def _rows(lines: list[str]) -> list[str]:
    return lines[:SHOW] + ([f"- ... and {len(lines) - SHOW} more"] if len(lines) > SHOW else [])


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _name(names: dict[str, str], uid: str) -> str:
    return _inert(names.get(uid, uid))


def _who(note: Note) -> str:
    return f"{_inert(note.name or '(no name)')} (feed id {_inert(note.feed_id or 'none')})"


def _files(facts: Facts) -> list[str]:
    """Exactly what this import wrote: all of these or, if writing failed, none (store.write_together)."""
    lines = ["## Files written", ""] + [f"- data/{name}" + (" (this report)" if name == REPORT else "")
                                       for name in facts.written]
    if facts.unchanged:
        lines += ["", "Unchanged: " + ", ".join(f"data/{name}" for name in facts.unchanged) + "."]
    if facts.dry_run:
        lines += ["", "A dry run: nothing else in data/ was written."]
    return lines + [""]


def to_summarise(records: dict, limit: int) -> list[tuple[int, str]]:
    """Providers' descriptions with a sentence over the limit and no summary yet, longest first."""
    long = sorted(((longest_sentence(r["description"])[0], r["name"]) for r in records.values()
                   if r.get("description_by") == "provider" and not r.get("summary")), reverse=True)
    return [(count, name) for count, name in long if count > limit]


def build(facts: Facts, converted: Converted, merged: Merged, names: dict[str, str]) -> tuple[str, str]:
    """(the whole report as Markdown, a short summary for the terminal)."""
    by_kind: dict[str, list[Note]] = defaultdict(list)
    for note in converted.notes:
        by_kind[note.kind].append(note)
    records = merged.records
    long = to_summarise(records, facts.longest_sentence)
    counts = (f"{converted.read} records read, {len(converted.services)} imported, "
              f"{len(by_kind['left out'])} left out; {len(merged.added)} added, {len(merged.removed)} removed, "
              f"{len(merged.changed)} changed, {merged.unchanged} unchanged since the last import")
    out = [f"# Import report: {_inert(facts.source)}", "",
           f"Imported on {facts.day} in {facts.seconds:.1f} seconds: {counts}. {facts.requests} requests "
           f"({facts.retries} retried, {facts.from_cache} answers reused from an interrupted import, "
           f"{facts.waited:.1f} s of pauses between requests).", "",
           "Read this, check the changes (`git diff data/`), run `make check`, then commit. Nothing is published "
           "until you do.", ""]
    out += _files(facts)
    if facts.mapping_made:
        out += ["**First import:** data/import/mapping.yaml was made with defaults. Fill it in (what the feed's "
                "terms mean here), then run the import again.", ""]

    def section(title: str, intro: str, lines: list[str]) -> None:
        if lines:
            out.extend([f"## {title} ({len(lines)})", "", intro, "", *_rows(lines), ""])

    section("Left out", "Records that could not stand without what was missing. Add them by hand if carers need "
            "them.", [f"- {_who(n)}: {_inert(n.message)}" for n in by_kind["left out"]])
    section("Dropped or changed", "Values that could not be kept as the feed gave them. Everything else in "
            "these records was imported.",
            [f"- {_who(n)}, {n.field}: {_inert(n.message)}" for n in by_kind["dropped"] + by_kind["changed"]])
    defaults: dict[str, list[Note]] = defaultdict(list)
    for note in by_kind["default"]:
        defaults[note.field].append(note)
    section("Needs you: defaults from mapping.yaml", "The feed does not say these; each service listed got the "
            "default in data/import/mapping.yaml. Map the feed's terms there, or set the field by hand in "
            "data/services-imported.yaml (a re-import keeps what you set).",
            [f"- {field} ({_count(len(notes), 'service')}, {_inert(notes[0].message)}): "
             + "; ".join(_inert(n.name or "(no name)") for n in notes[:SHOW])
             + (f"; and {len(notes) - SHOW} more" if len(notes) > SHOW else "")
             for field, notes in sorted(defaults.items())])
    section("Feed terms nobody has mapped", "Add the ones that matter to categories_for_terms or "
            "audience_for_terms in data/import/mapping.yaml.",
            [f"- {_inert(vocabulary or 'terms')}: \"{_inert(term)}\" ({_count(count, 'service')})"
             for (vocabulary, term), count in converted.unmapped_terms.most_common()])
    section("Descriptions to summarise", f"Their words are shown as theirs, under \"In their words\". Each has a "
            f"sentence over {facts.longest_sentence} words, so listings show only their first words. Write a short "
            "`summary:` in your own words for each, in data/services-imported.yaml (a re-import "
            "keeps it; `make check` lists them too).",
            [f"- {_inert(name)}: a sentence of {count} words" for count, name in long])
    section("Changed since the last import", "Field by field, as the feed now has it.",
            [f"- {_name(names, uid)}: " + "; ".join(f"{field} was \"{_short(was)}\", now \"{_short(now)}\""
                                                     for field, (was, now) in fields.items())
             for uid, fields in merged.changed.items()])
    section("Added", "New in the feed.", [f"- {_name(names, uid)}" for uid in merged.added])
    section("Removed", "Gone from the feed, and not edited here, so removed from data/.",
            [f"- {_name(names, uid)}" for uid in merged.removed])
    section("Your edits kept", "Fields you changed after an import stay as you wrote them.",
            [f"- {_name(names, uid)}: {', '.join(fields)}" for uid, fields in merged.kept.items()])
    section("The feed changed what you edited", "Your value stays; compare it with the feed's.",
            [f"- {_name(names, uid)}, {field}: yours \"{_short(ours)}\", the feed's \"{_short(theirs)}\""
             for uid, fields in merged.conflicts.items() for field, (ours, theirs) in fields.items()])
    section("Gone from the feed but edited here", "Kept because you changed them. Delete them if they have closed.",
            [f"- {_name(names, uid)}" for uid in merged.gone_but_edited])
    section("Deleted here, still in the feed", "Left deleted, as you chose.",
            [f"- {_name(names, uid)}" for uid in merged.deleted_locally])
    section("For information", "Nothing to do, unless something looks wrong.",
            [f"- {_who(n)}, {n.field}: {_inert(n.message)}" for n in by_kind["info"]])
    section("Details that could not be fetched", "Imported from the feed's list alone.",
            [f"- {_inert(line)}" for line in facts.details_failed])
    summary = (f"{counts}.\n{len(by_kind['dropped'])} values dropped, {len(by_kind['default'])} defaults used, "
               f"{len(long)} descriptions to summarise. Read data/import/report.md, then `git diff data/`.")
    return "\n".join(out).rstrip() + "\n", summary
