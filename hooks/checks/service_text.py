"""The reading rule for service descriptions: whose words they are decides what happens to a long sentence.

- The council's words (every `summary`, and descriptions with `description_by: council`, the default) follow
  the standard pages' longest sentence (data/site.yaml): `make check` fails on a longer one
  (SERVICE_SENTENCE_TOO_LONG).
- A provider's words (`description_by: provider`, what an imported directory says) are shown as theirs, under
  "In their words", and never stop the build or `make check`: a directory of hundreds of services is not
  refused because its provider writes long sentences. Listings show the council's `summary` instead, or only
  the first words of the provider's; `make check` lists each one with a long sentence and no summary
  (SERVICE_SUMMARY_MISSING, a warning), longest first, so editors write summaries where they matter most.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from carers_hub.checks.readability import sentences, words
from carers_hub.core.problems import Problem
from carers_hub.data.models import ReadingLimits
from carers_hub.data.services import Directory
from carers_hub.directory import safe_markdown


def longest_sentence(text: str) -> tuple[int, str]:
    """(words, sentence) of the longest sentence; each paragraph and list item ends a sentence."""
    found = [(len(words(s)), s) for block in safe_markdown.blocks(text) for s in sentences(block)]
    return max(found, default=(0, ""))


@dataclass(frozen=True)
class Verdict:
    problems: list[Problem]  # the council's words over the limit: make check fails
    to_summarise: list[Problem]  # a provider's long words with no summary: warnings, longest first
    theirs_long: int  # every provider description with a sentence over the limit, summarised or not


def check(directory: Directory, limits: ReadingLimits, line: Callable[[str, int, str], int | None]) -> Verdict:
    """`line(file, index, field)` gives the line of a service's field, for the message."""
    limit = limits.max_sentence_words
    problems, warnings, theirs_long = [], [], 0
    for listing in directory.listings:
        service, file, index = listing.service, listing.file, listing.index
        texts = [("summary", service.summary)] if service.summary else []
        if service.description_by == "council":
            texts.append(("description", service.description))
        for field, text in texts:
            count, sentence = longest_sentence(text)
            if count > limit:
                problems.append(Problem(
                    code="SERVICE_SENTENCE_TOO_LONG", file=file, line=line(file, index, field),
                    field=f"services[{index}].{field}",
                    message=f'{service.name}: this sentence has {count} words; {limit} at most: "{sentence}"',
                    fix="Split it into shorter sentences. If these are the provider's own words, set "
                        "description_by: provider and write a short summary: in yours."))
        if service.description_by == "provider":
            count, sentence = longest_sentence(service.description)
            if count > limit:
                theirs_long += 1
                if not service.summary:
                    warnings.append((count, Problem(
                        code="SERVICE_SUMMARY_MISSING", file=file, line=line(file, index, "description"),
                        field=f"services[{index}].summary", warning=True,
                        message=f"{service.name}: the provider's description has a sentence of {count} words, "
                                "so listings show only its first words.",
                        fix="Add summary: with one or two short sentences in your own words (what it does, who "
                            "it is for). Their description stays on the page, as theirs.")))
    warnings.sort(key=lambda item: -item[0])
    return Verdict(problems=problems, to_summarise=[p for _, p in warnings], theirs_long=theirs_long)


def format_verdict(verdict: Verdict, show: int = 10) -> str:
    lines = []
    if verdict.problems:
        lines.append(f"Service descriptions and summaries in your words that are too hard to read: "
                     f"{len(verdict.problems)}.")
        lines += [str(p) for p in verdict.problems[:show]]
    lines.append(f"Providers' descriptions with a sentence over the limit: {verdict.theirs_long} (shown as theirs, "
                 f"not a failure); {len(verdict.to_summarise)} have no summary yet, longest first:")
    lines += [f"    {p.file}, line {p.line}: {p.message}" for p in verdict.to_summarise[:show]]
    if len(verdict.to_summarise) > show:
        lines.append(f"    ... and {len(verdict.to_summarise) - show} more.")
    return "\n".join(lines)
