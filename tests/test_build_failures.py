"""A mistake stops the build with a message naming file, line, field and fix, and writes nothing."""

from __future__ import annotations

import re

from pathlib import Path

from conftest import build, edit, line_of, reported


def assert_failed_cleanly(result, project: Path, *expected: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for text in expected:
        assert text in output, f"{text!r} not in:\n{output}"
    assert "Traceback" not in output, output
    return output


def test_bad_site_yaml_stops_the_build_before_anything_is_written(project):
    site_yaml = project / "data" / "site.yaml"
    edit(site_yaml, 'phone: 020 7332 1224', 'phone: 020 7332 12')
    result = build(project)
    line = line_of(site_yaml, 'phone: 020 7332 12')
    assert_failed_cleanly(result, project, f"data/site.yaml, line {line}", 'field "contacts[0].phone"',
                          "not a valid UK phone number", "How to fix:", "PHONE_INVALID")
    assert not (project / "site").exists(), "a half-built site was written"


def test_page_without_front_matter_fails(project):
    page = project / "content" / "wellbeing" / "loneliness.md"
    text = page.read_text()
    page.write_text(text[text.index("\n---", 3) + 4:])
    result = build(project)
    assert_failed_cleanly(result, project, "content/wellbeing/loneliness.md, line 1", "no front matter",
                          "PAGE_FRONT_MATTER_MISSING")
    assert not (project / "site").exists()


def test_page_with_missing_field_names_it(project):
    page = project / "content" / "wellbeing" / "loneliness.md"
    edit(page, "owner: carers-information@example.org\n", "")
    result = build(project)
    assert_failed_cleanly(result, project, "content/wellbeing/loneliness.md", 'field "owner"',
                          "Add a line 'owner:", "FIELD_MISSING")


def warned(output: str, *texts: str) -> None:
    """A line MkDocs logged as a warning (what --strict stops on) holds every text."""
    lines = [line for line in output.splitlines() if line.startswith("WARNING") and all(t in line for t in texts)]
    assert lines, f"no warning with {texts} in:\n{output}"


def test_broken_links_and_an_overdue_review_fail_strict_build_but_only_warn_without_strict(project):
    """Three mistakes --strict stops on only when the build ends (MkDocs counts the warnings), in one build:
    each is checked as its own warning, so the test fails if any stops being one. A broken link, a broken
    anchor, and a page past its review date; without --strict the same project builds, with the warning."""
    edit(project / "content" / "index.md", "(am-i-a-carer.md)", "(am-i-a-carrer.md)")
    edit(project / "content" / "index.md", "- [Find out if you are a carer](am-i-a-carer.md)",
         "- [Find out if you are a carer](am-i-a-carer.md#no-such-heading)")
    page = project / "content" / "wellbeing" / "loneliness.md"
    text = page.read_text()
    text = re.sub(r"(?m)^review_by: .*$", "review_by: 2026-01-01", text, count=1)
    page.write_text(re.sub(r"(?m)^last_reviewed: .*$", "last_reviewed: 2025-06-01", text, count=1))
    strict = build(project)
    output = strict.stdout + strict.stderr
    assert strict.returncode != 0, output
    warned(output, "am-i-a-carrer.md")
    warned(output, "no-such-heading")
    warned(output, "Warning in content/wellbeing/loneliness.md")
    assert ("Warning", "PAGE_REVIEW_OVERDUE") in {(kind, code) for kind, _, code in reported(output)}, output
    relaxed = build(project, project / "site-preview", strict=False)
    assert relaxed.returncode == 0 and "PAGE_REVIEW_OVERDUE" in relaxed.stderr


def test_unknown_contact_in_a_macro_fails_with_page_and_line(project):
    page = project / "content" / "wellbeing" / "emotional-support.md"
    edit(page, 'contact_card("samaritans")', 'contact_card("samaratins")')
    result = build(project)
    line = line_of(page, "samaratins")
    output = assert_failed_cleanly_or_macro(result)
    assert f"content/wellbeing/emotional-support.md, line {line}" in output
    assert 'no contact with the id "samaratins"' in output and "samaritans" in output


def test_a_per_cent_sign_in_a_macro_mistake_is_reported_without_a_traceback(project):
    """mkdocs-macros %-formats its error report and adds a traceback; ours is shown as written (coupling point
    "macro error report")."""
    page = project / "content" / "wellbeing" / "emotional-support.md"
    edit(page, 'contact_card("samaritans")', 'contact_card("50% off")')
    output = assert_failed_cleanly_or_macro(build(project))
    assert f"content/wellbeing/emotional-support.md, line {line_of(page, '50% off')}" in output, output
    assert 'no contact with the id "50% off"' in output, output


def test_undefined_variable_fails_instead_of_rendering_blank(project):
    edit(project / "content" / "index.md", "{{ council.area }}", "{{ council.aera }}")
    result = build(project)
    output = assert_failed_cleanly_or_macro(result)
    assert "aera" in output


def assert_failed_cleanly_or_macro(result) -> str:
    # mkdocs-macros-plugin stops with exit code 100 on a macro error: in an editor's words, with no traceback.
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    return output
