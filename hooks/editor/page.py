"""The editor's page, admin/index.html, with its own security policy, and the CMS's files beside it.
It shows nothing inside another website's frame (FRAME_GUARD).

Which CMS (docs/developers/browser-editor.md): Decap CMS on this computer (make edit: its local server saves
the files in place), Sveltia CMS on the published site (sign-in with a GitHub token, no server of our own).
With no repository named, the published admin/ is one plain page saying what to set up (setup_html).
Both come from the site's node_modules (npm ci) when it has them, else from the copy inside the carers-hub
package (shipped.py puts it there as the wheel is built): nothing is fetched from another website.
Its policy is looser than the public pages' (hooks/outputs/security_headers.py), and only here: the CMS
compiles its configuration's checks with new Function() (ajv: 'unsafe-eval') and injects its styles
(emotion: 'unsafe-inline' styles). It may talk only to this site and to where saves go.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from markupsafe import escape

from carers_hub.core.problems import Problem, ProblemsFound

FOLDER = "admin"
NODE_MODULES = Path("node_modules")
SHIPPED = Path(__file__).parent / "npm"  # the same files in the same folders, inside the wheel (shipped.py)
# Each relative to NODE_MODULES or SHIPPED (packages()):
BUNDLE = Path("decap-cms/dist")  # Decap CMS, for the local server (make edit)
SCRIPT = "decap-cms.js"
SVELTIA = Path("@sveltia/cms/dist")  # Sveltia CMS, for GitHub
SVELTIA_SCRIPT = "sveltia-cms.js"
YAML_BROWSER = Path("yaml/browser/dist")  # the YAML package the CMS uses, as browser modules
# Sveltia CMS's stylesheet names its three fonts on a CDN (fontsource on cdn.jsdelivr.net). The same files, from
# the fontsource packages package.json pins, are copied to admin/fonts/ and the script is pointed at them
# (localised), so the editor asks nothing of another website. A CDN address left in the script stops the build.
CDN = "https://cdn.jsdelivr.net/fontsource/fonts/"
FONTS = {
    "source-sans-3:vf@5.3.0/latin-wght-normal.woff2":
        "@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
    "noto-mono@5.3.0/latin-400-normal.woff2": "@fontsource/noto-mono/files/noto-mono-latin-400-normal.woff2",
    "material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2": "@fontsource-variable/"
        "material-symbols-outlined/files/material-symbols-outlined-latin-wght-normal.woff2",
}
# Sveltia CMS adds a viewport with maximum-scale=1, which stops an editor zooming in on a phone (WCAG 1.4.4;
# axe meta-viewport): the one word of its script changed here (tests/test_editor_github.py checks with axe).
NO_ZOOM = "`maximum-scale=1`,"
OWN = Path(__file__).parent / "js"
OWN_SCRIPTS = ("frame-guard.js", "manual-init.js", "order.js", "format.js")  # in the order the page loads them


def script_of(config: dict) -> str:
    """The CMS's script for this configuration: Decap's for the local server, Sveltia's for GitHub."""
    return SCRIPT if config["backend"]["name"] == "proxy" else SVELTIA_SCRIPT


def bundle_of(config: dict) -> Path:
    return BUNDLE if config["backend"]["name"] == "proxy" else SVELTIA


def packages(root: Path) -> Path:
    """Where the CMS's files are: the site's own node_modules if npm installed them, else the package's copy."""
    own = root / NODE_MODULES
    return own if (own / BUNDLE / SCRIPT).is_file() or not (SHIPPED / BUNDLE / SCRIPT).is_file() else SHIPPED


def bundle_files(bundle: Path) -> list[Path]:
    """The CMS's script and the parts it loads when needed: Decap's N.decap-cms.js and their WebAssembly,
    Sveltia's chunks/*.js (never the source maps)."""
    return sorted(p for p in [*bundle.glob("*"), *bundle.glob("chunks/*.js")]
                  if p.name.endswith((SCRIPT, SVELTIA_SCRIPT)) or p.suffix == ".wasm" or p.parent.name == "chunks")


def missing_bundle(bundle: Path = BUNDLE) -> Problem:
    script = {BUNDLE: SCRIPT, SVELTIA: SVELTIA_SCRIPT}.get(bundle, "")
    return Problem(code="EDITOR_BUNDLE_MISSING", file=(NODE_MODULES / bundle / script).as_posix(), line=None,
                   field="", message="the browser editor's files are not installed, so /admin/ cannot be built.",
                   fix="Run npm ci in the project folder (make site and make serve do it), or install carers-hub "
                       "from its wheel (it holds them), then build again.")


def check_bundle(root: Path) -> None:
    """Raise ProblemsFound if either CMS is not installed (the build checks first, before it writes a page)."""
    base = packages(root)
    for bundle, script in ((BUNDLE, SCRIPT), (SVELTIA, SVELTIA_SCRIPT)):
        if not (base / bundle / script).is_file():
            raise ProblemsFound([missing_bundle(bundle)])
    for font in FONTS.values():
        if not (base / font).is_file():
            raise ProblemsFound([missing_bundle(Path(font).parent)])
    if not (base / YAML_BROWSER / "index.js").is_file():
        raise ProblemsFound([missing_bundle()])
    localised((base / SVELTIA / SVELTIA_SCRIPT).read_text(encoding="utf-8"))  # a font it would fetch: stop now


def copy_bundle(root: Path, target: Path, config: dict) -> None:
    """Copy the configuration's CMS, its YAML package and our scripts into target/ (ProblemsFound if the CMS is
    not installed)."""
    check_bundle(root)
    base = packages(root)
    bundle = base / bundle_of(config)
    files = [(p, target / p.relative_to(bundle)) for p in bundle_files(bundle)]
    files += [(p, target / "yaml" / p.name) for p in (base / YAML_BROWSER).glob("*.js")]
    files += [(OWN / name, target / name) for name in OWN_SCRIPTS]
    if bundle_of(config) == SVELTIA:
        files += [(base / font, target / "fonts" / Path(font).name) for font in FONTS.values()]
    for path, copied in files:
        copied.parent.mkdir(parents=True, exist_ok=True)
        if path.name == SVELTIA_SCRIPT:
            copied.write_text(localised(path.read_text(encoding="utf-8")), encoding="utf-8")
        elif not copied.exists() or copied.stat().st_size != path.stat().st_size:  # `make serve` rebuilds often
            shutil.copyfile(path, copied)


def localised(script: str) -> str:
    """Sveltia CMS's script with its fonts read from admin/fonts/ instead of a CDN, and zoom allowed. ProblemsFound
    if it names a font on the CDN that FONTS does not have (a new version of the CMS, whose fonts must be added)."""
    for address, font in FONTS.items():
        script = script.replace(CDN + address, "fonts/" + Path(font).name)
    script = script.replace(NO_ZOOM, "")
    if CDN in script:
        raise ProblemsFound([Problem(
            code="EDITOR_FONT_UNKNOWN", file=(NODE_MODULES / SVELTIA / SVELTIA_SCRIPT).as_posix(), line=None, field="",
            message="this version of the editor loads a font from another website that the build does not copy.",
            fix="Add the font's fontsource package to package.json and to FONTS in hooks/editor/page.py, "
                "or go back to the editor version package.json pinned before.")])
    return script


def policy(connect: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",  # Sveltia's fonts are copied to admin/fonts/
        "connect-src " + " ".join(["'self'", *connect]),
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",  # Sveltia's preview of a page is a frame of its own making
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


def council_css(colour: str) -> str:
    """The council's colour for the editor's buttons, links and focus (Sveltia CMS's accent, a CSS variable; the
    colour is checked for 4.5:1 on white by data/site.yaml's model). Decap takes no colours."""
    names = ("", "-text", "-light", "-dark")
    return ":root,:root[data-theme]{" + "".join(f"--sui-primary-accent-color{n}:{colour}!important;" for n in names) + "}\n"


def preview_styles(site_dir: Path) -> list[str]:
    """The site's stylesheets (the theme's, then the council's and ours), as addresses from admin/, for the
    published editor's preview of a page."""
    found = sorted((site_dir / "assets" / "stylesheets").glob("*.css"))
    theme = [p for p in found if p.name.startswith(("main.", "palette."))]
    own = [p for name in ("council.css", "carers.css") for p in found if p.name == name]  # mkdocs.yml's order
    return ["../assets/stylesheets/" + p.name for p in theme + own]


def head(title: str, content_policy: str) -> str:
    """The start of both /admin/ pages: its policy, kept out of search engines, hidden when framed. title is
    already escaped."""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{content_policy}">
<meta name="referrer" content="strict-origin-when-cross-origin">
<meta name="robots" content="noindex">
{FRAME_GUARD}
<title>{title}</title>"""


def index_html(site_name: str, config: dict, styles: list[str] = ()) -> str:
    return head(f"Edit {escape(site_name)}", policy(connect_sources(config))) + f"""
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<link href="council.css" rel="stylesheet">
</head>
<body>
<noscript><p>The editor needs JavaScript. You can still change the files in the project: see the handbook,
"Edit in your browser".</p></noscript>
<script src="manual-init.js"></script>
<script src="{script_of(config)}"></script>
<script src="order.js"></script>
<script type="module" src="format.js" data-preview-styles="{escape(" ".join(styles))}"></script>
</body>
</html>
"""


HANDBOOK = "docs/editors/edit-in-your-browser.md"  # in the project's files: the handbook is not published


def setup_html(site_name: str, colour: str) -> str:
    """admin/index.html when no repository is named: one plain page in the council's colour saying what to set up,
    never a sign-in that cannot work. It loads no script but the frame guard, and asks nothing of another site."""
    name = escape(site_name)
    return head(f"The editor is not set up yet: {name}", policy([])) + f"""
<style>
body{{margin:0;font:1.125rem/1.5 system-ui,sans-serif;color:#0b0c0c;background:#fff}}
header{{background:{escape(colour)};color:#fff;padding:1rem}}
header a{{color:#fff;font-weight:700}}
main{{max-width:40rem;padding:1rem}}
pre{{background:#f3f2f1;padding:.75rem;overflow-x:auto;font-size:1rem}}
a{{color:{escape(colour)}}}
a:focus{{outline:3px solid #fd0;outline-offset:0;background:#fd0;color:#0b0c0c}}
</style>
</head>
<body>
<header><a href="../">{name}</a></header>
<main>
<h1>The editor is not set up yet</h1>
<p>Editing this site in the browser needs the site's GitHub repository to be named. Ask the site's developer
to add these lines to <code>data/site.yaml</code>, with the repository's owner and name, then publish the
site again:</p>
<pre><code>editor:
  repo: owner/name
  branch: main</code></pre>
<p>Each editor then signs in here with their own GitHub token, and each change they save becomes a pull request
that someone reviews before it is published. The handbook page "Edit in your browser"
(<code>{HANDBOOK}</code> in the site's project files) explains every step.</p>
<p>Until then, <a href="../">go back to the site</a>.</p>
</main>
</body>
</html>
"""


def write_setup(target: Path, site_name: str, colour: str) -> None:
    """The set-up page and the frame guard it loads, alone in target/."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(OWN / "frame-guard.js", target / "frame-guard.js")
    (target / "index.html").write_text(setup_html(site_name, colour), encoding="utf-8")
