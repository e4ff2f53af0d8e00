"""The import report shows a feed's words as words: markup, links, mentions, line breaks and hidden direction
controls in any value the feed sends come out inert, whether the report is read in Python-Markdown or on GitHub
(whose own links and @mentions pymdownx.magiclink stands in for), and the editor still reads what the feed said."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import markdown

from carers_hub.importer import report
from carers_hub.importer.convert import Converted, Note
from carers_hub.importer.merge import Merged
from support.reading import as_read

# What a hostile feed could put in any value: a tag that runs, a link, a table, code, emphasis, a mention that
# notifies someone, addresses GitHub would make links of, a second line, and a direction override.
ATTACKS = ['<img src=x onerror=alert(1)>', '](javascript:alert(1))', '[click](javascript:alert(2))',
           '| table | breaker |', '`code`', '**bold** _em_ ~~gone~~', '@council-team', 'https://evil.example/login',
           'www.evil.example', 'phish@evil.example', '<https://evil.example>', '[x]: https://evil.example']
HOSTILE = " ".join(ATTACKS) + "\nsecond line \u202eexe.gnp"
AS_READ = " ".join(ATTACKS) + " second line exe.gnp"  # what the editor should read: the same, on one line
GITHUB_LIKE = {"extensions": ["tables", "pymdownx.magiclink"],
               "extension_configs": {"pymdownx.magiclink": {"social_url_shorthand": True, "provider": "github"}}}
# The report's own markup: headings, paragraphs, lists, and the code marks feed addresses are written in.
OWN_TAGS = {"h1", "h2", "p", "ul", "li", "code"}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.seen: Counter = Counter()

    def handle_starttag(self, tag, attrs):
        self.seen[tag] += 1


def tags(html: str) -> Counter:
    parser = Tags()
    parser.feed(html)
    return parser.seen


def hostile_report(value: str = HOSTILE) -> str:
    """A report with the hostile value in every place a feed's words can reach."""
    uid = "b53c98a3-5ae7-5f17-9735-6d5c4971f3a1"
    converted = Converted(
        notes=[Note(value, value, "name", kind, value) for kind in ("left out", "dropped", "changed", "info")]
        + [Note(value, value, "audience", "default", value)],
        unmapped_terms=Counter({(value, value): 1}), read=1)
    merged = Merged(
        records={uid: {"name": value, "description": "one two three four five six seven eight nine ten.",
                       "description_by": "provider"}},
        added=[uid], removed=[uid], changed={uid: {"name": (value, value)}}, kept={uid: ["name"]},
        conflicts={uid: {"phone": (value, value)}}, gone_but_edited=[uid], deleted_locally=[uid])
    facts = report.Facts(source=value, day="2026-12-03", seconds=1.0, requests=1, retries=0, from_cache=0,
                         waited=0.0, details_failed=[value], mapping_made=False, longest_sentence=5)
    text, _ = report.build(facts, converted, merged, {uid: value})
    return text


def test_a_hostile_feed_value_is_inert_everywhere_in_the_report():
    text = hostile_report()
    for renderer in ({}, GITHUB_LIKE):
        html = markdown.markdown(text, **renderer)
        found = tags(html)
        assert set(found) <= OWN_TAGS, f"markup from the feed came alive: {set(found) - OWN_TAGS}"
        assert found["h1"] == 1, "a feed value made a heading"
    assert "\u202e" not in text
    places = [line for line in text.splitlines() if "second line" in line]
    assert len(places) >= 15, "every place a feed value is shown is tested"
    assert all(AS_READ in as_read(line) or "\u2026" in line for line in places), \
        "the editor reads the feed's words, on one line"


def test_a_value_that_starts_a_line_makes_no_heading_or_list():
    for start in ("# Heading", "- item", "+ item", "1. item", "2) item", "> quote", "[ ] task"):
        html = markdown.markdown(hostile_report(start))
        assert set(tags(html)) <= OWN_TAGS and tags(html)["h1"] == 1 and "<ol" not in html, start
        assert html.count("<ul>") == html.count("</ul>") and "<ul>\n<li>\n<ul>" not in html, start


def test_addresses_and_mentions_are_kept_as_code_so_github_makes_no_link():
    shown = report._inert("Write to help@carers.example.org or @team, see https://carers.example.org/a_b.")
    assert shown == ("Write to `help@carers.example.org` or `@team`, see `https://carers.example.org/a_b.`")
    assert report._inert("review_by and TEXT_DIRECTION_CONTROL") == "review_by and TEXT_DIRECTION_CONTROL"
