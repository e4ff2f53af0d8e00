"""Every problem's code, with the help docs/errors.md gives for it: the one catalogue.

docs/errors.md is written from here (`carers-hub errors-doc`, `make docs`); tests/test_error_catalogue.py fails
when the page differs, when code in hooks/ names a code that is not a member, or when a member is never used.
A new problem: add its member here, in its section, then run `make docs`.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Entry(NamedTuple):
    section: str  # the heading it is listed under on the errors page
    title: str  # what went wrong, in a few words
    help: str  # the page's longer help (Markdown)
    # The fix a problem with this code prints, when the code is given by a check that does not write its own
    # (fields.py's types, the models' checks, the YAML reader): {field} and {example} are filled in.
    fix: str = ""


PREAMBLE = """# Errors and how to fix them

When something is wrong, the site does not build. The message says which file, which line and which field, what
is wrong and how to fix it, and ends with a code like `[PHONE_INVALID]`. Find the code below for more help.
Fix every problem in the list, save, and the preview rebuilds by itself."""

# The errors page's sections (its ## headings), in order.
ANY_FILE = "Problems in any data file or page's top block"
CONTACTS = 'Contacts and phone numbers'
PAGES = 'Pages'
CRISIS = 'Crisis pages'
REPORTS = 'Reports from carers'
READING = 'Reading level'
SERVICES = 'Services'
FILES = 'Files in content/ and data/'
ACCESSIBILITY = 'Accessibility'
PRIVACY = 'Privacy'
EASY_READ = 'Easy read'
IMPORT = 'Bringing in a directory (make import-directory)'
SETTINGS = 'Site settings (mkdocs.yml)'

# The words under a section's heading, before its first entry.
INTROS = {
    SETTINGS: 'These are for developers: an editor should never need to change `mkdocs.yml` by hand.',
}
SECTIONS = (ANY_FILE, CONTACTS, PAGES, CRISIS, REPORTS, READING, SERVICES, FILES, ACCESSIBILITY, PRIVACY, EASY_READ,
            IMPORT, SETTINGS)


class ErrorCode(Enum):
    """A problem's code: its name is what messages print ([PHONE_INVALID]), its value the page's entry."""

    # Problems in any data file or page's top block
    YAML_SYNTAX = Entry(ANY_FILE, 'the file cannot be read', """\
A colon, a quote or an indent is out of place. Look at the line named and the one above it. Each line is
`name: value` with a space after the colon. List items start with `- `. Put text that has a colon in quotes.""")
    YAML_ALIAS = Entry(ANY_FILE, 'a part of the file repeats another', """\
A name starting `&` (like `&office`) marks a part of the file, and a name starting `*` (like `*office`) repeats
it somewhere else. The site's files do not use these: write the value out in full in each place it is needed,
and remove the `&` and `*` names. The browser editor never writes them. (They are refused because a few lines
of them can repeat each other until the file holds billions of values, which would stop the site being built.)""",
        fix=('Write the value out in full wherever it is needed, and remove the & and * names. The browser editor '
             'never writes them.'))
    YAML_MERGE_KEY = Entry(ANY_FILE, 'a << line copies fields from elsewhere', """\
A line starting `<<:` copies the fields of another part of the file. The site's files do not use it: remove the
`<<:` line and write the fields it copied in full, in the place it was.""",
        fix='Remove the << line and write the fields it would copy in full, here.')
    YAML_DUPLICATE_KEY = Entry(ANY_FILE, 'a field is written twice', """\
The same field is written twice in one record or page top block, for example two `phone:` lines under one
contact. Only one can count, and the site will not guess which you meant. The message names both lines: check
which one is right, then delete the other line (and any lines indented under it).""",
        fix='Check which one is right, then delete the other line (and any lines indented under it).')
    YAML_VALUE_UNREADABLE = Entry(ANY_FILE, 'a value looks like a date or a number but is not one', """\
`last_reviewed: 2026-02-30` is written the way a date is, but there is no 30 February; `!!int` before a word
asks for a number that is not there. Write a real day (year-month-day), or a number in figures. If the value is
meant as text, put it in quotes.""",
        fix=('Write a date as a real day, year-month-day (2026-11-23), and a number in figures. If it is meant as '
             'text, put it in quotes.'))
    YAML_TOO_DEEP = Entry(ANY_FILE, 'lists and fields are inside each other too many times', """\
The site's files need only a few levels (a service's opening hours are the deepest, at 6). More than 20 usually
means indents that do not line up with the lines around them, or a `[` or `{` that is never closed. Look at the
line named and the lines above it.""",
        fix=("The site's files need only a few levels. Check the indents line up with the lines around them, and "
             'that every [ and { is closed.'))
    YAML_TOO_LARGE = Entry(ANY_FILE, 'the file or top block is too big', """\
A data file may be up to 200 MB (50,000 services take about 40 MB), and a page's top block (between the two
`---` lines) up to 64 KB. Anything bigger is not something the site needs: check it is the right file. In a
page, keep only the page's details in the top block; long text belongs in the page itself, below the second
`---` line.""")
    DATA_FILE_MISSING = Entry(ANY_FILE, 'a data file is missing', """\
The site needs every data file a new site starts with (`carers-hub new`): `data/site.yaml`, `contacts.yaml`,
`audiences.yaml`, `glossary.yaml`, `pictures.yaml`, `synonyms.yaml`, `facts.yaml`, `words-to-avoid.yaml`,
`categories.yaml`, `services.yaml` and `organisations.yaml`. Put the file back, or check its name.""")
    FIELD_MISSING = Entry(ANY_FILE, 'a required field is missing', """\
Add the field under the line named. The message shows an example of what to write.""",
        fix="Add a line '{field}: {example}' here.")
    FIELD_UNKNOWN = Entry(ANY_FILE, 'a field we do not know', """\
Usually a spelling mistake, like `phnoe:` for `phone:`. Fix the spelling or remove the line.""",
        fix="Check the spelling of '{field}' against the handbook, or remove the line.")
    FIELD_NOT_TEXT = Entry(ANY_FILE, 'this should be text', """\
Write words after the colon. If the value is a number, put it in quotes: `phone: "020 7332 1224"`.""",
        fix="Write plain text after '{field}:'. Put it in quotes if it starts with a number or symbol.")
    FIELD_NOT_LIST = Entry(ANY_FILE, 'this should be a list', """\
Write `[first, second]` on one line, or put each item on its own line starting with `- `.""",
        fix="Write a list, like '{field}: {example}', or one item a line starting with '- '.")
    FIELD_NOT_YES_NO = Entry(ANY_FILE, 'this should be true or false', """\
Write `true` or `false`.""",
        fix='Write true or false.')
    FIELDS_MISSING = Entry(ANY_FILE, 'a file or top block is not written as fields', """\
A file in `data/`, or the block at the top of a page, holds `name: value` lines, each starting at the left edge
(`site:`, `title: Caring for someone`). This one holds a list or a single value instead. Copy the shipped
example of the file, or the top block of a page like it, and change the values.""",
        fix=("Start each field on a line of its own at the left edge, as 'name: value' (copy the shipped example "
             'of this file, or a page like this one, and change the values).'))
    SECTION_INVALID = Entry(ANY_FILE, 'a section is not written the right way', """\
A section (like `council:`) holds `name: value` lines, each indented by two spaces under it.""",
        fix="This section should be a group of 'name: value' lines indented under '{field}:'.")
    DATE_INVALID = Entry(ANY_FILE, 'this is not a date', """\
Write dates as year-month-day: `2026-11-23`.""",
        fix='Write the date as year-month-day, for example 2026-11-23.')
    TEXT_EMPTY = Entry(ANY_FILE, 'the text is empty', """\
Write some text, or remove the line if the field is optional.""",
        fix='Write some text, or remove the line if the field is optional.')
    TEXT_UNSAFE = Entry(ANY_FILE, 'the text holds code', """\
Text in data is shown exactly as written, so it must not contain HTML tags (`<b>`), `{{`, `{%` or links that
start with `javascript:` or `data:`. Write plain words.""",
        fix='Write plain text only: no HTML tags such as <b>, no {{ or {% and no javascript: or data: links.')
    TEXT_DIRECTION_CONTROL = Entry(ANY_FILE, 'a hidden character that changes the direction of text', """\
Some invisible characters tell a screen to show the letters after them right to left, or in another order.
They are used for languages like Arabic and Hebrew, but here they only make words or a web address look
different from what they really are (the words "Samaritans 116 123" could show as something else). They often
come with text pasted from another document. The message says where: the field and the character, or, in a
page, the line and column. Delete the letters either side of that place and type them again. The site refuses
these characters everywhere: in every field of the data files, in a page's front matter and in its words.""",
        fix=('Delete the hidden character there: delete the letters either side of it and type them again (it is '
             'invisible, and often comes with text pasted from another document).'))
    URL_NOT_HTTPS = Entry(ANY_FILE, 'not a full https:// web address', """\
Copy the address from your browser's address bar. It must start with `https://`.""",
        fix='Write the full address, starting https://, for example {example}.')
    URL_NOT_WEB = Entry(ANY_FILE, 'not a web address', """\
A service's website must be a web page: copy the address from your browser's address bar, starting
`https://` (an older `http://` address is kept, and the page tells carers it is not secure). Addresses that
start `javascript:`, `data:`, `file:` or `mailto:` are not websites and are never shown.""",
        fix=('Write the full address of a web page, starting https:// (or http:// if it has no other), for example'
             ' {example}.'))
    URL_UNSAFE = Entry(ANY_FILE, 'a web address with a character it cannot have', """\
A web address cannot hold spaces, quote marks (`"` or `'`), `<` or `>`. Copy the address again from the
browser's address bar; a space in an address is written `%20`.""",
        fix=("Copy the address again from the browser's address bar. It cannot hold spaces, quote marks, < or >: "
             'write a space as %20.'))
    PATH_INVALID = Entry(ANY_FILE, 'not a path to a page or picture', """\
Paths to pages are written from inside `content/`, like `support/carers-assessment.md`; a logo like
`assets/logo.svg`; a picture's icon like `material/phone`. Use small letters, numbers, `-`, `_` and `/` only.""",
        fix='Write the path the way the message shows, with small letters, numbers, - and /.')
    EMAIL_INVALID = Entry(ANY_FILE, 'not an email address', """\
Write one address, like `carers-team@example.org`.""",
        fix='Write one email address, like {example}.')
    ID_INVALID = Entry(ANY_FILE, 'an id with letters we cannot use', """\
Ids use small letters, numbers, `-` and `_` only, like `carers_uk` or `young-carers`.""",
        fix="Use small letters, numbers and - or _ only, for example 'carers_uk'.")
    COLOUR_INVALID = Entry(ANY_FILE, 'not a colour', """\
Write `#` and six hex digits, in quotes: `"#1d4f91"`.""",
        fix='Write a colour as # and 6 hex digits in quotes, for example {example}.')
    VALUE_INVALID = Entry(ANY_FILE, 'a value we cannot use', """\
Compare the value with the example in this handbook.""")
    PLACEHOLDER_TEXT = Entry(ANY_FILE, 'words from a template are still there', """\
`make new-page`, `make new-service` and the browser editor start you off with words to replace. They start
with `CHANGE` in capitals, like `CHANGE this first paragraph` or `organisation: CHANGE-to-an-organisation-id`,
and a link may go to `change-me-link`. The site is not published while any are left, so nothing half-written
goes live. Replace each one with the real words, id or address: the message says what belongs there. In the
preview (`make serve`) a page still being written is shown, with this as a warning; a service is shown only once
it is complete. Ordinary words such as "Changes to your benefits" are never mistaken for these.""")

    # Contacts and phone numbers
    PHONE_INVALID = Entry(CONTACTS, 'not a valid UK phone number', """\
Write the whole number with its area code: `020 7946 0000`. Short numbers such as `999`,
`111` and `116 123` are fine. A textphone number starts with `18001`.""",
        fix='Write a UK number with its area code, for example 020 7946 0000, or a short number such as 116 123.')
    CONTACT_NO_NUMBER = Entry(CONTACTS, 'a contact with no number', """\
Add `phone:` or, for a text service, `sms:`.""",
        fix="Add a phone number ('phone:') or a number to text ('sms:').")
    PLACEHOLDER_DOMAIN = Entry(CONTACTS, "an address at example.org on a real council's site", """\
Addresses at example.org, example.com and example.net (and names ending in .test, .example, .invalid or
.localhost) are made-up: mail sent there reaches nobody and links there go nowhere. The shipped example uses them
while its own address (`site.url` in `data/site.yaml`) is one too. Once `site.url` is your council's real
address, put the council's real mailbox (the team's own address, which someone reads) or the real web address
in each place the message names: the pages' `owner`, `report_problem: email:` in `data/site.yaml`, and any link.""")
    CONTACT_DUPLICATE_ID = Entry(CONTACTS, 'two contacts have the same id', """\
Each contact needs its own id across `data/site.yaml` and `data/contacts.yaml`. If both are the same contact,
delete one.""")
    CONTACT_UNKNOWN = Entry(CONTACTS, 'no contact with that id', """\
The id named is not in `data/site.yaml` or `data/contacts.yaml`. Check its spelling; the message lists the ids.""")
    CHECKED_IN_FUTURE = Entry(CONTACTS, 'a checked date in the future', """\
Write the day you really checked the number.""")
    CRISIS_CONTACT_NOT_CHECKED = Entry(CONTACTS, 'a crisis number not checked for 6 months', """\
Open the `source` page, check the number, hours and cost are still right, fix anything that changed, then set
`checked:` to today's date.""")
    CRISIS_SOURCE_NOT_OWN = Entry(CONTACTS, "a crisis number not from the provider's own page", """\
Carers dial crisis numbers in the worst moment, so only the provider's own page will do. Find the number on the
provider's own website, put that page under `source:` as `url:`, set `kind: own` and `checked:` to today. If you
cannot, take `crisis: true` off and take the contact off the crisis pages in `data/site.yaml`.
See [Where facts come from](editors/sources.md).""")
    CRISIS_SOURCE_OLD = Entry(CONTACTS, 'a crisis number from an old page', """\
The source's `dated` year is more than 2 years before it was checked. Find the number on a current page of the
provider's own website and use that page as the source.""")
    SOURCE_NOT_NAMED = Entry(CONTACTS, 'a source nobody could find again', """\
Under `source:`, add `url:` (the page you read) or, for something printed, `title:` (what it is). Only an
`unconfirmed` source may have neither. See [Where facts come from](editors/sources.md).""",
        fix='Under source:, add url: (the page you read) or, for something printed, title: (what it is).')
    SOURCE_TITLE_MISSING = Entry(CONTACTS, 'a secondary source that does not say what it is', """\
Add `title:` saying what the source is, as it reads after "We found this number in", for example
`title: a Chelsea and Westminster Hospital NHS leaflet for carers`.""",
        fix=('Add title: saying what the source is, as it reads after "We found this in", for example title: a '
             'Chelsea and Westminster Hospital NHS leaflet for carers.'))
    SOURCE_DATED_INVALID = Entry(CONTACTS, "the source's date is not a year", """\
Write the year the source shows, like `dated: 2024`, or its day, like `dated: 2024-03-11`.""",
        fix='Write the year the source shows, like dated: 2024, or its date, like dated: 2024-03-11.')

    # Pages
    PAGE_FRONT_MATTER_MISSING = Entry(PAGES, 'the page has no top block', """\
Every page starts with the block between two `---` lines. Copy it from a page like it and change the values.
See [Add or change a page](editors/add-a-page.md).""")
    REVIEW_BEFORE_REVIEWED = Entry(PAGES, 'review_by is not after last_reviewed', """\
Set `review_by` to a later date than `last_reviewed`, usually 6 months later.""",
        fix='Set review_by to a date after last_reviewed (usually 6 or 12 months later).')
    PAGE_REVIEW_OVERDUE = Entry(PAGES, 'the page is past its review date', """\
Read the page and check it is still right. Fix what has changed, then set `last_reviewed` to today and
`review_by` to the next review date. In the preview this is a warning; a published build stops on it.""")
    PAGE_SOURCES_MISSING = Entry(PAGES, 'a page does not say where its facts come from', """\
Carers are promised that these pages end with "Where these facts come from". The parts of the site this covers
are listed under `sourced_sections` in `data/site.yaml` (a folder ending in `/`, or one page). Add a `sources:`
list to the page's top block: for each fact, `fact:` (what it supports), `url:` (the page you read),
`kind:` (`own` for GOV.UK, legislation.gov.uk, the NHS or the provider's own page, `secondary` for anything
else, with a `title:` saying what it is) and `checked:` (the day you read it). Copy the list from
`money-and-work/carers-allowance.md`. Primary sources are shown first.""")
    SOURCED_SECTION_UNKNOWN = Entry(PAGES, 'a section listed for sources holds no page', """\
Each entry under `sourced_sections` in `data/site.yaml` must be a folder in `content/` that holds pages, ending
in `/` (like `money-and-work/`), or one page (like `planning-ahead/lasting-power-of-attorney.md`). Check the
spelling, or write the new place of pages that moved.""")
    AUDIENCE_UNKNOWN = Entry(PAGES, 'an audience we do not know', """\
Use ids from `data/audiences.yaml`, like `all-carers` or `young-carers`.""")
    AUDIENCE_DUPLICATE_ID = Entry(PAGES, 'two audiences have the same id', """\
Give each audience in `data/audiences.yaml` its own id.""")
    GLOSSARY_DUPLICATE_TERM = Entry(PAGES, 'a word is in the glossary twice', """\
Keep one entry for each word in `data/glossary.yaml`.""")
    PAGE_LINK_UNKNOWN = Entry(PAGES, 'a data file points at a page that does not exist', """\
Write the page's path inside `content/`, like `support/carers-assessment.md`, and check the page exists.""")
    PROMISED_PAGE_MISSING = Entry(PAGES, 'a page the site promises is missing', """\
The pages listed under `promised_pages` in `data/site.yaml` are ones the council has promised its readers, such
as its easy-read pages or its guide to replacement care. The build stops, and `make check` fails, when one is
not in `content/` or not in the built site. If the page was deleted, put it back (it is in the project's
history). If it moved, write its new path under `promised_pages`. If the council no longer offers it, take it
off the list, after checking with whoever made the promise.""")
    ORUK_INVALID = Entry(PAGES, 'the open data would fail the Open Referral UK validator', """\
`make check` reads the site's open data (`/oruk`) the way the Open Referral UK validator does, and one answer
did not match the standard: the message names the address and the field, such as a service's email that is
not an email address. Fix that detail in `data/` and run `make check` again. If the details look right, tell
the site's developers: the open data export needs a fix.""")
    LINK_BROKEN = Entry(PAGES, 'a link goes to a page or heading that does not exist', """\
Link to another page by its file in `content/`, counted from the page you are on:
`[Ask for a carer's assessment](../support/carers-assessment.md)`. For a heading on that page, add `#` and the
heading's words in small letters joined by `-`: `../support/carers-assessment.md#how-to-ask`. Check the file
still exists: a page that was moved or renamed breaks every link to it. Links to other websites are checked
each week, not here.""")
    MACRO_UNKNOWN_ID = Entry(PAGES, 'a page asks for a contact that does not exist', """\
In `{{ phone("...") }}` or `{{ contact_card("...") }}`, use an id from `data/contacts.yaml` or `data/site.yaml`.
The message lists them.""")
    MACRO_UNKNOWN_FACT = Entry(PAGES, 'a page asks for a fact that does not exist', """\
In `{{ fact("...") }}`, use an id from `data/facts.yaml`; the message lists them. If the amount or limit is not
there yet, add it to `data/facts.yaml` with its source and the dates it holds for.""")
    FACT_TYPED_IN_PAGE = Entry(PAGES, 'an amount or a weekly limit is typed into a page', """\
Amounts (like £204) and limits (like 35 hours a week) change, usually each April. Written into a page, nothing
checks or dates them, and one page ends up saying another thing than the next. Write `{{ fact("...") }}` with
the id the message names, so the page shows the value from `data/facts.yaml`. If no fact has that value, add one
there first (value, unit, source and the dates it holds for). In the preview this is a warning; a published
build stops on it.""")
    FACT_EXPIRED = Entry(PAGES, 'an amount or limit is past its valid_until date', """\
Each fact in `data/facts.yaml` says until when it holds, usually the end of a tax year (5 April). Read the source
again, write the current value, set `valid_from` and `valid_until` to the dates it holds for, the source to the
page you read and `checked` to today. `make freshness` lists facts that are due. In the preview this is a
warning; a published build stops on it.""")
    FACT_VALUE_INVALID = Entry(PAGES, "a fact's value does not fit its unit", """\
Write the number alone, without £ or words: `value: 86.45` with `unit: pounds_per_week`, `value: 35` with
`unit: hours_per_week`, `value: 16` with `unit: years`. Hours, weeks and years are whole numbers; pounds have at
most two figures after the point. For words, use `unit: text`.""",
        fix='Write the number alone, without £ or words (86.45, 35), or change unit: to what the number counts.')
    FACT_DATES_REVERSED = Entry(PAGES, "a fact's valid_until is before its valid_from", """\
Set `valid_until` to a date after `valid_from`. For a yearly rate, that is the end of the tax year: valid from
6 April, until the next 5 April.""",
        fix='Set valid_until to a date after valid_from (for a yearly rate, the end of the tax year, 5 April).')
    FACT_DUPLICATE_ID = Entry(PAGES, 'two facts have the same id', """\
Give each fact in `data/facts.yaml` its own id. If both are the same fact, delete one: pages quote it by its id.""")
    PAGE_TEMPLATE_NOT_ALLOWED = Entry(PAGES, "a page uses something other than the site's macros", """\
Between `{{` and `}}` a page can use only the macros in the [macros reference](editors/macros.md), given plain
text in straight double quotes or numbers, like `{{ contact_card("samaritans") }}`, and the council's details
`{{ council.name }}`, `{{ council.short_name }}` and `{{ council.area }}`. Nothing else works in a page: other
names, a `|` after a value, sums, and every `{% %}` tag (`{% include %}`, `{% set %}`, `{% if %}`, `{% for %}`,
`{% macro %}`). The site refuses them before it builds anything, because they could run a program on the
computer that builds the site. Take it out, or use a macro. If the site needs something no macro does, ask a
developer for a new macro.""")
    PAGE_TEMPLATE_BROKEN = Entry(PAGES, "a page's `{{ }}` cannot be read", """\
Each `{{` needs its `}}`, with straight double quotes around text: `{{ phone("samaritans") }}`. To show `{{`,
`{%` or `{#` as they are, put them between `{% raw %}` and `{% endraw %}`. A heading's id written `{#my-id}`
starts a hidden note instead: write `{ #my-id }`, with spaces.""")
    MACRO_WRONG_ARGUMENTS = Entry(PAGES, 'a macro is given the wrong values', """\
Write the macro as the [macros reference](editors/macros.md) shows it: as many values as it takes, and only its
own names, like `{{ services(audience="young-carers") }}`. The message shows how.""")
    PAGE_HTML_NOT_ALLOWED = Entry(PAGES, 'the page has HTML that pages cannot have', """\
Pages are written in Markdown. A few HTML elements are allowed for layout; anything that could run a program,
show another website or collect what readers type is not: `<script>`, `<iframe>`, `<object>`, `<embed>`,
`<form>`, `<meta>`, `<base>`, `<link>`, `<style>`, `<svg>` and anything else not in the list below. The
message gives the line. What to do instead:

- a video or another website: link to it, `[Watch the video on YouTube](https://www.youtube.com/...)`;
- a form: link to the council's online form; the emergency plan has its own macro, `{{ emergency_plan_form() }}`;
- a contact's phone number or a service: use the macros (`{{ phone("...") }}`, `{{ service("...") }}`);
- something that must work in the browser, or a new look: ask the site's developers to add it to the theme.

To show HTML as an example, put it in backticks: `` `<script>` `` is shown, not run. A comment
(`<!-- ... -->`) must not have HTML inside it.

The HTML a page can use: `p`, `br`, `hr`, `h1` to `h6`, `em`, `strong`, `b`, `i`, `small`, `sup`, `sub`,
`abbr`, `code`, `pre`, `blockquote`, `ul`, `ol`, `li`, `dl`, `dt`, `dd`, `div`, `span`, `details`, `summary`,
`a`, `img` and the parts of a `table`.""")
    PAGE_HTML_ATTRIBUTE_NOT_ALLOWED = Entry(PAGES, 'an element in the page has an attribute pages cannot use', """\
Elements in a page can have `class`, `id`, `title`, `lang`, `dir`, `hidden` and `aria-` attributes; links an
`href`, pictures `src`, `alt`, `width` and `height`. Remove anything else, whether written in HTML or added
with `{: ... }` after a paragraph or link. Attributes starting with `on` (`onclick`, `onload`) run programs and
`style` changes the look in a way the site's security policy blocks anyway: ask the site's developers for a new
style (a class) instead. An `id` uses letters, numbers and hyphens and does not start with `md-` or `ch-`
(the site's own code looks for those): `## My heading { #my-heading }`, with the spaces (`{#` starts a
macro comment).""")
    PAGE_LINK_UNSAFE = Entry(PAGES, 'a link or picture address that pages cannot use', """\
A link goes to a web page (`https://...`), an email address (`mailto:...`), a phone number (`tel:...` or
`sms:...`) or another page's file (`../support/carers-assessment.md`). Addresses starting `javascript:`,
`vbscript:`, `data:` or `file:` can run a program or open a file on the reader's own device, so the build
stops on them however they are written. A picture is a file saved next to the page:
`![What the picture shows](picture.png)`.""")

    # Crisis pages
    CRISIS_PAGE_MISSING = Entry(CRISIS, 'a crisis page is missing', """\
The pages listed under `crisis_pages` in `data/site.yaml` must always exist. Put the page back. If it moved,
change its path in `crisis_pages`.""")
    CRISIS_CONTACT_MISSING = Entry(CRISIS, 'a crisis page does not show a contact it must show', """\
Add `{{ contact_card("id") }}` for the contact named, on a line of its own. The list of contacts each crisis page
must show is under `crisis_pages` in `data/site.yaml`.""")
    CRISIS_PAGE_REVIEW_OVERDUE = Entry(CRISIS, 'a crisis page is past its review date', """\
Carers in crisis rely on this page. Check every number and sentence today, then set `last_reviewed` to today and
`review_by` no more than 6 months ahead. Unlike other pages, this stops the preview too.""")
    GET_HELP_LINK_MISSING = Entry(CRISIS, 'a page has no "Get help now" link', """\
Every page shows "Get help now" at the top. A change to a template in `overrides/` has removed it: put
`{% include "partials/carers/crisis-bar.html" %}` back in the header block of `overrides/main.html`.""")

    # Reports from carers
    REPORT_PROBLEM_TWO_WAYS = Entry(REPORTS, 'both an email and a form for reports', """\
`report_problem` in `data/site.yaml` has both `email:` and `form:`. The "Report a problem with this page" link
can go to only one. Keep your team's mailbox or your council's form, and delete the other line. See
[Reports from carers](editors/reports-from-carers.md).""",
        fix="Keep email: (the team's mailbox) or form: (the council's form), not both.")

    # Reading level
    READING_SENTENCE_TOO_LONG = Entry(READING, 'a sentence is too long', """\
Normal pages allow 25 words a sentence, crisis pages 20 and easy-read pages 15. Split the sentence named into two
or more. One idea a sentence is easiest to read.""")
    READING_TOO_HARD = Entry(READING, 'the page is too hard to read', """\
The page's Flesch-Kincaid grade is over its limit (`reading_level` in `data/site.yaml`). Use shorter sentences
and everyday words ("help" not "assist", "use" not "utilise"). If a page really needs harder words, for example
legal terms, add this to its front matter and say why:

```yaml
reading_level:
  max_grade: 9
  reason: Explains the legal steps of a lasting power of attorney.
```""")
    SERVICE_SENTENCE_TOO_LONG = Entry(READING, 'a sentence in your words is too long (make check)', """\
A service's `summary`, or a description in the council's own words, has a sentence over the standard pages'
limit (25 words). Split it. If the description is a provider's own words (an imported directory's, say), set
`description_by: provider`: their words are then shown as theirs, under "In their words", and not held to this
rule; write a short `summary:` in your words for listings. See
[Add or change a service](editors/services.md#whose-words).""")
    SERVICE_SUMMARY_MISSING = Entry(READING, "a provider's long description has no summary (a warning)", """\
`make check` lists these, longest sentence first; they never stop the site. The provider's words stay on the
service's page, as theirs; lists of services show only their first 25 words until you add a `summary:`: one or
two short sentences in your own words saying what the service does and who it is for.""")

    # Services
    SERVICE_ID_RESERVED = Entry(SERVICES, "a service's id is an address the directory uses", """\
A service's page is at `services/<id>/`, beside the directory's own pages: the list of services
(`services/`), its later pages (`services/page-2/`, `page-3/` ...) and the folders of its filters (`kind`, `for`,
`in`, `index`). A service with one of these ids would be at the same address as one of them. Give it another id,
such as its name in small letters with `-` between the words.""",
        fix=('Choose another id for the service, such as its name in small letters with - between the words '
             '(carers-cafe-page-2 rather than page-2).'))
    TIME_INVALID = Entry(SERVICES, 'not a time', """\
Write times in the 24-hour clock, in quotes: `opens: "09:00"`, `closes: "17:30"`. Opening hours are the
council's own clock: a time zone (`09:00Z`, `09:00+01:00`) is refused.""",
        fix='Write the time in 24-hour clock, in quotes, like "09:00" or "17:30".')
    TIME_AS_NUMBER = Entry(SERVICES, 'a time written as a number', """\
`opens: 540` is a number, not a time. Some tools that write YAML turn an unquoted `09:00` into 540 (the minutes
after midnight). Write the time again in the 24-hour clock, in quotes: `opens: "09:00"`.""",
        fix=('Write the time in 24-hour clock, in quotes, like "09:00". Some tools write an unquoted 09:00 as 540 '
             '(minutes after midnight): write it again as the time it was.'))
    VALUE_NOT_ALLOWED = Entry(SERVICES, 'a value that is not on the list', """\
Some fields take one of a few set values, such as `how_to_access: self-referral`, `referral` or `either`, and
days written in full in small letters (`monday`). The message lists the values you can use.""",
        fix='Use one of the values the message lists, spelt exactly the same.')
    LIST_EMPTY = Entry(SERVICES, 'an empty list', """\
A service needs at least one audience and one category.""",
        fix="Add at least one item, like '{field}: {example}'.")
    NUMBER_OUT_OF_RANGE = Entry(SERVICES, 'a number out of range', """\
Latitude and longitude must be in the UK (latitude about 49 to 61, longitude about -8 to 2). Leave them out if
you are not sure.""",
        fix='Check the number: latitude and longitude must be in the UK.')
    NUMBER_INVALID = Entry(SERVICES, 'not a number', """\
Write digits only, like `51.5155`.""",
        fix='Write a number, like 51.5155.')
    POSTCODE_INVALID = Entry(SERVICES, 'not a UK postcode', """\
Write the whole postcode, like `EC2P 2EJ`. Leave it out if you do not know it.""",
        fix='Write a full UK postcode, like EC2P 2EJ.')
    HOURS_CLOSE_BEFORE_OPEN = Entry(SERVICES, 'closes before it opens', """\
Check `opens` and `closes`. Times use the 24-hour clock, so 5pm is `"17:00"`.""",
        fix='Check opens and closes: closes must be later in the day than opens.')
    SERVICE_AGES_REVERSED = Entry(SERVICES, 'the youngest age is over the oldest', """\
`minimum_age` is the youngest age the service takes and `maximum_age` the oldest. Swap them, or remove the one
that is wrong. Leave out `maximum_age` for "and over".""",
        fix='Swap minimum_age and maximum_age, or remove the one that is wrong.')
    SUMMARY_TOO_LONG = Entry(SERVICES, 'the summary is too long for a listing', """\
A summary is the line carers read in lists of services, in your own words: one or two short sentences, at
most 300 characters. Say what the service does and who it is for; the page itself has the rest.""",
        fix='Write one or two short sentences (300 characters at most): what it does and who it is for.')
    SERVICE_PHONE_AND_CONTACT = Entry(SERVICES, 'both phone and contact', """\
Use `contact:` when the number is already in `data/contacts.yaml` or `data/site.yaml`, so it is only written
once. Otherwise use `phone:`. Not both.""",
        fix='Keep contact (the number comes from data/contacts.yaml) or phone, not both.')
    SERVICE_DUPLICATE_ID = Entry(SERVICES, 'two services have the same id', """\
The id is the service's web address, so each must be different. If both are the same service, delete one.""")
    ORGANISATION_DUPLICATE_ID = Entry(SERVICES, 'two organisations have the same id', """\
Give each organisation in `data/organisations.yaml` its own id.""")
    CATEGORY_DUPLICATE_ID = Entry(SERVICES, 'two categories have the same id', """\
Give each category in `data/categories.yaml` its own id.""")
    ORGANISATION_UNKNOWN = Entry(SERVICES, 'no organisation with that id', """\
Add the organisation to `data/organisations.yaml` first, or check the spelling of its id.""")
    CATEGORY_UNKNOWN = Entry(SERVICES, 'a category we do not know', """\
Use ids from `data/categories.yaml`. The message lists them.""")
    SERVICE_REVIEW_OVERDUE = Entry(SERVICES, 'a service is past its review date', """\
Check the service's details against its `source`, fix what changed, then set `last_reviewed` to today and
`review_by` to the next review date. The preview warns; a published build stops.""")
    MACRO_UNKNOWN_SERVICE = Entry(SERVICES, 'a page asks for a service that does not exist', """\
In `{{ service("...") }}` or `{{ service_phone("...") }}`, use an id from `data/services.yaml`.""")
    MACRO_UNKNOWN_CATEGORY = Entry(SERVICES, 'a page asks for a kind of service or audience that does not exist', """\
In `{{ services(category="...", audience="...") }}`, use ids from `data/categories.yaml` and
`data/audiences.yaml`.""")

    # Files in content/ and data/
    CONTENT_FILE_NOT_ALLOWED = Entry(FILES, 'a file that the site cannot publish', """\
Everything in `content/` is published as it is, without the checks every page gets. Pages are `.md` files;
pictures `.png`, `.jpg`, `.jpeg`, `.gif`, `.webp`, `.avif` or `.svg`; documents `.pdf`, `.docx`, `.odt`,
`.xlsx`, `.ods`, `.csv` or `.txt`; sound and video `.mp3`, `.m4a` or `.mp4`. Other files, such as `.html` or
`.js`, could run a program in a reader's browser on the site's own address. Save the file as one of the kinds
above, or write a page in Markdown instead. If the site really needs another kind of file, ask a developer to
add it to the theme (`overrides/`).""")
    CONTENT_FILE_NOT_WHAT_IT_SAYS = Entry(FILES, 'a file whose name does not match what it holds', """\
A file named `.png` must hold a PNG picture, a `.pdf` a PDF, and so on: a browser sent something else may treat
it as a web page. Save the picture again from a picture editor in the format its name says, or rename it.""")
    SVG_NOT_A_PICTURE = Entry(FILES, 'an SVG file holds more than a drawing', """\
An SVG file can hold programs and links as well as a drawing, and they would run on the site's address when
someone opens the picture. The message names the part that is not allowed: a script, a web page element, an
`on...` attribute, a link to anything but a part of the same picture, or a `DOCTYPE`. Save the picture as `.png`
instead, or export it again as a plain SVG (in Inkscape: Save as, Optimized SVG) with no scripts or links.""")
    FILE_OUTSIDE_PROJECT = Entry(FILES, 'a link to a file somewhere else', """\
A file in `content/` or `data/` is a link (a symlink or shortcut) to a file outside that folder. The build only
reads and publishes the site's own files, so it stops. Copy the file itself into the folder, or remove the link.""")

    # Accessibility
    IMAGE_ALT_MISSING = Entry(ACCESSIBILITY, 'a picture without words', """\
Some readers cannot see pictures. Write what the picture shows in the square brackets:
`![A carer helping her father with his coat](coat.jpg)`. In HTML, use `alt="..."`.""")
    COLOUR_LOW_CONTRAST = Entry(ACCESSIBILITY, 'a colour too light for white text', """\
The header and the "Get help now" bar show white text on `colours.primary` and `colours.accent` in
`data/site.yaml`. Both must reach a contrast of 4.5:1 with white. Choose a darker shade.""",
        fix='Choose a darker colour. Check it with a contrast checker: white text on it must reach 4.5:1.')
    WCAG_CRITERION_INVALID = Entry(ACCESSIBILITY, 'a known problem names no WCAG success criterion', """\
In `data/site.yaml`, under `accessibility:` and `known_problems:`, write the success criterion the problem fails
by its number and name as WCAG 2.2 gives them, for example `criterion: 2.1.1 Keyboard`.""",
        fix=("Write the success criterion's number and name as WCAG 2.2 gives them, for example criterion: 2.1.1 "
             'Keyboard.'))
    ACCESSIBILITY_STATUS_CONTRADICTS = Entry(
        ACCESSIBILITY, 'the statement says the site fully meets the standard, but lists problems', """\
A site with a known problem only partly meets the standard. Write `status: partial` under `accessibility:` in
`data/site.yaml`, or remove the problems that are fixed.""",
        fix='Write status: partial while any known problem is listed, or remove the problems that are fixed.')
    ACCESSIBILITY_TESTED_BEFORE_PREPARED = Entry(ACCESSIBILITY, 'last_tested is before the statement was prepared', """\
Under `accessibility:` in `data/site.yaml`, `last_tested` is the date the site was last tested. It cannot be
before `prepared`, the date the statement was first written. Check both dates.""",
        fix='Write the date the site was last tested, on or after the date the statement was prepared.')
    ACCESSIBILITY_STATEMENT_MISSING = Entry(ACCESSIBILITY, 'the statement page has nothing to show', """\
The accessibility statement page uses `{{ accessibility_statement() }}`, which shows the facts under
`accessibility:` in `data/site.yaml`. Add that section: `status`, `prepared`, `last_tested`, `tested_how`,
`reply_within_working_days` and any `known_problems`. docs/developers/accessibility.md shows an example.""")

    # Privacy
    THIRD_PARTY_REQUEST = Entry(PRIVACY, 'a page would load something from another website', """\
Pages must not load fonts, scripts, pictures or anything else from other websites: each request would tell
that website who is reading about caring. Copy the file into `overrides/assets/` and link to the copy, or
remove it. Ordinary links to other websites are fine.""")
    LEAFLET_READS_OUTSIDE_SITE = Entry(PRIVACY, 'a leaflet would read something that is not part of the site', """\
The PDF leaflets of easy-read pages and the crisis page may show only the site's own pictures and files. A
picture, stylesheet or other file named by a `file:` address, by another website's address, or by an address
on this computer (like `http://127.0.0.1/`) is refused, because it could put private files into a public
leaflet. Put the picture in `content/` beside the page and show it with `![what it shows](picture.png)`, or
remove it.""")
    LEAFLET_ATTACHMENT = Entry(PRIVACY, 'a page asks for a file to be attached to its leaflet', """\
A link or `<link>` with `rel="attachment"` would put the file it points at inside the PDF leaflet. Leaflets
never carry attached files: remove `rel="attachment"`. To offer a file, link to it in the usual way.""")

    # Easy read
    EASY_READ_POINT_WITHOUT_PICTURE = Entry(EASY_READ, 'easy-read words without a picture', """\
In an easy-read page every point has a picture beside it. Write each point with the point macro:
`{{ point("phone", "Call 999 if someone is in danger.") }}`. Contact boxes and hard-word boxes are fine as they are.""")
    MACRO_UNKNOWN_PICTURE = Entry(EASY_READ, 'a picture that does not exist', """\
Use a picture name from `data/pictures.yaml`, like `phone`, `carer` or `home`. The message lists them all.""")
    PICTURE_DUPLICATE_NAME = Entry(EASY_READ, 'two pictures with the same name', """\
Give each picture in `data/pictures.yaml` its own name.""")
    PICTURE_ICON_MISSING = Entry(EASY_READ, "a picture's icon does not exist", """\
Pictures use icons that come with the site's theme. Write `material/` and the icon's name, like
`material/phone`. Icon names are listed at https://pictogrammers.com/library/mdi/.""")

    # Bringing in a directory (make import-directory)
    IMPORT_MAPPING_UNKNOWN_ID = Entry(IMPORT, 'the mapping file names an id that does not exist', """\
`data/import/mapping.yaml` names a kind of service or an audience that is not in `data/categories.yaml` or
`data/audiences.yaml`. Check the spelling against those files, or add the new one there first. The import
stops before it changes anything. See [Bring in your directory](editors/bring-in-your-directory.md).""")
    IMPORT_FEED_SHRANK = Entry(IMPORT, 'the directory lists far fewer services than last time', """\
Since the last import, the directory has lost more than a fifth of its services (or all of them). A directory
that is down, or half-way through an update, can answer like this, so the import stops before it changes
anything: importing it would remove those services from the site. Open the directory's address in a browser, or
ask the team that runs it, and run the import again later. If the services really have closed, run
`make import-directory SOURCE=... IMPORT_OPTIONS=--accept-removals`: the report lists every one removed. See
[Bring in your directory](editors/bring-in-your-directory.md).""")
    IMPORT_SNAPSHOT_UNREADABLE = Entry(IMPORT, "the last import's record is damaged", """\
`data/import/last-import.json` is written by each import: the next one compares with it to tell your edits from
the directory's changes. It could not be read (often after a merge in git left conflict lines in it). Put it back
as it was committed with `git checkout -- data/import/last-import.json`, then run the import again. The import
stops before it changes anything.""")

    # Site settings (mkdocs.yml)
    CONFIG_DIRECTORY_URLS = Entry(SETTINGS, 'short page addresses are turned off', """\
The site's links, leaflets and pages made from data use short addresses like `support/carers-assessment/`.
Set `use_directory_urls: true` in `mkdocs.yml`, or remove the line.""")
    CONFIG_SEARCH_PLUGIN = Entry(SETTINGS, "the theme's search plugin is on", """\
The site's search is Pagefind, made from the finished pages after each build. The theme's own search plugin
would write a second, much larger index that nothing uses. Remove `- search` from `plugins:` in `mkdocs.yml`
(MkDocs also turns it on when `plugins:` is missing altogether, so keep that list).""")
    CONFIG_MACROS = Entry(SETTINGS, 'the macros plugin is missing or set differently', """\
Pages call the generator's macros (`{{ phone("samaritans") }}` and the others) through the macros plugin. It
must be listed under `plugins:` in `mkdocs.yml` before `- carers-hub`, with exactly these settings, so that
pages can call only the generator's macros and a mistake in one stops the build instead of printing an error
into the page:

```yaml
plugins:
  - macros:
      modules: [carers_hub.macros]
      on_error_fail: true
      on_undefined: strict
  - carers-hub
```""")
    CONFIG_LOCAL_CODE = Entry(SETTINGS, "the site's folder holds Python code", """\
The macros plugin runs `main.py` (or a `main/` folder) from the site's folder, if there is one, during the
build. Pages are words, not code, and the build runs only the generator's own code, so it stops instead.
Delete the file or folder the message names. If you need something new on a page, ask for it to be added to
the generator.""")
    SEARCH_INDEX_FAILED = Entry(SETTINGS, 'Pagefind could not index the site', """\
Pagefind runs on the finished site at the end of every build and writes `site/pagefind/`. The message shows
what Pagefind said. If it indexed no page, the pages lost their `data-pagefind-body` mark (coupling point
"article markup" in developers/how-it-works.md). If the Pagefind program is missing, reinstall the site's
packages (`make site` does it from `requirements/site.txt`).""")
    OUTPUT_CHECK_FAILED = Entry(SETTINGS, 'the built site breaks a promise', """\
`make check` looks at the finished site as a reader gets it. This means a page was built without the site's
own build steps (for example by another program that ignores the `carers-hub` plugin in `mkdocs.yml`), or a template
change removed something every page must have. The message names the page and what is missing. Build
with `make site` and check that `plugins:` in `mkdocs.yml` lists `- carers-hub`.""")
    INLINE_SCRIPT_NOT_LISTED = Entry(SETTINGS, 'a page has a script the site does not know', """\
Every page's Content-Security-Policy allows only the theme's and the site's own inline scripts, listed by their
exact text in `hooks/outputs/page_scripts.py` (`LISTED`), and script files from `assets/javascripts/`. The
message names the page and the start of the script. If it came from a page's words (a macro that writes HTML),
remove it. If a developer added it to a template, move it into a file in `overrides/assets/javascripts/` and load
it with `<script src="...">`; if it must run inline, before the page is drawn, add it to `LISTED` exactly as the
template writes it (`tests/test_page_code.py` checks each entry is in its template). After a theme upgrade,
copy the theme's new text for the script named into `LISTED`.""")
    BUILD_MESSAGE = Entry(SETTINGS, 'a message from the site builder itself', """\
Most problems are put in plain words by the site's own checks. This one is in the words of MkDocs, the program
that builds the site, or of one of its plugins (a macro that could not run, say). It usually names the page.
If it is not clear what to change, ask the site's developers and show them the message.""")
    EDITOR_BUNDLE_MISSING = Entry(SETTINGS, "the browser editor's files are not installed", """\
The site's editor at `/admin/` is copied into every build (Decap CMS for `make edit`, Sveltia CMS and its fonts
for the published site) from the site's `node_modules/` when `npm ci` put them there, else from inside the
carers-hub package, whose wheel holds them. This build found neither: install carers-hub from its wheel (`pip
install -r requirements.txt`), or run `npm ci` in the project folder (`make site` and `make serve` do it for
you; they need Node.js and npm), then build again. The build stops rather than publish an editor page that
cannot load.""")
    EDITOR_FONT_UNKNOWN = Entry(SETTINGS, 'the editor would load a font from another website', """\
The published editor (Sveltia CMS) names its fonts on a CDN; the build copies them from `node_modules/` and
points the editor at the copies, so `/admin/` asks nothing of another website. This version of the editor names
a font the build does not know, which happens after `@sveltia/cms` is updated in `package.json`. A developer adds
that font's fontsource package (the version in the address) to `package.json` and to `FONTS` in
`hooks/editor/page.py`, or puts back the editor version that was pinned before.""")
    GITHUB_REPO_INVALID = Entry(SETTINGS, 'editor.repo is not a GitHub repository', """\
In `data/site.yaml`, under `editor:`, write the repository as GitHub shows it in its address: `owner/name`, for
example `repo: city-of-london/carers-hub`. Leave the line out if the site is not on GitHub: the editor then
works only on your computer, with `make edit`.""",
        fix=('Write the repository the way GitHub shows it in its address, owner/name, for example '
             'city-of-london/carers-hub.'))
    BRANCH_INVALID = Entry(SETTINGS, 'editor.branch is not a branch name', """\
Write the name of the branch the site is published from, usually `branch: main`.""",
        fix='Write the name of the branch the site is published from, usually main.')

    @property
    def section(self) -> str:
        return self.value.section

    @property
    def title(self) -> str:
        return self.value.title

    @property
    def help(self) -> str:
        return self.value.help

    @property
    def fix(self) -> str:
        return self.value.fix
