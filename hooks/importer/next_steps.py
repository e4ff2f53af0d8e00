"""What the editor should do when an import finishes: the mapping settings still at their defaults, and the
three most useful next steps, for the last lines the terminal shows.

Without this, an editor who runs one import sees a summary, not that every imported page will say "We found
these details in the service directory at 127.0.0.1" until mapping.yaml's feed_title is filled in.
"""

from __future__ import annotations

from carers_hub.importer.mapping import FILE, Mapping

# The settings an editor should decide, feed_title first: it is on every imported page.
DECIDE = ("feed_title", "categories_for_terms", "audience_for_terms", "audience", "categories", "how_to_access",
          "area", "provider_kind", "review_every_months")


def at_defaults(rules: Mapping) -> list[str]:
    """The settings still as the template has them, in the order an editor should decide them."""
    return [name for name in DECIDE if getattr(rules, name) == Mapping.model_fields[name].get_default()]


def steps(rules: Mapping, shown_title: str, on_defaults: int, unmapped: int, to_summarise: int,
          dropped: int) -> list[str]:
    """The three most useful things to do next, most useful first."""
    wanted = []
    if rules.feed_title is None:
        wanted.append(f'Set feed_title in data/{FILE}: until you do, every imported page says "We found these '
                      f'details in {shown_title}".')
    if on_defaults or unmapped:
        wanted.append(f"Map the feed's terms in data/{FILE} (categories_for_terms, audience_for_terms): "
                      f"{on_defaults} services use a default, {unmapped} feed terms are not mapped.")
    if to_summarise:
        wanted.append(f"Write a short summary for the {to_summarise} long descriptions, in "
                      "data/services-imported.yaml (data/import/report.md lists them).")
    wanted.append(f"Read data/import/report.md ({dropped} values dropped or changed), then `git diff data/`.")
    wanted.append("Look at a few imported services with `make serve` (http://127.0.0.1:8000/services/).")
    wanted.append("Run `make check`, then commit: nothing is published until you do.")
    return wanted[:3]


def summary(rules: Mapping, shown_title: str, on_defaults: int, unmapped: int, to_summarise: int,
            dropped: int) -> str:
    unset = at_defaults(rules)
    lines = [f"Still at their defaults in data/{FILE}: {', '.join(unset)}." if unset
             else f"Every setting in data/{FILE} has been decided.", "Next:"]
    lines += [f"  {n}. {step}" for n, step in
              enumerate(steps(rules, shown_title, on_defaults, unmapped, to_summarise, dropped), 1)]
    return "\n".join(lines)
