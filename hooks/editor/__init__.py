"""The browser editor at /admin/ (Sveltia CMS on the published site, Decap CMS for make edit): its configuration,
made from the data models, and its page.

    widgets.py      a model's fields as the editor's form fields (required, choices, patterns, help)
    collections.py  what an editor may change: pages in content/, services, organisations, contacts
    config.py       the whole configuration (which mode, backend, publishing by pull request) as YAML text
    page.py         admin/index.html with its own security policy, the CMS's files copied from node_modules
                    (or from npm/ inside the package), and the page saying what to set up when no repository is named
    shipped.py      the CMS's files put into npm/ as the wheel is built (make wheel), byte for byte as locked
    canonical.py    the YAML style the editor writes, for data/ and the pages' front matter (make tidy)
    js/             Node helpers: the CMS's way of writing YAML (canonical.cjs), its local server (local_server.cjs)

Pure functions: the build (hooks/site_build.py) writes what they return into the site.
"""
