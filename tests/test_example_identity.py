"""No test outside the example's own checks names the City of London's text or colours (issue 29): the generator's
tests take what they expect from the site under test, and pass on another council's site."""

from __future__ import annotations

from textwrap import dedent

from conftest import ROOT

from support.example_identity import identity, offenders

# Made-up names for the guard's own tests: it is given them, as it is given the example's from its data.
WORDS = {"Fenmoor District Council", "#005a30"}


def test_no_test_outside_the_examples_own_checks_names_the_example():
    words = identity(ROOT / "data" / "site.yaml")
    assert len(words) >= 5, words  # council name, short name, area, site name and the two colours
    found = [place for path in sorted((ROOT / "tests").rglob("*.py"))
             for place in offenders(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix(), words)]
    assert not found, ("These tests name the example's council, area or colours but are not marked example "
                       "(pytest.mark.example): take what they expect from the site under test, or mark them if "
                       "they check the example's own words:\n" + "\n".join(found))


def test_the_identity_comes_from_the_examples_data():
    words = identity(ROOT / "data" / "site.yaml")
    assert any(word.startswith("#") for word in words) and all(word == word.strip() for word in words)


def test_an_unmarked_test_naming_the_council_is_found():
    source = dedent('''\
        """The module may describe Fenmoor District Council in its docstring."""
        import pytest

        def test_name(site):
            """A docstring naming Fenmoor District Council asserts nothing."""
            assert "Fenmoor District Council" in site

        @pytest.mark.example
        def test_own_words(site):
            assert "fenmoor district council" in site and "#005A30" in site

        def test_colour(css):
            assert f"color: {'#005a30'}" in css
        ''')
    assert offenders(source, "tests/test_x.py", WORDS) == ["tests/test_x.py:6", "tests/test_x.py:13"]


def test_helpers_only_the_examples_checks_use_are_its_own():
    source = dedent('''\
        import pytest

        EXPECTED = "Fenmoor District Council"
        SHARED = "Fenmoor District Council"

        @pytest.fixture
        def council():
            return "Fenmoor District Council"

        @pytest.mark.example
        def test_one(page, council):
            assert EXPECTED in page and SHARED in page and council

        def test_two(page):
            assert SHARED in page

        class TestMarked:
            pytestmark = [pytest.mark.example]

            def test_three(self, page):
                assert "Fenmoor District Council" in page

        class TestMixed:
            @pytest.mark.example()
            def test_four(self, page):
                assert "Fenmoor District Council" in page

            def test_five(self, page):
                assert "Fenmoor District Council" in page
        ''')
    assert offenders(source, "t.py", WORDS) == ["t.py:4", "t.py:29"]


def test_a_module_marked_example_is_the_examples_own():
    source = 'import pytest\n\npytestmark = [pytest.mark.browser, pytest.mark.example]\n\nNAME = "Fenmoor District Council"\n'
    assert offenders(source, "t.py", WORDS) == []
    assert offenders(source.replace("pytest.mark.example", "pytest.mark.slow"), "t.py", WORDS) == ["t.py:5"]
