"""The browser editor's whole configuration (admin/config.yml), from the site's settings and data.

Three cases (`mode`): on this computer (make edit, tests) Decap CMS saves through the local server; published with
a GitHub repository named, Sveltia CMS signs in to GitHub with a token (no server of the council's own) and each
save is a pull request; published with none, there is no editor, only a page saying what to set up (page.py)."""

from __future__ import annotations

from typing import Literal, Mapping
from urllib.parse import urlsplit

import yaml

from carers_hub.data.models import Editor
from carers_hub.editor import collections

Mode = Literal["local", "github", "unset"]
MEDIA = {"media_folder": "content/assets/images", "public_folder": "/assets/images"}
LOGO = "assets/images/favicon.svg"  # the site's own mark (overrides/assets), shown on the sign-in screen


def mode(settings: Editor | None, local_server: str | None) -> Mode:
    """The local server when one is running; else the repository named in data/site.yaml; else none."""
    if local_server:
        return "local"
    return "github" if settings and settings.repo else "unset"


def backend(settings: Editor | None, local_server: str | None) -> dict:
    """Where saves go. On the computer: the local server, which writes the files in place. Published: GitHub,
    each save a pull request to review (editorial workflow), signed in with the editor's own token."""
    if mode(settings, local_server) == "local":
        return {"backend": {"name": "proxy", "proxy_url": local_server, "branch": "main"}, "publish_mode": "simple"}
    if mode(settings, local_server) == "unset":
        raise ValueError("no repository named: the site has no editor, only its set-up page")
    return {"backend": {"name": "github", "repo": settings.repo, "branch": settings.branch,
                        "auth_methods": ["token"],  # OAuth needs a service of the council's own
                        "squash_merges": True},
            "publish_mode": "editorial_workflow"}


def branding(site_name: str, site_url: str) -> dict:
    """The council's name and mark on the sign-in screen and in the editor (Sveltia CMS's app_title and logo)."""
    return {"app_title": f"Edit {site_name}", "logo": {"src": urlsplit(site_url).path.rstrip("/") + "/" + LOGO}}


def without_defaults(value):
    """The fields with no `default`: Sveltia CMS fills a field's default into every existing record that leaves it
    out (Decap only into new ones), so a save would add `description_by: council` to every service. A left-out
    field still means the model's default to the build."""
    if isinstance(value, list):
        return [without_defaults(item) for item in value]
    if isinstance(value, dict):
        return {key: without_defaults(item) for key, item in value.items() if key != "default"}
    return value


def editor_config(settings: Editor | None, site_name: str, site_url: str, folders: list[str],
                  sizes: Mapping[str, int], picks: Mapping[str, tuple[list[dict], str]],
                  local_server: str | None = None) -> dict:
    """folders: the folders of content/ ("" for the top); sizes: the items in each data file that exists."""
    published = mode(settings, local_server) == "github"
    config = {
        **backend(settings, local_server),
        **(branding(site_name, site_url) if published else {"locale": "en"}),  # Sveltia warns of `locale`
        "site_url": site_url, "display_url": site_url,
        **MEDIA,
        **({"output": {"omit_empty_optional_fields": True}} if published else {}),  # as Decap: no `key: ''`
    }
    made = collections.page_collections(folders, picks, collections.PAGE_FORMAT[mode(settings, local_server)])
    made += [collections.data_collection(sizes, picks)]
    return {**config, "collections": without_defaults(made) if published else made}


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True  # the same fields repeated in full, never as &id001 and *id001: easier to read


def as_yaml(config: dict) -> str:
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
