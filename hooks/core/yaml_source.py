"""Read YAML and remember which line each value came from.

Editors fix errors by line number, so every loader keeps a map from a field's
path (for example ("contacts", 0, "phone")) to the line it is written on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hooks.core.problems import Problem, ProblemsFound

FieldPath = tuple[Any, ...]
# libyaml's parser when PyYAML has it (much faster on a large directory); same results either way.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Located:
    """Parsed YAML plus the line of every field in it."""

    data: Any
    file: str
    lines: dict[FieldPath, int] = field(default_factory=dict)
    line_offset: int = 0

    def line(self, path: FieldPath) -> int | None:
        """The line of a field, or of its nearest written parent when it is missing."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path] + self.line_offset
            path = path[:-1]
        return self.lines.get((), 0) + self.line_offset or None


def _walk(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            _walk(value, child, lines)
            lines[child] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines)


def parse(text: str, file: str, line_offset: int = 0) -> Located:
    """Parse YAML text; a syntax error becomes a Problem that points at its line."""
    loader = LOADER(text)
    try:
        node = loader.get_single_node()  # one parse gives both the lines and the data
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 + line_offset if mark else None
        reason = getattr(error, "problem", None) or str(error)
        raise ProblemsFound([Problem(
            code="YAML_SYNTAX",
            file=file,
            line=line,
            field="",
            message=f"this is not valid YAML ({reason}).",
            fix="Check the line and the one above it: every 'name: value' pair needs a colon and a space, "
                "list items start with '- ', and indents must line up. Put text with a colon inside quotes.",
        )]) from None
    finally:
        loader.dispose()
    lines: dict[FieldPath, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return Located(data=data, file=file, lines=lines, line_offset=line_offset)


def load(path: Path, shown_as: str) -> Located:
    """Read a YAML file; `shown_as` is the path editors see in messages."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemsFound([Problem(
            code="DATA_FILE_MISSING", file=shown_as, line=None, field="",
            message="this file is missing.",
            fix="Put the file back (you can copy it from the shipped example) or check its name.",
        )]) from None
    return parse(text, shown_as)
