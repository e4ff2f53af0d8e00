"""The problems a build met, saved as data for a report made after it (hooks/tools/pr_report.py).

A build prints its problems for a person; a pull request's report needs them as data (code, file, line, field,
fix) to group them in an editor's words. Set CARERS_HUB_PROBLEMS to a file and the build adds each problem to it,
one JSON object a line. Unset (every ordinary build and preview), nothing is written.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from carers_hub.core.problems import Problem

ENV = "CARERS_HUB_PROBLEMS"


def record(problems: list[Problem]) -> None:
    path = os.environ.get(ENV)
    if not path or not problems:
        return
    with open(path, "a", encoding="utf-8") as log:
        log.writelines(json.dumps(dataclasses.asdict(problem)) + "\n" for problem in problems)


def message(text: str) -> Problem:
    """A message from the site builder in its own words, which only a build can give (a macro error, say)."""
    return Problem(code="BUILD_MESSAGE", file="", line=None, field="", message=" ".join(text.split()),
                   fix="Read the message: it usually names the page and what it could not do. If it is not clear, "
                       "ask the site's developers.")


def read(path: Path) -> list[Problem]:
    """Every problem recorded in `path`, each once, in the order met; none if the build never wrote the file."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return list(dict.fromkeys(Problem(**json.loads(line)) for line in lines if line.strip()))
