"""The editor's page, admin/index.html, with its own security policy, and the CMS's files beside it.
It shows nothing inside another website's frame (FRAME_GUARD).

The CMS comes from node_modules (package.json pins decap-cms): nothing is fetched from another website.
Its policy is looser than the public pages' (hooks/outputs/security_headers.py), and only here: the CMS
compiles its configuration's checks with new Function() (ajv: 'unsafe-eval') and injects its styles
(emotion: 'unsafe-inline' styles). It may talk only to this site and to where saves go.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from markupsafe import escape

from hooks.core.problems import Problem, ProblemsFound

FOLDER = "admin"
BUNDLE = Path("node_modules/decap-cms/dist")
SCRIPT = "decap-cms.js"
YAML_BROWSER = Path("node_modules/yaml/browser/dist")  # the YAML package the CMS uses, as browser modules
OWN = Path(__file__).parent / "js"
OWN_SCRIPTS = ("frame-guard.js", "manual-init.js", "order.js", "format.js")  # in the order the page loads them


def bundle_files(bundle: Path) -> list[Path]:
    """The CMS's script, the parts it loads when needed (N.decap-cms.js) and their WebAssembly."""
    return sorted(p for p in bundle.glob("*") if p.name.endswith(SCRIPT) or p.suffix == ".wasm")


def missing_bundle() -> Problem:
    return Problem(code="EDITOR_BUNDLE_MISSING", file=(BUNDLE / SCRIPT).as_posix(), line=None, field="",
                   message="the browser editor's files are not installed, so /admin/ cannot be built.",
                   fix="Run npm ci in the project folder (make site and make serve do it), then build again.")


def check_bundle(bundle: Path) -> None:
    """Raise ProblemsFound if the CMS is not installed (the build checks first, before it writes a page)."""
    if not (bundle / SCRIPT).is_file() or not (bundle.parents[2] / YAML_BROWSER / "index.js").is_file():
        raise ProblemsFound([missing_bundle()])


def copy_bundle(root: Path, target: Path) -> None:
    """Copy the CMS, its YAML package and our scripts into target/ (ProblemsFound if the CMS is not installed)."""
    check_bundle(root / BUNDLE)
    (target / "yaml").mkdir(parents=True, exist_ok=True)
    files = [(p, target / p.name) for p in bundle_files(root / BUNDLE)]
    files += [(p, target / "yaml" / p.name) for p in (root / YAML_BROWSER).glob("*.js")]
    files += [(OWN / name, target / name) for name in OWN_SCRIPTS]
    for path, copied in files:
        if not copied.exists() or copied.stat().st_size != path.stat().st_size:  # `make serve` rebuilds often
            shutil.copyfile(path, copied)


def policy(connect: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src " + " ".join(["'self'", *connect]),
        "worker-src 'self' blob:",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def connect_sources(config: dict) -> list[str]:
    """Where the editor's saves go, from its configuration: the local server, or GitHub's API."""
    backend = config["backend"]
    if backend["name"] == "proxy":
        url = backend["proxy_url"]
        return [url.split("/api/")[0]]
    return ["https://api.github.com"]


# Hidden until frame-guard.js sees the page is the whole window, not inside another website's frame. The style is
# inline so it cannot fail to load (the policy allows inline styles for the CMS); without JavaScript the editor
# cannot run, and its note saying so is shown.
FRAME_GUARD = """<style id="frame-guard">html{display:none!important}</style>
<noscript><style>html{display:block!important}</style></noscript>
<script src="frame-guard.js"></script>"""


def index_html(site_name: str, config: dict) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{policy(connect_sources(config))}">
<meta name="referrer" content="strict-origin-when-cross-origin">
<meta name="robots" content="noindex">
{FRAME_GUARD}
<title>Edit {escape(site_name)}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<noscript><p>The editor needs JavaScript. You can still change the files in the project: see the handbook,
"Edit in your browser".</p></noscript>
<script src="manual-init.js"></script>
<script src="{SCRIPT}"></script>
<script src="order.js"></script>
<script type="module" src="format.js"></script>
</body>
</html>
"""
