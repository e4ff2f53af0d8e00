"""The reading report for editors: every page's reading level, worst first, with what to change.

Reads the built site (the text as readers meet it), so macros and contact boxes are as published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


from carers_hub.core import urls
from carers_hub.checks import readability
from carers_hub.checks import reading_rules
from carers_hub.data.models import PageMeta
from carers_hub.data.site_data import SiteData

from carers_hub.outputs import article


@dataclass(frozen=True)
class PageReading:
    source: str
    verdict: reading_rules.Verdict
    plain_words: list[tuple[str, str]]  # (word used, plainer words)


def find_words(text: str, avoid: dict[str, str]) -> list[tuple[str, str]]:
    lower = text.lower()
    return [(word, plain) for word, plain in avoid.items() if re.search(rf"\b{re.escape(word)}\b", lower)]


def read_site(site: Path, root: Path, data: SiteData, metas: dict[str, PageMeta | None]) -> list[PageReading]:
    content = root / "content"
    avoid = data.words_to_avoid_file.words
    crisis = {c.page for c in data.crisis_pages}
    out = []
    for source in sorted(content.rglob("*.md")):
        src_uri = source.relative_to(content).as_posix()
        page = site / urls.built_file(src_uri)
        page_article = article.content(page.read_text(encoding="utf-8")) if page.exists() else None
        if page_article is None:
            continue
        text = readability.article_text(page_article)
        kind = reading_rules.page_kind(src_uri, crisis)
        limits = reading_rules.limits_for(kind, data.reading_level, metas.get(src_uri))
        verdict = reading_rules.judge(readability.measure(text), kind, limits, "content/" + src_uri,
                                      source.read_text(encoding="utf-8"))
        out.append(PageReading(source="content/" + src_uri, verdict=verdict, plain_words=find_words(text, avoid)))
    return sorted(out, key=lambda r: (-len(r.verdict.problems), -(r.verdict.reading.grade - r.verdict.limits.warn_grade)))


def format_report(readings: list[PageReading], show: int = 10) -> str:
    lines = [f"{'grade':>5}  {'limit':>5}  {'words':>5}  {'longest':>7}  page"]
    for r in readings:
        v = r.verdict
        longest = v.reading.longest_sentences[0][0] if v.reading.longest_sentences else 0
        mark = "FAIL" if v.problems else ("warn" if v.advice or r.plain_words else "")
        lines.append(f"{v.reading.grade:>5.1f}  {v.limits.max_grade:>5.1f}  {v.reading.words:>5}  {longest:>7}  "
                     f"{r.source} {mark}".rstrip())
    details = [r for r in readings if r.verdict.problems or r.verdict.advice or r.plain_words][:show]
    for r in details:
        lines.append("")
        lines.append(f"{r.source}: grade {r.verdict.reading.grade} (reading age about {r.verdict.reading.reading_age:.0f})")
        for count, sentence in r.verdict.reading.longest_sentences[:3]:
            if count > 15:
                lines.append(f"    shorten ({count} words): {sentence}")
        for word, plain in r.plain_words:
            lines.append(f'    instead of "{word}", try: {plain}')
        for problem in r.verdict.problems:
            lines.append(f"    {problem.code}: {problem.message}")
    return "\n".join(lines)
