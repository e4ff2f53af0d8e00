"""Each quality gate can fail: a missing alt text, a low-contrast colour, a 60-word sentence, a Google Fonts link."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from support.kinds import one
from support.written_page import write_page

from conftest import SUITE_TODAY, build, edit, load_data

CARERS = "Carers can ask the council for help. It is free to ask."

SIXTY_WORDS = " ".join(["Carers"] + ["who look after someone they love"] * 8
                       + ["can ask the council for help today with their caring role"]) + "."


def output(result) -> str:
    return result.stdout + result.stderr


def test_missing_alt_text_stops_the_build(project):
    write_page(project, "checks/alt-text.md", f"{CARERS}\n\n![](../../assets/images/favicon.svg)\n\n## Next\n\n{CARERS}",
               SUITE_TODAY)
    result = build(project, strict=False)
    assert result.returncode != 0 and "IMAGE_ALT_MISSING" in output(result)
    assert "content/checks/alt-text.md, line" in output(result)


def test_low_contrast_council_colour_stops_the_build(project):
    primary = load_data()[0].colours.primary
    edit(project / "data" / "site.yaml", f'primary: "{primary}"', 'primary: "#9fc5f8"')
    result = build(project, strict=False)
    assert result.returncode != 0 and "COLOUR_LOW_CONTRAST" in output(result)
    assert 'field "colours"' in output(result)


@pytest.mark.browser
def test_axe_catches_a_low_contrast_colour_and_a_missing_alt(browser, built_site, site_url):
    context = browser.new_context(bypass_csp=True)  # the test injects a style the site's policy would block
    page = context.new_page()
    page.goto(site_url + one(built_site, "crisis"))  # a page every site has
    page.add_style_tag(content=".md-typeset p { color: #c8c8c8 !important; }")
    page.evaluate("""document.querySelector('article').insertAdjacentHTML('beforeend',
                     '<img src="../../assets/images/favicon.svg" width="40" height="40">')""")
    rules = {v["id"] for v in Axe().run(page).response["violations"]}
    assert {"color-contrast", "image-alt"} <= rules
    context.close()


def test_a_60_word_sentence_fails_a_strict_build(project):
    write_page(project, "checks/long-sentence.md", f"{CARERS}\n\n{SIXTY_WORDS}\n\n## Next\n\n{CARERS}", SUITE_TODAY)
    result = build(project)
    assert result.returncode != 0 and "READING_SENTENCE_TOO_LONG" in output(result)
    assert "this sentence has 60 words" in output(result)
