"""An amount or a weekly limit typed into a page, instead of quoted from data/facts.yaml: a warning naming the fact.

A number typed into a page is not checked, dated or sourced, and the next April it is wrong on that page while
another page says the new one. So money ("£204", "£86.45 a week") and hours a week ("35 hours a week") written in
a page's words (below its top block, outside code) are reported with the fact that has that value, or with the
advice to add one. The words given to a macro (an easy-read point) are a page's words too. A warning: the preview
shows it; a published build (--strict) stops on it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from carers_hub.checks.page_html import without_front_matter
from carers_hub.core.problems import Problem
from carers_hub.data.facts import FILE, MONEY, Fact

CODE = "FACT_TYPED_IN_PAGE"
PER = r"(?:\s+(?:a|per|each|every)\s+(?:week|month|year))?"  # shown in the message with the amount
MONEY_TYPED = re.compile(r"£\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?" + PER)
HOURS_TYPED = re.compile(r"\b(\d+)\s+hours?\s+(?:a|per|each|every)\s+week\b", re.IGNORECASE)
FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")


def typed(text: str, file: str, facts: dict[str, Fact]) -> list[Problem]:
    """Every amount or weekly limit typed into the page's words, with the fact to quote instead."""
    problems, in_code = [], False
    for number, line in enumerate(without_front_matter(text).splitlines(), 1):
        if FENCE.match(line):
            in_code = not in_code
        if in_code or FENCE.match(line):
            continue
        words = INLINE_CODE.sub("", line)
        for found in MONEY_TYPED.finditer(words):
            amount = Decimal(found.group(1).replace(",", "") + "." + (found.group(2) or "00"))
            matches = [f for f in facts.values() if f.unit in MONEY and f.amount == amount]
            problems.append(_problem(file, number, found.group(0), matches))
        for found in HOURS_TYPED.finditer(words):
            matches = [f for f in facts.values() if f.unit == "hours_per_week" and f.value == int(found.group(1))]
            problems.append(_problem(file, number, found.group(0), matches))
    return problems


def _problem(file: str, line: int, written: str, matches: list[Fact]) -> Problem:
    if matches:
        calls = " or ".join(f'{{{{ fact("{f.id}") }}}} ({f.label})' for f in matches)
        fix = f"Write {calls} instead, so the page shows the value from {FILE}, with its source and dates."
    else:
        fix = (f"Add the fact to {FILE} (its value, unit, source and the dates it holds for), then write "
               '{{ fact("its_id") }} here instead. If the amount is not one carers need, leave it out.')
    return Problem(code=CODE, file=file, line=line, field="", warning=True,
                   message=f'"{written}" is typed into the page, so nothing checks or dates it.', fix=fix)
