"""Every page needs title, description, owner, last_reviewed, review_by and audience."""

from datetime import date

import pytest

from carers_hub.data.front_matter import check_page

AUDIENCES = {"all-carers", "young-carers"}
from conftest import SUITE_TODAY  # noqa: E402

TODAY = SUITE_TODAY
GOOD = """---
title: Carer's assessment
description: What it is.
owner: team@example.org
last_reviewed: 2026-11-01
review_by: 2027-05-01
audience: [all-carers]
---
# Carer's assessment
"""


def test_good_page():
    meta, problems = check_page(GOOD, "content/a.md", AUDIENCES, TODAY)
    assert problems == [] and meta.title == "Carer's assessment"


def test_no_front_matter():
    _, [problem] = check_page("# Hello\n", "content/a.md", AUDIENCES, TODAY)
    assert problem.code == "PAGE_FRONT_MATTER_MISSING" and problem.line == 1


@pytest.mark.parametrize("field", ["title", "description", "owner", "last_reviewed", "review_by", "audience"])
def test_each_required_field(field):
    text = "\n".join(line for line in GOOD.splitlines() if not line.startswith(field + ":"))
    _, problems = check_page(text, "content/a.md", AUDIENCES, TODAY)
    assert [(p.code, p.field) for p in problems] == [("FIELD_MISSING", field)]


def test_bad_values_name_their_line():
    text = GOOD.replace("owner: team@example.org", "owner: the carers team").replace("[all-carers]", "[carers]")
    _, problems = check_page(text, "content/a.md", AUDIENCES, TODAY)
    assert {(p.code, p.line) for p in problems} == {("EMAIL_INVALID", 4)}
    _, problems = check_page(GOOD.replace("[all-carers]", "[carers]"), "content/a.md", AUDIENCES, TODAY)
    assert [(p.code, p.line, p.field) for p in problems] == [("AUDIENCE_UNKNOWN", 7, "audience[0]")]


def test_overdue_review_is_a_warning():
    _, [problem] = check_page(GOOD, "content/a.md", AUDIENCES, date(2027, 6, 1))
    assert problem.code == "PAGE_REVIEW_OVERDUE" and problem.warning and problem.line == 6
