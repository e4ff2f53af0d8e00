"""The report on a pull request: the build's and checks' problems in an editor's words, grouped, each with its fix."""

from __future__ import annotations

from carers_hub.checks import links
from carers_hub.core.problems import Problem
from carers_hub.tools import pr_report

SOURCE = "https://github.com/council/carers-site/blob/abc123/"


def problem(code: str, file: str = "content/support/carers-assessment.md", line: int | None = 12,
            field: str = "", fix: str = "Do the thing.") -> Problem:
    return Problem(code=code, file=file, line=line, field=field, message=f"something about {code}.", fix=fix)


def test_each_kind_of_problem_goes_under_an_editors_heading_with_its_fix():
    found = [
        problem("PLACEHOLDER_TEXT", fix="Replace the words starting CHANGE with your own words."),
        problem("READING_SENTENCE_TOO_LONG", fix="Split it into two or more sentences."),
        problem("READING_TOO_HARD", line=None),
        problem("LINK_BROKEN", line=30),
        problem("PAGE_REVIEW_OVERDUE", line=6, field="review_by", fix="Check the page is still right."),
        problem("SERVICE_REVIEW_OVERDUE", file="data/services.yaml", line=40, field="services[2].review_by"),
        problem("PHONE_INVALID", file="data/contacts.yaml", line=9, field="contacts[1].phone"),
    ]
    report = pr_report.format_report(found, source_url=SOURCE)
    assert report.startswith(pr_report.MARK + "\n## Checks on this change\n")
    assert "**7 problems to fix before this change can be published.**" in report
    headings = [line for line in report.splitlines() if line.startswith("### ")]
    assert headings == ["### Placeholder text (1)", "### Reading level (2)", "### Links (1)", "### Review dates (2)",
                        "### Details in a data file or a page's top block (1)"]
    reading = report.split("### Reading level (2)")[1].split("###")[0]
    assert "Sentences or pages harder to read than the site allows." in reading
    assert "How to fix: Split it into two or more sentences." in reading
    assert ("- **[content/support/carers-assessment.md, line 12](" + SOURCE + "content/support/carers-assessment.md#L12)"
            in reading)
    assert f"([READING_SENTENCE_TOO_LONG]({SOURCE}docs/errors.md#reading-sentence-too-long))" in reading
    review = report.split("### Review dates (2)")[1].split("###")[0]
    assert "(field `review_by`): something about PAGE\\_REVIEW\\_OVERDUE." in review
    assert "How to fix: Check the page is still right." in review
    assert f"({SOURCE}data/services.yaml#L40)" in review
    assert "How to fix: Replace the words starting CHANGE with your own words." in report
    assert "did not build" not in report


def test_a_clean_change_says_all_checks_passed():
    report = pr_report.format_report([])
    assert "All checks passed" in report and "to fix" not in report and "###" not in report


def test_without_a_repository_address_the_report_names_files_without_links():
    report = pr_report.format_report([problem("LINK_BROKEN")], built=False)
    assert "- **content/support/carers-assessment.md, line 12**: something about LINK\\_BROKEN." in report
    assert "`LINK_BROKEN`" in report and "](" not in report
    assert "The site did not build, so its finished pages were not checked yet" in report


def test_an_editors_words_are_shown_as_text_not_markup():
    report = pr_report.format_report([Problem(code="TEXT_UNSAFE", file="data/services.yaml", line=3, field="name",
                                              message='contains "<b>", which is not allowed in text.', fix="[x](y)")])
    assert "<b>" not in report and "\\<b\\>" in report and "\\[x\\](y)" in report


def test_a_long_list_is_cut_short_with_a_count():
    report = pr_report.format_report([problem("LINK_BROKEN", line=n) for n in range(1, pr_report.SHOW + 6)])
    assert report.count("How to fix:") == pr_report.SHOW and "- ... and 5 more: run `make check`" in report


def test_the_report_fits_in_one_comment():
    many = [problem(code, line=n, fix="Do this. " * 40) for code in ("LINK_BROKEN", "PHONE_INVALID", "READING_TOO_HARD",
                                                                     "PLACEHOLDER_TEXT", "PAGE_REVIEW_OVERDUE")
            for n in range(1, 200)]
    report = pr_report.format_report(many, source_url=SOURCE)
    assert len(report) <= pr_report.LONGEST + 100 and report.endswith("run `make check` to see every problem.\n")
    assert report.rstrip().splitlines()[-3].endswith(")")  # the last problem shown is whole, with its code


def test_linkcheckers_report_becomes_problems_at_the_page_and_line(tmp_path):
    content = tmp_path / "content"
    (content / "support").mkdir(parents=True)
    (content / "support" / "carers-assessment.md").write_text("# A\n\nSee [this](../nowhere.md) and [that](#no-anchor).\n")
    output = """URL        `../nowhere/'
Parent URL http://127.0.0.1:42487/support/carers-assessment/, line 3308, col 15
Real URL   http://127.0.0.1:42487/nowhere/
Result     Error: 404 File not found

URL        `#no-anchor'
Parent URL http://127.0.0.1:42487/support/carers-assessment/, line 3308, col 42
Warning    [None] Anchor `no-anchor' (decoded: `no-anchor') not
           found. Available anchors: `a'.
Result     Valid: 200 OK

URL        `../fine/'
Parent URL http://127.0.0.1:42487/support/carers-assessment/, line 3308, col 60
Result     Valid: 200 OK
"""
    found = links.problems_from_linkchecker(output, content)
    assert [(p.code, p.file, p.line) for p in found] == [("LINK_BROKEN", "content/support/carers-assessment.md", 3)] * 2
    assert "a page that does not exist" in found[0].message and "a heading that does not exist" in found[1].message


# The report on a real change with three mistakes, and on a clean one, built and checked end to end: in
# tests/test_ci_replay.py test_the_report_job_on_pull_requests, which runs the same `make pr-report` in a fresh clone.
