"""Read YAML as plain data and remember which line each value came from.

Editors fix errors by line number, so every loader keeps a map from a field's
path (for example ("contacts", 0, "phone")) to the line it is written on.

Plain data is what the browser editor writes: no anchors, aliases or merge keys (one alias can repeat another
until a small file holds billions of values), no key written twice (the second would silently win), nothing
nested deeper than MAX_DEPTH, and no file or page top block over its size limit. Each is refused as a Problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Hashable
from typing import Any

import yaml

from carers_hub.core.error_codes import ErrorCode
from carers_hub.core.problems import Problem, ProblemsFound

FieldPath = tuple[Any, ...]


class CoreLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (libyaml's parser when PyYAML has it: much faster on a large directory), reading
    true/false, numbers and nothing else the way YAML 1.2 does, as the browser editor (Decap CMS, whose YAML
    package follows 1.2) writes them. YAML 1.1 would read its unquoted closes: 17:00 as the number 1020 and
    a picture named yes as true. Guarded by tests/test_canonical_yaml.py."""


_BOOL, _INT, _FLOAT, _MERGE = ("tag:yaml.org,2002:" + kind for kind in ("bool", "int", "float", "merge"))
# A key << is text, as in YAML 1.2, not 1.1's merge: _Builder.mapping refuses it by name.
CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, rule) for tag, rule in rules if tag not in (_BOOL, _INT, _FLOAT, _MERGE)]
    for first, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()}
CoreLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
# No leading 0 (1.2 would read 0123 as 123, so the editor quotes it; 1.1 as octal): such a value stays text.
CoreLoader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
CoreLoader.add_implicit_resolver(
    _FLOAT, re.compile(r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
                       r"|\.(?:nan|NaN|NAN))$"), list("-+0123456789."))
LOADER = CoreLoader

MAX_DEPTH = 20  # lists and fields inside each other; the site's deepest is 6 (a service's opening days)


@dataclass(frozen=True)
class SizeLimit:
    """The most text one read may hold: the values are never more than the text, so this bounds them too."""
    most: int  # characters of text (bytes of a file not yet read)
    shown: str  # the same, as an editor reads it
    what: str
    fix: str


MAX_FILE_SIZE = 200_000_000  # 50,000 services (bench/synthetic.py) take 37 MB
MAX_FRONT_MATTER_SIZE = 64_000  # the example's largest page top block is 1.5 KB
DATA_FILE = SizeLimit(MAX_FILE_SIZE, "200 MB", "this file",
                      "Check this is the right file: the site's data files are far smaller (50,000 services take "
                      "about 40 MB). Remove what does not belong in it.")
FRONT_MATTER = SizeLimit(MAX_FRONT_MATTER_SIZE, "64 KB", "this page's top block (between the two '---' lines)",
                         "Keep only the page's details in the top block (title, description, owner, dates, "
                         "audience, sources). Long text belongs in the page, below the second '---' line.")


def load_text(text: str, file: str = "a YAML file", limit: SizeLimit = DATA_FILE) -> Any:
    """YAML text as data, by the same rules as parse (a Problem for anything but plain data), without lines."""
    return parse(text, file, limit=limit).data


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
        """The line of a field, or of its nearest written parent when it is missing (the first, in an empty file)."""
        path = tuple(path)
        lines = self._lines_within(path[:SHALLOW]) if len(path) > SHALLOW else self.lines
        while path:
            if path in lines:
                return lines[path] + self.line_offset
            if path in self.lines:
                return self.lines[path] + self.line_offset
            path = path[:-1]
        return self.lines.get((), 1) + self.line_offset  # an empty file: its first line

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


def last_name(path: FieldPath) -> str:
    """("contacts", 2, "phone") -> phone: the field's own name, with no place in a list."""
    return next((str(part) for part in reversed(path) if isinstance(part, str)), "")


def field_name(path: FieldPath) -> str:
    """("contacts", 2, "phone") -> contacts[2].phone"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_KEY = "<key>"  # in a path: the key of a mapping's next entry, while it is read



class NotPlainData(Exception):
    """Valid YAML that is not plain data: raised by _Builder, made a Problem by parse, which knows the file."""

    def __init__(self, code: str, line: int, path: FieldPath, message: str) -> None:
        super().__init__(message)
        self.code, self.line, self.message = code, line, message
        self.field = field_name(tuple(part for part in path if part != _KEY))

    def problem(self, file: str) -> Problem:
        return Problem(code=self.code, file=file, line=self.line, field=self.field, message=self.message,
                       fix=ErrorCode[self.code].fix)


def _alias(event: Any, line: int, path: FieldPath) -> NotPlainData:
    if isinstance(event, yaml.AliasEvent):
        said = f'"*{event.anchor}" repeats another part of the file (a YAML alias)'
    else:
        said = f'"&{event.anchor}" names this part so it can be repeated elsewhere (a YAML anchor)'
    return NotPlainData("YAML_ALIAS", line, path, said + ". The site's files are plain data: nothing in them "
                        "may repeat another part.")


class _Builder:
    """Python values from the parser's events, as PyYAML's safe loader makes them from its nodes (the same
    tags and constructors), keeping lines and the place of each part down to SHALLOW. Refuses what is not
    plain data (NotPlainData) as it comes: nothing is ever repeated, so the values are never more than the text."""

    def __init__(self, loader: Any, line_offset: int = 0) -> None:
        self.loader = loader
        self.line_offset = line_offset  # for the lines in a refusal's message
        self.lines: dict[FieldPath, int] = {}
        self.parts: dict[FieldPath, tuple[int, int, int, int]] = {}

    def line(self, mark: Any) -> int:
        """The line a refusal names, in the whole file."""
        return int(mark.line) + 1 + self.line_offset

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
        if event.anchor is not None:  # an alias (*name) or an anchor (&name) for one
            raise _alias(event, self.line(event.start_mark), path)
        if isinstance(event, yaml.ScalarEvent):
            tag = event.tag if event.tag not in (None, "!") else loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark,  # type: ignore[arg-type]
                                   style=event.style)  # (the stubs' Mark is PyYAML's Python one; libyaml's is the same shape)
            try:
                value = loader.construct_object(node)
            except (ValueError, TypeError, OverflowError) as error:  # 2026-02-30, !!int x: PyYAML raises these bare
                raise NotPlainData("YAML_VALUE_UNREADABLE", self.line(event.start_mark), path,
                                   f'"{event.value[:40]}" looks like a date or a number but is not one ({error}).')
            finally:
                loader.constructed_objects.clear()  # PyYAML keeps every node it made a value from, until told
            end: Any = event.end_mark
        else:
            if len(path) >= MAX_DEPTH:  # before a RecursionError: each level is two calls here
                raise NotPlainData("YAML_TOO_DEEP", self.line(event.start_mark), path,
                                   f"this is written more than {MAX_DEPTH} levels deep (lists and fields inside "
                                   "each other).")
            collection = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
            default = loader.resolve(collection, None, True)
            if event.tag not in (None, "!", default):
                raise yaml.constructor.ConstructorError(None, None, f"this file may not use the tag {event.tag!r}",
                                                        event.start_mark)
            value = self.sequence(path) if collection is yaml.SequenceNode else self.mapping(path)
            end = loader.get_event().end_mark
        if len(path) == SHALLOW:
            self.parts[path] = (event.start_mark.index, end.index, event.start_mark.line, event.start_mark.column)
        return value

    def sequence(self, path: FieldPath) -> list[Any]:
        items: list[Any] = []
        while not self.loader.check_event(yaml.SequenceEndEvent):
            items.append(self.value(path + (len(items),)))
        return items

    def mapping(self, path: FieldPath) -> dict[Any, Any]:
        mapping: dict[Any, Any] = {}
        key_marks: list[Any] = []  # of each key in mapping, in order: a key written twice names both lines
        while not self.loader.check_event(yaml.MappingEndEvent):
            mark = self.loader.peek_event().start_mark
            key = self.value(path + (_KEY,))
            self.lines.pop(path + (_KEY,), None)
            self.parts.pop(path + (_KEY,), None)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(None, None, "this kind of key is not allowed here", mark)
            child = path + (key,)
            if key == "<<":
                raise NotPlainData("YAML_MERGE_KEY", self.line(mark), path, "<< copies the fields of another part "
                                   "of the file here (a YAML merge key). The site's files are plain data: write "
                                   "them out.")
            if key in mapping:
                first, second = self.line(key_marks[list(mapping).index(key)]), self.line(mark)
                raise NotPlainData("YAML_DUPLICATE_KEY", second, child,
                                   f"{key} is written twice, on lines {first} and {second}: keep one.")
            key_marks.append(mark)
            mapping[key] = self.value(child)
            if len(child) <= SHALLOW:
                self.lines[child] = mark.line + 1
        return mapping


def too_large(file: str, limit: SizeLimit, line: int | None = None) -> ProblemsFound:
    return ProblemsFound([Problem(code="YAML_TOO_LARGE", file=file, line=line, field="",
                                  message=f"{limit.what} is more than {limit.shown}, the most the site reads.",
                                  fix=limit.fix)])


def parse(text: str, file: str, line_offset: int = 0, limit: SizeLimit = DATA_FILE) -> Located:
    """Parse YAML text as plain data; a syntax error, or YAML that is not plain data, becomes a Problem that
    points at its line."""
    if len(text) > limit.most:
        raise too_large(file, limit, line_offset or None)
    loader = LOADER(text)
    builder = _Builder(loader, line_offset)
    try:
        data = builder.document()
    except NotPlainData as refused:
        raise ProblemsFound([refused.problem(file)]) from None
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
        if path.stat().st_size > DATA_FILE.most:  # before it is read into memory
            raise too_large(shown_as, DATA_FILE)
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemsFound([Problem(
            code="DATA_FILE_MISSING", file=shown_as, line=None, field="",
            message="this file is missing.",
            fix="Put the file back (you can copy it from the shipped example) or check its name.",
        )]) from None
    return parse(text, shown_as)
