"""Pages render in a Jinja sandbox that holds the site's macros and the council's details, and nothing else.

hooks/checks/page_template.py refuses a page that asks for more before any page renders; this is the second
wall, for whatever gets past that check (a bug in it, text it never saw). mkdocs-macros renders each page with
an ordinary Jinja environment of its own, in which a page reaches Python (`cycler.__init__.__globals__.os`).
Before each page, `install` puts a PageSandbox in its place (coupling point "page sandbox"). In it:

- the only names are the macros page_template.site_macros() lists and page_template.VARIABLES: no cycler, joiner,
  namespace, lipsum, range or dict, none of mkdocs-macros' own macros (macros_info, context, now) and none of the
  values it hands a page (config, page, navigation, a page's front matter): they are dropped, not looked up;
- there are no filters or tests (`|attr`, `|safe`, `|map(attribute=...)`, `|format` do not exist);
- any {% %} tag stops the page as it is read: no include, import, extends, set, macro or for;
- only the VARIABLES attributes can be read, on those objects; nothing can be read with [...];
- only the macros can be called; every arithmetic operator is refused (no "a" * 10 ** 9, no "%s" % x).

A refusal raises Jinja's SecurityError (or TemplateSyntaxError for a tag), in a Problem's words.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from jinja2 import StrictUndefined, Template, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.ext import Extension
from jinja2.sandbox import SandboxedEnvironment

from carers_hub.checks import page_template
from carers_hub.core.problems import Problem

COUPLING = ("coupling point 'page sandbox' (docs/developers/how-it-works.md) has changed: mkdocs-macros no longer "
            "renders pages with the environment `install` gave it ({}). Pages must not render outside the sandbox.")

# No operator in the words: mkdocs-macros %-formats its error report, and a "%" in the message breaks it.
ARITHMETIC = "sums and other arithmetic cannot be used in a page."


class _NoTags(Extension):
    """Any {% %} tag stops the page as it is read ({% raw %} is not a tag to Jinja's reader: it passes)."""

    def filter_stream(self, stream):
        for token in stream:
            if token.type == "block_begin":
                refusal = f'a "{{% {stream.current.value} %}}" tag is not allowed in a page.'
                raise TemplateSyntaxError(self.environment.refusal(refusal), token.lineno, stream.name, stream.filename)
            yield token


class _PageTemplate(Template):
    def new_context(self, vars=None, shared=False, locals=None):
        # What mkdocs-macros passes a page (its variables, the page's front matter) is not for pages: only the
        # sandbox's own names are seen.
        return super().new_context(None, False, locals)


class PageSandbox(SandboxedEnvironment):
    template_class = _PageTemplate
    intercepted_binops = frozenset(SandboxedEnvironment.default_binop_table)
    intercepted_unops = frozenset(SandboxedEnvironment.default_unop_table)

    def __init__(self, macros: Mapping[str, Callable], variables: Mapping[str, Any]):
        super().__init__(undefined=StrictUndefined, autoescape=False, extensions=[_NoTags])
        self.page = "a page in content/"  # `install` names the page being rendered
        self.globals.clear()
        self.globals.update(macros, **variables)
        self.filters.clear()
        self.tests.clear()
        self._macros = frozenset(map(id, macros.values()))
        self._readable = {id(variables[name]): attrs for name, attrs in page_template.VARIABLES.items()}

    def refusal(self, message: str) -> str:
        return str(Problem(page_template.NOT_ALLOWED, self.page, None, "", message, page_template.allowed_words()))

    def is_safe_attribute(self, obj, attr, value) -> bool:
        return attr in self._readable.get(id(obj), ())

    def is_safe_callable(self, obj) -> bool:
        return id(obj) in self._macros

    def getattr(self, obj, attribute):
        if not self.is_safe_attribute(obj, attribute, None):
            raise SecurityError(self.refusal(f'".{attribute}" cannot be used in a page.'))
        return getattr(obj, attribute)

    def getitem(self, obj, argument):
        raise SecurityError(self.refusal("[...] cannot be used in a page."))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        if not __self.is_safe_callable(__obj):
            raise SecurityError(__self.refusal("only the site's macros can be called in a page."))
        return __context.call(__obj, *args, **kwargs)

    def call_binop(self, context, operator, left, right):
        raise SecurityError(self.refusal(ARITHMETIC))

    def call_unop(self, context, operator, arg):
        raise SecurityError(self.refusal(ARITHMETIC))


def report_in_own_words(*errors: type[Exception]) -> None:
    """mkdocs-macros reports a page's error with format_error, which adds a Python traceback and %-formats the
    report (a "%" in our message then breaks it, with a traceback of its own). The errors we raise are already
    an editor's message: shown as they are (coupling point "macro error report")."""
    from mkdocs_macros.errors import format_error

    for error in errors:
        format_error.register(error, _in_own_words)


def _in_own_words(error: Exception, markdown: str, page) -> str:
    """Our refusals and macro mistakes as they are; Jinja's own words for a template it cannot compile ("No
    filter named 'attr'") put in a Problem naming the page and line, with the fix."""
    text = str(error)
    if text.startswith("Error in "):
        return text
    where = "content/" + page.file.src_uri if page is not None else "a page in content/"
    line = getattr(error, "lineno", None)
    return str(Problem(page_template.NOT_ALLOWED, where, line, "", f"{text.rstrip('.')}.", page_template.allowed_words()))


def install(env) -> PageSandbox:
    """Before a page renders (mkdocs-macros' `on_pre_page_macros`): it renders in a PageSandbox. `env` is
    mkdocs-macros' plugin, whose `env` property is the Jinja environment its `render` uses."""
    sandbox = env.env
    if not isinstance(sandbox, PageSandbox):
        missing = set(page_template.site_macros()) - set(env.macros)
        if missing:
            raise RuntimeError(f"hooks/macros.py marks {', '.join(sorted(missing))} @env.macro, but mkdocs-macros "
                               "does not have them.")
        sandbox = PageSandbox({name: env.macros[name] for name in page_template.site_macros()},
                              {name: env.variables[name] for name in page_template.VARIABLES})
        env._env = sandbox  # not a documented setting: the coupling point
        if env.env is not sandbox:
            raise RuntimeError(COUPLING.format("its `env` property does not answer with `_env`"))
    sandbox.page = "content/" + env.page.file.src_uri
    return sandbox
