"""Read YAML and remember which line each value came from.

Editors fix errors by line number, so every loader keeps a map from a field's
path (for example ("contacts", 0, "phone")) to the line it is written on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Hashable
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


SHALLOW = 2  # lines of fields down to this depth are kept; deeper ones are found again when a message needs one


@dataclass
class Located:
    """Parsed YAML plus the line of every field in it.

    A directory of 50,000 services has millions of fields: keeping PyYAML's node tree, or a line for every
    field, would take more memory than the rest of the build. So the data is built straight from the parser's
    events, the lines of the top two levels are kept (each service in services.yaml, say), and the line of a
    field inside one of those is found, when a message asks for it, by parsing that part of the file alone."""

    data: Any
    file: str
    lines: dict[FieldPath, int] = field(default_factory=dict)  # 1-based, down to SHALLOW
    line_offset: int = 0
    text: str = field(default="", repr=False)
    parts: dict[FieldPath, tuple[int, int, int, int]] = field(default_factory=dict, repr=False)  # start, end, line, column
    _deeper: dict[FieldPath, dict[FieldPath, int]] = field(default_factory=dict, repr=False)

    def line(self, path: FieldPath) -> int | None:
        """The line of a field, or of its nearest written parent when it is missing."""
        path = tuple(path)
        lines = self._lines_within(path[:SHALLOW]) if len(path) > SHALLOW else self.lines
        while path:
            if path in lines:
                return lines[path] + self.line_offset
            if path in self.lines:
                return self.lines[path] + self.line_offset
            path = path[:-1]
        return self.lines.get((), 0) + self.line_offset or None

    def _lines_within(self, top: FieldPath) -> dict[FieldPath, int]:
        if top not in self._deeper:
            self._deeper[top] = {}
            if top in self.parts:
                start, end, line, column = self.parts[top]
                # Indented as in the file, so the part parses as it did there.
                node = yaml.compose(" " * column + self.text[start:end], Loader=LOADER)
                if node is not None:
                    _walk(node, top, self._deeper[top], first_line=line)
        return self._deeper[top]


def _walk(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], first_line: int = 0) -> None:
    lines[path] = node.start_mark.line + 1 + first_line
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            _walk(value, child, lines, first_line)
            lines[child] = key.start_mark.line + 1 + first_line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, first_line)


class _Builder:
    """Python values from the parser's events, as PyYAML's safe loader makes them from its nodes (the same
    tags and constructors), keeping lines and the place of each part down to SHALLOW."""

    def __init__(self, loader) -> None:
        self.loader = loader
        self.lines: dict[FieldPath, int] = {}
        self.parts: dict[FieldPath, tuple[int, int, int, int]] = {}
        self.anchors: dict[str, Any] = {}

    def document(self) -> Any:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        first = loader.get_event()  # document start
        data = self.value(())
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            raise yaml.composer.ComposerError("expected a single document in the stream", first.start_mark,
                                              "but found another document", loader.get_event().start_mark)
        return data

    def value(self, path: FieldPath) -> Any:
        loader, event = self.loader, self.loader.get_event()
        shallow = len(path) <= SHALLOW
        if shallow:
            self.lines.setdefault(path, event.start_mark.line + 1)
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
            return self.anchors[event.anchor]
        if isinstance(event, yaml.ScalarEvent):
            tag = event.tag if event.tag not in (None, "!") else loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            value = loader.construct_object(node)
            loader.constructed_objects.clear()  # PyYAML keeps every node it made a value from, until told
            end = event.end_mark
        else:
            collection = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
            default = loader.resolve(collection, None, True)
            if event.tag not in (None, "!", default):
                raise yaml.constructor.ConstructorError(None, None, f"this file may not use the tag {event.tag!r}",
                                                        event.start_mark)
            value = self.sequence(path) if collection is yaml.SequenceNode else self.mapping(path)
            end = loader.get_event().end_mark
        if event.anchor is not None:
            self.anchors[event.anchor] = value
        if len(path) == SHALLOW:
            self.parts[path] = (event.start_mark.index, end.index, event.start_mark.line, event.start_mark.column)
        return value

    def sequence(self, path: FieldPath) -> list:
        items = []
        while not self.loader.check_event(yaml.SequenceEndEvent):
            items.append(self.value(path + (len(items),)))
        return items

    def mapping(self, path: FieldPath) -> dict:
        mapping = {}
        while not self.loader.check_event(yaml.MappingEndEvent):
            mark = self.loader.peek_event().start_mark
            key = self.value(path + ("<key>",))
            self.lines.pop(path + ("<key>",), None)
            self.parts.pop(path + ("<key>",), None)
            if key == "<<" or not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(None, None, "this kind of key is not allowed here", mark)
            child = path + (key,)
            mapping[key] = self.value(child)
            if len(child) <= SHALLOW:
                self.lines[child] = mark.line + 1
        return mapping


def parse(text: str, file: str, line_offset: int = 0) -> Located:
    """Parse YAML text; a syntax error becomes a Problem that points at its line."""
    loader = LOADER(text)
    builder = _Builder(loader)
    try:
        data = builder.document()
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
    return Located(data=data, file=file, lines=builder.lines, line_offset=line_offset, text=text, parts=builder.parts)


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
