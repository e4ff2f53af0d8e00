"""A pydantic model's fields as Decap CMS form fields, so a field added to a model appears in the editor.

Each field's kind comes from its type in hooks/data/fields.py (the same Annotated types the build checks with);
a form pattern refuses what the build would refuse, with the build's own words (site_data.fix_for).
"""

from __future__ import annotations

import types
import typing
from datetime import date
from typing import Annotated, Any, Literal, Mapping, Union

from pydantic import BaseModel

from carers_hub.data import fields as kinds
from carers_hub.core.described import about_of
from carers_hub.data.site_data import EXAMPLES, fix_for

# A date is pydantic's own type, not one of fields.py's: its form pattern is here.
DATE_FORM = kinds.FormPattern(r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", "DATE_INVALID")
LONG_TEXT = {"description", "purpose", "eligibility", "note", "definition", "summary", "access_note", "accessibility"}


def form_pattern(kind: Any, metadata: list = ()) -> kinds.FormPattern | None:
    """The FormPattern of a field's type: in its Annotated parts, or in the field's metadata, where pydantic puts
    them for a field that is not optional (coupling point "form patterns")."""
    parts = [*typing.get_args(kind)[1:], *metadata] if typing.get_origin(kind) is Annotated else list(metadata)
    found = [p for p in parts if isinstance(p, kinds.FormPattern)]
    return found[-1] if found else DATE_FORM if kind is date else None


def pattern_for(kind: Any, name: str, metadata: list = ()) -> list[str] | None:
    """[regex, message]: Decap shows "<Label> didn't match the pattern: <message>." under a field whose value does
    not match. The message is the build's fix for the same mistake, without its full stop (the CMS adds one)."""
    found = form_pattern(kind, metadata)
    return [found.regex, fix_for(found.code, name).removesuffix(".")] if found else None


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the type without `| None`, whether None is allowed)."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (inner[0] if len(inner) == 1 else annotation), len(inner) < len(typing.get_args(annotation))
    return annotation, False


def label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def hint(name: str, info, choices_from: str | None) -> str | None:
    about = about_of(info)
    if about:
        return f"{about.hint} For example: {about.example}."
    parts = [info.description] if info.description else []
    if choices_from:
        parts.append(f"The list comes from {choices_from}.")
    elif name in EXAMPLES and not info.description and not EXAMPLES[name].startswith(("{", "[")):
        parts.append("For example: " + EXAMPLES[name].strip('"').rstrip(".") + ".")
    return " ".join(parts) or None


def _options(values: tuple, about) -> list:
    """A select's options: labelled with the words carers read, where the field's About gives them."""
    if about and about.choices:
        return [{"label": f"{about.choices[v]} ({v})", "value": v} for v in values]
    return list(values)


def form_field(name: str, info, choices: Mapping[str, tuple[list[dict], str]]) -> dict:
    """One model field as a Decap field. choices: field name -> (options, the data file they come from)."""
    kind, optional = _unwrap(info.annotation)
    about = about_of(info)
    field: dict[str, Any] = {"name": name, "label": about.label if about else label(name)}
    if optional or not info.is_required():
        field["required"] = False
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    item = args[0] if origin is list and args else None
    if name in choices:
        options, source = choices[name]
        field.update(widget="select", options=options, multiple=origin is list)
    elif origin is Literal:
        field.update(widget="select", options=_options(args, about))
    elif kind is bool:
        field["widget"] = "boolean"
    elif kind in (int, float):
        field.update(widget="number", value_type="int" if kind is int else "float")
    elif isinstance(kind, type) and issubclass(kind, BaseModel):
        inner = model_fields(kind, choices)
        if field.get("required") is False:
            # The CMS checks an optional group's required fields even when the group is left out, which would
            # refuse every page without one: here they are optional, and the build still checks a group given.
            inner = [{**f, "required": False} for f in inner]
        field.update(widget="object", collapsed=True, fields=inner)
    elif origin is list and isinstance(item, type) and issubclass(item, BaseModel):
        field.update(widget="list", collapsed=True, fields=model_fields(item, choices),
                     summary="{{fields.%s}}" % next(iter(item.model_fields)))
    elif origin is list and typing.get_origin(item) is Literal:
        field.update(widget="select", options=_options(typing.get_args(item), about), multiple=True)
    elif origin is list:
        field.update(widget="list")  # plain words, one an item
    else:
        field["widget"] = "text" if name in LONG_TEXT else "string"
        pattern = pattern_for(kind, name, info.metadata)
        if pattern:
            field["pattern"] = pattern
    if info.default not in (None, [], ...) and not isinstance(info.default, BaseModel) and "default" not in field:
        if isinstance(info.default, (str, bool, int, float)):
            field["default"] = info.default
    words = hint(name, info, choices[name][1] if name in choices else None)
    if words:
        field["hint"] = words
    return field


def key_order(model: type[BaseModel]) -> dict:
    """The order the editor writes a record's keys in: the model's fields, and so on for its groups and lists of
    groups ({"keys": [...], "children": {field: ...}}, read by js/order.js)."""
    children = {}
    for name, info in model.model_fields.items():
        kind, _ = _unwrap(info.annotation)
        args = typing.get_args(kind)
        inner = args[0] if typing.get_origin(kind) is list and args else kind
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            children[name] = key_order(inner)
    return {"keys": list(model.model_fields), "children": children}


def model_fields(model: type[BaseModel], choices: Mapping[str, tuple[list[dict], str]] = {}) -> list[dict]:
    """Every field of a model, in the model's order."""
    return [form_field(name, info, choices) for name, info in model.model_fields.items()]

