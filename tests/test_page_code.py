"""Pages are Markdown, not code (issue 23, point 2).

An editor's page may not carry scripts, frames, forms, event attributes or links that run code, however they
are written (raw HTML, attr_list, Markdown links; quotes, case, character references, tabs); the
Content-Security-Policy allows only the theme's and the site's own inline scripts, listed by name; and the
third-party check reads attributes as a browser does, whatever their quotes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.written_page import write_page

from conftest import ROOT, SITE, SUITE_TODAY, build, line_of, load_data
from carers_hub.checks import third_party
from carers_hub.core.problems import ProblemsFound

OWN_HOST = "carers.example.org"
FRONT = "---\ntitle: A page\n---\n\n"  # four lines: the body starts on line 5
BODY_LINE = 5


@pytest.fixture(scope="module")
def markdown():
    """Markdown as the site converts it: mkdocs.yml's extensions, with MkDocs' own defaults added."""
    from mkdocs.config import load_config

    from carers_hub.checks.page_html import MarkdownReader

    config = load_config(str(SITE / "mkdocs.yml"))
    return MarkdownReader(config.markdown_extensions, config.mdx_configs)


def page_problems(markdown, body: str):
    from carers_hub.checks import page_html

    return page_html.page_problems(FRONT + body, "content/a-page.md", markdown, OWN_HOST)


# -- a) what an editor writes in a page -----------------------------------------------------------------------

# (what, Markdown, the code it must stop with, the line of the body it is on)
REFUSED = [
    ("script", "Hello.\n\n<script>alert(1)</script>\n", "PAGE_HTML_NOT_ALLOWED", 3),
    ("script in capitals", "<SCRIPT>alert(1)</SCRIPT>\n", "PAGE_HTML_NOT_ALLOWED", 1),
    ("script inside a paragraph", "Read this <script>alert(1)</script> now.\n", "PAGE_HTML_NOT_ALLOWED", 1),
    ("backticks escaped, so not code", "Text \\`<script>alert(1)</script>\\` end.\n", "PAGE_HTML_NOT_ALLOWED", 1),
    ("iframe with srcdoc", 'Intro.\n\n<iframe srcdoc="<script>alert(1)</script>"></iframe>\n', "PAGE_HTML_NOT_ALLOWED", 3),
    ("object", '<object data="film.swf"></object>\n', "PAGE_HTML_NOT_ALLOWED", 1),
    ("embed", '<embed src="film.swf">\n', "PAGE_HTML_NOT_ALLOWED", 1),
    ("form", 'Fill this in:\n\n<form action="https://evil.example/"><p>Name</p></form>\n', "PAGE_HTML_NOT_ALLOWED", 3),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">\n', "PAGE_HTML_NOT_ALLOWED", 1),
    ("base", '<base href="https://evil.example/">\n', "PAGE_HTML_NOT_ALLOWED", 1),
    ("style block", "<style>body { display: none }</style>\n", "PAGE_HTML_NOT_ALLOWED", 1),
    ("link to a stylesheet", '<link rel="stylesheet" href="https://fonts.example.net/a.css">\n', "PAGE_HTML_NOT_ALLOWED", 1),
    ("svg with onload", "<svg onload=alert(1)></svg>\n", "PAGE_HTML_NOT_ALLOWED", 1),
    ("comment that hides a script from html.parser", "Text.\n\n<!--><script>alert(1)</script>-->\n", "PAGE_HTML_NOT_ALLOWED", 3),
    ("onclick", 'Intro.\n\n<span onclick="alert(1)">Press</span>\n', "PAGE_HTML_ATTRIBUTE_NOT_ALLOWED", 3),
    ("onclick unquoted", "<div onclick=alert(1)>Press</div>\n", "PAGE_HTML_ATTRIBUTE_NOT_ALLOWED", 1),
    ("onmouseover in single quotes", "<span onmouseover='alert(1)'>Hover</span>\n", "PAGE_HTML_ATTRIBUTE_NOT_ALLOWED", 1),
    ("attr_list onclick on a paragraph", 'A paragraph.\n{: onclick="alert(1)" }\n', "PAGE_HTML_ATTRIBUTE_NOT_ALLOWED", 2),
    ("attr_list onmouseover on a link", "Intro.\n\n[Help](https://www.gov.uk/){: onmouseover=alert(1) }\n",
     "PAGE_HTML_ATTRIBUTE_NOT_ALLOWED", 3),
    ("style with url()", '<div style="background:url(https://evil.example/x.png)">Hi</div>\n',
     "PAGE_HTML_ATTRIBUTE_NOT_ALLOWED", 1),
    ("attr_list style", "Hello.\n{: style=\"background:url('https://evil.example/x.png')\" }\n",
     "PAGE_HTML_ATTRIBUTE_NOT_ALLOWED", 2),
    ("an id the theme looks for", "## Settings { #__config }\n", "PAGE_HTML_ATTRIBUTE_NOT_ALLOWED", 1),
    ("javascript: in a Markdown link", "Intro.\n\n[Click here](javascript:alert(1))\n", "PAGE_LINK_UNSAFE", 3),
    ("javascript: behind a character reference", "[Click](jav&#x61;script:alert(1))\n", "PAGE_LINK_UNSAFE", 1),
    ("javascript: in mixed case with a space", '<a href=" JaVaScRiPt:alert(1)">Click</a>\n', "PAGE_LINK_UNSAFE", 1),
    ("javascript: with a tab reference inside", '<a href="java&#9;script:alert(1)">Click</a>\n', "PAGE_LINK_UNSAFE", 1),
    ("javascript: with &colon;", "<a href='javascript&colon;alert(1)'>Click</a>\n", "PAGE_LINK_UNSAFE", 1),
    ("javascript: in a reference link", "See [this][1].\n\n[1]: javascript:alert(1)\n", "PAGE_LINK_UNSAFE", 3),
    ("vbscript:", '<a href="vbscript:msgbox(1)">Click</a>\n', "PAGE_LINK_UNSAFE", 1),
    ("data: link", "[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n", "PAGE_LINK_UNSAFE", 1),
    ("data: picture", "![A picture](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)\n", "PAGE_LINK_UNSAFE", 1),
    ("file: link", "[Your files](file:///C:/)\n", "PAGE_LINK_UNSAFE", 1),
    ("picture from another website, single quotes", "<img src='https://evil.example/x.png' alt='x'>\n",
     "THIRD_PARTY_REQUEST", 1),
    ("picture from another website, no quotes", "<img src=//evil.example/x.png alt=x>\n", "THIRD_PARTY_REQUEST", 1),
    ("Markdown picture from another website", "![Logo](https://evil.example/logo.png)\n", "THIRD_PARTY_REQUEST", 1),
    ("srcset", '<img src="a.png" srcset="https://evil.example/b.png 2x" alt="A">\n',
     "PAGE_HTML_ATTRIBUTE_NOT_ALLOWED", 1),
    ("{% raw %} keeps a script as it is", "{% raw %}<script>alert(1)</script>{% endraw %}\n", "PAGE_HTML_NOT_ALLOWED", 1),
]


@pytest.mark.parametrize("body,code,line", [case[1:] for case in REFUSED], ids=[case[0] for case in REFUSED])
def test_code_written_in_a_page_is_refused_at_its_line_with_a_fix(markdown, body, code, line):
    found = page_problems(markdown, body)
    assert [p.code for p in found if p.code == code], f"{code} not raised: {[str(p) for p in found]}"
    problem = next(p for p in found if p.code == code)
    assert problem.file == "content/a-page.md" and problem.line == BODY_LINE + line - 1, str(problem)
    assert problem.fix and "How to fix" in str(problem)


ALLOWED = [
    ("code in backticks is shown, not run", "Write `<script>alert(1)</script>` to see it.\n"),
    ("code in a fence", "```html\n<script>alert(1)</script>\n<a href=\"javascript:x\">x</a>\n```\n"),
    ("code indented", "Example:\n\n    <iframe src=\"x\"></iframe>\n"),
    ("everyday Markdown", "## Help\n\n- [Carers UK](https://www.carersuk.org/)\n- [Email us](mailto:a@example.org)\n"
                          "- [Call](tel:+442073321224) or [text](sms:+447700900000)\n\n![A carer](photo.png)\n"),
    ("a link to another page and a heading", "[Assessment](../support/carers-assessment.md#who-can-have-one)\n"),
    ("the little HTML editors need", '<div class="note" markdown="1">\n**Note** <abbr title="Carers UK">CUK</abbr>'
                                     '<br>\n</div>\n\n<details><summary>More</summary>\nText\n</details>\n'),
    ("a table with aligned columns", "| Day | Time |\n|:----|-----:|\n| Monday | 9am |\n"),
    ("an admonition and attr_list classes", '!!! note "Good to know"\n    Text.\n\nWords.\n{: .lead #intro }\n'),
    ("a macro's words are the site's own", '{{ contact_card("carers-uk") }}\n'),
    ("a picture with its size", '<img src="photo.png" alt="A carer" width="300" height="200">\n'),
]


@pytest.mark.parametrize("body", [case[1] for case in ALLOWED], ids=[case[0] for case in ALLOWED])
def test_markdown_and_the_allowed_html_pass(markdown, body):
    assert page_problems(markdown, body) == []


def test_a_page_with_macros_turned_off_is_read_as_written(markdown):
    """render_macros: false leaves {{ }} as text, so what is inside it reaches Markdown (and the reader)."""
    from carers_hub.checks import page_html

    body = FRONT + '{{ "<script>alert(1)</script>" }}\n'
    assert page_html.page_problems(body, "content/a-page.md", markdown, OWN_HOST) == []
    found = page_html.page_problems(body, "content/a-page.md", markdown, OWN_HOST, macros=False)
    assert [(p.code, p.line) for p in found] == [("PAGE_HTML_NOT_ALLOWED", BODY_LINE)]


def test_what_a_macro_writes_is_checked_in_the_page_as_published():
    """{{ }} can write anything into a page: the published HTML is read for what no page may carry."""
    from carers_hub.checks import page_html

    source = FRONT + 'Hello.\n\n{{ "<scr" ~ "ipt>alert(1)</scr" ~ "ipt>" }}\n\n{{ "<a hr" ~ "ef=javascript:x>go</a>" }}\n'
    published = '<p>Hello.</p>\n<script>alert(1)</script>\n<p><a href=javascript:x>go</a></p>'
    found = page_html.published_problems(published, source, "content/a-page.md", OWN_HOST)
    assert [p.code for p in found] == ["PAGE_HTML_NOT_ALLOWED", "PAGE_LINK_UNSAFE"]
    assert all(p.line is None and "{{ }}" in p.message for p in found[:1])
    # What the site's macros write (forms, inline pictures, phone links) is not refused there.
    own = ('<form class="ch-plan" id="ch-plan" novalidate><input name="x" type="text" autocomplete="off">'
           '<a href="tel:+442073321224">020</a><svg viewBox="0 0 24 24"><path d="M1 1"/></svg></form>')
    assert page_html.published_problems(own, source, "content/a-page.md", OWN_HOST) == []


@pytest.mark.parametrize("href", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
                                  "java\nscript:alert(1)", "\x01javascript:alert(1)", "VBScript:x", "data:text/html,x",
                                  "file:///etc/passwd"])
def test_links_that_run_code_are_refused_however_spelled(href):
    """The rule itself, on a tag as the parser gives it (Markdown turns a tab typed in a page into spaces)."""
    from carers_hub.checks import page_html

    found = page_html.tag_findings("a", [("href", href)], "<a>", strict=True, own_host=OWN_HOST)
    assert [f.code for f in found] == ["PAGE_LINK_UNSAFE"]


def test_files_a_browser_would_run_are_refused_in_content(tmp_path):
    """MkDocs publishes every file in content/ as it is (hooks/checks/content_files.py; more in test_content_files)."""
    from carers_hub.checks import content_files

    content = tmp_path / "content"
    (content / "about").mkdir(parents=True)
    files = {"index.md": b"# A page", "about/photo.PNG": b"\x89PNG\r\n\x1a\n", "about/leaflet.pdf": b"%PDF-1.7",
             "about/evil.html": b"<script>alert(1)</script>", "tool.js": b"alert(1)", "notes.xhtml": b"<x/>",
             "about/logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="5"/></svg>',
             "about/x.svg": b'<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script></svg>'}
    for name, body in files.items():
        (content / name).write_bytes(body)
    found = content_files.content_problems(content, sorted(content.rglob("*.*")))
    assert sorted((p.file, p.line, p.code) for p in found) == [
        ("content/about/evil.html", None, "CONTENT_FILE_NOT_ALLOWED"), ("content/about/x.svg", 2, "SVG_NOT_A_PICTURE"),
        ("content/notes.xhtml", None, "CONTENT_FILE_NOT_ALLOWED"), ("content/tool.js", None, "CONTENT_FILE_NOT_ALLOWED")]


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize("inside", [
    "<script>alert(1)</script>",
    '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>',
    '<circle r="5" onload="alert(1)"/>',
    '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
    '<a xlink:href="javascript:alert(1)"><text>Press</text></a>',
    '<set attributeName="href" to="javascript:alert(1)"/>',
    '<use href="https://evil.example/sprite.svg#a"/>',
    '<image xlink:href="https://evil.example/photo.png"/>',
    "<style>@import url(https://evil.example/a.css);</style>",
    '<rect style="fill: u\\72l(https://evil.example/p.png)"/>',
    "<style>.a { fill: u&#114;l(https://evil.example/p.png) }</style>",
])
def test_an_svg_picture_that_does_more_than_draw_is_refused(inside):
    from carers_hub.checks import svg_pictures

    assert [p.code for p in svg_pictures.problems(SVG.format(inside).encode(), "content/logo.svg")] != []


@pytest.mark.parametrize("svg", [
    '<!DOCTYPE svg [ <!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;"> ]>' + SVG.format("&x;"),
    '<?xml-stylesheet href="https://evil.example/x.css"?>' + SVG.format(""),
])
def test_an_svg_that_hides_markup_or_loads_a_stylesheet_is_refused(svg):
    from carers_hub.checks import svg_pictures

    assert svg_pictures.problems(svg.encode(), "content/logo.svg") != []


def test_a_drawing_as_design_programs_save_it_passes():
    from carers_hub.checks import svg_pictures

    drawing = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
               '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + SVG.format(
                   '<defs><linearGradient id="a"><stop offset="0"/></linearGradient>'
                   "<style><![CDATA[.c{fill:url(#a)}]]></style></defs><!-- Layer 1 -->"
                   '<path class="c" fill="url(#a)" d="M0 0h10v10z"/><use xlink:href="#a"/>'
                   '<image href="data:image/png;base64,iVBORw0KGgo="/><title>Example Borough Council</title>'))
    assert svg_pictures.problems(drawing.encode(), "content/logo.svg") == []


def test_the_shipped_pages_pass(markdown):
    from carers_hub.checks import page_html

    for path in sorted((SITE / "content").rglob("*.md")):
        assert page_html.page_problems(path.read_text(), str(path), markdown, OWN_HOST) == [], path


def test_a_script_in_a_page_stops_the_build_with_its_line_and_writes_nothing(project):
    page = write_page(project, "written/page.md", 'Hello <script>alert("carers")</script>\n\n## More', SUITE_TODAY)
    (project / "content" / "written" / "evil.html").write_text("<script>alert(1)</script>")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    line = line_of(page, '<script>alert("carers")</script>')
    assert f"content/written/page.md, line {line}" in output and "PAGE_HTML_NOT_ALLOWED" in output, output
    assert "Pages cannot run programs" in output and "Traceback" not in output
    assert "content/written/evil.html" in output and "CONTENT_FILE_NOT_ALLOWED" in output
    assert not (project / "site").exists(), "a half-built site was written"


def test_a_script_built_from_strings_in_a_page_never_reaches_the_renderer():
    """A page cannot make a macro write a script: joining strings is not a macro call, so the template check
    refuses it before anything renders; what a macro writes is still checked after (the test above)."""
    from carers_hub.checks import page_template

    found = page_template.problems('# A page\n\n{{ "<scr" ~ "ipt>alert(1)</scr" ~ "ipt>" }}\n', "content/a.md")
    assert [(p.code, p.line) for p in found] == [("PAGE_TEMPLATE_NOT_ALLOWED", 3)], [str(p) for p in found]


# -- b) the scripts a page may run ---------------------------------------------------------------------------

def finish(page_html: str, file: str = "content/index.md") -> str:
    from carers_hub.site_build import SiteBuild

    data, directory = load_data()
    return SiteBuild(root=ROOT, today=SUITE_TODAY, make_leaflets=False, data=data,
                     directory=directory).finish_page(page_html, file)


def policy_hashes(html: str) -> set[str]:
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
    return set(re.findall(r"'sha256-[^']+'", policy))


@pytest.mark.parametrize("script", [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    '<script type="module">alert(1)</script>',
    "<script type=text/javascript>alert(1)</script >",
    '<script>document.documentElement.classList.add("ch-js-enabled");alert(1)</script>',
])
def test_an_inline_script_the_site_does_not_list_stops_the_page(built_site, script):
    page = (built_site / "index.html").read_text()
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n<meta name="referrer"[^>]*>\n', "", page)
    with pytest.raises(ProblemsFound) as stopped:
        finish(page.replace("</article>", script + "</article>", 1))
    assert [p.code for p in stopped.value.problems] == ["INLINE_SCRIPT_NOT_LISTED"]
    assert stopped.value.problems[0].file == "content/index.md"


def test_a_script_file_from_outside_the_sites_scripts_stops_the_page(built_site):
    page = (built_site / "index.html").read_text()
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n<meta name="referrer"[^>]*>\n', "", page)
    with pytest.raises(ProblemsFound) as stopped:
        finish(page.replace("</article>", '<script src="../about/upload.js"></script></article>', 1))
    assert [p.code for p in stopped.value.problems] == ["INLINE_SCRIPT_NOT_LISTED"]


def test_the_policy_hashes_exactly_the_listed_scripts_on_each_page(built_site):
    from carers_hub.checks.built_site import html_pages
    from carers_hub.outputs import page_scripts, security_headers

    for path in html_pages(built_site):
        html = path.read_text()
        scripts = page_scripts.page_scripts(html)
        assert not scripts.unlisted and not scripts.files, path
        assert policy_hashes(html) == {security_headers.script_hash(body) for body in scripts.listed}, path


@pytest.mark.parametrize("base", ["..", "../../../..", ".", "/", "/carers/"])
def test_the_themes_page_relative_script_is_listed_wherever_the_page_is(base):
    from carers_hub.outputs import page_scripts

    body = next(s.body for s in page_scripts.LISTED if "{{" in s.body)
    assert page_scripts.is_listed(re.sub(r"\{\{.*?\}\}", base, body))
    assert not page_scripts.is_listed(re.sub(r"\{\{.*?\}\}", '",alert(1),"', body))


def test_data_scripts_and_the_sites_script_files_are_not_inline_scripts():
    from carers_hub.outputs import page_scripts

    html = ('<script id="__config" type="application/json">{"base": ".."}</script>'
            '<script type="application/ld+json">{"@type": "Service"}</script>'
            '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
            '<script src="/carers/assets/javascripts/site-search.js" defer></script>')
    found = page_scripts.page_scripts(html)
    assert found.listed == found.unlisted == found.files == []


def test_inline_scripts_theme_templates_write_what_the_list_says():
    """Coupling point 'inline scripts': the theme's templates (and ours) write each listed script exactly as
    LISTED has it, so the policy's hashes allow them and nothing else."""
    import material

    from carers_hub.outputs import page_scripts

    roots = {"material": Path(material.__file__).parent / "templates", "overrides": ROOT / "overrides"}
    for listed in page_scripts.LISTED:
        folder, _, template = listed.template.partition("/")
        text = (roots[folder] / template).read_text()
        assert f"<script>{listed.body}</script>" in text, (
            f"coupling point 'inline scripts' (docs/developers/how-it-works.md) has changed: {listed.template} no "
            f"longer writes the script for {listed.what!r}; copy its new text into hooks/outputs/page_scripts.py")


# -- c) nothing from another website, however the tag is written -------------------------------------------

# Each: a page's HTML, and what it would fetch from another website.
FETCHES = [
    ("single quotes", "<script src='https://cdn.example.net/x.js'></script>", "https://cdn.example.net/x.js"),
    ("no quotes", "<img src=https://cdn.example.net/p.png alt=x>", "https://cdn.example.net/p.png"),
    ("capitals", '<IMG SRC="//cdn.example.net/p.png">', "//cdn.example.net/p.png"),
    ("slash before the attribute", "<img/src=//cdn.example.net/p.png>", "//cdn.example.net/p.png"),
    ("a > inside an earlier attribute", '<img alt=">" src="//cdn.example.net/p.png">', "//cdn.example.net/p.png"),
    ("character references", '<img src="&#x2F;&#x2F;cdn.example.net/p.png">', "//cdn.example.net/p.png"),
    ("backslashes", '<img src="\\\\cdn.example.net/p.png">', "\\\\cdn.example.net/p.png"),
    ("http: without slashes", '<img src="http:cdn.example.net/p.png">', "http:cdn.example.net/p.png"),
    ("own host as a user name", '<img src="https://carers.example.org@cdn.example.net/p.png">',
     "https://carers.example.org@cdn.example.net/p.png"),
    ("srcset", '<img src="a.png" srcset="a.png 1x, https://cdn.example.net/b.png 2x">', "https://cdn.example.net/b.png"),
    ("source srcset", '<picture><source srcset="https://cdn.example.net/b.webp"></picture>',
     "https://cdn.example.net/b.webp"),
    ("preconnect", "<link rel=preconnect href=https://fonts.example.net>", "https://fonts.example.net"),
    ("dns-prefetch", "<link rel='dns-prefetch' href='//tracker.example.net'>", "//tracker.example.net"),
    ("icon", '<link href="https://cdn.example.net/i.png" rel="shortcut icon">', "https://cdn.example.net/i.png"),
    ("alternate stylesheet", '<link rel="alternate stylesheet" href="https://cdn.example.net/a.css">',
     "https://cdn.example.net/a.css"),
    ("style attribute", '<div class="x" style="background: url(https://cdn.example.net/b.png)">', "https://cdn.example.net/b.png"),
    ("style attribute with a CSS escape", "<div style='background: u\\72l(//cdn.example.net/b.png)'>",
     "//cdn.example.net/b.png"),
    ("image-set", '<p style="background-image: image-set(\'https://cdn.example.net/b.png\' 1x)">',
     "https://cdn.example.net/b.png"),
    ("@import in single quotes", "<style>@import 'https://cdn.example.net/a.css';</style>", "https://cdn.example.net/a.css"),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "https://evil.example/"),
    ("meta refresh, no url=", "<meta http-equiv=Refresh content='5; https://evil.example/'>", "https://evil.example/"),
    ("meta refresh, quoted address", "<meta http-equiv=\"refresh\" content=\"0; URL='https://evil.example/'\">",
     "https://evil.example/"),
    ("a ping", '<a href="/x/" ping="https://tracker.example.net/p">x</a>', "https://tracker.example.net/p"),
    ("svg image", '<svg><image href="https://cdn.example.net/i.svg"/></svg>', "https://cdn.example.net/i.svg"),
    ("svg use, xlink", '<svg><use xlink:href="https://cdn.example.net/s.svg#i"/></svg>', "https://cdn.example.net/s.svg#i"),
    ("base", "<base href=https://evil.example/>", "https://evil.example/"),
    ("object data", "<object data='https://cdn.example.net/f.swf'></object>", "https://cdn.example.net/f.swf"),
    ("video poster", "<video poster=https://cdn.example.net/p.jpg></video>", "https://cdn.example.net/p.jpg"),
    ("form action", "<form action=https://evil.example/collect></form>", "https://evil.example/collect"),
    ("button formaction", "<button formaction='https://evil.example/c'>Go</button>", "https://evil.example/c"),
    ("iframe", "<iframe src='https://www.youtube.com/embed/x'></iframe>", "https://www.youtube.com/embed/x"),
]


@pytest.mark.parametrize("html,url", [case[1:] for case in FETCHES], ids=[case[0] for case in FETCHES])
def test_a_request_to_another_website_is_found_however_the_tag_is_written(html, url):
    page = f"<html><head><title>x</title></head><body><p>Words</p>{html}<p>More</p></body></html>"
    assert third_party.third_party_resources(page, OWN_HOST) == [url]


@pytest.mark.parametrize("html", [
    '<a href="https://www.gov.uk/" title="src=https://x.example">A link is not a request</a>',
    "<link rel=canonical href=https://other.example.net/page/>",
    "<link rel='prev' href='https://other.example.net/1/'>",
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
    '<img src="https://carers.example.org/own.png" srcset="../own.png 1x, /own2.png 2x">',
    "<script src=../assets/javascripts/site-search.js></script>",
    "<p>The address https://cdn.example.net/x.js written in words</p>",
    '<meta http-equiv="refresh" content="30">',
])
def test_what_is_not_a_request_to_another_website_passes(html):
    assert third_party.third_party_resources(f"<html><body>{html}</body></html>", OWN_HOST) == []

