"""One catalogue of error codes (hooks/core/error_codes.py): docs/errors.md is written from it, every code the
code raises is a member, and every member is raised somewhere."""

import re

from conftest import ROOT

from carers_hub.core.error_codes import SECTIONS, ErrorCode
from carers_hub.core.problems import Problem, help_link
from carers_hub.tools import errors_doc

# Where codes are written: code="X", PydanticCustomError("X", ...), a pydantic type mapped to "X", or a default.
# Not the names of environment variables: os.environ.get("X"), environ.get("X") or ENV = "X".
CODE = re.compile(r'(?<!environ\.get\()(?<!ENV = )"([A-Z]+(?:_[A-Z]+)+)"')
CATALOGUE = ROOT / "hooks" / "core" / "error_codes.py"


def raised_codes() -> set[str]:
    codes = set()
    for path in (ROOT / "hooks").rglob("*.py"):
        if path != CATALOGUE:
            codes |= set(CODE.findall(path.read_text()))
    return codes


def documented_codes() -> set[str]:
    return set(re.findall(r"^### ([A-Z_]+):", (ROOT / "docs" / "errors.md").read_text(), re.M))


def test_the_errors_page_is_written_from_the_catalogue():
    written = (ROOT / "docs" / "errors.md").read_text()
    assert written == errors_doc.page(), ("docs/errors.md differs from hooks/core/error_codes.py: change the "
                                          "catalogue, then run make docs")


def test_the_drift_test_sees_a_hand_edit(monkeypatch):
    # The comparison above can fail: an entry's help changed in the catalogue changes the page.
    before = errors_doc.page()
    monkeypatch.setattr(ErrorCode.PHONE_INVALID, "_value_", ErrorCode.PHONE_INVALID.value._replace(help="Changed."))
    assert errors_doc.page() != before and "### PHONE_INVALID: " in errors_doc.page()


def test_every_code_used_in_hooks_is_a_member():
    missing = raised_codes() - {code.name for code in ErrorCode}
    assert not missing, f"Add these codes to hooks/core/error_codes.py, then run make docs: {sorted(missing)}"


def test_every_member_is_used():
    unused = {code.name for code in ErrorCode} - raised_codes()
    assert not unused, f"hooks/core/error_codes.py lists codes nothing raises: {sorted(unused)}"


def test_each_member_is_one_entry_with_a_title_and_help_in_a_known_section():
    assert len(ErrorCode) == len(ErrorCode.__members__)  # no two entries the same (an alias would hide one)
    assert documented_codes() == {code.name for code in ErrorCode}
    for code in ErrorCode:
        assert code.section in SECTIONS and code.title.strip() and code.help.strip(), code.name


def test_each_entry_has_the_anchor_messages_link_to():
    text = (ROOT / "docs" / "errors.md").read_text()
    for code in ErrorCode:
        problem = Problem(code=code.name, file="data/site.yaml", line=1, field="x", message="m", fix="f")
        anchor = help_link(code.name).partition("#")[2]
        assert f"More help: docs/errors.md#{anchor} [{code.name}]" in str(problem)
        assert f'<a id="{anchor}"></a>\n### {code.name}:' in text, code.name


def test_the_catalogue_scan_finds_codes_in_each_way_they_are_written():
    found = set(CODE.findall('code="A_B" PydanticCustomError("C_D", "x") {"e": "E_F"} os.environ.get("G_H")'))
    assert found == {"A_B", "C_D", "E_F"}


def test_a_codes_fix_is_written_once_in_the_catalogue():
    from carers_hub.data.site_data import GENERIC_FIX, fix_for

    assert fix_for("ID_INVALID", "id") == ErrorCode.ID_INVALID.fix
    assert fix_for("FIELD_MISSING", "phone") == ErrorCode.FIELD_MISSING.fix.replace("{field}", "phone").replace(
        "{example}", '"020 7946 0000"')
    assert fix_for("PAGE_REVIEW_OVERDUE", "x") == GENERIC_FIX  # its check writes its own fix
    copies = [path for path in (ROOT / "hooks").rglob("*.py") if re.search(r"^FIXES = \{", path.read_text(), re.M)]
    assert not copies, f"fix texts belong in hooks/core/error_codes.py (ErrorCode.fix), not in {copies}"
