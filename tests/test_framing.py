"""No other website can show this site inside a frame (clickjacking): hosts that read `_headers` refuse it for
every path; on GitHub Pages, which sends no headers we choose, the editor at /admin/ is hidden until it knows it
is the whole window, and public pages hide themselves when framed. Tried in Chromium from a second origin."""

from __future__ import annotations

import pytest

from conftest import load_data
from carers_hub.checks.links import serve
from carers_hub.core.urls import page_url
from carers_hub.directory import open_data
from support.static_hosts import HOSTS

NOT_FRAMED = {"Content-Security-Policy": "frame-ancestors 'none'", "X-Frame-Options": "DENY"}
# Another website's page that shows one of ours in a frame.
FRAMING = '<!doctype html><title>Another website</title><iframe src="{url}" width="1000" height="700"></iframe>\n'
# What each framed page draws once it has loaded: a heading (the example names no repository, so its editor's page
# says what to set up; it carries the same frame guard as the editor).
# A public page: the site's crisis page, which every site has.
DRAWN = {"admin/": "h1", page_url(load_data()[0].site_file.get_help_now.page): "h1"}


@pytest.mark.parametrize("host", ["Netlify", "Cloudflare Pages"])
def test_hosts_that_read_headers_refuse_framing_on_every_path_and_keep_the_open_data_rules(tmp_path, host):
    data, directory = load_data()
    site = tmp_path / "site"
    open_data.write(directory, data, site, page_size=10)  # the one writer of _headers and _redirects
    for page in ("index.html", "admin/index.html", "planning-ahead/make-your-plan/index.html"):
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text("<!doctype html><title>x</title>\n")
    some = directory.listings[0].uuid
    for url in ("/", "/admin/", "/planning-ahead/make-your-plan/", "/oruk", "/oruk/services?page=1",
                f"/oruk/services/{some}"):
        got = HOSTS[host](site, url)
        assert got.status == 200, (url, got.status)
        assert {name: got.headers.get(name) for name in NOT_FRAMED} == NOT_FRAMED, (host, url)
        if url.startswith("/oruk"):
            assert got.headers["Access-Control-Allow-Origin"] == "*", (host, url)
            assert got.headers["Content-Type"] == "application/json; charset=utf-8", (host, url)


@pytest.fixture
def other_website(tmp_path):
    """A second web server on 127.0.0.1 with its own port: another origin, as another website would be."""
    with serve(tmp_path) as address:
        yield tmp_path, address


def tab_on(browser, *origins):
    """A tab that may ask only these origins for anything (the local editor's server, for one, is not there)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origins)
                  else route.abort())
    return context, context.new_page()


@pytest.mark.browser
@pytest.mark.parametrize("path", DRAWN)
def test_inside_another_websites_frame_the_editor_and_the_pages_show_nothing(browser, site_url, other_website, path):
    folder, other = other_website
    (folder / "index.html").write_text(FRAMING.format(url=f"{site_url}/{path}"))
    context, tab = tab_on(browser, site_url, other)
    try:
        tab.goto(other + "/")  # waits for the frame to load too
        if tab.url.startswith(site_url):
            return  # the page took the whole window: the other website is gone
        [frame] = [f for f in tab.frames if f.url.startswith(site_url)]
        drawn = frame.locator(DRAWN[path]).first
        drawn.wait_for(state="attached")  # the page (the CMS, in the editor) has run and drawn itself...
        assert not drawn.is_visible(), f"{path} is shown inside another website's frame"  # ...and shows nothing
        assert frame.evaluate("getComputedStyle(document.documentElement).display") == "none"
    finally:
        context.close()


@pytest.mark.browser
def test_the_editor_opened_directly_shows_itself(browser, site_url):
    context, tab = tab_on(browser, site_url)
    try:
        tab.goto(f"{site_url}/admin/")
        tab.get_by_role("heading", name="The editor is not set up yet").wait_for(state="visible")
        assert tab.evaluate("getComputedStyle(document.documentElement).display") == "block"
    finally:
        context.close()
