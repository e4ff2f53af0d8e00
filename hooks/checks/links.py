"""Check every internal link and anchor of a built site with linkchecker, over HTTP on 127.0.0.1 only.

External links are checked separately (`make check-external-links`, and weekly in CI): never in tests.
"""

from __future__ import annotations

import functools
import http.server
import re
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from carers_hub.core import urls
from carers_hub.core.source_lines import first_line
from carers_hub.core.problems import Problem

CONFIG = Path(__file__).with_name("linkcheckerrc")
CODE = "LINK_BROKEN"
FIX = ("Check the link. For a page in this site, write its file as it is in content/, like "
       "../support/carers-assessment.md; for a heading on it, add # and the heading's words in small letters "
       "joined by -, like ../support/carers-assessment.md#how-to-ask.")
# MkDocs' own words for a link it cannot follow (mkdocs/structure/pages.py, MkDocs 1.6).
MKDOCS_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains (?:a|an absolute|an unrecognized relative) link "
                         r"'(?P<link>[^']+)'")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # Tells linkchecker this server may be checked at full speed (it otherwise waits between requests).
        self.send_header("LinkChecker", "maxrated")
        super().end_headers()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve(folder: Path):
    """Serve a folder on 127.0.0.1; yields its address."""
    # Port 0: the system picks a free port as the server binds it, so no other program can take it first.
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def world_readable(folder: Path) -> None:
    # linkchecker drops to user nobody when run as root: the files must be readable by everyone.
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode | (0o005 if path.is_dir() else 0o004))
    for parent in folder.parents:
        if parent == Path("/"):
            break
        parent.chmod(parent.stat().st_mode | 0o001)


def linkchecker(url: str, external: bool = False) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "linkchecker"
    command = [str(exe), "--config", str(CONFIG), "--no-status", "--no-robots"]
    if external:
        command += ["--check-extern", "--ignore-url=^https?://127\\.0\\.0\\.1"]
    else:
        # The site's own files: the work is parsing, in Python, where threads only take turns (the example's 430
        # pages: 29 s with one thread, 34 s with linkcheckerrc's 4, which suit waiting on other websites).
        command += ["--threads", "1"]
    # Warnings count: linkchecker reports a missing anchor as a warning.
    return subprocess.run(command + [url], capture_output=True, text=True, timeout=1800)


def check_site(site: Path, start: str = "/", external: bool = False) -> subprocess.CompletedProcess:
    world_readable(site)
    with serve(site) as address:
        return linkchecker(address + start, external=external)


def problem_from_build_message(text: str, content: Path) -> Problem | None:
    """MkDocs' warning about a link in a page, as a Problem at the link's line; None for any other message."""
    found = MKDOCS_LINK.search(text)
    if not found:
        return None
    page, link = found.group("page"), found.group("link")
    return Problem(code=CODE, file=f"content/{page}", line=_line_of(content / page, link), field="",
                   message=f'the link "{link}" goes to a page or heading that does not exist.', fix=FIX)


def problems_from_linkchecker(output: str, content: Path) -> list[Problem]:
    """Each broken link or missing heading in linkchecker's report, at the page in content/ it was found on."""
    sources = {"/" + urls.page_url(p.relative_to(content).as_posix()).removeprefix("./"): p
               for p in content.rglob("*.md")}
    problems = []
    for block in output.split("\n\n"):
        fields = dict(re.findall(r"^(URL|Parent URL|Result|Warning) +(.*)$", block, re.M))
        if "URL" not in fields or not (fields.get("Result", "").startswith("Error") or "Warning" in fields):
            continue
        link = fields["URL"].strip("`'")
        parent = urlsplit(fields.get("Parent URL", "").split(",")[0]).path or "/"
        source = sources.get(parent)
        file = f"content/{source.relative_to(content).as_posix()}" if source else f"the built page {parent}"
        reason = "a heading that does not exist" if "Anchor" in fields.get("Warning", "") else "a page that does not exist"
        problems.append(Problem(code=CODE, file=file, line=_line_of(source, link) if source else None, field="",
                                message=f'the link "{link}" goes to {reason}.', fix=FIX))
    return problems


def _line_of(page: Path, link: str) -> int | None:
    """The first line of a page's Markdown that holds the link (as written, or as built: "x/" for "x.md")."""
    if not page.exists():
        return None
    return first_line(page.read_text(encoding="utf-8"), link, re.sub(r"/(#|$)", r".md\1", link))
