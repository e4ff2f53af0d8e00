"""Macros editors use in pages: {{ contact_card("id") }}, {{ phone("id") }}, {{ glossary() }}.

They are the only code a page can call: hooks/checks/page_template.py lists them from this file (each function
marked @env.macro) and refuses anything else in a page before it renders, and pages render in a sandbox
(hooks/engine/page_sandbox.py) that holds only them.

Loaded by mkdocs-macros-plugin as an installed module (`modules: [carers_hub.macros]` in mkdocs.yml). The data they show was
loaded and checked by hooks/site_build.py before this runs. A macro given a wrong id
stops the build with the page, the line and the ids that would work.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import TemplateSyntaxError
from jinja2.exceptions import SecurityError, UndefinedError
from markupsafe import Markup

from carers_hub.checks import easy_read
from carers_hub.core import urls
from carers_hub.directory import service_pages
from carers_hub.directory.selection import Selection
from carers_hub.engine import page_sandbox
from carers_hub.core.problems import help_link
from carers_hub.core.render import render
from carers_hub.core.source_lines import first_line
from carers_hub.data.services import Directory
from carers_hub.data.site_data import SiteData

MACRO_LIST_MAX = 10  # services() in a page shows this many, then links to the whole list


class MacroProblem(Exception):
    """A mistake in how a page uses a macro; the message names the page, line and fix."""


# A refusal from the sandbox or a macro is an editor's message, reported as it is, with no Python traceback.
page_sandbox.report_in_own_words(MacroProblem, SecurityError, TemplateSyntaxError, UndefinedError)


def _line_of(page, needle: str) -> int | None:
    """The line in the page's source where a macro call appears, for the error message."""
    try:
        return first_line(Path(page.file.abs_src_path).read_text(encoding="utf-8"), needle)
    except (AttributeError, OSError, TypeError):
        return None


def _fail(env, call: str, needle: str, message: str, fix: str, code: str = "MACRO_UNKNOWN_ID"):
    page = env.page
    where = page.file.src_uri if page else "a page"
    line = _line_of(page, needle) if page else None
    raise MacroProblem(
        f"Error in content/{where}{f', line {line}' if line else ''}, in {call}: {message}\n"
        f"    How to fix: {fix}\n"
        f"    More help: {help_link(code)} [{code}]"
    )


def on_pre_page_macros(env):
    """Before each page: it renders in a sandbox that holds these macros and the council's details, and nothing
    else (hooks/engine/page_sandbox.py), never in mkdocs-macros' own Jinja, where a page could run any code."""
    page_sandbox.install(env)


def define_env(env):
    view = env.conf["extra"]["carers"]  # the build's read-only view (hooks/site_build.py)
    data: SiteData = view.data
    env.variables["council"] = data.council  # what pages may print of it: hooks/checks/page_template.VARIABLES

    def _contact(call: str, contact_id: str):
        if contact_id not in data.contacts:
            _fail(env, call, contact_id, f'there is no contact with the id "{contact_id}".',
                  "Use one of: " + ", ".join(sorted(data.contacts)) + ". Contacts are listed in "
                  "data/contacts.yaml and data/site.yaml.")
        return data.contacts[contact_id]

    @env.macro
    def contact_card(contact_id: str) -> Markup:
        """A box showing a contact: its name, what it is for, its number as a link, its hours and cost.

        Put it on a line of its own: `{{ contact_card("samaritans") }}`.
        """
        return render("contact-card.html", contact=_contact("contact_card", contact_id))

    @env.macro
    def phone(contact_id: str) -> Markup:
        """A contact's number as a link that calls (or texts) it, inside a sentence.

        For example: `Call Samaritans free on {{ phone("samaritans") }}.`
        """
        return render("phone.html", contact=_contact("phone", contact_id))

    @env.macro
    def fact(fact_id: str) -> Markup:
        """An amount, limit or age from data/facts.yaml, as carers read it, inside a sentence.

        For example: `Carer's Allowance is {{ fact("carers_allowance_weekly") }}.` shows "£86.45 a week".
        Every amount on a page comes from there, with its source and the dates it holds for.
        """
        if fact_id not in data.facts:
            _fail(env, "fact", fact_id, f'there is no fact with the id "{fact_id}".',
                  "Use one of: " + ", ".join(sorted(data.facts)) + " (from data/facts.yaml), or add the fact "
                  "there with its source.", code="MACRO_UNKNOWN_FACT")
        return data.facts[fact_id].html()

    directory: Directory = view.directory

    def _listing(call: str, service_id: str):
        if service_id not in directory.by_id:
            _fail(env, call, service_id, f'there is no service with the id "{service_id}".',
                  "Use the id of a service in data/services.yaml, for example "
                  + ", ".join(sorted(directory.by_id)[:5]) + ".", code="MACRO_UNKNOWN_SERVICE")
        return directory.by_id[service_id]

    def _items(listings):
        return service_pages.items(listings, data, directory, env.page.file.src_uri)

    @env.macro
    def service(service_id: str) -> Markup:
        """A card for one service from data/services.yaml: its name (a link to its page), what it is, its number.

        Put it on a line of its own: `{{ service("city-carers-support-service") }}`.
        """
        return render("service-card.html", item=_items([_listing("service", service_id)])[0])

    @env.macro
    def services(category: str | None = None, audience: str | None = None) -> Markup:
        """A list of services of one kind, or for one group of carers, or both.

        For example `{{ services(category="dementia") }}` or `{{ services(audience="young-carers") }}`.
        Kinds are in data/categories.yaml, audiences in data/audiences.yaml. A long list (an imported
        directory, say) shows 30, services in the council's own words first, then a link to all of them.
        """
        if category is not None and category not in directory.categories:
            _fail(env, "services", category, f'"{category}" is not a kind of service we know.',
                  "Use one of: " + ", ".join(sorted(directory.categories)) + ".", code="MACRO_UNKNOWN_CATEGORY")
        if audience is not None and audience not in data.audiences:
            _fail(env, "services", audience, f'"{audience}" is not an audience we know.',
                  "Use one of: " + ", ".join(sorted(data.audiences)) + ".", code="MACRO_UNKNOWN_CATEGORY")
        listed = sorted((s for s in directory.listings
                         if (category is None or category in s.service.categories)
                         and (audience is None or audience in s.service.audience)), key=lambda s: s.service.name.lower())
        shown = render("service-list.html", items=_items(listed[:MACRO_LIST_MAX]))
        if len(listed) <= MACRO_LIST_MAX:
            return shown
        # A council's directory may hold hundreds of a kind: the page shows a few, and links to the full list.
        whole = urls.link(Selection(kind=category, who=audience).src(), env.page.file.src_uri)
        return shown + Markup('<p><a href="{}">See all {} services</a></p>').format(whole, len(listed))

    @env.macro
    def service_phone(service_id: str) -> Markup:
        """One service's phone number as a link, inside a sentence: `call {{ service_phone("city-carers-support-service") }}`."""
        s = _listing("service_phone", service_id)
        if s.phone is None:
            _fail(env, "service_phone", service_id, f'the service "{service_id}" has no phone number.',
                  "Link to the service instead with {{ service(\"" + service_id + "\") }}.", code="MACRO_UNKNOWN_SERVICE")
        return Markup('<a class="ch-tel" href="{}">{}</a>').format(s.phone.uri, s.phone.display)

    @env.macro
    def journeys() -> Markup:
        """Links to the start page for each kind of carer (young carers, parent carers, working carers...).

        Put it on a line of its own: `{{ journeys() }}`. The pages are made from page and service audiences.
        """
        page_urls = env.conf["extra"]["carers"].page_urls  # complete once the pages are known
        links = [(a.label, urls.relative(page_urls[f"journeys/{a.id}.md"], env.page.url))
                 for a in data.audiences.values() if f"journeys/{a.id}.md" in page_urls]
        return Markup('<ul class="ch-tags">{}</ul>').format(
            Markup("").join(Markup('<li><a href="{}">{}</a></li>').format(url, label) for label, url in links))

    @env.macro
    def point(picture: str, text: str) -> Markup:
        """One easy-read point: a picture on the left and its words on the right.

        Write one idea in short sentences: `{{ point("phone", "Call 999 if someone is in danger.") }}`.
        Pictures are named in data/pictures.yaml, each with words saying what it shows.
        """
        if picture not in data.pictures:
            _fail(env, "point", picture, f'there is no picture called "{picture}".',
                  "Use one of: " + ", ".join(sorted(data.pictures)) + " (from data/pictures.yaml).",
                  code="MACRO_UNKNOWN_PICTURE")
        chosen = data.pictures[picture]
        return render("easy-read-point.html", svg=easy_read.picture_svg(chosen.icon, chosen.alt), text=text)

    @env.macro
    def hard_word(word: str, meaning: str) -> Markup:
        """A box explaining a hard word in an easy-read page: `{{ hard_word("assessment", "A meeting about ...") }}`."""
        return render("easy-read-hard-word.html", word=word, meaning=meaning)

    @env.macro
    def emergency_plan_form() -> Markup:
        """The emergency plan form: fill in, print a plan and a wallet card, save on the device only if chosen.

        Use it once, on a page whose front matter has `scripts: [emergency-plan.js]`.
        """
        return render("emergency-plan-form.html")

    @env.macro
    def glossary() -> Markup:
        """The list of hard words and what they mean, from data/glossary.yaml, A to Z."""
        terms = []
        page_urls = env.conf["extra"]["carers"].page_urls  # complete once the pages are known
        for term in sorted(data.glossary, key=lambda t: t.term.lower()):
            # Links were checked against content/ before any page was rendered (SiteBuild.check_pages).
            url = urls.relative(page_urls[term.link], env.page.url) if term.link else None
            terms.append({"term": term.term, "abbr": term.abbr, "definition": term.definition,
                          "anchor": urls.slug(term.term), "url": url})
        return render("glossary.html", terms=terms)

    @env.macro
    def accessibility_statement() -> Markup:
        """The accessibility statement's parts that the law asks for, from data/site.yaml's `accessibility:`:
        what does not meet the standard, other formats and how soon we reply, how to complain, when the site
        was last tested. Use it once, on the accessibility statement page."""
        statement = data.site_file.accessibility
        if statement is None:
            _fail(env, "accessibility_statement", "accessibility_statement",
                  "data/site.yaml has no accessibility: section for the statement to show.",
                  "Add accessibility: to data/site.yaml as docs/developers/accessibility.md shows.",
                  code="ACCESSIBILITY_STATEMENT_MISSING")
        return render("accessibility-statement.html", a=statement, council=data.council,
                      report=data.site_file.report_problem,
                      reviewed=env.page.meta.get("last_reviewed"))
