"""Reading-level rules: which limits apply to a page, and the problems when it is too hard to read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from carers_hub.data.models import PageMeta, ReadingLevels, ReadingLimits
from carers_hub.core.problems import Problem
from carers_hub.checks.readability import Reading, words


@dataclass(frozen=True)
class Verdict:
    kind: str  # standard, crisis or easy_read
    limits: ReadingLimits
    reading: Reading
    problems: list[Problem]  # over the limits
    advice: list[str]  # over the warning grade: for the editor's report


def page_kind(src_uri: str, crisis_pages: set[str]) -> str:
    if src_uri in crisis_pages:
        return "crisis"
    if src_uri.startswith("easy-read/"):
        return "easy_read"
    return "standard"


def limits_for(kind: str, levels: ReadingLevels, meta: PageMeta | None) -> ReadingLimits:
    base = getattr(levels, kind)
    override = meta.reading_level if meta else None
    if override is None:
        return base
    return ReadingLimits(
        warn_grade=max(base.warn_grade, override.max_grade or base.warn_grade),
        max_grade=override.max_grade or base.max_grade,
        max_sentence_words=override.max_sentence_words or base.max_sentence_words,
    )


def line_in_source(source: str, sentence: str) -> int | None:
    """The line of the Markdown where a sentence starts, found by its first few words."""
    first = words(sentence)[:5]
    if not first:
        return None
    phrase = re.compile(r"\b" + r"[\W_]+".join(re.escape(word) for word in first) + r"\b")
    return next((number for number, line in enumerate(source.splitlines(), 1) if phrase.search(line)), None)


def judge(reading: Reading, kind: str, limits: ReadingLimits, file: str, source: str) -> Verdict:
    label = {"standard": "", "crisis": "crisis ", "easy_read": "easy-read "}[kind]
    problems = []
    for count, sentence in reading.longest_sentences:
        if count <= limits.max_sentence_words:
            break
        problems.append(Problem(
            code="READING_SENTENCE_TOO_LONG", file=file, line=line_in_source(source, sentence), field="",
            message=f"this sentence has {count} words; {label}pages allow {limits.max_sentence_words}: \"{sentence}\"",
            fix="Split it into two or more sentences. Keep one idea to a sentence."))
    if reading.grade > limits.max_grade:
        problems.append(Problem(
            code="READING_TOO_HARD", file=file, line=None, field="",
            message=f"this page reads at grade {reading.grade} (a reading age of about {reading.reading_age:.0f}); "
                    f"{label}pages must be grade {limits.max_grade} or lower.",
            fix="Use shorter sentences and everyday words: the reading report lists the longest. If the page "
                "truly needs harder words, add reading_level with max_grade and a reason to its front matter."))
    advice = []
    if reading.grade > limits.warn_grade:
        advice.append(f"{file}: grade {reading.grade}, over {limits.warn_grade}: try shorter sentences and words.")
    return Verdict(kind=kind, limits=limits, reading=reading, problems=problems, advice=advice)
