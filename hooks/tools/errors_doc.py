"""docs/errors.md, written from the catalogue of codes (hooks/core/error_codes.py): `make docs`.

    python -m carers_hub.tools.errors_doc > docs/errors.md
"""

from __future__ import annotations

from carers_hub.core.error_codes import INTROS, PREAMBLE, SECTIONS, ErrorCode
from carers_hub.core.problems import help_anchor


def page() -> str:
    """The errors page: each section's heading, then each of its codes with the anchor messages link to."""
    parts = [PREAMBLE]
    for section in SECTIONS:
        parts.append(f"## {section}")
        if section in INTROS:
            parts.append(INTROS[section])
        parts += [f'<a id="{help_anchor(code.name)}"></a>\n### {code.name}: {code.title}\n{code.help}'
                  for code in ErrorCode if code.section == section]
    return "\n\n".join(parts) + "\n"


def main() -> int:
    print(page(), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
