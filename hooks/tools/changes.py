"""Which kind of change CI is looking at: only what editors change (content/ and data/), or anything else.

    python3 -m carers_hub.tools.changes BEFORE      (CI's "What changed" step; standard library only, no venv needed)

Lists the files changed between BEFORE (a push's previous head, or a pull request's base) and HEAD, and writes
`scope=content` or `scope=code` to GitHub's step outputs. A content change is built, checked and published
without the whole test suite (the suite tests the code, which it has not changed); anything else runs the suite
first. Whenever the list cannot be known (a new branch, a commit not fetched), the answer is `code`.
"""

from __future__ import annotations

import os
import subprocess
import sys

EDITORS = ("content/", "data/")  # what editors change, in the browser editor or by hand
NO_COMMIT = "0" * 40  # GitHub's `before` for a push that created the branch


def scope(changed: list[str]) -> str:
    """`content` when every changed file is under content/ or data/ (and something changed), else `code`."""
    return "content" if changed and all(path.startswith(EDITORS) for path in changed) else "code"


def changed_files(before: str) -> list[str] | None:
    """Files changed from `before` to HEAD; None when they cannot be listed."""
    if not before or before == NO_COMMIT:
        return None
    result = subprocess.run(["git", "diff", "--name-only", "--no-renames", "-z", before, "HEAD"],
                            capture_output=True, text=True)
    return [p for p in result.stdout.split("\0") if p] if result.returncode == 0 else None


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    changed = changed_files(args[0] if args else "")
    kind = scope(changed or [])
    if changed is None:
        print("The changed files cannot be listed: treating this as a change to the code.")
    else:
        print(f"{len(changed)} files changed:", *changed[:50], sep="\n  ")
    print(f"Scope: {kind} ({'build, check and publish' if kind == 'content' else 'the whole suite first'})")
    output = os.environ.get("GITHUB_OUTPUT")
    if output:
        with open(output, "a", encoding="utf-8") as handle:
            handle.write(f"scope={kind}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
