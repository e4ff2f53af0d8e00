"""The browser editor's whole configuration (admin/config.yml), from the site's settings and data."""

from __future__ import annotations

from typing import Mapping

import yaml

from hooks.data.models import Editor
from hooks.editor import collections

LOCAL_SERVER = "http://localhost:8081/api/v1"  # decap-server's own default, for a site with no repository named
MEDIA = {"media_folder": "content/assets/images", "public_folder": "/assets/images"}


def backend(settings: Editor | None, local_server: str | None) -> dict:
    """Where saves go. On the computer (make edit, tests): the local server, which writes the files in place.
    Published with a GitHub repository named: GitHub, each save a pull request to review (editorial workflow)."""
    if local_server or not (settings and settings.repo):
        return {"backend": {"name": "proxy", "proxy_url": local_server or LOCAL_SERVER, "branch": "main"},
                "publish_mode": "simple"}
    return {"backend": {"name": "github", "repo": settings.repo, "branch": settings.branch,
                        "squash_merges": True},
            "publish_mode": "editorial_workflow"}


def editor_config(settings: Editor | None, site_url: str, folders: list[str], sizes: Mapping[str, int],
                  picks: Mapping[str, tuple[list[dict], str]], local_server: str | None = None) -> dict:
    """folders: the folders of content/ ("" for the top); sizes: the items in each data file that exists."""
    return {
        **backend(settings, local_server),
        "site_url": site_url, "display_url": site_url, "locale": "en",
        **MEDIA,
        "collections": collections.page_collections(folders, picks) + [collections.data_collection(sizes, picks)],
    }


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True  # the same fields repeated in full, never as &id001 and *id001: easier to read


def as_yaml(config: dict) -> str:
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
