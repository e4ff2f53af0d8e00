"""Headings in every built page go down one level at a time, with one h1."""

import re

from test_built_site import all_built_pages


def test_headings_are_in_order(built_site):
    for path in all_built_pages(built_site):
        html = path.read_text()
        if "<article" not in html:
            continue
        article = html[html.index("<article"):html.index("</article>")]
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", article)]
        assert levels.count(1) == 1, f"{path}: {levels.count(1)} h1 headings"
        for before, after in zip(levels, levels[1:]):
            assert after <= before + 1, f"{path}: h{before} is followed by h{after}"
