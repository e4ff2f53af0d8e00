"""Where imported data lives, so hand-made services are never touched.

The import writes its records into files of their own, data/services-imported.yaml and
data/organisations-imported.yaml (IMPORTED), which the build loads after the hand-made data/services.yaml and
data/organisations.yaml, refusing an id used in both. Two files, not one with a marker line: the browser
editor rewrites a whole file on save and keeps no comment, so a comment line could not keep them apart. A site
imported before keeps its records below LEGACY_MARKER in the hand-made file: the next import moves them.
Records are written in one YAML style (fields in the model's order; long text in `|-` blocks), so a re-import
that changes one field changes one line. Editors may edit imported records; a re-import keeps their edits
(merge.py). Keep notes in fields, not comments. data/import/last-import.json is what the last import wrote,
the "base" of the next merge: it must always match the imported files, so an import writes all its files or
none (write_together), the snapshot last.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from carers_hub.core.problems import Problem, ProblemsFound
from carers_hub.core.render import timestamp
from carers_hub.core.yaml_source import load_text
from carers_hub.data.service_models import Organisation, Service
from carers_hub.importer.merge import as_data

LEGACY_MARKER = "  # ==== Imported by make import-directory: edit below, keep notes in fields (comments here are rewritten) ===="
IMPORTED = {"services": "services-imported.yaml", "organisations": "organisations-imported.yaml"}
SNAPSHOT = "import/last-import.json"
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(DUMPER):  # type: ignore[misc, valid-type]
    def ignore_aliases(self, data) -> bool:
        return True  # a date used twice is written twice, never as &id001 and *id001


def _text(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _moment(dumper, value: datetime):
    # ORUK's form, which YAML reads back as the same moment.
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", timestamp(value))


def _mapping(dumper, value: dict):
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=False)


def _sequence(dumper, value: list):
    # [monday, friday] on one line, as editors write them; a list of places one under another.
    flat = all(not isinstance(item, (dict, list)) for item in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


_Dumper.add_representer(str, _text)
_Dumper.add_representer(datetime, _moment)
_Dumper.add_representer(dict, _mapping)
_Dumper.add_representer(list, _sequence)

ORDER = {"services": list(Service.model_fields), "organisations": list(Organisation.model_fields)}
NESTED = {"source": ["url", "kind", "title", "dated", "note"],
          "locations": ["name", "address", "town", "postcode", "latitude", "longitude", "accessibility"],
          "opening_hours": ["days", "opens", "closes"]}


def _ordered(record: dict, order: list[str]) -> dict:
    out = {key: record[key] for key in order if key in record}
    out.update({key: value for key, value in record.items() if key not in out})
    for key, inner in NESTED.items():
        if isinstance(out.get(key), dict):
            out[key] = _ordered(out[key], inner)
        elif isinstance(out.get(key), list):
            out[key] = [_ordered(item, inner) if isinstance(item, dict) else item for item in out[key]]
    return out


def dump_records(records: list[dict], kind: str) -> str:
    """Records as list items under the file's top-level key, indented as the hand-made ones are."""
    if not records:
        return ""
    text = yaml.dump([_ordered(r, ORDER[kind]) for r in records], Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True, width=110)
    lines = text.splitlines()
    out = []
    for line in lines:
        out.append(("\n  " if line.startswith("- ") else "  ") + line if line else "")
    return "\n".join(out).lstrip("\n") + "\n"


def _load(text: str, path: Path) -> Any:
    return load_text(text, f"data/{path.name}")


def split(path: Path, kind: str) -> tuple[str, list[dict], list[dict]]:
    """(the hand-made file's text, its records, the imported records). path: the hand-made file."""
    text = path.read_text(encoding="utf-8") if path.exists() else f"{kind}:\n"
    head, found, tail = text.partition("\n" + LEGACY_MARKER + "\n")
    if not found and text.endswith(LEGACY_MARKER):
        head, found = text[: -len(LEGACY_MARKER) - 1], LEGACY_MARKER
    hand = (_load(head, path) or {}).get(kind) or []
    imported = (_load(f"{kind}:\n{tail}", path) or {}).get(kind) or [] if found else []
    own = path.with_name(IMPORTED[kind])
    if own.exists():
        imported = ((_load(own.read_text(encoding="utf-8"), own) or {}).get(kind) or []) + imported
    return (head.rstrip("\n") + "\n" if found else text), hand, imported


def join(records: list[dict], kind: str) -> str:
    """The imported file's text."""
    return f"{kind}:\n" + dump_records(records, kind) if records else f"{kind}: []\n"


class WriteFailed(Exception):
    """Writing data/ failed: the message says exactly which files changed (none, when putting back worked)."""


def _keep(path: Path, backup: Path) -> None:
    """The file as it was, beside it: a hard link (no space needed, and putting it back is one rename)."""
    try:
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)  # a file system without hard links


def _remove(paths) -> None:
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def write_together(folder: Path, texts: dict[str, str]) -> None:
    """Every file or none. Each is written whole to a temporary beside it; then all are renamed into place in
    the order given (the caller puts the snapshot last). If a rename fails, or the import is stopped part-way,
    the files already renamed are put back. `texts`: path under `folder` -> the file's text."""
    staged: list[tuple[str, Path, Path, Path | None]] = []  # (name, file, temporary, the file as it was)
    try:
        for name, text in texts.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            backup = path.with_name(path.name + ".before-import") if path.exists() else None
            staged.append((name, path, path.with_name(path.name + ".importing"), backup))
            staged[-1][2].write_text(text, encoding="utf-8")
            if backup:
                _remove([backup])  # left by an import that could not put a file back: git has the file
                _keep(path, backup)
    except BaseException as error:  # nothing renamed yet: clearing up is all there is to do
        _remove(p for _, _, temporary, backup in staged for p in (temporary, backup) if p)
        if not isinstance(error, OSError):
            raise
        raise WriteFailed(f"data/{name} could not be written ({error.strerror or error}). Nothing in data/ was "
                          "changed.") from None
    renamed: list[tuple[str, Path, Path | None]] = []
    try:
        for name, path, temporary, backup in staged:
            os.replace(temporary, path)
            renamed.append((name, path, backup))
    except BaseException as error:  # a failed rename, or Ctrl+C between two: put back what was renamed
        stuck = _put_back(renamed)
        _remove(p for n, _, temporary, backup in staged for p in (temporary, backup) if p and n not in stuck)
        why = (f"data/{name} could not be written ({error.strerror or error})." if isinstance(error, OSError)
               else "The import was stopped while writing data/.")
        if stuck:
            raise WriteFailed(f"{why} Putting back the files already written failed too. Changed by this import: "
                              f"{', '.join(f'data/{n}' for n in stuck)} (each as it was: beside it, ending "
                              ".before-import). Every other file is as it was. Put data/ back as it was committed "
                              "with `git checkout -- data/`, then run the import again.") from None
        if not isinstance(error, OSError):
            raise
        raise WriteFailed(f"{why} Nothing in data/ was changed.") from None
    _remove(backup for _, _, backup in renamed if backup)


def _put_back(renamed: list[tuple[str, Path, Path | None]]) -> list[str]:
    """Each renamed file as it was (removed, if it was new); the names of those that could not be put back."""
    stuck = []
    for name, path, backup in reversed(renamed):
        try:
            if backup:
                os.replace(backup, path)
            else:
                path.unlink()
        except OSError:
            stuck.append(name)
    return sorted(stuck)


def changed_files(folder: Path, texts: dict[str, str]) -> list[str]:
    """The names whose text differs from the file's now (or that do not exist yet)."""
    def current(path: Path) -> str | None:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, ValueError):
            return None
    return [name for name, text in texts.items() if current(folder / name) != text]


def read_snapshot(data_dir: Path) -> dict:
    path = data_dir / SNAPSHOT
    if not path.exists():
        return {"source": None, "services": {}, "organisations": {}}
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(found, dict) or not all(isinstance(found.get(k, {}), dict)
                                                  for k in ("services", "organisations")):
            raise ValueError("not the import's snapshot")
    except (ValueError, RecursionError) as error:  # a merge conflict, a hand edit, a damaged file
        raise ProblemsFound([Problem(
            code="IMPORT_SNAPSHOT_UNREADABLE", file=f"data/{SNAPSHOT}", line=None, field="",
            message=f"The last import's record could not be read ({str(error)[:80]}).",
            fix=f"Put it back as it was committed: git checkout -- data/{SNAPSHOT}")]) from None
    return found


def snapshot_text(source: str, services: dict[str, dict], organisations: dict[str, dict]) -> str:
    return json.dumps(as_data({"source": source, "services": services, "organisations": organisations}),
                      ensure_ascii=False, indent=1, sort_keys=True) + "\n"
