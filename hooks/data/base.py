"""The base every data model shares: unknown fields are errors, and checked data cannot change."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    # Unknown fields are usually typos ("phnoe:"), so they are errors, not silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class DataFile(Strict):
    """A whole file in data/. UNIQUE lists (list, key, error code): no two items of the list share the key."""

    UNIQUE: ClassVar[tuple[tuple[str, str, str], ...]] = ()
