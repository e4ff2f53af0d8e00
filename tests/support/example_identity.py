"""Where the tests name the example's identity (the City of London's names, its area, its colours): only in its
own checks, the tests marked `example`, and in helpers only those tests use. Anywhere else the test would fail on
another council's site, or pass only because of the example's words."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml


def identity(site_yaml: Path) -> set[str]:
    """The example's names and colours, from its data/site.yaml, as they could be written in a test."""
    site = yaml.safe_load(site_yaml.read_text(encoding="utf-8"))
    words = [site["site"]["name"], site["council"]["name"], site["council"]["short_name"], site["council"]["area"],
             *site["colours"].values()]
    return {str(word).strip() for word in words if str(word).strip()}


def _is_example_mark(node: ast.expr) -> bool:
    """pytest.mark.example, called or not, or a list or tuple holding it (a module's or class's pytestmark)."""
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_is_example_mark(item) for item in node.elts)
    if isinstance(node, ast.Call):
        node = node.func
    return isinstance(node, ast.Attribute) and node.attr == "example" and ast.unparse(node.value).endswith("mark")


def _pytestmark(body: list[ast.stmt]) -> bool:
    return any(isinstance(s, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in s.targets)
               and _is_example_mark(s.value) for s in body)


def _marked(node: ast.AST) -> bool:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return any(_is_example_mark(d) for d in node.decorator_list) or (
            isinstance(node, ast.ClassDef) and _pytestmark(node.body))
    return False


def _names(unit: ast.stmt) -> set[str]:
    """The names a top-level statement defines: a function's or class's, or an assignment's targets."""
    if isinstance(unit, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {unit.name}
    targets = unit.targets if isinstance(unit, ast.Assign) else [getattr(unit, "target", None)]
    return {n.id for t in targets if t is not None for n in ast.walk(t) if isinstance(n, ast.Name)}


def _uses(unit: ast.stmt) -> set[str]:
    """The names a top-level statement reads, and the fixtures its functions take by argument."""
    used = {n.id for n in ast.walk(unit) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return used | {a.arg for n in ast.walk(unit) if isinstance(n, ast.arguments)
                   for a in [*n.posonlyargs, *n.args, *n.kwonlyargs]}


def _example_only(units: list[ast.stmt]) -> set[int]:
    """Indexes of the top-level statements that are the example's own: marked tests and classes, and helpers
    (functions, fixtures, constants) used only by those, found until nothing changes."""
    own = {i for i, unit in enumerate(units) if _marked(unit)}
    names = [_names(unit) for unit in units]
    uses = [_uses(unit) for unit in units]
    changed = True
    while changed:
        changed = False
        for i, defined in enumerate(names):
            if i in own or not defined or isinstance(units[i], ast.Expr):
                continue
            users = [j for j in range(len(units)) if j != i and defined & uses[j]]
            if users and all(j in own for j in users):
                own.add(i)
                changed = True
    return own


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of docstrings: they describe a test, they assert nothing."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _inside_marked(node: ast.AST, unit: ast.stmt) -> bool:
    """A constant inside a marked method or function nested in an unmarked top-level statement."""
    return any(_marked(inner) and any(child is node for child in ast.walk(inner)) for inner in ast.walk(unit)
               if inner is not unit)


def offenders(source: str, shown: str, words: set[str]) -> list[str]:
    """file:line of each string constant naming one of `words` outside the example's own checks."""
    tree = ast.parse(source)
    if _pytestmark(tree.body):
        return []
    lowered = {w.casefold() for w in words}
    skip = _docstrings(tree)
    own = _example_only(tree.body)
    found = []
    for index, unit in enumerate(tree.body):
        if index in own:
            continue
        for node in ast.walk(unit):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                    and any(w in node.value.casefold() for w in lowered) and not _inside_marked(node, unit)):
                found.append(f"{shown}:{node.lineno}")
    return sorted(set(found), key=lambda place: int(place.rsplit(":", 1)[1]))
