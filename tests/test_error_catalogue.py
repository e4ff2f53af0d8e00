"""Every error code the code can raise has an entry in docs/errors.md, and every entry is raised somewhere."""

import re

from conftest import ROOT

# Where codes are written: code="X", PydanticCustomError("X", ...), a pydantic type mapped to "X", or a default.
# Not the names of environment variables: os.environ.get("X"), environ.get("X") or ENV = "X".
CODE = re.compile(r'(?<!environ\.get\()(?<!ENV = )"([A-Z]+(?:_[A-Z]+)+)"')


def raised_codes() -> set[str]:
    codes = set()
    for path in (ROOT / "hooks").rglob("*.py"):
        text = path.read_text()
        for match in CODE.finditer(text):
            word = match.group(1)
            if "_" in word:
                codes.add(word)
    # MACRO_UNKNOWN_ID is written inside the message text.
    codes |= set(re.findall(r"\[([A-Z_]+)\]", (ROOT / "hooks" / "macros.py").read_text()))
    return codes


def documented_codes() -> set[str]:
    return set(re.findall(r"^### ([A-Z_]+):", (ROOT / "docs" / "errors.md").read_text(), re.M))


def test_every_raised_code_is_documented():
    missing = raised_codes() - documented_codes()
    assert not missing, f"Add these codes to docs/errors.md: {sorted(missing)}"


def test_every_documented_code_is_raised():
    unused = documented_codes() - raised_codes()
    assert not unused, f"docs/errors.md lists codes nothing raises: {sorted(unused)}"


def test_each_entry_has_the_anchor_messages_link_to():
    text = (ROOT / "docs" / "errors.md").read_text()
    for code in documented_codes():
        anchor = code.lower().replace("_", "-")
        assert f'<a id="{anchor}"></a>\n### {code}:' in text, code
