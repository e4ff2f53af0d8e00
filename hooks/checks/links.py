"""Check every internal link and anchor of a built site with linkchecker, over HTTP on 127.0.0.1 only.

External links are checked separately (`make check-external-links`, and weekly in CI): never in tests.
"""

from __future__ import annotations

import functools
import http.server
import socket
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

CONFIG = Path(__file__).with_name("linkcheckerrc")


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
    # Warnings count: linkchecker reports a missing anchor as a warning.
    return subprocess.run(command + [url], capture_output=True, text=True, timeout=1800)


def check_site(site: Path, start: str = "/", external: bool = False) -> subprocess.CompletedProcess:
    world_readable(site)
    with serve(site) as address:
        return linkchecker(address + start, external=external)
