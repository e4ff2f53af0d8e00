"""The report an editor reads on their pull request: every problem the build and `make check` found, grouped in
words an editor uses (reading level, links, review dates ...), each with where it is and how to fix it.

    python -m carers_hub.tools.pr_report [--out checks-report.md]      (or: make pr-report)

Builds the site as it will be published, recording its problems as data (hooks/core/problem_log.py), then runs
the same checks of the built site as `make check` (hooks/tools/check.py). Writes the report as Markdown to --out
and, in GitHub Actions, to the job's summary; CI puts it on the pull request as one comment. Exits 1 if there is
anything to fix, so the pull request's checks fail too.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from carers_hub.core import problem_log
from carers_hub.core.paths import ROOT
from carers_hub.core.problems import Problem, help_link
from carers_hub.tools import check

MARK = "<!-- carers-hub-checks -->"  # finds the comment again, to update it rather than add another
SHOW = 30  # problems shown in each group; the rest are counted
LONGEST = 60_000  # characters: a GitHub comment holds 65,536


@dataclass(frozen=True)
class Group:
    heading: str
    about: str  # one sentence, for someone who has never seen the check
    codes: tuple[str, ...]  # a code, or a prefix ending in _


# In the order an editor meets them; a problem goes in the first group that takes its code.
GROUPS = (
    Group("Placeholder text", "Words from a template that are still waiting for yours.", ("PLACEHOLDER_TEXT",)),
    Group("Reading level", "Sentences or pages harder to read than the site allows.",
          ("READING_", "SERVICE_SENTENCE_TOO_LONG")),
    Group("Links", "Links that go to a page or heading that does not exist.", ("LINK_BROKEN", "PAGE_LINK_UNKNOWN")),
    Group("Code in pages", "Pages are Markdown: nothing in them may run in a reader's browser.",
          ("PAGE_HTML_", "PAGE_LINK_UNSAFE", "CONTENT_FILE_NOT_ALLOWED")),
    Group("Review dates", "Pages, services and crisis numbers due to be checked again.",
          ("PAGE_REVIEW_OVERDUE", "SERVICE_REVIEW_OVERDUE", "CRISIS_PAGE_REVIEW_OVERDUE", "CRISIS_CONTACT_NOT_CHECKED",
           "CHECKED_IN_FUTURE", "REVIEW_BEFORE_REVIEWED")),
    Group("Crisis pages and Get help now", "What a carer in a crisis must always find.",
          ("CRISIS_", "GET_HELP_LINK_MISSING")),
    Group("Pictures and easy read", "Pictures need words, and easy-read points need pictures.",
          ("IMAGE_ALT_MISSING", "EASY_READ_", "PICTURE_", "MACRO_UNKNOWN_PICTURE", "COLOUR_LOW_CONTRAST")),
    Group("The site as readers get it", "Promises every page keeps: privacy, security and search.",
          ("OUTPUT_CHECK_FAILED", "THIRD_PARTY_REQUEST", "INLINE_SCRIPT_NOT_LISTED", "SEARCH_INDEX_FAILED", "CONFIG_")),
    Group("Other messages from the build", "The site builder's own words.", ("BUILD_MESSAGE",)),
)
DETAILS = Group("Details in a data file or a page's top block",
                "A value that is missing, misspelt or not the kind the field needs.", ())


def group_of(code: str) -> Group:
    return next((g for g in GROUPS if any(code == c or (c.endswith("_") and code.startswith(c)) for c in g.codes)),
                DETAILS)


def format_report(problems: list[Problem], built: bool = True, source_url: str | None = None) -> str:
    """The report in Markdown. `source_url` (the repository's files at this change, ending in /) links each
    file and line; `built` False says the site did not build, so its pages were not checked yet."""
    lines = [MARK, "## Checks on this change", ""]
    if not problems:
        lines.append("All checks passed: the site builds, and its reading level, links and review dates are fine. "
                     "Merging this change publishes it.")
        return "\n".join(lines) + "\n"
    count = len(problems)
    lines.append(f"**{count} problem{'s' if count != 1 else ''} to fix before this change can be published.** "
                 "Fix each one in the file and line named, then save: the checks run again.")
    if not built:
        lines += ["", "The site did not build, so its finished pages were not checked yet: more problems may show "
                      "once these are fixed."]
    for group in [*GROUPS, DETAILS]:
        mine = [p for p in problems if group_of(p.code) == group]
        if not mine:
            continue
        lines += ["", f"### {group.heading} ({len(mine)})", "", group.about, ""]
        lines += [_item(p, source_url) for p in mine[:SHOW]]
        if len(mine) > SHOW:
            lines.append(f"- ... and {len(mine) - SHOW} more: run `make check` to see them all.")
    return _cut("\n".join(lines) + "\n")


def _cut(report: str) -> str:
    """The report short enough for one comment, cut between two problems."""
    if len(report) <= LONGEST:
        return report
    return report[:report.rindex("\n- ", 0, LONGEST)] + "\n\nThe list stops here: run `make check` to see every problem.\n"


def _item(problem: Problem, source_url: str | None) -> str:
    where = problem.file + (f", line {problem.line}" if problem.line else "")
    if source_url and re.match(r"(content|data|overrides)/|mkdocs\.yml$", problem.file):
        where = f"[{_text(where)}]({source_url}{problem.file}" + (f"#L{problem.line})" if problem.line else ")")
    else:
        where = _text(where) or "The build"
    field = f" (field `{problem.field}`)" if problem.field else ""
    help_page = help_link(problem.code, source_url) if source_url else None
    code = f"[{problem.code}]({help_page})" if help_page else f"`{problem.code}`"
    return (f"- **{where}**{field}: {_text(problem.message)}  \n"
            f"  How to fix: {_text(problem.fix)} ({code})")


def _text(text: str) -> str:
    """An editor's words shown as they are, not read as Markdown or HTML."""
    return re.sub(r"([\\`*_\[\]<>|#])", r"\\\1", text)


def gather(root: Path = ROOT) -> tuple[list[Problem], bool]:
    """Build the site as it will be published, then check it: (every problem, each once; whether it built)."""
    with tempfile.TemporaryDirectory() as tmp:
        recorded, site = Path(tmp) / "problems.jsonl", Path(tmp) / "site"
        result = check.build(site, root, env={problem_log.ENV: str(recorded)})
        problems = problem_log.read(recorded)
        if result.returncode != 0:
            return problems or [problem_log.message(check.build_output(result)[-2000:])], False
        for section in check.site_sections(site, root):
            problems += section.problems
            if section.failed and not section.problems:  # a failure the check could not put as problems
                problems.append(problem_log.message(f"{section.title}: {section.text[-1500:]}"))
    return list(dict.fromkeys(problems)), True


def source_url_from_ci(environ: Mapping[str, str]) -> str | None:
    """The repository's files at the change being checked, in GitHub Actions; None elsewhere. The workflow gives
    the pull request's own commit as PR_HEAD_SHA (GITHUB_SHA is a merge commit GitHub may later delete)."""
    sha = environ.get("PR_HEAD_SHA") or environ.get("GITHUB_SHA")
    server, repository = environ.get("GITHUB_SERVER_URL"), environ.get("GITHUB_REPOSITORY")
    return f"{server}/{repository}/blob/{sha}/" if server and repository and sha else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("checks-report.md"))
    args = parser.parse_args(argv)
    problems, built = gather()
    report = format_report(problems, built, source_url_from_ci(os.environ))
    args.out.write_text(report, encoding="utf-8")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")  # the job's summary page, in GitHub Actions
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(report)
    print(report)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
