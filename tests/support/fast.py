"""Which tests `make test-fast` leaves out, found from what each test uses rather than from a list to keep up:

- browser: it uses the `browser` or `page` fixture (headless Chromium), or is marked so;
- whole_site: it, a fixture it uses or a helper of its module builds or serves a site of its own, or it is
  marked so;
- built_site: it reads the example site conftest builds once for the session (`built_site`, `site_url`).
A build takes about a minute on two cores, so the fast run leaves out all three and builds nothing.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from functools import lru_cache

BROWSER_FIXTURES = {"browser", "page"}
SHARED_BUILD = {"built_site", "site_url"}  # conftest's session build
BUILDERS = {"build", "run_report", "build_on", "make_site", "start_preview"}  # helpers that build or serve a site
# in a command
COMMANDS = ("mkdocs", "properdocs", "carers_hub.tools.check", "carers_hub.tools.pr_report", "carers_hub.tools.edit")


@lru_cache(maxsize=None)
def _parsed(module) -> dict[str, ast.AST]:
    tree = ast.parse(inspect.getsource(module))
    return {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


def _builds(node: ast.AST, helpers: dict[str, ast.AST], seen: set[str]) -> bool:
    for child in ast.walk(node):
        if isinstance(child, (ast.List, ast.Tuple)) and any(  # a command line, as subprocess takes it
                isinstance(part, ast.Constant) and part.value in COMMANDS for part in child.elts):
            return True
        if isinstance(child, ast.Call):
            name = child.func.id if isinstance(child.func, ast.Name) else getattr(child.func, "attr", None)
            if name in BUILDERS:
                return True
            if name in helpers and name not in seen:
                seen.add(name)
                if _builds(helpers[name], helpers, seen):
                    return True
    return False


def function_builds(function) -> bool:
    """Whether `function` (or a helper of its module it calls) builds or serves a site."""
    try:
        return _function_builds(inspect.unwrap(function))
    except TypeError:  # not hashable: not cached
        return _function_builds.__wrapped__(inspect.unwrap(function))


@lru_cache(maxsize=None)  # a fixture is asked about once for each test using it: parsed once
def _function_builds(function) -> bool:
    module = inspect.getmodule(function)
    try:
        node = ast.parse(textwrap.dedent(inspect.getsource(function)))
        helpers = _parsed(module)
    except (OSError, TypeError, SyntaxError):
        return False
    return _builds(node, helpers, {function.__name__})


def kinds(item) -> set[str]:
    """The markers `item` should carry: a subset of {browser, whole_site, built_site}."""
    found = {mark.name for mark in item.iter_markers() if mark.name in ("browser", "whole_site")}
    names = set(getattr(item, "fixturenames", ()))
    if names & BROWSER_FIXTURES:
        found.add("browser")
    if names & SHARED_BUILD:
        found.add("built_site")
    definitions = getattr(item, "_fixtureinfo", None)
    fixtures = [d.func for name, defs in (definitions.name2fixturedefs.items() if definitions else ())
                if name not in SHARED_BUILD for d in defs]
    if any(function_builds(f) for f in [getattr(item, "function", None), *fixtures] if f is not None):
        found.add("whole_site")
    return found


def shares_module_work(item) -> bool:
    """Whether `item` uses a fixture made once for its module (a site built for the module, screenshots taken
    once): with tests spread over workers by `--dist load`, each worker running one of them would make it again."""
    definitions = getattr(item, "_fixtureinfo", None)
    return bool(definitions) and any(d.scope == "module" for defs in definitions.name2fixturedefs.values()
                                     for d in defs)
