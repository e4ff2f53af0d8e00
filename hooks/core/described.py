"""What every part of the site needs to know about a field, said once, on the field itself.

A model field carries these objects in `Annotated[...]`: `About` (what editors and carers read: its label, hint,
an example, the labels of its choices, whether search finds it) and `Oruk` (where an Open Referral UK feed keeps
it, and the fixed table from the feed's words to the field's choices). The editor's form, the importer, the open
data, the service page's search text, the fixes in error messages and the handbook's list of fields read them
through `described()`, so a new field is its model line, the template that shows it and its data.

Pydantic keeps objects it does not know in FieldInfo.metadata (the coupling row in
docs/developers/how-it-works.md; tests/test_described.py guards it).
"""

from __future__ import annotations

import re
import typing
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any, Literal, Mapping, TypeVar

from pydantic import BaseModel
from pydantic.fields import FieldInfo


@dataclass(frozen=True)
class About:
    """A field as editors and carers meet it. choices: each allowed value -> the words a carer reads for it."""
    label: str  # the form's label and the page's words before the value
    hint: str  # under the form field, and in the handbook
    example: str  # as written in the YAML file: shown in the fix of an error message
    choices: Mapping[str, str] = field(default_factory=dict)
    search: bool = False  # search finds the service by the words of its value

    def words(self, value: Any) -> list[str]:
        """A value as carers read it: each choice's label, in the choices' order (however the data lists them),
        or the text itself."""
        values = value if isinstance(value, (list, tuple)) else [] if value is None else [value]
        if self.choices:
            return [label for choice, label in self.choices.items() if choice in values]
        return [str(v) for v in values]


@dataclass(frozen=True)
class Oruk:
    """Where Open Referral UK keeps a field. read: paths in a feed's service record ("a[].b" is b in each item of
    the list a), in HSDS-UK 3.0 and the older v1 shape; write: paths in the open data, the first the service's
    own key. values: a feed's words (compared in small letters, with - and _ as spaces) -> one of our choices; the
    choices' own labels are accepted too. Nothing else passes: a feed's other words are dropped with a note."""
    read: tuple[str, ...]
    write: tuple[str, ...]
    values: Mapping[str, str] = field(default_factory=dict)
    separators: str = r"[,;/|]"  # a feed may list several in one value: "Phone, Online"


@dataclass(frozen=True)
class Described:
    name: str
    info: FieldInfo
    about: About
    oruk: Oruk | None


Kind = TypeVar("Kind")


def _first(metadata: list[Any], kind: type[Kind]) -> Kind | None:
    return next((item for item in metadata if isinstance(item, kind)), None)


def about_of(info: FieldInfo) -> About | None:
    return _first(info.metadata, About)


def _about(record: BaseModel, name: str) -> About:
    """A described field's About (a template naming a field without one is the generator's mistake)."""
    about = about_of(type(record).model_fields[name])
    if about is None:
        raise LookupError(f"{type(record).__name__}.{name} has no About")
    return about


@lru_cache(maxsize=None)
def described(model: type[BaseModel]) -> tuple[Described, ...]:
    """The model's fields that carry an About, in the model's order (read once a model: every record asks)."""
    found = []
    for name, info in model.model_fields.items():
        about = _first(info.metadata, About)
        if about is not None:
            oruk = _first(info.metadata, Oruk)
            if oruk is not None and oruk.values and not allowed(info):
                # The table maps a feed's words to choices: the generator's mistake, found at first use.
                raise TypeError(f"{model.__name__}.{name}: Oruk.values needs a field of fixed choices (Literal)")
            found.append(Described(name, info, about, oruk))
    return tuple(found)


def field_label(record: BaseModel, name: str) -> str:
    """A field's label, as carers read it (templates: `service | field_label("name")`)."""
    return _about(record, name).label


def field_words(record: BaseModel, name: str) -> list[str]:
    """A field's value as carers read it (templates: `service | field_words("name")`)."""
    return _about(record, name).words(getattr(record, name))


def search_words(record: BaseModel) -> list[str]:
    """What search knows of a record from its fields marked search=True: "How you can use it: By phone."."""
    return [f"{kept.about.label}: {', '.join(words)}." for kept in described(type(record))
            if kept.about.search and (words := kept.about.words(getattr(record, kept.name)))]


def open_data(record: BaseModel, out: dict[str, Any]) -> dict[str, Any]:
    """Write each described field that has a place in Open Referral UK into an open data record (before its
    empty fields are dropped), as the words carers read, joined: "In person, By phone"."""
    for kept in described(type(record)):
        words = kept.about.words(getattr(record, kept.name))
        if kept.oruk and words:
            for path in kept.oruk.write:
                write_path(out, path, ", ".join(words))
    return out


def allowed(info: FieldInfo) -> tuple[str, ...]:
    """The values a field of fixed choices accepts, from its type (Literal, list[Literal], either `| None`)."""
    kinds = [info.annotation]
    while kinds:
        kind = kinds.pop()
        if typing.get_origin(kind) is Literal:
            return tuple(typing.get_args(kind))
        kinds += [a for a in typing.get_args(kind) if a is not type(None)]
    return ()


def key(words: str) -> str:
    return " ".join(re.sub(r"[-_]", " ", words).lower().split())


def feed_choices(field_: Described, raw: list[str]) -> tuple[list[str], list[str]]:
    """(our choices, in their order, the feed's words that match none): only the fixed table decides."""
    oruk = field_.oruk or Oruk(read=(), write=())
    table = {**{key(label): value for value, label in field_.about.choices.items()},
             **{key(value): value for value in allowed(field_.info)},
             **{key(words): value for words, value in oruk.values.items()}}
    chosen: set[str] = set()
    unknown: list[str] = []
    for value in raw:
        for part in re.split(oruk.separators, value):
            if not part.strip():
                continue
            if key(part) in table:
                chosen.add(table[key(part)])
            elif part.strip() not in unknown:
                unknown.append(part.strip())
    order = allowed(field_.info)
    return sorted(chosen, key=order.index), unknown


def read_path(record: Any, path: str) -> list[Any]:
    """The values at a path in a feed record ("service_at_locations[].location.name")."""
    found = [record]
    for step in path.split("."):
        many = step.endswith("[]")
        name = step.removesuffix("[]")
        values = [item.get(name) for item in found if isinstance(item, dict)]
        found = [v for value in values for v in (value if isinstance(value, list) else [])] if many else values
    return [value for value in found if value is not None]


def write_path(record: dict[str, Any], path: str, value: Any) -> None:
    """Set a value at a path in an open data record ("schedules[].notes": in each schedule); where a
    dict or list on the way is missing, nothing is written there."""
    *steps, last = path.split(".")
    targets: list[dict[str, Any]] = [record]
    for step in steps:
        children = [target.get(step.removesuffix("[]")) for target in targets]
        if step.endswith("[]"):
            children = [item for child in children if isinstance(child, list) for item in child]
        targets = [child for child in children if isinstance(child, dict)]
    for target in targets:
        target[last] = value
