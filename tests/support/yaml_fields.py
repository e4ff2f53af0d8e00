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
    """Take the field (a key and its value, on lines of their own) out of the file."""
    text = path.read_text(encoding="utf-8")
    key, node = _nodes(text, place)
    lines = text.splitlines(keepends=True)
    del lines[key.start_mark.line:node.end_mark.line + (node.end_mark.column > 0)]
    path.write_text("".join(lines), encoding="utf-8")
