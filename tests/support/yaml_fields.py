"""A field of a site's YAML file found by its place (keys and list indexes), to read its line or change its value
in the file's own text: tests break whatever the site under test holds there, not a value they know by heart.
Lines come from PyYAML's own reading, not the generator's, so a test still checks the line the generator names."""

from __future__ import annotations

from pathlib import Path

import yaml


def _nodes(text: str, place: tuple) -> tuple[yaml.Node, yaml.Node]:
    """The key node and value node at `place` (str keys, int list indexes)."""
    key, node = None, yaml.compose(text)
    for step in place:
        if isinstance(step, int):
            key, node = node, node.value[step]
        else:
            key, node = next((k, v) for k, v in node.value if k.value == step)
    return key, node


def value(path: Path, *place) -> str:
    """The field's value as written (a scalar)."""
    return _nodes(path.read_text(encoding="utf-8"), place)[1].value


def line(path: Path, *place) -> int:
    """The line (from 1) of the field's key."""
    return _nodes(path.read_text(encoding="utf-8"), place)[0].start_mark.line + 1


def set_value(path: Path, place: tuple, new: str) -> int:
    """Write the YAML text `new` in place of the field's value; returns the field's line."""
    text = path.read_text(encoding="utf-8")
    key, node = _nodes(text, place)
    path.write_text(text[:node.start_mark.index] + new + text[node.end_mark.index:], encoding="utf-8")
    return key.start_mark.line + 1


def drop(path: Path, *place) -> None:
    """Take the field (a key and its value, on lines of their own) out of the file: the key's line and every
    line under it indented further (or, for a list, its items at the key's own indent)."""
    text = path.read_text(encoding="utf-8")
    key, node = _nodes(text, place)
    lines = text.splitlines(keepends=True)
    start = end = key.start_mark.line
    column = key.start_mark.column
    end += 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) > column
                                or isinstance(node, yaml.SequenceNode) and lines[end][column:].startswith("- ")):
        end += 1
    del lines[start:end]
    path.write_text("".join(lines), encoding="utf-8")


def add(path: Path, place: tuple, key: str, new: str) -> int:
    """Write `key: new` (YAML on one line) into the mapping at `place`, after its first field; returns its line."""
    text = path.read_text(encoding="utf-8")
    first_key, first_value = _nodes(text, place)[1].value[0]
    after = first_value.end_mark.line + (first_value.end_mark.column > 0)
    lines = text.splitlines(keepends=True)
    lines.insert(after, f"{' ' * first_key.start_mark.column}{key}: {new}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return after + 1


class _NoAliases(yaml.SafeDumper):
    """Each item written out in full, even one sharing values with another: data files have no anchors or
    aliases (refused: YAML_ALIAS)."""

    def ignore_aliases(self, data) -> bool:
        return True


def rewritten(path: Path, change) -> None:
    """Read a data file as the build reads it (17:00 is a time, not 1020), let change(data) alter it, and write it
    out again whole, each value written out in full (the build refuses YAML's & and * shortcuts)."""
    from carers_hub.core.yaml_source import load_text

    data = load_text(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=2 ** 30),
                    encoding="utf-8")


def like_first(path: Path, key: str, *changes: dict) -> None:
    """Add to the list `key` one item per `changes`: a copy of its first item with those fields changed (a value
    None leaves the field out). The file is written out again whole."""
    def add_copies(data: dict) -> None:
        for change in changes:
            item = {**data[key][0], **change}
            data[key].append({name: value for name, value in item.items() if value is not None})

    rewritten(path, add_copies)
