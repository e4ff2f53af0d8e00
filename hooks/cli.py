"""`carers-hub COMMAND ...`: every task of a council's site, run in the site's folder (the one holding
mkdocs.yml). The Makefile's targets call these, so `make check` and `carers-hub check` do the same thing.

    carers-hub new DIR --council NAME  start a new council's site in DIR (a new or empty folder)
    carers-hub serve [PORT]            preview the site, reloading when a file is saved
    carers-hub site                    build the finished site into site/ (only a complete, checked build)
    carers-hub check [--site DIR]      build (or take a built site) and check it
    carers-hub edit [PORT]             the browser editor on this computer
    carers-hub tidy                    write data and front matter in the editor's style
    carers-hub new-page PATH TITLE     start a page
    carers-hub new-service ID NAME     start a service
    carers-hub import-directory SOURCE [options]
    carers-hub freshness [--days N]    what is due for review
    carers-hub pr-report [--out FILE]  build and check as on a pull request; write the report
    carers-hub changes BEFORE          what a push changed: content only, or code too (CI)
    carers-hub errors-doc              the errors page (docs/errors.md), written from the catalogue of codes
    carers-hub version                 the generator's version
"""

from __future__ import annotations

import importlib
import subprocess
import sys

from carers_hub.core.version import version

# command: (module, how its main is called). "argv": main(argv); "none": main(); "new": tools/new's page/service.
COMMANDS = {
    "new": ("carers_hub.tools.new_site", "argv"),
    "check": ("carers_hub.tools.check", "argv"),
    "edit": ("carers_hub.tools.edit", "port"),
    "tidy": ("carers_hub.editor.canonical", "none"),
    "new-page": ("carers_hub.tools.new", "page"),
    "new-service": ("carers_hub.tools.new", "service"),
    "import-directory": ("carers_hub.tools.import_directory", "argv"),
    "freshness": ("carers_hub.tools.freshness", "argv"),
    "pr-report": ("carers_hub.tools.pr_report", "argv"),
    "publish": ("carers_hub.tools.publish", "argv"),
    "changes": ("carers_hub.tools.changes", "argv"),
    "errors-doc": ("carers_hub.tools.errors_doc", "none"),
}


def mkdocs(*args: str) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", *args])


def site() -> int:
    """Build into .site-build; only a complete, strict build replaces site/. Placeholders left anywhere are
    listed first, all of them, without building (a new council's site starts with many)."""
    import shutil
    from pathlib import Path

    from carers_hub.data import placeholders
    from carers_hub.core.problems import report

    left = placeholders.in_site(Path.cwd())
    if left:
        print(report(sorted(left, key=lambda p: (p.file, p.line or 0))), file=sys.stderr)
        return 1
    shutil.rmtree(".site-build", ignore_errors=True)
    code = mkdocs("build", "--strict", "--site-dir", ".site-build")
    if code:
        return code
    from carers_hub.tools import publish
    code = publish.main([".site-build", "site"])
    if not code:
        print("Built the site into site/")
    return code


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help", "help"):
        print(__doc__)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "version":
        print(version())
        return 0
    if command == "serve":
        return mkdocs("serve", "--livereload", "--dirty", "--dev-addr", f"127.0.0.1:{rest[0] if rest else '8000'}")
    if command == "site":
        return site()
    if command not in COMMANDS:
        print(f'carers-hub: there is no command "{command}".\n{__doc__}', file=sys.stderr)
        return 2
    module_name, call = COMMANDS[command]
    module = importlib.import_module(module_name)
    if call == "argv":
        return module.main(rest)
    if call == "none":
        return module.main()
    if call == "port":
        return module.main(rest[0] if rest else "8000")
    return module.main([call, *rest])  # new-page / new-service


if __name__ == "__main__":
    sys.exit(main())
