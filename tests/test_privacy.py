"""Privacy and security: no requests to other websites, no cookies, a strict Content-Security-Policy,
and links to other websites marked as external."""

from __future__ import annotations

import re

import pytest

from urllib.parse import urlsplit

from support.kinds import one
from support.site_words import a_service_name_word
from support.project import override_template
from conftest import build, edit, load_data
from carers_hub.checks import third_party
from carers_hub.outputs import security_headers
from test_built_site import all_built_pages

OWN_HOST = "carers.example.org"


def test_no_built_page_loads_anything_from_another_website(built_site):
    pages = all_built_pages(built_site)
    for path in pages:
        assert third_party.third_party_resources(path.read_text(), OWN_HOST) == [], path
    for sheet in built_site.rglob("*.css"):
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", sheet.read_text(errors="ignore")), sheet


def test_a_google_fonts_link_stops_the_build(project):
    # In the theme, where a developer would add it (a page cannot hold a <link>: tests/test_page_code.py), in
    # single quotes, which the check once could not read.
    edit(override_template(project, "main.html"), "{% block extrahead %}",
         "{% block extrahead %}\n  <link rel='stylesheet' href='https://fonts.googleapis.com/css?family=Roboto'>")
    result = build(project, strict=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "THIRD_PARTY_REQUEST" in output and "fonts.googleapis.com" in output, output


def test_every_page_has_a_strict_content_security_policy(built_site):
    for path in all_built_pages(built_site):
        html = path.read_text()
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert policy, f"{path} has no Content-Security-Policy"
        directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";"))
        assert directives["default-src"] == "'self'"
        assert "unsafe-inline" not in policy.group(1) and "http" not in policy.group(1)
        assert directives["script-src"].startswith("'self' 'wasm-unsafe-eval'")  # search's WebAssembly, no eval()
        assert "'unsafe-eval'" not in policy.group(1)


def test_links_to_other_websites_are_marked_external(built_site):
    """On a guide of the site under test: its links to other websites carry rel="external", its own do not."""
    guide = built_site / one(built_site, "guidance").strip("/") / "index.html"
    article = re.search(r"<article.*?</article>", guide.read_text(), re.DOTALL).group(0)
    own_host = urlsplit(load_data()[0].site.url).hostname
    outside = [a for a in re.findall(r'<a [^>]*href="https?://[^"]*"[^>]*>', article)
               if urlsplit(re.search(r'href="([^"]*)"', a).group(1)).hostname != own_host]
    assert outside, f"{guide} links to no other website: the test would prove nothing"
    assert all('rel="external noopener"' in a for a in outside), outside
    internal = re.findall(r'<a [^>]*href="\.\./[^"]*"[^>]*>', article)
    assert internal and not any("external" in a for a in internal), internal


@pytest.mark.browser
def test_pages_work_under_the_policy_and_set_no_cookies(browser, site_url, built_site):
    context = browser.new_context()
    tab = context.new_page()
    tab.add_init_script("""window.__csp = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));""")
    outside = []
    tab.on("request", lambda r: outside.append(r.url)
           if not r.url.startswith(site_url) and not r.url.startswith("data:") else None)
    for path in [one(built_site, kind) for kind in ("home", "crisis", "directory", "emergency plan", "glossary")]:
        tab.goto(site_url + path)
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate("window.__csp") == [], f"{path}: {tab.evaluate('window.__csp')}"
    tab.goto(site_url + "/")
    tab.locator("#ch-search-input").click()
    tab.keyboard.type(a_service_name_word(load_data()[1]))
    tab.wait_for_selector(".ch-search__list a", timeout=15_000)  # Pagefind compiled its WebAssembly
    assert tab.evaluate("window.__csp") == []
    assert context.cookies() == []
    assert outside == []
    context.close()


def test_third_party_resources_are_found_whatever_the_order_of_attributes():
    html = ('<link href="https://fonts.example.net/a.css" rel="stylesheet"><script src="//cdn.example.net/x.js">'
            '</script><img alt="" src="https://carers.example.org/own.png"><link rel="canonical" href="https://x.net/">'
            '<img src="https://carers.example.org/b.png" data-src="https://lazy.example.net/b.png">'
            '<a href="https://x.net/">a link is not a request</a><style>@import url("https://css.example.net/b.css")</style>')
    assert sorted(third_party.third_party_resources(html, OWN_HOST)) == [
        "//cdn.example.net/x.js", "https://css.example.net/b.css", "https://fonts.example.net/a.css",
        "https://lazy.example.net/b.png"]


def test_only_links_to_other_websites_are_marked_external():
    html = ('<a href="https://other.example.net/x">a</a><a href="https://carers.example.org/y">b</a>'
            '<a rel="nofollow" href="https://other.example.net/z">c</a><a class="k" href="http://plain.example.net">d</a>'
            '<a href="/local/">e</a>')
    assert security_headers.mark_external_links(html, OWN_HOST) == (
        '<a href="https://other.example.net/x" rel="external noopener">a</a><a href="https://carers.example.org/y">b</a>'
        '<a rel="nofollow" href="https://other.example.net/z">c</a>'
        '<a class="k" href="http://plain.example.net" rel="external noopener">d</a><a href="/local/">e</a>')
