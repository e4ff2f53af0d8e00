"""A mistake stops the build with a message naming file, line, field and fix, and writes nothing."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import yaml

from conftest import SUITE_TODAY, build, line_of, reported
from support import yaml_fields
from support.written_page import write_page

PAGE = "a-page-written-by-a-test.md"  # written into each test's copy of the site under test, to break


def written(project: Path, body: str = "Some words for carers.") -> Path:
    return write_page(project, PAGE, body, SUITE_TODAY)


def a_contact_id(project: Path) -> str:
    """The id of the first contact the site under test prints on every page (data/site.yaml)."""
    site = yaml.safe_load((project / "data" / "site.yaml").read_text())
    return site["get_help_now"]["printed_contacts"][0]


def assert_failed_cleanly(result, project: Path, *expected: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for text in expected:
        assert text in output, f"{text!r} not in:\n{output}"
    assert "Traceback" not in output, output
    return output


def test_bad_site_yaml_stops_the_build_before_anything_is_written(project):
    site_yaml = project / "data" / "site.yaml"
    number = yaml_fields.value(site_yaml, "contacts", 0, "phone")
    line = yaml_fields.set_value(site_yaml, ("contacts", 0, "phone"), number[:-2])  # two digits short
    result = build(project)
    assert_failed_cleanly(result, project, f"data/site.yaml, line {line}", 'field "contacts[0].phone"',
                          "not a valid UK phone number", "How to fix:", "PHONE_INVALID")
    assert not (project / "site").exists(), "a half-built site was written"


def test_page_without_front_matter_fails(project):
    page = written(project)
    text = page.read_text()
    page.write_text(text[text.index("\n---", 3) + 4:])
    result = build(project)
    assert_failed_cleanly(result, project, f"content/{PAGE}, line 1", "no front matter",
                          "PAGE_FRONT_MATTER_MISSING")
    assert not (project / "site").exists()


def test_page_with_missing_field_names_it(project):
    page = written(project)
    page.write_text(re.sub(r"(?m)^owner: .*\n", "", page.read_text(), count=1))
    result = build(project)
    assert_failed_cleanly(result, project, f"content/{PAGE}", 'field "owner"',
                          "Add a line 'owner:", "FIELD_MISSING")


def warned(output: str, *texts: str) -> None:
    """A line MkDocs logged as a warning (what --strict stops on) holds every text."""
    lines = [line for line in output.splitlines() if line.startswith("WARNING") and all(t in line for t in texts)]
    assert lines, f"no warning with {texts} in:\n{output}"


def test_broken_links_and_an_overdue_review_fail_strict_build_but_only_warn_without_strict(project):
    """Three mistakes --strict stops on only when the build ends (MkDocs counts the warnings), in one build:
    each is checked as its own warning, so the test fails if any stops being one. A broken link, a broken
    anchor, and a page past its review date; without --strict the same project builds, with the warning."""
    crisis = yaml.safe_load((project / "data" / "site.yaml").read_text())["get_help_now"]["page"]
    page = written(project, f"[A page that is not there](no-such-page.md) and "
                            f"[a heading that is not there]({crisis}#no-such-heading).")
    text = re.sub(r"(?m)^review_by: .*$", f"review_by: {SUITE_TODAY - timedelta(days=1)}", page.read_text())
    page.write_text(re.sub(r"(?m)^last_reviewed: .*$", f"last_reviewed: {SUITE_TODAY - timedelta(days=200)}", text))
    strict = build(project)
    output = strict.stdout + strict.stderr
    assert strict.returncode != 0, output
    warned(output, "no-such-page.md")
    warned(output, "no-such-heading")
    warned(output, f"Warning in content/{PAGE}")
    assert ("Warning", "PAGE_REVIEW_OVERDUE") in {(kind, code) for kind, _, code in reported(output)}, output
    relaxed = build(project, project / "site-preview", strict=False)
    assert relaxed.returncode == 0 and "PAGE_REVIEW_OVERDUE" in relaxed.stderr


def test_unknown_contact_in_a_macro_fails_with_page_and_line(project):
    real = a_contact_id(project)
    misspelt = real[1] + real[0] + real[2:]  # two letters the wrong way round, as a writer might type it
    page = written(project, f'Some words for carers.\n\n{{{{ contact_card("{misspelt}") }}}}')
    result = build(project)
    line = line_of(page, misspelt)
    output = assert_failed_cleanly_or_macro(result)
    assert f"content/{PAGE}, line {line}" in output, output
    assert f'no contact with the id "{misspelt}"' in output, output
    offered = re.search(r"How to fix: Use one of: (.*?)\. Contacts are listed", output)
    assert offered and real in offered.group(1).split(", "), output  # the fix names the id meant


def test_a_per_cent_sign_in_a_macro_mistake_is_reported_without_a_traceback(project):
    """mkdocs-macros %-formats its error report and adds a traceback; ours is shown as written (coupling point
    "macro error report")."""
    page = written(project, 'Some words for carers.\n\n{{ contact_card("50% off") }}')
    output = assert_failed_cleanly_or_macro(build(project))
    assert f"content/{PAGE}, line {line_of(page, '50% off')}" in output, output
    assert 'no contact with the id "50% off"' in output, output


def test_undefined_variable_fails_instead_of_rendering_blank(project):
    written(project, "Help for carers in {{ council.aera }}.")
    result = build(project)
    output = assert_failed_cleanly_or_macro(result)
    assert "aera" in output


def assert_failed_cleanly_or_macro(result) -> str:
    # mkdocs-macros-plugin stops with exit code 100 on a macro error: in an editor's words, with no traceback.
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    return output
