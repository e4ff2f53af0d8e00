"""What the browser editor may change, and the form for each: every page in content/ (one list per folder),
the services, the organisations, the contacts and the facts pages quote (amounts, limits, ages). Choices
(audiences, categories, organisations, contacts) are read from data/ by the build, so the forms offer exactly what
the build accepts."""

from __future__ import annotations

from typing import Mapping

from carers_hub.data.facts import Fact
from carers_hub.data.models import Contact, PageMeta
from carers_hub.data.service_models import Organisation, Service
from carers_hub.editor.widgets import key_order, model_fields

# Data files the editor opens: (collection entry name, file, top-level list, the model of one item, label).
DATA_FILES = (
    ("services", "data/services.yaml", "services", Service, "Services"),
    ("services-imported", "data/services-imported.yaml", "services", Service, "Imported services"),
    ("organisations", "data/organisations.yaml", "organisations", Organisation, "Organisations"),
    ("organisations-imported", "data/organisations-imported.yaml", "organisations", Organisation,
     "Imported organisations"),
    ("contacts", "data/contacts.yaml", "contacts", Contact, "Helplines and crisis contacts"),
    ("facts", "data/facts.yaml", "facts", Fact, "Amounts, limits and ages"),
)
SUMMARY = {"facts": "{{fields.label}}"}  # how each item of the list is named in the form; others have a name
DIRECTORY = "directory"  # the collection of data files
FORMAT = "yaml-ordered"  # their format: Decap's YAML with each record's keys in its model's order (js/format.js)
# The pages' format: Decap's own "frontmatter" on this computer; for Sveltia CMS (published), the same style
# written by js/format.js ("page-frontmatter"), as Sveltia's own would not fold long lines as Decap does.
PAGE_FORMAT = {"local": "frontmatter", "github": "page-frontmatter"}
# A list the editor opens as one form: Decap draws every item (measured in Chromium on a busy 2-core machine:
# about 3 s for the 40 example services, 9 to 20 s and 470 MB for 200, 55 to 64 s and 3.4 GB for 1,000). A
# longer imported file stays out of the editor: it is corrected at its source and imported again
# (docs/developers/browser-editor.md).
LIST_MAX = 100
PAGES = "pages"  # the collection of pages at the top of content/; folders are collections named after them
BODY = {"name": "body", "label": "The page's words", "widget": "text",
        "hint": "Markdown: ## for a heading, - for a list item, [words](page.md) for a link. Keep macros such as "
                "{{ phone(\"samaritans\") }} exactly as they are: they show numbers from the contacts."}


def options(items: Mapping[str, str]) -> list[dict]:
    """{id: label} as select options, labelled "Label (id)" so the id written to the file is visible."""
    return [{"label": f"{text} ({key})", "value": key} for key, text in items.items()]


def choices(audiences: Mapping[str, str], categories: Mapping[str, str], organisations: Mapping[str, str],
            contacts: Mapping[str, str]) -> dict[str, tuple[list[dict], str]]:
    """Field name -> (options, file): the fields whose values must be ids from another data file."""
    return {
        "audience": (options(audiences), "data/audiences.yaml"),
        "categories": (options(categories), "data/categories.yaml"),
        "organisation": (options(organisations), "data/organisations.yaml"),
        "contact": (options(contacts), "data/contacts.yaml and data/site.yaml"),
    }


def folder_label(folder: str) -> str:
    return folder.replace("-", " ").capitalize() if folder else "Main pages"


# The published editor (Sveltia CMS) shows a page's words as Markdown beside the form, in the site's own styles
# (format.js registers them); its Markdown box kept to plain text ("raw"), so what is typed is what is saved.
PREVIEWED_BODY = {**BODY, "widget": "markdown", "modes": ["raw"]}


def page_collections(folders: list[str], picks: Mapping[str, tuple[list[dict], str]],
                     page_format: str = PAGE_FORMAT["local"]) -> list[dict]:
    """One folder collection per folder of content/ (each holds its own .md files, not its sub-folders)."""
    previewed = page_format == PAGE_FORMAT["github"]
    fields = model_fields(PageMeta, picks) + [PREVIEWED_BODY if previewed else BODY]
    return [{
        "name": folder or PAGES, "label": folder_label(folder), "label_singular": "page",
        "folder": "content/" + folder if folder else "content", "extension": "md", "format": page_format,
        "create": False, "delete": False,  # a new page needs a place in the menu (mkdocs.yml): make new-page
        "identifier_field": "title", "summary": "{{title}}", "editor": {"preview": previewed}, "fields": fields,
    } for folder in folders]


def editable_files(sizes: Mapping[str, int]) -> list[tuple]:
    """The DATA_FILES the editor opens. sizes: the number of items in each data file that exists."""
    return [entry for entry in DATA_FILES if 0 < sizes.get(entry[1], 0) <= LIST_MAX or
            (entry[1] in sizes and not entry[0].endswith("-imported"))]


def data_collection(sizes: Mapping[str, int], picks: Mapping[str, tuple[list[dict], str]]) -> dict:
    """The data files, each a form holding its whole list (editable_files)."""
    files = []
    for name, path, key, model, title in editable_files(sizes):
        item_fields = model_fields(model, picks)
        files.append({"name": name, "label": title, "file": path, "editor": {"preview": False}, "fields": [{
            "name": key, "label": title, "widget": "list", "collapsed": True, "summary": SUMMARY.get(key, "{{fields.name}}"),
            "fields": item_fields}]})
    return {"name": DIRECTORY, "label": "Services and contacts", "delete": False, "format": FORMAT, "files": files}


def data_key_order() -> dict:
    """How the editor orders keys in every data file it writes (js/format.js reads it from admin/order.json)."""
    return {"keys": [key for _, _, key, _, _ in DATA_FILES],
            "children": {key: key_order(model) for _, _, key, model, _ in DATA_FILES},
            "page": [*PageMeta.model_fields, BODY["name"]],  # a page's front matter (js/format.js)
            "page_tree": key_order(PageMeta),  # and the keys inside its fields, such as each source's
            # yes/no fields that are "no" unless a page says otherwise: left out when "no", as Decap leaves them
            "page_off": [name for name, info in PageMeta.model_fields.items() if info.default is False]}


def entry_path(collection: str, slug: str) -> str:
    """The editor's address (after /admin/) for one entry."""
    return f"#/collections/{collection}/entries/{slug}"


def service_entry(file: str, sizes: Mapping[str, int]) -> str | None:
    """The editor's address for a service: its file's form, which lists every service in it (the CMS cannot open
    one item of a list by address); None if the editor does not open that file."""
    name = next((name for name, path, *_ in editable_files(sizes) if path == file), None)
    return entry_path(DIRECTORY, name) if name else None


def page_entry(src_uri: str) -> str:
    """The editor's address for a page in content/ (its path there, e.g. support/carers-assessment.md)."""
    folder, _, name = src_uri.rpartition("/")
    return entry_path(folder or PAGES, name.removesuffix(".md"))
