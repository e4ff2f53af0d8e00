"""Reading level is measured on built text; a page may raise its own limit only with a reason;
the editor's report lists pages worst first with sentences to shorten and plainer words."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from conftest import SITE, build, edit
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
    page = project / "content" / "wellbeing" / "loneliness.md"
    edit(page, "audience:", "reading_level:\n  max_grade: 10\naudience:")
    result = build(project, strict=False)
    assert result.returncode != 0 and 'field "reading_level.reason"' in result.stdout + result.stderr


def test_words_to_avoid_are_flagged_with_the_plain_word(tmp_path):
    from conftest import load_data

    avoid = load_data()[0].words_to_avoid_file.words
    found = dict(reading_report.find_words("We will facilitate a meeting in order to assist you.", avoid))
    assert found == {"facilitate": "help", "in order to": "to", "assist": "help"}


def test_report_lists_the_worst_page_first_with_sentences_to_shorten(built_site):
    from conftest import ROOT
    from carers_hub.data.site_data import load_site_data

    data = load_site_data(SITE / "data", root=ROOT)
    readings = reading_report.read_site(built_site, ROOT, data, {})
    grades = [r.verdict.reading.grade - r.verdict.limits.warn_grade for r in readings if not r.verdict.problems]
    assert grades == sorted(grades, reverse=True)
    text = reading_report.format_report(readings)
    assert text.splitlines()[0].split() == ["grade", "limit", "words", "longest", "page"]
    assert "shorten (" in text
