"""What the browser editor may change, and the form for each: every page in content/ (one list per folder),
the services, the organisations and the contacts. Choices (audiences, categories, organisations, contacts) are
read from data/ by the build, so the forms offer exactly what the build accepts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from hooks.data.models import Contact, PageMeta
from hooks.data.service_models import Organisation, Service
from hooks.editor.widgets import model_fields

# Data files the editor opens: (collection entry name, file, top-level list, the model of one item, label).
DATA_FILES = (
    ("services", "data/services.yaml", "services", Service, "Services"),
    ("services-imported", "data/services-imported.yaml", "services", Service, "Imported services"),
    ("organisations", "data/organisations.yaml", "organisations", Organisation, "Organisations"),
    ("organisations-imported", "data/organisations-imported.yaml", "organisations", Organisation,
     "Imported organisations"),
    ("contacts", "data/contacts.yaml", "contacts", Contact, "Helplines and crisis contacts"),
)
DIRECTORY = "directory"  # the collection of data files
PAGES = "pages"  # the collection of pages at the top of content/; folders are collections named after them
BODY = {"name": "body", "label": "The page's words", "widget": "text",
        "hint": "Markdown: ## for a heading, - for a list item, [words](page.md) for a link. Keep macros such as "
                "{{ phone(\"samaritans\") }} exactly as they are: they show numbers from the contacts."}


@dataclass(frozen=True)
class Choice:
    options: list[dict]  # {"label": what the editor sees, "value": the id written to the file}
    source: str  # the data file they come from, named in the field's help


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


def page_collections(folders: list[str], picks: Mapping[str, tuple[list[dict], str]]) -> list[dict]:
    """One folder collection per folder of content/ (each holds its own .md files, not its sub-folders)."""
    fields = model_fields(PageMeta, picks) + [BODY]
    return [{
        "name": folder or PAGES, "label": folder_label(folder), "label_singular": "page",
        "folder": "content/" + folder if folder else "content", "extension": "md", "format": "frontmatter",
        "create": False, "delete": False,  # a new page needs a place in the menu (mkdocs.yml): make new-page
        "identifier_field": "title", "summary": "{{title}}", "editor": {"preview": False}, "fields": fields,
    } for folder in folders]


def data_collection(present: set[str], picks: Mapping[str, tuple[list[dict], str]]) -> dict:
    """The data files, each a form holding its whole list. `present`: the files that exist (imported ones may not)."""
    files = []
    for name, path, key, model, title in DATA_FILES:
        if path not in present:
            continue
        item_fields = model_fields(model, picks)
        files.append({"name": name, "label": title, "file": path, "editor": {"preview": False}, "fields": [{
            "name": key, "label": title, "widget": "list", "collapsed": True, "summary": "{{fields.name}}",
            "fields": item_fields}]})
    return {"name": DIRECTORY, "label": "Services and contacts", "delete": False, "files": files}


def entry_path(collection: str, slug: str) -> str:
    """The editor's address (after /admin/) for one entry."""
    return f"#/collections/{collection}/entries/{slug}"


def service_entry(file: str) -> str:
    """The editor's address for a service: its file's form, which lists every service in it (the CMS cannot open
    one item of a list by address)."""
    name = next(name for name, path, *_ in DATA_FILES if path == file)
    return entry_path(DIRECTORY, name)


def page_entry(src_uri: str) -> str:
    """The editor's address for a page in content/ (its path there, e.g. support/carers-assessment.md)."""
    folder, _, name = src_uri.rpartition("/")
    return entry_path(folder or PAGES, name.removesuffix(".md"))
