"""Macros are the only code a page may call (issue 23).

mkdocs-macros renders each page as a Jinja template; in an ordinary Jinja environment a page reaches Python and
runs anything on the machine that builds it (CI builds every pull request). Each route is tried twice:
- on the check that reads every page before anything renders (hooks/checks/page_template.py): refused with the
  page, the line and the fix;
- on the renderer itself (mkdocs-macros with hooks/macros.py, as the build sets it up; tests/support/page_render),
  past that check: refused by the sandbox (hooks/engine/page_sandbox.py), and never run.
And once end to end: a build of a copy of the project with the payload in a page stops, runs nothing, writes
nothing.
"""

from __future__ import annotations


import pytest

from conftest import ROOT, SITE, build, load_data
from carers_hub.checks import page_template
from support.page_render import macros_plugin, render

FILE = "content/about/test-page.md"
RAN = "RAN-ON-THE-BUILDER"  # a marker that only running Python could print

# Each way a page could reach past the macros: the page's text, with MARKER where the payload writes its proof.
ATTACKS = {
    "cycler": '{{ cycler.__init__.__globals__.os.system("touch MARKER") }}',
    "lipsum": '{{ lipsum.__globals__.os.system("touch MARKER") }}',
    "joiner": '{{ joiner.__init__.__globals__.os.system("touch MARKER") }}',
    "namespace": '{{ namespace.__init__.__globals__.os.system("touch MARKER") }}',
    "self": '{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system("touch MARKER") }}',
    "attr filter": '{{ (cycler|attr("__init__")|attr("__globals__"))["os"].system("touch MARKER") }}',
    "map attribute": '{{ ([cycler]|map(attribute="__init__")|map(attribute="__globals__")|first)["os"]'
                     '.system("touch MARKER") }}',
    "str.format": '{{ "{0.__init__.__globals__[os].system}".format(cycler) }}',
    "set": '{% set x = cycler.__init__.__globals__.os.system("touch MARKER") %}{{ x }}',
    "macro": '{% macro m() %}{{ cycler.__init__.__globals__.os.system("touch MARKER") }}{% endmacro %}{{ m() }}',
    "for": '{% for c in [cycler] %}{{ c.__init__.__globals__.os.system("touch MARKER") }}{% endfor %}',
    "a macro's own globals": '{{ contact_card.__globals__["sys"].modules["os"].system("touch MARKER") }}',
    "a value's class": '{{ council.__class__.__init__.__globals__["sys"].modules["os"].system("touch MARKER") }}',
}
# What a page could read or show that it should not, and the text that proves it was shown.
LEAKS = {
    "config": ("{{ config }}", "config_file_path"),
    "string % formatting": ('{{ "%s" % config }}', "config_file_path"),
    "format filter": ('{{ "%s"|format(config) }}', "config_file_path"),
    "range": ("{{ range(10**9)|length }}", "1000000000"),  # a billion: the route to a build that never ends
    "|safe": ('{{ "<script>alert(1)</script>"|safe }}', "<script>"),
    "page": ("{{ page.file.abs_src_path }}", str(SITE / "content")),  # the page's own object: paths, the config
    "macros_info": ("{{ macros_info() }}", "Macros Plugin Environment"),
    # The macros plugin's loader reads overrides/partials/carers/ (mkdocs.yml include_dir) and refuses paths out of
    # it; a partial that needs no values renders whole. No page needs either.
    "include a partial": ('{% include "emergency-plan-form.html" %}', 'id="ch-plan"'),
    "include /etc/passwd": ('{% include "/etc/passwd" %}', "root:"),
    "include ../": ('{% include "../../../../../../etc/passwd" %}', "root:"),
    "import": ('{% import "emergency-plan-form.html" as form %}{{ form }}', 'id="ch-plan"'),
    "extends": ('{% extends "emergency-plan-form.html" %}', 'id="ch-plan"'),
}


def page_with(snippet: str) -> str:
    """A page as an editor writes it, with the snippet on line 8."""
    return ("---\ntitle: A test page\ndescription: A page to test with.\n---\n\n# A test page\n\n"
            f"Some words, then {snippet} and more words.\n")


@pytest.mark.parametrize("snippet", [*ATTACKS.values(), *(text for text, _ in LEAKS.values())],
                         ids=[*ATTACKS, *LEAKS])
def test_the_check_refuses_each_route_with_the_page_line_and_fix(snippet):
    found = page_template.problems(page_with(snippet), FILE)  # {% set x %}{{ x }}: two, both refused
    assert found and all(p.code == "PAGE_TEMPLATE_NOT_ALLOWED" and p.line == 8 for p in found), found
    shown = str(found[0])
    assert shown.startswith(f"Error in {FILE}, line 8: ")
    assert "Pages may only use the site's macros: contact_card(contact_id), phone(contact_id)" in shown
    assert "services(category=None, audience=None)" in shown and "{{ council.name }}" in shown
    assert "docs/editors/macros.md" in shown


@pytest.fixture(scope="module")
def plugin():
    return macros_plugin(ROOT, *load_data())


@pytest.mark.parametrize("snippet", ATTACKS.values(), ids=ATTACKS)
def test_the_renderer_itself_runs_nothing_a_page_asks_for(plugin, snippet, tmp_path):
    marker = tmp_path / "ran"
    output = render(plugin, page_with(snippet.replace("MARKER", str(marker))))
    assert not marker.exists(), f"the page ran code on the builder: {snippet}"
    assert "[PAGE_TEMPLATE_NOT_ALLOWED]" in output and "Traceback" not in output, output  # the editor's words
    assert RAN not in output


@pytest.mark.parametrize("snippet, shown", LEAKS.values(), ids=LEAKS)
def test_the_renderer_itself_shows_nothing_but_the_site_s_values(plugin, snippet, shown):
    output = render(plugin, page_with(snippet))
    assert "[PAGE_TEMPLATE_NOT_ALLOWED]" in output and "Traceback" not in output, output  # the editor's words
    assert shown not in output, output


def test_the_renderer_s_refusal_names_the_page_and_the_fix(plugin):
    output = render(plugin, page_with(ATTACKS["cycler"]), src_uri="about/test-page.md")
    assert f"Error in {FILE}:" in output and "Pages may only use the site's macros" in output
    assert "PAGE_TEMPLATE_NOT_ALLOWED" in output


def test_front_matter_cannot_stand_in_for_the_council(plugin):
    """mkdocs-macros makes each front-matter key a variable; the sandbox reads only its own."""
    output = render(plugin, "{{ council.name }}", meta={"council": {"name": "<b>Not the council</b>"}})
    assert output == load_data()[0].council.name


def test_every_macro_and_value_a_page_may_use_renders_in_the_sandbox(plugin):
    data, directory = load_data()
    contact_id, contact = next((name, c) for name, c in data.contacts.items() if c.phone)
    service = directory.listings[0].service
    text = page_with(f'{{{{ contact_card("{contact_id}") }}}} {{{{ phone("{contact_id}") }}}} '
                     f'{{{{ service("{service.id}") }}}} {{{{ services(audience="{service.audience[0]}") }}}} '
                     '{{ point("phone", "Call us.") }} '
                     '{{ hard_word("benefit", "Money from the government.") }} {{ council.short_name }} '
                     '{% raw %}{{ shown as written }}{% endraw %} {# a note #}')
    output = render(plugin, text)
    assert "Error" not in output, output
    for expected in ('class="ch-contact"', contact.phone_link.uri, service.name, "Call us.",
                     "Money from the government.", data.council.short_name, "{{ shown as written }}"):
        assert expected in output, expected
    assert "a note" not in output


def test_every_page_of_the_site_passes_the_check():
    pages = sorted((SITE / "content").rglob("*.md"))
    assert SITE / "content" / load_data()[0].site_file.get_help_now.page in pages
    problems = [p for page in pages for p in page_template.problems(page.read_text(encoding="utf-8"),
                                                                   f"content/{page.relative_to(SITE / 'content')}")]
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("snippet, message", [
    ('{{ services(kind="dementia") }}', 'services has no value called "kind"'),
    ("{{ contact_card() }}", "contact_card needs contact_id"),
    ('{{ contact_card("samaritans", "shout") }}', "contact_card takes 1 value, not 2"),
    ('{{ point("phone", text="Hi", picture="phone") }}', '"picture" is given twice'),
])
def test_a_macro_given_the_wrong_values_says_how_to_write_it(snippet, message):
    [problem] = page_template.problems(page_with(snippet), FILE)
    assert problem.code == "MACRO_WRONG_ARGUMENTS" and problem.line == 8 and message in problem.message, problem
    assert "docs/editors/macros.md" in problem.fix


@pytest.mark.parametrize("snippet", ['{{ contact_card(council.name) }}', '{{ phone("sama" ~ "ritans") }}',
                                     '{{ contact_card(*ids) }}'])
def test_a_macro_takes_plain_values_only(snippet):
    [problem] = page_template.problems(page_with(snippet), FILE)
    assert problem.code == "PAGE_TEMPLATE_NOT_ALLOWED" and "plain text in double quotes" in problem.message


@pytest.mark.parametrize("snippet", ["{{ council.name", "## A heading {#my-id}", "{% do x %}"])
def test_unreadable_braces_say_how_to_write_them(snippet):
    [problem] = page_template.problems(page_with(snippet), FILE)
    assert problem.code == "PAGE_TEMPLATE_BROKEN" and problem.line and "{% raw %}" in problem.fix, problem


def test_braces_in_a_code_block_are_checked_too(plugin, tmp_path):
    """mkdocs-macros runs over the whole page, code blocks included."""
    marker = tmp_path / "ran"
    text = page_with("\n\n```text\n" + ATTACKS["cycler"].replace("MARKER", str(marker)) + "\n```\n")
    [problem] = page_template.problems(text, FILE)
    assert problem.line == 11
    render(plugin, text)
    assert not marker.exists()


def test_the_title_in_the_front_matter_is_checked_too():
    """mkdocs-macros renders a page's title as a template as well."""
    text = page_with("").replace("title: A test page", 'title: "{{ cycler.__init__ }}"')
    [problem] = page_template.problems(text, FILE)
    assert problem.line == 2


def test_a_build_with_the_payload_in_a_page_stops_runs_nothing_and_writes_nothing(project, tmp_path):
    marker = tmp_path / "ran-on-the-builder"
    crisis = load_data(project / "data")[0].site_file.get_help_now.page  # a page every site has
    page = project / "content" / crisis
    text = page.read_text()
    payload = '{{ cycler.__init__.__globals__.os.system("touch ' + str(marker) + '") }}'
    page.write_text(text.replace("\n# ", f"\nSee {payload} here.\n\n# ", 1))
    line = next(n for n, row in enumerate(page.read_text().splitlines(), 1) if "cycler" in row)
    result = build(project)
    output = result.stdout + result.stderr
    assert not marker.exists(), "the build ran the page's code"
    assert result.returncode != 0, output
    assert f"content/{crisis}, line {line}" in output, output
    assert "PAGE_TEMPLATE_NOT_ALLOWED" in output and "Pages may only use the site's macros" in output, output
    assert "Traceback" not in output, output
    assert not (project / "site").exists(), "a site was written"
