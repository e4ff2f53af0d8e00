"""Read YAML and remember which line each value came from.

Editors fix errors by line number, so every loader keeps a map from a field's
path (for example ("contacts", 0, "phone")) to the line it is written on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hooks.core.problems import Problem, ProblemsFound

FieldPath = tuple[Any, ...]


class CoreLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (libyaml's parser when PyYAML has it: much faster on a large directory), reading
    true/false, numbers and nothing else the way YAML 1.2 does, as the browser editor (Decap CMS, whose YAML
    package follows 1.2) writes them. YAML 1.1 would read its unquoted closes: 17:00 as the number 1020 and
    a picture named yes as true. Guarded by tests/test_canonical_yaml.py."""


_BOOL, _INT, _FLOAT = ("tag:yaml.org,2002:" + kind for kind in ("bool", "int", "float"))
CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, rule) for tag, rule in rules if tag not in (_BOOL, _INT, _FLOAT)]
    for first, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()}
CoreLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
# No leading 0 (1.2 would read 0123 as 123, so the editor quotes it; 1.1 as octal): such a value stays text.
CoreLoader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
CoreLoader.add_implicit_resolver(
    _FLOAT, re.compile(r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
                       r"|\.(?:nan|NaN|NAN))$"), list("-+0123456789."))
LOADER = CoreLoader


def load_text(text: str) -> Any:
    """YAML text as data, read as every loader here reads it (CoreLoader)."""
    return yaml.load(text, Loader=LOADER)


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
