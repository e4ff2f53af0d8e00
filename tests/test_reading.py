"""Reading level is measured on built text; a page may raise its own limit only with a reason;
the editor's report lists pages worst first with sentences to shorten and plainer words."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from support.written_page import write_page

from conftest import SITE, SUITE_TODAY, build, edit
from carers_hub.checks import readability
from carers_hub.tools import reading_report
from carers_hub.checks import reading_rules
from carers_hub.data.models import ReadingLevels, ReadingLimits

LEVELS = ReadingLevels(standard=ReadingLimits(warn_grade=6, max_grade=8, max_sentence_words=25),
                       crisis=ReadingLimits(warn_grade=4, max_grade=5, max_sentence_words=20),
                       easy_read=ReadingLimits(warn_grade=3, max_grade=4, max_sentence_words=15))
HARD = ("Notwithstanding considerable organisational complexities, comprehensive psychological assistance "
        "remains continuously available. Confidential conversations facilitate emotional stabilisation.")


def test_article_text_ends_each_block_and_skips_contact_boxes():
    html = ('<h2>Who to call</h2><ul><li>Your doctor</li></ul><div class="ch-contact"><p>Samaritans</p></div>'
            "<p>Call today</p>")
    assert readability.article_text(html) == "Who to call. Your doctor. Call today."


def test_hard_text_is_over_the_limit_and_an_override_needs_a_reason():
    reading = readability.measure(HARD)
    verdict = reading_rules.judge(reading, "standard", LEVELS.standard, "content/x.md", HARD)
    assert [p.code for p in verdict.problems] == ["READING_TOO_HARD"]
    from carers_hub.data.models import ReadingOverride

    with pytest.raises(ValidationError) as caught:
        ReadingOverride(max_grade=20)  # no reason given
    assert [(tuple(e["loc"]), e["type"]) for e in caught.value.errors()] == [(("reason",), "missing")]
    override = ReadingOverride(max_grade=40, reason="Legal terms that carers will meet.")
    from carers_hub.data.models import PageMeta

    meta = PageMeta(title="X", description="Y", owner="a@b.org", last_reviewed=date(2026, 1, 1),
                    review_by=date(2027, 1, 1), audience=["all-carers"], reading_level=override)
    limits = reading_rules.limits_for("standard", LEVELS, meta)
    assert reading_rules.judge(reading, "standard", limits, "content/x.md", HARD).problems == []


def test_override_without_a_reason_stops_the_build(project):
    page = write_page(project, "checks/override.md", "Carers can ask the council for help.", SUITE_TODAY)
    edit(page, "audience:", "reading_level:\n  max_grade: 10\naudience:")
    result = build(project, strict=False)
    assert result.returncode != 0 and 'field "reading_level.reason"' in result.stdout + result.stderr


def test_words_to_avoid_are_flagged_with_the_plain_word(tmp_path):
    from conftest import load_data

    avoid = load_data()[0].words_to_avoid_file.words
    found = dict(reading_report.find_words("We will facilitate a meeting in order to assist you.", avoid))
    assert found == {"facilitate": "help", "in order to": "to", "assist": "help"}


LONG = ("Carers who look after someone they love can ask the council for help with their caring role at any "
        "time of the day or night and on any day of the week. It is free.")


def test_report_lists_the_worst_page_first_with_sentences_to_shorten(built_site):
    """The site's pages, worst first; and a page with a 32-word sentence (made up: the site's pages may have
    none) is told to shorten it."""
    from carers_hub.data.site_data import load_site_data

    data = load_site_data(SITE / "data", root=SITE)
    readings = reading_report.read_site(built_site, SITE, data, {})
    assert {r.source for r in readings} == {"content/" + p.relative_to(SITE / "content").as_posix()
                                            for p in (SITE / "content").rglob("*.md")}, "a page was not read"
    grades = [r.verdict.reading.grade - r.verdict.limits.warn_grade for r in readings if not r.verdict.problems]
    assert grades == sorted(grades, reverse=True)
    verdict = reading_rules.judge(readability.measure(LONG), "standard", LEVELS.standard, "content/long.md", LONG)
    text = reading_report.format_report([reading_report.PageReading("content/long.md", verdict, [])] + readings)
    assert text.splitlines()[0].split() == ["grade", "limit", "words", "longest", "page"]
    assert "shorten (32 words): Carers who look after" in text
