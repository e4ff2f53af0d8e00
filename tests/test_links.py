"""Every internal link and anchor on the built site works, checked by linkchecker over HTTP on 127.0.0.1.

External links are never checked here (no network in tests): `make check-external-links` and the weekly
scheduled job do that.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import build


def linkchecker(url: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "linkchecker"
    config = Path(__file__).with_name("linkcheckerrc")
    # Warnings count: a missing anchor is a warning in linkchecker.
    return subprocess.run([str(exe), "--config", str(config), "--no-status", "--no-robots", url],
                          capture_output=True, text=True, timeout=600)


def world_readable(folder: Path) -> None:
    # linkchecker drops to user nobody when run as root: the files must be readable by everyone.
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o005 if path.is_dir() else path.stat().st_mode | 0o004)
    for parent in folder.parents:
        if parent == Path("/"):
            break
        parent.chmod(parent.stat().st_mode | 0o001)


def serve(folder: Path):
    from conftest import QuietHandler, free_port
    import functools
    import http.server
    import threading

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()),
                                             functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_every_internal_link_and_anchor_works(built_site, site_url):
    world_readable(built_site)
    result = linkchecker(site_url + "/")
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 warnings found. 0 errors found" in result.stdout


def test_a_broken_anchor_in_raw_html_is_caught(tmp_path, project):
    page = project / "content" / "about" / "index.md"
    page.write_text(page.read_text() + '\n<p><a href="privacy/#no-such-part">Privacy</a></p>\n')
    site = tmp_path / "site"
    result = build(project, site, strict=False)
    assert result.returncode == 0, result.stderr
    world_readable(site)
    server = serve(site)
    try:
        checked = linkchecker(f"http://127.0.0.1:{server.server_address[1]}/about/")
    finally:
        server.shutdown()
    assert checked.returncode != 0
    assert "no-such-part" in checked.stdout
