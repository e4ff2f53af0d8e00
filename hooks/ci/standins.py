"""Stand-ins for the workflow's `uses:` steps. Each does what the action does to the job (its result, its
outputs) and writes what it would send to GitHub into the replay's output folder, for tests to read:

    comments.json          actions/github-script: the pull request's comments after the step, and each call made
    pages-artifact.txt     actions/upload-pages-artifact: every file that would be uploaded, one a line
    deploy.json            actions/deploy-pages: what would go live
    cache.json             actions/cache: the key and paths the cache would restore and save
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Call:
    """One `uses:` step as the replay runs it."""
    inputs: dict[str, Any]  # `with:`, expressions filled in
    workspace: Path
    out: Path  # the caller's folder for what the step would send
    github: dict[str, Any]  # the `github` context
    env: dict[str, str]
    outputs: Path  # the step's GITHUB_OUTPUT file
    cache_hit: bool = False  # whether actions/cache finds its key: the replay's caller says (warm or cold)


def checkout(call: Call) -> tuple[int, str]:
    return 0, f"The replay's clone is the checkout: {call.workspace}"


def cache(call: Call) -> tuple[int, str]:
    record = call.out / "cache.json"
    seen = json.loads(record.read_text()) if record.exists() else []
    seen.append({"key": call.inputs.get("key"), "path": call.inputs.get("path"),
                 "restore-keys": call.inputs.get("restore-keys")})
    record.write_text(json.dumps(seen, indent=2))
    if not call.inputs.get("key") or not call.inputs.get("path"):
        return 1, "actions/cache needs `key` and `path`."
    with open(call.outputs, "a") as outputs:
        outputs.write(f"cache-hit={'true' if call.cache_hit else 'false'}\n")
    return 0, (f"Cache key {call.inputs['key']}: {'found' if call.cache_hit else 'not found'} (the replay restores "
               "nothing itself: a warm replay starts with the installs in place)")


def github_script(call: Call) -> tuple[int, str]:
    """Run the step's own script with node, against a stand-in that keeps comments in out/comments.json."""
    owner, repo = call.github["repository"].split("/")
    number = call.github["event"].get("number") or call.github["event"].get("pull_request", {}).get("number")
    context = {"repo": {"owner": owner, "repo": repo}, "issue": {"owner": owner, "repo": repo, "number": number},
               "eventName": call.github["event_name"], "sha": call.github["sha"], "payload": call.github["event"]}
    with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as script:
        script.write(call.inputs.get("script", ""))
    result = subprocess.run(["node", str(HERE / "github_script.js"), script.name, str(call.out / "comments.json"),
                             json.dumps(context)], cwd=call.workspace, capture_output=True, text=True,
                            env=call.env, timeout=120)
    Path(script.name).unlink()
    return result.returncode, result.stdout + result.stderr


def upload_pages_artifact(call: Call) -> tuple[int, str]:
    folder = call.workspace / call.inputs.get("path", "_site")
    if not folder.is_dir():
        return 1, f"No folder to upload at {folder}"
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    (call.out / "pages-artifact.txt").write_text("".join(f"{name}\n" for name in files))
    return 0, f"Would upload {len(files)} files from {folder}"


def deploy_pages(call: Call) -> tuple[int, str]:
    artifact = call.out / "pages-artifact.txt"
    if not artifact.exists():
        return 1, "No pages artifact was uploaded: nothing to deploy."
    files = artifact.read_text().splitlines()
    (call.out / "deploy.json").write_text(json.dumps({"files": len(files), "sha": call.github["sha"]}, indent=2))
    return 0, f"Would publish {len(files)} files"


ACTIONS: dict[str, Callable[[Call], tuple[int, str]]] = {
    "actions/checkout": checkout,
    "actions/cache": cache,
    "actions/github-script": github_script,
    "actions/upload-pages-artifact": upload_pages_artifact,
    "actions/deploy-pages": deploy_pages,
}


def run(uses: str, call: Call) -> tuple[int, str]:
    action = ACTIONS.get(uses.split("@")[0])
    if action is None:
        return 1, f"The replay has no stand-in for {uses}: add one to hooks/ci/standins.py."
    return action(call)
