"""make edit: the browser editor on this computer's copy of the site, with no GitHub account.

Starts the editor's local server (decap-server, hooks/editor/js/local_server.cjs), which saves each change
straight into content/ and data/ here, then the preview (mkdocs serve) with the editor at /admin/ pointed at
it. Stop both with Ctrl+C. Check and commit the changes as usual (git diff shows exactly what changed).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from carers_hub.core.paths import ROOT

SERVER = Path(__file__).resolve().parents[1] / "editor" / "js" / "local_server.cjs"


def start_local_server(folder: Path) -> tuple[subprocess.Popen, str]:
    """The local server for `folder`, on a port the system chooses; (the process, its API address)."""
    server = subprocess.Popen(["node", str(SERVER), str(folder)], stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline().strip()  # "listening http://127.0.0.1:PORT/api/v1", or nothing if it failed
    if not line.startswith("listening "):
        server.kill()
        raise SystemExit("The editor's local server did not start. Run npm ci in the project folder, then try again.")
    return server, line.removeprefix("listening ")


def main(port: str) -> int:
    # Stopped by Ctrl+C or by a signal to stop: either way the local server is stopped too (finally, below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server, api = start_local_server(ROOT)
    print(f"The editor saves into {ROOT}. Open http://127.0.0.1:{port}/admin/ once the preview has started.")
    try:
        return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr",
                                f"127.0.0.1:{port}"], cwd=ROOT, env=dict(os.environ, CARERS_HUB_EDITOR_SERVER=api))
    except KeyboardInterrupt:
        return 0
    finally:
        server.terminate()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "8000"))
