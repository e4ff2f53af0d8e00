"""Bring in a council's existing Open Referral UK directory: `make import-directory SOURCE=...`.

Never part of a build (the build stays offline); an editor runs it, reviews the changes to data/, then commits.

    fetch.py     HTTP with a rate limit, retries, a timeout and a resume cache; the list's pages
    progress.py  a running count with the time left
    shapes.py    the feed's JSON (ORUK 3.0, or the older v1 shape, vendor fields and all) as typed records
    clean.py     HTML to plain text, empty strings to nothing, and every value checked by the project's own
                 field types (hooks/data/fields.py), so what the import keeps the build accepts
    mapping.py   data/import/mapping.yaml: what the feed cannot say (audience, say), filled by the editor
    convert.py   a feed record as a Carers Hub service and organisation, with a note for everything dropped
    merge.py     a three-way merge with the last import, so local edits survive a re-import; what changed
    store.py     where imported data lives: data/services-imported.yaml and organisations-imported.yaml,
                 and the last import in data/import/last-import.json
    report.py    the import report (data/import/report.md) an editor reads before committing
    run.py       the steps in order, for the command-line tool (hooks/tools/import_directory.py) and tests
"""
