"""The council's colours as a stylesheet, written as a file so no inline style is needed."""

from __future__ import annotations

from carers_hub.data.models import Colours


def council_css(colours: Colours) -> str:
    c = colours
    return (f":root{{--ch-primary:{c.primary};--ch-accent:{c.accent};--md-primary-fg-color:{c.primary};"
            f"--md-primary-fg-color--dark:{c.primary};--md-primary-bg-color:#fff;--md-typeset-a-color:{c.primary};"
            f"--md-accent-fg-color:{c.accent}}}\n")
