"""GitHub Actions expressions (`${{ ... }}` and `if:`), the part of the language the workflow uses.

Literals ('text', numbers, true, false, null), context paths (github.event.pull_request.head.sha,
steps.changes.outputs.kind), == and != (strings compared ignoring case, as GitHub does), !, && and || (which
return an operand, as GitHub's do), brackets, the status functions and hashFiles(). Anything else is refused
with ExpressionError, so a workflow the replay cannot read fails loudly rather than being guessed at.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Callable, Mapping

TOKEN = re.compile(r"\s*(?:(==|!=|&&|\|\||[!(),])|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w\-]*(?:\.[\w\-]+)*))")
STATUS = ("success", "failure", "always", "cancelled")
EMBEDDED = re.compile(r"\$\{\{(.*?)\}\}", re.S)


class ExpressionError(ValueError):
    pass


def tokens(text: str) -> list[tuple[str, Any]]:
    found, at = [], 0
    while at < len(text.rstrip()):
        match = TOKEN.match(text, at)
        if not match:
            raise ExpressionError(f"cannot read {text[at:]!r} in the expression {text!r}")
        op, string, number, name = match.groups()
        found.append(("op", op) if op else ("str", string.replace("''", "'")) if string is not None
                     else ("num", float(number)) if number else ("name", name))
        at = match.end()
    return found


class Evaluator:
    """Evaluates one expression against `context` (github, steps, env ...) and the job's status so far."""

    def __init__(self, context: Mapping[str, Any], failed: bool, workspace: Path | None = None):
        self.context, self.failed, self.workspace = context, failed, workspace
        self.functions: dict[str, Callable[..., Any]] = {
            "success": lambda: not failed, "failure": lambda: failed, "always": lambda: True,
            "cancelled": lambda: False, "hashFiles": self.hash_files}

    def evaluate(self, text: str) -> Any:
        self.items, self.at = tokens(text), 0
        value = self.either()
        if self.at != len(self.items):
            raise ExpressionError(f"unexpected {self.items[self.at][1]!r} in {text!r}")
        return value

    def peek(self) -> tuple[str, Any] | None:
        return self.items[self.at] if self.at < len(self.items) else None

    def take(self, op: str | None = None) -> tuple[str, Any]:
        item = self.peek()
        if item is None or (op and item != ("op", op)):
            raise ExpressionError(f"expected {op or 'a value'}, found {item[1] if item else 'the end'}")
        self.at += 1
        return item

    def either(self) -> Any:
        value = self.both()
        while self.peek() == ("op", "||"):
            self.take()
            right = self.both()
            value = value if truthy(value) else right
        return value

    def both(self) -> Any:
        value = self.compare()
        while self.peek() == ("op", "&&"):
            self.take()
            right = self.compare()
            value = right if truthy(value) else value
        return value

    def compare(self) -> Any:
        left = self.unary()
        if self.peek() in (("op", "=="), ("op", "!=")):
            op = self.take()[1]
            same = equal(left, self.unary())
            return same if op == "==" else not same
        return left

    def unary(self) -> Any:
        if self.peek() == ("op", "!"):
            self.take()
            return not truthy(self.unary())
        return self.primary()

    def primary(self) -> Any:
        kind, value = self.take()
        if (kind, value) == ("op", "("):
            inner = self.either()
            self.take(")")
            return inner
        if kind in ("str", "num"):
            return value
        if kind != "name":
            raise ExpressionError(f"unexpected {value!r}")
        if value in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[value]
        if self.peek() == ("op", "("):
            return self.call(value)
        return lookup(self.context, value)

    def call(self, name: str) -> Any:
        if name not in self.functions:
            raise ExpressionError(f"the replay does not know the function {name}()")
        self.take("(")
        args = []
        while self.peek() != ("op", ")"):
            args.append(self.either())
            if self.peek() == ("op", ","):
                self.take()
        self.take(")")
        return self.functions[name](*args)

    def hash_files(self, *patterns: str) -> str:
        """GitHub's hashFiles(): the SHA-256 of the SHA-256 of each matching file, in path order ('' if none)."""
        root = self.workspace or Path.cwd()
        files = sorted({p for pattern in patterns for p in root.glob(pattern) if p.is_file()})
        if not files:
            return ""
        outer = hashlib.sha256()
        for path in files:
            outer.update(hashlib.sha256(path.read_bytes()).digest())
        return outer.hexdigest()


def lookup(context: Mapping[str, Any], path: str) -> Any:
    """A context path such as github.event.pull_request.head.sha; null (None) where any part is missing."""
    value: Any = context
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def truthy(value: Any) -> bool:
    return value not in (None, False, 0, 0.0, "")


def equal(left: Any, right: Any) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        return left.casefold() == right.casefold()
    return left == right


def as_text(value: Any) -> str:
    """A value as GitHub writes it into a string: null as '', booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def condition(text: Any, evaluator: Evaluator) -> bool:
    """An `if:`: true when absent; wrapped in success() && (...) unless it names a status function, as GitHub does."""
    if text is None or isinstance(text, bool):
        return evaluator.evaluate("success()") if text is None else text
    inner = EMBEDDED.fullmatch(text.strip())
    text = inner.group(1) if inner else text
    if not any(f"{name}(" in text for name in STATUS):
        text = f"success() && ({text})"
    return truthy(evaluator.evaluate(text))


def substitute(text: Any, evaluator: Evaluator) -> Any:
    """Every ${{ ... }} in a string replaced by its value; other values as they are."""
    if not isinstance(text, str):
        return text
    return EMBEDDED.sub(lambda m: as_text(evaluator.evaluate(m.group(1))), text)
