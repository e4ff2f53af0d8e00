"""Macros are the only code a page may call: each page's `{{ }}` and `{% %}` are checked before any page renders.

mkdocs-macros runs every page in content/ as a Jinja template, and Jinja reaches Python from a template
(`{{ cycler.__init__.__globals__.os }}`): a page would be code run on the machine that builds it, and CI builds
every pull request. So each page is parsed (never run) and what it asks for is held to an allow-list:

- a call of one of the site's macros (the functions marked `@env.macro` in hooks/macros.py), given plain text in
  quotes or numbers, by position or by the macro's own argument names; text may be joined with ~ to fact() calls
  given the same (so an easy-read point can quote an amount from data/facts.yaml);
- one of the council's details in VARIABLES (`{{ council.name }}`).

Anything else (another name, an attribute, a filter, a sum, any `{% %}` tag such as include, set or macro) is
refused with the page, its line and what to write instead. Text in `{% raw %}` and `{# comments #}` is not
template code, so it passes. hooks/engine/page_sandbox.py renders pages with the same allow-list, in case
anything gets past this.
"""

from __future__ import annotations

import ast
import functools
import inspect
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, nodes

from carers_hub.core.problems import Problem

MACROS_FILE = Path(__file__).resolve().parents[1] / "macros.py"
VARIABLES = {"council": ("name", "short_name", "area")}  # data/site.yaml's council: plain text, checked when loaded
REFERENCE = "docs/editors/macros.md"
NOT_ALLOWED, BROKEN, ARGUMENTS = "PAGE_TEMPLATE_NOT_ALLOWED", "PAGE_TEMPLATE_BROKEN", "MACRO_WRONG_ARGUMENTS"
PLAIN_VALUES = (str, int, float, bool, type(None))
FACT = "fact"  # the one macro whose value may be joined (~) into the text given to another
_PARSER = Environment()  # Jinja's default {{ }} {% %} {# #}, as the page sandbox uses: parsing only, never rendering
UNREADABLE_FIX = ("Check that each {{ is closed by }}, with straight double quotes around text. To show {{, {% or {# "
                  "as text, put it between {% raw %} and {% endraw %}; for a heading's id write { #id } with a space.")
TAGS = {nodes.Assign: "set", nodes.AssignBlock: "set", nodes.CallBlock: "call", nodes.FilterBlock: "filter",
        nodes.FromImport: "from", nodes.ScopedEvalContextModifier: "autoescape"}  # others: their class, lower case


@dataclass(frozen=True)
class Macro:
    """One of the site's macros as an editor writes it: its name and its arguments' names."""

    name: str
    params: tuple[str, ...]
    defaults: tuple[str, ...]  # the last len(defaults) params may be left out; each default as written
    doc: str

    @property
    def required(self) -> tuple[str, ...]:
        return self.params[:len(self.params) - len(self.defaults)]

    @property
    def signature(self) -> str:
        """contact_card(contact_id), services(category=None, audience=None): without Python's type hints."""
        optional = (f"{p}={d}" for p, d in zip(self.params[len(self.required):], self.defaults))
        return f"{self.name}({', '.join([*self.required, *optional])})"


@functools.cache
def site_macros() -> dict[str, Macro]:
    """Every function marked `@env.macro` in hooks/macros.py, read from its source: the one list of macros."""
    found = {}
    for node in ast.walk(ast.parse(MACROS_FILE.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef) and any(ast.unparse(d) == "env.macro" for d in node.decorator_list):
            found[node.name] = Macro(node.name, tuple(a.arg for a in node.args.args),
                                     tuple(ast.unparse(d) for d in node.args.defaults),
                                     inspect.cleandoc(ast.get_docstring(node) or ""))
    return found


def allowed_words() -> str:
    """What a page may write, for the fix of every problem here."""
    variables = [f"{{{{ {name}.{attr} }}}}" for name, attrs in VARIABLES.items() for attr in attrs]
    return (f"Pages may only use the site's macros: {', '.join(m.signature for m in site_macros().values())}; "
            f"and the council's details {', '.join(variables)}. Take out anything else, "
            f"or write it as {REFERENCE} shows.")


def problems(text: str, file: str) -> list[Problem]:
    """Everything in a page's Markdown (front matter included: its title is rendered too) that pages may not use."""
    try:
        template = _PARSER.parse(text)
    except TemplateSyntaxError as error:
        return [Problem(BROKEN, file, error.lineno, "", "the page's {{ }} or {% %} could not be read: "
                        f"{error.message.rstrip('.')}.", f"{UNREADABLE_FIX} {allowed_words()}")]
    return [problem for node in template.body for problem in _statement(node, file)]


def _statement(node: nodes.Node, file: str) -> list[Problem]:
    if not isinstance(node, nodes.Output):
        tag = TAGS.get(type(node), type(node).__name__.lower())
        return [_refused(node, file, f'a "{{% {tag} %}}" tag is not allowed in a page.')]
    return [problem for child in node.nodes if not isinstance(child, nodes.TemplateData)
            for problem in _expression(child, file)]


def _expression(node: nodes.Expr, file: str) -> list[Problem]:
    """A `{{ }}`: a macro called with plain values, or one of VARIABLES; nothing else."""
    name = node.node.name if isinstance(node, (nodes.Getattr, nodes.Call)) and isinstance(node.node, nodes.Name) \
        else None
    if isinstance(node, nodes.Getattr) and node.attr in VARIABLES.get(name, ()):
        return []
    macro = site_macros().get(name) if isinstance(node, nodes.Call) else None
    if macro is None:
        return [_refused(node, file, f'"{{{{ {_shown(node)} }}}}" is not one of the site\'s macros or values.')]
    values = [*node.args, *(k.value for k in node.kwargs)]
    if node.dyn_args or node.dyn_kwargs or not all(_plain(v) or _words_with_facts(v, file) for v in values):
        return [_refused(node, file, f'in "{{{{ {_shown(node)} }}}}", each value given to {macro.name} must be '
                                     'plain text in double quotes, or a number.')]
    wrong = _argument_mistake(macro, len(node.args), [k.key for k in node.kwargs])
    return [Problem(ARGUMENTS, file, node.lineno, "", f'"{{{{ {_shown(node)} }}}}": {wrong}.',
                    f"Write it as {macro.signature}, as {REFERENCE} shows.")] if wrong else []


def _plain(value: nodes.Expr) -> bool:
    return isinstance(value, nodes.Const) and isinstance(value.value, PLAIN_VALUES)


def _words_with_facts(value: nodes.Expr, file: str) -> bool:
    """Text joined with ~ to facts, so an easy-read point can quote one:
    "You must care for at least " ~ fact("carers_allowance_hours") ~ "."  Nothing else may be joined."""
    return isinstance(value, nodes.Concat) and any(isinstance(part, nodes.Call) for part in value.nodes) and all(
        (isinstance(part, nodes.Const) and isinstance(part.value, str))
        or (isinstance(part, nodes.Call) and isinstance(part.node, nodes.Name) and part.node.name == FACT
            and not _expression(part, file))
        for part in value.nodes)


def _argument_mistake(macro: Macro, positional: int, keys: list[str]) -> str | None:
    """What is wrong with the values a call gives a macro (as Python would bind them), or None."""
    by_position = macro.params[:positional]
    if positional > len(macro.params):
        count = len(macro.params)
        return f"{macro.name} takes {count or 'no'} value{'s' * (count != 1)}, not {positional}"
    for key in keys:
        if key not in macro.params:
            return f'{macro.name} has no value called "{key}"'
        if key in by_position or keys.count(key) > 1:
            return f'"{key}" is given twice'
    missing = [p for p in macro.required if p not in by_position and p not in keys]
    return f"{macro.name} needs {', '.join(missing)}" if missing else None


def _refused(node: nodes.Node, file: str, message: str) -> Problem:
    return Problem(NOT_ALLOWED, file, node.lineno, "", message, allowed_words())


def _shown(node: nodes.Node, limit: int = 70) -> str:
    """A short sketch of an expression as written, to point the editor at it."""
    text = _sketch(node)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _sketch(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Const):
        return repr(node.value).replace("'", '"') if isinstance(node.value, str) else repr(node.value)
    if isinstance(node, nodes.Getattr):
        return f"{_sketch(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{_sketch(node.node)}[...]"
    if isinstance(node, nodes.Call):
        values = [*map(_sketch, node.args), *(f"{k.key}={_sketch(k.value)}" for k in node.kwargs)]
        return f"{_sketch(node.node)}({', '.join(values)})"
    if isinstance(node, nodes.Filter):
        return f"{_sketch(node.node) if node.node else '...'} | {node.name}"
    if isinstance(node, nodes.BinExpr):
        return f"{_sketch(node.left)} {node.operator} {_sketch(node.right)}"
    return "..."
