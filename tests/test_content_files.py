"""content/ publishes pages and pictures only, and the build reads only the project's own files.

An attacker's routes: a web page or script dropped beside the pages (MkDocs copies it into the site as it is,
on the same address as the editor at /admin/), an SVG that runs a program when opened, a file named .png that
holds a web page, and a link (symlink) from content/ or data/ to a file elsewhere on the build machine.
"""

from __future__ import annotations

import os
import time

import pytest

from conftest import SITE, build
from carers_hub.checks import content_files, svg_pictures

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
DRAWING = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
           b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           b'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10">\n'
           b'<title>A house</title><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>\n'
           b'<inkscape:perspective id="p"/><metadata><anything/></metadata>\n'
           b'<g style="fill:url(#g)"><path d="M0 0h10v10z"/><use xlink:href="#g"/></g>\n</svg>\n')


def codes(problems) -> list[str]:
    return [p.code for p in problems]


def test_a_plain_drawing_and_a_real_picture_pass(tmp_path):
    (tmp_path / "house.svg").write_bytes(DRAWING)
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "page.md").write_text("# A page\n")
    assert content_files.content_problems(tmp_path, sorted(tmp_path.iterdir())) == []


@pytest.mark.parametrize("name, body", [
    ("page.html", b"<script>fetch('/admin/')</script>"),
    ("steal.js", b"alert(1)"),
    ("style.css", b"body{}"),
    ("page.HTM", b"<script>alert(1)</script>"),
    ("feed.xml", b"<x/>"),
    ("no-ending", b"hello"),
])
def test_files_that_are_not_pages_or_pictures_are_refused(tmp_path, name, body):
    (tmp_path / name).write_bytes(body)
    found = content_files.content_problems(tmp_path, [tmp_path / name])
    assert codes(found) == ["CONTENT_FILE_NOT_ALLOWED"], found
    assert found[0].file == f"{tmp_path.name}/{name}" and "Remove the file" in found[0].fix


def test_a_web_page_named_as_a_picture_is_refused(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"<html><script>alert(1)</script></html>")
    (tmp_path / "leaflet.PDF").write_bytes(b"<svg onload=alert(1)>")
    found = content_files.content_problems(tmp_path, sorted(tmp_path.iterdir()))
    assert codes(found) == ["CONTENT_FILE_NOT_WHAT_IT_SAYS"] * 2, found


@pytest.mark.parametrize("svg, says", [
    (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', '"onload"'),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><rect ONCLICK="alert(1)"/></svg>', '"ONCLICK"'),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>', "<foreignObject>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)'
     b'</h:script></svg>', "<script>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="javascript:alert(1)">'
     b'<rect/></a></svg>', "<a>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><use x:href="https://evil.example/s.svg#a"/></svg>',
     "links to"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>', "links to"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:alert(1)"/></svg>', "<set>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/)</style></svg>', "<style>"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://evil.example/x)"/></svg>', "loads something"),
    (b'<?xml-stylesheet href="https://evil.example/a.css"?><svg xmlns="http://www.w3.org/2000/svg"/>', "<?xml-stylesheet"),
    (b'<!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>',
     "DOCTYPE"),
    (b'<svg xmlns="http://www.w3.org/2000/svg"><rect>', "not a complete SVG"),
    (b'<svg><rect/></svg>', "<svg>"),  # no SVG namespace: not read as a drawing at all
])
def test_an_svg_that_could_run_or_fetch_something_is_refused(svg, says):
    found = svg_pictures.problems(svg, "content/house.svg")
    assert found and set(codes(found)) == {"SVG_NOT_A_PICTURE"}, found
    assert any(says in p.message for p in found), [p.message for p in found]
    assert all(p.file == "content/house.svg" and p.fix for p in found)


def test_an_svg_problem_names_its_line():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n<rect/>\n<script>alert(1)</script>\n</g>\n</svg>'
    assert [p.line for p in svg_pictures.problems(svg, "content/a.svg")] == [4]


def test_an_svg_entity_bomb_is_refused_at_once():
    layers = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    bomb = f'<!DOCTYPE svg [<!ENTITY l0 "lol">{layers}]><svg xmlns="http://www.w3.org/2000/svg">&l9;</svg>'
    started = time.process_time()
    assert codes(svg_pictures.problems(bomb.encode(), "content/a.svg")) == ["SVG_NOT_A_PICTURE"]
    assert time.process_time() - started < 1


def test_a_link_out_of_the_folder_is_refused(tmp_path):
    content, secret = tmp_path / "content", tmp_path / "secret.txt"
    content.mkdir()
    secret.write_text("password")
    (content / "notes.md").symlink_to(secret)
    (content / "pictures").symlink_to(tmp_path, target_is_directory=True)
    files = [content / "notes.md", content / "pictures" / "secret.txt"]
    found = content_files.content_problems(content, files)
    assert codes(found) == ["FILE_OUTSIDE_PROJECT"] * 2, found
    assert [p.file for p in found] == ["content/notes.md", "content/pictures/secret.txt"]


def test_a_link_inside_the_folder_is_allowed(tmp_path):
    (tmp_path / "real.md").write_text("# A page\n")
    (tmp_path / "also.md").symlink_to(tmp_path / "real.md")
    assert content_files.content_problems(tmp_path, [tmp_path / "also.md"]) == []


def test_the_build_publishes_nothing_from_a_script_file_a_link_out_or_a_data_link(project, tmp_path):
    """End to end: each route stops `mkdocs build --strict` by name, before a page is written."""
    secret = tmp_path / "secret.txt"
    secret.write_text("the build machine's secret")
    (project / "content" / "offer.html").write_text("<script>fetch('/admin/')</script>")
    (project / "content" / "a-folder").mkdir()  # a folder of pages, as any site's sections are
    (project / "content" / "a-folder" / "notes.md").symlink_to(secret)
    (project / "content" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # left out by MkDocs: no problem
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert "content/offer.html" in output and "CONTENT_FILE_NOT_ALLOWED" in output, output
    assert "content/a-folder/notes.md" in output and "FILE_OUTSIDE_PROJECT" in output, output
    assert ".DS_Store" not in output, output
    assert not (project / "site").exists() or not any((project / "site").rglob("*.html"))

    os.remove(project / "content" / "offer.html")
    os.remove(project / "content" / "a-folder" / "notes.md")
    (project / "data" / "extra.yaml").symlink_to(secret)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output, output
    assert "data/extra.yaml" in output and "FILE_OUTSIDE_PROJECT" in output, output


def test_the_shipped_content_passes():
    root = SITE / "content"  # the site under test's
    assert content_files.content_problems(root, sorted(p for p in root.rglob("*") if p.is_file())) == []
