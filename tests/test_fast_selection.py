"""`make test-fast` leaves out the tests that build or serve a site, found by what they call (tests/support/fast.py)."""

import subprocess
import sys

from conftest import build
from support import fast


def builds_directly(project):
    build(project)


def runs_mkdocs(project):
    subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project)


def builds_through_a_helper(project):
    runs_mkdocs(project)


def reads_a_file(project):
    return (project / "mkdocs.yml").read_text()


def names_the_tool_in_an_assertion(makefile: str):
    assert "carers_hub.tools.pr_report" in makefile and "mkdocs" in makefile


def test_a_test_that_builds_directly_or_through_a_helper_of_its_module_is_found():
    assert fast.function_builds(builds_directly) and fast.function_builds(runs_mkdocs)
    assert fast.function_builds(builds_through_a_helper)


def test_a_test_that_only_reads_or_names_a_tool_is_not():
    assert not fast.function_builds(reads_a_file) and not fast.function_builds(names_the_tool_in_an_assertion)
