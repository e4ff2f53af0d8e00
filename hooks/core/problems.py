"""Problems found in the site's data and pages, written for the editors who fix them.

Every problem names the file, the line, the field, what is wrong and how to fix it,
and carries a short code that has its own entry in the handbook's errors page.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

ERRORS_PAGE = "docs/errors.md"


def help_anchor(code: str) -> str:
    """The anchor of a code's entry on the errors page: PHONE_INVALID -> phone-invalid."""
    return code.lower().replace("_", "-")


def help_link(code: str, base: str = "") -> str:
    """Where a code's help is: the errors page in this project, or at base (the repository's address)."""
    return f"{base}{ERRORS_PAGE}#{help_anchor(code)}"


@dataclass(frozen=True)
class Problem:
    code: str
    file: str
    line: int | None
    field: str
    message: str
    fix: str
    warning: bool = False

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        field = f', field "{self.field}"' if self.field else ""
        kind = "Warning" if self.warning else "Error"
        return (
            f"{kind} in {where}{field}: {self.message}\n"
            f"    How to fix: {self.fix}\n"
            f"    More help: {help_link(self.code)} [{self.code}]"
        )


def split_warnings(problems: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(the problems that stop a build, the warnings that do not: the preview's placeholders, read as stand-ins)."""
    return [p for p in problems if not p.warning], [p for p in problems if p.warning]


class ProblemsFound(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))
        super().__init__(report(self.problems))


def report(problems: list[Problem]) -> str:
    count = len(problems)
    head = f"The site was not built: {count} problem{'s' if count != 1 else ''} to fix.\n"
    return head + "\n".join(str(p) for p in problems)


def relative(path: Path | str, root: Path | None = None) -> str:
    """Show paths the way an editor sees them in the project, e.g. data/site.yaml."""
    path = Path(path)
    for base in (root, Path.cwd()):
        if base is None:
            continue
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def exits_on_problems(main: Callable[..., int]) -> Callable[..., int]:
    """A command's main: ProblemsFound is printed for the editor, not as a traceback, and the command exits 1."""
    @functools.wraps(main)
    def run(*args: Any, **kwargs: Any) -> int:
        try:
            return main(*args, **kwargs)
        except ProblemsFound as found:
            print(found, file=sys.stderr)
            return 1
    return run
